#!/usr/bin/env python3
"""Single `tm search` runs (a new process each, as a user runs them: start-up and connection included) of several
builds side by side, interleaved query by query so that a loaded machine weighs on every build alike.

    scripts/bench-single-search.py MEMORY ROUNDS BUILD [BUILD…]   # QUERIES=/tmp/tlumach-bench-pg/queries.txt COUNT=41

MEMORY is a path or a postgres:// URL every build can read (a build refuses a schema newer than it knows). A BUILD is
a tlumach executable, or a script taking the same arguments (e.g. one that searches another memory). Prints, per
build, wall p50/p95/mean and client CPU p50 (user+sys of the child), and the load average before and after.
"""
import os
import resource
import subprocess
import sys
import time

memory, rounds, builds = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
queries_file = os.environ.get("QUERIES", "/tmp/tlumach-bench-pg/queries.txt")
queries = [line.rstrip("\n") for line in open(queries_file, encoding="utf-8")][: int(os.environ.get("COUNT", "41"))]
wall = {build: [] for build in builds}
cpu = {build: [] for build in builds}
load_before = open("/proc/loadavg").read().split()[:3]
for round_number in range(rounds):
    for query in queries:
        # Alternate the order every round: no build always runs right after another's.
        for build in builds if round_number % 2 == 0 else builds[::-1]:
            usage = resource.getrusage(resource.RUSAGE_CHILDREN)
            started = time.perf_counter()
            subprocess.run(
                [build, "tm", "search", "--tm", memory, "--format", "json", "--", query],
                stdout=subprocess.DEVNULL, check=True)
            wall[build].append((time.perf_counter() - started) * 1000)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu[build].append((after.ru_utime - usage.ru_utime + after.ru_stime - usage.ru_stime) * 1000)
load_after = open("/proc/loadavg").read().split()[:3]


def pick(values, quantile):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(quantile * len(ordered)))]


for build in builds:
    times = wall[build]
    print(f"{build}: p50 {pick(times, 0.5):.1f} ms  p95 {pick(times, 0.95):.1f} ms  mean {sum(times) / len(times):.1f} ms"
          f"  client CPU p50 {pick(cpu[build], 0.5):.1f} ms  ({len(times)} runs)")
print("load", " ".join(load_before), "->", " ".join(load_after))
