import Foundation
import XCTest

@testable import TlumachGlossary

/// `scan` hands its candidates to `resolve` already in resolve's order (start ascending, longer first, then as
/// found), so that match-rich text is not sorted candidate by candidate; candidates in any other order are sorted.
final class ResolveOrderTests: XCTestCase {
    let yaml = """
        concepts:
          - id: hq
            terms:
              uk: [Координаційний штаб з питань поводження з військовополоненими, {text: Координаційний штаб, type: shortForm}]
          - id: staff
            terms:
              uk: [штаб]
          - id: questions
            terms:
              uk: [питання поводження]
          - id: pow
            terms:
              uk: [військовополонений]
          - id: kyiv
            terms:
              uk: [{text: Київ, type: properNoun}]
        """

    let text = """
        Координаційний штаб з питань поводження з військовополоненими і Координаційному штабі, штаб. Київ і київ.
        Координаційного штабу з питань поводження з військовополоненими; питання поводження з військовополоненими.
        """

    func testScanGivesCandidatesInResolveOrder() throws {
        let matcher = try TermMatcher(glossary: try Support.glossary(yaml))
        var text = String(repeating: self.text, count: 3)
        try text.withUTF8 { bytes in
            let candidates = matcher.scan(bytes)
            XCTAssertGreaterThan(candidates.count, 20)
            let keys = candidates.map(TermMatcher.orderKey)
            XCTAssertEqual(keys, keys.sorted(), "scan's candidates are not in resolve's order")
            // A longer term found after the shorter one it starts with comes first.
            let first = try XCTUnwrap(candidates.first)
            XCTAssertEqual(first.utf8.lowerBound, 0)
            XCTAssertEqual(first.tokens, 7)

            // The same choices from candidates in another order (resolve sorts them itself): keys descending, equal
            // keys as found.
            let shuffled = candidates.enumerated().sorted {
                (TermMatcher.orderKey($1.element), $0.offset) < (TermMatcher.orderKey($0.element), $1.offset)
            }.map(\.element)
            XCTAssertNotEqual(shuffled.map(TermMatcher.orderKey), keys)
            func described(_ choices: [TermMatcher.Choice]) -> [String] {
                choices.map { "\($0.candidate.utf8) \($0.pattern) \($0.nested) \($0.ambiguous)" }
            }
            for options: MatchOptions in [[], [.nested], [.ambiguous]] {
                let inOrder = matcher.resolve(candidates, language: "uk", bytes: bytes, options: options)
                let resorted = matcher.resolve(shuffled, language: "uk", bytes: bytes, options: options)
                XCTAssertEqual(described(inOrder), described(resorted))
                XCTAssertFalse(inOrder.isEmpty)
            }
        }
    }

    /// `counts` resolves long text a stretch at a time; what it counts is what `matches` finds, including names
    /// made ambiguous by a lower-case spelling in a later stretch.
    func testCountsByStretchesEqualMatches() throws {
        let matcher = try TermMatcher(glossary: try Support.glossary(yaml))
        // The lower-case київ only at the very end, in the last stretch.
        let body = self.text.replacingOccurrences(of: " Київ і київ.", with: " Київ.")
        XCTAssertFalse(body.contains("київ"))
        let text = "Київ. " + String(repeating: body, count: 600) + " А київ тут написано з малої."
        var byMatches: [String: Int] = [:]
        for match in matcher.matches(in: text, language: "uk") { byMatches[match.conceptID, default: 0] += 1 }
        var bytes = text
        let candidates = bytes.withUTF8 { matcher.scan($0).count }
        XCTAssertGreaterThan(candidates, 2 * 4096, "too short to be resolved in two stretches or more")
        XCTAssertEqual(matcher.counts(in: text, language: "uk"), byMatches)
        XCTAssertNil(byMatches["kyiv"], "a sentence-initial Київ with київ elsewhere is ambiguous")
        XCTAssertNotNil(byMatches["hq"])
    }
}
