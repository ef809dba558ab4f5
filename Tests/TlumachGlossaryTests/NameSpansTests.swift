import Foundation
import TlumachCore
import TlumachGlossary
@testable import TlumachTranslit
import XCTest

/// The one-pass name search (`nameSpans(in:)`, one matcher scan per block) gives the same transliteration as the
/// former phrase-by-phrase search (`spelling(of:)` for every phrase at every word).
final class NameSpansTests: XCTestCase {
    /// Ukrainian and Russian proper nouns of the shipped glossaries and of the test glossary.
    static func properNouns(_ glossary: Glossary) -> [String] {
        glossary.concepts.flatMap { concept in
            ["uk", "ru"].flatMap { language in
                (concept.terms[language] ?? []).filter { $0.type == .properNoun }.map(\.text)
            }
        }
    }

    /// Deterministic text dense with names: inflected (case endings on the last word), in lower case, capitalised
    /// and in capitals, joined by hyphens or no-break spaces, next to digits, apostrophes, Latin letters and
    /// punctuation, among ordinary words and near-miss stems.
    static func generatedText(names: [String], lines: Int, seed: UInt64) -> String {
        var state = seed
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        let endings = ["", "", "а", "у", "ові", "ого", "ому", "им", "і", "ою", "ій", "ем", "ом", "и", "ах"]
        let fillers = ["та", "і", "президент", "зустрівся", "з", "м’ясо", "сказав", "Київ", "Зелений", "Шой", "ЗСУ",
            "п'ятий", "Ukraine", "2024", "—", "«цитата»", "сьогодні", "ім’я", "Андрієм", "х"]
        let separators = [" ", " ", " ", ", ", " - ", "-", "\u{00A0}", "  ", ". ", "’", "2", "\t", " (", ") "]
        var text = ""
        for _ in 0..<lines {
            var line = ""
            for _ in 0..<(3 + next(12)) {
                var piece: String
                if next(3) == 0 {
                    piece = fillers[next(fillers.count)]
                } else {
                    piece = names[next(names.count)] + endings[next(endings.count)]
                    switch next(5) {
                    case 0: piece = piece.lowercased()
                    case 1: piece = piece.uppercased()
                    case 2: piece = piece.split(separator: " ").map { $0.prefix(1).uppercased() + $0.dropFirst() }
                        .joined(separator: " ")
                    default: break
                    }
                    if next(8) == 0 { piece = piece.replacingOccurrences(of: " ", with: "-") }
                }
                line += piece + separators[next(separators.count)]
            }
            text += line + "\n"
        }
        return text
    }

    func assertOnePassMatchesPhraseByPhrase(
        _ names: any NameSpellingSource, nameList: [String], file: StaticString = #filePath, line: UInt = #line
    ) throws {
        let transliterator = try SchemeTransliterator(scheme: .kmu2010, names: names)
        let text = Self.generatedText(names: nameList, lines: 400, seed: 2010)
        let onePass = transliterator.transliterate(text, names: names)
        let phraseByPhrase = transliterator.transliteratePhraseByPhrase(text, names: names)
        // Line by line, so a difference names its line.
        let got = onePass.split(separator: "\n", omittingEmptySubsequences: false)
        let expected = phraseByPhrase.split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertEqual(got.count, expected.count, file: file, line: line)
        let input = text.split(separator: "\n", omittingEmptySubsequences: false)
        for index in 0..<min(got.count, expected.count) where got[index] != expected[index] {
            XCTFail("line \(index + 1): \(input[index])\n one pass: \(got[index])\n expected: \(expected[index])",
                file: file, line: line)
        }
        // The text really is full of names: the glossary's spellings replaced the scheme's many times.
        let plain = try SchemeTransliterator(scheme: .kmu2010).transliterate(text)
        XCTAssertNotEqual(onePass, plain, file: file, line: line)
    }

    func testShippedGlossaryNamesOnePassEqualsPhraseByPhrase() throws {
        let glossary = try Glossary.load(paths: [Support.packageRoot.appendingPathComponent("glossaries").path])
        let names = try GlossaryNameSpellings(glossary: glossary)
        let list = Self.properNouns(glossary)
        XCTAssertGreaterThan(list.count, 5)
        try assertOnePassMatchesPhraseByPhrase(names, nameList: list)
    }

    func testTestGlossaryNamesOnePassEqualsPhraseByPhrase() throws {
        let glossary = try Support.glossary(NameSpellingTests.yaml)
        let names = try GlossaryNameSpellings(glossary: glossary)
        try assertOnePassMatchesPhraseByPhrase(names, nameList: Self.properNouns(glossary) + ["Фальшенко", "Шойг"])
    }

    /// The same source with no word filter: `nameSpans(in:)` gets the whole blanked text, as before the filter.
    struct Unfiltered: NameSpellingSource {
        let inner: GlossaryNameSpellings
        var longestNameWordCount: Int { inner.longestNameWordCount }
        func spelling(of phrase: String) -> String? { inner.spelling(of: phrase) }
        func nameSpans(in text: String) -> [NameSpan] { inner.nameSpans(in: text) }
    }

