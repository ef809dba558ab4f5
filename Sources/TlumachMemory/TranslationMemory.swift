import Foundation
import GRDB
import TlumachCore
import TlumachTMX

/// What to do when an imported unit has the same source and target segments (text and inline codes) as one in the
/// memory, or as one earlier in the same import.
public enum DuplicatePolicy: String, Sendable, CaseIterable {
    /// Keep the unit with the later changedate/creationdate (the incoming one on a tie); languages only the other
    /// carried are added to it. The default.
    case newest
    /// Keep the unit already stored; drop the incoming one.
    case existing
    /// The incoming unit replaces the stored one.
    case incoming
    /// Keep both as separate units.
    case both
}

/// Counts from one import.
public struct ImportSummary: Sendable, Equatable {
    /// Units read from the input.
    public var read = 0
    /// Units stored as new.
    public var added = 0
    /// Units that duplicated a kept one (same source and target segments, inline codes included): a unit stored
    /// before, or one earlier in the same import. Under `.newest` (the default) each is merged into the unit kept:
    /// its other languages, its tuid (as a `x-tlumach-merged-tuid` prop), props and notes are added to it, so
    /// nothing it carried is lost. Under `.existing` it is dropped; under `.incoming` it replaces the stored unit.
    public var merged = 0
    /// Of `merged`: units byte for byte identical to the unit kept (nothing to merge).
    public var identical = 0
    /// Of `merged`: duplicates of units the memory held before this import (the rest were within the import).
    public var mergedIntoStored = 0
    /// Units without a segment in the memory's source language: stored, but not searchable.
    public var withoutSource = 0

    public init() {}
}

/// A translation memory: one SQLite file (WAL, versioned schema) holding TMX units losslessly, with a persistent
/// inverted index over stems for fuzzy search and concordance.
///
/// Every import is one transaction: a crash, a kill or a malformed file leaves the memory as it was before that
/// import began; imports committed earlier are never touched.
public final class TranslationMemory {
    public let path: String
    let database: DatabaseQueue
    public private(set) var sourceLanguage: String?
    public private(set) var targetLanguage: String?

    /// Opened with `.read`: every write is refused (reads run under SQLite's `query_only` in GRDB's read blocks).
    var readOnly = false

    /// Refuses a write to a memory opened for reading.
    func checkWritable() throws {
        if readOnly { throw InputError(path: path, message: "the memory was opened read-only") }
    }

    /// The file actually open: `path`, or the temporary file a new memory is built in until its first import ends.
    let filePath: String

    init(path: String, reportedPath: String, database: DatabaseQueue) {
        self.path = reportedPath
        self.filePath = path
        self.database = database
    }

    /// Opens the memory at `path`, creating an empty one when `create` is true and there is no file or an empty
    /// file there (`open(path:access:)`).
    public static func open(path: String, create: Bool = true) throws -> TranslationMemory {
        try open(path: path, access: create ? .create : .write)
    }

    /// Page size of new memory files.
    static let pageSize = 8192

    func loadLanguages() throws {
        try database.read { db in
            sourceLanguage = try String.fetchOne(
                db, sql: "SELECT value FROM meta WHERE key = ?", arguments: [MemorySchema.sourceLanguageKey])
            targetLanguage = try String.fetchOne(
                db, sql: "SELECT value FROM meta WHERE key = ?", arguments: [MemorySchema.targetLanguageKey])
        }
    }

    /// Sets the languages of an empty memory. A memory keeps the pair it was created with.
    public func setLanguages(source: String, target: String) throws {
        try checkWritable()
        if let sourceLanguage, let targetLanguage {
            guard TMXLanguage.matches(sourceLanguage, source) && TMXLanguage.matches(targetLanguage, target) else {
                throw InputError(
                    path: path,
                    message: "this memory is \(sourceLanguage)→\(targetLanguage), not \(source)→\(target)")
            }
            return
        }
        guard source != TMXLanguage.all, !source.isEmpty, !target.isEmpty, !TMXLanguage.matches(source, target) else {
            throw InputError(path: path, message: "a memory needs two different languages, not \(source)→\(target)")
        }
        try database.write { db in
            for (key, value) in [
                (MemorySchema.sourceLanguageKey, source), (MemorySchema.targetLanguageKey, target),
                (MemorySchema.createdKey, Self.timestamp()),
            ] {
                try db.execute(sql: "INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", arguments: [key, value])
            }
        }
        sourceLanguage = source
        targetLanguage = target
    }

