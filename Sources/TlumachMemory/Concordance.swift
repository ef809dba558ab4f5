import Foundation
import GRDB
import TlumachCore
import TlumachTMX

/// A unit containing every word of a concordance query (in any inflection), in its source or its target.
public struct ConcordanceHit: Sendable, Hashable {
    public var id: Int64
    public var tuid: String?
    public var source: String
    public var target: String
    /// UTF-16 ranges of the matching words in `source` and in `target`.
    public var sourceMatches: [Range<Int>]
    public var targetMatches: [Range<Int>]

    package init(
        id: Int64, tuid: String?, source: String, target: String, sourceMatches: [Range<Int>], targetMatches: [Range<Int>]
    ) {
        self.id = id
        self.tuid = tuid
        self.source = source
        self.target = target
        self.sourceMatches = sourceMatches
        self.targetMatches = targetMatches
    }
}

/// Memory-wide figures.
public struct MemoryStatistics: Sendable, Hashable {
    public var path: String
    public var schemaVersion: String
    public var sourceLanguage: String?
    public var targetLanguage: String?
    public var units: Int
    public var unitsWithoutSource: Int
    public var unitsWithoutTarget: Int
    /// Units carrying each language (tags as stored).
    public var languages: [String: Int]
    public var vocabulary: Int
    public var imports: Int
    public var lastImport: String?
    public var created: String?
    public var fileBytes: Int

    package init(
        path: String, schemaVersion: String, sourceLanguage: String?, targetLanguage: String?, units: Int,
        unitsWithoutSource: Int, unitsWithoutTarget: Int, languages: [String: Int], vocabulary: Int, imports: Int,
        lastImport: String?, created: String?, fileBytes: Int
    ) {
        self.path = path
        self.schemaVersion = schemaVersion
        self.sourceLanguage = sourceLanguage
        self.targetLanguage = targetLanguage
        self.units = units
        self.unitsWithoutSource = unitsWithoutSource
        self.unitsWithoutTarget = unitsWithoutTarget
        self.languages = languages
        self.vocabulary = vocabulary
        self.imports = imports
        self.lastImport = lastImport
        self.created = created
        self.fileBytes = fileBytes
    }
}

extension TranslationMemory {
    /// Units whose source or target contains every word of `phrase`, inflections included (words are compared by
    /// stem in the language of each side), oldest first. Returns the total count and the first `limit` hits.
    public func concordance(_ phrase: String, limit: Int = 20) throws -> (total: Int, hits: [ConcordanceHit]) {
        try concordance(phrase, limit: limit, highlighting: true)
    }

    /// The same units; without `highlighting` their `sourceMatches`/`targetMatches` are left empty, which saves
    /// re-tokenising and stemming every hit (a quarter of `glossary suggest` for a common term, which reads only the
    /// text).
    package func concordance(_ phrase: String, limit: Int, highlighting: Bool) throws -> (
        total: Int, hits: [ConcordanceHit]
    ) {
        guard let sourceLanguage, let targetLanguage else { return (0, []) }
        let sides = [
            (side: 0, tokenizer: try MemoryTokenizer(language: sourceLanguage)),
            (side: 1, tokenizer: try MemoryTokenizer(language: targetLanguage)),
        ]
        return try database.read { db in
            var found = Set<Int64>()
            var stemsBySide: [[String]] = []
            for (side, tokenizer) in sides {
                let stems = Array(Set(tokenizer.analyze(phrase).stems))
                stemsBySide.append(stems)
                guard !stems.isEmpty else { continue }
                var sets: [Set<Int64>] = []
                for stem in stems {
                    guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM token WHERE text = ?", arguments: [stem])
                    else {
                        sets = []
                        break
                    }
                    var units = Set<Int64>()
                    let rows = try Row.fetchCursor(
                        db, sql: "SELECT units FROM posting WHERE side = ? AND token = ?", arguments: [side, id])
                    while let row = try rows.next() {
                        for unit in (try row.decode(Data.self, atIndex: 0)).tokenIDs() { units.insert(Int64(unit)) }
                    }
                    sets.append(units)
                }
                guard var common = sets.first else { continue }
                for other in sets.dropFirst() { common.formIntersection(other) }
                found.formUnion(common)
            }
            let ids = found.sorted().prefix(limit)
            let statement = try db.cachedStatement(sql: "SELECT tuid, source_text, target_text FROM unit WHERE id = ?")
            let hits = try ids.compactMap { id -> ConcordanceHit? in
                guard let row = try Row.fetchOne(statement, arguments: [id]) else { return nil }
                let source: String = try row.decode(atIndex: 1)
                let target: String = try row.decode(atIndex: 2)
                guard highlighting else {
                    return ConcordanceHit(
                        id: id, tuid: try row.decode(atIndex: 0), source: source, target: target, sourceMatches: [],
                        targetMatches: [])
                }
                return ConcordanceHit(
                    id: id, tuid: try row.decode(atIndex: 0), source: source, target: target,
                    sourceMatches: Self.highlights(in: source, stems: Set(stemsBySide[0]), tokenizer: sides[0].tokenizer),
                    targetMatches: Self.highlights(in: target, stems: Set(stemsBySide[1]), tokenizer: sides[1].tokenizer))
            }
            return (found.count, hits)
        }
    }

