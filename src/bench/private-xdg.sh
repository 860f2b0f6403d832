# Sourced by the benchmarks (sh or bash): the programs they start keep their per-user files (settings, the state
# folder with the log and the single-instance lock, caches such as JNA's, GTK's and Mesa's, data) in one temporary
# folder, never in the home folder of whoever runs them (root's on a bench machine, where a window would make
# /root/.local/state/port853). The caller removes it when it ends: rm -rf "$BENCH_XDG"
BENCH_XDG=$(mktemp -d /tmp/port853-bench-xdg.XXXXXX)
XDG_CONFIG_HOME=$BENCH_XDG/config
XDG_STATE_HOME=$BENCH_XDG/state
XDG_CACHE_HOME=$BENCH_XDG/cache
XDG_DATA_HOME=$BENCH_XDG/data
export XDG_CONFIG_HOME XDG_STATE_HOME XDG_CACHE_HOME XDG_DATA_HOME
