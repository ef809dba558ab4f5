import Foundation
import PostgresNIO
import TlumachCore

/// The PostgreSQL store's schema as numbered migrations: each released change is a new entry appended here, never an
/// edit of an old one. A memory whose schema is newer than the last entry was made by a newer Tlumach and is refused.
enum PostgresSchema {
    /// Migration `i` brings the schema to version `i + 1`. `$S` stands for the quoted schema name; `--` comments
    /// take whole lines.
    static let migrations: [String] = [
        """
        CREATE TABLE $S.meta(key text PRIMARY KEY, value text NOT NULL);
        -- One row per translation unit: xml is the whole <tu> as TMXWriter writes it (lossless, exported as is), the
        -- other columns are derived from it. words/stems are the source segment's word and stem token ids,
        -- target_stems the target's; change is the change number of the write that last stored the row.
        CREATE TABLE $S.unit(
            id bigint PRIMARY KEY,
            tuid text,
            source_text text NOT NULL,
            target_text text NOT NULL,
            pair_hash bigint NOT NULL,
            latest_date text,
            languages text NOT NULL,
            source_codes integer NOT NULL,
            import_id bigint NOT NULL,
            xml text NOT NULL,
            words integer[] NOT NULL,
            stems integer[] NOT NULL,
            target_stems integer[] NOT NULL,
            change bigint NOT NULL
        );
        CREATE INDEX unit_pair_hash ON $S.unit(pair_hash);
        -- Candidate generation and concordance: units whose stems contain a token (GIN over integer arrays).
        CREATE INDEX unit_stems ON $S.unit USING gin(stems);
        CREATE INDEX unit_target_stems ON $S.unit USING gin(target_stems);
        CREATE INDEX unit_change ON $S.unit(change);
        -- Vocabulary of words and stems, df/tdf = units whose source/target stems contain it.
        CREATE TABLE $S.token(
            id integer PRIMARY KEY,
            text text NOT NULL UNIQUE,
            df bigint NOT NULL DEFAULT 0,
            tdf bigint NOT NULL DEFAULT 0
        );
        CREATE TABLE $S.import(
            id bigint PRIMARY KEY,
            origin text NOT NULL,
            at text NOT NULL,
            read bigint NOT NULL,
            added bigint NOT NULL,
            merged bigint NOT NULL,
            change bigint NOT NULL
        );
        -- Deleted units, so that a follower can drop them too.
        CREATE TABLE $S.deleted(id bigint NOT NULL, change bigint NOT NULL);
        """,
        """
        -- API tokens of `tlumach serve` (PostgresTokens.swift): only hashes; seq keeps the order they were made in.
        CREATE TABLE $S.serve_token(
            seq bigserial PRIMARY KEY,
            name text NOT NULL,
            scope text NOT NULL,
            hash text NOT NULL UNIQUE,
            created text NOT NULL,
            revoked text
        );
        """,
        """
        -- Every server instance asks for the last deletion (max(change)) four times a second, and followers for the
        -- deletions after a change: answered from this index, not by reading the table.
        CREATE INDEX deleted_change ON $S.deleted(change);
        """,
        """
        -- Candidate reads need each unit's id and source stems only; read from unit, every candidate cost a visit to
        -- its wide row (texts and TMX: 590 MB at 1M units, more than the server's cache) and a batch search spent
        -- ~2/3 of its time there. unit_source is that narrow copy (about 120 MB at 1M units), written and deleted
        -- with unit.
        -- keys (indexed) holds each distinct stem with the unit's length in stems, 63 standing for 63 and more:
        -- stem * 64 + length, ascending. A search asks for a stem at the lengths its threshold allows, so the 60 % of
        -- a stem's units too short or too long for the query are never visited (the length test on the row stays
        -- exact). The importer computes keys (UnitSource.keys), as this statement does for the units already there.
        CREATE TABLE $S.unit_source(id bigint PRIMARY KEY, stems integer[] NOT NULL, keys bigint[] NOT NULL);
        INSERT INTO $S.unit_source(id, stems, keys) SELECT id, stems, ARRAY(SELECT DISTINCT t::bigint * 64 + least(cardinality(stems), 63) FROM unnest(stems) t ORDER BY 1) FROM $S.unit;
        CREATE INDEX unit_source_keys ON $S.unit_source USING gin(keys);
        DROP INDEX $S.unit_stems;
        """,
    ]

    static var latestVersion: Int { migrations.count }
    /// The version that added `unit_source`.
    static let unitSourceVersion = 4

