import Foundation
import PostgresNIO
import TlumachCore
import TlumachMemory
import TlumachTMX

/// A translation memory in a PostgreSQL schema, for a team: the same units, merge rules, scores and TMX bytes as the
/// SQLite store (`TranslationMemory`), shared by every machine that reaches the server.
///
/// Writers (imports, added units) take a transaction-level advisory lock on the schema, so concurrent imports from
/// several processes run one after the other and both land, each merged against everything committed before it;
/// each is one transaction (a lost connection rolls it back). Readers never wait, except for a first import into an
/// empty memory, which builds its indexes after its COPY and locks the tables until it commits (PostgresImporter).
public final class PostgresMemory: MemoryStore {
    let session: PostgresSession
    public let postgresLocation: PostgresLocation
    public private(set) var sourceLanguage: String?
    public private(set) var targetLanguage: String?
    let readOnly: Bool
    /// The schema version this memory had when opened (after the upgrade a writer makes).
    let schemaVersion: Int
    /// Units per COPY batch of an import (tests make it small, to have many batches in flight).
    var importBatchSize = PostgresImporter.batchSize
    var schema: String { PostgresSchema.quoted(postgresLocation.schema) }
    /// The table holding (id, stems) with the GIN index candidates are read through: the narrow `unit_source` from
    /// version 4 on; a reader of an older memory (which it does not upgrade) reads `unit` itself.
    var sourceStemsTable: String { schema + (schemaVersion >= PostgresSchema.unitSourceVersion ? ".unit_source" : ".unit") }

    /// SQL: whether the row `u` of `sourceStemsTable` holds the stem `token` (an SQL expression) with a length in
    /// stems from `shortest` to `longest` (SQL expressions), through the table's index; the caller still tests the
    /// length exactly. From version 4 the index holds stem·64 + min(length, 63) (PostgresSchema, migration 4).
    func holdsStem(_ token: String, shortest: String, longest: String) -> String {
        guard schemaVersion >= PostgresSchema.unitSourceVersion else { return "u.stems @> ARRAY[\(token)]" }
        return """
            u.keys && ARRAY(SELECT (\(token))::bigint * 64 + l FROM generate_series(least(\(shortest), 63), least(\(longest), 63)) l)
            """
    }

    public var location: String { postgresLocation.description }

    /// Opens (with `create`, first creating or upgrading) the memory at `location`. A schema newer than this
    /// Tlumach knows is refused; reading a schema with no memory says so.
    public static func open(_ location: PostgresLocation, access: TranslationMemory.Access) throws -> PostgresMemory {
        let session = try PostgresSession.connect(location)
        do {
            // The version and the meta rows in one round trip: a one-shot search pays for each (issue 14).
            let found = try PostgresSchema.versionAndMeta(session: session)
            var version = found?.version
            if let version { try PostgresSchema.checkKnown(version, location: location) }
            switch access {
            case .read where version == nil:
                throw InputError(
                    path: location.description,
                    message: "no translation memory in schema \(location.schema) (import a TMX file to create one)")
            case .read:
                break
            case .write, .create:
                // Writing needs the current schema: create it or bring it up to date (under the writers' lock).
                if version != PostgresSchema.latestVersion {
                    try PostgresSchema.migrate(session: session)
                    version = PostgresSchema.latestVersion
                }
            }
            let memory = PostgresMemory(
                session: session, location: location, readOnly: access == .read, schemaVersion: version ?? 0)
            if let found, found.version == version {
                memory.useMeta(found.meta)
            } else {
                try memory.loadLanguages()  // created or upgraded just now
            }
            return memory
        } catch {
            session.close()
            throw PostgresSession.describe(error, location: location)
        }
    }

    init(session: PostgresSession, location: PostgresLocation, readOnly: Bool, schemaVersion: Int) {
        self.session = session
        self.postgresLocation = location
        self.readOnly = readOnly
        self.schemaVersion = schemaVersion
    }

    deinit { session.close() }

    func loadLanguages() throws {
        useMeta(try meta())
    }

    /// The meta rows as last read (at opening, or after this store's own writes); may lag behind other writers.
    private(set) var loadedMeta: [String: String] = [:]

    private func useMeta(_ meta: [String: String]) {
        loadedMeta = meta
        sourceLanguage = meta[MemorySchema.sourceLanguageKey]
        targetLanguage = meta[MemorySchema.targetLanguageKey]
    }

