import Foundation
import ICU
import TlumachCore
@testable import TlumachGlossary
import TlumachText
import TlumachTestSupport
import XCTest

/// The scan keys Ukrainian/Russian words straight from their bytes (byte stemmer, letter-by-letter skeleton,
/// byte-keyed symbol table): each piece must give exactly what the general, String-based path gives.
final class CyrillicKeyTests: XCTestCase {
    static let letters = Array("абвгґдеєжзиіїйклмнопрстуфхцчшщьюяёыэъѐѝђѓѕјљњћќўџ")
    static let apostrophes = ["'", "’", "ʼ", "`", "´", "‘", "ʹ", "′"]

    /// Word forms: the benchmark's kind of generated vocabulary with every ending of the stemmer, the evaluation
    /// set's words, the shipped glossaries' words, and random words of every letter (some with apostrophes and
    /// capitals).
    static func words(glossary: Glossary) throws -> [String] {
        var generator = SeededGenerator(seed: 7)
        var words = ["україни", "україна", "збройних", "сил", "м’ясо", "м'ясо", "мʼясо", "окупантів", "росії", "росія",
                     "ґудзь", "ёлка", "їжак", "київ", "києві", "бахмута", "сво", "рф", "шойгу", "Київ", "СВО", "ЗСУ",
                     "РФ", "Росія", "ҐУДЗЬ", "Ёлка", "Ѓ", "ЇЖАК", "МʼЯСО", "Об'єднаних", "Ѝ", "ЂЉЊЋЌЎЏ"]
        let syllables = ["ко", "ра", "ні", "ст", "ва", "ли", "по", "ме", "ди", "та", "кра", "ї", "ну", "зо", "ві", "ти",
                         "ро", "ша", "че", "бу", "де", "гу", "жи", "ми", "лю", "пра", "сто", "хі", "ов", "єв", "ь", "й"]
        for _ in 0..<2000 {
            let stem = (0..<Int.random(in: 1...4, using: &generator)).map { _ in syllables.randomElement(using: &generator)! }.joined()
            for ending in [""] + UkrainianStemmer.endings { words.append(stem + ending) }
        }
        for _ in 0..<5000 {
            var word = String((0..<Int.random(in: 1...14, using: &generator)).map { _ in letters.randomElement(using: &generator)! })
            if word.count > 2 && Bool.random(using: &generator) {
                word.insert(contentsOf: apostrophes.randomElement(using: &generator)!, at: word.index(after: word.startIndex))
            }
            switch Int.random(in: 0..<4, using: &generator) {
            case 0: word = word.uppercased()
            case 1: word = word.prefix(1).uppercased() + word.dropFirst()
            default: break
            }
            words.append(word)
        }
        words += try Support.evaluationAndTermWords(glossary: glossary) { [$0, $0.lowercased(), $0.uppercased()] }
        return words
    }

    /// Whether the tokenizer reports `word` as one word of Ukrainian/Russian letters (the byte path's words), and
    /// whether it has a capital.
    static func pureCyrillic(_ word: String) -> (pure: Bool, capital: Bool) {
        var text = word
        var result = (pure: false, capital: false)
        text.withUTF8 { bytes in
            TextTokens.forEach(bytes: bytes) { token, range, _ in
                if case .word(_, let prefix) = token, range == 0..<bytes.count, prefix >= 0 {
                    result = (true, prefix & (1 << 30) != 0)
                }
            }
        }
        return result
    }

    func testByteStemmerAgreesWithTheScalarStemmer() throws {
        // A long test: every word with TLUMACH_LONG_TESTS=1, one in four by default.
        let words = LongTests.sample(try CyrillicKeyTests.words(glossary: Support.shipped.glossary), oneIn: 4)
        var compared = 0
        for word in words {
            // The stemmer's input: case-folded, no apostrophes.
            let folded = word.lowercased().filter { !CyrillicKeyTests.apostrophes.contains(String($0)) }
            let units = Array(folded.utf16)
            let expected = UkrainianStemmer.stem(folded)
            let stemmed = units.withUnsafeBufferPointer { source in
                let buffer = UnsafeMutablePointer<UInt16>.allocate(capacity: max(1, source.count))
                defer { buffer.deallocate() }
                if let base = source.baseAddress { buffer.update(from: base, count: source.count) }
                let count = UkrainianStemmer.stem(buffer, count: source.count)
                return String(decoding: UnsafeBufferPointer(start: buffer, count: count), as: UTF16.self)
            }
            XCTAssertEqual(stemmed, expected, word)
            compared += 1
        }
        XCTAssertGreaterThan(compared, LongTests.atLeast(60_000, sampledOneIn: 4))
    }

