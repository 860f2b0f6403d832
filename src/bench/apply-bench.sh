#!/usr/bin/env bash
# Apply benchmark: time from command to verified DoT with `port853 apply` (journal, atomic write, restart,
# D-Bus health check proving TLS), against the bare manual way in the same rig and the same run: install the
# same drop-in, `systemctl restart systemd-resolved`, `resolvectl query`. Prints medians and the ratio.
# Usage (root, after `mvn -B package -DskipTests`): src/bench/apply-bench.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-7}
export RIG_ID=benchap RIG_NET=97
rig=src/test/rig/rig.sh
jar=$(readlink -f target/port853.jar)
java=$(readlink -f "$(command -v java)")
. src/bench/private-xdg.sh # the rig shares /root and /tmp with the host: port853 as root logs to its state folder
trap 'RIG_STOP_REAP=0 $rig stop >/dev/null 2>&1 || true; rm -rf "$BENCH_XDG"' EXIT
$rig start >/dev/null
server=198.18.$RIG_NET.2#dot.test
ms() { date +%s%N; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
ours=() manual=() helper=()
dropin=$(mktemp)
$rig exec "$java" -jar "$jar" export --server "$server" --mode strict --all-domains --format resolved > "$dropin"
for i in $(seq "$runs"); do
  $rig exec "$java" -jar "$jar" revert >/dev/null
  t0=$(ms); out=$($rig exec "$java" -jar "$jar" apply --server "$server" --mode strict --all-domains --json); t1=$(ms)
  grep -q '"encryptedVerified" : true' <<<"$out" || { echo "apply did not verify DoT: $out" >&2; exit 1; }
  ours+=($(( (t1 - t0) / 1000000 )))
  helper+=($(grep -o '"elapsedMillis" : [0-9]*' <<<"$out" | grep -o '[0-9]*$'))
  $rig exec "$java" -jar "$jar" revert >/dev/null
  t0=$(ms)
  $rig exec sh -c "install -m 0644 '$dropin' /etc/systemd/resolved.conf.d/zz-port853.conf && systemctl restart systemd-resolved.service \
     && until resolvectl query example.com >/dev/null 2>&1; do sleep 0.05; done"
  t1=$(ms)
  manual+=($(( (t1 - t0) / 1000000 )))
  $rig exec rm -f /etc/systemd/resolved.conf.d/zz-port853.conf
done
rm -f "$dropin"
o=$(printf '%s\n' "${ours[@]}" | median); m=$(printf '%s\n' "${manual[@]}" | median); h=$(printf '%s\n' "${helper[@]}" | median)
echo "runs: $runs"
echo "port853 apply, command to verified DoT (JVM start included): median ${o} ms  [${ours[*]}]"
echo "  of which the helper (journal, write, restart, health check): median ${h} ms  [${helper[*]}]"
echo "manual install + systemctl restart + resolvectl query:              median ${m} ms  [${manual[*]}]"
awk -v o="$o" -v m="$m" -v h="$h" 'BEGIN { printf "ratio port853/manual: %.2f (helper only: %.2f)\n", o / m, h / m }'
