#!/bin/bash
# Port853 test rig: a REAL systemd-resolved (client side) and REAL unbound DoT servers (server side),
# each in its own network namespace, joined by a veth pair. Nothing leaves the namespaces.
#
# Usage: rig.sh start|stop|purge|status|env|exec CMD...|restart-resolved|upstream refuse|answer|internet
#               |capture-start FILE [IFACE]|capture-stop
#
# Identity (several rigs can run in parallel with different RIG_ID and RIG_NET):
#   RIG_ID   [a-z0-9]{1,12}, default p853   namespaces ${RIG_ID}-cli / ${RIG_ID}-srv
#   RIG_NET  0..255, default 53              client 198.18.N.1/24 + fd00:853:N::1/64
#                                            good DoT server      198.18.N.2 / fd00:853:N::2 (rig CA)
#                                            untrusted DoT server 198.18.N.3 / fd00:853:N::3 (other CA)
#                                            plain-only server    198.18.N.4 / fd00:853:N::4 (53 only;
#                                              853 is closed: "broken TLS", like a router's DNS)
#   All three answer plain DNS on port 53 as well. Answers: host.test A 198.51.100.10 / AAAA 2001:db8::10,
#   dot.test A 198.51.100.53, every other name A 198.51.100.1 / AAAA 2001:db8::1.
#   The good server's certificate names dot.test and xn--bcher-kva.example ("bücher.example") besides its addresses.
#   RIG_DIR  default /tmp/port853-rig-${RIG_ID}
# Options read by `start` (remembered in $RIG_DIR/rig.env for later commands):
#   RIG_UPSTREAM=answer|refuse|internet   server answers every name (default), refuses everything, or answers
#                                  like the internet: example.com, but NXDOMAIN for names under it
#   RIG_LINK_DNS="198.18.N.2 ..."  per-link DNS pushed on eth0 after every (re)start of resolved
#   RIG_LINK_DOT=yes|no|opportunistic   per-link DNSOverTLS pushed with RIG_LINK_DNS (default: unset)
#   RIG_RESOLV_CONF=stub|file      /etc/resolv.conf in the client: symlink to the stub file (default)
#                                  or a plain file "nameserver 127.0.0.53"
#   RIG_RESOLVED_LOG_LEVEL=info    SYSTEMD_LOG_LEVEL for resolved (debug shows feature-set changes)
#   RIG_SYSTEMD=252|247|257|262    which release's systemd-resolved runs: 252 = this host's (Debian 12);
#                                  247 = bullseye, 257 = trixie, 262 = sid, each from a debootstrapped root
#                                  in $PORT853_TEST_ROOTS/SUITE (default /var/cache/port853-test-roots; built
#                                  by build-roots.sh). That resolved runs chrooted into its root with the
#                                  client's /run/systemd, /etc/systemd (drop-ins included), /etc/hosts, /dev, a fresh /proc
#                                  and /sys, and $RIG_DIR bound on /rig (bus socket, CA); its /etc/resolv.conf is the
#                                  client's (through /mnt, the client's /etc), as the host's resolved sees; its systemd-resolve
#                                  user gets the host's uid (the host's bus daemon applies the bus policy);
#                                  the root's CA bundle is the rig CA alone (GnuTLS builds ignore SSL_CERT_FILE).
#                                  Everything else (bus daemon, resolvectl, the code under
#                                  test) stays the host's.
#
# Client mount namespace (held by a `sleep infinity` holder; everything is entered with nsenter -m -n):
#   /etc            overlay (lower = host /etc, upper = $RIG_DIR/etc.upper): code under test may
#                   replace /etc/resolv.conf or write anything in /etc without touching the host.
#   /etc/systemd/resolved.conf        [Resolve] FallbackDNS= DNSSEC=no LLMNR=no MulticastDNS=no
#   /etc/systemd/resolved.conf.d      bind of $RIG_DIR/resolved.conf.d (host side visible)
#   /var/lib        overlay, and /var/lib/port853 is a bind of $RIG_DIR/state
#   /run/systemd    tmpfs
#   /usr/bin/systemctl  stand-in ($RIG_DIR/systemctl -> rig.sh __systemctl), real one: $RIG_DIR/systemctl.real
#   D-Bus           private system bus at unix:path=$RIG_DIR/bus.sock (DBUS_SYSTEM_BUS_ADDRESS)
# Stand-in systemctl: restart|reload-or-restart|try-restart|start|stop|is-active|enable|disable (--now: start|stop)|
#   is-enabled|show for systemd-resolved[.service], daemon-reload (no-op), --version (the running resolved's
#   release); everything else goes to the real binary. From 256 on, reload and reload-or-restart send
#   SIGHUP to the running resolved (Type=notify-reload: same process) and return once it has handled it;
#   before 256 reload-or-restart restarts (resolved has no reload there) and reload fails. Every call is
#   appended to $RIG_DIR/systemctl.log (a user who may not write it is answered all the same). If $RIG_DIR/pause-after-restart exists (content: seconds),
#   after a restart or reload it writes $RIG_DIR/paused (its own PID) and sleeps that long before exiting.
# Logs: $RIG_DIR/log/{unbound-good,unbound-untrusted,dbus,resolved,tcpdump}.log
# Notes:
#   - The client's default routes point into the server namespace, which has no way out.
#   - `stop` waits until PID 1 has reaped our zombies (~1 s here); RIG_STOP_REAP=0 skips that wait.
#   - DNSOverTLS=opportunistic does not check certificates: with the untrusted server it stays on 853
#     (and resolved still sets SD_RESOLVED_CONFIDENTIAL); use the plain-only server to see a fallback to 53.
#   - `capture-start FILE any` also sees the stub's traffic on lo:53.
set -euo pipefail

