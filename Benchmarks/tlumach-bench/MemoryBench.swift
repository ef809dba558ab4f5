// Memory benchmarks: filled in by the issue that builds the area.
func memoryBenchmarks() throws {
    print("(no memory benchmarks yet)")
}