    /// Now as a TMX date: YYYYMMDDThhmmssZ.
    public static func timestamp(_ date: Date = Date()) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        return formatter.string(from: date)
    }

    // MARK: Import

    /// Imports a TMX file in one transaction. Languages come from the memory, else from the arguments, else from
    /// the file (its srclang, and the other language of its first unit). `progress` receives the units read so far
    /// and the line reached. One thread parses and tokenises while this one writes, so an import uses two cores.
    @discardableResult
    public func importTMX(
        path file: String, sourceLanguage source: String? = nil, targetLanguage target: String? = nil,
        onDuplicate policy: DuplicatePolicy = .newest, progress: ((_ units: Int, _ line: Int) -> Void)? = nil
    ) throws -> ImportSummary {
        let languages: (source: String, target: String)
        try checkWritable()
        var newLanguages = false
        if let sourceLanguage, let targetLanguage {
            if let source, let target,
                !(TMXLanguage.matches(sourceLanguage, source) && TMXLanguage.matches(targetLanguage, target))
            {
                throw InputError(
                    path: path, message: "this memory is \(sourceLanguage)→\(targetLanguage), not \(source)→\(target)")
            }
            languages = (sourceLanguage, targetLanguage)
        } else if let source, let target {
            languages = (source, target)
            newLanguages = true
        } else {
            guard let inferred = try Self.peekLanguages(file: file, source: source, target: target) else {
                return ImportSummary()  // a file without units
            }
            languages = inferred
            newLanguages = true
        }
        if newLanguages {
            guard languages.source != TMXLanguage.all, !TMXLanguage.matches(languages.source, languages.target) else {
                throw InputError(
                    path: file, message: "a memory needs two different languages, not \(languages.source)→\(languages.target)")
            }
        }
        let sourceTokenizer = try MemoryTokenizer(language: languages.source)
        let targetTokenizer = try MemoryTokenizer(language: languages.target)
        return try database.write { db in
            if newLanguages {
                for (key, value) in [
                    (MemorySchema.sourceLanguageKey, languages.source), (MemorySchema.targetLanguageKey, languages.target),
                    (MemorySchema.createdKey, Self.timestamp()),
                ] {
                    try db.execute(sql: "INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", arguments: [key, value])
                }
                self.sourceLanguage = languages.source
                self.targetLanguage = languages.target
            }
            let importer = try UnitImporter(memory: self, db: db, origin: file, policy: policy)
            // The parser thread parses, folds and word-breaks; this one looks words up, stems new ones and writes.
            let queue = PreparedBatches()
            // The vocabulary is the parser thread's until it ends (`waitUntilParserEnds` orders its writes before
            // `finish` reads them); nothing on this thread touches it meanwhile.
            let vocabulary = UncheckedSendable(importer.vocabulary)
            let parser = Thread {
                do {
                    var scratch = PrepareScratch()
                    var batch: [PreparedUnit] = []
                    batch.reserveCapacity(PreparedBatches.batchSize)
                    try TMXReader.read(
                        path: file, header: { header, _ in queue.setHeader(header) },
                        unit: { unit, line in
                            batch.append(
                                UnitImporter.prepare(
                                    unit, source: sourceTokenizer, target: targetTokenizer,
                                    vocabulary: vocabulary.value, scratch: &scratch))
                            if batch.count == PreparedBatches.batchSize {
                                try queue.push(batch, line: line)
                                batch.removeAll(keepingCapacity: true)
                            }
                        })
                    if !batch.isEmpty { try queue.push(batch, line: 0) }
                    queue.finish(nil)
                } catch {
                    queue.finish(error)
                }
            }
            parser.stackSize = 8 << 20
            parser.start()
            defer {
                // Never leave the parser running behind a failed import.
                queue.cancel()
                queue.waitUntilParserEnds()
            }
            while let (batch, line) = try queue.pop() {
                for prepared in batch { try importer.store(prepared) }
                // Freed by the thread that allocated it: glibc's malloc is far slower when the two threads' frees
                // and allocations meet in one arena (profiled at a million units).
                queue.recycle(batch)
                progress?(importer.summary.read, line)
            }
            queue.waitUntilParserEnds()
            if let header = queue.header { try importer.storeHeaderIfFirst(header) }
            try importer.finish()
            return importer.summary
        }
    }

    /// The languages of a file, from its header and first unit (reading no further).
    package static func peekLanguages(
        file: String, source: String?, target: String?
    ) throws -> (source: String, target: String)? {
        struct Enough: Error {}
        var header = TMXHeader()
        var first: TMXUnit?
        do {
            try TMXReader.read(
                path: file, header: { parsed, _ in header = parsed },
                unit: { unit, _ in
                    first = unit
                    throw Enough()
                })
        } catch is Enough {}
        guard let unit = first else { return nil }
        var source = source ?? header.sourceLanguage.flatMap { $0 == TMXLanguage.all ? nil : $0 }
        if source == nil, let unitSource = unit.attributes["srclang"], unitSource != TMXLanguage.all {
            source = unitSource
        }
        if source == nil { source = unit.variants.first?.language }
        guard let source else { throw InputError(path: file, message: "cannot tell the source language") }
        let target =
            target ?? unit.variants.first(where: { !TMXLanguage.matches($0.language, source) })?.language
        guard let target else {
            throw InputError(
                path: file, message: "cannot tell the target language: give --source-lang and --target-lang")
        }
        return (source, target)
    }

    /// Adds units (from alignment, or any program) in one transaction. The memory's languages must be set (by
    /// `setLanguages` or an earlier import).
    @discardableResult
    public func add(
        units: [TMXUnit], origin: String = "api", onDuplicate policy: DuplicatePolicy = .newest
    ) throws -> ImportSummary {
        try checkWritable()
        guard sourceLanguage != nil, targetLanguage != nil else {
            throw InputError(path: path, message: "set the memory's languages before adding units")
        }
        return try database.write { db in
            let importer = try UnitImporter(memory: self, db: db, origin: origin, policy: policy)
            for unit in units { try importer.add(unit) }
            try importer.finish()
            return importer.summary
        }
    }

    // `add(pairs:…)` comes with `MemoryStore`, the same for every store.

    // MARK: Reading

    /// The number of units stored.
    public func count() throws -> Int {
        try database.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM unit") ?? 0 }
    }

    /// One unit by id.
    public func unit(id: Int64) throws -> TMXUnit? {
        guard let xml = try database.read({ try String.fetchOne($0, sql: "SELECT xml FROM unit WHERE id = ?", arguments: [id]) })
        else { return nil }
        return try TMXReader.unit(fromFragment: xml)
    }

    /// All units in id order, read in batches (for export or inspection). A unit whose stored XML cannot be read
    /// back throws an error naming it (the file is damaged).
    public func forEachUnit(batchSize: Int = 2000, _ body: (_ id: Int64, _ unit: TMXUnit) throws -> Void) throws {
        var after: Int64 = 0
        while true {
            let rows = try database.read { db in
                try Row.fetchAll(
                    db, sql: "SELECT id, xml FROM unit WHERE id > ? ORDER BY id LIMIT ?", arguments: [after, batchSize])
            }
            if rows.isEmpty { return }
            let ids: [Int64] = try rows.map { try $0.decode(atIndex: 0) }
            let units = try Self.decodeUnits(rows, ids: ids, path: path)
            for (id, unit) in zip(ids, units) {
                switch unit {
                case .success(let unit): try body(id, unit)
                case .failure(let error): throw error
                }
            }
            // Ids out of order (a damaged table) would make this loop start over for ever.
            guard let last = ids.last, last > after, zip(ids, ids.dropFirst()).allSatisfy({ $0 < $1 }) else {
                throw InputError(
                    path: path,
                    message: Self.damagedAdvice(path: path, detail: "the unit table gives its rows out of order after unit #\(after)"))
            }
            after = last
        }
    }

    /// Each row's unit (`xml` in column 1), or the reason it cannot be read. Parsed a batch at a time (one parser
    /// run); a batch that fails or gives another number of units is parsed unit by unit to find the damaged ones.
    static func decodeUnits(_ rows: [Row], ids: [Int64], path: String) throws -> [Result<TMXUnit, InputError>] {
        var texts: [String?] = []
        texts.reserveCapacity(rows.count)
        for row in rows { texts.append(try? row.decode(String.self, atIndex: 1)) }
        func damaged(_ id: Int64, _ why: String) -> InputError {
            InputError(path: path, message: "unit #\(id) is damaged (\(why)); " + damagedAdvice(path: path, detail: "a unit cannot be read"))
        }
        if texts.allSatisfy({ $0.map(Self.looksLikeOneUnit) ?? false }),
            let units = try? TMXReader.units(fromFragments: texts.map { $0 ?? "" }), units.count == rows.count
        {
            return units.map { .success($0) }
        }
        return zip(ids, texts).map { id, text in
            guard let text else { return .failure(damaged(id, "its XML is not UTF-8 text")) }
            guard Self.looksLikeOneUnit(text) else { return .failure(damaged(id, "its XML is not one <tu>")) }
            do {
                return .success(try TMXReader.unit(fromFragment: text))
            } catch let error as InputError {
                return .failure(damaged(id, error.message))
            } catch {
                return .failure(damaged(id, "\(error)"))
            }
        }
    }

    /// What every stored unit looks like: one `<tu>` element, as `TMXWriter` writes it.
    static func looksLikeOneUnit(_ xml: String) -> Bool {
        let bytes = xml.utf8.drop { $0 == 0x20 }
        return bytes.starts(with: "<tu".utf8) && bytes.reversed().drop { $0 == 0x0A }.starts(with: ">ut/<".utf8)
    }

    /// The header kept from the first imported file, or a Tlumach header.
    public func header() throws -> TMXHeader {
        let stored = try database.read {
            try String.fetchOne($0, sql: "SELECT value FROM meta WHERE key = ?", arguments: [MemorySchema.headerKey])
        }
        if let stored, let document = try? TMXReader.document(data: Data(stored.utf8), name: "<memory header>") {
            return document.header
        }
        return TMXHeader.tlumach(sourceLanguage: sourceLanguage ?? TMXLanguage.all)
    }

    // MARK: Export

    /// Writes the memory as TMX 1.4b (atomically). With `languages`, only variants in those languages are written
    /// (matched by primary subtag) and units left with none are skipped. Returns the number of units written.
    @discardableResult
    public func export(to file: String, languages: [String]? = nil) throws -> Int {
        try export(to: file, languages: languages, skipDamaged: false).written
    }

    /// What `export(to:languages:skipDamaged:)` did.
    public struct ExportSummary: Sendable, Equatable {
        public var written = 0
        /// Ids of units that could not be read (only with `skipDamaged`).
        public var skipped: [Int64] = []
    }

    /// Export; with `skipDamaged`, units that cannot be read (and rows SQLite cannot read) are left out and listed
    /// instead of stopping the export: the way to rescue what is readable from a damaged memory.
    public func export(to file: String, languages: [String]?, skipDamaged: Bool) throws -> ExportSummary {
        let writer = try TMXFileWriter(path: file, header: (try? header()) ?? TMXHeader.tlumach(sourceLanguage: sourceLanguage ?? TMXLanguage.all))
        var summary = ExportSummary()
        let batchSize: Int64 = 2000
        // Rescue mode: the last id to try when a range cannot be read as a whole.
        let lastID = skipDamaged ? ((try? database.read { try Int64.fetchOne($0, sql: "SELECT max(id) FROM unit") }) ?? nil) ?? 0 : 0
        var after: Int64 = 0
        while true {
            var rows: [Row]
            do {
                rows = try database.read { db in
                    try Row.fetchAll(
                        db, sql: "SELECT id, xml FROM unit WHERE id > ? ORDER BY id LIMIT ?", arguments: [after, batchSize])
                }
            } catch where skipDamaged {
                // A damaged page: read the range's rows one by one, skipping those SQLite cannot read.
                guard after < lastID else { break }
                rows = []
                for id in (after + 1)...min(after + batchSize, lastID) {
                    do {
                        if let row = try database.read({ db in
                            try Row.fetchOne(db, sql: "SELECT id, xml FROM unit WHERE id = ?", arguments: [id])
                        }) { rows.append(row) }
                    } catch {
                        summary.skipped.append(id)
                    }
                }
                if rows.isEmpty {
                    after = min(after + batchSize, lastID)
                    continue
                }
            }
            if rows.isEmpty { break }
            let ids: [Int64] = try rows.map { try $0.decode(atIndex: 0) }
            if languages == nil && !skipDamaged {
                // Units are stored as the writer serialises them: copied through without parsing.
                for (id, row) in zip(ids, rows) {
                    guard let xml = try? row.decode(String.self, atIndex: 1), Self.looksLikeOneUnit(xml) else {
                        throw InputError(
                            path: path,
                            message: "unit #\(id) is damaged (its XML is not one <tu> in UTF-8); "
                                + Self.damagedAdvice(path: path, detail: "a unit cannot be read"))
                    }
                    try writer.write(serializedUnit: xml)
                }
                summary.written += rows.count
            } else {
                for (id, result) in zip(ids, try Self.decodeUnits(rows, ids: ids, path: path)) {
                    let unit: TMXUnit
                    switch result {
                    case .success(let decoded): unit = decoded
                    case .failure(let error):
                        if skipDamaged {
                            summary.skipped.append(id)
                            continue
                        }
                        throw error
                    }
                    var filtered = unit
                    if let languages {
                        filtered.variants = unit.variants.filter { variant in
                            languages.contains { TMXLanguage.matches($0, variant.language) }
                        }
                        guard !filtered.variants.isEmpty else { continue }
                    }
                    try writer.write(filtered)
                    summary.written += 1
                }
            }
            after = ids.last ?? after
        }
        try writer.finish()
        return summary
    }
}

