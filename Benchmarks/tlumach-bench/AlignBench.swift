// Align benchmarks: filled in by the issue that builds the area.
func alignBenchmarks() throws {
    print("(no align benchmarks yet)")
}
