#!/bin/sh
# Desktop app benchmarks, under Xvfb with software rendering. Needs xvfb and libgtk-3-0.
#
#   src/bench/ui/launch-bench.sh [runs]          launch to first frame, Port853 against a bare JavaFX window
#   src/bench/ui/launch-bench.sh soak [seconds]  resident memory while the demo monitors (default 600 s)
#
# Launch: both programs are started from the packaged jar the same way (`java -jar target/port853.jar --demo`
# and `java -cp target/bench-ui/bare.jar:target/port853.jar BareWindow`, which gets JavaFX from the jar's Class-Path),
# alternately, in two modes, each with a warm-up run of both that is discarded:
#   defaults  only the display flags below (what `java -jar target/port853.jar` does)
#   packaged  plus the options in installer/linux/jvm-options; its class-data-sharing archive is made by a
#             training run (-XX:ArchiveClassesAtExit) for Port853, and the bare window gets its own archive
#             made the same way, so both sides get the same treatment.
# Time = wall clock from exec to the second animation pulse after stage.show() (FIRST_FRAME); for Port853 also
# to the second pulse after the Status screen is filled in (STATUS_FRAME; equal to FIRST_FRAME when the screen
# is built before the window is shown). Beside it, the CPU time the process used up to that frame (all threads,
# from ProcessHandle): on a machine shared with other work it scatters far less than wall time.
# Soak: the packaged options, demo mode (bundled capture replayed in real time, graph and leak table live, leak
# notifications, the Traffic screen shown); RSS from /proc/PID/status at 1, 5 and 10 minutes, then the heap after
# a full GC. The reference runs beside it for the same time on the same display: the bare window of the launch
# runs (which stays open without -Dport853.bench.exit), the same options with its own archive; the ratio is printed.
# GTK 3 probes an X display's GL visuals once (libepoxy loads Mesa: ~45 MB file-backed and ~15 MB anonymous RSS
# under Xvfb) and caches the answer on the root window (GDK_VISUALS); on a desktop session some GTK program has
# always done that before Port853 starts. So the soak (Xvfb -noreset, else the property goes
# when the last client leaves) first lets a Port853 instance run until the display has that property and stops
# it; with SOAK_FRESH=1 it skips this and the measured instance pays for the probe itself.
# Port853's archive for the soak is made as the installer makes the window launcher's (a run of the window in demo
# mode that quits after its Status screen is drawn; the command line has its own archive), so the soak measures the
# archive that ships. A desktop session also has a session bus with a
# notification service: where dbus-daemon and notification-daemon (Debian package notification-daemon) are
# installed, the soak runs both programs in one (a private session bus and notification-daemon, stopped by PID
# at the end), and Port853's leak notifications go there; SOAK_NO_DESKTOP=1 leaves it out (pop-ups in the window).
set -e
ROOT="$(cd "$(dirname "$0")/../../.." && pwd)"
cd "$ROOT"
MODE=launch
if [ "$1" = soak ]; then MODE=soak; SOAK=${2:-600}; else RUNS=${1:-7}; fi
mvn -B -q -o package -DskipTests
rm -rf target/bench-ui && mkdir -p target/bench-ui/classes
javac -d target/bench-ui/classes -cp target/port853.jar src/bench/ui/BareWindow.java
jar cf target/bench-ui/bare.jar -C target/bench-ui/classes .  # class-data sharing takes jars, not directories
DISPLAY_NUM=${BENCH_DISPLAY:-77}
# -noreset: keep the server (and its root-window properties) when the last client leaves, like a desktop
# session. Off for the launch runs unless XVFB_NORESET=1, so each run starts on a freshly reset server.
NORESET=""
if [ "$MODE" = soak ] || [ -n "$XVFB_NORESET" ]; then NORESET=-noreset; fi
. src/bench/private-xdg.sh
Xvfb ":$DISPLAY_NUM" $NORESET -screen 0 1280x900x24 >/dev/null 2>&1 &
XPID=$!
trap 'kill $XPID 2>/dev/null; rm -rf "$BENCH_XDG"' EXIT
sleep 1
export DISPLAY=":$DISPLAY_NUM"
# Display flags, the same for every run: software rendering (Xvfb has no GPU), the native-library cache.
DISPLAY_FLAGS="-Dprism.order=sw -Djavafx.cachedir=target/openjfx-cache"
APPDIR="$ROOT/target"
# The packaged options with $APPDIR resolved; $1 is the archive to use in place of $APPDIR/port853.jsa.
packaged() {
  grep -v '^[[:space:]]*#' installer/linux/jvm-options | grep . \
    | sed -e "s#\$APPDIR/port853.jsa#$1#" -e "s#\$APPDIR#$APPDIR#g" | tr '\n' ' '
}
APP="-jar target/port853.jar --demo"
BARE="-cp target/bench-ui/bare.jar:target/port853.jar BareWindow"