    func meta() throws -> [String: String] {
        let schema = schema
        return try session.run { connection, logger in
            var result: [String: String] = [:]
            for try await (key, value) in try await connection.query(
                "SELECT key, value FROM \(unescaped: schema).meta", logger: logger
            ).decode((String, String).self) { result[key] = value }
            return result
        }
    }

    func checkWritable() throws {
        if readOnly { throw InputError(path: location, message: "the memory was opened read-only") }
    }

    public func describeFailure(_ error: any Error) -> any Error {
        PostgresSession.describe(error, location: postgresLocation)
    }

    // MARK: Writing

    public func setLanguages(source: String, target: String) throws {
        try checkWritable()
        if let sourceLanguage, let targetLanguage {
            guard TMXLanguage.matches(sourceLanguage, source) && TMXLanguage.matches(targetLanguage, target) else {
                throw InputError(
                    path: location, message: "this memory is \(sourceLanguage)→\(targetLanguage), not \(source)→\(target)")
            }
            return
        }
        guard source != TMXLanguage.all, !source.isEmpty, !target.isEmpty, !TMXLanguage.matches(source, target) else {
            throw InputError(path: location, message: "a memory needs two different languages, not \(source)→\(target)")
        }
        try withWriteTransaction { writer in
            try writer.setLanguagesIfNew(source: source, target: target)
        }
        try loadLanguages()
    }

    @discardableResult
    public func importTMX(
        path file: String, sourceLanguage source: String? = nil, targetLanguage target: String? = nil,
        onDuplicate policy: DuplicatePolicy = .newest, progress: ((_ units: Int, _ line: Int) -> Void)? = nil
    ) throws -> ImportSummary {
        try checkWritable()
        var bulk = false
        let summary = try withWriteTransaction { writer -> ImportSummary in
            // The languages as committed by now (another writer may have set them since this memory was opened).
            let languages: (source: String, target: String)
            if let stored = writer.storedLanguages {
                if let source, let target,
                    !(TMXLanguage.matches(stored.source, source) && TMXLanguage.matches(stored.target, target))
                {
                    throw InputError(
                        path: location, message: "this memory is \(stored.source)→\(stored.target), not \(source)→\(target)")
                }
                languages = stored
            } else {
                if let source, let target {
                    languages = (source, target)
                } else {
                    guard let inferred = try TranslationMemory.peekLanguages(file: file, source: source, target: target)
                    else { return ImportSummary() }
                    languages = inferred
                }
                guard languages.source != TMXLanguage.all, !TMXLanguage.matches(languages.source, languages.target) else {
                    throw InputError(
                        path: file,
                        message: "a memory needs two different languages, not \(languages.source)→\(languages.target)")
                }
                try writer.setLanguagesIfNew(source: languages.source, target: languages.target)
            }
            // A first import into an empty memory builds its search indexes after the COPY (PostgresImporter).
            let importer = try PostgresImporter(
                writer: writer, origin: file, policy: policy, languages: languages, batchSize: importBatchSize,
                mayDeferIndexes: true)
            var header: TMXHeader?
            do {
                try TMXReader.read(
                    path: file, header: { parsed, _ in header = parsed },
                    unit: { unit, line in
                        try importer.add(unit)
                        if let progress, importer.summary.read % 1000 == 0 { progress(importer.summary.read, line) }
                    })
                if let header { try writer.storeHeaderIfFirst(header) }
                try importer.finish()
            } catch {
                importer.abandon()
                throw error
            }
            bulk = PostgresMemory.needsMaintenance(added: importer.summary.added, largestBefore: importer.largestBefore)
            return importer.summary
        }
        if bulk { maintainAfterBulkWrite() }
        try loadLanguages()
        return summary
    }

    /// Whether a write adding `added` units to a memory whose ids went up to `largestBefore` changed the tables
    /// enough to renew the planner's statistics: autovacuum's own default rule (50 rows plus 10 %), decided here
    /// because autovacuum may come seconds or minutes later.
    static func needsMaintenance(added: Int, largestBefore: Int64) -> Bool {
        added >= 50 && Int64(added) * 10 >= largestBefore
    }