SELF=$(readlink -f "${BASH_SOURCE[0]}")
RIG_ID=${RIG_ID:-p853}
[[ $RIG_ID =~ ^[a-z0-9]{1,12}$ ]] || { echo "rig: RIG_ID must match [a-z0-9]{1,12}: '$RIG_ID'" >&2; exit 2; }
RIG_DIR=${RIG_DIR:-/tmp/port853-rig-$RIG_ID}
CLI=$RIG_ID-cli
SRV=$RIG_ID-srv
IFACE=eth0
RUN=$RIG_DIR/run
LOG=$RIG_DIR/log
BUS=unix:path=$RIG_DIR/bus.sock
RESOLVED=/lib/systemd/systemd-resolved
TEST_ROOTS=${PORT853_TEST_ROOTS:-/var/cache/port853-test-roots}

die() { echo "rig[$RIG_ID]: ERROR: $*" >&2; exit 1; }
note() { [[ -n ${RIG_VERBOSE:-} ]] && echo "rig[$RIG_ID]: $*" >&2 || true; }

load_env() {
    if [[ -f $RIG_DIR/rig.env ]]; then
        # shellcheck disable=SC1091
        source "$RIG_DIR/rig.env"
    fi
    RIG_NET=${RIG_NET:-53}
    [[ $RIG_NET =~ ^[0-9]+$ && $RIG_NET -le 255 ]] || die "RIG_NET must be 0..255: '$RIG_NET'"
    NET4=198.18.$RIG_NET
    NET6=fd00:853:$RIG_NET:
    CLI4=$NET4.1 GOOD4=$NET4.2 BAD4=$NET4.3 PLAIN4=$NET4.4
    CLI6=${NET6}:1 GOOD6=${NET6}:2 BAD6=${NET6}:3 PLAIN6=${NET6}:4
    CA=$RIG_DIR/pki/ca.pem
    RIG_SYSTEMD=${RIG_SYSTEMD:-252}
    case $RIG_SYSTEMD in
        252) SUITE="" ;;
        247) SUITE=bullseye ;;
        257) SUITE=trixie ;;
        262) SUITE=sid ;;
        *) die "RIG_SYSTEMD must be 247, 252, 257 or 262: '$RIG_SYSTEMD'" ;;
    esac
    ROOT=${SUITE:+$TEST_ROOTS/$SUITE}
}

# The cached root of RIG_SYSTEMD's release, checked to hold that very systemd version.
check_root() {
    [[ -z $ROOT ]] && return 0
    [[ -f $ROOT/.port853-complete ]] || die "no $SUITE root in $ROOT: run src/test/rig/build-roots.sh $SUITE (as root)"
    local v; v=$(sed -n 's/^systemd \([0-9]*\).*/\1/p' "$ROOT/.port853-complete")
    [[ $v == "$RIG_SYSTEMD" ]] || die "the $SUITE root in $ROOT has systemd $v, not $RIG_SYSTEMD (the release moved on: update RIG_SYSTEMD's mapping and the tests named after it)"
}

# ---------------------------------------------------------------- process bookkeeping
# starttime, alive, record, pidof_rec, rec_alive, wait_gone, stop_rec, spawn
source "$(dirname "$SELF")/proc-lib.sh"
holder() { local p; p=$(pidof_rec holder 2>/dev/null) && rec_alive holder && echo "$p" || die "rig is not running (no holder; run 'rig.sh start')"; }
in_cli() { local h; h=$(holder); nsenter -t "$h" -m -n -- "$@"; }