if [ "$MODE" = soak ]; then
  # class-data-sharing archives by training runs, one for each program, as in the launch runs
  java $(packaged "$APPDIR/port853.jsa" | sed 's/-XX:SharedArchiveFile=[^ ]*//') -XX:ArchiveClassesAtExit="$APPDIR/port853.jsa" \
    $DISPLAY_FLAGS -Dport853.bench=true -Dport853.bench.exit=true $APP >/dev/null 2>&1
  java $(packaged "$APPDIR/bench-ui/bare.jsa" | sed 's/-XX:SharedArchiveFile=[^ ]*//') \
    -XX:ArchiveClassesAtExit="$APPDIR/bench-ui/bare.jsa" $DISPLAY_FLAGS -Dport853.bench.exit=true $BARE >/dev/null 2>&1
  # (the training runs above open windows, so the display is usually probed already; an instance killed while it is
  # still connecting has left Xvfb refusing every later client)
  if [ -z "$SOAK_FRESH" ] && ! xprop -root 2>/dev/null | grep -q GDK_VISUALS; then
    java $(packaged "$APPDIR/port853.jsa") $DISPLAY_FLAGS -Dport853.screen=traffic $APP >/dev/null 2>&1 &
    PPID_=$!; n=0
    while [ $n -lt 300 ] && ! xprop -root 2>/dev/null | grep -q GDK_VISUALS; do sleep 1; n=$((n+1)); done
    kill $PPID_; wait $PPID_ 2>/dev/null || true
  fi
  echo "display's GL visuals probed before Port853 started: $(if xprop -root 2>/dev/null | grep -q GDK_VISUALS; then echo yes; else echo no; fi)"
  NOTIFY=/usr/lib/notification-daemon/notification-daemon
  if [ -z "$SOAK_NO_DESKTOP" ] && command -v dbus-daemon >/dev/null && [ -x $NOTIFY ]; then
    BUSDIR=$(mktemp -d)
    dbus-daemon --session --fork --address="unix:path=$BUSDIR/bus" --print-address=1 --print-pid=3 \
      3>"$BUSDIR/pid" >"$BUSDIR/address"
    BUSPID=$(cat "$BUSDIR/pid"); DBUS_SESSION_BUS_ADDRESS=$(cat "$BUSDIR/address"); export DBUS_SESSION_BUS_ADDRESS
    $NOTIFY >/dev/null 2>&1 &
    NPID=$!
    trap 'kill $NPID $BUSPID $XPID 2>/dev/null; rm -rf "$BUSDIR" "$BENCH_XDG"' EXIT
    echo "desktop session: session bus (dbus-daemon pid $BUSPID) with notification-daemon (pid $NPID)"
  else
    echo "desktop session: none (no session bus and notification service; leak notifications are pop-ups)"
  fi
  # Port853 and the reference (the bare window of the launch runs, its own archive, the same options) side by side
  # on the same display for the same time.
  java $(packaged "$APPDIR/port853.jsa") $DISPLAY_FLAGS -Dport853.screen=traffic $APP >/dev/null 2>&1 &
  JPID=$!
  java $(packaged "$APPDIR/bench-ui/bare.jsa") $DISPLAY_FLAGS $BARE >/dev/null 2>&1 &
  BPID=$!
  trap 'kill $JPID $BPID $NPID $BUSPID $XPID 2>/dev/null; [ -z "$BUSDIR" ] || rm -rf "$BUSDIR"; rm -rf "$BENCH_XDG"' EXIT
  kb() { awk -v k="$2:" '$1 == k {print $2}' /proc/$1/status; }
  mb() { echo "$1" | awk '{printf "%.0f MB", $1/1024}'; }
  ratio() { echo "$1 $2" | awk '{printf "%.2f", $1/$2}'; }
  t=0
  for at in 60 300 600 900 1200 1800 3600; do
    [ "$at" -le "$SOAK" ] || break
    sleep $((at - t)); t=$at
    echo "after ${at} s: port853 RSS $(mb $(kb $JPID VmRSS))" \
      "(anonymous $(mb $(kb $JPID RssAnon)), file-backed $(mb $(kb $JPID RssFile)))," \
      "peak (VmHWM) $(mb $(kb $JPID VmHWM))," \
      "Mesa/LLVM mapped: $(if grep -q libLLVM /proc/$JPID/maps; then echo yes; else echo no; fi)"
    echo "after ${at} s: bare window RSS $(mb $(kb $BPID VmRSS))" \
      "(anonymous $(mb $(kb $BPID RssAnon)), file-backed $(mb $(kb $BPID RssFile)))," \
      "peak (VmHWM) $(mb $(kb $BPID VmHWM))"
    echo "after ${at} s: ratio port853 / bare window: RSS $(ratio $(kb $JPID VmRSS) $(kb $BPID VmRSS))," \
      "anonymous $(ratio $(kb $JPID RssAnon) $(kb $BPID RssAnon)), file-backed $(ratio $(kb $JPID RssFile) $(kb $BPID RssFile))"
  done
  for p in $JPID $BPID; do
    if [ $p = $JPID ]; then what=port853; else what="bare window"; fi
    jcmd $p GC.run >/dev/null
    echo "$what: heap after a full GC (jcmd $p GC.heap_info):"
    jcmd $p GC.heap_info | sed 1d
  done
  echo "RSS after the GC: port853 $(mb $(kb $JPID VmRSS)), bare window $(mb $(kb $BPID VmRSS))," \
    "ratio $(ratio $(kb $JPID VmRSS) $(kb $BPID VmRSS))"
  kill $JPID $BPID
  exit 0
