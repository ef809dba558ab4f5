import Foundation

/// Wall-clock seconds of `body`, best of `repetitions` runs (the least disturbed by other work on the machine).
func bestTime(repetitions: Int = 3, _ body: () throws -> Void) rethrows -> Double {
    var best = Double.infinity
    for _ in 0..<repetitions {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        best = min(best, elapsed)
    }
    return best
}

/// Prints one figure in a fixed format: `area.stage: value unit`.
func report(_ name: String, _ value: Double, _ unit: String) {
    print("\(name): \(String(format: "%.2f", value)) \(unit)")
}

/// A deterministic pseudo-random generator (SplitMix64), so corpora are the same on every run.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