    /// Scanning only runs of possible name words (`NameWordFilter`) gives the same output as scanning the whole text,
    /// on text full of names in every case, with apostrophes of every kind, letters outside the basic Cyrillic
    /// block (ў, ё, Latin look-alikes) and names broken across lines and punctuation.
    func testWordFilterChangesNoOutput() throws {
        let glossary = try Support.glossary(NameSpellingTests.yaml + """

              - id: maryana
                subject: people
                terms:
                  uk: [{text: Мар’яна Ґудзь-Їжак, type: properNoun}, {text: Ґудзь-Їжак, type: properNoun}]
                  en: [{text: Mariana Gudz-Yizhak, type: properNoun}, {text: Gudz-Yizhak, type: properNoun}]
            """)
        let names = try GlossaryNameSpellings(glossary: glossary)
        XCTAssertNotNil(names.nameWordFilter)
        var list = Self.properNouns(glossary)
        list += ["Мар'яна Ґудзь-Їжак", "МАР`ЯНА ҐУДЗЬ-ЇЖАК", "мар’яна\nҐудзь-Їжак", "Мaр’яна", "Мар’янa Ґудзь", "Ўладзімір Шойгу",
            "Шойгу, Зеленський", "Сергій-Шойгу", "ЇЖАК Ґудзь"]
        let text = Self.generatedText(names: list, lines: 600, seed: 77)
        let filtered = try SchemeTransliterator(scheme: .kmu2010, names: names).transliterate(text)
        let whole = try SchemeTransliterator(scheme: .kmu2010, names: Unfiltered(inner: names)).transliterate(text)
        XCTAssertEqual(filtered, whole)
        XCTAssertTrue(filtered.contains("Mariana Gudz-Yizhak"), "the added name is found")
        XCTAssertNotEqual(filtered, try SchemeTransliterator(scheme: .kmu2010).transliterate(text))
    }

    /// The name path validates while it looks for words (no separate pass): on damaged bytes it refuses exactly
    /// where `UTF8Validation` does (truncated, overlong, surrogate and out-of-range sequences, stray continuation
    /// bytes), and accepts what it accepts.
    func testNamePathRefusesInvalidUTF8WhereTheValidatorDoes() throws {
        let names = try GlossaryNameSpellings(glossary: try Support.glossary(NameSpellingTests.yaml))
        let transliterator = try SchemeTransliterator(scheme: .kmu2010, names: names)
        let pieces: [[UInt8]] = [Array("Зеленський ".utf8), Array("м’ясо ".utf8), Array("Шойгу".utf8), Array("😀".utf8),
            Array("€".utf8), [0xC3], [0x80], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xF5],
            [0xC0, 0xAF], [0xE2, 0x82], [0xF0, 0x9F, 0x98], [0xD0], [0x20], [0x27], [0xFF], Array("Київ\n".utf8)]
        var state: UInt64 = 11
        var refused = 0
        for _ in 0..<3_000 {
            var bytes: [UInt8] = []
            for _ in 0..<(1 + Int(state % 9)) {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                // Mostly valid pieces, a damaged one now and then.
                let index = Int(state >> 33) % pieces.count
                bytes += index < 5 || index == 15 || index == 18 || state & 0x700 != 0 ? pieces[index % 5] : pieces[index]
            }
            let expected = UTF8Validation.firstInvalidOffset(bytes)
            var output: [UInt8] = []
            var got: Int? = nil
            do {
                try bytes.withUnsafeBufferPointer { try transliterator.transliterate(utf8: $0, names: names, into: &output) }
            } catch {
                if case .invalidUTF8(let offset) = error as? TransliterationError { got = offset }
            }
            XCTAssertEqual(got, expected, "\(bytes)")
            if expected != nil { refused += 1 }
        }
        XCTAssertGreaterThan(refused, 300, "the inputs include many damaged ones")
    }

    /// The filter's fold: case, the basic Cyrillic block with Ґ, and ` for '; other letters always pass.
    func testNameWordFilterFold() {
        let filter = NameWordFilter(foldedNames: ["мар'яна ґудзь-їжак", "зеленський"])
        func may(_ word: String) -> Bool {
            var word = word
            return word.withUTF8 { filter.mayBeNameWord($0) }
        }
        XCTAssertTrue(may("МАР'ЯНА"))
        XCTAssertTrue(may("Мар`яна"))
        XCTAssertTrue(may("ҐУДЗЬ"))
        XCTAssertTrue(may("Їжак"))
        XCTAssertTrue(may("Зеленський"))
        XCTAssertFalse(may("Зеленського"))
        XCTAssertFalse(may("Київ"))
        XCTAssertFalse(may("Zelenskyi"))
        XCTAssertTrue(may("Мар’яна"), "a word with a typographic apostrophe is not folded here: it passes")
        XCTAssertFalse(may("Ўладзімір"), "ў is in the basic block: folded, and not a name word")
        XCTAssertTrue(may("Ѣлена"), "a letter outside the basic block passes")
        XCTAssertTrue(may("Zoë"))
    }

    /// A source without a scanner (the dictionary-backed one) gets the phrase-by-phrase default `nameSpans`.
    func testDefaultNameSpansEqualsPhraseByPhrase() throws {
        let names = NameSpellings(["Володимир Зеленський": "Volodymyr Zelenskyy", "Зеленський": "Zelenskyy",
            "Шойгу": "Shoigu", "Сергій Шойгу": "Sergei Shoigu"])
        try assertOnePassMatchesPhraseByPhrase(names, nameList: ["Володимир Зеленський", "Зеленський", "Шойгу",
            "Сергій Шойгу", "Сергій"])
        XCTAssertEqual(names.nameSpans(in: "Привіт, Сергій Шойгу!"),
            [NameSpan(utf8Range: 14..<37, spelling: "Sergei Shoigu")])
    }
}
