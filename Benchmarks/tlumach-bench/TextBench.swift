// Text benchmarks: filled in by the issue that builds the area.
func textBenchmarks() throws {
    print("(no text benchmarks yet)")
}