    /// Key of the advisory lock that serialises writers (migrations and imports) of one schema.
    static func lockKey(schema: String) -> Int64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in ("tlumach-tm:" + schema).utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return Int64(bitPattern: hash)
    }

    /// The schema version the memory has: nil when there is no memory in that schema.
    static func version(session: PostgresSession) throws -> Int? {
        let schema = session.location.schema
        return try session.run { connection, logger in
            let rows = try await connection.query(
                "SELECT to_regclass(\(quoted(schema) + ".schema_version"))::text", logger: logger)
            var exists = false
            for try await (name) in rows.decode(String?.self) { exists = name != nil }
            guard exists else { return nil }
            var version = 0
            let versions = try await connection.query(
                "SELECT coalesce(max(version), 0) FROM \(unescaped: quoted(schema)).schema_version", logger: logger)
            for try await (value) in versions.decode(Int.self) { version = value }
            return version
        }
    }

    /// The schema version and the `meta` rows in one statement: what every open needs, in one round trip instead of
    /// three. Nil when there is no memory in that schema. A schema this statement cannot read (no such tables, or
    /// tables a newer Tlumach changed) is asked the slow way, so that it is judged exactly as before: no memory, or
    /// refused as newer.
    static func versionAndMeta(session: PostgresSession) throws -> (version: Int, meta: [String: String])? {
        let schema = quoted(session.location.schema)
        let found: (Int, [String: String])?
        do {
            found = try session.run { connection, logger in
                var version = 0
                var meta: [String: String] = [:]
                for try await (number, key, value) in try await connection.query(
                    """
                    SELECT (SELECT coalesce(max(version), 0) FROM \(unescaped: schema).schema_version)::bigint, m.key, m.value
                    FROM (SELECT 1) AS one LEFT JOIN \(unescaped: schema).meta m ON true
                    """, logger: logger
                ).decode((Int, String?, String?).self) {
                    version = number
                    if let key, let value { meta[key] = value }
                }
                return (version, meta)
            }
        } catch let error as PSQLError where ["42P01", "3F000", "42703"].contains(error.serverInfo?[.sqlState] ?? "") {
            found = nil  // undefined table, schema or column
        }
        if let found { return found }
        guard let version = try version(session: session) else { return nil }
        try checkKnown(version, location: session.location)
        let meta = try session.run { connection, logger in
            var result: [String: String] = [:]
            for try await (key, value) in try await connection.query(
                "SELECT key, value FROM \(unescaped: schema).meta", logger: logger
            ).decode((String, String).self) { result[key] = value }
            return result
        }
        return (version, meta)
    }

    /// The statements of a migration, with the schema filled in. Comment lines (`--`) are dropped first, so a
    /// semicolon in a comment cannot cut a statement in two; statements themselves end at `;`.
    static func statements(_ migration: String, schema: String) -> [String] {
        let code = migration.replacingOccurrences(of: "$S", with: quoted(schema)).split(separator: "\n")
            .filter { !$0.trimmingCharacters(in: .whitespaces).hasPrefix("--") }.joined(separator: "\n")
        return code.split(separator: ";").map { String($0).trimmingCharacters(in: .whitespacesAndNewlines) }
            .filter { !$0.isEmpty }
    }

    static func quoted(_ schema: String) -> String { "\"" + schema + "\"" }

    /// Refuses a memory made by a newer Tlumach.
    static func checkKnown(_ version: Int, location: PostgresLocation) throws {
        if version > latestVersion {
            throw InputError(
                path: location.description,
                message: "this memory has schema version \(version), made by a newer Tlumach (this one knows up to \(latestVersion)): upgrade Tlumach")
        }
    }

    /// Creates the schema or brings it up to date, in one transaction under the writers' lock.
    static func migrate(session: PostgresSession) throws {
        let schema = session.location.schema
        let location = session.location
        let key = lockKey(schema: schema)
        let migrations = migrations
        try session.run { connection, logger in
            try await connection.query("BEGIN", logger: logger)
            do {
                try await connection.query("SELECT pg_advisory_xact_lock(\(key))", logger: logger)
                try await connection.query(
                    "CREATE SCHEMA IF NOT EXISTS \(unescaped: quoted(schema))", logger: logger)
                try await connection.query(
                    "CREATE TABLE IF NOT EXISTS \(unescaped: quoted(schema)).schema_version(version integer PRIMARY KEY, applied timestamptz NOT NULL DEFAULT now())",
                    logger: logger)
                var current = 0
                for try await (value) in try await connection.query(
                    "SELECT coalesce(max(version), 0) FROM \(unescaped: quoted(schema)).schema_version", logger: logger
                ).decode(Int.self) { current = value }
                try checkKnown(current, location: location)
                for version in (current + 1)..<(migrations.count + 1) {
                    // One statement at a time (the extended protocol takes one per query).
                    for statement in statements(migrations[version - 1], schema: schema) {
                        try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                    }
                    try await connection.query(
                        "INSERT INTO \(unescaped: quoted(schema)).schema_version(version) VALUES (\(version))",
                        logger: logger)
                }
                try await connection.query("COMMIT", logger: logger)
            } catch {
                _ = try? await connection.query("ROLLBACK", logger: logger)
                throw error
            }
        }
    }
}
