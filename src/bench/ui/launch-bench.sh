#!/bin/sh
# Launch-to-first-frame of Port853's window (demo mode) against a bare JavaFX window, same JVM flags, same
# display, alternating runs; prints each run and the medians and their ratio. Then, optionally, resident memory
# after monitoring: RSS_SECONDS=600 src/bench/ui/launch-bench.sh
# Needs xvfb and libgtk-3-0. Usage: src/bench/ui/launch-bench.sh [runs]
set -e
RUNS=${1:-7}
ROOT="$(cd "$(dirname "$0")/../../.." && pwd)"
cd "$ROOT"
mvn -B -q -o compile
mvn -B -q -o dependency:build-classpath -Dmdep.outputFile=target/bench-cp.txt -Dmdep.includeScope=runtime >/dev/null
CP="target/classes:$(cat target/bench-cp.txt)"
mkdir -p target/bench-ui
javac -d target/bench-ui -cp "$CP" src/bench/ui/BareWindow.java src/bench/ui/Port853Window.java
Xvfb :77 -screen 0 1280x900x24 >/dev/null 2>&1 &
XPID=$!
trap 'kill $XPID 2>/dev/null' EXIT
sleep 1
export DISPLAY=:77
JOPTS="-Dprism.order=sw -Djavafx.cachedir=target/openjfx-cache -XX:+UseSerialGC"
XDG_CONFIG_HOME=$(mktemp -d); export XDG_CONFIG_HOME
run() { # main class -> ms from exec to first frame
  t0=$(date +%s%3N)
  t1=$(java $JOPTS -Dport853.bench=true -Dport853.bench.exit=true -cp "target/bench-ui:$CP" "$1" 2>/dev/null \
       | sed -n 's/^FIRST_FRAME //p' | head -1)
  echo $((t1 - t0))
}
run BareWindow >/dev/null   # warm the OS file cache and the JavaFX native cache once
run Port853Window >/dev/null
BARE=""; APP=""
i=0
while [ $i -lt "$RUNS" ]; do
  b=$(run BareWindow); a=$(run Port853Window)
  echo "run $((i+1)): bare ${b} ms, port853 ${a} ms"
  BARE="$BARE $b"; APP="$APP $a"; i=$((i+1))
done
median() { echo "$@" | tr ' ' '\n' | grep . | sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
MB=$(median $BARE); MA=$(median $APP)
echo "median bare: ${MB} ms"
echo "median port853: ${MA} ms"
echo "ratio: $(echo "$MA $MB" | awk '{printf "%.2f", $1/$2}')"

if [ -n "$RSS_SECONDS" ]; then
  java $JOPTS -cp "target/bench-ui:$CP" Port853Window >/dev/null 2>&1 &
  JPID=$!
  sleep "$RSS_SECONDS"
  echo "RSS after ${RSS_SECONDS} s of demo monitoring: $(awk '/VmRSS/ {printf "%.0f MB", $2/1024}' /proc/$JPID/status)"
  echo "peak RSS (VmHWM): $(awk '/VmHWM/ {printf "%.0f MB", $2/1024}' /proc/$JPID/status)"
  kill $JPID
fi
