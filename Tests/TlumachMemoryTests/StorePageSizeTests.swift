import Foundation
import GRDB
import TlumachMemory
import TlumachTMX
import TlumachTestSupport
import XCTest

/// New memory files get 8 KB pages; a file made before (4 KB pages, the SQLite default) keeps its pages and reads,
/// searches and exports exactly as a new one does.
final class StorePageSizeTests: XCTestCase {
    private func pageSize(of path: String) throws -> Int {
        let header = try Data(contentsOf: URL(fileURLWithPath: path)).prefix(100)
        XCTAssertEqual(header.prefix(15), Data("SQLite format 3".utf8))
        let size = Int(header[header.startIndex + 16]) << 8 | Int(header[header.startIndex + 17])
        return size == 1 ? 65536 : size
    }

    func testNewMemoriesUseLargePagesAndExistingOnesKeepTheirs() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tmpage-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let tmx = directory.appendingPathComponent("in.tmx").path
        try Data(richTMX.utf8).write(to: URL(fileURLWithPath: tmx))
        let newPath = directory.appendingPathComponent("new.tmdb").path
        let oldPath = directory.appendingPathComponent("old.tmdb").path
        // A memory made before this change: SQLite's default 4 KB pages.
        do {
            _ = try TranslationMemory.open(path: oldPath, access: .create)
            let database = try DatabaseQueue(path: oldPath)
            try database.writeWithoutTransaction { db in
                _ = try String.fetchOne(db, sql: "PRAGMA journal_mode = DELETE")
                try db.execute(sql: "PRAGMA page_size = 4096; VACUUM")
                _ = try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL")
            }
            try database.close()
            XCTAssertEqual(try pageSize(of: oldPath), 4096)
        }
        var results: [[String]] = []
        var exports: [String] = []
        for path in [newPath, oldPath] {
            do {
                let memory = try TranslationMemory.open(path: path)
                XCTAssertEqual(try memory.importTMX(path: tmx).added, 2)
            }
            // Reopened (the WAL checkpointed into the file on close).
            let memory = try TranslationMemory.open(path: path, create: false)
            XCTAssertEqual(try memory.count(), 2)
            let out = directory.appendingPathComponent("out-\(exports.count).tmx").path
            try memory.export(to: out)
            exports.append(try String(contentsOfFile: out, encoding: .utf8))
            results.append(try memory.searcher(preload: false).search("Саміт НАТО у Вільнюсі", minimum: 30, limit: 5).map(\.source))
        }
        XCTAssertEqual(try pageSize(of: newPath), 8192)
        XCTAssertEqual(try pageSize(of: oldPath), 4096)
        XCTAssertEqual(exports[0], exports[1])
        XCTAssertEqual(results[0], results[1])
        XCTAssertFalse(results[0].isEmpty)
    }
}
