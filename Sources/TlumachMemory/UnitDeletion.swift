import Foundation
import GRDB

extension TranslationMemory {
    /// Removes one unit with its tokens, its posting entries and its share of the document frequencies, in one
    /// transaction, logged in `deleted` (see ChangeLog.swift). False when there is no unit with this id (nothing
    /// changes).
    @discardableResult
    public func deleteUnit(id: Int64) throws -> Bool {
        try checkWritable()
        return try database.write { db in
            guard try Int64.fetchOne(db, sql: "SELECT id FROM unit WHERE id = ?", arguments: [id]) != nil else {
                return false
            }
            if let row = try Row.fetchOne(
                db, sql: "SELECT stems, target_stems FROM unit_tokens WHERE id = ?", arguments: [id])
            {
                let sides: [(side: Int64, blob: Data?, column: String)] = [
                    (0, row[0], "df"), (1, row[1], "tdf"),
                ]
                for (side, blob, column) in sides {
                    for token in Set(Self.tokenIDs(blob)) {
                        try db.execute(
                            sql: "UPDATE token SET \(column) = max(\(column) - 1, 0) WHERE id = ?",
                            arguments: [Int64(token)])
                        try Self.removePosting(of: UInt32(truncatingIfNeeded: id), side: side, token: token, db: db)
                    }
                }
            }
            try db.execute(sql: "DELETE FROM unit_tokens WHERE id = ?", arguments: [id])
            try db.execute(sql: "DELETE FROM unit WHERE id = ?", arguments: [id])
            // Logged so that the change sequence moves and other readers drop the unit from what they hold.
            try db.execute(sql: Self.createDeletedLog)
            try db.execute(sql: "INSERT INTO deleted(id) VALUES (?)", arguments: [id])
            return true
        }
    }

    private static func tokenIDs(_ blob: Data?) -> [UInt32] {
        guard let blob else { return [] }
        return blob.withUnsafeBytes { Array($0.bindMemory(to: UInt32.self)) }
    }

    /// Takes `unit` out of the posting chunks of one token; a chunk left empty is dropped.
    private static func removePosting(of unit: UInt32, side: Int64, token: UInt32, db: Database) throws {
        let chunks = try Row.fetchAll(
            db, sql: "SELECT id, units FROM posting WHERE side = ? AND token = ?", arguments: [side, Int64(token)])
        for chunk in chunks {
            let units = tokenIDs(chunk[1])
            guard units.contains(unit) else { continue }
            let kept = units.filter { $0 != unit }
            let chunkID: Int64 = chunk[0]
            if kept.isEmpty {
                try db.execute(sql: "DELETE FROM posting WHERE id = ?", arguments: [chunkID])
            } else {
                let data = kept.withUnsafeBufferPointer { Data(buffer: $0) }
                try db.execute(sql: "UPDATE posting SET units = ? WHERE id = ?", arguments: [data, chunkID])
            }
        }
    }
}
