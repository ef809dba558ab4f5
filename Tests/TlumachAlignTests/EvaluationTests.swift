import Foundation
import TlumachAlign
import TlumachGlossary
import TlumachTestSupport
import XCTest

/// Strict F1 on the uk–en evaluation articles (merges, splits, omissions and additions as newsroom translators
/// make them; see docs/alignment.md). Thresholds are the measured figures minus a small margin, so a regression
/// fails.
final class EvaluationTests: XCTestCase {
    func score(_ aligner: SentenceAligner, _ fixtures: [BitextFixture], verbose: Bool) -> AlignmentScore {
        var total = AlignmentScore(predicted: 0, gold: 0, correct: 0)
        for fixture in fixtures {
            let beads = aligner.align(source: fixture.source, target: fixture.target)
            let score = AlignmentScore(predicted: beads, gold: fixture.gold)
            if verbose {
                print("align eval \(fixture.name): \(fixture.source.count) uk, \(fixture.target.count) en: \(score)")
                let gold = Set(fixture.gold.map(\.beadLine))
                for bead in beads where !gold.contains(bead.beadLine) { print("  wrong \(bead.shape) \(bead)") }
            }
            total = total + score
        }
        return total
    }

    func testStrictF1OnEvaluationArticles() throws {
        let fixtures = try BitextFixture.all()
        XCTAssertGreaterThanOrEqual(fixtures.count, 9)
        let total = score(SentenceAligner(source: .uk, target: .en), fixtures, verbose: true)
        print("align eval total: \(total)")
        // Measured: F1 0.993 on 302 gold beads (docs/alignment.md).
        XCTAssertGreaterThanOrEqual(total.f1, 0.97)
        XCTAssertGreaterThanOrEqual(total.gold, 300)
    }

    /// The project's news glossary (glossaries/) as term anchors: must not cost accuracy.
    func testGlossaryTermAnchors() throws {
        let matcher = try TermMatcher(glossary: try Glossary.load(paths: [TestFiles.shippedGlossaries.path]))
        let fixtures = try BitextFixture.all()
        let anchors = SentenceAligner.standardAnchors + [TermAnchors(matcher: matcher)]
        let withTerms = score(SentenceAligner(source: .uk, target: .en, anchors: anchors), fixtures, verbose: true)
        let termsOnly = score(SentenceAligner(source: .uk, target: .en, anchors: [TermAnchors(matcher: matcher)]), fixtures, verbose: false)
        print("align eval with glossary terms: \(withTerms)")
        print("align eval glossary terms only: \(termsOnly)")
        XCTAssertGreaterThanOrEqual(withTerms.f1, 0.97)
    }

    func testEachAnchorKindEarnsItsPlace() throws {
        let fixtures = try BitextFixture.all()
        let full = score(SentenceAligner(source: .uk, target: .en), fixtures, verbose: false)
        let lengthOnly = score(SentenceAligner(source: .uk, target: .en, anchors: []), fixtures, verbose: false)
        print("align eval length only: \(lengthOnly)")
        XCTAssertLessThan(lengthOnly.f1, full.f1)
        for kind in [AnchorKind.number, .name, .mood, .punctuation] {
            let without = SentenceAligner.standardAnchors.filter { $0.kind != kind }
            let ablated = score(SentenceAligner(source: .uk, target: .en, anchors: without), fixtures, verbose: false)
            print("align eval without \(kind): \(ablated)")
            XCTAssertLessThanOrEqual(ablated.f1, full.f1)
        }
    }
}

/// The same articles as running text (each article one paragraph per side): segmentation must give back the
/// evaluation sentences, so the figures above hold for `tlumach align` without --presegmented.
final class RunningTextEvaluationTests: XCTestCase {
    func testSegmentationReproducesTheEvaluationSentences() throws {
        var mismatches: [String] = []
        for fixture in try BitextFixture.all() {
            let source = try AlignmentInput.segment(fixture.source.joined(separator: " "), language: .uk).map(\.text)
            let target = try AlignmentInput.segment(fixture.target.joined(separator: " "), language: .en).map(\.text)
            if source != fixture.source { mismatches.append("\(fixture.name) uk: \(zip(source, fixture.source).first { $0 != $1 }.map { "\($0) ≠ \($1)" } ?? "count")") }
            if target != fixture.target { mismatches.append("\(fixture.name) en: \(zip(target, fixture.target).first { $0 != $1 }.map { "\($0) ≠ \($1)" } ?? "count")") }
        }
        XCTAssertEqual(mismatches, [])
    }
}
