import Foundation
import PostgresNIO
import TlumachCore
import TlumachMemory
import TlumachTMX

/// What one write transaction (holding the writers' lock) knows of the memory.
final class PostgresWriter {
    let session: PostgresSession
    /// The quoted schema name (for SQL text), and the name itself.
    let schema: String
    var schemaName: String { String(schema.dropFirst().dropLast()) }
    let location: String
    let meta: [String: String]
    /// This write's change number: one more than the last committed one (writers are serialised by the lock).
    let change: Int64

    init(session: PostgresSession, schema: String, location: String) throws {
        self.session = session
        self.schema = schema
        self.location = location
        meta = try session.run { connection, logger in
            var result: [String: String] = [:]
            for try await (key, value) in try await connection.query(
                "SELECT key, value FROM \(unescaped: schema).meta", logger: logger
            ).decode((String, String).self) { result[key] = value }
            return result
        }
        change = try session.run { connection, logger in
            var value: Int64 = 0
            for try await (number) in try await connection.query(
                PostgresQuery(unsafeSQL: PostgresMemory.lastChange(schema: schema)), logger: logger
            ).decode(Int64.self) { value = number }
            return value + 1
        }
    }

    var storedLanguages: (source: String, target: String)? {
        guard let source = meta[MemorySchema.sourceLanguageKey], let target = meta[MemorySchema.targetLanguageKey]
        else { return nil }
        return (source, target)
    }

    func setMeta(_ key: String, _ value: String, replace: Bool) throws {
        let schema = schema
        try session.execute(
            replace
                ? "INSERT INTO \(unescaped: schema).meta(key, value) VALUES (\(key), \(value)) ON CONFLICT (key) DO UPDATE SET value = excluded.value"
                : "INSERT INTO \(unescaped: schema).meta(key, value) VALUES (\(key), \(value)) ON CONFLICT (key) DO NOTHING")
    }

    func setLanguagesIfNew(source: String, target: String) throws {
        guard storedLanguages == nil else { return }
        try setMeta(MemorySchema.sourceLanguageKey, source, replace: true)
        try setMeta(MemorySchema.targetLanguageKey, target, replace: true)
        try setMeta(MemorySchema.createdKey, TranslationMemory.timestamp(), replace: true)
    }

    func storeHeaderIfFirst(_ header: TMXHeader) throws {
        try setMeta(MemorySchema.headerKey, TMXWriter.prologue(header: header) + TMXWriter.epilogue, replace: false)
    }
}

/// Stores units in one write transaction, exactly as the SQLite store's `UnitImporter` does (the same preparation,
/// duplicate key, merge rules, token ids and unit ids), writing new rows with COPY in batches.
final class PostgresImporter {
    let writer: PostgresWriter
    let policy: DuplicatePolicy
    let sourceLanguage: String
    let targetLanguage: String
    let sourceTokenizer: MemoryTokenizer
    let targetTokenizer: MemoryTokenizer
    let vocabulary: ImportVocabulary
    let importID: Int64
    let origin: String
    var summary = ImportSummary()
    private var nextUnit: Int64
    /// The largest unit id before this write.
    let largestBefore: Int64
    private var scratch = PrepareScratch()
    /// Duplicate keys stored before this import (sorted) and copied to the server by it (those of pending units are
    /// the keys of `pendingByHash`).
    private var storedHashes: [Int64] = []
    private var copiedHashes = Set<Int64>()
    /// Duplicates whose candidates include units on the server, met while a batch was being copied: resolved in
    /// order once it is in (`resolveDeferred`).
    private var deferred: [PreparedUnit] = []
    /// Units added and not yet copied to the server, and where each duplicate key is among them.
    private var pending: [PendingUnit] = []
    private var pendingByHash: [Int64: [Int]] = [:]
    /// Units whose stems (source side 0, target side 1) contain each token, added by this import.
    private var frequencies: [[Int64]] = [[], []]
    private var longest = 0
    static let batchSize = 5000
    /// Units per COPY batch (tests make it small to have many batches in flight).
    let batchSize: Int
    /// The COPY of the last batch, still running on the server while the next batch is prepared here (the
    /// server's share of an import is the larger one: overlapped, the client's work costs no wall time). Waited for
    /// before the connection's next use.
    private var copying: PendingWork?

    struct PendingUnit {
        var id: Int64
        var prepared: PreparedUnit
    }

