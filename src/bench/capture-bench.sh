#!/bin/bash
# Capture benchmarks (see docs/benchmarks.md). Run as root from the repository root after `mvn package`
# (or with CP set to a class path holding target/classes and the runtime dependencies).
#   src/bench/capture-bench.sh analyze [RUNS]        1,000,000-frame pcap: port853 analyze vs tshark -z io,stat,0
#   src/bench/capture-bench.sh live [SECONDS]        loopback flood with tcpreplay in a namespace, our live capture
#   src/bench/capture-bench.sh idle [SECONDS]        CPU of `monitor` with no DNS traffic
#   src/bench/capture-bench.sh soak [SECONDS] [PPS]  RSS of the live capture under steady load
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK=${BENCH_DIR:-/tmp/port853-bench}
mkdir -p "$WORK/cls"
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
    runs=${2:-3}
    big=$WORK/big.pcap
    [[ -f $big ]] || "${JAVA[@]}" make-big "$FIXTURE" "$big" 1000000
    echo "file: $big ($(capinfos -c -M "$big" | awk '/Number of packets/ {print $NF}') frames, $(du -h "$big" | cut -f1))"
    ours=(); theirs=()
    for i in $(seq 1 "$runs"); do
        ours+=("$(secs "${JAVA[@]}" analyze "$big" --json)")
        theirs+=("$(secs tshark -r "$big" -q -z io,stat,0)")
        echo "run $i: port853 analyze ${ours[-1]} s, tshark ${theirs[-1]} s"
    done
    o=$(printf '%s\n' "${ours[@]}" | median); t=$(printf '%s\n' "${theirs[@]}" | median)
    printf 'median: port853 analyze %.2f s (%.0f frames/s), tshark %.2f s; ratio tshark/port853 = %.1fx\n' \
        "$o" "$(echo "1000000 / $o" | bc -l)" "$t" "$(echo "$t / $o" | bc -l)"
    ;;
live|soak)
    secs=${2:-20}
    ns=p853bench
    ip netns del $ns 2>/dev/null || true
    ip netns add $ns
    trap 'ip netns pids '$ns' | xargs -r kill 2>/dev/null; sleep 0.5; ip netns del '$ns'' EXIT
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
    trap 'ip netns del '$ns'' EXIT
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
