import Foundation
import TlumachCore
@testable import TlumachGlossary
import TlumachTestSupport
import XCTest

/// The compiled glossary kept in the cache folder (`MatcherCache`): a matcher built from an entry finds exactly what
/// a freshly compiled one finds; an entry for another glossary, toolkit or ICU, or a damaged one, is never used.
final class MatcherCacheTests: XCTestCase {
    var folder = ""

    override func setUpWithError() throws {
        folder = NSTemporaryDirectory() + "matcher-cache-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: folder)
    }

    var cache: GlossaryCache { GlossaryCache(directory: folder + "/cache") }

    /// Texts that exercise every kind of match: the example articles and generated sentences.
    func texts(for glossary: Glossary) throws -> [String] {
        let root = Support.packageRoot.appendingPathComponent("examples/terms")
        var texts = [
            try String(contentsOf: root.appendingPathComponent("article.uk.txt"), encoding: .utf8),
            try String(contentsOf: root.appendingPathComponent("article.en.txt"), encoding: .utf8),
        ]
        texts.append(Self.sentences(from: glossary, count: LongTests.count(long: 400, short: 120), seed: 7))
        return texts
    }

    /// Sentences made of the glossary's terms (some in capitals, lower case, at a sentence start, with endings
    /// changed) between ordinary words and punctuation.
    static func sentences(from glossary: Glossary, count: Int, seed: UInt64) -> String {
        var generator = SeededGenerator(seed: seed)
        let terms = glossary.concepts.flatMap { $0.terms.values.flatMap { $0.flatMap { [$0.text] + $0.forms } } }
        let filler = ["і", "що", "the", "of", "на", "уряд", "заявив", "report", "у", "місто", "people"]
        var text = ""
        for index in 0..<count {
            var words: [String] = []
            for _ in 0..<Int.random(in: 3...9, using: &generator) {
                if Bool.random(using: &generator), let term = terms.randomElement(using: &generator) {
                    switch Int.random(in: 0..<5, using: &generator) {
                    case 0: words.append(term.uppercased())
                    case 1: words.append(term.lowercased())
                    case 2: words.append(String(term.dropLast()) + "ою")
                    default: words.append(term)
                    }
                } else if let word = filler.randomElement(using: &generator) {
                    words.append(word)
                }
            }
            if var first = words.first, Bool.random(using: &generator) {
                first = first.prefix(1).uppercased() + first.dropFirst()
                words[0] = first
            }
            text += words.joined(separator: " ") + [". ", ", ", "!\n", "\n\n", "; "][index % 5]
        }
        return text
    }

    func assertSameResults(_ fresh: TermMatcher, _ cached: TermMatcher, texts: [String], file: StaticString = #filePath, line: UInt = #line) {
        for text in texts {
            for language: String? in [nil, "uk"] {
                for options: MatchOptions in [[], [.nested, .ambiguous, .anyCase]] {
                    XCTAssertEqual(
                        fresh.matches(in: text, language: language, options: options),
                        cached.matches(in: text, language: language, options: options), file: file, line: line)
                }
                XCTAssertEqual(fresh.counts(in: text, language: language), cached.counts(in: text, language: language), file: file, line: line)
            }
        }
        for word in ["Київ", "СВО", "військовополонений", "Kyiv", "держава"] {
            XCTAssertEqual(fresh.lookup(word), cached.lookup(word), file: file, line: line)
        }
    }

    func testCachedMatcherFindsWhatAFreshOneFindsOnTheShippedGlossaries() throws {
        let glossaries = Support.packageRoot.appendingPathComponent("glossaries").path
        for profiles in [["house-style"], []] {
            let glossary = try Glossary.load(paths: [glossaries], profiles: profiles)
            let fresh = try TermMatcher(glossary: glossary)
            let key = GlossaryCache.MatcherKey(glossary: glossary)
            XCTAssertNil(cache.readMatcher(glossary: glossary, key: key))
            let writing = try TermMatcher(glossary: glossary, cache: cache)
            XCTAssertNotNil(cache.readMatcher(glossary: glossary, key: key), "no entry written")
            let reading = try TermMatcher(glossary: glossary, cache: cache)
            XCTAssertGreaterThan(fresh.counts(in: try texts(for: glossary)[0], language: "uk").count, 5)
            let texts = try texts(for: glossary)
            XCTAssertEqual(fresh.counts(in: texts[2]), writing.counts(in: texts[2]))
            assertSameResults(fresh, reading, texts: texts)
        }
    }

