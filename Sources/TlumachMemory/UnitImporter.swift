import Foundation
import GRDB
import TlumachCore
import TlumachTMX

/// Stores units inside one write transaction: serialises each unit, resolves duplicates, tokenises source and
/// target, and collects postings, which `finish()` writes as one chunk per touched token.
package final class UnitImporter {
    let db: Database
    let policy: DuplicatePolicy
    let sourceLanguage: String
    let targetLanguage: String
    let sourceTokenizer: MemoryTokenizer
    let targetTokenizer: MemoryTokenizer
    let importID: Int64
    let origin: String
    var summary = ImportSummary()

    /// Every word and stem ever stored.
    let vocabulary: ImportVocabulary
    // Postings collected in this import, indexed by token id.
    var sourcePostings = PostingCollector()
    var targetPostings = PostingCollector()

    private let findDuplicate: Statement
    /// Duplicate keys of every stored unit, so the common case (no duplicate) costs a lookup, not a query: those
    /// stored before this import as a sorted array read from the key's index (a million of them load in a fraction
    /// of the time a hash set takes to build), those added since in a set.
    private var storedHashes: [Int64] = []
    private var addedHashes = Set<Int64>()
    private let insertUnit: FastStatement
    private let insertTokens: FastStatement
    private let updateUnit: Statement

    init(memory: TranslationMemory, db: Database, origin: String, policy: DuplicatePolicy) throws {
        guard let source = memory.sourceLanguage, let target = memory.targetLanguage else {
            throw InputError(path: memory.path, message: "the memory's languages are not set")
        }
        self.db = db
        self.policy = policy
        self.origin = origin
        sourceLanguage = source
        targetLanguage = target
        sourceTokenizer = try MemoryTokenizer(language: source)
        targetTokenizer = try MemoryTokenizer(language: target)
        try Self.checkStemmers(db: db, source: sourceTokenizer, target: targetTokenizer)
        try db.execute(
            sql: "INSERT INTO import(origin, at, read, added, merged) VALUES (?, ?, 0, 0, 0)",
            arguments: [origin, TranslationMemory.timestamp()])
        importID = db.lastInsertedRowID
        findDuplicate = try db.makeStatement(sql: "SELECT id, xml, import_id FROM unit WHERE pair_hash = ?")
        // In key order straight from the index (no table row is read, nothing is sorted here).
        let unitCount = try Int.fetchOne(db, sql: "SELECT max(id) FROM unit") ?? 0
        storedHashes = try FastStatement(db, sql: "SELECT pair_hash FROM unit INDEXED BY unit_pair_hash ORDER BY pair_hash")
            .int64Column(reservingCapacity: min(max(unitCount, 0), 1 << 24))
        insertUnit = try FastStatement(
            db,
            sql: """
                INSERT INTO unit(
                    tuid, source_text, target_text, pair_hash, latest_date, languages, source_codes, import_id, xml)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        insertTokens = try FastStatement(
            db, sql: "INSERT INTO unit_tokens(id, words, stems, target_stems) VALUES (?, ?, ?, ?)")
        updateUnit = try db.makeStatement(
            sql: "UPDATE unit SET tuid = ?, latest_date = ?, languages = ?, xml = ? WHERE id = ?")
        vocabulary = try ImportVocabulary(db: db)
    }

    /// Records the stemmers a memory's stems were made with; a memory stemmed differently cannot be extended
    /// consistently, so it must be rebuilt first.
    static func checkStemmers(db: Database, source: MemoryTokenizer, target: MemoryTokenizer) throws {
        for (key, identifier) in [
            (MemorySchema.sourceStemmerKey, source.stemmer.identifier),
            (MemorySchema.targetStemmerKey, target.stemmer.identifier),
        ] {
            if let stored = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = ?", arguments: [key]) {
                if stored != identifier {
                    throw MemoryError.stemmerChanged(stored: stored, current: identifier)
                }
            } else {
                try db.execute(sql: "INSERT INTO meta(key, value) VALUES (?, ?)", arguments: [key, identifier])
            }
        }
    }

    func storeHeaderIfFirst(_ header: TMXHeader) throws {
        let xml = TMXWriter.prologue(header: header) + TMXWriter.epilogue
        try db.execute(
            sql: "INSERT OR IGNORE INTO meta(key, value) VALUES (?, ?)", arguments: [MemorySchema.headerKey, xml])
    }

    /// Stores one unit (or merges it into its duplicate).
    func add(_ unit: TMXUnit) throws {
        var scratch = PrepareScratch()
        try store(
            Self.prepare(
                unit, source: sourceTokenizer, target: targetTokenizer, vocabulary: vocabulary, scratch: &scratch))
    }

    /// The first half of storing a unit: plain texts, word tokens (folding and word break) and their word and stem
    /// ids. Done on the parsing thread during a file import, so the two halves of the work run on two cores; the
    /// vocabulary belongs to that thread until the parser ends (the writing thread touches it only in `finish`).
    /// Giving ids here, before duplicates are resolved, gives the same ids as giving them to stored units only: a
    /// unit merged as a duplicate has the same segments, hence the same words, as a unit already stored.
    package static func prepare(
        _ unit: TMXUnit, source: MemoryTokenizer, target: MemoryTokenizer, vocabulary: ImportVocabulary,
        scratch: inout PrepareScratch
    ) -> PreparedUnit {
        let sourceIndex = unit.variantIndex(for: source.language)
        let targetIndex = unit.variantIndex(for: target.language)
        let sourceSegment = sourceIndex.map { unit.variants[$0].segment }
        let sourceText = sourceSegment?.plainText ?? ""
        let targetText = targetIndex.map { unit.variants[$0].segment.plainText } ?? ""
        // Serialised once: the stored XML, and the duplicate key hashed from its segment bytes.
        var ranges: [Range<Int>] = []
        let xml = TMXWriter.xml(for: unit, segmentRanges: &ranges)
        let hash = pairHash(xml: xml, source: sourceIndex.map { ranges[$0] }, target: targetIndex.map { ranges[$0] })
        // The unit itself is not handed on (freeing it cost the writing thread time): a duplicate candidate, which
        // is rare, is parsed back from its XML, which the round trip guarantees is the same unit.
        return PreparedUnit(
            tuid: unit.tuid, latestDate: unit.latestDate, languages: languages(of: unit), hasSource: sourceIndex != nil,
            sourceText: sourceText, targetText: targetText, sourceCodes: sourceSegment?.codes.count ?? 0,
            tokens: scratch.tokenIDs(
                source: sourceText, target: targetText, sourceTokenizer: source, targetTokenizer: target,
                vocabulary: vocabulary),
            xml: xml, pairHash: hash)
    }

    /// The writing half, on the thread holding the transaction: duplicate resolution, token and stem ids
    /// (vocabulary), rows.
    func store(_ prepared: PreparedUnit) throws {
        summary.read += 1
        let hash = prepared.pairHash
        if policy != .both, isKnown(hash) {
            let rows = try Row.fetchAll(findDuplicate, arguments: [hash])
            // Most duplicates are the same unit again (the same string in two catalogs): equal stored bytes mean
            // equal units, so nothing needs parsing or changing.
            for row in rows where (try? row.decode(String.self, atIndex: 1)) == prepared.xml {
                countDuplicate(of: try row.decode(Int64.self, atIndex: 2), identical: true)
                return
            }
            let unit = try TMXReader.unit(fromFragment: prepared.xml)
            let sourceSegment = unit.variantIndex(for: sourceLanguage).map { unit.variants[$0].segment }
            let targetSegment = unit.variantIndex(for: targetLanguage).map { unit.variants[$0].segment }
            for row in rows {
                // A stored unit that cannot be read back (a damaged file) is never merged into.
                guard let xml = try? row.decode(String.self, atIndex: 1),
                    let existing = try? TMXReader.unit(fromFragment: xml)
                else { continue }
                let existingSource = existing.variantIndex(for: sourceLanguage).map { existing.variants[$0].segment }
                let existingTarget = existing.variantIndex(for: targetLanguage).map { existing.variants[$0].segment }
                guard existingSource == sourceSegment && existingTarget == targetSegment else {
                    continue
                }
                let id: Int64 = try row.decode(atIndex: 0)
                let merged = Self.resolve(existing: existing, incoming: unit, policy: policy)
                countDuplicate(of: try row.decode(Int64.self, atIndex: 2), identical: false)
                if let merged, merged != existing {
                    try updateUnit.execute(arguments: [
                        merged.tuid, merged.latestDate, Self.languages(of: merged), TMXWriter.xml(for: merged), id,
                    ])
                }
                return
            }
        }

        if !prepared.hasSource { summary.withoutSource += 1 }
        insertUnit.bind(1, prepared.tuid)
        insertUnit.bind(2, prepared.sourceText)
        insertUnit.bind(3, prepared.targetText)
        insertUnit.bind(4, hash)
        insertUnit.bind(5, prepared.latestDate)
        insertUnit.bind(6, prepared.languages)
        insertUnit.bind(7, Int64(prepared.sourceCodes))
        insertUnit.bind(8, importID)
        insertUnit.bind(9, prepared.xml)
        try insertUnit.run()
        addedHashes.insert(hash)
        let id = db.lastInsertedRowID
        guard id < Int64(UInt32.max) else { throw MemoryError.full }
        let unitID = UInt32(id)

        let words = prepared.tokens.words
        let stems = prepared.tokens.stems
        let targetStems = prepared.tokens.targetStems
        insertTokens.bind(1, id)
        insertTokens.bind(2, words)
        insertTokens.bind(3, stems)
        insertTokens.bind(4, targetStems)
        try insertTokens.run()
        sourcePostings.post(stems, unit: unitID)
        targetPostings.post(targetStems, unit: unitID)
        summary.added += 1
    }

    private func isKnown(_ hash: Int64) -> Bool {
        Self.isKnown(hash, stored: storedHashes, added: addedHashes)
    }

    /// True when `hash` is among the keys stored before an import (`stored`, sorted) or added by it.
    @inline(__always)
    package static func isKnown(_ hash: Int64, stored: [Int64], added: Set<Int64>) -> Bool {
        if added.contains(hash) { return true }
        var low = 0
        var high = stored.count
        while low < high {
            let middle = (low + high) / 2
            if stored[middle] < hash { low = middle + 1 } else { high = middle }
        }
        return low < stored.count && stored[low] == hash
    }

    private func countDuplicate(of keptImport: Int64, identical: Bool) {
        summary.merged += 1
        if identical { summary.identical += 1 }
        if keptImport != importID { summary.mergedIntoStored += 1 }
    }

    /// Writes new vocabulary, posting chunks and document frequencies, and the import's record. A new token is
    /// inserted with its frequencies; only tokens the memory had already are updated (a first import of a large file
    /// makes a hundred thousand or more tokens, and an UPDATE each was most of this step).
    func finish() throws {
        let firstNew = vocabulary.firstNewToken
        var newFrequencies = [(df: Int64, tdf: Int64)](repeating: (0, 0), count: vocabulary.newTokens.count)
        // Direct SQLite binding: a first import of a large file writes a few hundred thousand of these rows.
        let insertPosting = try FastStatement(db, sql: "INSERT INTO posting(side, token, units) VALUES (?, ?, ?)")
        let updateDF = try FastStatement(db, sql: "UPDATE token SET df = df + ? WHERE id = ?")
        let updateTDF = try FastStatement(db, sql: "UPDATE token SET tdf = tdf + ? WHERE id = ?")
        for (side, postings, update) in [(Int64(0), sourcePostings, updateDF), (Int64(1), targetPostings, updateTDF)] {
            try postings.forEachList { token, units in
                insertPosting.bind(1, side)
                insertPosting.bind(2, Int64(token))
                insertPosting.bind(3, Array(units))
                try insertPosting.run()
                if token >= firstNew {
                    let index = Int(token - firstNew)
                    if side == 0 { newFrequencies[index].df = Int64(units.count) } else { newFrequencies[index].tdf = Int64(units.count) }
                } else {
                    update.bind(1, Int64(units.count))
                    update.bind(2, Int64(token))
                    try update.run()
                }
            }
        }
        let insertToken = try FastStatement(db, sql: "INSERT INTO token(id, text, df, tdf) VALUES (?, ?, ?, ?)")
        for (offset, text) in vocabulary.newTokens.enumerated() {
            insertToken.bind(1, Int64(firstNew) + Int64(offset))
            insertToken.bind(2, text)
            insertToken.bind(3, newFrequencies[offset].df)
            insertToken.bind(4, newFrequencies[offset].tdf)
            try insertToken.run()
        }
        try db.execute(
            sql: "UPDATE import SET read = ?, added = ?, merged = ? WHERE id = ?",
            arguments: [summary.read, summary.added, summary.merged, importID])
    }

    // MARK: Helpers

    package static func resolve(existing: TMXUnit, incoming: TMXUnit, policy: DuplicatePolicy) -> TMXUnit? {
        switch policy {
        case .existing, .both: return nil
        case .incoming: return incoming
        case .newest:
            let incomingIsNewer = (incoming.latestDate ?? "") >= (existing.latestDate ?? "")
            return mergeProvenance(
                into: incomingIsNewer ? incoming : existing, from: incomingIsNewer ? existing : incoming)
        }
    }

    /// Prop type recording the tuid of a duplicate merged into a unit.
    public static let mergedTUIDProp = "x-tlumach-merged-tuid"

    /// `kept` with what only `other` (a duplicate: same source and target segments) carried: its languages, its
    /// tuid (as a `x-tlumach-merged-tuid` prop), and its unit-level props and notes. Nothing already in `kept` is
    /// repeated, so merging the same duplicate twice changes nothing.
    static func mergeProvenance(into kept: TMXUnit, from other: TMXUnit) -> TMXUnit {
        var kept = kept
        for variant in other.variants
        where !kept.variants.contains(where: { $0.language.lowercased() == variant.language.lowercased() }) {
            kept.variants.append(variant)
        }
        if let tuid = other.tuid, tuid != kept.tuid {
            let prop = TMXAnnotation.prop(TMXProp(type: mergedTUIDProp, text: tuid))
            if !kept.annotations.contains(prop) { kept.annotations.append(prop) }
        }
        for annotation in other.annotations where !kept.annotations.contains(annotation) {
            // A unit merged back into one that had absorbed it names itself no more.
            if case .prop(let prop) = annotation, prop.type == mergedTUIDProp, prop.text == kept.tuid { continue }
            kept.annotations.append(annotation)
        }
        return kept
    }

    package static func languages(of unit: TMXUnit) -> String {
        unit.variants.map(\.language).joined(separator: " ")
    }

    /// `pairHash` of the segments whose XML lies at `source` and `target` (UTF-8 byte ranges) in `xml`.
    static func pairHash(xml: String, source: Range<Int>?, target: Range<Int>?) -> Int64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        var xml = xml
        xml.withUTF8 { bytes in
            for (marker, range) in [(UInt8(1), source), (UInt8(2), target)] {
                hash = (hash ^ UInt64(range == nil ? 0 : marker)) &* 0x100_0000_01b3
                if let range {
                    for byte in UnsafeBufferPointer(rebasing: bytes[range]) { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
                }
                hash = (hash ^ 0xFF) &* 0x100_0000_01b3
            }
        }
        return Int64(bitPattern: hash)
    }

    /// FNV-1a over the serialised source and target segments: stable across runs (Swift's Hasher is not). Stored in
    /// every memory as the duplicate key, so it must never change.
    static func pairHash(_ source: TMXSegment?, _ target: TMXSegment?) -> Int64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix(_ byte: UInt8) {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        for (marker, segment) in [(UInt8(1), source), (UInt8(2), target)] {
            mix(segment == nil ? 0 : marker)
            if let segment { for byte in TMXWriter.xml(for: segment).utf8 { mix(byte) } }
            mix(0xFF)
        }
        return Int64(bitPattern: hash)
    }

    static func blob(_ tokens: [UInt32]) -> Data {
        tokens.withUnsafeBufferPointer { Data(buffer: $0) }
    }
}

/// A unit with everything computed that needs no database.
package struct PreparedUnit: Sendable {
    package var tuid: String?
    package var latestDate: String?
    package var languages: String
    package var hasSource: Bool
    package var sourceText: String
    package var targetText: String
    package var sourceCodes: Int
    package var tokens: PreparedTokens
    /// The unit as stored (`TMXWriter.xml(for:)`) and its duplicate key.
    package var xml: String
    package var pairHash: Int64
}

/// The ids `unit_tokens` stores for one unit: source words and stems, target stems.
package struct PreparedTokens: Sendable {
    package var words: [UInt32] = []
    package var stems: [UInt32] = []
    package var targetStems: [UInt32] = []
}

/// Word buffers the parsing thread reuses from unit to unit.
package struct PrepareScratch {
    package init() {}
    var source = SegmentWords()
    var target = SegmentWords()

    mutating func tokenIDs(
        source sourceText: String, target targetText: String, sourceTokenizer: MemoryTokenizer,
        targetTokenizer: MemoryTokenizer, vocabulary: ImportVocabulary
    ) -> PreparedTokens {
        sourceTokenizer.words(sourceText, into: &source)
        targetTokenizer.words(targetText, into: &target)
        let sourceIDs = vocabulary.ids(of: source, side: .source, stemmer: sourceTokenizer.stemmer)
        var targetStems: [UInt32] = []
        vocabulary.stemIDs(of: target, side: .target, stemmer: targetTokenizer.stemmer, into: &targetStems)
        return PreparedTokens(words: sourceIDs.words, stems: sourceIDs.stems, targetStems: targetStems)
    }
}

/// Failures of the store itself (not of the input).
public enum MemoryError: Error, CustomStringConvertible {
    case stemmerChanged(stored: String, current: String)
    case full

    public var description: String {
        switch self {
        case .stemmerChanged(let stored, let current):
            "the memory was indexed with stemmer \(stored), this Tlumach uses \(current): rebuild it with `tlumach tm reindex`"
        case .full: "the memory holds the maximum number of units (2^32)"
        }
    }
}

extension Data {
    /// Little-endian UInt32 values stored by `UnitImporter.blob`.
    func tokenIDs() -> [UInt32] {
        let count = self.count / 4
        return [UInt32](unsafeUninitializedCapacity: count) { buffer, initialized in
            _ = self.copyBytes(to: buffer)
            initialized = count
        }
    }
}

extension TranslationMemory {
    /// Recomputes every unit's tokens and the whole index with the current tokenisers and stemmers, in one
    /// transaction (needed when a new Tlumach stems differently; the units themselves are untouched).
    public func reindex() throws {
        try checkWritable()
        guard let sourceLanguage, let targetLanguage else { return }
        let source = try MemoryTokenizer(language: sourceLanguage)
        let target = try MemoryTokenizer(language: targetLanguage)
        try database.write { db in
            try db.execute(sql: "DELETE FROM posting; UPDATE token SET df = 0, tdf = 0")
            try db.execute(
                sql: "DELETE FROM meta WHERE key IN (?, ?)",
                arguments: [MemorySchema.sourceStemmerKey, MemorySchema.targetStemmerKey])
            let importer = try UnitImporter(memory: self, db: db, origin: "reindex", policy: .both)
            try db.execute(sql: "DELETE FROM import WHERE id = ?", arguments: [importer.importID])
            let update = try FastStatement(db, sql: "UPDATE unit_tokens SET words = ?, stems = ?, target_stems = ? WHERE id = ?")
            var sourceCache: StemCache? = StemCache()
            var targetCache: StemCache? = StemCache()
            var after: Int64 = 0
            while true {
                let rows = try Row.fetchAll(
                    db, sql: "SELECT id, source_text, target_text FROM unit WHERE id > ? ORDER BY id LIMIT 5000",
                    arguments: [after])
                guard let last = rows.last else { break }
                for row in rows {
                    let id: Int64 = try row.decode(atIndex: 0)
                    let sourceAnalysis = source.analyze(try row.decode(String.self, atIndex: 1), cache: &sourceCache)
                    let targetAnalysis = target.analyze(try row.decode(String.self, atIndex: 2), cache: &targetCache)
                    try importer.reindex(id: id, source: sourceAnalysis, target: targetAnalysis, update: update)
                }
                after = try last.decode(atIndex: 0)
            }
            try importer.finish()
        }
    }
}

extension UnitImporter {
    func reindex(id: Int64, source: SegmentAnalysis, target: SegmentAnalysis, update: FastStatement) throws {
        let words = source.words.map(vocabulary.id)
        let stems = source.stems.map(vocabulary.id)
        let targetStems = target.stems.map(vocabulary.id)
        update.bind(1, words)
        update.bind(2, stems)
        update.bind(3, targetStems)
        update.bind(4, id)
        try update.run()
        sourcePostings.post(stems, unit: UInt32(id))
        targetPostings.post(targetStems, unit: UInt32(id))
    }
}

/// Postings gathered during one import as flat (token, unit) pairs, grouped by token at the end with a counting
/// sort: far cheaper than growing one array per token.
struct PostingCollector {
    private var tokens: [UInt32] = []
    private var units: [UInt32] = []

    /// Adds `unit` once for each distinct token of `list`.
    mutating func post(_ list: [UInt32], unit: UInt32) {
        for (index, token) in list.enumerated() where !list[..<index].contains(token) {
            tokens.append(token)
            units.append(unit)
        }
    }

    /// Each token with its units in ascending order.
    func forEachList(_ body: (UInt32, ArraySlice<UInt32>) throws -> Void) throws {
        guard let maximum = tokens.max() else { return }
        var starts = [Int](repeating: 0, count: Int(maximum) + 2)
        for token in tokens { starts[Int(token) + 1] += 1 }
        for index in 1..<starts.count { starts[index] += starts[index - 1] }
        var fill = starts
        var grouped = [UInt32](repeating: 0, count: units.count)
        // Units arrive in ascending order, and the counting sort is stable, so each list stays sorted.
        for (token, unit) in zip(tokens, units) {
            grouped[fill[Int(token)]] = unit
            fill[Int(token)] += 1
        }
        for token in 0...Int(maximum) where starts[token] < starts[token + 1] {
            try body(UInt32(token), grouped[starts[token]..<starts[token + 1]])
        }
    }
}

/// A vocabulary key: tokens are NFKC-folded already, so byte equality is the right equality, and hashing the bytes
/// skips the normalisation Swift's String hashing does for non-ASCII text.
struct TokenKey: Hashable {
    let text: String

    init(_ text: String) {
        var text = text
        text.makeContiguousUTF8()
        self.text = text
    }

    func hash(into hasher: inout Hasher) {
        var copy = text
        copy.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }

    static func == (a: TokenKey, b: TokenKey) -> Bool {
        var left = a.text
        var right = b.text
        return left.withUTF8 { l in
            right.withUTF8 { r in
                guard l.count == r.count else { return false }
                guard let lb = l.baseAddress, let rb = r.baseAddress else { return true }
                return memcmp(lb, rb, l.count) == 0
            }
        }
    }
}
