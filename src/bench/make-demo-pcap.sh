#!/bin/bash
# Makes src/main/resources/org/port853/demo/demo.pcap: ~60 s of real DNS traffic from dns-lab.sh (unbound DoT
# server + unbound stub on 127.0.0.53 forwarding over DoT), captured with tcpdump -i any (SLL2):
# applications asking the stub (local plaintext on lo), the stub's DoT traffic on 853 (encrypted), and every
# ~10 s an application that bypasses the stub and leaks a query in plaintext to the server.
# Run as root from the repository root: src/bench/make-demo-pcap.sh
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
LAB=$ROOT/src/test/resources/org/port853/capture/dns-lab.sh
OUT=${1:-$ROOT/src/main/resources/org/port853/demo/demo.pcap}
export LAB_ID=p853demo LAB_NET=62
trap 'bash "$LAB" stop' EXIT
bash "$LAB" start
TMP=$(mktemp -d)
bash "$LAB" capture-start "$TMP/demo.pcap"
names=(www.wikipedia.org mail.example.com news.example.net cdn.example.org api.example.com
       updates.example.net static.example.org login.example.com maps.example.net docs.example.org)
leaks=(tracker.example.com printer.local.example ads.example.net telemetry.example.org vpn.example.com
       chat.example.net)
S4=198.18.$LAB_NET.2
S6=fd00:854:$LAB_NET::2
for t in $(seq 0 59); do
    n=${names[$((t % ${#names[@]}))]}
    if (( t % 2 == 0 )); then bash "$LAB" exec dig +time=2 +tries=1 @127.0.0.53 "$n" A >/dev/null; fi
    if (( t % 3 == 0 )); then bash "$LAB" exec dig +time=2 +tries=1 @::1 "$n" AAAA >/dev/null; fi
    if (( t % 10 == 5 )); then
        l=${leaks[$((t / 10))]}
        bash "$LAB" exec dig +time=2 +tries=1 @"$S4" "$l" A >/dev/null
        bash "$LAB" exec dig +time=2 +tries=1 @"$S6" "$l" AAAA >/dev/null
    fi
    sleep 0.9
done
bash "$LAB" capture-stop
cp "$TMP/demo.pcap" "$OUT"
rm -rf "$TMP"
capinfos -c -u "$OUT" || true