    /// A generated glossary with every kind of term: names, exact abbreviations, phrases, hyphenated compounds,
    /// forms, English terms and several languages.
    func testCachedMatcherFindsWhatAFreshOneFindsOnAGeneratedGlossary() throws {
        var yaml = "concepts:\n"
        let stems = ["держав", "оборон", "облас", "громад", "операці", "служб", "безпек", "міст", "район", "війсь"]
        for index in 0..<300 {
            let stem = stems[index % stems.count] + String(repeating: "а", count: index / stems.count % 3)
            let other = stems[(index * 7 + 3) % stems.count]
            yaml += "  - id: c\(index)\n    terms:\n"
            switch index % 6 {
            case 0: yaml += "      uk: [{text: \(stem)а}]\n      en: [{text: term\(index)s}]\n"
            case 1: yaml += "      uk: [{text: \(stem.prefix(1).uppercased() + stem.dropFirst())ів, type: properNoun}]\n"
            case 2: yaml += "      uk: [{text: \"\(stem)а \(other)и\", forms: [\(stem)ою \(other)ою]}]\n"
            case 3: yaml += "      uk: [{text: \(stem)а-\(other)а, status: admitted}]\n      ru: [{text: \(other)ов}]\n"
            case 4: yaml += "      en: [{text: ABC\(index), type: abbreviation, match: exact}]\n      uk: [{text: АБВ\(index % 10)}]\n"
            default: yaml += "      uk: [{text: \(stem)ка, alsoCommonWord: true, type: properNoun}]\n      en-GB: [{text: Place\(index), type: properNoun}]\n"
            }
        }
        let path = folder + "/generated.yaml"
        try TextFile.writeAtomically(yaml, to: path)
        let glossary = try Glossary.load(paths: [path])
        XCTAssertEqual(glossary.concepts.count, 300)
        let fresh = try TermMatcher(glossary: glossary)
        _ = try TermMatcher(glossary: glossary, cache: cache)
        let cached = try TermMatcher(glossary: glossary, cache: cache)
        let sentences = LongTests.count(long: 500, short: 150)
        let text = Self.sentences(from: glossary, count: sentences, seed: 11)
        XCTAssertGreaterThan(fresh.matches(in: text).count, sentences * 3 / 5)
        assertSameResults(fresh, cached, texts: [text])
    }

    func testAnEntryForAnEditedGlossaryIsIgnoredAndRewritten() throws {
        let path = folder + "/g.yaml"
        try TextFile.writeAtomically("concepts:\n  - id: a\n    terms:\n      uk: [держава]\n", to: path)
        let first = try Glossary.load(paths: [path])
        _ = try TermMatcher(glossary: first, cache: cache)
        XCTAssertEqual(try TermMatcher(glossary: first, cache: cache).counts(in: "держави і оборона"), ["a": 1])

        try TextFile.writeAtomically("concepts:\n  - id: a\n    terms:\n      uk: [оборона]\n", to: path)
        let edited = try Glossary.load(paths: [path])
        XCTAssertNil(cache.readMatcher(glossary: edited, key: GlossaryCache.MatcherKey(glossary: edited)))
        XCTAssertEqual(try TermMatcher(glossary: edited, cache: cache).counts(in: "держави і оборона"), ["a": 1])
        XCTAssertEqual(try TermMatcher(glossary: edited, cache: cache).matches(in: "держави і оборона").map(\.text), ["оборона"])
        XCTAssertNotNil(cache.readMatcher(glossary: edited, key: GlossaryCache.MatcherKey(glossary: edited)), "not rewritten")
        // Another toolkit or ICU version: stale.
        XCTAssertNil(cache.readMatcher(glossary: edited, key: GlossaryCache.MatcherKey(glossary: edited, version: "0.0.0-other")))
        XCTAssertNil(cache.readMatcher(glossary: edited, key: GlossaryCache.MatcherKey(glossary: edited, icuVersion: "1.0")))
    }

    func testADamagedEntryIsIgnored() throws {
        let glossaries = Support.packageRoot.appendingPathComponent("glossaries").path
        let glossary = try Glossary.load(paths: [glossaries], profiles: ["house-style"])
        let key = GlossaryCache.MatcherKey(glossary: glossary)
        _ = try TermMatcher(glossary: glossary, cache: cache)
        let entry = cache.matcherEntryPath(for: glossary.files)
        let good = try XCTUnwrap(FileManager.default.contents(atPath: entry))
        XCTAssertNotNil(cache.readMatcher(glossary: glossary, key: key))
        let text = try texts(for: glossary)[0]
        let expected = try TermMatcher(glossary: glossary).counts(in: text, language: "uk")
        var damaged: [Data] = [Data(), good.prefix(good.count / 2), good + Data([0])]
        for position in stride(from: 0, to: good.count, by: max(1, good.count / 12)) {
            var flipped = good
            flipped[position] ^= 0x10
            damaged.append(flipped)
        }
        for (index, bytes) in damaged.enumerated() {
            try bytes.write(to: URL(fileURLWithPath: entry))
            XCTAssertNil(cache.readMatcher(glossary: glossary, key: key), "damage \(index)")
            // Compiled afresh (and the entry rewritten); a few suffice, each compile costs a debug build 0.1 s.
            if index % 5 == 0 {
                XCTAssertEqual(try TermMatcher(glossary: glossary, cache: cache).counts(in: text, language: "uk"), expected)
                XCTAssertNotNil(cache.readMatcher(glossary: glossary, key: key), "not rewritten")
            }
        }
    }