    func testLetterSkeletonsAgreeWithICU() throws {
        let spoof = try SpoofChecker()
        let skeletons = LetterSkeletons(spoof: spoof)
        let words = try CyrillicKeyTests.words(glossary: Support.shipped.glossary)
        var compared = 0
        for word in words where CyrillicKeyTests.pureCyrillic(word).pure {
            var text = word
            let fast: String? = text.withUTF8 { bytes in
                let output = UnsafeMutablePointer<UInt8>.allocate(capacity: 1024)
                defer { output.deallocate() }
                var count = 0
                guard skeletons.appendSkeleton(of: bytes, to: output, count: &count, capacity: 1024) else { return nil }
                return String(decoding: UnsafeBufferPointer(start: output, count: count), as: UTF8.self)
            }
            // The general path skeletonises the word with its apostrophes made ASCII.
            var written = String.UnicodeScalarView()
            for scalar in word.unicodeScalars { written.append(TermKeys.apostrophes.contains(scalar) ? "'" : scalar) }
            let expected = try spoof.skeleton(String(written))
            if let fast {
                XCTAssertEqual(fast, expected, word)
                compared += 1
            }
        }
        XCTAssertGreaterThan(compared, 30_000, "every letter of the tested words has a known skeleton")
    }

    func testByteKeyTableFindsEverySymbolAndNothingElse() throws {
        let matcher = Support.shipped
        for (key, symbol) in matcher.symbols { XCTAssertEqual(matcher.byteKeys.symbol(key), symbol, key) }
        for key in ["", "w", "wкиїв", "x", "xCB", "wштабел", "lkyi", "wzzzzzzzzzzzzzzzzzzzzzzzzzzzz"] where matcher.symbols[key] == nil {
            XCTAssertEqual(matcher.byteKeys.symbol(key), -1, key)
        }
    }

    /// The byte path against `symbolsFor` with glossaries of each kind: shipped (an exact lower-case term, рф, so every
    /// word wants its exact key), shipped without lower-case exact terms (only capitalised words do), and without
    /// exact terms at all.
    func testBytePathAgreesWithTheGeneralPath() throws {
        let shipped = Support.shipped.glossary
        let matchers = try Support.matchersOfEachExactKind()
        XCTAssertEqual(matchers.map(\.needsExact), [true, true, false])
        XCTAssertEqual(matchers.map(\.lowercaseExact), [true, false, false])
        // A long test: the long run checks every word with all three shapes of matcher, the default run one word in
        // four with the shipped matcher.
        let words = LongTests.sample(try CyrillicKeyTests.words(glossary: shipped), oneIn: 4)
        for matcher in matchers.prefix(LongTests.count(long: matchers.count, short: 1)) {
            var withSymbols = 0, handled = 0, exactFound = 0
            for word in words {
                let (pure, capital) = CyrillicKeyTests.pureCyrillic(word)
                guard pure else { continue }
                var text = word
                var fast: [Int32] = []
                let done = text.withUTF8 { matcher.appendSymbolsForCyrillicWord($0, capital: capital, to: &fast) }
                let general = matcher.symbolsFor(word)
                XCTAssertFalse(general.homoglyph, word)
                guard done else {
                    XCTAssertEqual(fast, [], word)
                    continue
                }
                handled += 1
                XCTAssertEqual(fast, general.symbols, word)
                if !fast.isEmpty { withSymbols += 1 }
                if fast.contains(where: { matcher.symbolKinds[Int($0)] == .exact }) { exactFound += 1 }
            }
            XCTAssertGreaterThan(handled, LongTests.atLeast(40_000, sampledOneIn: 4))
            XCTAssertGreaterThan(withSymbols, LongTests.atLeast(500, sampledOneIn: 4))
            if matcher.needsExact { XCTAssertGreaterThan(exactFound, LongTests.atLeast(20, sampledOneIn: 4), "abbreviations (СВО, ЗСУ) are found by their skeleton") }
        }
    }
}
