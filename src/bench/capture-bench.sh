#!/bin/bash
# Capture benchmarks (see docs/benchmarks.md). Run as root from the repository root after `mvn package`
# (or with CP set to a class path holding target/classes and the runtime dependencies).
#   src/bench/capture-bench.sh analyze [RUNS]        1,000,000-frame pcap: port853 analyze (java -jar, and with the
#                                                    packaged JVM options) vs tshark -z io,stat,0
#   src/bench/capture-bench.sh live [SECONDS]        loopback flood with tcpreplay in a namespace, our live capture
#   src/bench/capture-bench.sh idle [SECONDS]        CPU of `monitor` with no DNS traffic
#   src/bench/capture-bench.sh soak [SECONDS] [PPS]  RSS of the live capture under steady load
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK=${BENCH_DIR:-/tmp/port853-bench}
mkdir -p "$WORK/cls"
. "$ROOT/src/bench/private-xdg.sh" # JNA unpacks pcap4j's native part into the cache folder
trap 'rm -rf "$BENCH_XDG"' EXIT
if [[ -z ${CP:-} ]]; then
    (cd "$ROOT" && mvn -B -q dependency:build-classpath -Dmdep.outputFile="$WORK/cp.txt" >/dev/null)
    CP=$ROOT/target/classes:$(cat "$WORK/cp.txt")
fi
javac -nowarn -d "$WORK/cls" -cp "$CP" "$ROOT/src/bench/java/org/port853/bench/CaptureBench.java"
JVM_OPTS=(${JVM_OPTS:-})
JAVA=(java "${JVM_OPTS[@]}" -Dorg.pcap4j.core.pcapLibName=libpcap.so.0.8 -cp "$WORK/cls:$CP" org.port853.bench.CaptureBench)
FIXTURE=$ROOT/src/test/resources/org/port853/capture/lab-any-sll2.pcap
ETH_FIXTURE=$ROOT/src/test/resources/org/port853/capture/lab-eth0.pcap
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
secs() { local s e; s=$(date +%s.%N); "$@" >/dev/null 2>&1; e=$(date +%s.%N); echo "$e - $s" | bc -l; }

case ${1:-analyze} in
analyze)
    # three commands on the same file, alternately: the README's `java -jar target/port853.jar analyze`, the same
    # jar with the packaged JVM options (installer/linux/jvm-options, with a class-data-sharing archive made by a
    # training run of analyze on the lab capture, like the installer's), and tshark
    runs=${2:-3}
    big=$WORK/big.pcap
    [[ -f $big ]] || "${JAVA[@]}" make-big "$FIXTURE" "$big" 1000000
    frames=$(capinfos -c -M "$big" | awk '/Number of packets/ {print $NF}')
    echo "file: $big ($frames frames, $(du -h "$big" | cut -f1))"
    JAR=$ROOT/target/port853.jar
    [[ -f $JAR ]] || { echo "run 'mvn -B package -DskipTests' first ($JAR)" >&2; exit 1; }
    jsa=$WORK/analyze.jsa
    packaged=($(grep -v '^[[:space:]]*#' "$ROOT/installer/linux/jvm-options" | grep . | grep -v SharedArchiveFile))
    rm -f "$jsa"
    java "${packaged[@]}" -XX:ArchiveClassesAtExit="$jsa" -jar "$JAR" analyze "$FIXTURE" --json >/dev/null 2>&1
    dev=(); pkg=(); theirs=()
    for i in $(seq 1 "$runs"); do
        dev+=("$(secs java -jar "$JAR" analyze "$big" --json)")
        pkg+=("$(secs java "${packaged[@]}" -XX:SharedArchiveFile="$jsa" -jar "$JAR" analyze "$big" --json)")
        theirs+=("$(secs tshark -r "$big" -q -z io,stat,0)")
        echo "run $i: java -jar ${dev[-1]} s, packaged options ${pkg[-1]} s, tshark ${theirs[-1]} s (load $(cut -d' ' -f1 /proc/loadavg))"
    done
    d=$(printf '%s\n' "${dev[@]}" | median); p=$(printf '%s\n' "${pkg[@]}" | median)
    t=$(printf '%s\n' "${theirs[@]}" | median)
    printf 'median of %d: tshark %.2f s\n' "$runs" "$t"
    printf '  java -jar analyze        %.2f s (%.0f frames/s) = %.1fx tshark\n' "$d" "$(echo "$frames / $d" | bc -l)" \
        "$(echo "$t / $d" | bc -l)"
    printf '  packaged options + CDS   %.2f s (%.0f frames/s) = %.1fx tshark\n' "$p" "$(echo "$frames / $p" | bc -l)" \
        "$(echo "$t / $p" | bc -l)"
    ;;