# ---------------------------------------------------------------- PKI (kept across restarts)
# The good server's certificate lists an international name in its ASCII form too ("bücher.example"), as a CA
# issues it: a TLS name written in Unicode verifies only where resolved converts it (GnuTLS builds).
IDN_NAME=xn--bcher-kva.example
mkpki() {
    local d=$RIG_DIR/pki
    if [[ -f $d/net && $(cat "$d/net") == "$RIG_NET" && -f $d/bad.pem ]] && grep -qs "$IDN_NAME" "$d/good.ext"; then return 0; fi
    rm -rf "$d"; mkdir -p "$d"
    local o=(-noenc -newkey ec -pkeyopt ec_paramgen_curve:P-256)
    cert() { # cert CA_NAME NAME SAN
        openssl req -new "${o[@]}" -keyout "$d/$2.key" -out "$d/$2.csr" -subj "/CN=dot.test" 2>/dev/null
        printf 'subjectAltName=%s\nbasicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth\n' "$3" > "$d/$2.ext"
        openssl x509 -req -in "$d/$2.csr" -CA "$d/$1.pem" -CAkey "$d/$1.key" -CAcreateserial -days 3650 \
            -extfile "$d/$2.ext" -out "$d/$2.pem" 2>/dev/null
    }
    for ca in ca:Port853-Rig-CA other-ca:Untrusted-Other-CA; do
        openssl req -x509 "${o[@]}" -keyout "$d/${ca%%:*}.key" -out "$d/${ca%%:*}.pem" -days 3650 -subj "/CN=${ca#*:}" \
            -addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign,cRLSign 2>/dev/null
    done
    cert ca good "DNS:dot.test,DNS:$IDN_NAME,IP:$GOOD4,IP:$GOOD6"
    cert other-ca bad "DNS:dot.test,IP:$BAD4,IP:$BAD6"
    echo "$RIG_NET" > "$d/net"
    chmod 755 "$d"; chmod 644 "$d"/*.pem
}

# ---------------------------------------------------------------- unbound
write_unbound_conf() { # NAME V4 V6 CERT [EXTRA-INTERFACE-LINES]
    cat > "$RIG_DIR/unbound-$1.conf" <<EOF
server:
    verbosity: 1
    username: ""
    chroot: ""
    directory: "$RIG_DIR"
    pidfile: "$RUN/unbound-$1.unbound-pid"
    logfile: "$LOG/unbound-$1.log"
    use-syslog: no
    log-queries: yes
    do-daemonize: no
    do-ip4: yes
    do-ip6: yes
    do-udp: yes
    do-tcp: yes
    interface: $2@53
    interface: $2@853
    interface: $3@53
    interface: $3@853${5:-}
    tls-port: 853
    tls-service-key: "$RIG_DIR/pki/$4.key"
    tls-service-pem: "$RIG_DIR/pki/$4.pem"
    access-control: 0.0.0.0/0 allow
    access-control: ::/0 allow
    do-not-query-localhost: yes
    module-config: "iterator"
    auto-trust-anchor-file: ""
    num-threads: 1
    include: "$RIG_DIR/unbound-zones.conf"
remote-control:
    control-enable: no
EOF
}
write_zones() {
    {
        echo 'server:'
        if [[ ${RIG_UPSTREAM:-answer} == refuse ]]; then
            echo '    local-zone: "." refuse'
        else
            if [[ ${RIG_UPSTREAM:-answer} == internet ]]; then
                # as on the internet: example.com exists, names under it that nobody made do not (NXDOMAIN)
                echo '    local-zone: "example.com." static'
                echo '    local-data: "example.com. 300 IN A 198.51.100.1"'
            fi
            cat <<'EOF'
    local-zone: "test." static
    local-data: "host.test. 300 IN A 198.51.100.10"
    local-data: "host.test. 300 IN AAAA 2001:db8::10"
    local-data: "dot.test. 300 IN A 198.51.100.53"
    local-zone: "." redirect
    local-data: ". 300 IN A 198.51.100.1"
    local-data: ". 300 IN AAAA 2001:db8::1"
EOF
        fi
    } > "$RIG_DIR/unbound-zones.conf"
}
start_unbound() { # NAME V4
    local name=$1 v4=$2 i
    spawn "$LOG/unbound-$name.log" ip netns exec "$SRV" env -i PATH=/usr/sbin:/usr/bin unbound -d -c "$RIG_DIR/unbound-$name.conf"
    record "unbound-$name" $!
    for ((i = 0; i < 250; i++)); do
        rec_alive "unbound-$name" || die "unbound ($name) exited: $(tail -5 "$LOG/unbound-$name.log")"
        [[ $(ip netns exec "$SRV" ss -Hltn "src $v4 and ( sport = :853 or sport = :53 )" | wc -l) -ge 2 ]] && return 0
        sleep 0.02
    done
    die "unbound ($name) did not listen on $v4:853 within 5 s: $(tail -5 "$LOG/unbound-$name.log")"
}
stop_unbounds() { stop_rec unbound-good; stop_rec unbound-untrusted; }
start_unbounds() {
    write_zones
    start_unbound good "$GOOD4"
    start_unbound untrusted "$BAD4"
}

# ---------------------------------------------------------------- resolved (client side)
name_owned() {
    [[ $(in_cli env -i DBUS_SYSTEM_BUS_ADDRESS="$BUS" busctl call org.freedesktop.DBus /org/freedesktop/DBus \
        org.freedesktop.DBus NameHasOwner s org.freedesktop.resolve1 2>/dev/null) == "b true" ]]
}
start_resolved() {
    local h i; h=$(holder)
    rec_alive resolved && die "systemd-resolved is already running"
    echo "---- start $(date +%T.%N) systemd $RIG_SYSTEMD" >> "$LOG/resolved.log"
    if [[ -z $ROOT ]]; then
        spawn "$LOG/resolved.log" nsenter -t "$h" -m -n -- env -i SSL_CERT_FILE="$CA" DBUS_SYSTEM_BUS_ADDRESS="$BUS" \
            SYSTEMD_LOG_LEVEL="${RIG_RESOLVED_LOG_LEVEL:-info}" SYSTEMD_LOG_TARGET=console "$RESOLVED"
    else
        # A mount namespace of its own (a child of the client's), made afresh at every start so that it sees the
        # client's /etc/systemd as it is now; the mounts vanish with the process.
        spawn "$LOG/resolved.log" nsenter -t "$h" -m -n -- unshare -m --propagation private /bin/sh -euc '
            R=$1 D=$2
            mount -t overlay overlay -o "lowerdir=$D/chroot-etc:$R/etc" "$R/etc"
            mount -t proc proc "$R/proc"
            mount -t sysfs sysfs "$R/sys"
            mount --rbind /dev "$R/dev"
            mount --rbind /run/systemd "$R/run/systemd"
            mount --rbind /etc/systemd "$R/etc/systemd"
            mount --bind /etc/hosts "$R/etc/hosts"
            mount --bind "$D" "$R/rig"
            mount --bind "$D/root-passwd" "$R/etc/passwd"
            mount --bind "$D/root-group" "$R/etc/group"
            # GnuTLS builds (bullseye) ignore SSL_CERT_FILE and read the system bundle: make it the rig CA alone
            mount --bind "$D/pki/ca.pem" "$R/etc/ssl/certs/ca-certificates.crt"
            # resolved reads /etc/resolv.conf for servers unless it is its own file: the root'"'"'s own (bullseye: the
            # build host'"'"'s nameserver) must not stand in for the client'"'"'s. Its /etc/resolv.conf links to the client'"'"'s
            # /etc seen at /mnt, a top-level directory like /etc, so a relative link there resolves as on the client
            mount --bind /etc "$R/mnt"
            exec chroot "$R" /usr/bin/env -i SSL_CERT_FILE=/rig/pki/ca.pem DBUS_SYSTEM_BUS_ADDRESS=unix:path=/rig/bus.sock \
                SYSTEMD_LOG_LEVEL="$3" SYSTEMD_LOG_TARGET=console /lib/systemd/systemd-resolved
        ' sh "$ROOT" "$RIG_DIR" "${RIG_RESOLVED_LOG_LEVEL:-info}"
    fi
    record resolved $!
    for ((i = 0; i < 500; i++)); do
        rec_alive resolved || die "systemd-resolved exited at start: $(tail -5 "$LOG/resolved.log")"
        name_owned && break
        sleep 0.01
    done
    name_owned || die "systemd-resolved did not own org.freedesktop.resolve1 within 5 s: $(tail -5 "$LOG/resolved.log")"
    if [[ -n ${RIG_LINK_DNS:-} ]]; then
        # shellcheck disable=SC2086
        in_cli env DBUS_SYSTEM_BUS_ADDRESS="$BUS" resolvectl dns "$IFACE" $RIG_LINK_DNS
        in_cli env DBUS_SYSTEM_BUS_ADDRESS="$BUS" resolvectl default-route "$IFACE" yes
        if [[ -n ${RIG_LINK_DOT:-} ]]; then
            in_cli env DBUS_SYSTEM_BUS_ADDRESS="$BUS" resolvectl dnsovertls "$IFACE" "$RIG_LINK_DOT"
        fi
    fi
}
stop_resolved() { stop_rec resolved TERM; }
# From 256 on resolved is Type=notify-reload: SIGHUP makes the running process read its configuration again.
# It handles the signal in its event loop before the next bus call to it, so one property read is the barrier.
reload_resolved() {
    local p s; read -r p s < "$RUN/resolved.pid"
    kill -HUP "$p"
    in_cli env -i DBUS_SYSTEM_BUS_ADDRESS="$BUS" busctl --timeout=5 get-property org.freedesktop.resolve1 \
        /org/freedesktop/resolve1 org.freedesktop.resolve1.Manager DNSOverTLS >/dev/null ||
        die "systemd-resolved did not answer after SIGHUP: $(tail -5 "$LOG/resolved.log")"
    echo "$p" > "$RIG_DIR/reloaded"
}
restart_resolved() {
    exec 9>"$RIG_DIR/resolved.lock"; flock 9
    stop_resolved; start_resolved
    exec 9>&-
}

# ---------------------------------------------------------------- stand-in systemctl
# after a restart or reload: if $RIG_DIR/pause-after-restart exists, write our PID to $RIG_DIR/paused and sleep
pause_if_asked() {
    [[ -f $RIG_DIR/pause-after-restart ]] || return 0
    local n; n=$(tr -dc 0-9 < "$RIG_DIR/pause-after-restart"); echo $$ > "$RIG_DIR/paused"
    sleep "${n:-0}"
}
# `systemctl show systemd-resolved`: the unit's state as systemd would report it for the hand-started resolved
# (what Ansible's systemd module reads); -p/--property NAME[,NAME] and --value narrow it as in systemd.
standin_show() {
    local a want="" value="" next=""
    for a in "$@"; do
        if [[ -n $next ]]; then want+=",$a"; next=""; continue; fi
        case $a in
            -p|--property) next=1 ;;
            -p*) want+=",${a#-p}" ;;
            --property=*) want+=",${a#--property=}" ;;
            --value) value=1 ;;
        esac
    done
    local active=inactive sub=dead pid=0 enabled
    if rec_alive resolved; then active=active; sub=running; pid=$(pidof_rec resolved); fi
    enabled=$(cat "$RIG_DIR/enabled" 2>/dev/null || echo enabled)
    local line
    for line in "Id=systemd-resolved.service" "Names=systemd-resolved.service dbus-org.freedesktop.resolve1.service" \
        "Description=Network Name Resolution" "LoadState=loaded" "ActiveState=$active" "SubState=$sub" \
        "MainPID=$pid" "UnitFileState=$enabled" "FragmentPath=/lib/systemd/system/systemd-resolved.service"; do
        if [[ -n $want && ",$want," != *",${line%%=*},"* ]]; then continue; fi
        if [[ -n $value ]]; then echo "${line#*=}"; else echo "$line"; fi
    done
}
standin_systemctl() {
    # a user's call (status as nobody) may not write the log; the real systemctl answers it all the same
    { echo "$*" >> "$RIG_DIR/systemctl.log"; } 2>/dev/null || true
    local verb="" unit="" a args=() skip="" now=""
    for a in "$@"; do
        if [[ -n $skip ]]; then skip=""; continue; fi
        case $a in
            -p|--property) skip=1 ;;
            --now) now=1 ;;
            -*) ;;
            *) if [[ -z $verb ]]; then verb=$a; else args+=("$a"); fi ;;
        esac
    done
    for a in "${args[@]}"; do [[ $a == systemd-resolved || $a == systemd-resolved.service ]] && unit=$a; done
    [[ $verb == daemon-reload ]] && return 0   # nothing to reload without systemd; succeed like systemd would
    for a in "$@"; do [[ $a == --version ]] && { cat "$RIG_DIR/systemd-version"; return 0; }; done
    if [[ -z $unit || ${#args[@]} -ne 1 ]]; then exec "$RIG_DIR/systemctl.real" "$@"; fi
    local quiet=""; for a in "$@"; do [[ $a == -q || $a == --quiet ]] && quiet=1; done
    if [[ $verb == reload || $verb == reload-or-restart || $verb == try-reload-or-restart ]] && ((RIG_SYSTEMD >= 256)) \
        && rec_alive resolved; then
        reload_resolved; pause_if_asked; return 0
    fi
    if [[ $verb == reload ]]; then
        echo "Failed to reload systemd-resolved.service: Job type reload is not applicable for unit systemd-resolved.service." >&2
        return 1
    fi
    case $verb in
        restart|reload-or-restart|try-reload-or-restart|try-restart|force-reload|start)
            if [[ $verb == start ]] && rec_alive resolved; then return 0; fi
            if [[ $verb == try-* ]] && ! rec_alive resolved; then return 0; fi
            restart_resolved; pause_if_asked ;;
        stop) stop_resolved ;;
        is-active)
            if rec_alive resolved; then [[ -n $quiet ]] || echo active; return 0; fi
            [[ -n $quiet ]] || echo inactive; return 3 ;;
        enable|disable|unmask)
            [[ $verb == disable ]] && echo disabled > "$RIG_DIR/enabled" || echo enabled > "$RIG_DIR/enabled"
            # --now also starts (enable) or stops (disable) it, as the fix "systemctl enable --now ..." expects
            if [[ -n $now && $verb == enable ]] && ! rec_alive resolved; then restart_resolved; fi
            if [[ -n $now && $verb == disable ]]; then stop_resolved; fi ;;
        is-enabled)
            local e; e=$(cat "$RIG_DIR/enabled" 2>/dev/null || echo enabled)
            [[ -n $quiet ]] || echo "$e"; [[ $e == enabled ]] ;;
        show) standin_show "$@" ;;
        *) exec "$RIG_DIR/systemctl.real" "$@" ;;
    esac
}

# ---------------------------------------------------------------- start / stop
cmd_stop() {
    local p pids=() ns
    # tcpdump first (SIGINT so the file is complete), then everything we recorded
    stop_rec tcpdump INT
    for p in resolved dbus unbound-good unbound-untrusted holder; do
        if [[ -f $RUN/$p.pid ]]; then
            local pid st; read -r pid st < "$RUN/$p.pid"
            alive "$pid" "$st" && { kill -TERM "$pid" 2>/dev/null || true; pids+=("$pid"); }
        fi
    done
    # anything else still living in our namespaces (paused stand-ins, programs under test, ...)
    for ns in "$CLI" "$SRV"; do
        if [[ -e /run/netns/$ns ]]; then
            for p in $(ip netns pids "$ns" 2>/dev/null); do
                [[ $p == "$$" ]] && continue
                alive "$p" && { kill -TERM "$p" 2>/dev/null || true; pids+=("$p"); }
            done
        fi
    done
    if ((${#pids[@]})); then
        local left; if ! left=$(wait_gone 5 "${pids[@]}"); then
            # shellcheck disable=SC2086
            kill -KILL $left 2>/dev/null || true; wait_gone 3 $left >/dev/null || echo "rig[$RIG_ID]: warning: processes did not exit: $left" >&2
        fi
    fi
    rm -f "$RUN"/*.pid 2>/dev/null || true
    for ns in "$CLI" "$SRV"; do
        [[ -e /run/netns/$ns ]] && { ip netns del "$ns" 2>/dev/null || echo "rig[$RIG_ID]: warning: could not delete netns $ns" >&2; }
    done
    # wait until PID 1 has reaped the zombies, so `ps` shows nothing of ours (about 1 s here);
    # RIG_STOP_REAP=0 skips this (the zombies hold no sockets, bus names or mounts any more)
    if [[ ${RIG_STOP_REAP:-1} != 0 ]] && ((${#pids[@]})); then
        local end=$((SECONDS + 5)) any
        while ((SECONDS < end)); do
            any=""; for p in "${pids[@]}"; do [[ -e /proc/$p ]] && any=1; done
            [[ -z $any ]] && break
            sleep 0.05
        done
    fi
    return 0
}

on_start_exit() {
    local rc=$?
    trap - EXIT
    ((rc == 0)) && return 0
    echo "rig[$RIG_ID]: start FAILED (exit $rc); logs in $LOG; cleaning up" >&2
    cmd_stop >/dev/null 2>&1 || true
    exit "$rc"
}

cmd_start() {
    [[ $(id -u) == 0 ]] || die "must run as root"
    for b in unbound "$RESOLVED" dbus-daemon ip nsenter unshare openssl busctl resolvectl tcpdump flock; do
        command -v "$b" >/dev/null || die "missing program: $b"
    done
    # clean any leftover rig with this id (uses the old rig.env, if any)
    ( load_env; cmd_stop ) || true
    mkdir -p "$RIG_DIR"
    find "$RIG_DIR" -mindepth 1 -maxdepth 1 ! -name pki -exec rm -rf {} +
    load_env
    trap on_start_exit EXIT
    chmod 755 "$RIG_DIR"
    mkdir -p "$RUN" "$LOG" "$RIG_DIR/resolved.conf.d" "$RIG_DIR/state" \
        "$RIG_DIR/etc.upper/systemd" "$RIG_DIR/etc.work" "$RIG_DIR/varlib.upper/port853" "$RIG_DIR/varlib.work"
    chmod 755 "$RIG_DIR/resolved.conf.d" "$RIG_DIR/etc.upper" "$RIG_DIR/etc.upper/systemd"
    {
        printf 'RIG_NET=%q\nRIG_UPSTREAM=%q\nRIG_LINK_DNS=%q\nRIG_LINK_DOT=%q\nRIG_RESOLVED_LOG_LEVEL=%q\nRIG_RESOLV_CONF=%q\nRIG_SYSTEMD=%q\n' \
            "$RIG_NET" "${RIG_UPSTREAM:-answer}" "${RIG_LINK_DNS:-}" "${RIG_LINK_DOT:-}" \
            "${RIG_RESOLVED_LOG_LEVEL:-info}" "${RIG_RESOLV_CONF:-stub}" "$RIG_SYSTEMD"
    } > "$RIG_DIR/rig.env"
    cp "$SELF" "$RIG_DIR/rig.sh"; cp "$(dirname "$SELF")/proc-lib.sh" "$RIG_DIR/proc-lib.sh"; chmod 755 "$RIG_DIR/rig.sh"
    check_root
    if [[ -z $ROOT ]]; then
        systemctl --version > "$RIG_DIR/systemd-version"
        RESOLVE_OWNER=systemd-resolve:systemd-resolve
    else
        chroot "$ROOT" /bin/systemctl --version > "$RIG_DIR/systemd-version"
        # The bus policy (org.freedesktop.resolve1.conf: only user systemd-resolve may own the name) is read by
        # the host's dbus-daemon with the host's user ids: give the root's systemd-resolve the host's uid/gid.
        local u g
        u=$(id -u systemd-resolve) && g=$(id -g systemd-resolve) || die "the host has no systemd-resolve user"
        awk -F: -v OFS=: -v u="$u" -v g="$g" '$1 == "systemd-resolve" { $3 = u; $4 = g } { print }' \
            "$ROOT/etc/passwd" > "$RIG_DIR/root-passwd"
        awk -F: -v OFS=: -v g="$g" '$1 == "systemd-resolve" { $3 = g } { print }' "$ROOT/etc/group" > "$RIG_DIR/root-group"
        grep -q '^systemd-resolve:' "$RIG_DIR/root-passwd" || die "no systemd-resolve user in $ROOT/etc/passwd"
        chmod 644 "$RIG_DIR/root-passwd" "$RIG_DIR/root-group"
        RESOLVE_OWNER=$u:$g
        # laid over the root's /etc in resolved's namespace (see start_resolved)
        mkdir -p "$RIG_DIR/chroot-etc"; ln -sfn /mnt/resolv.conf "$RIG_DIR/chroot-etc/resolv.conf"
    fi
    mkpki

    # --- networks
    ip netns add "$SRV"
    ip netns add "$CLI"
    ip link add name "$IFACE" netns "$CLI" type veth peer name "$IFACE" netns "$SRV"
    ip -n "$SRV" link set lo up
    ip -n "$CLI" link set lo up
    ip -n "$SRV" addr add "$GOOD4/24" dev "$IFACE"
    ip -n "$SRV" addr add "$BAD4/24" dev "$IFACE"
    ip -n "$SRV" addr add "$GOOD6/64" dev "$IFACE" nodad
    ip -n "$SRV" addr add "$BAD6/64" dev "$IFACE" nodad
    ip -n "$SRV" addr add "$PLAIN4/24" dev "$IFACE"
    ip -n "$SRV" addr add "$PLAIN6/64" dev "$IFACE" nodad
    ip -n "$CLI" addr add "$CLI4/24" dev "$IFACE"
    ip -n "$CLI" addr add "$CLI6/64" dev "$IFACE" nodad
    ip -n "$SRV" link set "$IFACE" up
    ip -n "$CLI" link set "$IFACE" up
    # a default route into the server namespace (which has no way out): looks like a normal machine
    ip -n "$CLI" route add default via "$GOOD4"
    ip -n "$CLI" -6 route add default via "$GOOD6"

    # --- server side
    write_unbound_conf good "$GOOD4" "$GOOD6" good $'\n'"    interface: $PLAIN4@53"$'\n'"    interface: $PLAIN6@53"
    write_unbound_conf untrusted "$BAD4" "$BAD6" bad
    start_unbounds

    # --- client mount namespace
    printf '[Resolve]\nFallbackDNS=\nDNSSEC=no\nLLMNR=no\nMulticastDNS=no\n' > "$RIG_DIR/etc.upper/systemd/resolved.conf"
    mkdir -p "$RIG_DIR/etc.upper/systemd/resolved.conf.d"
    rm -f "$RIG_DIR/etc.upper/resolv.conf"
    if [[ ${RIG_RESOLV_CONF:-stub} == file ]]; then
        printf 'nameserver 127.0.0.53\noptions edns0 trust-ad\n' > "$RIG_DIR/etc.upper/resolv.conf"
    else
        ln -s ../run/systemd/resolve/stub-resolv.conf "$RIG_DIR/etc.upper/resolv.conf"
    fi
    cp /usr/bin/systemctl "$RIG_DIR/systemctl.real"
    printf '#!/bin/bash\n# Port853 rig stand-in for systemctl (rig %s)\nexport RIG_ID=%q RIG_DIR=%q\nexec /bin/bash %q __systemctl "$@"\n' \
        "$RIG_ID" "$RIG_ID" "$RIG_DIR" "$RIG_DIR/rig.sh" > "$RIG_DIR/systemctl"
    chmod 755 "$RIG_DIR/systemctl"
    echo enabled > "$RIG_DIR/enabled"
    : > "$RIG_DIR/systemctl.log"

    spawn "$LOG/holder.log" ip netns exec "$CLI" unshare -m --propagation private sleep infinity
    local hp=$! i
    for ((i = 0; i < 250; i++)); do
        [[ $(cat "/proc/$hp/comm" 2>/dev/null) == sleep ]] && break
        sleep 0.01
    done
    [[ $(cat "/proc/$hp/comm" 2>/dev/null) == sleep ]] || die "namespace holder did not come up: $(cat "$LOG/holder.log")"
    record holder "$hp"
    nsenter -t "$hp" -m -n -- /bin/sh -euc '
        D=$1
        mount -t tmpfs -o mode=755 tmpfs /run/systemd
        # /run/systemd/system: the rig stands in for a machine booted by systemd (its systemctl stand-in starts and
        # stops resolved), which is what Port853 checks before offering to start the resolver
        mkdir -p /run/systemd/resolve /run/systemd/resolved.conf.d /run/systemd/system
        chown "$2" /run/systemd/resolve
        mount -t overlay overlay -o "lowerdir=/etc,upperdir=$D/etc.upper,workdir=$D/etc.work" /etc
        mount --bind "$D/resolved.conf.d" /etc/systemd/resolved.conf.d
        mount -t overlay overlay -o "lowerdir=/var/lib,upperdir=$D/varlib.upper,workdir=$D/varlib.work" /var/lib
        mount --bind "$D/state" /var/lib/port853
        mount --bind "$D/systemctl" /usr/bin/systemctl
    ' sh "$RIG_DIR" "$RESOLVE_OWNER" 2>>"$LOG/holder.log" || die "mount setup failed: $(tail -3 "$LOG/holder.log")"

    # --- private system bus
    sed -e '/<user>/d' -e '/<fork\/>/d' -e '/<standard_system_servicedirs\/>/d' -e '/<servicehelper>/d' \
        -e '/<pidfile>/d' -e '/<syslog\/>/d' -e '/contexts\/dbus_contexts/d' \
        -e "s|<listen>.*</listen>|<listen>$BUS</listen>|" \
        -e 's|<includedir>system.d</includedir>|<includedir>/usr/share/dbus-1/system.d</includedir>|' \
        /usr/share/dbus-1/system.conf > "$RIG_DIR/dbus.conf"
    spawn "$LOG/dbus.log" nsenter -t "$hp" -m -n -- env -i dbus-daemon --nofork --nopidfile --config-file="$RIG_DIR/dbus.conf"
    record dbus $!
    for ((i = 0; i < 250; i++)); do
        rec_alive dbus || die "dbus-daemon exited: $(tail -5 "$LOG/dbus.log")"
        [[ -S $RIG_DIR/bus.sock ]] && break
        sleep 0.01
    done
    [[ -S $RIG_DIR/bus.sock ]] || die "dbus-daemon did not create $RIG_DIR/bus.sock"

    # the kernel reports operstate UP up to ~1 s after the link comes up (linkwatch); until then resolved
    # treats eth0 as not relevant and answers "Network is down"
    for ((i = 0; i < 300; i++)); do
        [[ $(ip -n "$CLI" -o link show "$IFACE") == *"state UP"* ]] && break
        sleep 0.01
    done
    [[ $(ip -n "$CLI" -o link show "$IFACE") == *"state UP"* ]] || die "$IFACE in $CLI did not reach operstate UP within 3 s"
    start_resolved
    trap - EXIT
    note "up: client $CLI4 good $GOOD4 untrusted $BAD4 dir $RIG_DIR"
}

cmd_status() {
    local rc=0 p
    for p in holder dbus resolved unbound-good unbound-untrusted tcpdump; do
        if rec_alive "$p"; then echo "$p: running (pid $(pidof_rec "$p"))"; else echo "$p: not running"; [[ $p == tcpdump ]] || rc=3; fi
    done
    for p in "$CLI" "$SRV"; do [[ -e /run/netns/$p ]] && echo "netns $p: present" || { echo "netns $p: absent"; rc=3; }; done
    if rec_alive holder && rec_alive dbus && name_owned; then echo "org.freedesktop.resolve1: owned"; else echo "org.freedesktop.resolve1: not owned"; rc=3; fi
    return $rc
}

cmd_env() {
    local h=""; h=$(pidof_rec holder 2>/dev/null || true)
    printf '%s=%q\n' RIG_ID "$RIG_ID" RIG_NET "$RIG_NET" RIG_DIR "$RIG_DIR" RIG_CLI_NETNS "$CLI" RIG_SRV_NETNS "$SRV" \
        RIG_HOLDER_PID "$h" RIG_IFACE "$IFACE" DBUS_SYSTEM_BUS_ADDRESS "$BUS" \
        RIG_CLIENT4 "$CLI4" RIG_CLIENT6 "$CLI6" RIG_GOOD4 "$GOOD4" RIG_GOOD6 "$GOOD6" \
        RIG_UNTRUSTED4 "$BAD4" RIG_UNTRUSTED6 "$BAD6" RIG_PLAIN4 "$PLAIN4" RIG_PLAIN6 "$PLAIN6" RIG_CA "$CA" RIG_OTHER_CA "$RIG_DIR/pki/other-ca.pem" \
        RIG_DROPIN_DIR "$RIG_DIR/resolved.conf.d" RIG_STATE_DIR "$RIG_DIR/state" \
        RIG_RESOLV_CONF_FILE "$RIG_DIR/etc.upper/resolv.conf" RIG_SYSTEMCTL_LOG "$RIG_DIR/systemctl.log" \
        RIG_SYSTEMD "$RIG_SYSTEMD"
}

cmd_capture_start() {
    local file=${1:?capture-start FILE [IFACE]} ifc=${2:-$IFACE} h i
    h=$(holder)
    rec_alive tcpdump && die "a capture is already running (capture-stop first)"
    [[ $file == /* ]] || file=$PWD/$file
    : > "$LOG/tcpdump.log"
    spawn "$LOG/tcpdump.log" nsenter -t "$h" -n -- tcpdump -Z root -i "$ifc" -n --immediate-mode -U -w "$file" 'port 53 or port 853'
    record tcpdump $!
    for ((i = 0; i < 250; i++)); do
        rec_alive tcpdump || die "tcpdump exited: $(cat "$LOG/tcpdump.log")"
        grep -q 'listening on' "$LOG/tcpdump.log" && return 0
        sleep 0.01
    done
    die "tcpdump did not start listening within 2.5 s"
}

cmd_upstream() {
    case ${1:-} in answer|refuse|internet) ;; *) die "usage: rig.sh upstream answer|refuse|internet" ;; esac
    holder >/dev/null
    sed -i "s/^RIG_UPSTREAM=.*/RIG_UPSTREAM=$1/" "$RIG_DIR/rig.env"
    RIG_UPSTREAM=$1
    stop_unbounds; start_unbounds
}

main() {
    local cmd=${1:-}; shift || true
    case $cmd in
        start) cmd_start ;;
        stop) load_env; cmd_stop ;;
        purge) load_env; cmd_stop; rm -rf "$RIG_DIR" ;;
        status) load_env; cmd_status ;;
        env) load_env; cmd_env ;;
        exec)
            (($#)) || die "usage: rig.sh exec CMD..."
            load_env; local h; h=$(holder)
            DBUS_SYSTEM_BUS_ADDRESS=$BUS exec nsenter -t "$h" -m -n --wd="$PWD" -- "$@" ;;
        restart-resolved) load_env; holder >/dev/null; restart_resolved ;;
        upstream) load_env; cmd_upstream "$@" ;;
        capture-start) load_env; cmd_capture_start "$@" ;;
        capture-stop) load_env; stop_rec tcpdump INT ;;
        __systemctl) load_env; standin_systemctl "$@" ;;
        *) sed -n '2,/^set -euo/p' "$SELF" | sed '$d; s/^# \{0,1\}//' >&2; exit 2 ;;
    esac
}
main "$@"
