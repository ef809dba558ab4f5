import Foundation
import TlumachCore
@testable import TlumachGlossary
import TlumachTestSupport
import XCTest

/// The scan drops states at trie nodes without children, counting reads a node's one pattern from `singleCount`,
/// and the tokenizer takes ASCII letters and digits without the general classifier. None of it may change a
/// result: on catalog-shaped text with a dense glossary made of the text's own frequent words, pairs and triples
/// (as scripts/bench-terms-real.sh builds one from real catalogs), matches and counts equal those of the scan that
/// keeps every state, counts equal what `matches` finds, and tokens equal a tokenizer built on `classifyScalar`
/// alone.
final class FinishedStatesTests: XCTestCase {
    /// Messages shaped like the msgstr text of gettext catalogs: Ukrainian words with a few very frequent ones,
    /// inflected forms, capitals, apostrophes and hyphens, among ASCII names, format directives, paths, versions,
    /// quotes, dashes and line breaks.
    static func catalogText(seed: UInt64, messages: Int) -> (text: String, words: [String]) {
        var generator = SeededGenerator(seed: seed)
        let letters = Array("абвгґдеєжзиіїйклмнопрстуфхцчшщьюя")
        let vocabulary: [String] = (0..<900).map { index in
            var word = String((0..<Int.random(in: 3...9, using: &generator)).map { _ in letters.randomElement(using: &generator)! })
            if index % 17 == 0 { word.insert(contentsOf: ["’", "'", "ʼ"][index % 3], at: word.index(word.startIndex, offsetBy: 2)) }
            return word
        }
        let endings = ["", "", "", "а", "у", "ом", "ами", "ів", "ою", "і", "ях", "ти"]
        let ascii = [
            "GNOME", "%s", "%d", "file.txt", "http://example.org/a-b", "Ctrl+C", "x86_64", "1.2.3", "USB", "Wi-Fi", "apt",
            "don't", "ID3v2", "e-mail", "KDE's", "UTF-8", "café", "naïve", "Ω", "🙂",
        ]
        let marks = [",", ".", ":", ";", "!", "?", "«", "»", "—", "…", "(", ")", "-", "–", "\n", "\n\n", "\""]
        var words: [String] = []
        var text = ""
        for _ in 0..<messages {
            let length = Int.random(in: 1...18, using: &generator)
            for position in 0..<length {
                let roll = Int.random(in: 0..<100, using: &generator)
                var token: String
                if roll < 70 {
                    // Zipf-like: a few words make most of the text.
                    let pick = Double.random(in: 0..<1, using: &generator)
                    token = vocabulary[Int(pick * pick * pick * Double(vocabulary.count))] + endings.randomElement(using: &generator)!
                    words.append(token)
                    if position == 0 || Int.random(in: 0..<12, using: &generator) == 0 {
                        token = token.prefix(1).uppercased() + token.dropFirst()
                    }
                    if Int.random(in: 0..<40, using: &generator) == 0 { token += "-" + vocabulary.randomElement(using: &generator)! }
                } else if roll < 82 {
                    token = ascii.randomElement(using: &generator)!
                } else {
                    token = marks.randomElement(using: &generator)!
                }
                text += token + (Int.random(in: 0..<6, using: &generator) == 0 ? "" : " ")
            }
            text += ".\n\n"
        }
        return (text, words)
    }

