// Benchmark harness: release build, deterministic corpora, MB/s per stage. Filled in by each issue.
print("tlumach-bench")
