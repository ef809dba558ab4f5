import Foundation
import PostgresNIO
import TlumachCore
import TlumachMemory
import TlumachTMX
import TlumachTestSupport
import XCTest

@testable import TlumachMemoryPostgres

/// The same store-level behaviour on both stores: every test imports into an SQLite file and into a fresh schema on
/// the server named by TLUMACH_TEST_POSTGRES_URL (scripts/with-postgres.sh starts one), and compares.
final class PostgresMemoryTests: XCTestCase {
    private var folder = ""
    private var schemas: [PostgresLocation] = []

    override func setUpWithError() throws {
        folder = NSTemporaryDirectory() + "tlumach-pg-tests-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        for location in schemas {
            if let session = try? PostgresSession.connect(location) {
                try? session.execute(PostgresQuery(unsafeSQL: "DROP SCHEMA IF EXISTS \"\(location.schema)\" CASCADE"))
                session.close()
            }
        }
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// The test server, in a schema of its own. Outside CI a missing server skips (saying why); in CI it fails.
    private func serverLocation() throws -> PostgresLocation {
        let url = try TestPostgres.url()
        var location = try PostgresLocation(url: url)
        location.schema = TestPostgres.freshSchema(prefix: "t_")
        schemas.append(location)
        return location
    }

    private func sqlite(_ name: String = "memory") throws -> TranslationMemory {
        try TranslationMemory.open(path: "\(folder)/\(name).tm", access: .create)
    }

    // MARK: Random memories

    private static let english = """
        the a report minister said government city council water school road bridge budget new old year people war \
        peace price bread train station river forest law court judge vote election party leader army border \
        market bank tax energy power light winter summer spring week day night morning evening news paper
        """.split(separator: " ").map(String.init)
    private static let ukrainian = """
        звіт міністр сказав уряд місто рада вода школа дорога міст бюджет новий старий рік люди війна мир ціна \
        хліб потяг станція річка ліс закон суд суддя голос вибори партія лідер армія кордон ринок банк податок
        """.split(separator: " ").map(String.init)

