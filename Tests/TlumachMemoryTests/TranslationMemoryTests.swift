import Foundation
import TlumachCore
import TlumachMemory
import TlumachTMX
import TlumachTestSupport
import XCTest

final class TranslationMemoryTests: XCTestCase {
    var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("tm-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    func file(_ name: String, _ contents: String? = nil) throws -> String {
        let path = directory.appendingPathComponent(name).path
        if let contents { try Data(contents.utf8).write(to: URL(fileURLWithPath: path)) }
        return path
    }

    func unit(_ source: String, _ target: String, date: String? = nil, tuid: String? = nil) -> TMXUnit {
        var attributes: [String: String] = [:]
        if let date { attributes["creationdate"] = date }
        if let tuid { attributes["tuid"] = tuid }
        return TMXUnit(
            attributes: attributes,
            variants: [
                TMXVariant(language: "uk", segment: TMXSegment(text: source)),
                TMXVariant(language: "en", segment: TMXSegment(text: target)),
            ])
    }

    // MARK: Levenshtein

    func testBitParallelDistanceEqualsDynamicProgramming() {
        var random = SeededGenerator(seed: 7)
        for _ in 0..<3000 {
            let n = Int.random(in: 0...80, using: &random)
            let m = Int.random(in: 0...80, using: &random)
            let alphabet = UInt32.random(in: 1...12, using: &random)
            let a = (0..<n).map { _ in UInt32.random(in: 0..<alphabet, using: &random) }
            let b = (0..<m).map { _ in UInt32.random(in: 0..<alphabet, using: &random) }
            XCTAssertEqual(BitParallelPattern(a).distance(to: b), TokenLevenshtein.distance(a, b), "\(a) \(b)")
        }
        XCTAssertEqual(TokenLevenshtein.distance([1, 2, 3], [1, 3]), 1)
        XCTAssertEqual(TokenLevenshtein.score(distance: 1, 4, 3), 75)
    }

    func testTokensAreFoldedWordsAndNumbers() throws {
        let tokenizer = try MemoryTokenizer(language: "uk")
        let analysis = tokenizer.analyze("Слово 𝒳, П’ЯТЬ — 12,5 ґа́нок 😀 Ǆ")
        XCTAssertEqual(analysis.words, ["слово", "x", "п'ять", "12,5", "ґанок", "dž"])
        XCTAssertEqual(analysis.numbers, ["12,5"])
        XCTAssertEqual(tokenizer.analyze("").words, [])
    }

    /// Numbers keep their text as their stem, words are stemmed, wherever they stand (numbers are found by a
    /// pointer walking their ascending indices).
    func testNumbersAmongWordsKeepTheirTextAsTheStem() throws {
        let tokenizer = try MemoryTokenizer(language: "uk")
        let analysis = tokenizer.analyze("12 полонених 7 8 повернулися 2026 додому")
        XCTAssertEqual(analysis.numbers, ["12", "7", "8", "2026"])
        for (word, stem) in zip(analysis.words, analysis.stems) where analysis.numbers.contains(word) {
            XCTAssertEqual(stem, word)
        }
        XCTAssertEqual(analysis.stems[1], tokenizer.stemmer.stem("полонених"))
        XCTAssertEqual(analysis.stems[4], tokenizer.stemmer.stem("повернулися"))
        XCTAssertEqual(analysis.stems[6], tokenizer.stemmer.stem("додому"))
    }

    // MARK: Store

    func testImportExportImportIsLossless() throws {
        let original = try TMXReader.document(data: Data(richTMX.utf8), name: "rich.tmx")
        let memory = try TranslationMemory.open(path: try file("a.tmdb"))
        let summary = try memory.importTMX(path: try file("rich.tmx", richTMX))
        XCTAssertEqual(summary.added, 2)
        XCTAssertEqual(memory.sourceLanguage, "uk")
        XCTAssertEqual(memory.targetLanguage, "en-GB")
        let exported = try file("out.tmx")
        XCTAssertEqual(try memory.export(to: exported), 2)
        let back = try TMXReader.document(path: exported)
        XCTAssertEqual(back.units, original.units)
        XCTAssertEqual(back.header, original.header)

        let second = try TranslationMemory.open(path: try file("b.tmdb"))
        try second.importTMX(path: exported)
        let exportedAgain = try file("again.tmx")
        try second.export(to: exportedAgain)
        XCTAssertEqual(try String(contentsOfFile: exportedAgain, encoding: .utf8), try String(contentsOfFile: exported, encoding: .utf8))

        // Only some languages.
        let onlyRussian = try file("ru.tmx")
        XCTAssertEqual(try memory.export(to: onlyRussian, languages: ["ru"]), 1)
        XCTAssertEqual(try TMXReader.document(path: onlyRussian).units.first?.variants.map(\.language), ["ru"])
    }

