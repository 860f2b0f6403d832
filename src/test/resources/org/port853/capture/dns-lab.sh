#!/bin/bash
# Port853 capture lab: real DNS traffic between two network namespaces, for tests, the demo capture and
# benchmarks. Nothing leaves the namespaces (198.18.0.0/15 and fd00::/8 only, no default route).
#
#   LAB_ID=cap1 LAB_NET=61 dns-lab.sh start        namespaces ${LAB_ID}-c (client) and ${LAB_ID}-s (server)
#   dns-lab.sh capture-start FILE [IFACE] [LINKTYPE]  tcpdump in the client namespace (default: any, LINUX_SLL2)
#   dns-lab.sh capture-stop
#   dns-lab.sh traffic [ROUNDS]                      a fixed mix of queries (see below)
#   dns-lab.sh exec CMD...                           run in the client namespace
#   dns-lab.sh stop                                  kill everything, delete namespaces and files
#
# Server (${LAB_ID}-s): unbound on 198.18.N.2 and fd00:854:N::2, UDP+TCP 53 and DoT 853 (cert for dot.test),
# answering every name (local-zone "." redirect) from 198.51.100.0/24 / 2001:db8::/32, plus big.test with a
# ~3 kB TXT answer (fragmented over UDP).
# Client (${LAB_ID}-c, 198.18.N.1 / fd00:854:N::1): a stub unbound on 127.0.0.53 and ::1 that forwards over
# DoT to the server, like systemd-resolved in strict mode.
set -euo pipefail
LAB_ID=${LAB_ID:-p853cap}
LAB_NET=${LAB_NET:-61}
[[ $LAB_ID =~ ^[a-z0-9]{1,10}$ ]] || { echo "lab: LAB_ID must match [a-z0-9]{1,10}" >&2; exit 2; }
[[ $LAB_NET =~ ^[0-9]{1,3}$ && $LAB_NET -le 255 ]] || { echo "lab: LAB_NET must be 0..255" >&2; exit 2; }
DIR=${LAB_DIR:-/tmp/port853-lab-$LAB_ID}
C=$LAB_ID-c
S=$LAB_ID-s
C4=198.18.$LAB_NET.1
S4=198.18.$LAB_NET.2
C6=fd00:854:$LAB_NET::1
S6=fd00:854:$LAB_NET::2
inc() { ip netns exec "$C" "$@"; }
ins() { ip netns exec "$S" "$@"; }

start() {
    stop >/dev/null 2>&1 || true
    mkdir -p "$DIR"
    ip netns add "$C"
    ip netns add "$S"
    ip link add "${LAB_ID}c0" type veth peer name "${LAB_ID}s0"
    ip link set "${LAB_ID}c0" netns "$C"
    ip link set "${LAB_ID}s0" netns "$S"
    inc ip link set lo up
    ins ip link set lo up
    inc ip link set "${LAB_ID}c0" name eth0
    ins ip link set "${LAB_ID}s0" name eth0
    inc ip addr add "$C4/24" dev eth0
    ins ip addr add "$S4/24" dev eth0
    inc ip addr add "$C6/64" dev eth0 nodad
    ins ip addr add "$S6/64" dev eth0 nodad
    inc ip link set eth0 up
    ins ip link set eth0 up
    # certificates
    openssl req -x509 -newkey rsa:2048 -nodes -days 30 -subj "/CN=lab CA" -keyout "$DIR/ca.key" \
        -out "$DIR/ca.pem" >/dev/null 2>&1
    openssl req -newkey rsa:2048 -nodes -subj "/CN=dot.test" -keyout "$DIR/server.key" -out "$DIR/server.csr" \
        >/dev/null 2>&1
    printf 'subjectAltName=DNS:dot.test,IP:%s,IP:%s\n' "$S4" "$S6" > "$DIR/san.ext"
    openssl x509 -req -in "$DIR/server.csr" -CA "$DIR/ca.pem" -CAkey "$DIR/ca.key" -CAcreateserial -days 30 \
        -extfile "$DIR/san.ext" -out "$DIR/server.pem" >/dev/null 2>&1
    local big=""
    for i in $(seq 1 12); do big+=" \"$(printf 'x%.0s' $(seq 1 250))\""; done
    cat > "$DIR/server.conf" <<CONF
server:
    interface: $S4@53
    interface: $S6@53
    interface: $S4@853
    interface: $S6@853
    tls-port: 853
    tls-service-key: "$DIR/server.key"
    tls-service-pem: "$DIR/server.pem"
    do-ip6: yes
    access-control: 0.0.0.0/0 allow
    access-control: ::/0 allow
    username: ""
    chroot: ""
    directory: "$DIR"
    pidfile: "$DIR/server.pid"
    logfile: "$DIR/server.log"
    use-syslog: no
    do-daemonize: no
    edns-buffer-size: 4096
    max-udp-size: 4096
    local-zone: "big.test." static
    local-data: 'big.test. 60 IN TXT$big'
    local-zone: "." redirect
    local-data: ". 60 IN A 198.51.100.1"
    local-data: ". 60 IN AAAA 2001:db8::1"
remote-control:
    control-enable: no
CONF
    cat > "$DIR/stub.conf" <<CONF
server:
    interface: 127.0.0.53@53
    interface: ::1@53
    do-ip6: yes
    access-control: 127.0.0.0/8 allow
    access-control: ::1 allow
    username: ""
    chroot: ""
    directory: "$DIR"
    pidfile: "$DIR/stub.pid"
    logfile: "$DIR/stub.log"
    use-syslog: no
    do-daemonize: no
    cache-max-ttl: 0
    cache-max-negative-ttl: 0
    prefetch: no
    tls-cert-bundle: "$DIR/ca.pem"
    do-not-query-localhost: no
forward-zone:
    name: "."
    forward-tls-upstream: yes
    forward-addr: $S4@853#dot.test
    forward-addr: $S6@853#dot.test
remote-control:
    control-enable: no
CONF
    ip netns exec "$S" unbound -d -c "$DIR/server.conf" >>"$DIR/server.out" 2>&1 &
    echo $! > "$DIR/server.proc"
    inc ip addr add 127.0.0.53/8 dev lo 2>/dev/null || true
    ip netns exec "$C" unbound -d -c "$DIR/stub.conf" >>"$DIR/stub.out" 2>&1 &
    echo $! > "$DIR/stub.proc"
    for _ in $(seq 1 100); do
        if inc dig +short +time=1 +tries=1 @127.0.0.53 ready.test >/dev/null 2>&1 \
           && inc dig +short +time=1 +tries=1 @"$S4" ready.test >/dev/null 2>&1; then
            echo "lab $LAB_ID up: client $C4 / $C6, server $S4 / $S6"
            return 0
        fi
        sleep 0.1
    done
    echo "lab: servers did not come up; see $DIR/*.log $DIR/*.out" >&2
    return 1
}

