import Foundation
import PostgresNIO
import TlumachMemory

extension PostgresMemory {
    /// Removes one unit and its share of the document frequencies in one write transaction, as the SQLite store's
    /// `deleteUnit` does (its tokens stay in the vocabulary, so later imports number tokens alike in both stores).
    /// The id goes into `deleted` with this write's change number, which moves the change sequence: followers and
    /// other server instances notice. False when there is no unit with this id (nothing changes).
    @discardableResult
    public func deleteUnit(id: Int64) throws -> Bool {
        try checkWritable()
        return try withWriteTransaction { writer in
            let schema = writer.schema
            let change = writer.change
            return try session.run { connection, logger in
                var removed: (stems: [Int32], targetStems: [Int32])?
                for try await (stems, targetStems) in try await connection.query(
                    "DELETE FROM \(unescaped: schema).unit WHERE id = \(id) RETURNING stems, target_stems", logger: logger
                ).decode(([Int32], [Int32]).self) { removed = (stems, targetStems) }
                guard let removed else { return false }
                try await connection.query(
                    "DELETE FROM \(unescaped: schema).unit_source WHERE id = \(id)", logger: logger)
                // One statement for both sides: a token on both (a name, a number) is one row updated once.
                try await connection.query(
                    """
                    UPDATE \(unescaped: schema).token SET
                    df = greatest(df - CASE WHEN id = ANY(\(removed.stems)::integer[]) THEN 1 ELSE 0 END, 0),
                    tdf = greatest(tdf - CASE WHEN id = ANY(\(removed.targetStems)::integer[]) THEN 1 ELSE 0 END, 0)
                    WHERE id = ANY(\(removed.stems)::integer[]) OR id = ANY(\(removed.targetStems)::integer[])
                    """, logger: logger)
                try await connection.query(
                    "INSERT INTO \(unescaped: schema).deleted(id, change) VALUES (\(id), \(change))", logger: logger)
                return true
            }
        }
    }
}