    func testDuplicatesMergeKeepingTheNewest() throws {
        let memory = try TranslationMemory.open(path: try file("d.tmdb"))
        try memory.setLanguages(source: "uk", target: "en")
        var older = unit("Добрий день.", "Good afternoon.", date: "20200101T000000Z", tuid: "old")
        older.variants.append(TMXVariant(language: "ru", segment: TMXSegment(text: "Добрый день.")))
        let newer = unit("Добрий день.", "Good afternoon.", date: "20240101T000000Z", tuid: "new")
        var summary = try memory.add(units: [newer, older])
        XCTAssertEqual(summary.added, 1)
        XCTAssertEqual(summary.merged, 1)
        XCTAssertEqual(try memory.count(), 1)
        let kept = try XCTUnwrap(try memory.unit(id: 1))
        XCTAssertEqual(kept.tuid, "new")
        XCTAssertEqual(kept.variants.map(\.language), ["uk", "en", "ru"], "the older unit's extra language is kept")

        // A different target is a different unit.
        summary = try memory.add(units: [unit("Добрий день.", "Hello.")])
        XCTAssertEqual(summary.added, 1)
        // Policies.
        try memory.add(units: [unit("Добрий день.", "Good afternoon.", date: "20250101T000000Z", tuid: "x")],
                       onDuplicate: .existing)
        XCTAssertEqual(try memory.unit(id: 1)?.tuid, "new")
        try memory.add(units: [unit("Добрий день.", "Good afternoon.", date: "20000101T000000Z", tuid: "y")],
                       onDuplicate: .incoming)
        XCTAssertEqual(try memory.unit(id: 1)?.tuid, "y")
        try memory.add(units: [unit("Добрий день.", "Good afternoon.")], onDuplicate: .both)
        XCTAssertEqual(try memory.count(), 3)
    }

    func testMalformedAndTruncatedFilesCommitNothing() throws {
        let memory = try TranslationMemory.open(path: try file("m.tmdb"))
        try memory.importTMX(path: try file("good.tmx", richTMX))
        let before = try memory.statistics()
        let broken = richTMX.replacingOccurrences(of: "</tu>\n    <tu>", with: "</tu>\n    <tu><oops>")
        XCTAssertNotEqual(broken, richTMX)
        let truncated = String(richTMX.prefix(richTMX.count - 40))
        for (name, text) in [("broken.tmx", broken), ("truncated.tmx", truncated)] {
            let path = try file(name, text.replacingOccurrences(of: "tuid=\"a-1\"", with: "tuid=\"other\""))
            XCTAssertThrowsError(try memory.importTMX(path: path, onDuplicate: .both)) { error in
                XCTAssertNotNil((error as? InputError)?.line, "\(error)")
            }
        }
        XCTAssertEqual(try memory.statistics(), before)
        // Reopened from disk, still the same.
        XCTAssertEqual(try TranslationMemory.open(path: memory.path).statistics(), before)
    }

    func testRefusesFilesThatAreNotMemories() throws {
        let path = try file("not.tmdb", "this is not sqlite at all, just text that is long enough to be a header")
        XCTAssertThrowsError(try TranslationMemory.open(path: path)) { error in
            XCTAssertTrue(error is InputError, "\(error)")
        }
        XCTAssertThrowsError(try TranslationMemory.open(path: try file("missing.tmdb"), create: false))
    }

    func testLanguagesComeFromTheFileOrArguments() throws {
        let all = """
            <tmx version="1.4"><header srclang="*all*" creationtool="x" creationtoolversion="1" segtype="sentence"
            o-tmf="x" adminlang="en" datatype="plaintext"/><body>
            <tu><tuv xml:lang="en"><seg>Good morning</seg></tuv><tuv xml:lang="uk"><seg>Доброго ранку</seg></tuv></tu>
            </body></tmx>
            """
        let path = try file("all.tmx", all)
        let memory = try TranslationMemory.open(path: try file("l.tmdb"))
        try memory.importTMX(path: path, sourceLanguage: "uk", targetLanguage: "en")
        XCTAssertEqual(try memory.searcher().search("доброго ранку").first?.target, "Good morning")
        XCTAssertThrowsError(try memory.importTMX(path: path, sourceLanguage: "en", targetLanguage: "uk"))
        let inferred = try TranslationMemory.open(path: try file("i.tmdb"))
        try inferred.importTMX(path: path)
        XCTAssertEqual(inferred.sourceLanguage, "en")
        XCTAssertEqual(inferred.targetLanguage, "uk")
    }

    // MARK: Search

