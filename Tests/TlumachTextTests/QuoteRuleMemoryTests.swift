import XCTest

@testable import TlumachText

/// Issue 11 (fuzzing): `normalize` on one line of 4,000,000 apostrophes peaked at 475 MB. The check that the quote
/// rule's result reads the same again built a second full edit list (reserved at the size of the first) only to ask
/// whether it was empty; it now stops at the first edit.
final class QuoteRuleMemoryTests: XCTestCase {
    func testRereadingTheResultBuildsOneEditAtMostForAnyNumberOfMarks() throws {
        let rules = Rules(normalizer: try ArticleNormalizer())
        for count in [1_000, 10_000] {
            let scalars = Array(String(repeating: "'", count: count).unicodeScalars)
            let protected = [Bool](repeating: false, count: scalars.count)
            // Every mark is re-drawn: `count` edits in full, one when only their existence matters.
            XCTAssertEqual(rules.quoteEdits(scalars, protected, language: .uk).count, count)
            XCTAssertEqual(rules.quoteEdits(scalars, protected, language: .uk, firstOnly: true).count, 1)
        }
        // The output is the one before the change (each unknown mark closes the one before it; nesting alternates).
        var options = NormalizerOptions()
        options.language = .uk
        let normalizer = try ArticleNormalizer(options: options)
        XCTAssertEqual(normalizer.normalize("x ''''").text, "x «»«»")
        XCTAssertEqual(normalizer.normalize("x \"a 'b' c\"").text, "x «a „b“ c»")
    }
}