    /// A TMX file of `count` random units (seeded), with duplicates: the same pair again, dated differently, with
    /// another tuid or prop, so every merge rule has work.
    private func randomTMX(_ name: String, count: Int, seed: UInt64, tuidPrefix: String = "u") throws -> String {
        var generator = SeededGenerator(seed: seed)
        var units: [String] = []
        var pairs: [(String, String)] = []
        for index in 0..<count {
            let pair: (String, String)
            if !pairs.isEmpty, Int.random(in: 0..<5, using: &generator) == 0 {
                pair = pairs[Int.random(in: 0..<pairs.count, using: &generator)]
            } else {
                let length = Int.random(in: 2...12, using: &generator)
                let source = (0..<length).map { _ in Self.english.randomElement(using: &generator) ?? "the" }
                    .joined(separator: " ")
                let target = (0..<length).map { _ in Self.ukrainian.randomElement(using: &generator) ?? "рік" }
                    .joined(separator: " ")
                pair = (source.prefix(1).uppercased() + source.dropFirst() + ".", target + ".")
            }
            pairs.append(pair)
            let day = 10 + Int.random(in: 0..<15, using: &generator)
            let prop = Int.random(in: 0..<3, using: &generator) == 0 ? "<prop type=\"x-note\">n\(index % 7)</prop>" : ""
            units.append(
                """
                <tu tuid="\(tuidPrefix)\(index)" changedate="202401\(day)T120000Z">\(prop)<tuv xml:lang="en"><seg>\(pair.0)</seg></tuv>\
                <tuv xml:lang="uk"><seg>\(pair.1)</seg></tuv></tu>
                """)
        }
        let text = """
            <?xml version="1.0" encoding="UTF-8"?>
            <tmx version="1.4"><header srclang="en" creationtool="test" creationtoolversion="1" segtype="sentence" \
            datatype="plaintext" adminlang="en" o-tmf="test"/><body>
            \(units.joined(separator: "\n"))
            </body></tmx>

            """
        let path = "\(folder)/\(name).tmx"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    private func queries(from file: String, count: Int, seed: UInt64) throws -> [String] {
        var generator = SeededGenerator(seed: seed)
        let sources = try TMXReader.document(path: file).units.compactMap { $0.variants.first?.segment.plainText }
        return (0..<count).map { _ in
            var words = (sources.randomElement(using: &generator) ?? "the news").split(separator: " ").map(String.init)
            switch Int.random(in: 0..<4, using: &generator) {
            case 0: if words.count > 1 { words.remove(at: Int.random(in: 0..<words.count, using: &generator)) }
            case 1: words[Int.random(in: 0..<words.count, using: &generator)] = Self.english.randomElement(using: &generator) ?? "a"
            case 2: words.append(Self.english.randomElement(using: &generator) ?? "a")
            default: break
            }
            return words.joined(separator: " ")
        }
    }

    private func exported(_ store: any MemoryStore, _ name: String) throws -> Data {
        let path = "\(folder)/\(name).tmx"
        try store.export(to: path, languages: nil)
        return try Data(contentsOf: URL(fileURLWithPath: path))
    }

    // MARK: Tests

    func testImportSearchConcordanceStatsAndExportMatchTheSQLiteStore() throws {
        let location = try serverLocation()
        let files = [try randomTMX("a", count: 600, seed: 1), try randomTMX("b", count: 300, seed: 2, tuidPrefix: "b")]
        let local = try sqlite()
        let server = try PostgresMemory.open(location, access: .create)
        for file in files {
            let expected = try local.importTMX(path: file)
            XCTAssertEqual(try server.importTMX(path: file), expected, file)
            XCTAssertGreaterThan(expected.merged, 0, "the random file has duplicates")
        }
        XCTAssertEqual(try server.count(), try local.count())
        XCTAssertEqual(try exported(server, "server"), try exported(local, "local"), "export is byte-identical")
        try server.export(to: "\(folder)/server-uk.tmx", languages: ["uk"])
        try local.export(to: "\(folder)/local-uk.tmx", languages: ["uk"])
        XCTAssertEqual(
            try Data(contentsOf: URL(fileURLWithPath: "\(folder)/server-uk.tmx")),
            try Data(contentsOf: URL(fileURLWithPath: "\(folder)/local-uk.tmx")), "export of one language")

        let serverSearch = try server.fuzzySearcher(preload: false)
        let localSearch = try local.fuzzySearcher(preload: false)
        // The server's way: the whole index loaded into this process, shared through another connection.
        let indexed = try PostgresIndexedSearcher(loading: server)
            .sharingIndex(through: try PostgresMemory.open(location, access: .read))
        var withResults = 0
        // Brute force on the server fetches every unit per query: 150 queries with TLUMACH_LONG_TESTS, 40 otherwise.
        let queryCount = LongTests.count(long: 150, short: 40)
        for query in try queries(from: files[0], count: queryCount, seed: 3) {
            let ranked = try serverSearch.rank(query, minimum: 50, limit: 5)
            XCTAssertEqual(ranked, try localSearch.rank(query, minimum: 50, limit: 5), query)
            XCTAssertEqual(ranked, try serverSearch.rankExhaustively(query, minimum: 50, limit: 5), "brute force: \(query)")
            XCTAssertEqual(ranked, try indexed.rank(query, minimum: 50, limit: 5), "loaded index: \(query)")
            if !ranked.isEmpty { withResults += 1 }
        }
        XCTAssertGreaterThan(withResults, queryCount * 2 / 3)
        let query = try queries(from: files[1], count: 1, seed: 4)[0]
        let expectedMatches = try localSearch.search(query, minimum: 40, limit: 10)
        XCTAssertFalse(expectedMatches.isEmpty)
        XCTAssertEqual(try serverSearch.search(query, minimum: 40, limit: 10), expectedMatches)
        XCTAssertEqual(try indexed.search(query, minimum: 40, limit: 10), expectedMatches)

        for phrase in ["minister", "bridges", "new law", "річка", "законом", "nothingsuch"] {
            let expected = try local.concordance(phrase, limit: 7)
            let actual = try server.concordance(phrase, limit: 7)
            XCTAssertEqual(actual.total, expected.total, phrase)
            XCTAssertEqual(actual.hits, expected.hits, phrase)
        }

        var expected = try local.statistics()
        var actual = try server.statistics()
        XCTAssertEqual(actual.schemaVersion, "v\(PostgresSchema.latestVersion)")
        expected.schemaVersion = actual.schemaVersion  // each store numbers its own schema
        expected.path = ""
        actual.path = ""
        expected.fileBytes = 0
        actual.fileBytes = 0
        expected.lastImport = nil
        actual.lastImport = nil
        expected.created = nil
        actual.created = nil
        XCTAssertEqual(actual, expected)
    }

    /// Stats with what differs between stores by nature (paths, sizes, dates, schema numbers) blanked.
    private func comparable(_ store: any MemoryStore) throws -> MemoryStatistics {
        var statistics = try store.statistics()
        statistics.schemaVersion = ""
        statistics.path = ""
        statistics.fileBytes = 0
        statistics.lastImport = nil
        statistics.created = nil
        return statistics
    }

    /// Random units deleted from both stores (some twice, some never there), then more imported: searches, stats,
    /// exports and the next ids agree after every round, and the server's memory verifies clean.
    func testDeletingRandomUnitsLeavesBothStoresAlike() throws {
        let location = try serverLocation()
        let file = try randomTMX("del", count: 400, seed: 50)
        let local = try sqlite()
        let server = try PostgresMemory.open(location, access: .create)
        try local.importTMX(path: file)
        try server.importTMX(path: file)
        var generator = SeededGenerator(seed: 51)
        let queries = try queries(from: file, count: 30, seed: 52)
        var sequence = try server.changeSequence()
        for round in 0..<3 {
            let highest = try local.count() + 40
            for _ in 0..<40 {
                let id = Int64(Int.random(in: 1...highest, using: &generator))
                let expected = try local.deleteUnit(id: id)
                XCTAssertEqual(try server.deleteUnit(id: id), expected, "round \(round), unit #\(id)")
                XCTAssertNil(try server.unit(id: id))
                if expected {
                    XCTAssertGreaterThan(try server.changeSequence(), sequence, "a deletion moves the change sequence")
                    sequence = try server.changeSequence()
                } else {
                    XCTAssertEqual(try server.changeSequence(), sequence, "a missing unit changes nothing")
                }
            }
            XCTAssertEqual(try server.verify(), [], "round \(round)")
            XCTAssertEqual(try local.verify(), [], "round \(round)")
            XCTAssertEqual(try comparable(server), try comparable(local), "round \(round)")
            XCTAssertEqual(try exported(server, "s\(round)"), try exported(local, "l\(round)"), "round \(round)")
            let serverSearch = try server.fuzzySearcher(preload: false)
            let localSearch = try local.fuzzySearcher(preload: false)
            let loadedSearch = try local.fuzzySearcher(preload: true)
            for query in queries {
                let ranked = try serverSearch.rank(query, minimum: 50, limit: 5)
                XCTAssertEqual(ranked, try localSearch.rank(query, minimum: 50, limit: 5), query)
                XCTAssertEqual(ranked, try loadedSearch.rank(query, minimum: 50, limit: 5), query)
            }
            // New units after deletions get the same ids and token numbers in both stores.
            let more = try randomTMX("more\(round)", count: 60, seed: 60 + UInt64(round), tuidPrefix: "m\(round)-")
            XCTAssertEqual(try server.importTMX(path: more), try local.importTMX(path: more))
        }
        XCTAssertEqual(try exported(server, "s-end"), try exported(local, "l-end"))
        XCTAssertEqual(try server.verify(), [])
        let deleted = try server.changes(after: 0).deleted
        XCTAssertFalse(deleted.isEmpty, "followers learn which units went")
    }

    /// The index a server holds, with deletions, imports and units stored again under deleted ids applied to it
    /// (`catchUp`), ranks exactly as a fresh load of either store.
    func testWritesAppliedToTheHeldIndexSearchAsAFreshLoad() throws {
        let location = try serverLocation()
        let file = try randomTMX("held", count: 300, seed: 70)
        let local = try sqlite()
        let server = try PostgresMemory.open(location, access: .create)
        try local.importTMX(path: file)
        try server.importTMX(path: file)
        var generator = SeededGenerator(seed: 71)
        let queries = try queries(from: file, count: 25, seed: 72)
        var heldServer = try XCTUnwrap(try PostgresIndexedSearcher(loading: server).heldIndex)
        var heldLocal = try XCTUnwrap(try local.searcher(preload: true).heldIndex)
        let tokenizer = try MemoryTokenizer(language: "en")
        for round in 0..<4 {
            let highest = try local.count() + 10
            for _ in 0..<15 {
                let id = Int64(Int.random(in: 1...highest, using: &generator))
                XCTAssertEqual(try server.deleteUnit(id: id), try local.deleteUnit(id: id))
            }
            // The newest unit deleted: the next import gives its id again.
            let newest = try XCTUnwrap(try server.changes(after: 0).changed.last)
            XCTAssertEqual(try server.deleteUnit(id: newest), try local.deleteUnit(id: newest))
            let more = try randomTMX("heldmore\(round)", count: 30, seed: 80 + UInt64(round), tuidPrefix: "h\(round)-")
            XCTAssertEqual(try server.importTMX(path: more), try local.importTMX(path: more))
            heldServer = try server.catchUp(heldServer)
            heldLocal = try local.catchUp(heldLocal)
            XCTAssertGreaterThan(heldServer.overlaySize, 0)
            let fresh = try PostgresIndexedSearcher(loading: server)
            for query in queries {
                let analysis = tokenizer.analyze(query)
                var marks = CandidateMarks()
                var work = SearchWork()
                let expected = try fresh.rank(query, minimum: 40, limit: 10)
                XCTAssertEqual(
                    try FuzzyRanker.rank(analysis, in: heldServer, minimum: 40, limit: 10, seen: &marks, work: &work),
                    expected, "round \(round): \(query)")
                XCTAssertEqual(
                    try FuzzyRanker.rank(analysis, in: heldLocal, minimum: 40, limit: 10, seen: &marks, work: &work),
                    expected, "round \(round): \(query)")
            }
        }
    }

    func testTheLastDeletionIsFoundThroughAnIndex() throws {
        let location = try serverLocation()
        let server = try PostgresMemory.open(location, access: .create)
        let plan = try server.session.run { connection, logger in
            try await connection.query("SET enable_seqscan = off", logger: logger)
            var lines: [String] = []
            for try await (line) in try await connection.query(
                PostgresQuery(unsafeSQL: "EXPLAIN SELECT coalesce(max(change), 0) FROM \"\(location.schema)\".deleted"), logger: logger
            ).decode(String.self) { lines.append(line) }
            try await connection.query("RESET enable_seqscan", logger: logger)
            return lines.joined(separator: "\n")
        }
        XCTAssertTrue(plan.contains("deleted_change"), plan)
    }

    /// The index load reads `integer[]` payloads itself: one-dimensional arrays of int4 without nulls, else refused.
    func testBinaryIntegerArraysAreReadOrRefused() {
        func payload(_ header: [Int32], _ elements: [(Int32, Int32)]) -> ByteBuffer {
            var buffer = ByteBuffer()
            for value in header { buffer.writeInteger(value) }
            for (length, value) in elements {
                buffer.writeInteger(length)
                buffer.writeInteger(value)
            }
            return buffer
        }
        var out: [UInt32] = [7]
        XCTAssertTrue(IndexPage.appendIntegers(payload([1, 0, 23, 3, 1], [(4, 1), (4, 70_000), (4, -1)]), to: &out))
        XCTAssertEqual(out, [7, 1, 70_000, UInt32.max])
        XCTAssertTrue(IndexPage.appendIntegers(payload([0, 0, 23], []), to: &out), "an empty array")
        XCTAssertEqual(out.count, 4)
        XCTAssertFalse(IndexPage.appendIntegers(nil, to: &out), "NULL")
        XCTAssertFalse(IndexPage.appendIntegers(payload([1, 1, 23, 1, 1], [(-1, 0)]), to: &out), "a null element")
        XCTAssertFalse(IndexPage.appendIntegers(payload([1, 0, 20, 1, 1], [(8, 0)]), to: &out), "bigint elements")
        XCTAssertFalse(IndexPage.appendIntegers(payload([2, 0, 23, 1, 1, 1, 1], [(4, 1)]), to: &out), "two dimensions")
        XCTAssertFalse(IndexPage.appendIntegers(payload([1, 0, 23, 2, 1], [(4, 1)]), to: &out), "cut short")
    }

    /// A batch answered in three round trips gives, query by query, what single searches give on both stores:
    /// near matches, repeats, empty and unknown queries, one too long for any unit, several thresholds and limits.
    func testBatchSearchGivesWhatSingleSearchesGive() throws {
        let location = try serverLocation()
        let file = try randomTMX("batch", count: 500, seed: 70)
        let local = try sqlite()
        let server = try PostgresMemory.open(location, access: .create)
        try local.importTMX(path: file)
        try server.importTMX(path: file)
        var queries = try queries(from: file, count: 60, seed: 71)
        queries += [queries[0], "", "zzz qqq", "the", Array(repeating: "minister said", count: 300).joined(separator: " ")]
        let serverSearch = try server.fuzzySearcher(preload: false)
        let localSearch = try local.fuzzySearcher(preload: true)
        for (minimum, limit) in [(70.0, 5), (40.0, 10), (95.0, 1), (50.0, 0)] {
            let batch = try serverSearch.search(batch: queries, minimum: minimum, limit: limit)
            XCTAssertEqual(batch.count, queries.count)
            XCTAssertEqual(batch, try localSearch.search(batch: queries, minimum: minimum, limit: limit), "\(minimum) \(limit)")
            for (query, matches) in zip(queries, batch) {
                XCTAssertEqual(matches, try serverSearch.search(query, minimum: minimum, limit: limit), query)
            }
            if limit > 0 { XCTAssertTrue(batch.contains { !$0.isEmpty }, "\(minimum): some queries have matches") }
        }
        XCTAssertEqual(try serverSearch.search(batch: [], minimum: 70, limit: 5), [])
    }

    /// The candidate index keys a stem with the unit's length, units of 63 stems and more all with 63: long units
    /// near those lengths (and their near copies) are found by search, concordance and brute force alike.
    func testUnitsOfSixtyThreeStemsAndMoreAreFoundLikeShortOnes() throws {
        let location = try serverLocation()
        var generator = SeededGenerator(seed: 90)
        var units: [String] = []
        var sources: [String] = []
        for index in 0..<60 {
            let length = [2, 8, 61, 62, 63, 64, 65, 80, 120][index % 9]
            let source = (0..<length).map { _ in Self.english.randomElement(using: &generator) ?? "the" }.joined(separator: " ")
            sources.append(source)
            units.append(
                """
                <tu tuid="l\(index)"><tuv xml:lang="en"><seg>\(source)</seg></tuv><tuv xml:lang="uk"><seg>переклад \(index)</seg></tuv></tu>
                """)
        }
        let path = "\(folder)/long.tmx"
        try """
            <?xml version="1.0" encoding="UTF-8"?>
            <tmx version="1.4"><header srclang="en" creationtool="test" creationtoolversion="1" segtype="sentence" \
            datatype="plaintext" adminlang="en" o-tmf="test"/><body>
            \(units.joined(separator: "\n"))
            </body></tmx>

            """.write(toFile: path, atomically: true, encoding: .utf8)
        let local = try sqlite()
        let server = try PostgresMemory.open(location, access: .create)
        try local.importTMX(path: path)
        try server.importTMX(path: path)
        // Each source with its last word dropped and with a word added: lengths on both sides of 63.
        let queries = sources.flatMap { [String($0.split(separator: " ").dropLast().joined(separator: " ")), $0 + " news"] }
        let serverSearch = try server.fuzzySearcher(preload: false)
        let localSearch = try local.fuzzySearcher(preload: false)
        let batch = try serverSearch.search(batch: queries, minimum: 60, limit: 3)
        XCTAssertEqual(batch, try localSearch.search(batch: queries, minimum: 60, limit: 3))
        for (index, source) in sources.enumerated() where source.split(separator: " ").count >= 61 {
            XCTAssertFalse(batch[2 * index].isEmpty, "shortened: \(index)")
            XCTAssertFalse(batch[2 * index + 1].isEmpty, "lengthened: \(index)")
        }
        for query in queries.prefix(18) {
            XCTAssertEqual(
                try serverSearch.rank(query, minimum: 60, limit: 3), try serverSearch.rankExhaustively(query, minimum: 60, limit: 3),
                query)
        }
        for phrase in ["minister", "law court"] {
            XCTAssertEqual(try server.concordance(phrase, limit: 50).total, try local.concordance(phrase, limit: 50).total, phrase)
        }
    }

    func testEveryDuplicatePolicyMergesAsTheSQLiteStoreDoes() throws {
        for policy in DuplicatePolicy.allCases {
            let location = try serverLocation()
            let first = try randomTMX("p1", count: 200, seed: 10)
            // The second file repeats many of the first's pairs, dated otherwise and with other tuids.
            let second = try randomTMX("p2", count: 200, seed: 10, tuidPrefix: "second")
            let text = try String(contentsOfFile: second, encoding: .utf8).replacingOccurrences(of: "T120000Z", with: "T130000Z")
            try text.write(toFile: second, atomically: true, encoding: .utf8)
            let local = try sqlite("policy-\(policy)")
            let server = try PostgresMemory.open(location, access: .create)
            for file in [first, second] {
                XCTAssertEqual(
                    try server.importTMX(path: file, onDuplicate: policy), try local.importTMX(path: file, onDuplicate: policy),
                    "\(policy)")
            }
            XCTAssertEqual(try exported(server, "s-\(policy)"), try exported(local, "l-\(policy)"), "\(policy)")
        }
    }

    func testAddedUnitsAndPairsMergeLikeAnImport() throws {
        let location = try serverLocation()
        let local = try sqlite()
        let server = try PostgresMemory.open(location, access: .create)
        for store in [local, server] as [any MemoryStore] {
            try store.setLanguages(source: "en", target: "uk")
            let pairs = [("The bridge is new.", "Міст новий."), ("The bridge is new.", "Міст новий."), ("Rain.", "Дощ.")]
            let summary = try store.add(pairs: pairs.map { (source: $0.0, target: $0.1) }, origin: "align")
            XCTAssertEqual(summary.added, 2)
            XCTAssertEqual(summary.merged, 1)
            XCTAssertThrowsError(try store.setLanguages(source: "de", target: "uk"))
        }
        XCTAssertEqual(try server.count(), 2)
        XCTAssertEqual(try server.unit(id: 1)?.variants.map(\.segment.plainText), ["The bridge is new.", "Міст новий."])
        XCTAssertEqual(
            try server.fuzzySearcher(preload: false).search("the bridge is old", minimum: 50, limit: 5).map(\.id), [1])
    }

    func testConcurrentImportsBothLand() throws {
        let location = try serverLocation()
        _ = try PostgresMemory.open(location, access: .create)
        let files = [try randomTMX("c1", count: 3000, seed: 20, tuidPrefix: "x"), try randomTMX("c2", count: 3000, seed: 21, tuidPrefix: "y")]
        let results = ResultList<ImportSummary>()
        let group = DispatchGroup()
        for file in files {
            group.enter()
            Thread {
                defer { group.leave() }
                do {
                    let memory = try PostgresMemory.open(location, access: .write)
                    results.append(.success(try memory.importTMX(path: file)))
                } catch {
                    results.append(.failure(error))
                }
            }.start()
        }
        group.wait()
        let summaries = try results.all.map { try $0.get() }
        XCTAssertEqual(summaries.count, 2)
        // Sequentially in SQLite: the same units in all (the two files share no pair... or merge them the same way).
        let local = try sqlite()
        for file in files { try local.importTMX(path: file) }
        let server = try PostgresMemory.open(location, access: .read)
        XCTAssertEqual(try server.count(), try local.count())
        XCTAssertEqual(summaries.map(\.read).reduce(0, +), 6000)
        XCTAssertEqual(try server.changeSequence(), 2)
        let changes = try server.changes(after: 0)
        XCTAssertEqual(changes.changed.count, try server.count())
        XCTAssertEqual(changes.reached, 2)
        XCTAssertTrue(try server.changes(after: 2).changed.isEmpty)
    }

    /// Stores used and dropped by more tasks at once than there are cores: each opens, reads and (in its `deinit`)
    /// closes its connections synchronously on a thread of Swift's cooperative pool. The waits used to need a
    /// second thread of that same pool; with every thread waiting, nothing ever ran again (found as a CI hang).
    func testStoresUsedAndDroppedInManyTasksAtOnceNeverWaitForEver() throws {
        let location = try serverLocation()
        _ = try PostgresMemory.open(location, access: .create)
        let tasks = ProcessInfo.processInfo.activeProcessorCount * 3
        let finished = DispatchSemaphore(value: 0)
        let counts = ResultList<Int>()
        Task.detached {
            await withTaskGroup(of: Void.self) { group in
                for _ in 0..<tasks {
                    group.addTask {
                        counts.append(Result { try PostgresMemory.open(location, access: .read).count() })
                    }
                }
            }
            finished.signal()
        }
        guard finished.wait(timeout: .now() + 60) == .success else {
            return XCTFail("\(tasks) tasks opening and dropping a store were still waiting after 60 s")
        }
        XCTAssertEqual(try counts.all.map { try $0.get() }, Array(repeating: 0, count: tasks))
    }

    func testAConnectionLostMidImportLeavesTheMemoryAsItWas() throws {
        let location = try serverLocation()
        let memory = try PostgresMemory.open(location, access: .create)
        try memory.importTMX(path: try randomTMX("before", count: 50, seed: 30))
        let before = try exported(memory, "before-export")
        let sequence = try memory.changeSequence()
        let big = try randomTMX("big", count: 20000, seed: 31, tuidPrefix: "big")
        let killer = try PostgresSession.connect(location)
        defer { killer.close() }
        let victim = try PostgresMemory.open(location, access: .write)
        let pid = try victim.scalar("SELECT pg_backend_pid()::bigint") ?? 0
        var killed = false
        XCTAssertThrowsError(
            try victim.importTMX(
                path: big,
                progress: { units, _ in
                    // Past the first COPY batches: rows are on the server, uncommitted.
                    if units >= 12000 && !killed {
                        killed = true
                        try? killer.execute("SELECT pg_terminate_backend(\(Int32(pid)))")
                    }
                })
        ) { error in
            let message = "\(victim.describeFailure(error))"
            XCTAssertTrue(message.contains("lost") || message.contains("PostgreSQL"), message)
        }
        XCTAssertTrue(killed)
        let after = try PostgresMemory.open(location, access: .read)
        XCTAssertEqual(try exported(after, "after-export"), before)
        XCTAssertEqual(try after.changeSequence(), sequence)
    }

    /// Batches are copied while the next is prepared: a file refused after a batch was sent leaves nothing,
    /// the same connection then imports the good file, and duplicates found while a batch was in flight merge
    /// exactly as in the SQLite store.
    func testAnImportWithBatchesInFlightIsRefusedWholeOrMatchesTheSQLiteStore() throws {
        let location = try serverLocation()
        let good = try randomTMX("inflight", count: 5_300, seed: 33)
        let text = try String(contentsOfFile: good, encoding: .utf8)
        let bad = "\(folder)/inflight-bad.tmx"
        try text.replacingOccurrences(
            of: "</body>", with: "<tu><tuv xml:lang=\"en\"><seg>&bogus;</seg></tuv></tu></body>"
        ).write(toFile: bad, atomically: true, encoding: .utf8)
        let server = try PostgresMemory.open(location, access: .create)
        XCTAssertThrowsError(try server.importTMX(path: bad, sourceLanguage: "en", targetLanguage: "uk"))
        XCTAssertEqual(try server.count(), 0)
        let local = try sqlite()
        let expected = try local.importTMX(path: good)
        XCTAssertGreaterThan(expected.merged, 500)
        XCTAssertEqual(try server.importTMX(path: good), expected)
        XCTAssertEqual(try exported(server, "inflight-server"), try exported(local, "inflight-local"))
        XCTAssertEqual(try server.verify(), [])
    }

    /// The memory's indexes: name → (definition with the schema named S, object id).
    private func indexes(_ memory: PostgresMemory) throws -> [String: (definition: String, oid: Int64)] {
        let schema = memory.postgresLocation.schema
        return try memory.session.run { connection, logger in
            var found: [String: (definition: String, oid: Int64)] = [:]
            for try await (name, definition, oid) in try await connection.query(
                """
                SELECT i.indexname::text, replace(i.indexdef, ' ' || quote_ident(i.schemaname) || '.', ' S.'),
                (quote_ident(i.schemaname) || '.' || quote_ident(i.indexname))::regclass::oid::bigint
                FROM pg_indexes i WHERE i.schemaname = \(schema)
                """, logger: logger
            ).decode((String, String, Int64).self) { found[name] = (definition, oid) }
            return found
        }
    }

    /// A first import into an empty memory copies its batches without the GIN indexes and the change index and
    /// builds them before it commits (new index objects, the same definitions); the memory then searches, gives
    /// concordance and exports exactly as the SQLite store does. A later import into the non-empty memory keeps its
    /// indexes as they are.
    func testAFirstImportIntoAnEmptyMemoryBuildsItsIndexesAfterTheCopy() throws {
        let location = try serverLocation()
        let file = try randomTMX("first", count: 1_500, seed: 70)
        let more = try randomTMX("first-more", count: 400, seed: 71, tuidPrefix: "more")
        let local = try sqlite()
        let server = try PostgresMemory.open(location, access: .create)
        server.importBatchSize = 50
        let created = try indexes(server)
        XCTAssertEqual(try server.importTMX(path: file), try local.importTMX(path: file))
        let imported = try indexes(server)
        XCTAssertEqual(imported.mapValues(\.definition), created.mapValues(\.definition))
        for name in PostgresImporter.deferredIndexes {
            XCTAssertNotNil(created[name], name)
            XCTAssertNotEqual(imported[name]?.oid, created[name]?.oid, "\(name) was built anew")
        }
        for (name, index) in created where !PostgresImporter.deferredIndexes.contains(name) {
            XCTAssertEqual(imported[name]?.oid, index.oid, "\(name) was kept")
        }
        XCTAssertEqual(try server.importTMX(path: more), try local.importTMX(path: more))
        XCTAssertEqual(try indexes(server).mapValues(\.oid), imported.mapValues(\.oid))
        let queries = try queries(from: file, count: 40, seed: 72) + ["minister", "the bridge is old"]
        let expected = try local.fuzzySearcher(preload: false).search(batch: queries, minimum: 50, limit: 5)
        XCTAssertTrue(expected.contains { !$0.isEmpty })
        XCTAssertEqual(try server.fuzzySearcher(preload: false).search(batch: queries, minimum: 50, limit: 5), expected)
        for phrase in ["minister", "міністр", "звіт", "the road"] {
            let found = try server.concordance(phrase, limit: 10)
            let wanted = try local.concordance(phrase, limit: 10)
            XCTAssertEqual(found.total, wanted.total, phrase)
            XCTAssertEqual(found.hits, wanted.hits, phrase)
        }
        XCTAssertEqual(try exported(server, "first-server"), try exported(local, "first-local"))
        XCTAssertEqual(try server.verify(), [])
    }

    /// A reader holding the memory's tables when a first import's batch is ready: that batch is copied with the
    /// indexes in place (the import never waits for a lock while it holds another), the next batches try again,
    /// and once the reader is gone the indexes are dropped and built after the copy; the result is the SQLite
    /// store's.
    func testAFirstImportMeetingAReaderKeepsItsIndexesUntilTheTablesAreFree() throws {
        let location = try serverLocation()
        let file = try randomTMX("busy", count: 3_000, seed: 77)
        let server = try PostgresMemory.open(location, access: .create)
        server.importBatchSize = 50
        let created = try indexes(server)
        let reader = try PostgresSession.connect(location)
        defer { reader.close() }
        try reader.execute("BEGIN")
        try reader.execute(PostgresQuery(unsafeSQL: "SELECT count(*) FROM \"\(location.schema)\".unit_source"))
        var released = false
        let summary = try server.importTMX(
            path: file,
            progress: { units, _ in
                if units >= 1_000 && !released {
                    released = true
                    try? reader.execute("COMMIT")
                }
            })
        XCTAssertTrue(released)
        let local = try sqlite()
        XCTAssertEqual(summary, try local.importTMX(path: file))
        let imported = try indexes(server)
        XCTAssertEqual(imported.mapValues(\.definition), created.mapValues(\.definition))
        for name in PostgresImporter.deferredIndexes {
            XCTAssertNotEqual(imported[name]?.oid, created[name]?.oid, "\(name) was built anew")
        }
        XCTAssertEqual(try exported(server, "busy-server"), try exported(local, "busy-local"))
        XCTAssertEqual(try server.verify(), [])
    }

    /// A first import refused after batches were copied (its indexes dropped by then) leaves the memory empty with
    /// every index as it was: the drop is part of the import's transaction.
    func testARolledBackFirstImportLeavesTheSchemaWithItsIndexes() throws {
        let location = try serverLocation()
        let good = try randomTMX("rollback", count: 1_000, seed: 73)
        let bad = "\(folder)/rollback-bad.tmx"
        try String(contentsOfFile: good, encoding: .utf8).replacingOccurrences(
            of: "</body>", with: "<tu><tuv xml:lang=\"en\"><seg>&bogus;</seg></tuv></tu></body>"
        ).write(toFile: bad, atomically: true, encoding: .utf8)
        let server = try PostgresMemory.open(location, access: .create)
        server.importBatchSize = 50
        let created = try indexes(server)
        XCTAssertThrowsError(try server.importTMX(path: bad, sourceLanguage: "en", targetLanguage: "uk"))
        XCTAssertEqual(try server.count(), 0)
        let after = try indexes(server)
        XCTAssertEqual(after.mapValues(\.definition), created.mapValues(\.definition))
        XCTAssertEqual(after.mapValues(\.oid), created.mapValues(\.oid))
        let local = try sqlite()
        XCTAssertEqual(try server.importTMX(path: good), try local.importTMX(path: good))
        XCTAssertEqual(try exported(server, "rollback-server"), try exported(local, "rollback-local"))
        XCTAssertEqual(try server.verify(), [])
    }

    /// While a first import runs without its indexes, a reader of the memory waits for it to commit and then sees
    /// all of it; it never reads the half-built memory (nor, before, an empty one while the import was running).
    func testAReaderDuringAFirstImportWaitsAndSeesItWhole() throws {
        let location = try serverLocation()
        let file = try randomTMX("wait", count: 1_000, seed: 74)
        let server = try PostgresMemory.open(location, access: .create)
        server.importBatchSize = 50
        let watcher = try PostgresSession.connect(location)
        defer { watcher.close() }
        let counts = ResultList<Int>()
        let done = DispatchGroup()
        var waited = false
        var started = false
        try server.importTMX(
            path: file,
            progress: { units, _ in
                guard units >= 300, !started else { return }
                started = true
                done.enter()
                Thread {
                    defer { done.leave() }
                    counts.append(Result { try PostgresMemory.open(location, access: .read).count() })
                }.start()
                // Until the reader is seen waiting for a lock (or has answered: it did not wait).
                for _ in 0..<200 where counts.all.isEmpty {
                    let waiting = (try? watcher.run { connection, logger in
                        var count = 0
                        for try await (value) in try await connection.query(
                            "SELECT count(*)::bigint FROM pg_stat_activity WHERE wait_event_type = 'Lock'", logger: logger
                        ).decode(Int.self) { count = value }
                        return count
                    }) ?? 0
                    if waiting > 0 {
                        waited = true
                        break
                    }
                    Thread.sleep(forTimeInterval: 0.05)
                }
            })
        done.wait()
        XCTAssertTrue(waited, "the reader waited for the import")
        XCTAssertEqual(try counts.all.map { try $0.get() }, [try server.count()])
    }

    /// Two first imports into the same empty memory at once, in small batches: one drops and rebuilds the indexes,
    /// the other waits for it (the writers' lock) and then imports into a memory that is no longer empty; both
    /// land as in the SQLite store, with every index in place.
    func testConcurrentFirstImportsInSmallBatchesBothLand() throws {
        let location = try serverLocation()
        let created = try indexes(try PostgresMemory.open(location, access: .create))
        let files = [try randomTMX("cf1", count: 1_000, seed: 75, tuidPrefix: "x"), try randomTMX("cf2", count: 1_000, seed: 76, tuidPrefix: "y")]
        let results = ResultList<ImportSummary>()
        let group = DispatchGroup()
        for file in files {
            group.enter()
            Thread {
                defer { group.leave() }
                do {
                    let memory = try PostgresMemory.open(location, access: .write)
                    memory.importBatchSize = 50
                    results.append(.success(try memory.importTMX(path: file)))
                } catch {
                    results.append(.failure(error))
                }
            }.start()
        }
        group.wait()
        XCTAssertEqual(try results.all.map { try $0.get().read }, [1_000, 1_000])
        let local = try sqlite()
        for file in files { try local.importTMX(path: file) }
        let server = try PostgresMemory.open(location, access: .read)
        XCTAssertEqual(try server.count(), try local.count())
        XCTAssertEqual(try indexes(server).mapValues(\.definition), created.mapValues(\.definition))
        XCTAssertEqual(try server.verify(), [])
        XCTAssertEqual(try server.changeSequence(), 2)
    }

    /// Duplicates of units in batches already sent are resolved once the batch in flight is in, in the order they
    /// came, their stored candidates read in one statement per batch and the merged rows written in one: with many
    /// small batches, into a new memory and into one holding units of an earlier import, every policy gives what the
    /// SQLite store gives, with a number of statements that follows the batches, not the duplicates.
    func testDuplicatesOfUnitsAlreadySentMergeAsInSQLiteWithStatementsPerBatch() throws {
        for policy in [DuplicatePolicy.newest, .existing, .incoming] {
            let location = try serverLocation()
            let first = try randomTMX("d1-\(policy)", count: 1_200, seed: 60)
            let second = try randomTMX("d2-\(policy)", count: 1_200, seed: 60, tuidPrefix: "again")
            let local = try sqlite("dup-\(policy)")
            _ = try PostgresMemory.open(location, access: .create)
            let proxy = try StatementCountingProxy(upstreamPort: location.port)
            var proxied = location
            proxied.port = proxy.port
            proxied.socketFolder = nil
            let server = try PostgresMemory.open(proxied, access: .write)
            server.importBatchSize = 50
            var expected: [ImportSummary] = []
            for file in [first, second] {
                let before = proxy.statements
                let summary = try server.importTMX(path: file, onDuplicate: policy)
                expected.append(try local.importTMX(path: file, onDuplicate: policy))
                XCTAssertEqual(summary, expected.last, "\(policy)")
                // Per 50 units read at most: a COPY of unit and of unit_source, a read of candidates and a write of
                // merges (resolved one by one, as before, it was two statements per duplicate).
                let batches = (summary.read + 49) / 50
                XCTAssertLessThanOrEqual(proxy.statements - before, 4 * batches + 30, "\(policy): \(summary)")
            }
            XCTAssertGreaterThan(expected[0].merged, 150, "\(policy)")
            XCTAssertGreaterThan(expected[1].mergedIntoStored, 900, "\(policy)")
            XCTAssertEqual(try exported(server, "dup-s-\(policy)"), try exported(local, "dup-l-\(policy)"), "\(policy)")
            XCTAssertEqual(try server.verify(), [], "\(policy)")
        }
    }

    func testVerifyFindsFrequenciesAndUnitsThatDisagree() throws {
        let location = try serverLocation()
        let memory = try PostgresMemory.open(location, access: .create)
        try memory.importTMX(path: try randomTMX("verify", count: 200, seed: 40))
        try memory.importTMX(path: try randomTMX("verify-more", count: 100, seed: 41), onDuplicate: .incoming)
        XCTAssertEqual(try memory.verify(), [])
        let schema = "\"\(location.schema)\""
        try memory.session.execute(
            PostgresQuery(unsafeSQL: "UPDATE \(schema).token SET df = df + 1 WHERE id = (SELECT min(id) FROM \(schema).token)"))
        try memory.session.execute(
            PostgresQuery(unsafeSQL: "UPDATE \(schema).unit SET xml = '<tu><tuv' WHERE id = (SELECT max(id) FROM \(schema).unit)"))
        let problems = try memory.verify()
        XCTAssertEqual(problems.count, 2, "\(problems)")
        XCTAssertTrue(problems.contains { $0.contains("1 tokens have frequencies") }, "\(problems)")
        XCTAssertTrue(problems.contains { $0.contains("1 units cannot be read back") }, "\(problems)")
    }

    /// unit_source (version 4) is the units' narrow copy candidates are read from: a row missing or different there
    /// would silently drop a unit from searches, so verify reports it; deleting a unit removes both rows.
    func testVerifyFindsASearchCopyThatDisagreesWithItsUnit() throws {
        let location = try serverLocation()
        let memory = try PostgresMemory.open(location, access: .create)
        try memory.importTMX(path: try randomTMX("copy", count: 200, seed: 42))
        XCTAssertTrue(try memory.deleteUnit(id: 3))
        XCTAssertEqual(try memory.verify(), [])
        let schema = "\"\(location.schema)\""
        try memory.session.execute(PostgresQuery(unsafeSQL: "DELETE FROM \(schema).unit_source WHERE id = 5"))
        try memory.session.execute(PostgresQuery(unsafeSQL: "UPDATE \(schema).unit_source SET stems = '{}' WHERE id = 9"))
        try memory.session.execute(PostgresQuery(unsafeSQL: "INSERT INTO \(schema).unit_source VALUES (3, '{1}', '{65}')"))
        try memory.session.execute(
            PostgresQuery(unsafeSQL: "UPDATE \(schema).unit_source SET keys = keys || 1::bigint WHERE id = 12"))
        XCTAssertEqual(try memory.verify(), ["units whose search copy (unit_source) differs: #3, #5, #9, #12"])
    }

    /// A memory of schema version 3 (before unit_source): a reader, which never upgrades, searches it through the
    /// unit table with the same results; the first writer upgrades it, and searches then read the new table.
    func testAVersionThreeMemoryIsSearchedAsIsAndUpgradedByAWriter() throws {
        let location = try serverLocation()
        let file = try randomTMX("v3", count: 300, seed: 80)
        let local = try sqlite()
        try local.importTMX(path: file)
        let created = try PostgresMemory.open(location, access: .create)
        try created.importTMX(path: file)
        let schema = "\"\(location.schema)\""
        for statement in [
            "DROP TABLE \(schema).unit_source", "CREATE INDEX unit_stems ON \(schema).unit USING gin(stems)",
            "DELETE FROM \(schema).schema_version WHERE version >= 4",
        ] {
            try created.session.execute(PostgresQuery(unsafeSQL: statement))
        }
        let queries = try queries(from: file, count: 30, seed: 81) + ["minister"]
        let expected = try local.fuzzySearcher(preload: false).search(batch: queries, minimum: 50, limit: 5)
        XCTAssertTrue(expected.contains { !$0.isEmpty })
        let reader = try PostgresMemory.open(location, access: .read)
        XCTAssertEqual(reader.schemaVersion, 3)
        XCTAssertEqual(try reader.fuzzySearcher(preload: false).search(batch: queries, minimum: 50, limit: 5), expected)
        XCTAssertEqual(try reader.concordance("minister", limit: 5).hits, try local.concordance("minister", limit: 5).hits)
        let writer = try PostgresMemory.open(location, access: .write)
        XCTAssertEqual(writer.schemaVersion, PostgresSchema.latestVersion)
        XCTAssertEqual(try writer.verify(), [])
        XCTAssertEqual(try writer.fuzzySearcher(preload: false).search(batch: queries, minimum: 50, limit: 5), expected)
        let searcher = try writer.fuzzySearcher(preload: false)
        for query in queries.prefix(5) {
            XCTAssertEqual(
                try searcher.rankExhaustively(query, minimum: 50, limit: 5), try searcher.rank(query, minimum: 50, limit: 5))
        }
    }

    /// An import adding more than a tenth of the memory leaves statistics behind (before, the planner read the whole
    /// table for a few rows until autovacuum came); a small addition to a larger memory does not pay for it.
    func testABulkImportGathersStatistics() throws {
        let location = try serverLocation()
        let memory = try PostgresMemory.open(location, access: .create)
        try memory.importTMX(path: try randomTMX("bulk", count: 200, seed: 43))
        let analyzed = try memory.session.run { connection, logger in
            var tables: [String] = []
            for try await (name) in try await connection.query(
                "SELECT relname::text FROM pg_stat_user_tables WHERE schemaname = \(location.schema) AND last_analyze IS NOT NULL ORDER BY 1",
                logger: logger
            ).decode(String.self) { tables.append(name) }
            return tables
        }
        XCTAssertEqual(analyzed, ["token", "unit", "unit_source"])
        XCTAssertTrue(PostgresMemory.needsMaintenance(added: 50, largestBefore: 0))
        XCTAssertFalse(PostgresMemory.needsMaintenance(added: 49, largestBefore: 0))
        XCTAssertTrue(PostgresMemory.needsMaintenance(added: 100_000, largestBefore: 1_000_000))
        XCTAssertFalse(PostgresMemory.needsMaintenance(added: 99_999, largestBefore: 1_000_000))
    }

    func testSessionsDoNotJITCompile() throws {
        let memory = try PostgresMemory.open(try serverLocation(), access: .create)
        let setting = try memory.session.run { connection, logger in
            var value = ""
            for try await (text) in try await connection.query("SHOW jit", logger: logger).decode(String.self) { value = text }
            return value
        }
        XCTAssertEqual(setting, "off")
    }

    /// A one-shot search (what `tm search QUERY` does: open read-only, search once) asks the server five
    /// statements, all reads: the schema version with the meta rows, the query's tokens, two candidate reads and the
    /// matches' rows. It asked eight (the version in two statements, the meta rows twice more), each a round trip a
    /// single search waited for. Counted on the wire by a proxy between the store and the server.
    func testAOneShotSearchAsksFiveStatementsAllReads() throws {
        let location = try serverLocation()
        let file = try randomTMX("count", count: 300, seed: 90)
        let local = try sqlite()
        try local.importTMX(path: file)
        try PostgresMemory.open(location, access: .create).importTMX(path: file)
        let query = try queries(from: file, count: 1, seed: 91)[0]
        let expected = try local.fuzzySearcher(preload: false).search(query, minimum: 50, limit: 5)
        XCTAssertFalse(expected.isEmpty)
        let proxy = try StatementCountingProxy(upstreamPort: location.port)
        var proxied = location
        proxied.port = proxy.port
        proxied.socketFolder = nil
        let reader = try PostgresMemory.open(proxied, access: .read)
        XCTAssertEqual(try reader.fuzzySearcher(preload: false).search(query, minimum: 50, limit: 5), expected)
        let texts = proxy.texts
        XCTAssertGreaterThanOrEqual(texts.count, 4, "\(texts)")
        XCTAssertLessThanOrEqual(texts.count, 5, "\(texts)")
        XCTAssertEqual(proxy.statements, texts.count)
        for text in texts { XCTAssertTrue(text.hasPrefix("SELECT "), text) }
    }

    /// Rows for COPY written without a String per number and with runs of plain bytes copied whole are the bytes the
    /// former writer made (String(n), one byte at a time).
    func testCopyRowsAreWrittenAsBefore() {
        func reference(_ text: String?) -> [UInt8] {
            guard let text else { return Array("\\N".utf8) }
            var bytes: [UInt8] = []
            for byte in text.utf8 {
                switch byte {
                case 0x5C: bytes += [0x5C, 0x5C]
                case 0x0A: bytes += Array("\\n".utf8)
                case 0x0D: bytes += Array("\\r".utf8)
                case 0x09: bytes += Array("\\t".utf8)
                default: bytes.append(byte)
                }
            }
            return bytes
        }
        var generator = SeededGenerator(seed: 92)
        let pieces = ["a", "\\", "\n", "\r", "\t", "ї", "\r\n", " ", "𝄞", "\u{0}"]
        for _ in 0..<500 {
            let text = (0..<Int.random(in: 0...12, using: &generator)).map { _ in pieces.randomElement(using: &generator) ?? "" }.joined()
            let number = Int64.random(in: Int64.min...Int64.max, using: &generator) >> Int64.random(in: 0...63, using: &generator)
            let tokens = (0..<Int.random(in: 0...5, using: &generator)).map { _ in UInt32.random(in: 0...UInt32.max, using: &generator) >> UInt32.random(in: 0...31, using: &generator) }
            var copy = CopyText()
            copy.field(text)
            copy.field(nil)
            copy.number(number)
            copy.array(tokens)
            copy.lastNumber(Int64.min)
            let array = "{" + tokens.map { String($0) }.joined(separator: ",") + "}"
            var expected: [UInt8] = reference(text) + [0x09]
            expected += reference(nil) + [0x09]
            expected += Array(String(number).utf8) + [0x09]
            expected += Array(array.utf8) + [0x09]
            expected += Array(String(Int64.min).utf8) + [0x0A]
            XCTAssertEqual(copy.bytes, expected, text.debugDescription)
        }
        XCTAssertEqual(UnitSource.keys(stems: [5, 3, 5, UInt32.max, 0]), [-59, 5, 197, 325] as [Int64])  // -1·64+5, 0·64+5, 3·64+5, 5·64+5
    }

    func testAMemoryFromANewerTlumachIsRefused() throws {
        let location = try serverLocation()
        let memory = try PostgresMemory.open(location, access: .create)
        try memory.session.execute(
            PostgresQuery(unsafeSQL: "INSERT INTO \"\(location.schema)\".schema_version(version) VALUES (99)"))
        for access in [TranslationMemory.Access.read, .write] {
            XCTAssertThrowsError(try PostgresMemory.open(location, access: access)) { error in
                XCTAssertTrue("\(error)".contains("newer Tlumach"), "\(error)")
            }
        }
        // A newer schema whose tables the combined version-and-meta read cannot read is refused all the same.
        try memory.session.execute(PostgresQuery(unsafeSQL: "DROP TABLE \"\(location.schema)\".meta"))
        for access in [TranslationMemory.Access.read, .write] {
            XCTAssertThrowsError(try PostgresMemory.open(location, access: access)) { error in
                XCTAssertTrue("\(error)".contains("newer Tlumach"), "\(error)")
            }
        }
    }

    func testReadingASchemaWithoutAMemorySaysSo() throws {
        let location = try serverLocation()
        XCTAssertThrowsError(try PostgresMemory.open(location, access: .read)) { error in
            XCTAssertTrue("\(error)".contains("no translation memory in schema"), "\(error)")
        }
    }

    func testBadURLsAndRefusedConnectionsAreOneLineWithoutThePassword() throws {
        for (url, expected) in [
            ("postgres://127.0.0.1/db", "no user name"),
            ("postgres://me@127.0.0.1", "no database name"),
            ("postgres://me:s3cret@127.0.0.1/db?schema=a-b", "schema must be"),
            ("postgres://me:s3cret@127.0.0.1/db?sslmode=maybe", "sslmode must be"),
            ("postgres://me:s3cret@127.0.0.1/db?colour=red", "unknown parameter"),
        ] {
            XCTAssertThrowsError(try PostgresLocation(url: url, environment: [:]), url) { error in
                let text = "\(error)"
                XCTAssertTrue(text.contains(expected), text)
                XCTAssertFalse(text.contains("s3cret"), text)
                XCTAssertFalse(text.contains("\n"), text)
            }
        }
        // Port 1 on loopback: nothing listens there.
        let refused = try PostgresLocation(url: "postgres://me:s3cret@127.0.0.1:1/db", environment: [:])
        XCTAssertEqual(refused.password, "s3cret")
        XCTAssertFalse(refused.description.contains("s3cret"))
        XCTAssertThrowsError(try PostgresMemory.open(refused, access: .read)) { error in
            let text = "\(error)"
            XCTAssertTrue(text.contains("cannot connect to PostgreSQL at 127.0.0.1:1"), text)
            XCTAssertFalse(text.contains("s3cret"), text)
        }
    }

    func testPasswordsComeFromTheURLThenPGPASSWORDThenThePasswordFile() throws {
        let file = "\(folder)/pgpass"
        try "# comment\nother:5432:*:me:wrong\n127.0.0.1:5433:db:me:from\\:file\n".write(
            toFile: file, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file)
        let environment = ["PGPASSFILE": file]
        XCTAssertEqual(try PostgresLocation(url: "postgres://me@127.0.0.1:5433/db", environment: environment).password, "from:file")
        XCTAssertEqual(
            try PostgresLocation(url: "postgres://me@127.0.0.1:5433/db", environment: environment.merging(["PGPASSWORD": "env"]) { $1 }).password,
            "env")
        XCTAssertEqual(try PostgresLocation(url: "postgres://me:url@127.0.0.1:5433/db", environment: environment).password, "url")
        XCTAssertNil(try PostgresLocation(url: "postgres://me@127.0.0.1:5434/db", environment: environment).password)
        // A password file others can read is ignored, as libpq does.
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: file)
        XCTAssertNil(try PostgresLocation(url: "postgres://me@127.0.0.1:5433/db", environment: environment).password)
    }