fi

# one run: prints "FIRST STATUS FIRST_CPU STATUS_CPU" in ms (wall from exec; CPU of the process)
run() {
  t0=$(date +%s%3N)
  out=$(java "$@" 2>/dev/null)
  f=$(echo "$out" | sed -n 's/^FIRST_FRAME //p' | head -1)
  s=$(echo "$out" | sed -n 's/^STATUS_FRAME //p' | head -1)
  fc=$(echo "$out" | sed -n 's/^FIRST_FRAME_CPU //p' | head -1)
  sc=$(echo "$out" | sed -n 's/^STATUS_FRAME_CPU //p' | head -1)
  [ -n "$s" ] || s=$f
  [ -n "$sc" ] || sc=$fc
  echo "$((f - t0)) $((s - t0)) $fc $sc"
}
median() { echo "$@" | tr ' ' '\n' | grep . | sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
BENCH="-Dport853.bench=true -Dport853.bench.exit=true"
for mode in defaults packaged; do
  if [ $mode = defaults ]; then
    OA="$DISPLAY_FLAGS"; OB="$DISPLAY_FLAGS"
  else
    for prog in app bare; do # training runs: dump the classes loaded up to the first frame
      if [ $prog = app ]; then jsa="$APPDIR/port853.jsa"; what="$APP"; else jsa="$APPDIR/bench-ui/bare.jsa"; what="$BARE"; fi
      rm -f "$jsa"
      java $(packaged "$jsa" | sed 's/-XX:SharedArchiveFile=[^ ]*//') -XX:ArchiveClassesAtExit="$jsa" $DISPLAY_FLAGS \
        $BENCH $what >/dev/null 2>&1
    done
    OA="$(packaged "$APPDIR/port853.jsa") $DISPLAY_FLAGS"; OB="$(packaged "$APPDIR/bench-ui/bare.jsa") $DISPLAY_FLAGS"
  fi
  echo "== $mode: java $OA"
  run $OB $BENCH $BARE >/dev/null; run $OA $BENCH $APP >/dev/null   # warm-up, discarded
  B=""; A=""; S=""; BC=""; AC=""; SC=""; i=0
  while [ $i -lt "$RUNS" ]; do
    rb=$(run $OB $BENCH $BARE); r=$(run $OA $BENCH $APP)
    set -- $rb; b=$1; bc=$3
    set -- $r; a=$1; s=$2; ac=$3; sc=$4
    echo "run $((i+1)): bare ${b} ms (CPU ${bc} ms), port853 ${a} ms (CPU ${ac} ms), status filled ${s} ms (CPU ${sc} ms)"
    B="$B $b"; A="$A $a"; S="$S $s"; BC="$BC $bc"; AC="$AC $ac"; SC="$SC $sc"; i=$((i+1))
  done
  MB=$(median $B); MA=$(median $A); MS=$(median $S)
  MBC=$(median $BC); MAC=$(median $AC); MSC=$(median $SC)
  echo "$mode: median bare ${MB} ms, port853 ${MA} ms, ratio $(echo "$MA $MB" | awk '{printf "%.2f", $1/$2}');" \
    "status filled ${MS} ms, ratio $(echo "$MS $MB" | awk '{printf "%.2f", $1/$2}')"
  echo "$mode CPU: median bare ${MBC} ms, port853 ${MAC} ms, ratio $(echo "$MAC $MBC" | awk '{printf "%.2f", $1/$2}');" \
    "status filled ${MSC} ms, ratio $(echo "$MSC $MBC" | awk '{printf "%.2f", $1/$2}')"
done