live|soak)
    secs=${2:-20}
    ns=p853bench
    ip netns del $ns 2>/dev/null || true
    ip netns add $ns
    trap 'ip netns pids '$ns' | xargs -r kill 2>/dev/null; sleep 0.5; ip netns del '$ns'; rm -rf "$BENCH_XDG"' EXIT
    ip netns exec $ns ip link set lo up
    flood=$WORK/flood.pcap
    [[ -f $flood ]] || "${JAVA[@]}" make-big "$ETH_FIXTURE" "$flood" 200000
    ip netns exec $ns "${JAVA[@]}" live lo "$secs" > "$WORK/live.out" 2>&1 &
    cap=$!
    for _ in $(seq 1 100); do grep -q READY "$WORK/live.out" 2>/dev/null && break; sleep 0.1; done
    if [[ $1 == live ]]; then
        # a fixed rate (third argument, packets/s) or as fast as tcpreplay can push onto lo ("top")
        rate=${3:-top}
        # traffic starts as soon as the capture reports READY: the first second after start counts
        # (WARMUP=N seconds of idle capture before the flood, to measure the steady state only)
        sleep "${WARMUP:-0}"
        if [[ $rate == top ]]; then rateopt=(--topspeed); else rateopt=(--pps="$rate"); fi
        ip netns exec $ns tcpreplay -q -i lo "${rateopt[@]}" --loop=0 --duration=$((secs - 2 - ${WARMUP:-0})) "$flood" || true
    else
        pps=${3:-20000}
        ( while kill -0 $cap 2>/dev/null; do
              ip netns exec $ns tcpreplay -q -i lo --pps="$pps" --duration=60 "$flood" >/dev/null 2>&1 || true
          done ) &
        pid=$(pgrep -n -f "org.port853.bench.CaptureBench live lo $secs" || true)
        for t in $(seq 0 30 "$secs"); do
            [[ -n $pid ]] && echo "t=${t}s RSS=$(awk '/VmRSS/ {print $2 " " $3}' /proc/"$pid"/status 2>/dev/null)"
            sleep 30
        done
    fi
    wait $cap || true
    grep -E 'packets/s|TOTAL' "$WORK/live.out" | tail -n $(( secs + 1 ))
    ;;
idle)
    secs=${2:-30}
    ns=p853idle
    ip netns del $ns 2>/dev/null || true
    ip netns add $ns
    trap 'ip netns del '$ns'; rm -rf "$BENCH_XDG"' EXIT
    ip netns exec $ns ip link set lo up
    ip netns exec $ns "${JAVA[@]}" monitor --duration "$((secs + 15))" > "$WORK/idle.out" 2>&1 &
    sleep 10  # let the JVM finish starting and JIT-compiling
    pid=$(pgrep -n -f "org.port853.bench.CaptureBench monitor")
    t0=$(awk '{print $14 + $15}' /proc/"$pid"/stat)
    sleep "$secs"
    t1=$(awk '{print $14 + $15}' /proc/"$pid"/stat)
    hz=$(getconf CLK_TCK)
    printf 'monitor idle CPU over %d s: %.2f%% of one core (RSS %s)\n' "$secs" \
        "$(echo "($t1 - $t0) * 100 / $hz / $secs" | bc -l)" "$(awk '/VmRSS/ {print $2 " " $3}' /proc/"$pid"/status)"
    wait || true
    ;;
esac
