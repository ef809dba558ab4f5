// Glossary benchmarks: filled in by the issue that builds the area.
func glossaryBenchmarks() throws {
    print("(no glossary benchmarks yet)")
}