    package static func highlights(in text: String, stems: Set<String>, tokenizer: MemoryTokenizer) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var offset = 0
        for piece in tokenizer.pieces(text) {
            offset += piece.gap.utf16.count
            let length = piece.text.utf16.count
            let folded = String(decoding: piece.key, as: UTF16.self)
            if stems.contains(tokenizer.stemmer.stem(folded)) { result.append(offset..<(offset + length)) }
            offset += length
        }
        return result
    }

    /// Figures for `tlumach tm stats`.
    public func statistics() throws -> MemoryStatistics {
        let fileBytes = (try? FileManager.default.attributesOfItem(atPath: filePath)[.size] as? Int) ?? 0
        return try database.read { db in
            var languages: [String: Int] = [:]
            let rows = try Row.fetchCursor(db, sql: "SELECT languages, count(*) FROM unit GROUP BY languages")
            while let row = try rows.next() {
                // A damaged row (no languages) is counted under "?" here; `verify` reports it.
                let tags: String = (try? row.decode(String?.self, atIndex: 0)).flatMap { $0 } ?? "?"
                let count: Int = try row.decode(atIndex: 1)
                for tag in Set(tags.split(separator: " ").map(String.init)) { languages[tag, default: 0] += count }
            }
            let applied = try MemorySchema.migrator.appliedIdentifiers(db)
            return MemoryStatistics(
                path: path, schemaVersion: applied.sorted().last ?? "none",
                sourceLanguage: sourceLanguage, targetLanguage: targetLanguage,
                units: try Int.fetchOne(db, sql: "SELECT count(*) FROM unit") ?? 0,
                unitsWithoutSource: try Int.fetchOne(
                    db, sql: "SELECT count(*) FROM unit_tokens WHERE length(words) = 0") ?? 0,
                unitsWithoutTarget: try Int.fetchOne(db, sql: "SELECT count(*) FROM unit WHERE target_text = ''") ?? 0,
                languages: languages,
                vocabulary: try Int.fetchOne(db, sql: "SELECT count(*) FROM token") ?? 0,
                imports: try Int.fetchOne(db, sql: "SELECT count(*) FROM import") ?? 0,
                lastImport: try String.fetchOne(db, sql: "SELECT at FROM import ORDER BY id DESC LIMIT 1"),
                created: try String.fetchOne(
                    db, sql: "SELECT value FROM meta WHERE key = ?", arguments: [MemorySchema.createdKey]),
                fileBytes: fileBytes)
        }
    }
}

