#!/usr/bin/env python3
"""Two builds of tlumach on the same command, alternated run by run (so load drifts hit both alike): the median
wall and CPU (user + system of the child, os.wait4) of each, and the median of the paired ratios new/old.
Standard output goes to /dev/null. Used for the start-up figures in docs/PERFORMANCE.md.

    scripts/compare-builds.py OLD_BIN NEW_BIN RUNS ARGS…
    scripts/compare-builds.py /tmp/old/tlumach .build/release/tlumach 60 --version
"""
import os
import statistics
import subprocess
import sys
import time


def run(command):
    started = time.perf_counter()
    with open(os.devnull, "wb") as null:
        child = subprocess.Popen(command, stdout=null, stderr=subprocess.DEVNULL)
        _, _, usage = os.wait4(child.pid, 0)
    return (time.perf_counter() - started) * 1000, (usage.ru_utime + usage.ru_stime) * 1000


def main():
    if len(sys.argv) < 4:
        print(__doc__, file=sys.stderr)
        return 2
    old, new, runs, args = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4:]
    results = {"old": [], "new": []}
    for index in range(runs):
        order = (("old", old), ("new", new)) if index % 2 == 0 else (("new", new), ("old", old))
        for name, binary in order:
            results[name].append(run([binary] + args))
    for name in ("old", "new"):
        wall = [w for w, _ in results[name]]
        cpu = [c for _, c in results[name]]
        print(f"{name}: wall median {statistics.median(wall):.2f} ms (min {min(wall):.2f}), CPU median {statistics.median(cpu):.2f} ms")
    pairs = list(zip(results["old"], results["new"]))
    wall_ratio = statistics.median(n[0] / o[0] for o, n in pairs)
    cpu_ratio = statistics.median(n[1] / o[1] for o, n in pairs if o[1] > 0)
    print(f"paired new/old: wall {wall_ratio:.3f}, CPU {cpu_ratio:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