    func testAWrongPasswordIsRefusedInOneLine() throws {
        var location = try serverLocation()
        let admin = try PostgresSession.connect(location)
        defer { admin.close() }
        // with-postgres.sh asks for a password from this role over TCP.
        try admin.execute(
            PostgresQuery(unsafeSQL: """
                DO $$ BEGIN CREATE ROLE tlumach_password LOGIN PASSWORD 'right'; EXCEPTION WHEN duplicate_object THEN NULL; END $$
                """))
        location.user = "tlumach_password"
        location.password = "wrong-one"
        XCTAssertThrowsError(try PostgresMemory.open(location, access: .read)) { error in
            let text = "\(error)"
            XCTAssertTrue(text.contains("refused the login") || text.contains("asks for a password"), text)
            XCTAssertFalse(text.contains("wrong-one"), text)
        }
        location.password = "right"
        XCTAssertThrowsError(try PostgresMemory.open(location, access: .read)) { error in
            XCTAssertTrue("\(error)".contains("no translation memory in schema"), "\(error)")
        }
    }

    func testMigrationsSplitIntoWholeStatements() {
        // A semicolon inside a comment once cut a CREATE TABLE in two.
        for migration in PostgresSchema.migrations {
            for statement in PostgresSchema.statements(migration, schema: "s") {
                XCTAssertTrue(["CREATE ", "INSERT ", "DROP "].contains { statement.hasPrefix($0) }, statement)
            }
        }
    }

    func testStoreLocationsChooseTheStore() throws {
        XCTAssertTrue(PostgresLocation.isURL("postgresql://u@h/d"))
        XCTAssertFalse(PostgresLocation.isURL("/tmp/memory.tm"))
        XCTAssertEqual(MemoryLocation.resolve(nil, environment: ["TLUMACH_TM": "x.tm"]), "x.tm")
        XCTAssertEqual(MemoryLocation.resolve("given.tm", environment: ["TLUMACH_TM": "x.tm"]), "given.tm")
        XCTAssertNil(MemoryLocation.resolve(nil, environment: [:]))
        let store = try MemoryLocation.withStore(creatingAt: "\(folder)/chosen.tm") { $0 }
        XCTAssertTrue(store is TranslationMemory)
    }
}

/// Results gathered from threads.
private final class ResultList<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [Result<Value, any Error>] = []

    func append(_ result: Result<Value, any Error>) {
        lock.lock()
        results.append(result)
        lock.unlock()
    }

    var all: [Result<Value, any Error>] {
        lock.lock()
        defer { lock.unlock() }
        return results
    }
}
