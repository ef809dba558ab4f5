// Benchmark harness (release build): `swift run -c release tlumach-bench [AREA…]`. Each area generates its own
// deterministic corpus and prints figures; docs/PERFORMANCE.md records them with this command.
import Foundation

let areas: [(name: String, run: () throws -> Void)] = [
    ("text", textBenchmarks),
    ("translit", translitBenchmarks),
    ("glossary", glossaryBenchmarks),
    ("memory", memoryBenchmarks),
    ("align", alignBenchmarks),
    ("check", checkBenchmarks),
]

let requested = Set(CommandLine.arguments.dropFirst())
for area in areas where requested.isEmpty || requested.contains(area.name) {
    print("== \(area.name)")
    do {
        try area.run()
    } catch {
        print("benchmark \(area.name) failed: \(error)")
        exit(1)
    }
}
