import Foundation
import GRDB
import TlumachCore
import TlumachMemoryPostgres

/// What a bearer token may do; each scope includes the ones before it.
package enum TokenScope: String, Sendable, CaseIterable, Comparable {
    case read, write, admin

    private var rank: Int { Self.allCases.firstIndex(of: self) ?? 0 }
    package static func < (a: TokenScope, b: TokenScope) -> Bool { a.rank < b.rank }
}

/// One stored token: its name, scope and hash (the token itself is shown once, when made, and never stored).
package struct TokenRecord: Sendable, Equatable {
    package var name: String
    package var scope: TokenScope
    package var hash: String
    package var created: String
    package var revoked: String?
}

/// Where tokens live: in the memory's own store, so a memory and who may use it travel together. The SQLite memory
/// implements it here; a PostgreSQL store can implement the same four calls.
package protocol TokenStore: Sendable {
    func add(_ record: TokenRecord) throws
    func all() throws -> [TokenRecord]
    /// Marks the token revoked; false when no active token has this name.
    func revoke(name: String) throws -> Bool
}

extension TokenStore {
    /// A new random token (256 bits) under `name`; returns the token text, which only its hash outlives.
    package func issue(name: String, scope: TokenScope) throws -> String {
        guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || "-_.@".contains($0) }) else {
            throw InputError(path: "--name", message: "a token name is letters, digits and - _ . @ ('\(name)' is not)")
        }
        if try all().contains(where: { $0.name == name && $0.revoked == nil }) {
            throw InputError(path: "--name", message: "an active token is already named '\(name)' (revoke it first)")
        }
        var generator = SystemRandomNumberGenerator()
        let secret = (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
        let token = "tlm_" + secret
        try add(TokenRecord(name: name, scope: scope, hash: SHA256.hex(token), created: ISO8601DateFormatter().string(from: Date())))
        return token
    }

    /// The scope of an active token, comparing its hash with every stored one in constant time.
    package func scope(of token: String) throws -> TokenScope? {
        let presented = Array(SHA256.hex(token).utf8)
        var found: TokenScope?
        for record in try all() where record.revoked == nil {
            if Self.constantTimeEqual(presented, Array(record.hash.utf8)) { found = record.scope }
        }
        return found
    }

    static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for index in a.indices { difference |= a[index] ^ b[index] }
        return difference == 0
    }
}

/// Tokens in a table of the SQLite memory file (`serve_token`), created on first use by this module; the memory's
/// own schema does not know it and leaves it alone.
package final class SQLiteTokenStore: TokenStore {
    private let database: DatabaseQueue

    package init(memoryPath: String) throws {
        guard FileManager.default.fileExists(atPath: memoryPath) else {
            throw InputError(path: memoryPath, message: "no translation memory here (import a TMX file to create one)")
        }
        var configuration = Configuration()
        configuration.busyMode = .timeout(5)
        database = try DatabaseQueue(path: memoryPath, configuration: configuration)
        try database.write { db in
            try db.execute(
                sql: """
                    CREATE TABLE IF NOT EXISTS serve_token(
                        name TEXT NOT NULL, scope TEXT NOT NULL, hash TEXT NOT NULL UNIQUE,
                        created TEXT NOT NULL, revoked TEXT)
                    """)
        }
    }

    package func add(_ record: TokenRecord) throws {
        try database.write { db in
            try db.execute(
                sql: "INSERT INTO serve_token(name, scope, hash, created) VALUES (?, ?, ?, ?)",
                arguments: [record.name, record.scope.rawValue, record.hash, record.created])
        }
    }

    package func all() throws -> [TokenRecord] {
        try database.read { db in
            try Row.fetchAll(db, sql: "SELECT name, scope, hash, created, revoked FROM serve_token ORDER BY rowid").map {
                TokenRecord(
                    name: $0[0], scope: TokenScope(rawValue: $0[1]) ?? .read, hash: $0[2], created: $0[3], revoked: $0[4])
            }
        }
    }

    package func revoke(name: String) throws -> Bool {
        try database.write { db in
            try db.execute(
                sql: "UPDATE serve_token SET revoked = ? WHERE name = ? AND revoked IS NULL",
                arguments: [ISO8601DateFormatter().string(from: Date()), name])
            return db.changesCount > 0
        }
    }
}

/// Tokens in the PostgreSQL memory's schema (table `serve_token`), through one connection of their own.
package final class PostgresTokenStore: TokenStore, @unchecked Sendable {
    // The connection is not thread-safe: every use is under `lock`.
    private let memory: PostgresMemory
    private let lock = NSLock()

    /// Opens the memory at `url`, which must exist already (tokens are for a memory).
    package init(url: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        let location = try PostgresLocation(url: url, environment: environment)
        // Reading first refuses a schema without a memory instead of creating one; writing brings it up to date.
        _ = try PostgresMemory.open(location, access: .read)
        memory = try PostgresMemory.open(location, access: .write)
    }

    package func add(_ record: TokenRecord) throws {
        try lock.withLock {
            try memory.guardedStore {
                try memory.addToken(name: record.name, scope: record.scope.rawValue, hash: record.hash, created: record.created)
            }
        }
    }

    package func all() throws -> [TokenRecord] {
        try lock.withLock {
            try memory.guardedStore { try memory.tokens() }.map {
                TokenRecord(
                    name: $0.name, scope: TokenScope(rawValue: $0.scope) ?? .read, hash: $0.hash, created: $0.created,
                    revoked: $0.revoked)
            }
        }
    }

    package func revoke(name: String) throws -> Bool {
        try lock.withLock {
            try memory.guardedStore {
                try memory.revokeToken(name: name, at: ISO8601DateFormatter().string(from: Date()))
            }
        }
    }
}

/// The token store of the memory at `location`: its SQLite file or its PostgreSQL schema.
package func openTokenStore(memory location: String) throws -> any TokenStore {
    if PostgresLocation.isURL(location) { return try PostgresTokenStore(url: location) }
    return try SQLiteTokenStore(memoryPath: location)
}
