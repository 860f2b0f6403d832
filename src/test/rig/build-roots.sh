#!/bin/bash
# Builds (once) the minimal Debian root file systems whose systemd-resolved the test rig can run
# (RIG_SYSTEMD=247|257|262; 252 is the host's own resolver and needs no root).
#
# Usage: build-roots.sh [SUITE...]        default: bullseye trixie sid
#   PORT853_TEST_ROOTS   cache directory, default /var/cache/port853-test-roots (one directory per suite)
#   PORT853_DEBIAN_MIRROR  mirror URL; default: the first Debian mirror in /etc/apt/sources.list*
# A root that is complete (it has $ROOT/.port853-complete) is reused; a half-built one is replaced.
set -euo pipefail
CACHE=${PORT853_TEST_ROOTS:-/var/cache/port853-test-roots}

die() { echo "build-roots: ERROR: $*" >&2; exit 1; }

# The mirror this machine already uses (deb822 "URIs:" or one-line "deb URL SUITE ..."), never a guess.
find_mirror() {
    local f u
    for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.sources /etc/apt/sources.list.d/*.list; do
        [[ -r $f ]] || continue
        u=$(awk '/^URIs:/ { for (i = 2; i <= NF; i++) print $i }
                 /^deb[ \t]/ { for (i = 2; i <= NF; i++) if ($i ~ /^[a-z]+:\/\//) { print $i; break } }' "$f" |
            grep -E '/debian/?$' | head -1) || true
        [[ -n $u ]] && { echo "${u%/}"; return 0; }
    done
    return 1
}

# suite -> packages that hold the resolver (bullseye still ships it inside "systemd")
packages() { [[ $1 == bullseye ]] && echo systemd,dbus,ca-certificates || echo systemd-resolved,dbus,ca-certificates; }

# mount points the rig binds into the root (kept up to date on cached roots too)
mountpoints() {
    mkdir -p "$1/run/systemd" "$1/etc/systemd/resolved.conf.d" "$1/rig"
    [[ -e $1/etc/hosts ]] || printf '127.0.0.1\tlocalhost\n::1\t\tlocalhost ip6-localhost ip6-loopback\n' > "$1/etc/hosts"
}

build() {
    local suite=$1 root=$CACHE/$1 tmp mirror
    if [[ -f $root/.port853-complete ]]; then
        mountpoints "$root"
        echo "build-roots: $suite: cached in $root"
        return 0
    fi
    mirror=${PORT853_DEBIAN_MIRROR:-$(find_mirror)} || die "no Debian mirror in /etc/apt/sources.list*; set PORT853_DEBIAN_MIRROR"
    tmp=$CACHE/.$suite.tmp
    rm -rf "$tmp"
    echo "build-roots: $suite: debootstrap from $mirror (a few minutes, once)"
    # --merged-usr is the default from bookworm on; bullseye roots get the layout their release expects
    debootstrap --variant=minbase --include="$(packages "$suite")" "$suite" "$tmp" "$mirror" > "$CACHE/$suite.log" 2>&1 ||
        die "debootstrap $suite failed; see $CACHE/$suite.log"
    [[ -x $tmp/lib/systemd/systemd-resolved ]] || die "$suite: no /lib/systemd/systemd-resolved in the root"
    grep -q '^systemd-resolve:' "$tmp/etc/passwd" ||
        chroot "$tmp" /usr/sbin/useradd --system --no-create-home --home-dir /run/systemd --shell /usr/sbin/nologin systemd-resolve
    mountpoints "$tmp"
    rm -rf "$tmp/var/cache/apt/archives/"*.deb
    chroot "$tmp" /bin/systemctl --version | head -1 > "$tmp/.port853-complete"
    rm -rf "$root"; mv "$tmp" "$root"
    echo "build-roots: $suite: $(cat "$root/.port853-complete")"
}

[[ $(id -u) == 0 ]] || die "must run as root"
command -v debootstrap >/dev/null || die "debootstrap is missing (apt-get install debootstrap)"
mkdir -p "$CACHE"
exec 9>"$CACHE/.lock"; flock 9
for s in "${@:-bullseye trixie sid}"; do for t in $s; do build "$t"; done; done
