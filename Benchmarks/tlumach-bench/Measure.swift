import Foundation
import TlumachCore

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

