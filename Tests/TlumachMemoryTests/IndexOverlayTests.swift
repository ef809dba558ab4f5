import Foundation
import GRDB
import TlumachCore
import TlumachTestSupport
import XCTest

@testable import TlumachMemory

/// A held index with later writes applied (`HeldIndex.applying`) searches exactly like the index loaded afresh.
final class IndexOverlayTests: XCTestCase {
    private var folder = ""

    override func setUpWithError() throws {
        folder = NSTemporaryDirectory() + "tlumach-overlay-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(atPath: folder) }

    func testADeletionMovesTheChangeSequence() throws {
        let memory = try TranslationMemory.open(path: folder + "/m.tm", access: .create)
        try memory.setLanguages(source: "en", target: "uk")
        try memory.add(pairs: [(source: "The bridge is new.", target: "Міст новий."), (source: "Rain.", target: "Дощ.")])
        let before = try memory.changeSequence()
        XCTAssertTrue(try memory.deleteUnit(id: 1))
        XCTAssertGreaterThan(try memory.changeSequence(), before, "another reader must notice a deletion")
        let after = try memory.changeSequence()
        XCTAssertFalse(try memory.deleteUnit(id: 1))
        XCTAssertEqual(try memory.changeSequence(), after, "deleting nothing changes nothing")
        // A reader that opened the file before the first deletion, and read-only, sees it too.
        let reader = try TranslationMemory.open(path: folder + "/m.tm", access: .read)
        XCTAssertEqual(try reader.changeSequence(), after)
        XCTAssertEqual(
            try reader.indexDelta(after: IndexPosition(change: 0, maxUnit: 2, maxToken: 1_000), largestKept: { _ in 2 }).deleted, [1])
    }

    func testRandomWritesAppliedToTheHeldIndexSearchAsAFreshLoad() throws {
        let memory = try TranslationMemory.open(path: folder + "/m.tm", access: .create)
        try memory.setLanguages(source: "en", target: "uk")
        var random = SeededGenerator(seed: SeededGenerator.propertySeed(standard: 15))
        try memory.add(pairs: (0..<40).map { _ in OverlayScenario.pair(&random) })
        guard let loaded = try memory.searcher(preload: true).heldIndex else { return XCTFail("no index held") }
        var held = loaded
        let tokenizer = try MemoryTokenizer(language: "en")
        var checkedQueries = 0
        for step in 0..<60 {
            let ids = try memory.database.read { try Int64.fetchAll($0, sql: "SELECT id FROM unit ORDER BY id") }
            try OverlayScenario.write(step: step, into: memory, ids: ids, random: &random)
            // Sometimes two writes before the reader catches up, as when polling lags.
            if step % 3 == 1 { continue }
            held = try memory.catchUp(held)
            let fresh = try memory.searcher(preload: true)
            let stored = try memory.database.read { try String.fetchAll($0, sql: "SELECT source_text FROM unit ORDER BY random() LIMIT 5") }
            for query in stored + (0..<5).map({ _ in OverlayScenario.sentence(&random) }) {
                for (minimum, limit) in [(50.0, 5), (30.0, 50)] {
                    let analysis = tokenizer.analyze(query)
                    var marks = CandidateMarks()
                    var work = SearchWork()
                    let overlaid = try FuzzyRanker.rank(analysis, in: held, minimum: minimum, limit: limit, seen: &marks, work: &work)
                    XCTAssertEqual(overlaid, try fresh.rank(query, minimum: minimum, limit: limit), "step \(step): \(query)")
                    XCTAssertEqual(
                        try FuzzyRanker.rankExhaustively(analysis, in: held, minimum: minimum, limit: limit),
                        try fresh.rankExhaustively(query, minimum: minimum, limit: limit), "step \(step): \(query)")
                    checkedQueries += 1
                }
            }
        }
        XCTAssertGreaterThan(held.overlaySize, 20, "the overlay was used")
        XCTAssertEqual(checkedQueries, 40 * 20)
    }
}

/// Random writes over a small vocabulary (so that units share words and rank against one another).
enum OverlayScenario {
    static let words = [
        "the", "city", "council", "approved", "new", "budget", "bridge", "river", "winter", "heating", "plan", "was",
        "closed", "opened", "today", "schools", "roads", "repaired", "government", "adopted", "law", "on", "Monday",
    ]

    static func sentence(_ random: inout SeededGenerator) -> String {
        let length = Int.random(in: 2...9, using: &random)
        return (0..<length).map { _ in words[Int.random(in: 0..<words.count, using: &random)] }.joined(separator: " ")
            + "."
    }

    static func pair(_ random: inout SeededGenerator) -> (source: String, target: String) {
        (sentence(&random), "Переклад \(Int.random(in: 0..<1_000_000, using: &random)).")
    }

    /// Adds, deletes, or deletes the newest unit and adds another (which takes its id again).
    static func write(step: Int, into store: any MemoryStore, ids: [Int64], random: inout SeededGenerator) throws {
        switch Int.random(in: 0..<4, using: &random) {
        case 0 where !ids.isEmpty:
            try store.deleteUnit(id: ids[Int.random(in: 0..<ids.count, using: &random)])
        case 1 where !ids.isEmpty:
            if let last = ids.last { try store.deleteUnit(id: last) }
            try store.add(pairs: [pair(&random)])
        default:
            // Some pairs repeat a stored one (merged, tokens unchanged); some bring words the memory lacks.
            var pairs = (0..<Int.random(in: 1...4, using: &random)).map { _ in pair(&random) }
            pairs.append((source: "Unheard word\(step) in the city.", target: "Нове слово."))
            try store.add(pairs: pairs)
        }
    }
}