    /// Writes of at most this many units look up only the tokens and duplicate keys they meet (a round trip each)
    /// instead of reading the memory's whole vocabulary and key list (seconds at a million units).
    static let smallWrite = 1_000
    /// Set when this is such a write.
    private let lookupFailure: LookupFailure?

    /// Whether this write may build the deferrable indexes after its COPY (`PostgresImporter.deferredIndexes`):
    /// only an import of a file, and only into a memory that was empty when it began (under the writers' lock).
    private var mayDeferIndexes: Bool
    /// The definitions of the indexes this write dropped, to be built again before it commits.
    private var droppedIndexes: [String] = []
    /// Whether the duplicate reads have been kept off sequential scans for the rest of the transaction.
    private var seqscanOff = false

    /// Indexes a first import into an empty memory drops before its first COPY and builds after its last, in its
    /// transaction: maintained row by row they were most of the server's COPY cost (at 200k rows, `unit` took 3.3
    /// server CPU-s with its indexes, 1.35 s without; `unit_source` ~2 s with its GIN). Not `unit_pair_hash`: the
    /// import's own duplicate reads need it. Primary keys stay.
    static let deferredIndexes = ["unit_target_stems", "unit_change", "unit_source_keys"]

    final class LookupFailure {
        var error: (any Error)?
    }

    init(
        writer: PostgresWriter, origin: String, policy: DuplicatePolicy, languages: (source: String, target: String),
        units: Int? = nil, batchSize: Int = PostgresImporter.batchSize, mayDeferIndexes: Bool = false
    ) throws {
        self.writer = writer
        self.batchSize = batchSize
        self.origin = origin
        self.policy = policy
        sourceLanguage = languages.source
        targetLanguage = languages.target
        sourceTokenizer = try MemoryTokenizer(language: languages.source)
        targetTokenizer = try MemoryTokenizer(language: languages.target)
        for (key, identifier) in [
            (MemorySchema.sourceStemmerKey, sourceTokenizer.stemmer.identifier),
            (MemorySchema.targetStemmerKey, targetTokenizer.stemmer.identifier),
        ] {
            if let stored = writer.meta[key] {
                if stored != identifier { throw MemoryError.stemmerChanged(stored: stored, current: identifier) }
            } else {
                try writer.setMeta(key, identifier, replace: false)
            }
        }
        let schema = writer.schema
        let small = (units ?? Int.max) <= Self.smallWrite
        let loadHashes = policy != .both && !small
        let (tokens, maxToken, maxUnit, maxImport, hashes) = try writer.session.run { connection, logger in
            var tokens: [(id: UInt32, text: String)] = []
            var maxToken: Int64 = 0
            if small {
                for try await (value) in try await connection.query(
                    "SELECT coalesce(max(id), 0)::bigint FROM \(unescaped: schema).token", logger: logger
                ).decode(Int64.self) { maxToken = value }
            } else {
                for try await (id, text) in try await connection.query(
                    "SELECT id, text FROM \(unescaped: schema).token", logger: logger
                ).decode((Int32, String).self) { tokens.append((UInt32(bitPattern: id), text)) }
            }
            var maxUnit: Int64 = 0
            for try await (value) in try await connection.query(
                "SELECT coalesce(max(id), 0)::bigint FROM \(unescaped: schema).unit", logger: logger
            ).decode(Int64.self) { maxUnit = value }
            var maxImport: Int64 = 0
            for try await (value) in try await connection.query(
                "SELECT coalesce(max(id), 0)::bigint FROM \(unescaped: schema).import", logger: logger
            ).decode(Int64.self) { maxImport = value }
            var hashes: [Int64] = []
            if loadHashes {
                for try await (hash) in try await connection.query(
                    "SELECT pair_hash FROM \(unescaped: schema).unit ORDER BY pair_hash", logger: logger
                ).decode(Int64.self) { hashes.append(hash) }
            }
            return (tokens, maxToken, maxUnit, maxImport, hashes)
        }
        if small {
            let failure = LookupFailure()
            let session = writer.session
            vocabulary = ImportVocabulary(firstNewToken: UInt32(truncatingIfNeeded: maxToken + 1)) { text in
                guard failure.error == nil else { return nil }
                do {
                    return try session.run { connection, logger in
                        var id: UInt32?
                        for try await (value) in try await connection.query(
                            "SELECT id FROM \(unescaped: schema).token WHERE text = \(text)", logger: logger
                        ).decode(Int32.self) { id = UInt32(bitPattern: value) }
                        return id
                    }
                } catch {
                    failure.error = error
                    return nil
                }
            }
            lookupFailure = failure
        } else {
            vocabulary = ImportVocabulary(tokens: tokens)
            lookupFailure = nil
        }
        nextUnit = maxUnit + 1
        largestBefore = maxUnit
        // max(id) is 0 only when `unit` has no row; writers hold the lock, so none can add one meanwhile.
        self.mayDeferIndexes = mayDeferIndexes && !small && maxUnit == 0
        importID = maxImport + 1
        storedHashes = hashes
    }

