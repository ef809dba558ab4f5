import Foundation
import GRDB
import TlumachCore

/// How another reader of an SQLite memory learns what changed. Imports and added batches are rows of `import`;
/// deletions are rows of `deleted` (made by the first deletion, so that older files and read-only readers need no
/// migration). Units are given ids above every stored one, so the units stored after a position are those above the
/// largest id the reader holds that was not deleted since.
extension TranslationMemory: IndexFollowing {
    static let createDeletedLog = "CREATE TABLE IF NOT EXISTS deleted(seq INTEGER PRIMARY KEY, id INTEGER NOT NULL)"

    static func hasDeletedLog(_ db: Database) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT count(*) > 0 FROM sqlite_master WHERE type = 'table' AND name = 'deleted'")
            ?? false
    }

    /// The last import's number plus the deletions made: every write moves it on.
    static func changeSequence(_ db: Database) throws -> Int64 {
        let imports = try Int64.fetchOne(db, sql: "SELECT coalesce(max(id), 0) FROM import") ?? 0
        return imports + (try lastDeletion(db))
    }

    static func lastDeletion(_ db: Database) throws -> Int64 {
        guard try hasDeletedLog(db) else { return 0 }
        return try Int64.fetchOne(db, sql: "SELECT coalesce(max(seq), 0) FROM deleted") ?? 0
    }

    package static func indexPosition(_ db: Database) throws -> IndexPosition {
        var position = IndexPosition(
            change: try changeSequence(db),
            maxUnit: try Int64.fetchOne(db, sql: "SELECT coalesce(max(id), 0) FROM unit") ?? 0,
            maxToken: try Int64.fetchOne(db, sql: "SELECT coalesce(max(id), 0) FROM token") ?? 0)
        position.deletions = try lastDeletion(db)
        return position
    }

    package func indexDelta(after position: IndexPosition, largestKept: (Set<Int64>) -> Int64) throws -> IndexDelta {
        try database.read { db in
            let reached = try Self.indexPosition(db)
            var deleted: [Int64] = []
            if try Self.hasDeletedLog(db) {
                deleted = try Int64.fetchAll(
                    db, sql: "SELECT id FROM deleted WHERE seq > ? ORDER BY seq", arguments: [position.deletions])
            }
            var units: [IndexDelta.Unit] = []
            func add(_ row: Row) throws {
                let words = try row.decode(Data.self, atIndex: 1).tokenIDs()
                let stems = try row.decode(Data.self, atIndex: 2).tokenIDs()
                guard words.count == stems.count else {
                    throw InputError(path: path, message: "the token row of unit #\(row[0] as Int64) is damaged")
                }
                units.append(IndexDelta.Unit(id: try row.decode(atIndex: 0), words: words, stems: stems))
            }
            // A unit kept since the position was there all along, so every unit stored since has a larger id.
            let kept = largestKept(Set(deleted))
            let above = try Row.fetchCursor(
                db, sql: "SELECT id, words, stems FROM unit_tokens WHERE id > ? ORDER BY id", arguments: [kept])
            while let row = try above.next() { try add(row) }
            let tokens = try Row.fetchAll(
                db, sql: "SELECT text, id FROM token WHERE id > ?", arguments: [position.maxToken]
            ).map { (text: try $0.decode(String.self, atIndex: 0), id: try $0.decode(Int64.self, atIndex: 1)) }
            return IndexDelta(reached: reached, deleted: deleted, units: units, tokens: tokens)
        }
    }
}
