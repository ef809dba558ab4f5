import Foundation
import PostgresNIO

/// The server's API tokens (`tlumach serve token …`) in the memory's own schema (table `serve_token`, migration 2),
/// so that a memory and who may use it travel together, as in the SQLite file. Only hashes are stored; what a scope
/// means is the server's business, this keeps text.
extension PostgresMemory {
    public struct StoredToken: Sendable, Equatable {
        public var name: String
        public var scope: String
        public var hash: String
        public var created: String
        public var revoked: String?
    }

    public func addToken(name: String, scope: String, hash: String, created: String) throws {
        try checkWritable()
        try session.execute(
            "INSERT INTO \(unescaped: schema).serve_token(name, scope, hash, created) VALUES (\(name), \(scope), \(hash), \(created))")
    }

    /// Every token, oldest first.
    public func tokens() throws -> [StoredToken] {
        let schema = schema
        return try session.run { connection, logger in
            var tokens: [StoredToken] = []
            for try await (name, scope, hash, created, revoked) in try await connection.query(
                "SELECT name, scope, hash, created, revoked FROM \(unescaped: schema).serve_token ORDER BY seq",
                logger: logger
            ).decode((String, String, String, String, String?).self) {
                tokens.append(StoredToken(name: name, scope: scope, hash: hash, created: created, revoked: revoked))
            }
            return tokens
        }
    }

    /// Marks the active token `name` revoked at `at`; false when there is none.
    public func revokeToken(name: String, at: String) throws -> Bool {
        try checkWritable()
        let schema = schema
        return try session.run { connection, logger in
            var revoked = 0
            for try await (_) in try await connection.query(
                "UPDATE \(unescaped: schema).serve_token SET revoked = \(at) WHERE name = \(name) AND revoked IS NULL RETURNING 1",
                logger: logger
            ).decode(Int.self) { revoked += 1 }
            return revoked > 0
        }
    }
}
