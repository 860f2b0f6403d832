#!/usr/bin/env python3
"""Resident memory of a running JVM by kind, from /proc/PID/smaps (docs/benchmarks.md, "Round 4").

    src/bench/ui/rss-breakdown.py PID

Kinds: the Java heap (address ranges from `jcmd PID GC.heap_info`), class-data-sharing archives (*.jsa mappings),
SysV shared memory (cairo's MIT-SHM upload pool under X), shared libraries, other file mappings, and the rest of
the anonymous memory (code cache, metaspace, thread stacks, malloc arenas, direct buffers). `jcmd PID
VM.native_memory summary` (with -XX:NativeMemoryTracking=summary) splits that rest further.
"""
import re
import subprocess
import sys

pid = sys.argv[1]
info = subprocess.run(['jcmd', pid, 'GC.heap_info'], capture_output=True, text=True).stdout
ranges = [(int(a, 16), int(b, 16)) for a, _, b in re.findall(r'\[(0x[0-9a-f]+), (0x[0-9a-f]+), (0x[0-9a-f]+)\)', info)]
lo = min((r[0] for r in ranges), default=0)
hi = max((r[1] for r in ranges), default=0)
kinds = {}
kind = None
for line in open(f'/proc/{pid}/smaps'):
    m = re.match(r'^([0-9a-f]+)-([0-9a-f]+) \S+ \S+ \S+ \S+\s*(.*)$', line)
    if m:
        start, path = int(m.group(1), 16), m.group(3)
        if lo <= start < hi:
            kind = 'Java heap'
        elif path.endswith('.jsa'):
            kind = 'class-data-sharing archives'
        elif 'SYSV' in path:
            kind = 'SysV shared memory (X)'
        elif path.startswith('/') and '.so' in path:
            kind = 'shared libraries'
        elif path.startswith('/'):
            kind = 'other files'
        else:
            kind = 'other anonymous'
        continue
    m = re.match(r'^(Rss|Private_Dirty):\s+(\d+) kB', line)
    if m and kind:
        k = kinds.setdefault(kind, {})
        k[m.group(1)] = k.get(m.group(1), 0) + int(m.group(2))
total = 0
for kind, k in sorted(kinds.items(), key=lambda e: -e[1].get('Rss', 0)):
    total += k.get('Rss', 0)
    print(f"{kind:30s} {k.get('Rss', 0) / 1024:6.1f} MB resident, {k.get('Private_Dirty', 0) / 1024:6.1f} MB private dirty")
print(f"{'total':30s} {total / 1024:6.1f} MB")