    /// After a bulk write: moves the GIN indexes' pending lists (filled by COPY; every search scans them until
    /// merged, ~4 ms per index probe at 1M units) into the indexes and gathers statistics (without them the
    /// planner chose full scans). Best effort, outside the committed write: a role that may write but not
    /// maintain the tables leaves this to autovacuum.
    func maintainAfterBulkWrite() {
        let schema = postgresLocation.schema
        let quoted = PostgresSchema.quoted(schema)
        var statements = ["SELECT gin_clean_pending_list('\(quoted).unit_target_stems'::regclass)"]
        if schemaVersion >= PostgresSchema.unitSourceVersion {
            statements.append("SELECT gin_clean_pending_list('\(quoted).unit_source_keys'::regclass)")
            statements.append("ANALYZE \(quoted).unit_source")
        }
        statements += ["ANALYZE \(quoted).unit", "ANALYZE \(quoted).token"]
        for statement in statements { try? session.execute(PostgresQuery(unsafeSQL: statement)) }
    }

    @discardableResult
    public func add(units: [TMXUnit], origin: String = "api", onDuplicate policy: DuplicatePolicy = .newest) throws
        -> ImportSummary
    {
        try checkWritable()
        return try withWriteTransaction { writer in
            guard let languages = writer.storedLanguages else {
                throw InputError(path: location, message: "set the memory's languages before adding units")
            }
            let importer = try PostgresImporter(
                writer: writer, origin: origin, policy: policy, languages: languages, units: units.count)
            do {
                for unit in units { try importer.add(unit) }
                try importer.finish()
            } catch {
                importer.abandon()
                throw error
            }
            return importer.summary
        }
    }

    /// Runs `body` in one transaction holding the writers' lock; rolls back on any failure (a lost connection
    /// included: the server drops an unfinished transaction).
    func withWriteTransaction<T>(_ body: (PostgresWriter) throws -> T) throws -> T {
        let key = PostgresSchema.lockKey(schema: postgresLocation.schema)
        try session.execute("BEGIN")
        do {
            try session.execute("SELECT pg_advisory_xact_lock(\(key))")
            let writer = try PostgresWriter(session: session, schema: schema, location: location)
            let result = try body(writer)
            try session.execute("COMMIT")
            // Followers may LISTEN instead of polling; the payload is the new change number.
            try? session.execute(PostgresQuery(
                unsafeSQL: "NOTIFY \(PostgresMemory.channel(schema: postgresLocation.schema)), '\(writer.change)'"))
            return result
        } catch {
            try? session.execute("ROLLBACK")
            throw error
        }
    }

    /// The LISTEN channel a memory's writes are announced on (payload: the change number).
    public static func channel(schema: String) -> String { "tlumach_tm_" + schema }

    // MARK: Reading

    public func count() throws -> Int {
        try scalar("SELECT count(*)::bigint FROM \(unescaped: schema).unit") ?? 0
    }

    func scalar(_ query: PostgresQuery) throws -> Int? {
        try session.run { connection, logger in
            var value: Int?
            for try await (number) in try await connection.query(query, logger: logger).decode(Int?.self) { value = number }
            return value
        }
    }

    public func unit(id: Int64) throws -> TMXUnit? {
        let schema = schema
        let xml = try session.run { connection, logger -> String? in
            var xml: String?
            for try await (text) in try await connection.query(
                "SELECT xml FROM \(unescaped: schema).unit WHERE id = \(id)", logger: logger
            ).decode(String.self) { xml = text }
            return xml
        }
        return try xml.map { try TMXReader.unit(fromFragment: $0) }
    }

    public func changeSequence() throws -> Int64 {
        Int64(try scalar(PostgresQuery(unsafeSQL: Self.lastChange(schema: schema))) ?? 0)
    }

    /// The last committed change number: every import, added batch and deletion takes the next one.
    static func lastChange(schema: String) -> String {
        """
        SELECT greatest((SELECT coalesce(max(change), 0) FROM \(schema).import),
        (SELECT coalesce(max(change), 0) FROM \(schema).deleted))::bigint
        """
    }

    /// Units stored or changed, and units deleted, by writes after change `after`, and the change number reached:
    /// what a follower applies to catch up.
    public func changes(after: Int64) throws -> (changed: [Int64], deleted: [Int64], reached: Int64) {
        let schema = schema
        return try session.run { connection, logger in
            try await connection.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", logger: logger)
            var reached: Int64 = after
            for try await (value) in try await connection.query(
                PostgresQuery(unsafeSQL: Self.lastChange(schema: schema)), logger: logger
            ).decode(Int64.self) { reached = value }
            var changed: [Int64] = []
            for try await (id) in try await connection.query(
                "SELECT id FROM \(unescaped: schema).unit WHERE change > \(after) ORDER BY id", logger: logger
            ).decode(Int64.self) { changed.append(id) }
            var deleted: [Int64] = []
            for try await (id) in try await connection.query(
                "SELECT id FROM \(unescaped: schema).deleted WHERE change > \(after) ORDER BY id", logger: logger
            ).decode(Int64.self) { deleted.append(id) }
            try await connection.query("COMMIT", logger: logger)
            return (changed, deleted, reached)
        }
    }