    func add(_ unit: TMXUnit) throws {
        let prepared = UnitImporter.prepare(
            unit, source: sourceTokenizer, target: targetTokenizer, vocabulary: vocabulary, scratch: &scratch)
        // A token looked up in vain would be stored twice: the write stops instead.
        if let error = lookupFailure?.error { throw error }
        try store(prepared)
    }

    private func store(_ prepared: PreparedUnit) throws {
        summary.read += 1
        let hash = prepared.pairHash
        if policy != .both {
            if needsServer(hash) {
                // Its candidates include units on the server. Looked up one by one, a duplicate every few dozen
                // units waited for the batch being copied (the server then idle while the client prepared, the
                // client idle while the server copied) and cost two round trips. Resolved instead, in the order
                // they came, with the next batch (or a batch's worth of them at once). A small write (a unit
                // added by hand or by the server) still resolves each at once.
                deferred.append(prepared)
                if lookupFailure != nil {
                    try resolveDeferred()
                } else if deferred.count >= batchSize {
                    try copied()
                    try resolveDeferred()
                }
                return
            }
            if let indexes = pendingByHash[hash] {
                let candidates = indexes.map { Candidate(id: pending[$0].id, xml: pending[$0].prepared.xml, importID: importID, pendingIndex: $0) }
                var updates: [Int64: MergedRow] = [:]
                var none: [Candidate] = []
                if try merge(prepared, server: &none, pendingCandidates: candidates, updates: &updates) { return }
            }
        }
        try add(new: prepared)
    }

    /// A unit stored as new: it takes the next id and waits in `pending` for its batch.
    private func add(new prepared: PreparedUnit, flushing: Bool = true) throws {
        if !prepared.hasSource { summary.withoutSource += 1 }
        let id = nextUnit
        guard id < Int64(UInt32.max) else { throw MemoryError.full }
        nextUnit += 1
        count(prepared.tokens.stems, side: 0)
        count(prepared.tokens.targetStems, side: 1)
        longest = max(longest, prepared.tokens.stems.count)
        pendingByHash[prepared.pairHash, default: []].append(pending.count)
        pending.append(PendingUnit(id: id, prepared: prepared))
        summary.added += 1
        if flushing, pending.count >= batchSize { try flush() }
    }

    /// Whether units on the server (stored before this write, or copied by it) may share the duplicate key `hash`.
    /// A small write did not read the stored keys: the look-up by key (indexed) answers instead.
    private func needsServer(_ hash: Int64) -> Bool {
        lookupFailure != nil || UnitImporter.isKnown(hash, stored: storedHashes, added: copiedHashes)
    }

    struct Candidate {
        var id: Int64
        var xml: String
        var importID: Int64
        var pendingIndex: Int?
    }

    struct MergedRow {
        var tuid: String?
        var latestDate: String?
        var languages: String
        var xml: String
    }

