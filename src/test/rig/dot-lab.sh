#!/bin/bash
# Port853 DoT lab: REAL unbound DNS-over-TLS servers with every kind of fault the doctor diagnoses, in a
# server network namespace, reached from a client namespace over a veth pair. Nothing leaves the namespaces.
# Conventions as in rig.sh (namespaces named after RIG_ID, 198.18.0.0/15 only, pid files with start times).
#
# Usage: dot-lab.sh start|stop|env|rekey|exec CMD...
#   rekey: the good server (.2) gets a new key and certificate (same name, same CA) and restarts: a key change
#   RIG_ID   [a-z0-9]{1,12}, default lab    namespaces ${RIG_ID}-lc (client) / ${RIG_ID}-ls (servers)
#   RIG_NET  0..255, default 85              client 198.18.N.1/24
#   RIG_DIR  default /tmp/port853-lab-${RIG_ID}
#   LAB_SLOW_MS  netem delay of the slow server, default 150 (kernels without sch_netem: 8 kbit/s htb limit;
#                $RIG_DIR/slow-kind says which)
# Servers (all answer the same data; TLS name dot.test; rig CA in $RIG_DIR/pki/ca.pem):
#   .2 good       valid certificate, validating resolver (DNSSEC), large answer big.test TXT (~4 KB)
#   .3 expired    certificate valid 2020-01-01..2021-01-01, same CA
#   .4 wrongname  certificate for wrong.test only, same CA
#   .5 untrusted  certificate from another CA ("Intercepting-Proxy-CA": what a TLS-inspecting middlebox shows)
#   .6 tls12      good certificate, TLS 1.2 at most
#   .7 closed     nothing listens on 853 (TCP reset: "refused")
#   .8 dropped    853 silently dropped by nftables in the server namespace ("timed out")
#   .9 slow       good certificate, everything it sends is delayed (netem) or rate-limited (htb)
#   .10 reset     accepts TCP on 853, then nftables resets the connection when the ClientHello arrives
# Answers: host.test A 198.51.100.10, dot.test A 198.51.100.53, big.test 16 TXT records, signed.test A
#   198.51.100.20 (signed, AD), bogus.test A 198.51.100.21 (signature does not match the trust anchor: SERVFAIL
#   on .2), every other name A 198.51.100.1.
set -euo pipefail

SELF=$(readlink -f "${BASH_SOURCE[0]}")
RIG_ID=${RIG_ID:-lab}
[[ $RIG_ID =~ ^[a-z0-9]{1,12}$ ]] || { echo "lab: RIG_ID must match [a-z0-9]{1,12}: '$RIG_ID'" >&2; exit 2; }
RIG_NET=${RIG_NET:-85}
[[ $RIG_NET =~ ^[0-9]+$ && $RIG_NET -le 255 ]] || { echo "lab: RIG_NET must be 0..255" >&2; exit 2; }
RIG_DIR=${RIG_DIR:-/tmp/port853-lab-$RIG_ID}
CLI=$RIG_ID-lc
SRV=$RIG_ID-ls
N=198.18.$RIG_NET
RUN=$RIG_DIR/run
LOG=$RIG_DIR/log
PKI=$RIG_DIR/pki
SERVERS=(good:2:good expired:3:expired wrongname:4:wrongname untrusted:5:untrusted tls12:6:good slow:9:good reset:10:good)

die() { echo "lab[$RIG_ID]: ERROR: $*" >&2; exit 1; }

# ---------------------------------------------------------------- process bookkeeping (shared with rig.sh)
source "$(dirname "$SELF")/proc-lib.sh"