    /// The header kept from the first imported file, or a Tlumach header (as the SQLite store gives it).
    public func header() throws -> TMXHeader {
        if let stored = try meta()[MemorySchema.headerKey],
            let document = try? TMXReader.document(data: Data(stored.utf8), name: "<memory header>")
        {
            return document.header
        }
        return TMXHeader.tlumach(sourceLanguage: sourceLanguage ?? TMXLanguage.all)
    }

    /// Units with id above `after`, at most `limit`, in id order: (id, xml).
    func unitRows(after: Int64, limit: Int) throws -> [(Int64, String)] {
        let schema = schema
        return try session.run { connection, logger in
            var rows: [(Int64, String)] = []
            for try await (id, xml) in try await connection.query(
                "SELECT id, xml FROM \(unescaped: schema).unit WHERE id > \(after) ORDER BY id LIMIT \(limit)",
                logger: logger
            ).decode((Int64, String).self) { rows.append((id, xml)) }
            return rows
        }
    }

    @discardableResult
    public func export(to file: String, languages: [String]? = nil) throws -> Int {
        let writer = try TMXFileWriter(path: file, header: (try? header()) ?? TMXHeader.tlumach(sourceLanguage: sourceLanguage ?? TMXLanguage.all))
        var written = 0
        var after: Int64 = 0
        // One snapshot for the whole export: units written meanwhile by others are not half included.
        try session.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
        defer { try? session.execute("COMMIT") }
        while true {
            let rows = try unitRows(after: after, limit: 5000)
            guard let last = rows.last else { break }
            if let languages {
                for unit in try TMXReader.units(fromFragments: rows.map(\.1)) {
                    var filtered = unit
                    filtered.variants = unit.variants.filter { variant in
                        languages.contains { TMXLanguage.matches($0, variant.language) }
                    }
                    guard !filtered.variants.isEmpty else { continue }
                    try writer.write(filtered)
                    written += 1
                }
            } else {
                // Stored exactly as the writer serialises units: copied through, as the SQLite store does.
                for (_, xml) in rows { try writer.write(serializedUnit: xml) }
                written += rows.count
            }
            after = last.0
        }
        try writer.finish()
        return written
    }

