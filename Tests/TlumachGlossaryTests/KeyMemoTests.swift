import Foundation
import TlumachCore
@testable import TlumachGlossary
import TlumachTestSupport
import XCTest

/// The memo of Cyrillic words' symbols (`TokenCache.memoizedCyrillicSymbol`) only skips work: matches and counts
/// with and without it are identical, on words that keep evicting each other from its 4,096 places, on words of
/// 31 to 34 bytes around its 32-byte limit, and on the shipped glossaries with and without exact terms.
final class KeyMemoTests: XCTestCase {
    func testMemoChangesNoResult() throws {
        var generator = SeededGenerator(seed: 77)
        let letters = Array("абвгґдеєжзиіїйклмнопрстуфхцчшщьюя'")
        func word(_ length: ClosedRange<Int>) -> String {
            var word = String((0..<Int.random(in: length, using: &generator)).map { _ in letters.randomElement(using: &generator)! })
            if Int.random(in: 0..<5, using: &generator) == 0 { word = word.prefix(1).uppercased() + word.dropFirst() }
            return word
        }
        // A glossary of generated words and pairs, and text made of them, their inflected forms and 20,000 other
        // words (far more distinct forms than the memo holds, so places are reused many times over).
        let termWords = (0..<400).map { _ in word(4...9) }
        var yaml = "concepts:\n"
        for (index, term) in termWords.enumerated() {
            let text = index % 3 == 0 ? term + " " + termWords[(index * 7) % termWords.count] : term
            yaml += "  - id: g\(index)\n    terms:\n      uk: [{text: \"\(text.replacingOccurrences(of: "'", with: "’"))\"}]\n"
        }
        let folder = NSTemporaryDirectory() + "key-memo-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try yaml.write(toFile: folder + "/generated.yaml", atomically: true, encoding: .utf8)
        let endings = ["", "а", "у", "ом", "ами", "ів", "ою", "і", "ях"]
        var words: [String] = []
        for index in 0..<40_000 {
            switch index % 4 {
            case 0: words.append(termWords.randomElement(using: &generator)! + endings.randomElement(using: &generator)!)
            case 1: words.append(word(1...12))
            case 2: words.append(word(15...17))  // 30–34 bytes: both sides of the memo's limit
            default: words.append(["і", "що", "на", "у", "та", "Київ", "держави", "—", ",", "."].randomElement(using: &generator)!)
            }
        }
        let generatedText = words.joined(separator: " ")
        let shippedText = MatcherCacheTests.sentences(from: Support.shipped.glossary, count: 400, seed: 9)
        let glossaries = [
            try Glossary.load(paths: [folder + "/generated.yaml"]),
            try Glossary.load(paths: [Support.packageRoot.appendingPathComponent("glossaries").path]),
            try Glossary.load(paths: [Support.packageRoot.appendingPathComponent("glossaries").path], profiles: ["house-style"]),
        ]
        for glossary in glossaries {
            let memo = try TermMatcher(glossary: glossary, keys: TermKeys(), useKeyMemo: true)
            let plain = try TermMatcher(glossary: glossary, keys: TermKeys(), useKeyMemo: false)
            for text in [generatedText, shippedText] {
                let expected = plain.matches(in: text, options: [.nested, .ambiguous])
                XCTAssertEqual(memo.matches(in: text, options: [.nested, .ambiguous]), expected)
                XCTAssertEqual(memo.counts(in: text, language: "uk"), plain.counts(in: text, language: "uk"))
                if glossary.concepts.count == 400 && text == generatedText { XCTAssertGreaterThan(expected.count, 5_000) }
            }
        }
    }

    /// `counts` takes a shortcut for candidates whose node ends one pattern needing no capital; the counts must be
    /// those of `matches` (the general path), whatever the language asked, with concepts sharing a term, a term in
    /// two languages, and names that need a capital in the same text.
    func testCountingShortcutCountsWhatMatchesFinds() throws {
        let yaml = """
            concepts:
              - id: a
                terms: {uk: [{text: "оборона"}], en: [{text: "defence"}]}
              - id: b
                terms: {uk: [{text: "оборона"}, {text: "захист", status: admitted}]}
              - id: c
                terms: {uk: [{text: "міністерство оборони"}], en: [{text: "ministry of defence"}]}
              - id: d
                terms: {uk: [{text: "Суми", type: properNoun}], en: [{text: "Sumy", type: properNoun}]}
              - id: e
                terms: {uk: [{text: "радар"}], en: [{text: "радар"}]}
              - id: f
                terms: {uk: [{text: "захисник"}, {text: "захисниця"}]}
            """
        let folder = NSTemporaryDirectory() + "counting-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try yaml.write(toFile: folder + "/g.yaml", atomically: true, encoding: .utf8)
        let matcher = try TermMatcher(glossary: try Glossary.load(paths: [folder + "/g.yaml"]))
        var generator = SeededGenerator(seed: 4)
        let words = ["оборона", "оборони", "Міністерство", "міністерство оборони", "захист", "захисту", "Суми", "суми",
                     "радар", "радари", "Ministry of Defence", "defence", "Sumy", "захисниця", "захисників", "і", ",", ".", "—"]
        let text = (0..<5_000).map { _ in words.randomElement(using: &generator)! }.joined(separator: " ")
        for language: String? in ["uk", "en", nil] {
            var expected: [String: Int] = [:]
            for match in matcher.matches(in: text, language: language) { expected[match.conceptID, default: 0] += 1 }
            XCTAssertGreaterThan(expected.count, 2)
            XCTAssertEqual(matcher.counts(in: text, language: language), expected, language ?? "any")
        }
    }
}