    /// An entry with a correct checksum whose tables point outside the glossary or themselves (a foreign or buggy
    /// writer) is refused before the scan could index out of bounds.
    func testAnEntryWithIndicesOutOfRangeIsRefused() throws {
        let glossary = try Support.glossary("concepts:\n  - id: a\n    terms:\n      uk: [держава, Київ]\n")
        let files = Glossary(concepts: glossary.concepts, files: [folder + "/a.yaml"])
        let key = GlossaryCache.MatcherKey(glossary: files)
        let compiled = CompiledTerms(glossary: files, keys: try TermKeys())
        cache.writeMatcher(compiled, glossary: files, key: key)
        XCTAssertNotNil(cache.readMatcher(glossary: files, key: key))
        var breakages: [(String, (inout CompiledTerms) -> Void)] = [
            ("pattern concept", { $0.patterns[0].concept = 5 }),
            ("pattern term", { $0.patterns[0].term = 9 }),
            ("pattern language", { $0.patterns[0].languageID = 3 }),
            ("edge child", { $0.edges[0].1 = 1_000 }),
            ("edge symbol", { $0.edges[0].0 = UInt64(10_000) }),
            ("output pattern", { $0.outputList[0] = 7 }),
            ("output start", { $0.outputStart[$0.outputStart.count - 1] += 1 }),
            ("symbol kind", { $0.symbolKinds.removeLast() }),
            ("no hyphen first", { $0.symbolKeys.swapAt(0, 1) }),
            ("prefix key", { $0.prefixKeys.append(PrefixFilter.keyCount) }),
            ("symbol of patterns", { $0.patternsBySymbol[99] = [0] }),
        ]
        breakages.append(("duplicate edge", { $0.edges.append($0.edges[0]) }))
        for (name, breakage) in breakages {
            var broken = compiled
            breakage(&broken)
            cache.writeMatcher(broken, glossary: files, key: key)
            XCTAssertNil(cache.readMatcher(glossary: files, key: key), name)
        }
    }

    // MARK: Parallel counts

    /// Counting in parts on several threads gives the counts of one pass, whatever the number of parts: the cuts
    /// fall after punctuation, terms span line breaks, and a sentence-initial name in one part is made ambiguous
    /// by a lower-case spelling in another.
    func testCountsInPartsEqualOnePass() throws {
        let matcher = Support.shipped
        let names = "Суми отримали допомогу. Київ і Рівне.\nДепутати Верховної\nРади та Збройні Сили\nУкраїни, Київ.\n"
            + String(repeating: "Держава-агресор, держава\nагресор (так звана СВО). ", count: 40)
            + "Там суми зросли; рівно вдвічі.\n"
        let generated = MatcherCacheTests.sentences(from: matcher.glossary, count: 300, seed: 3)
        for text in [names, generated + names] {
            for language: String? in ["uk", nil] {
                let single = matcher.counts(in: text, language: language, pieces: 1, minimumPiece: 1)
                XCTAssertGreaterThan(single.values.reduce(0, +), 40)
                if text == names {
                    XCTAssertNil(single["sumy"], "the lower-case суми in the last part makes the sentence-initial Суми ambiguous")
                    XCTAssertEqual(single["kyiv"], 2)
                }
                for pieces in [2, 3, 5, 16, 97] {
                    XCTAssertEqual(matcher.counts(in: text, language: language, pieces: pieces, minimumPiece: 1), single, "\(pieces) parts")
                }
            }
            // The counts of `matches` (no ambiguous ones, no nested ones) too.
            var byConcept: [String: Int] = [:]
            for match in matcher.matches(in: text, language: "uk") { byConcept[match.conceptID, default: 0] += 1 }
            XCTAssertEqual(matcher.counts(in: text, language: "uk", pieces: 7, minimumPiece: 1), byConcept)
        }
    }

    func testPartsAreCutOnlyAfterPunctuation() {
        var text = String(repeating: "слово слово\nслово-слово ", count: 200) + "кінець. " + String(repeating: "ще слово ", count: 300)
        text.withUTF8 { bytes in
            let parts = TermMatcher.pieces(bytes, count: 4)
            XCTAssertEqual(parts.first?.lowerBound, 0)
            XCTAssertEqual(parts.last?.upperBound, bytes.count)
            for (a, b) in zip(parts, parts.dropFirst()) {
                XCTAssertEqual(a.upperBound, b.lowerBound)
                XCTAssertEqual(bytes[a.upperBound - 1], UInt8(ascii: "."))
            }
            // Only one punctuation character in the text, so only one cut.
            XCTAssertEqual(parts.count, 2)
        }
        var none = String(repeating: "слово ", count: 1000)
        none.withUTF8 { XCTAssertEqual(TermMatcher.pieces($0, count: 4), [0..<$0.count]) }
    }
}

/// A small deterministic generator (SplitMix64) for reproducible generated text.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
