#!/bin/sh
# Installed package against `java -jar`, in the same run (needs the .deb installed, xvfb, and target/port853.jar):
#
#   src/bench/ui/installed-bench.sh [runs]
#
# Alternates, after one discarded warm-up pair:
#   installed  /usr/bin/port853 --demo  (jpackage launcher, jlink'd runtime, installer/linux/jvm-options, the
#              package's class-data-sharing archive)
#   jar        java -jar target/port853.jar --demo  (the README's command, the system JDK, JVM defaults)
# Both get -Dprism.order=sw (Xvfb has no GPU) and the bench properties through JAVA_TOOL_OPTIONS (the
# jpackage launcher takes no JVM options on its command line). Time = wall clock from exec to the second
# animation pulse after stage.show() (FIRST_FRAME) and after the Status screen is filled in (STATUS_FRAME).
# Then RSS of each, 15 s after start (window open, demo capture replaying), from /proc/PID/status.
# Also prints the package and installed sizes.
set -e
ROOT="$(cd "$(dirname "$0")/../../.." && pwd)"
cd "$ROOT"
RUNS=${1:-7}
[ -x /usr/lib/port853/bin/port853 ] || { echo "install the .deb first" >&2; exit 1; }
[ -f target/port853.jar ] || mvn -B -q -o package -DskipTests
DISPLAY_NUM=${BENCH_DISPLAY:-78}
. src/bench/private-xdg.sh
Xvfb ":$DISPLAY_NUM" -screen 0 1280x900x24 -nolisten tcp >/dev/null 2>&1 &
XPID=$!
trap 'kill $XPID 2>/dev/null; rm -rf "$BENCH_XDG"' EXIT
sleep 1
export DISPLAY=":$DISPLAY_NUM"
HOME_DIR=$BENCH_XDG  # also for what follows HOME alone (Java's user.home stays root's: JNA's cache needs XDG_CACHE_HOME)
FLAGS="-Dprism.order=sw -Djavafx.cachedir=$HOME_DIR/fx"
BENCH="-Dport853.bench=true -Dport853.bench.exit=true"

run() { # run installed|jar -> "FIRST STATUS"
  t0=$(date +%s%3N)
  if [ "$1" = installed ]; then
    out=$(HOME=$HOME_DIR JAVA_TOOL_OPTIONS="$FLAGS $BENCH" /usr/bin/port853 --demo 2>/dev/null)
  else
    out=$(HOME=$HOME_DIR JAVA_TOOL_OPTIONS="$FLAGS $BENCH" java -jar target/port853.jar --demo 2>/dev/null)
  fi
  f=$(echo "$out" | sed -n 's/^FIRST_FRAME //p' | head -1)
  s=$(echo "$out" | sed -n 's/^STATUS_FRAME //p' | head -1)
  echo "$((f - t0)) $((s - t0))"
}
median() { echo "$@" | tr ' ' '\n' | grep . | sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
run installed >/dev/null; run jar >/dev/null
IF=""; IS=""; JF=""; JS=""; i=0
while [ $i -lt "$RUNS" ]; do
  a=$(run installed); b=$(run jar)
  echo "run $((i+1)): installed ${a% *}/${a#* } ms, java -jar ${b% *}/${b#* } ms (first frame/Status filled)"
  IF="$IF ${a% *}"; IS="$IS ${a#* }"; JF="$JF ${b% *}"; JS="$JS ${b#* }"; i=$((i+1))
done
mi=$(median $IF); ms=$(median $IS); mj=$(median $JF); mjs=$(median $JS)
echo "median first frame: installed $mi ms, java -jar $mj ms, ratio $(echo "$mi $mj" | awk '{printf "%.2f", $1/$2}')"
echo "median Status filled: installed $ms ms, java -jar $mjs ms, ratio $(echo "$ms $mjs" | awk '{printf "%.2f", $1/$2}')"

rss() { # rss installed|jar -> RSS in MB 15 s after start
  if [ "$1" = installed ]; then
    HOME=$HOME_DIR JAVA_TOOL_OPTIONS="$FLAGS" /usr/bin/port853 --demo >/dev/null 2>&1 &
  else
    HOME=$HOME_DIR JAVA_TOOL_OPTIONS="$FLAGS" java -jar target/port853.jar --demo >/dev/null 2>&1 &
  fi
  p=$!; sleep 15
  # the jpackage launcher execs no child: the JVM runs in the launcher's process
  awk '/VmRSS/ {printf "%.0f", $2/1024}' /proc/$p/status
  kill $p; wait $p 2>/dev/null || true
}
echo "RSS 15 s after start (demo running): installed $(rss installed) MB, java -jar $(rss jar) MB"
deb=$(ls target/installer/port853_*_amd64.deb 2>/dev/null | head -1)
rpm=$(ls target/installer/port853-*.rpm 2>/dev/null | head -1)
[ -n "$deb" ] && echo "package sizes: $(du -k "$deb" | cut -f1) KiB .deb, $([ -n "$rpm" ] && du -k "$rpm" | cut -f1) KiB .rpm"
echo "installed: $(dpkg-query -W -f='${Installed-Size}' port853) KiB (Installed-Size), /usr/lib/port853 $(du -sk /usr/lib/port853 | cut -f1) KiB (runtime $(du -sk /usr/lib/port853/lib/runtime | cut -f1) KiB)"