    /// A dense glossary from the text's own words: the most frequent words of 4+ letters, word pairs and triples,
    /// some hyphenated pairs and some names with a capital.
    static func denseGlossary(_ words: [String], folder: String) throws -> Glossary {
        var wordCounts: [String: Int] = [:]
        var pairCounts: [String: Int] = [:]
        var tripleCounts: [String: Int] = [:]
        for (index, word) in words.enumerated() {
            if word.count >= 4 { wordCounts[word, default: 0] += 1 }
            if index + 1 < words.count { pairCounts[word + " " + words[index + 1], default: 0] += 1 }
            if index + 2 < words.count { tripleCounts[word + " " + words[index + 1] + " " + words[index + 2], default: 0] += 1 }
        }
        func top(_ counts: [String: Int], _ count: Int) -> [String] {
            counts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(count).map(\.key)
        }
        let single = top(wordCounts, 350)
        let pairs = top(pairCounts, 150)
        let triples = top(tripleCounts, 40)
        var yaml = "concepts:\n"
        var index = 0
        func add(_ term: String, type: String? = nil) {
            let escaped = term.replacingOccurrences(of: "\"", with: "\\\"")
            let typeField = type.map { ", type: \($0)" } ?? ""
            yaml += "  - id: c\(index)\n    terms:\n      uk: [{text: \"\(escaped)\"\(typeField)}]\n      en: [{text: \"term \(index)\"}]\n"
            index += 1
        }
        for term in single + pairs + triples { add(term) }
        for (position, term) in pairs.prefix(20).enumerated() where position % 2 == 0 { add(term.replacingOccurrences(of: " ", with: "-")) }
        for term in single.prefix(30) where term.count >= 5 { add(term.prefix(1).uppercased() + term.dropFirst(), type: "properNoun") }
        try yaml.write(toFile: folder + "/dense.yaml", atomically: true, encoding: .utf8)
        return try Glossary.load(paths: [folder + "/dense.yaml"])
    }

    func testDroppingFinishedStatesChangesNoResult() throws {
        let folder = NSTemporaryDirectory() + "finished-states-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let (catalog, words) = FinishedStatesTests.catalogText(seed: 11, messages: 1_000)
        let shipped = Support.packageRoot.appendingPathComponent("glossaries").path
        let glossaries = [
            try FinishedStatesTests.denseGlossary(words, folder: folder),
            try Glossary.load(paths: [shipped]),
            try Glossary.load(paths: [shipped], profiles: ["house-style"]),
        ]
        let article = try String(contentsOf: Support.packageRoot.appendingPathComponent("examples/terms/article.uk.txt"), encoding: .utf8)
        let english = try String(contentsOf: Support.packageRoot.appendingPathComponent("examples/terms/article.en.txt"), encoding: .utf8)
        for (number, glossary) in glossaries.enumerated() {
            let dropping = try TermMatcher(glossary: glossary, keys: TermKeys())
            let keeping = try TermMatcher(glossary: glossary, keys: TermKeys(), dropFinishedStates: false)
            // The dense glossary on its own text; the shipped ones on the articles and on sentences of their terms.
            let texts = number == 0 ? [catalog] : [article, english, MatcherCacheTests.sentences(from: glossary, count: 200, seed: 5)]
            for text in texts {
                for options: MatchOptions in [[], [.nested, .ambiguous], [.anyCase]] {
                    XCTAssertEqual(dropping.matches(in: text, options: options), keeping.matches(in: text, options: options), "glossary \(number)")
                }
                for language: String? in ["uk", "en", nil] {
                    // The general path: what `matches` finds (sentence-initial names that may be words left out).
                    var expected: [String: Int] = [:]
                    for match in keeping.matches(in: text, language: language) { expected[match.conceptID, default: 0] += 1 }
                    XCTAssertEqual(dropping.counts(in: text, language: language), expected, "glossary \(number), \(language ?? "any")")
                    XCTAssertEqual(keeping.counts(in: text, language: language), expected, "glossary \(number), \(language ?? "any")")
                    // In parts on several threads, and from bytes checked beforehand (the one-file CLI path).
                    XCTAssertEqual(dropping.counts(in: text, language: language, pieces: 3, minimumPiece: 4_000), expected)
                    var copy = text
                    let fromBytes = copy.withUTF8 { dropping.counts(inValidUTF8: $0, language: language) }
                    XCTAssertEqual(fromBytes, expected)
                }
            }
            if number == 0 {
                // The dense glossary matches nearly everywhere in its text, multiword terms included.
                let found = dropping.matches(in: catalog, language: "uk")
                XCTAssertGreaterThan(found.count, 2_000)
                XCTAssertGreaterThan(found.filter { $0.text.contains(" ") || $0.text.contains("-") }.count, 50)
            }
        }
    }

