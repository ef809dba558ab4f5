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
}

extension TranslationMemory {
    /// Units whose source or target contains every word of `phrase`, inflections included (words are compared by
    /// stem in the language of each side), oldest first. Returns the total count and the first `limit` hits.
    public func concordance(_ phrase: String, limit: Int = 20) throws -> (total: Int, hits: [ConcordanceHit]) {
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
                        for unit in (row[0] as Data).tokenIDs() { units.insert(Int64(unit)) }
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
                let source: String = row[1]
                let target: String = row[2]
                return ConcordanceHit(
                    id: id, tuid: row[0], source: source, target: target,
                    sourceMatches: Self.highlights(in: source, stems: Set(stemsBySide[0]), tokenizer: sides[0].tokenizer),
                    targetMatches: Self.highlights(in: target, stems: Set(stemsBySide[1]), tokenizer: sides[1].tokenizer))
            }
            return (found.count, hits)
        }
    }

    static func highlights(in text: String, stems: Set<String>, tokenizer: MemoryTokenizer) -> [Range<Int>] {
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
        let fileBytes = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        return try database.read { db in
            var languages: [String: Int] = [:]
            let rows = try Row.fetchCursor(db, sql: "SELECT languages, count(*) FROM unit GROUP BY languages")
            while let row = try rows.next() {
                let tags: String = row[0]
                let count: Int = row[1]
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
    /// Checks the file (SQLite's integrity check) and the memory's own invariants: every unit has its tokens and
    /// every token's document frequency matches its postings. Returns the problems found (none: empty).
    public func verify() throws -> [String] {
        try database.read { db in
            var problems: [String] = []
            let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check")
            if integrity != ["ok"] { problems += integrity.map { "SQLite: \($0)" } }
            let missing = try Int.fetchOne(
                db, sql: "SELECT count(*) FROM unit WHERE id NOT IN (SELECT id FROM unit_tokens)") ?? 0
            if missing > 0 { problems.append("\(missing) units have no tokens") }
            let orphans = try Int.fetchOne(
                db, sql: "SELECT count(*) FROM unit_tokens WHERE id NOT IN (SELECT id FROM unit)") ?? 0
            if orphans > 0 { problems.append("\(orphans) token rows belong to no unit") }
            let wrongFrequency = try Int.fetchOne(
                db,
                sql: """
                    SELECT count(*) FROM token t WHERE t.df != (SELECT coalesce(sum(length(units)) / 4, 0) FROM posting
                    WHERE side = 0 AND token = t.id) OR t.tdf != (SELECT coalesce(sum(length(units)) / 4, 0)
                    FROM posting WHERE side = 1 AND token = t.id)
                    """) ?? 0
            if wrongFrequency > 0 { problems.append("\(wrongFrequency) tokens have frequencies that disagree with the index") }
            return problems
        }
    }
}