    func makeSearchMemory() throws -> TranslationMemory {
        let memory = try TranslationMemory.open(path: try file("s.tmdb"))
        try memory.setLanguages(source: "uk", target: "en")
        try memory.add(pairs: [
            ("Саміт НАТО відбувся у Вільнюсі 11 липня.", "The NATO summit took place in Vilnius on 11 July."),
            ("Саміт ЄС відбувся у Брюсселі.", "The EU summit took place in Brussels."),
            ("Координаційний штаб працює цілодобово.", "The coordination headquarters works around the clock."),
            ("П’ятниця буде сонячною.", "Friday will be sunny."),
        ])
        return memory
    }

    func testSearchScoresLikeOmegaTAndShowsDifferences() throws {
        let memory = try makeSearchMemory()
        for preload in [false, true] {
            let searcher = try memory.searcher(preload: preload)
            let matches = try searcher.search("Саміт НАТО відбувся у Вільнюсі 12 липня.", minimum: 40)
            XCTAssertEqual(matches.count, 2)
            let best = try XCTUnwrap(matches.first)
            XCTAssertEqual(best.target, "The NATO summit took place in Vilnius on 11 July.")
            // 7 words, one differs: 100·6/7.
            XCTAssertEqual(best.score, 100 * 6 / 7, accuracy: 1e-9)
            XCTAssertEqual(best.numbersOnlyInQuery, ["12"])
            XCTAssertEqual(best.numbersOnlyInMatch, ["11"])
            XCTAssertEqual(best.diff, "Саміт НАТО відбувся у Вільнюсі [-11-] {+12+} липня.")
            // Саміт [НАТО→ЄС] відбувся у [Вільнюсі→Брюсселі] [-12 липня]: LD 4 over 7 words.
            XCTAssertEqual(matches[1].score, 100 * 3 / 7, accuracy: 1e-9)
            XCTAssertEqual(try searcher.search("Саміт НАТО відбувся у Вільнюсі 12 липня.", minimum: 50).count, 1)
            // Case, apostrophe variants and stress marks do not count as differences.
            let friday = try searcher.search("п'ятниця БУДЕ со́нячною")
            XCTAssertEqual(friday.first?.score, 100)
            XCTAssertEqual(friday.first?.diff, "П’ятниця буде сонячною[-.-]", "only the missing full stop differs")
            XCTAssertEqual(try searcher.search("зовсім інше речення"), [])
            XCTAssertEqual(try searcher.search(""), [])
        }
    }

    func testInflectedQueriesMatchThroughStems() throws {
        let memory = try TranslationMemory.open(path: try file("stems.tmdb"))
        try memory.setLanguages(source: "uk", target: "en")
        try memory.add(pairs: [
            ("Координаційний штаб працює цілодобово.", "The coordination headquarters works around the clock."),
            ("Засідання штабу відбулося в Києві.", "The headquarters met in Kyiv."),
            ("Нові бюджети ухвалено.", "New budgets were adopted."),
        ])
        let match = try XCTUnwrap(try memory.searcher().search("Координаційного штабу працює цілодобово", minimum: 70).first)
        XCTAssertEqual(match.id, 1)
        XCTAssertEqual(match.score, 50, "two of four words differ in form")
        XCTAssertEqual(match.stemScore, 100, "but not in stem")
        XCTAssertEqual(try memory.concordance("штаб").hits.map(\.id), [1, 2])
        XCTAssertEqual(try memory.concordance("бюджет").hits.first?.sourceMatches, [5..<12])
        XCTAssertEqual(try memory.concordance("budget").hits.first?.targetMatches, [4..<11])
        XCTAssertEqual(try memory.concordance("Києва").total, 1)
    }

    func testConcordanceFindsWordsOnEitherSide() throws {
        let memory = try makeSearchMemory()
        let (total, hits) = try memory.concordance("саміт")
        XCTAssertEqual(total, 2)
        XCTAssertEqual(hits.map(\.id), [1, 2])
        XCTAssertEqual(hits[0].sourceMatches, [0..<5])
        let english = try memory.concordance("summit took")
        XCTAssertEqual(english.total, 2)
        XCTAssertEqual(english.hits[0].targetMatches.count, 2)
        XCTAssertEqual(try memory.concordance("Вільнюсі").total, 1)
        XCTAssertEqual(try memory.concordance("нічого").total, 0)
        XCTAssertEqual(try memory.concordance("саміт", limit: 1).hits.count, 1)
    }

