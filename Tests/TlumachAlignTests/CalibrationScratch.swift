import TlumachAlign
import XCTest

final class CalibrationScratch: XCTestCase {
    func testCalibrate() throws {
        var l1s: [Double] = [], l2s: [Double] = []
        var shapes: [String: Int] = [:]
        for f in try BitextFixture.all() {
            for b in f.gold {
                shapes[b.shape, default: 0] += 1
                guard !b.source.isEmpty, !b.target.isEmpty else { continue }
                l1s.append(Double(b.source.map { f.source[$0].unicodeScalars.count + 1 }.reduce(0, +) - 1))
                l2s.append(Double(b.target.map { f.target[$0].unicodeScalars.count + 1 }.reduce(0, +) - 1))
            }
        }
        let c = l2s.reduce(0, +) / l1s.reduce(0, +)
        var num = 0.0
        for (a, b) in zip(l1s, l2s) { num += (b - c * a) * (b - c * a) }
        let s2 = num / l1s.reduce(0, +)
        print("calib c=\(c) s2=\(s2) n=\(l1s.count) shapes=\(shapes)")
    }
}