/// Batches of prepared units handed from the parsing thread to the writing one, at most a few in flight.
final class PreparedBatches: @unchecked Sendable {  // unchecked: every field under `condition` (Mutex has no wait)
    static let batchSize = 1000
    private let capacity = 4
    // The condition's lock guards every field below.
    private let condition = NSCondition()
    private var batches: [([PreparedUnit], Int)] = []
    private var finished = false
    private var failure: (any Error)?
    private var cancelled = false
    private var parserEnded = false
    private var storedHeader: TMXHeader?
    private var finishedBatches: [[PreparedUnit]] = []

    struct Cancelled: Error {}

    var header: TMXHeader? {
        condition.lock()
        defer { condition.unlock() }
        return storedHeader
    }

    func setHeader(_ header: TMXHeader) {
        condition.lock()
        storedHeader = header
        condition.unlock()
    }

    /// Waits for room; throws when the writer has given up. Batches the writer has finished with are released here,
    /// on the parsing thread that allocated them.
    func push(_ batch: [PreparedUnit], line: Int) throws {
        condition.lock()
        while batches.count >= capacity && !cancelled { condition.wait() }
        if cancelled {
            condition.unlock()
            throw Cancelled()
        }
        batches.append((batch, line))
        let done = finishedBatches
        finishedBatches = []
        condition.broadcast()
        condition.unlock()
        withExtendedLifetime(done) {}  // released here, outside the lock
    }

    /// Hands a stored batch back so the parsing thread frees it.
    func recycle(_ batch: [PreparedUnit]) {
        condition.lock()
        // Once the parser has ended nobody would free them there; let this thread do it.
        if !parserEnded { finishedBatches.append(batch) }
        condition.unlock()
    }

    func finish(_ error: (any Error)?) {
        condition.lock()
        finished = true
        parserEnded = true
        failure = error
        condition.broadcast()
        condition.unlock()
    }

    /// The next batch; nil at the end of the file; the parser's error if it failed.
    func pop() throws -> ([PreparedUnit], Int)? {
        condition.lock()
        defer { condition.unlock() }
        while batches.isEmpty && !finished { condition.wait() }
        if !batches.isEmpty {
            let next = batches.removeFirst()
            condition.broadcast()
            return next
        }
        if let failure { throw failure }
        return nil
    }

    func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
    }

    func waitUntilParserEnds() {
        condition.lock()
        while !parserEnded { condition.wait() }
        condition.unlock()
    }
}