    /// Merges `prepared` into the first candidate with the same segments, as `UnitImporter` does: candidates in id
    /// order, those on the server (`server`, updated in place as merges change them, changes gathered in
    /// `updates`) before those pending here. False when none has its segments (it is a new unit).
    private func merge(
        _ prepared: PreparedUnit, server: inout [Candidate], pendingCandidates: [Candidate],
        updates: inout [Int64: MergedRow]
    ) throws -> Bool {
        let candidates = server + pendingCandidates
        for candidate in candidates where candidate.xml == prepared.xml {
            countDuplicate(of: candidate.importID, identical: true)
            return true
        }
        let unit = try TMXReader.unit(fromFragment: prepared.xml)
        let sourceSegment = unit.variantIndex(for: sourceLanguage).map { unit.variants[$0].segment }
        let targetSegment = unit.variantIndex(for: targetLanguage).map { unit.variants[$0].segment }
        for (position, candidate) in candidates.enumerated() {
            guard let existing = try? TMXReader.unit(fromFragment: candidate.xml) else { continue }
            let existingSource = existing.variantIndex(for: sourceLanguage).map { existing.variants[$0].segment }
            let existingTarget = existing.variantIndex(for: targetLanguage).map { existing.variants[$0].segment }
            guard existingSource == sourceSegment && existingTarget == targetSegment else { continue }
            let merged = UnitImporter.resolve(existing: existing, incoming: unit, policy: policy)
            countDuplicate(of: candidate.importID, identical: false)
            if let merged, merged != existing {
                let row = MergedRow(
                    tuid: merged.tuid, latestDate: merged.latestDate, languages: UnitImporter.languages(of: merged),
                    xml: TMXWriter.xml(for: merged))
                if let index = candidate.pendingIndex {
                    pending[index].prepared.tuid = row.tuid
                    pending[index].prepared.latestDate = row.latestDate
                    pending[index].prepared.languages = row.languages
                    pending[index].prepared.xml = row.xml
                } else {
                    server[position].xml = row.xml
                    updates[candidate.id] = row
                }
            }
            return true
        }
        return false
    }

    /// Resolves the deferred units in the order they came: their candidates on the server read in one statement,
    /// the merged rows written in one. Needs the connection free (no batch in flight).
    private func resolveDeferred() throws {
        guard !deferred.isEmpty else { return }
        let units = deferred
        deferred.removeAll()
        let hashes = Array(Set(units.map(\.pairHash)))
        let schema = writer.schema
        if !seqscanOff && lookupFailure == nil {
            // Mid-import the planner has no statistics for the rows just copied: estimating 0.5 % of the table per
            // key, it read the whole table for a few hundred keys (220-310 ms each, 26 of ~200 reads at 1M units).
            // Off for the rest of this write's batches: its later reads and updates are by key too.
            try writer.session.execute("SET LOCAL enable_seqscan = off")
            seqscanOff = true
        }
        let rows = try writer.session.run { connection, logger in
            var rows: [(hash: Int64, id: Int64, xml: String, importID: Int64)] = []
            for try await (hash, id, xml, importID) in try await connection.query(
                "SELECT pair_hash, id, xml, import_id FROM \(unescaped: schema).unit WHERE pair_hash = ANY(\(hashes)::bigint[]) ORDER BY id",
                logger: logger
            ).decode((Int64, Int64, String, Int64).self) { rows.append((hash, id, xml, importID)) }
            return rows
        }
        var server: [Int64: [Candidate]] = [:]
        for row in rows { server[row.hash, default: []].append(Candidate(id: row.id, xml: row.xml, importID: row.importID)) }
        var updates: [Int64: MergedRow] = [:]
        for prepared in units {
            let hash = prepared.pairHash
            var candidates = server[hash] ?? []
            let pendingCandidates = (pendingByHash[hash] ?? []).map {
                Candidate(id: pending[$0].id, xml: pending[$0].prepared.xml, importID: importID, pendingIndex: $0)
            }
            let merged = try merge(prepared, server: &candidates, pendingCandidates: pendingCandidates, updates: &updates)
            server[hash] = candidates
            // Only when the key matched no unit's segments (a hash collision, or a small write's new unit). In a
            // batched resolution it takes its id now, after the units read meanwhile: stored, not lost.
            if !merged { try add(new: prepared, flushing: false) }
        }
        guard !updates.isEmpty else { return }
        let ids = updates.keys.sorted()
        let rowsToWrite = ids.compactMap { updates[$0] }
        let tuids = rowsToWrite.map { $0.tuid ?? "" }
        let hasTUID = rowsToWrite.map { $0.tuid != nil }
        let dates = rowsToWrite.map { $0.latestDate ?? "" }
        let hasDate = rowsToWrite.map { $0.latestDate != nil }
        let languages = rowsToWrite.map(\.languages)
        let xmls = rowsToWrite.map(\.xml)
        try writer.session.execute(
            """
            UPDATE \(unescaped: schema).unit u SET tuid = CASE WHEN d.has_tuid THEN d.tuid END,
            latest_date = CASE WHEN d.has_date THEN d.latest_date END, languages = d.languages, xml = d.xml,
            change = \(writer.change)
            FROM unnest(\(ids)::bigint[], \(tuids)::text[], \(hasTUID)::boolean[], \(dates)::text[], \(hasDate)::boolean[],
            \(languages)::text[], \(xmls)::text[]) AS d(id, tuid, has_tuid, latest_date, has_date, languages, xml)
            WHERE u.id = d.id
            """)
    }