extension TranslationMemory {
    /// Checks the file (SQLite's integrity check) and the memory's own invariants: every unit's stored XML reads
    /// back as one `<tu>` (as export reads it) and its other columns have their types, every unit has its tokens, and
    /// every token's document frequency matches its postings. Returns the problems found (none: empty).
    public func verify() throws -> [String] {
        var problems: [String] = try database.read { db in
            var problems: [String] = []
            let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check")
            if integrity != ["ok"] { problems += integrity.map { "SQLite: \($0)" } }
            let badColumns = try Int64.fetchAll(
                db,
                sql: """
                    SELECT id FROM unit WHERE typeof(xml) != 'text' OR typeof(languages) != 'text'
                    OR typeof(source_text) != 'text' OR typeof(target_text) != 'text' OR typeof(pair_hash) != 'integer'
                    OR typeof(source_codes) != 'integer' OR typeof(import_id) != 'integer'
                    OR typeof(tuid) NOT IN ('text', 'null') OR typeof(latest_date) NOT IN ('text', 'null')
                    ORDER BY id LIMIT 11
                    """)
            if !badColumns.isEmpty { problems.append("units with a damaged column: \(Self.list(badColumns))") }
            let badTokens = try Int64.fetchAll(
                db,
                sql: """
                    SELECT id FROM unit_tokens WHERE typeof(words) != 'blob' OR typeof(stems) != 'blob'
                    OR typeof(target_stems) != 'blob' OR length(words) % 4 != 0 OR length(stems) != length(words)
                    OR length(target_stems) % 4 != 0 ORDER BY id LIMIT 11
                    """)
            if !badTokens.isEmpty { problems.append("units with damaged tokens: \(Self.list(badTokens))") }
            let missing = try Int.fetchOne(
                db, sql: "SELECT count(*) FROM unit WHERE id NOT IN (SELECT id FROM unit_tokens)") ?? 0
            if missing > 0 { problems.append("\(missing) units have no tokens") }
            let orphans = try Int.fetchOne(
                db, sql: "SELECT count(*) FROM unit_tokens WHERE id NOT IN (SELECT id FROM unit)") ?? 0
            if orphans > 0 { problems.append("\(orphans) token rows belong to no unit") }
            let wrongFrequency = try Int.fetchOne(
                db,
                sql: """
                    SELECT count(*) FROM token t WHERE t.df IS NOT (SELECT coalesce(sum(length(units)) / 4, 0) FROM posting
                    WHERE side = 0 AND token = t.id) OR t.tdf IS NOT (SELECT coalesce(sum(length(units)) / 4, 0)
                    FROM posting WHERE side = 1 AND token = t.id)
                    """) ?? 0
            if wrongFrequency > 0 { problems.append("\(wrongFrequency) tokens have frequencies that disagree with the index") }
            return problems
        }
        // Every unit read back as export reads it.
        var unreadable: [Int64] = []
        var unreadableCount = 0
        var after: Int64 = 0
        while true {
            let rows = try database.read { db in
                try Row.fetchAll(db, sql: "SELECT id, xml FROM unit WHERE id > ? ORDER BY id LIMIT 2000", arguments: [after])
            }
            guard !rows.isEmpty else { break }
            let ids: [Int64] = try rows.map { try $0.decode(atIndex: 0) }
            for (id, result) in zip(ids, try Self.decodeUnits(rows, ids: ids, path: path)) {
                if case .failure = result {
                    unreadableCount += 1
                    if unreadable.count < 11 { unreadable.append(id) }
                }
            }
            // A damaged table can hand back ids out of order (a zeroed page gave 1…11, 0): reading on from the
            // last one would start over for ever.
            guard let last = ids.last, last > after, zip(ids, ids.dropFirst()).allSatisfy({ $0 < $1 }) else {
                problems.append("the unit table gives its rows out of order after unit #\(after): the file is damaged")
                break
            }
            after = last
        }
        if unreadableCount > 0 {
            problems.append("\(unreadableCount) units cannot be read back: \(Self.list(unreadable))")
        }
        if !problems.isEmpty {
            problems.append(
                "to recover, export what is readable (`tlumach tm export --tm \(path) --skip-damaged --out rescued.tmx`) "
                    + "and import it into a new memory, or restore a backup")
        }
        return problems
    }

    /// `#1, #2, … #10 …` (at most ten ids; more are shown as an ellipsis).
    package static func list(_ ids: [Int64]) -> String {
        ids.prefix(10).map { "#\($0)" }.joined(separator: ", ") + (ids.count > 10 ? ", …" : "")
    }
}
