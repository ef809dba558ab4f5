// Translit benchmarks: filled in by the issue that builds the area.
func translitBenchmarks() throws {
    print("(no translit benchmarks yet)")
}