    /// The tokenizer's ASCII letter and digit path, and its Cyrillic path past a word's third letter (capitals and
    /// U+0460–U+047F, which have no prefix code), give the tokens, hashes, prefix codes and ranges that the general
    /// classifier gives, next to every other kind of character.
    func testASCIIWordPathTokenizesAsTheClassifier() {
        var generator = SeededGenerator(seed: 3)
        let pieces = [
            "a", "Z", "q", "0", "9", "5", "@", "[", "`", "{", "'", "-", "_", "/", ".", " ", "\n", "\u{7F}", "\t", "і", "Ї", "ґ",
            "я", "ё", "Ѣ", "ѳ", "Ѐ", "é", "Ω", "’", "ʼ", "‐", "\u{A0}", "🙂", "中", "\u{301}", "ß", "x86", "GNOME", "М'ясо", "Wi-Fi",
        ]
        for _ in 0..<400 {
            let text = (0..<Int.random(in: 1...30, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            XCTAssertEqual(FinishedStatesTests.tokens(text), FinishedStatesTests.referenceTokens(text), text)
        }
        for byte in UInt8(0)..<0x80 {
            let text = "ab" + String(UnicodeScalar(byte)) + "cd ї" + String(UnicodeScalar(byte)) + "9"
            XCTAssertEqual(FinishedStatesTests.tokens(text), FinishedStatesTests.referenceTokens(text), "byte \(byte)")
        }
    }

    static func describe(_ kind: TextTokens.Kind, _ range8: Range<Int>, _ range16: Range<Int>) -> String {
        switch kind {
        case .word(let hash, let prefix): "word \(hash) \(prefix) \(range8) \(range16)"
        case .hyphen: "hyphen \(range8) \(range16)"
        case .other: "other \(range8) \(range16)"
        }
    }

    static func tokens(_ text: String) -> [String] {
        var text = text
        return text.withUTF8 { bytes in
            var found: [String] = []
            TextTokens.forEach(bytes: bytes) { kind, range8, range16 in found.append(describe(kind, range8, range16)) }
            return found
        }
    }

    /// `TextTokens.forEach` as it reads with `classifyScalar` for every character of a word.
    static func referenceTokens(_ text: String) -> [String] {
        var text = text
        return text.withUTF8 { bytes in
            var found: [String] = []
            let count = bytes.count
            var index = 0
            var utf16 = 0
            var previousWasWord = false
            while index < count {
                let (characterClass, length, units) = TextTokens.classify(bytes, index)
                switch characterClass {
                case .word:
                    let start = index
                    let start16 = utf16
                    var hash: UInt32 = 2_166_136_261
                    var prefix: Int32 = 0
                    var letters = 0
                    var pure = true
                    var capital: Int32 = 0
                    while index < count {
                        let (inner, innerLength, innerUnits, scalar) = TextTokens.classifyScalar(bytes, index)
                        var take = inner == .word
                        if inner == .apostrophe, index + innerLength < count, TextTokens.classify(bytes, index + innerLength).0 == .word {
                            take = true
                        }
                        guard take else { break }
                        if inner == .word && pure {
                            let code = PrefixFilter.code(scalar)
                            if code < 0 {
                                pure = false
                            } else {
                                if code >= 64 { capital = 1 << 30 }
                                if letters < 3 { prefix = prefix * 50 + (code & 63) }
                                letters += 1
                            }
                        }
                        for offset in index..<(index + innerLength) { hash = (hash ^ UInt32(bytes[offset])) &* 16_777_619 }
                        index += innerLength
                        utf16 += innerUnits
                    }
                    var value: Int32 = -1
                    if pure {
                        value = prefix
                        for _ in min(letters, 3)..<3 { value = value * 50 + 49 }
                        value |= capital
                    }
                    found.append(describe(.word(hash: hash, prefix: value), start..<index, start16..<utf16))
                    previousWasWord = true
                    continue
                case .hyphen:
                    let kind: TextTokens.Kind =
                        previousWasWord && index + length < count && TextTokens.classify(bytes, index + length).0 == .word ? .hyphen : .other
                    found.append(describe(kind, index..<(index + length), utf16..<(utf16 + units)))
                case .space:
                    break
                case .apostrophe, .other:
                    found.append(describe(.other, index..<(index + length), utf16..<(utf16 + units)))
                }
                previousWasWord = false
                index += length
                utf16 += units
            }
            return found
        }
    }
}
