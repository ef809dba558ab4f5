import Foundation
import GRDB
import TlumachCore
import TlumachMemory
import TlumachTMX
import XCTest

/// The memory file's guarantees: only an import creates a memory (and only where nothing or an empty file is),
/// reading never writes, damaged units are reported instead of trapping, concurrent first imports both land.
final class MemoryFileTests: XCTestCase {
    var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("tmfile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    private func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    private func tmx(_ name: String, units: Range<Int>, tag: String = "") throws -> String {
        var text = """
            <?xml version="1.0" encoding="UTF-8"?>
            <tmx version="1.4"><header srclang="uk" creationtool="t" creationtoolversion="1" segtype="sentence" \
            o-tmf="t" adminlang="en" datatype="plaintext"/><body>

            """
        for index in units {
            text += """
                <tu tuid="\(tag)\(index)"><tuv xml:lang="uk"><seg>Речення номер \(index) про бюджет \(tag)</seg></tuv>\
                <tuv xml:lang="en"><seg>Sentence number \(index) about the budget \(tag)</seg></tuv></tu>

                """
        }
        text += "</body></tmx>\n"
        try Data(text.utf8).write(to: URL(fileURLWithPath: path(name)))
        return path(name)
    }

    private func makeMemory(_ name: String, units: Int = 20) throws -> String {
        let source = try tmx("\(name).tmx", units: 0..<units)
        try TranslationMemory.withMemory(creatingAt: path(name)) { memory in
            _ = try memory.importTMX(path: source)
        }
        return path(name)
    }

    private func bytes(_ path: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }

    private func litter() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.contains(".tlumach-") }
    }

    // MARK: Damaged units

    func testDamagedUnitsAreReportedByVerifyAndExportInsteadOfTrapping() throws {
        let store = try makeMemory("d.tmdb")
        do {
            let database = try DatabaseQueue(path: store)
            try database.write { db in
                try db.execute(sql: "UPDATE unit SET xml = x'ff00' WHERE id = 2")
                try db.execute(sql: "UPDATE unit SET xml = '<tu><tuv xml:lang=\"uk\"><seg>a</seg></tuv></tu><tu/>' WHERE id = 4")
            }
            // A NULL where the schema forbids one: only a hand-edited schema lets it in.
            try database.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA writable_schema = ON")
                try db.execute(
                    sql: "UPDATE sqlite_master SET sql = replace(sql, 'languages TEXT NOT NULL', 'languages TEXT') WHERE name = 'unit'")
                try db.execute(sql: "PRAGMA writable_schema = OFF")
            }
            try database.close()
            let reopened = try DatabaseQueue(path: store)
            try reopened.write { try $0.execute(sql: "UPDATE unit SET languages = NULL WHERE id = 3") }
            try reopened.close()
        }
        let memory = try TranslationMemory.open(path: store, access: .read)
        let problems = try memory.verify()
        XCTAssertTrue(problems.contains("units with a damaged column: #2, #3"), "\(problems)")
        XCTAssertTrue(problems.contains("2 units cannot be read back: #2, #4"), "\(problems)")
        XCTAssertTrue(problems.last?.contains("--skip-damaged") ?? false, "\(problems)")
        XCTAssertEqual(try memory.statistics().units, 20)
        let out = path("out.tmx")
        XCTAssertThrowsError(try memory.export(to: out)) { error in
            XCTAssertTrue("\(error)".hasPrefix("\(store): unit #2 is damaged"), "\(error)")
        }
        XCTAssertThrowsError(try memory.export(to: out, languages: ["uk"])) { error in
            XCTAssertTrue("\(error)".contains("unit #2 is damaged"), "\(error)")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: out), "a failed export leaves no file")
        XCTAssertThrowsError(try memory.forEachUnit { _, _ in })
        let rescued = try memory.export(to: out, languages: nil, skipDamaged: true)
        XCTAssertEqual(rescued.skipped, [2, 4])
        XCTAssertEqual(rescued.written, 18)
        XCTAssertEqual(try TMXReader.document(path: out).units.count, 18)
        XCTAssertEqual(try litter(), [])
    }

    // MARK: Creation

    func testConcurrentFirstImportsIntoOneNewMemoryBothLand() throws {
        let store = path("c.tmdb")
        let files = [try tmx("a.tmx", units: 0..<400, tag: "a"), try tmx("b.tmx", units: 0..<300, tag: "b")]
        let failures = Failures()
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            do {
                try TranslationMemory.withMemory(creatingAt: store) { memory in
                    _ = try memory.importTMX(path: files[index])
                }
            } catch {
                failures.append("\(error)")
            }
        }
        XCTAssertEqual(failures.all, [])
        let memory = try TranslationMemory.open(path: store, access: .read)
        XCTAssertEqual(try memory.count(), 700)
        XCTAssertEqual(try memory.statistics().imports, 2)
        XCTAssertEqual(try memory.verify(), [])
        XCTAssertEqual(try litter(), [])
    }

    func testRefusedFirstImportCreatesNothing() throws {
        let hostile = path("hostile.tmx")
        try Data(
            """
            <?xml version="1.0"?><!DOCTYPE tmx [<!ENTITY x "boom">]><tmx version="1.4"><header srclang="uk"/><body>
            <tu><tuv xml:lang="uk"><seg>&x;</seg></tuv><tuv xml:lang="en"><seg>b</seg></tuv></tu></body></tmx>
            """.utf8
        ).write(to: URL(fileURLWithPath: hostile))
        let missing = path("new.tmdb")
        XCTAssertThrowsError(
            try TranslationMemory.withMemory(creatingAt: missing) { memory in _ = try memory.importTMX(path: hostile) })
        XCTAssertFalse(FileManager.default.fileExists(atPath: missing))
        let empty = path("empty.tmdb")
        XCTAssertTrue(FileManager.default.createFile(atPath: empty, contents: Data()))
        XCTAssertThrowsError(
            try TranslationMemory.withMemory(creatingAt: empty) { memory in _ = try memory.importTMX(path: hostile) })
        XCTAssertEqual(try bytes(empty), Data(), "the empty file the user named stays as it was")
        XCTAssertEqual(try litter(), [])
        // The same empty file becomes a memory when an import succeeds.
        let good = try tmx("good.tmx", units: 0..<3)
        try TranslationMemory.withMemory(creatingAt: empty) { memory in _ = try memory.importTMX(path: good) }
        XCTAssertEqual(try TranslationMemory.open(path: empty, access: .read).count(), 3)
    }

    func testOnlyAnImportCreatesAMemoryAndForeignFilesStayUntouched() throws {
        let empty = path("empty.tmdb")
        XCTAssertTrue(FileManager.default.createFile(atPath: empty, contents: Data()))
        for access in [TranslationMemory.Access.read, .write] {
            XCTAssertThrowsError(try TranslationMemory.open(path: empty, access: access)) { error in
                XCTAssertEqual("\(error)", "\(empty): an empty file, not a translation memory (import a TMX file to make it one)")
            }
        }
        XCTAssertEqual(try bytes(empty), Data())
        XCTAssertThrowsError(try TranslationMemory.open(path: path("none.tmdb"), access: .read))
        XCTAssertFalse(FileManager.default.fileExists(atPath: path("none.tmdb")))

        let foreign = path("foreign.db")
        do {
            let database = try DatabaseQueue(path: foreign)
            try database.write { try $0.execute(sql: "CREATE TABLE meta(key TEXT, value TEXT); INSERT INTO meta VALUES ('a', 'b')") }
            try database.close()
        }
        let before = try bytes(foreign)
        for access in [TranslationMemory.Access.read, .write, .create] {
            XCTAssertThrowsError(try TranslationMemory.open(path: foreign, access: access)) { error in
                XCTAssertEqual("\(error)", "\(foreign): an SQLite database, but not a Tlumach translation memory (left untouched)")
            }
        }
        let good = try tmx("good.tmx", units: 0..<3)
        XCTAssertThrowsError(
            try TranslationMemory.withMemory(creatingAt: foreign) { memory in _ = try memory.importTMX(path: good) })
        XCTAssertEqual(try bytes(foreign), before, "byte for byte")
        XCTAssertEqual(
            try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasPrefix("foreign") },
            ["foreign.db"], "no -wal or -shm beside it either")
    }

    func testReadingNeverWrites() throws {
        let store = try makeMemory("r.tmdb")
        let before = try bytes(store)
        let memory = try TranslationMemory.open(path: store, access: .read)
        XCTAssertFalse(try memory.searcher().search("Речення номер 3 про бюджет", minimum: 50).isEmpty)
        XCTAssertEqual(try memory.concordance("бюджет").total, 20)
        XCTAssertEqual(try memory.verify(), [])
        try memory.export(to: path("out.tmx"))
        XCTAssertThrowsError(try memory.add(pairs: [(source: "Нове", target: "New")])) { error in
            XCTAssertEqual("\(error)", "\(store): the memory was opened read-only")
        }
        XCTAssertEqual(try bytes(store), before)
    }

    func testStaleTemporariesOfKilledRunsAreRemovedOnTheNextStart() throws {
        // A process that has ended, standing for one killed mid-import or mid-export.
        let ended = Process()
        ended.executableURL = URL(fileURLWithPath: "/bin/true")
        try ended.run()
        ended.waitUntilExit()
        let dead = ended.processIdentifier
        let names = [
            ".m.tmdb.tlumach-new-\(dead)-X.tmp", ".m.tmdb.tlumach-new-\(dead)-X.tmp-wal",
            ".out.tmx.tlumach-\(dead)-Y.tmp",
            ".out.tmx.tlumach-1-Z.tmp",  // pid 1 is alive: another run's file, left alone
        ]
        for name in names { XCTAssertTrue(FileManager.default.createFile(atPath: path(name), contents: Data("x".utf8))) }
        let store = try makeMemory("m.tmdb")
        try TranslationMemory.open(path: store, access: .read).export(to: path("out.tmx"))
        XCTAssertEqual(try litter(), [".out.tmx.tlumach-1-Z.tmp"])
    }

    func testMergedDuplicatesKeepTheirIdsPropsAndNotes() throws {
        let store = try makeMemory("p.tmdb", units: 0)
        _ = store
        let memory = try TranslationMemory.open(path: path("p.tmdb"), access: .write)
        func unit(_ tuid: String, _ date: String, _ annotations: [TMXAnnotation]) -> TMXUnit {
            TMXUnit(
                attributes: ["tuid": tuid, "creationdate": date], annotations: annotations,
                variants: [
                    TMXVariant(language: "uk", segment: TMXSegment(text: "Добрий день.")),
                    TMXVariant(language: "en", segment: TMXSegment(text: "Good afternoon.")),
                ])
        }
        try memory.setLanguages(source: "uk", target: "en")
        let first = unit("po-1", "20200101T000000Z", [.prop(TMXProp(type: "x-file", text: "tar.po"))])
        var summary = try memory.add(units: [first, first])
        XCTAssertEqual([summary.read, summary.added, summary.merged, summary.identical, summary.mergedIntoStored], [2, 1, 1, 1, 0])
        let second = unit("po-2", "20240101T000000Z", [.prop(TMXProp(type: "x-file", text: "cpio.po")), .note(TMXNote(text: "checked"))])
        summary = try memory.add(units: [second])
        XCTAssertEqual([summary.read, summary.added, summary.merged, summary.identical, summary.mergedIntoStored], [1, 0, 1, 0, 1])
        let kept = try XCTUnwrap(try memory.unit(id: 1))
        XCTAssertEqual(kept.tuid, "po-2", "the newer unit is kept")
        XCTAssertEqual(kept.props.map { "\($0.type)=\($0.text)" }, ["x-file=cpio.po", "x-tlumach-merged-tuid=po-1", "x-file=tar.po"])
        XCTAssertEqual(kept.notes.map(\.text), ["checked"])
        // Merging the same duplicate again adds nothing.
        summary = try memory.add(units: [first])
        XCTAssertEqual(try memory.unit(id: 1), kept)
        XCTAssertEqual(try memory.count(), 1)
    }
}