# ---------------------------------------------------------------- PKI and zones (kept across restarts)
mkpki() {
    [[ -f $PKI/net && $(cat "$PKI/net") == "$RIG_NET" && -f $PKI/untrusted.pem ]] && return 0
    rm -rf "$PKI"; mkdir -p "$PKI"
    local o=(-noenc -newkey ec -pkeyopt ec_paramgen_curve:P-256)
    for ca in ca:Port853-Lab-CA other-ca:Intercepting-Proxy-CA; do
        openssl req -x509 "${o[@]}" -keyout "$PKI/${ca%%:*}.key" -out "$PKI/${ca%%:*}.pem" -days 3650 -subj "/CN=${ca#*:}" \
            -addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign,cRLSign 2>/dev/null
    done
    cert() { # cert CA NAME SAN [START END]
        openssl req -new "${o[@]}" -keyout "$PKI/$2.key" -out "$PKI/$2.csr" -subj "/CN=${3#DNS:}" 2>/dev/null
        printf 'subjectAltName=%s\nbasicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth\n' "$3" > "$PKI/$2.ext"
        if [[ -n ${4:-} ]]; then
            # openssl x509 has no start date option in 3.0: `openssl ca` sets both dates
            mkdir -p "$PKI/db"; : > "$PKI/db/index"; echo 01 > "$PKI/db/serial"
            printf '[ca]\ndefault_ca=d\n[d]\ndatabase=%s/db/index\nserial=%s/db/serial\nnew_certs_dir=%s/db\ndefault_md=sha256\npolicy=p\ncopy_extensions=none\n[p]\ncommonName=supplied\n' "$PKI" "$PKI" "$PKI" > "$PKI/ca.cnf"
            openssl ca -batch -config "$PKI/ca.cnf" -cert "$PKI/$1.pem" -keyfile "$PKI/$1.key" -in "$PKI/$2.csr" \
                -startdate "$4" -enddate "$5" -extfile "$PKI/$2.ext" -out "$PKI/$2.pem" -notext 2>/dev/null
        else
            openssl x509 -req -in "$PKI/$2.csr" -CA "$PKI/$1.pem" -CAkey "$PKI/$1.key" -CAcreateserial -days 3650 \
                -extfile "$PKI/$2.ext" -out "$PKI/$2.pem" 2>/dev/null
        fi
    }
    cert ca good "DNS:dot.test"
    cert ca expired "DNS:dot.test" 20200101000000Z 20210101000000Z
    cert ca wrongname "DNS:wrong.test"
    cert other-ca untrusted "DNS:dot.test"
    echo "$RIG_NET" > "$PKI/net"
    chmod 755 "$PKI"; chmod 644 "$PKI"/*.pem "$PKI"/*.key
}

mkzones() {
    local z=$RIG_DIR/zones
    rm -rf "$z"; mkdir -p "$z"
    (
        cd "$z"
        for zone in signed bogus; do
            addr=198.51.100.20; [[ $zone == bogus ]] && addr=198.51.100.21
            printf '$ORIGIN %s.test.\n$TTL 300\n@ SOA ns admin 1 3600 600 86400 300\n@ NS ns\nns A %s.20\n@ A %s\nwww A %s\n' \
                "$zone" "$N" "$addr" "$addr" > "$zone.zone"
            k=$(ldns-keygen -a ECDSAP256SHA256 -k "$zone.test")
            ldns-signzone -o "$zone.test" "$zone.zone" "$k"
            if [[ $zone == signed ]]; then
                cat "$k.ds" >> anchors
            else
                # the trust anchor names a key the zone was never signed with: validation must fail
                other=$(ldns-keygen -a ECDSAP256SHA256 -k "$zone.test"); cat "$other.ds" >> anchors
            fi
        done
    ) >/dev/null
    {
        echo 'server:'
        echo '    local-zone: "test." static'
        echo '    local-data: "host.test. 300 IN A 198.51.100.10"'
        echo '    local-data: "dot.test. 300 IN A 198.51.100.53"'
        for i in $(seq -w 1 16); do
            printf '    local-data: '"'"'big.test. 300 IN TXT "%s-%s"'"'"'\n' "$i" "$(printf 'x%.0s' $(seq 1 240))"
        done
        echo '    local-zone: "." redirect'
        echo '    local-data: ". 300 IN A 198.51.100.1"'
        echo '    local-data: ". 300 IN AAAA 2001:db8::1"'
    } > "$RIG_DIR/zones.conf"
    {
        echo 'server:'
        echo '    local-zone: "signed.test." transparent'
        echo '    local-zone: "bogus.test." transparent'
        echo "    trust-anchor-file: \"$z/anchors\""
        for zone in signed bogus; do
            printf 'auth-zone:\n    name: "%s.test."\n    zonefile: "%s/%s.zone.signed"\n    for-downstream: no\n    for-upstream: yes\n    fallback-enabled: no\n' "$zone" "$z" "$zone"
        done
    } > "$RIG_DIR/dnssec.conf"
}

write_unbound() { # NAME ADDR CERT
    local extra="" modules=iterator
    if [[ $1 == good ]]; then extra="include: \"$RIG_DIR/dnssec.conf\""; modules="validator iterator"; fi
    cat > "$RIG_DIR/unbound-$1.conf" <<EOF
server:
    verbosity: 1
    username: ""
    chroot: ""
    directory: "$RIG_DIR"
    pidfile: "$RUN/unbound-$1.unbound-pid"
    logfile: "$LOG/unbound-$1.log"
    use-syslog: no
    do-daemonize: no
    do-ip6: no
    interface: $2@53
    interface: $2@853
    tls-port: 853
    tls-service-key: "$PKI/$3.key"
    tls-service-pem: "$PKI/$3.pem"
    access-control: 0.0.0.0/0 allow
    module-config: "$modules"
    auto-trust-anchor-file: ""
    num-threads: 1
    include: "$RIG_DIR/zones.conf"
    $extra
remote-control:
    control-enable: no
EOF
}

start_unbound() { # NAME ADDR
    local envs=(PATH=/usr/sbin:/usr/bin) i
    [[ $1 == tls12 ]] && envs+=(OPENSSL_CONF="$RIG_DIR/tls12.cnf")
    spawn "$LOG/unbound-$1.log" ip netns exec "$SRV" env -i "${envs[@]}" unbound -d -c "$RIG_DIR/unbound-$1.conf"
    record "unbound-$1" $!
    for ((i = 0; i < 250; i++)); do
        alive "$(cut -d' ' -f1 "$RUN/unbound-$1.pid")" || die "unbound ($1) exited: $(tail -5 "$LOG/unbound-$1.log")"
        [[ $(ip netns exec "$SRV" ss -Hltn "src $2 and sport = :853" | wc -l) -ge 1 ]] && return 0
        sleep 0.02
    done
    die "unbound ($1) did not listen on $2:853 within 5 s"
}

cmd_stop() {
    local f
    for f in "$RUN"/*.pid; do [[ -e $f ]] && stop_rec "$(basename "$f" .pid)"; done
    for ns in "$CLI" "$SRV"; do
        if [[ -e /run/netns/$ns ]]; then
            for p in $(ip netns pids "$ns" 2>/dev/null); do kill -KILL "$p" 2>/dev/null || true; done
            ip netns del "$ns" 2>/dev/null || true
        fi
    done
}

cmd_start() {
    command -v unbound >/dev/null && command -v nft >/dev/null && command -v ldns-signzone >/dev/null \
        || die "needs unbound, nftables and ldnsutils (run .ci/install-deps)"
    [[ $(id -u) == 0 ]] || die "needs root (network namespaces)"
    cmd_stop
    mkdir -p "$RUN" "$LOG"
    mkpki; mkzones
    printf 'openssl_conf = c\n[c]\nssl_conf = s\n[s]\nsystem_default = d\n[d]\nMaxProtocol = TLSv1.2\n' > "$RIG_DIR/tls12.cnf"
    trap cmd_stop ERR
    ip netns add "$CLI"; ip netns add "$SRV"
    ip -n "$CLI" link set lo up; ip -n "$SRV" link set lo up
    ip link add "$RIG_ID-lv" netns "$CLI" type veth peer name eth0 netns "$SRV"
    ip -n "$CLI" link set "$RIG_ID-lv" name eth0
    local i
    for i in 2 3 4 5 6 7 8 9 10 20; do ip -n "$SRV" addr add "$N.$i/24" dev eth0; done
    ip -n "$CLI" addr add "$N.1/24" dev eth0
    ip -n "$SRV" link set eth0 up; ip -n "$CLI" link set eth0 up
    ip -n "$CLI" route add default via "$N.2"
    # .8: 853 silently dropped; .10: TCP accepted, the ClientHello answered with a reset
    ip netns exec "$SRV" nft -f - <<EOF
table inet lab {
    chain input {
        type filter hook input priority 0; policy accept;
        ip daddr $N.8 tcp dport 853 drop
        ip daddr $N.10 tcp dport 853 meta length > 120 reject with tcp reset
    }
}
EOF
    # .9: slow. netem delay where the kernel has it; kernels without sch_netem get an htb rate limit instead
    # (8 kbit/s: the handshake ~180 ms, the median answer ~150 ms; at 32 kbit/s the handshake's flight fit in htb's
    # burst and answers took ~35 ms, which a full handshake of the other servers on a busy 2-core machine exceeded:
    # 77-126 ms, and the slow server once ranked first)
    ip netns exec "$SRV" tc qdisc add dev eth0 root handle 1: htb default 10
    ip netns exec "$SRV" tc class add dev eth0 parent 1: classid 1:10 htb rate 10gbit quantum 1514
    if ip netns exec "$SRV" tc class add dev eth0 parent 1: classid 1:30 htb rate 10gbit quantum 1514 \
        && ip netns exec "$SRV" tc qdisc add dev eth0 parent 1:30 handle 30: netem delay "${LAB_SLOW_MS:-150}ms" 2>/dev/null; then
        echo netem > "$RIG_DIR/slow-kind"
    else
        ip netns exec "$SRV" tc class change dev eth0 parent 1: classid 1:30 htb rate 8kbit ceil 8kbit quantum 1514
        echo htb-8kbit > "$RIG_DIR/slow-kind"
    fi
    ip netns exec "$SRV" tc filter add dev eth0 protocol ip parent 1: prio 1 u32 match ip src "$N.9/32" flowid 1:30
    local s name last cert
    for s in "${SERVERS[@]}"; do
        IFS=: read -r name last cert <<< "$s"
        write_unbound "$name" "$N.$last" "$cert"
        start_unbound "$name" "$N.$last"
    done
    trap - ERR
}

cmd_rekey() {
    [[ -f $RUN/unbound-good.pid ]] || die "the lab is not running"
    openssl req -new -noenc -newkey ec -pkeyopt ec_paramgen_curve:P-256 -keyout "$PKI/good.key" -out "$PKI/good.csr" \
        -subj "/CN=dot.test" 2>/dev/null
    openssl x509 -req -in "$PKI/good.csr" -CA "$PKI/ca.pem" -CAkey "$PKI/ca.key" -CAcreateserial -days 3650 \
        -extfile "$PKI/good.ext" -out "$PKI/good.pem" 2>/dev/null
    chmod 644 "$PKI/good.key" "$PKI/good.pem"
    stop_rec unbound-good
    start_unbound good "$N.2"
}

cmd_env() {
    printf '%s=%q\n' RIG_ID "$RIG_ID" RIG_DIR "$RIG_DIR" LAB_CLI_NETNS "$CLI" LAB_SRV_NETNS "$SRV" LAB_CA "$PKI/ca.pem" \
        LAB_CLIENT "$N.1" LAB_GOOD "$N.2" LAB_EXPIRED "$N.3" LAB_WRONGNAME "$N.4" LAB_UNTRUSTED "$N.5" LAB_TLS12 "$N.6" \
        LAB_CLOSED "$N.7" LAB_DROPPED "$N.8" LAB_SLOW "$N.9" LAB_RESET "$N.10"
}

case ${1:-} in
    start) cmd_start ;;
    stop) cmd_stop ;;
    env) cmd_env ;;
    rekey) cmd_rekey ;;
    exec) shift; (($#)) || die "usage: dot-lab.sh exec CMD..."; exec ip netns exec "$CLI" "$@" ;;
    *) sed -n '2,/^set -euo/p' "$SELF" | sed '$d; s/^# \{0,1\}//' >&2; exit 2 ;;
esac