    private func count(_ tokens: [UInt32], side: Int) {
        for (index, token) in tokens.enumerated() where !tokens[..<index].contains(token) {
            let slot = Int(token)
            if slot >= frequencies[side].count {
                frequencies[side].append(contentsOf: repeatElement(0, count: max(slot + 1 - frequencies[side].count, 1024)))
            }
            frequencies[side][slot] += 1
        }
    }

    private func countDuplicate(of keptImport: Int64, identical: Bool) {
        summary.merged += 1
        if identical { summary.identical += 1 }
        if keptImport != importID { summary.mergedIntoStored += 1 }
    }

    /// Copies the pending units to the server. `full`: a whole batch (an import this large pays for building the
    /// deferrable indexes in one go).
    private func flush(full: Bool = true) throws {
        if !deferred.isEmpty {
            try copied()
            try resolveDeferred()
        }
        guard !pending.isEmpty else { return }
        if full && mayDeferIndexes && droppedIndexes.isEmpty {
            try copied()
            try dropDeferredIndexes()
        }
        var text = CopyText()
        var sourceText = CopyText()
        for unit in pending {
            let prepared = unit.prepared
            copiedHashes.insert(prepared.pairHash)
            sourceText.number(unit.id)
            sourceText.array(prepared.tokens.stems)
            sourceText.lastArray(UnitSource.keys(stems: prepared.tokens.stems))
            text.number(unit.id)
            text.field(prepared.tuid)
            text.field(prepared.sourceText)
            text.field(prepared.targetText)
            text.number(prepared.pairHash)
            text.field(prepared.latestDate)
            text.field(prepared.languages)
            text.number(prepared.sourceCodes)
            text.number(importID)
            text.field(prepared.xml)
            text.array(prepared.tokens.words)
            text.array(prepared.tokens.stems)
            text.array(prepared.tokens.targetStems)
            text.lastNumber(writer.change)
        }
        pending.removeAll(keepingCapacity: true)
        pendingByHash.removeAll(keepingCapacity: true)
        try copied()
        let unitRows = ByteBuffer(bytes: text.bytes)
        let sourceRows = ByteBuffer(bytes: sourceText.bytes)
        let unitTable = qualified("unit")
        let sourceTable = qualified("unit_source")
        copying = writer.session.start { connection, logger in
            try await connection.copyFrom(table: unitTable, columns: Self.unitColumns, logger: logger) { copyWriter in
                try await copyWriter.write(unitRows)
            }
            try await connection.copyFrom(table: sourceTable, columns: ["id", "stems", "keys"], logger: logger) { copyWriter in
                try await copyWriter.write(sourceRows)
            }
        }
    }

    /// Drops the deferrable indexes, if `unit` and `unit_source` can be locked at once (ACCESS EXCLUSIVE, held to
    /// the end of the transaction: readers of the memory wait for this import to commit or roll back, and never
    /// see it without its indexes). NOWAIT: a reader holding one table while it asks for the other would otherwise
    /// deadlock with this write; when a lock is not free now, this batch is copied with the indexes in place and
    /// the next batch tries again. A role that may write but does not own the tables keeps them for the whole
    /// import. DDL is transactional: a write rolled back leaves the indexes as they were.
    private func dropDeferredIndexes() throws {
        let schema = writer.schema
        let schemaName = writer.schemaName
        let names = Self.deferredIndexes
        let session = writer.session
        try session.execute("SAVEPOINT tlumach_defer_indexes")
        do {
            try session.execute(PostgresQuery(
                unsafeSQL: "LOCK TABLE \(schema).unit, \(schema).unit_source IN ACCESS EXCLUSIVE MODE NOWAIT"))
            // The definitions as the schema has them (its migrations made them), to be built again as they were.
            let definitions = try session.run { connection, logger in
                var found: [String] = []
                for try await (definition) in try await connection.query(
                    "SELECT indexdef FROM pg_indexes WHERE schemaname = \(schemaName) AND indexname = ANY(\(names)::text[]) ORDER BY indexname",
                    logger: logger
                ).decode(String.self) { found.append(definition) }
                return found
            }
            if !definitions.isEmpty {
                let dropped = names.map { "\(schema).\($0)" }.joined(separator: ", ")
                try session.execute(PostgresQuery(unsafeSQL: "DROP INDEX IF EXISTS \(dropped)"))
            }
            try session.execute("RELEASE SAVEPOINT tlumach_defer_indexes")
            droppedIndexes = definitions
            if definitions.isEmpty { mayDeferIndexes = false }
        } catch let error as PSQLError where ["55P03", "42501"].contains(error.serverInfo?[.sqlState] ?? "") {
            // lock_not_available: the next batch tries again; insufficient_privilege: not this import.
            try session.execute("ROLLBACK TO SAVEPOINT tlumach_defer_indexes")
            try session.execute("RELEASE SAVEPOINT tlumach_defer_indexes")
            if error.serverInfo?[.sqlState] == "42501" { mayDeferIndexes = false }
        }
    }