# DNS ports plus every IP fragment (non-first fragments carry no ports; tests check they are not counted)
FILTER='port 53 or port 853 or (ip and ip[6:2] & 0x3fff != 0) or (ip6 and ip6[6] == 44)'

capture_start() {
    local file=$1 iface=${2:-any} lt=${3:-LINUX_SLL2}
    local ltopt=()
    [[ $lt != default ]] && ltopt=(-y "$lt")
    ip netns exec "$C" tcpdump -i "$iface" "${ltopt[@]}" --immediate-mode -U -n -s 0 -w "$file" "$FILTER" >/dev/null \
        2>"$DIR/tcpdump.err" &
    echo $! > "$DIR/tcpdump.proc"
    for _ in $(seq 1 100); do
        grep -q "listening on" "$DIR/tcpdump.err" 2>/dev/null && return 0
        sleep 0.05
    done
    echo "lab: tcpdump did not start: $(cat "$DIR/tcpdump.err")" >&2
    return 1
}

capture_stop() {
    [[ -f $DIR/tcpdump.proc ]] || return 0
    local pid; pid=$(cat "$DIR/tcpdump.proc")
    sleep 0.3
    kill -INT "$pid" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.05; done
    rm -f "$DIR/tcpdump.proc"
}

# One round: local stub queries (UDP/TCP, v4/v6; the stub forwards over DoT), direct DoT queries, and
# leaked plaintext queries to the server (UDP/TCP, v4/v6, several queries on one TCP connection, a
# fragmented UDP answer, and a leaked query over TCP with a large answer split across segments).
traffic() {
    local rounds=${1:-1} q="+time=2 +tries=1"
    for r in $(seq 1 "$rounds"); do
        inc dig $q @127.0.0.53 "stub$r.example.org" A >/dev/null
        inc dig $q @::1 "stub$r.example.net" AAAA >/dev/null
        inc dig $q +tcp @127.0.0.53 "stubtcp$r.example.org" A >/dev/null
        inc kdig +time=2 +retry=0 +tls-ca="$DIR/ca.pem" +tls-hostname=dot.test @"$S4" "dot$r.example.com" A >/dev/null
        inc kdig +time=2 +retry=0 +tls-ca="$DIR/ca.pem" +tls-hostname=dot.test @"$S6" "dot$r.example.com" AAAA >/dev/null
        inc dig $q @"$S4" "leak$r.example.com" A >/dev/null
        inc dig $q @"$S6" "leak6-$r.example.com" AAAA >/dev/null
        inc dig $q +tcp @"$S4" "leaktcp$r.example.com" MX >/dev/null
        inc dig $q +tcp @"$S6" "leaktcp6-$r.example.com" TXT >/dev/null
        inc dig $q +tcp +keepopen @"$S4" "ka1-$r.example.com" "ka2-$r.example.com" AAAA "ka3-$r.example.com" >/dev/null
        inc dig $q +bufsize=4096 +ignore @"$S4" big.test TXT >/dev/null
        inc dig $q +bufsize=4096 +ignore @"$S6" big.test TXT >/dev/null
        inc dig $q +tcp @"$S4" big.test TXT >/dev/null
    done
}

stop() {
    capture_stop 2>/dev/null || true
    for p in stub server; do
        if [[ -f $DIR/$p.proc ]]; then
            local pid; pid=$(cat "$DIR/$p.proc")
            kill "$pid" 2>/dev/null || true
            for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.05; done
            kill -9 "$pid" 2>/dev/null || true
        fi
    done
    ip netns pids "$C" 2>/dev/null | xargs -r kill -9 2>/dev/null || true
    ip netns pids "$S" 2>/dev/null | xargs -r kill -9 2>/dev/null || true
    ip netns del "$C" 2>/dev/null || true
    ip netns del "$S" 2>/dev/null || true
    rm -rf "$DIR"
}

cmd=${1:-}; shift || true
case $cmd in
    start) start ;;
    stop) stop ;;
    capture-start) capture_start "$@" ;;
    capture-stop) capture_stop ;;
    traffic) traffic "$@" ;;
    exec) inc "$@" ;;
    dir) echo "$DIR" ;;
    *) echo "usage: dns-lab.sh start|stop|capture-start FILE [IFACE] [LINKTYPE]|capture-stop|traffic [N]|exec CMD..." >&2; exit 2 ;;
esac