/// Errors collected from concurrent work.
private final class Failures: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [String] = []
    func append(_ item: String) { lock.withLock { items.append(item) } }
    var all: [String] { lock.withLock { items } }
}

/// A very long query line (`tm search --batch` with a 4 MB line took 17 s): the work grows linearly with the query,
/// counted in steps (`SearchWork`), not timed.
final class LongQueryTests: XCTestCase {
    /// A made-up Cyrillic word per number (letters only, so each is one token).
    private func word(_ number: Int) -> String {
        let letters = Array("абвгдежзиклмнопрстуфхцчшщюя")
        var value = number
        var text = ""
        repeat {
            text.append(letters[value % letters.count])
            value /= letters.count
        } while value > 0
        return "ж" + text
    }

    func testWorkGrowsLinearlyWithTheQuery() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tmlong-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let memory = try TranslationMemory.open(path: directory.appendingPathComponent("l.tmdb").path, access: .create)
        try memory.setLanguages(source: "uk", target: "en")
        // 1,000 units of 8 words over a vocabulary of 3,000 words, and one unit of 200 words.
        var pairs = (0..<1000).map { index in
            (source: (0..<8).map { word((index * 8 + $0) % 3000) }.joined(separator: " "), target: "Sentence \(index)")
        }
        pairs.append((source: (0..<200).map { word($0 * 7) }.joined(separator: " "), target: "Long"))
        try memory.add(pairs: pairs)
        for preload in [false, true] {
            let searcher = try memory.searcher(preload: preload)
            func work(words: Int, minimum: Double) throws -> SearchWork {
                let query = (0..<words).map { word($0 % 3000) }.joined(separator: " ")
                _ = try searcher.rank(query, minimum: minimum, limit: 5)
                return searcher.lastWork
            }
            // Longer than any stored segment can match at 70: answered before any of its words is looked up.
            let short = try work(words: 500, minimum: 70)
            let long = try work(words: 5_000, minimum: 70)
            XCTAssertEqual(short.postings, 0)
            XCTAssertEqual(long.postings, 0)
            XCTAssertEqual(short.lookups, 0)
            XCTAssertEqual(long.lookups, 0)
            XCTAssertLessThanOrEqual(long.total, 10 * short.total, "\(short) → \(long)")
            // At 1 the 200-word unit can match queries up to 20,000 words: every stem is taken, rarest first.
            let low = try work(words: 300, minimum: 1)
            let high = try work(words: 3_000, minimum: 1)
            XCTAssertGreaterThan(low.postings, 0)
            XCTAssertLessThanOrEqual(high.total, 12 * low.total, "\(low) → \(high)")
        }
    }
}