    /// Builds the indexes this write dropped, with at least 256 MB of sort memory for this transaction (a GIN index
    /// built in bulk gathers its entries there).
    private func buildDroppedIndexes() throws {
        guard !droppedIndexes.isEmpty else { return }
        try writer.session.execute(
            """
            SELECT set_config('maintenance_work_mem', '256MB', true)
            WHERE pg_size_bytes(current_setting('maintenance_work_mem')) < 256 * 1024 * 1024
            """)
        for definition in droppedIndexes { try writer.session.execute(PostgresQuery(unsafeSQL: definition)) }
        droppedIndexes = []
        mayDeferIndexes = false
    }

    static let unitColumns = [
        "id", "tuid", "source_text", "target_text", "pair_hash", "latest_date", "languages", "source_codes",
        "import_id", "xml", "words", "stems", "target_stems", "change",
    ]

    /// Lets a batch being copied end (its outcome no longer matters) before the caller rolls the write back.
    func abandon() { try? copied() }

    /// Waits for the batch being copied, if any.
    private func copied() throws {
        defer { copying = nil }
        try copying?.wait()
    }

    /// The name of `table` as `copyFrom` wants it: it wraps the name in double quotes as given, so `plain"."table`
    /// makes it "plain"."table" (schema names are plain, PostgresLocation checks them).
    private func qualified(_ table: String) -> String { writer.schemaName + "\".\"" + table }

    private func copy(table: String, columns: [String], _ text: CopyText) throws {
        let buffer = ByteBuffer(bytes: text.bytes)
        let table = qualified(table)
        try writer.session.run { connection, logger in
            try await connection.copyFrom(table: table, columns: columns, logger: logger) { copyWriter in
                try await copyWriter.write(buffer)
            }
        }
    }

    /// Copies what is left, writes the new vocabulary and frequencies, and records the import.
    func finish() throws {
        try flush(full: false)
        try copied()
        try buildDroppedIndexes()
        // The frequencies' update below joins many rows at once: the planner chooses freely again.
        if seqscanOff { try writer.session.execute("SET LOCAL enable_seqscan TO DEFAULT") }
        let firstNew = vocabulary.firstNewToken
        func frequency(_ side: Int, _ token: UInt32) -> Int64 {
            Int(token) < frequencies[side].count ? frequencies[side][Int(token)] : 0
        }
        if !vocabulary.newTokens.isEmpty {
            var text = CopyText()
            for (offset, token) in vocabulary.newTokens.enumerated() {
                let id = firstNew + UInt32(offset)
                text.field(String(id))
                text.field(token)
                text.field(String(frequency(0, id)))
                text.last(String(frequency(1, id)))
            }
            try copy(table: "token", columns: ["id", "text", "df", "tdf"], text)
        }
        // Tokens the memory had already: their frequencies grow by what this import added.
        var ids: [Int32] = []
        var dfs: [Int64] = []
        var tdfs: [Int64] = []
        for token in 0..<min(Int(firstNew), max(frequencies[0].count, frequencies[1].count)) {
            let df = frequency(0, UInt32(token))
            let tdf = frequency(1, UInt32(token))
            if df > 0 || tdf > 0 {
                ids.append(Int32(token))
                dfs.append(df)
                tdfs.append(tdf)
            }
        }
        let schema = writer.schema
        if !ids.isEmpty {
            try writer.session.execute(
                """
                UPDATE \(unescaped: schema).token t SET df = t.df + d.df, tdf = t.tdf + d.tdf
                FROM unnest(\(ids)::integer[], \(dfs)::bigint[], \(tdfs)::bigint[]) AS d(id, df, tdf) WHERE t.id = d.id
                """)
        }
        try writer.session.execute(
            """
            INSERT INTO \(unescaped: schema).import(id, origin, at, read, added, merged, change)
            VALUES (\(importID), \(origin), \(TranslationMemory.timestamp()), \(summary.read), \(summary.added),
            \(summary.merged), \(writer.change))
            """)
        let longestStored = Int(writer.meta[PostgresMemory.longestSourceKey] ?? "0") ?? 0
        if longest > longestStored {
            try writer.setMeta(PostgresMemory.longestSourceKey, String(longest), replace: true)
        }
    }
}