    /// `glossary suggest` reads only the text: the same units, in the same order, without the highlighted ranges.
    func testConcordanceWithoutHighlightingGivesTheSameUnits() throws {
        let memory = try makeSearchMemory()
        for phrase in ["саміт", "summit took", "Вільнюсі", "нічого"] {
            let full = try memory.concordance(phrase, limit: 20)
            let plain = try memory.concordance(phrase, limit: 20, highlighting: false)
            XCTAssertEqual(plain.total, full.total, phrase)
            XCTAssertEqual(plain.hits.map(\.id), full.hits.map(\.id), phrase)
            XCTAssertEqual(plain.hits.map(\.source), full.hits.map(\.source), phrase)
            XCTAssertEqual(plain.hits.map(\.target), full.hits.map(\.target), phrase)
            XCTAssertTrue(plain.hits.allSatisfy { $0.sourceMatches.isEmpty && $0.targetMatches.isEmpty }, phrase)
        }
        XCTAssertFalse(try memory.concordance("саміт").hits[0].sourceMatches.isEmpty, "the public call still highlights")
    }

    func testReindexRebuildsTheSameIndex() throws {
        let memory = try makeSearchMemory()
        let query = "Саміт НАТО відбувся у Вільнюсі 12 липня."
        let before = try memory.searcher().search(query, minimum: 30)
        let statsBefore = try memory.statistics()
        try memory.reindex()
        XCTAssertEqual(try memory.verify(), [])
        XCTAssertEqual(try memory.searcher().search(query, minimum: 30), before)
        XCTAssertEqual(try memory.searcher(preload: true).search(query, minimum: 30), before)
        XCTAssertEqual(try memory.concordance("саміт").total, 2)
        XCTAssertEqual(try memory.statistics().imports, statsBefore.imports)
    }

    func testStatistics() throws {
        let memory = try makeSearchMemory()
        let stats = try memory.statistics()
        XCTAssertEqual(stats.units, 4)
        XCTAssertEqual(stats.languages, ["uk": 4, "en": 4])
        XCTAssertEqual(stats.sourceLanguage, "uk")
        XCTAssertEqual(stats.schemaVersion, "v1")
        XCTAssertEqual(stats.imports, 1)
        XCTAssertGreaterThan(stats.vocabulary, 10)
    }

    /// The index must return exactly what scoring every unit returns, for any threshold and limit.
    /// A long test: the default run checks one memory with 20 queries (the start of the long run's sequence).
    func testIndexedSearchEqualsBruteForceOnRandomMemories() throws {
        var random = SeededGenerator(seed: 42)
        let rounds = LongTests.count(long: 3, short: 1)
        let queries = LongTests.count(long: 60, short: 10)
        let words = (0..<40).map { "слово\($0)" }
        func sentence(_ length: Int) -> [String] {
            // A skewed vocabulary, like real text: low indices are common.
            (0..<length).map { _ in words[min(Int.random(in: 0..<40, using: &random), Int.random(in: 0..<40, using: &random))] }
        }
        for round in 0..<rounds {
            let memory = try TranslationMemory.open(path: try file("r\(round).tmdb"))
            try memory.setLanguages(source: "uk", target: "en")
            var sentences: [[String]] = []
            for batch in 0..<3 {
                // Several imports, so postings come in several chunks.
                let pairs = (0..<400).map { index -> (source: String, target: String) in
                    let s = sentence(Int.random(in: 1...18, using: &random))
                    sentences.append(s)
                    return (s.joined(separator: " "), "t\(batch)-\(index)")
                }
                try memory.add(pairs: pairs)
            }
            let stored = try memory.searcher(preload: false)
            let loaded = try memory.searcher(preload: true)
            for query in 0..<queries {
                var q = query % 3 == 0 ? sentence(Int.random(in: 1...20, using: &random)) : sentences.randomElement(using: &random)!
                for _ in 0..<Int.random(in: 0...4, using: &random) {
                    let position = Int.random(in: 0...q.count, using: &random)
                    switch Int.random(in: 0..<3, using: &random) {
                    case 0: q.insert(words.randomElement(using: &random)!, at: position)
                    case 1: if position < q.count { q.remove(at: position) }
                    default: if position < q.count { q[position] = "новий" }
                    }
                }
                let text = q.joined(separator: " ")
                for minimum in [1.0, 30, 70, 90, 100] {
                    for limit in [1, 5, 10_000] {
                        let reference = try loaded.rankExhaustively(text, minimum: minimum, limit: limit)
                        XCTAssertEqual(try loaded.rank(text, minimum: minimum, limit: limit), reference, "\(text) \(minimum)")
                        XCTAssertEqual(try stored.rank(text, minimum: minimum, limit: limit), reference, "\(text) \(minimum)")
                        XCTAssertTrue(reference.allSatisfy { $0.stemScore >= minimum && $0.score <= $0.stemScore })
                    }
                }
            }
        }
    }
}
