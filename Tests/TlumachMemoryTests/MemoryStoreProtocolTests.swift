import Foundation
import TlumachTMX
import XCTest

@testable import TlumachMemory

/// The SQLite memory through the store protocol gives what its own methods give (commands and the PostgreSQL store
/// rely on the protocol alone).
final class MemoryStoreProtocolTests: XCTestCase {
    func testTheSQLiteMemoryThroughTheProtocolAnswersAsItself() throws {
        let folder = NSTemporaryDirectory() + "tlumach-store-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let memory = try TranslationMemory.open(path: folder + "/m.tm", access: .create)
        let store: any MemoryStore = memory
        XCTAssertEqual(try store.changeSequence(), 0)
        try store.setLanguages(source: "en", target: "uk")
        let pairs = [("The bridge is new.", "Міст новий."), ("The bridge is new.", "Міст новий."), ("The bridges are old.", "Мости старі.")]
        let summary = try store.add(pairs: pairs.map { (source: $0.0, target: $0.1) }, origin: "test")
        XCTAssertEqual(summary.added, 2)
        XCTAssertEqual(summary.merged, 1)
        XCTAssertEqual(try store.changeSequence(), 1, "every write moves the change sequence on")
        XCTAssertEqual(try store.count(), 2)
        let searcher = try store.fuzzySearcher(preload: false)
        XCTAssertEqual(
            try searcher.search("The bridge is old.", minimum: 50, limit: 5),
            try memory.searcher().search("The bridge is old.", minimum: 50, limit: 5))
        XCTAssertEqual(
            try searcher.rank("The bridge is old.", minimum: 50, limit: 5),
            try searcher.rankExhaustively("The bridge is old.", minimum: 50, limit: 5))
        XCTAssertEqual(try store.concordance("bridge", limit: 5).total, 2)
        XCTAssertEqual(try store.statistics().units, 2)
        XCTAssertEqual(try store.export(to: folder + "/out.tmx", languages: nil), 2)
        XCTAssertTrue("\(store.describeFailure(MemoryError.full))".contains(folder + "/m.tm"))
        try store.add(pairs: [(source: "Rain.", target: "Дощ.")])
        XCTAssertEqual(try store.changeSequence(), 2)
    }
}