/// The row of `unit_source` (schema version 4) a unit's source stems make.
enum UnitSource {
    /// Units of this many stems and more share one length in the keys.
    static let lengthCap = 63

    /// Each distinct stem with the unit's length in stems: stem·64 + min(length, 63), ascending; the stem taken as
    /// the signed `integer` the server stores (so that this equals migration 4's SQL for every id).
    static func keys(stems: [UInt32]) -> [Int64] {
        let length = Int64(min(stems.count, lengthCap))
        var keys = stems.map { Int64(Int32(bitPattern: $0)) * 64 + length }
        keys.sort()
        var kept = 0
        for key in keys where kept == 0 || keys[kept - 1] != key {
            keys[kept] = key
            kept += 1
        }
        keys.removeLast(keys.count - kept)
        return keys
    }
}

extension PostgresMemory {
    /// Meta key: the most source stems any unit has (a query far longer than that matches nothing).
    static let longestSourceKey = "longest_source_stems"
}

/// Rows in COPY's text format: tab between fields, newline after each row, `\N` for NULL, backslash escapes.
struct CopyText {
    var bytes: [UInt8] = []

    init() { bytes.reserveCapacity(1 << 20) }

    mutating func field(_ value: String?) {
        append(value)
        bytes.append(0x09)
    }

    mutating func last(_ value: String?) {
        append(value)
        bytes.append(0x0A)
    }

    mutating func array(_ tokens: [UInt32]) {
        appendArray(tokens)
        bytes.append(0x09)
    }

    mutating func lastArray<Element: BinaryInteger>(_ values: [Element]) {
        appendArray(values)
        bytes.append(0x0A)
    }

    private mutating func appendArray<Element: BinaryInteger>(_ tokens: [Element]) {
        bytes.append(UInt8(ascii: "{"))
        for (index, token) in tokens.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            appendDecimal(Int64(token))
        }
        bytes.append(UInt8(ascii: "}"))
    }

    /// A number field without a String per number (an import writes some 40 numbers a unit).
    mutating func number<Element: BinaryInteger>(_ value: Element) {
        appendDecimal(Int64(value))
        bytes.append(0x09)
    }

    mutating func lastNumber<Element: BinaryInteger>(_ value: Element) {
        appendDecimal(Int64(value))
        bytes.append(0x0A)
    }

    /// The decimal digits of `value`, as `String(value)` writes them.
    mutating func appendDecimal(_ value: Int64) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        let start = bytes.count
        var magnitude = value.magnitude
        repeat {
            bytes.append(UInt8(ascii: "0") + UInt8(magnitude % 10))
            magnitude /= 10
        } while magnitude > 0
        bytes[start...].reverse()
    }

    private mutating func append(_ value: String?) {
        guard var value else {
            bytes.append(contentsOf: [0x5C, UInt8(ascii: "N")])
            return
        }
        value.withUTF8 { utf8 in
            // Runs without a byte to escape are copied whole (a byte at a time was 4.5 % of the client's import CPU).
            var runStart = 0
            for (offset, byte) in utf8.enumerated() where byte == 0x5C || byte == 0x0A || byte == 0x0D || byte == 0x09 {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<offset]))
                switch byte {
                case 0x5C: bytes.append(contentsOf: [0x5C, 0x5C])
                case 0x0A: bytes.append(contentsOf: [0x5C, UInt8(ascii: "n")])
                case 0x0D: bytes.append(contentsOf: [0x5C, UInt8(ascii: "r")])
                default: bytes.append(contentsOf: [0x5C, UInt8(ascii: "t")])
                }
                runStart = offset + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...]))
        }
    }
}