    /// What `tm stats --verify` checks on a server (its pages are the server's business: amcheck): each unit's
    /// token arrays agree with one another and with the vocabulary, the document frequencies agree with the units,
    /// and every unit's TMX reads back. Empty when all is well; one line per kind of problem otherwise.
    public func verify() throws -> [String] {
        let schema = schema
        var problems: [String] = []
        try session.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
        defer { try? session.execute("COMMIT") }
        let ids = { (query: PostgresQuery) throws -> [Int64] in
            try self.session.run { connection, logger in
                var ids: [Int64] = []
                for try await (id) in try await connection.query(query, logger: logger).decode(Int64.self) { ids.append(id) }
                return ids
            }
        }
        let uneven = try ids("SELECT id FROM \(unescaped: schema).unit WHERE cardinality(words) <> cardinality(stems) ORDER BY id LIMIT 11")
        if !uneven.isEmpty { problems.append("units whose words and stems disagree: \(TranslationMemory.list(uneven))") }
        let unknown = try ids(
            """
            SELECT u.id FROM \(unescaped: schema).unit u WHERE EXISTS (SELECT 1 FROM unnest(u.words || u.stems || u.target_stems) t
            WHERE NOT EXISTS (SELECT 1 FROM \(unescaped: schema).token k WHERE k.id = t)) ORDER BY u.id LIMIT 11
            """)
        if !unknown.isEmpty { problems.append("units with tokens missing from the vocabulary: \(TranslationMemory.list(unknown))") }
        if schemaVersion >= PostgresSchema.unitSourceVersion {
            let astray = try ids(
                """
                SELECT coalesce(u.id, s.id) FROM \(unescaped: schema).unit u FULL JOIN \(unescaped: schema).unit_source s
                ON s.id = u.id WHERE u.stems IS DISTINCT FROM s.stems OR s.keys IS DISTINCT FROM
                ARRAY(SELECT DISTINCT t::bigint * 64 + least(cardinality(u.stems), 63) FROM unnest(u.stems) t ORDER BY 1)
                ORDER BY 1 LIMIT 11
                """)
            if !astray.isEmpty {
                problems.append("units whose search copy (unit_source) differs: \(TranslationMemory.list(astray))")
            }
        }
        let wrongFrequency =
            try scalar(
                """
                WITH s AS (SELECT t, count(*) AS n FROM \(unescaped: schema).unit, LATERAL (SELECT DISTINCT unnest(stems) AS t) d GROUP BY t),
                ts AS (SELECT t, count(*) AS n FROM \(unescaped: schema).unit, LATERAL (SELECT DISTINCT unnest(target_stems) AS t) d GROUP BY t)
                SELECT count(*)::bigint FROM \(unescaped: schema).token k LEFT JOIN s ON s.t = k.id LEFT JOIN ts ON ts.t = k.id
                WHERE k.df <> coalesce(s.n, 0) OR k.tdf <> coalesce(ts.n, 0)
                """) ?? 0
        if wrongFrequency > 0 { problems.append("\(wrongFrequency) tokens have frequencies that disagree with the units") }
        var unreadable: [Int64] = []
        var unreadableCount = 0
        var after: Int64 = 0
        while true {
            let rows = try unitRows(after: after, limit: 5000)
            guard let last = rows.last else { break }
            for (id, xml) in rows where (try? TMXReader.unit(fromFragment: xml)) == nil {
                unreadableCount += 1
                if unreadable.count < 11 { unreadable.append(id) }
            }
            after = last.0
        }
        if unreadableCount > 0 {
            problems.append("\(unreadableCount) units cannot be read back: \(TranslationMemory.list(unreadable))")
        }
        return problems
    }

    public func statistics() throws -> MemoryStatistics {
        let schema = schema
        let schemaName = postgresLocation.schema
        let meta = try meta()
        var statistics = try session.run { connection, logger in
            // One pass over the (wide) unit table for all its counts: four passes took 1.3 s at 1M units.
            var languages: [String: Int] = [:]
            var (units, withoutSource, withoutTarget) = (0, 0, 0)
            for try await (tags, count, noSource, noTarget) in try await connection.query(
                """
                SELECT languages, count(*)::bigint, (count(*) FILTER (WHERE cardinality(words) = 0))::bigint,
                (count(*) FILTER (WHERE target_text = ''))::bigint FROM \(unescaped: schema).unit GROUP BY languages
                """, logger: logger
            ).decode((String, Int, Int, Int).self) {
                for tag in Set(tags.split(separator: " ").map(String.init)) { languages[tag, default: 0] += count }
                units += count
                withoutSource += noSource
                withoutTarget += noTarget
            }
            func number(_ query: PostgresQuery) async throws -> Int {
                var value = 0
                for try await (number) in try await connection.query(query, logger: logger).decode(Int?.self) {
                    value = number ?? 0
                }
                return value
            }
            var lastImport: String?
            for try await (at) in try await connection.query(
                "SELECT at FROM \(unescaped: schema).import ORDER BY id DESC LIMIT 1", logger: logger
            ).decode(String.self) { lastImport = at }
            return MemoryStatistics(
                path: "", schemaVersion: "",
                sourceLanguage: nil, targetLanguage: nil,
                units: units, unitsWithoutSource: withoutSource, unitsWithoutTarget: withoutTarget,
                languages: languages,
                vocabulary: try await number("SELECT count(*)::bigint FROM \(unescaped: schema).token"),
                imports: try await number("SELECT count(*)::bigint FROM \(unescaped: schema).import"),
                lastImport: lastImport, created: nil,
                fileBytes: try await number(
                    """
                    SELECT sum(pg_total_relation_size(c.oid))::bigint FROM pg_class c
                    JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = \(schemaName) AND c.relkind = 'r'
                    """))
        }
        statistics.path = location
        statistics.schemaVersion = "v\(try PostgresSchema.version(session: session) ?? 0)"
        statistics.sourceLanguage = sourceLanguage
        statistics.targetLanguage = targetLanguage
        statistics.created = meta[MemorySchema.createdKey]
        return statistics
    }
}
