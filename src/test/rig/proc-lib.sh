# Port853 test rigs' process bookkeeping, sourced by rig.sh and dot-lab.sh (needs $RUN: the pid-file directory).
# A pid file holds "PID STARTTIME" so a recycled PID is never mistaken for ours.
starttime() { local s; s=$(cat "/proc/$1/stat" 2>/dev/null) || return 1; s=${s##*) }; set -- $s; echo "${20}"; }
# alive = exists, same start time, not a zombie (a zombie has released its sockets and bus names;
# reaping by PID 1 is slow on these machines, so kill -0 would lie for a second or two).
alive() {
    local pid=$1 st=${2:-} s
    s=$(cat "/proc/$pid/stat" 2>/dev/null) || return 1
    s=${s##*) }; set -- $s
    [[ $1 != Z && $1 != X ]] || return 1
    [[ -z $st || ${20} == "$st" ]]
}
record() { echo "$2 $(starttime "$2" || echo 0)" > "$RUN/$1.pid"; }
pidof_rec() { [[ -f $RUN/$1.pid ]] && cut -d' ' -f1 "$RUN/$1.pid"; }
rec_alive() { local p s; [[ -f $RUN/$1.pid ]] || return 1; read -r p s < "$RUN/$1.pid"; alive "$p" "$s"; }
# wait_gone SECONDS PID... : wait until each PID is gone or a zombie
wait_gone() {
    local t=$1; shift; local end=$((SECONDS + t)) p left
    while :; do
        left=()
        for p in "$@"; do alive "$p" && left+=("$p"); done
        ((${#left[@]} == 0)) && return 0
        ((SECONDS >= end)) && { echo "${left[*]}"; return 1; }
        sleep 0.02
    done
}
# stop_rec NAME [SIGNAL]: signal the recorded process and wait until it has really exited
stop_rec() {
    local p s; [[ -f $RUN/$1.pid ]] || return 0
    read -r p s < "$RUN/$1.pid"
    if alive "$p" "$s"; then
        kill -"${2:-TERM}" "$p" 2>/dev/null || true
        if ! wait_gone 5 "$p" >/dev/null; then kill -KILL "$p" 2>/dev/null || true; wait_gone 3 "$p" >/dev/null || true; fi
    fi
    rm -f "$RUN/$1.pid"
}
# run "$@" detached in the background (new session, stdin /dev/null, output appended to $1, no
# inherited descriptors above 2: a daemon must never keep a caller's pipe or our lock file open)
spawn() {
    local log=$1; shift
    ( for f in /proc/$BASHPID/fd/*; do n=${f##*/}; ((n > 2)) && { eval "exec $n>&-"; } 2>/dev/null; done
      exec </dev/null >>"$log" 2>&1
      exec setsid "$@" ) &
}
