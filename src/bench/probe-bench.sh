#!/bin/bash
# DoT probe benchmark (see docs/benchmarks.md): handshake + first answer of Port853's probe against kdig +tls on
# the dot-lab's good server, alternating in one run. Run as root from the repository root after `mvn package`.
#   src/bench/probe-bench.sh [RUNS]      (default 30)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK=${BENCH_DIR:-/tmp/port853-bench}
mkdir -p "$WORK/cls"
if [[ -z ${CP:-} ]]; then
    (cd "$ROOT" && mvn -B -q dependency:build-classpath -Dmdep.outputFile="$WORK/cp.txt" >/dev/null)
    CP=$ROOT/target/classes:$(cat "$WORK/cp.txt")
fi
javac -nowarn -d "$WORK/cls" -cp "$CP" "$ROOT/src/bench/java/org/port853/bench/DotProbeBench.java"
export RIG_ID=${RIG_ID:-bench${RIG_ID_SUFFIX:-}} RIG_NET=${RIG_NET:-87}
LAB=$ROOT/src/test/rig/dot-lab.sh
. "$ROOT/src/bench/private-xdg.sh"
trap '"$LAB" stop; rm -rf "$BENCH_XDG"' EXIT
"$LAB" start
eval "$("$LAB" env)"
"$LAB" exec java -cp "$WORK/cls:$CP" org.port853.bench.DotProbeBench "$LAB_GOOD" dot.test "$LAB_CA" "${1:-30}"
