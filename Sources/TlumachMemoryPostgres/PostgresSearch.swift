import Foundation
import PostgresNIO
import TlumachCore
import TlumachMemory
import TlumachTMX

/// Fuzzy search over a PostgreSQL memory with the SQLite store's ranker: the query's tokens are looked up in one
/// round trip, candidates come from the GIN index on stems (rarest stems first, stopping as soon as no unseen unit
/// can reach the threshold), and each candidate is scored in Swift with the exact OmegaT-compatible score.
public final class PostgresSearcher: FuzzySearching {
    let memory: PostgresMemory
    let tokenizer: MemoryTokenizer
    private var marks = CandidateMarks()
    /// Steps the last query took.
    package private(set) var lastWork = SearchWork()

    init(memory: PostgresMemory) throws {
        self.memory = memory
        guard let source = memory.sourceLanguage else {
            throw InputError(path: memory.location, message: "the memory is empty (import a TMX file first)")
        }
        tokenizer = try MemoryTokenizer(language: source)
        let meta = try memory.meta()
        if let stored = meta[MemorySchema.sourceStemmerKey], stored != tokenizer.stemmer.identifier {
            throw MemoryError.stemmerChanged(stored: stored, current: tokenizer.stemmer.identifier)
        }
    }

    public func rank(_ query: String, minimum: Double = 70, limit: Int = 5) throws -> [RankedMatch] {
        let analysis = tokenizer.analyze(query)
        var work = SearchWork()
        defer { lastWork = work }
        let source = PostgresCandidates(memory: memory)
        let minimum = max(minimum, Double.leastNonzeroMagnitude)
        if try FuzzyRanker.tooLongForAny(queryLength: analysis.stems.count, source: source, minimum: minimum) {
            return []
        }
        try source.preload(Set(analysis.words + analysis.stems))
        let prepared = try FuzzyRanker.prepare(analysis, source: source, work: &work)
        return try FuzzyRanker.rank(prepared, source: source, minimum: minimum, limit: limit, seen: &marks, work: &work)
    }

    public func rankExhaustively(_ query: String, minimum: Double = 70, limit: Int = 5) throws -> [RankedMatch] {
        let analysis = tokenizer.analyze(query)
        let source = PostgresCandidates(memory: memory)
        try source.preload(Set(analysis.words + analysis.stems))
        var work = SearchWork()
        let prepared = try FuzzyRanker.prepare(analysis, source: source, work: &work)
        return try FuzzyRanker.exhaustive(prepared, source: source, minimum: minimum, limit: limit)
    }

    public func search(_ query: String, minimum: Double = 70, limit: Int = 5) throws -> [MemoryMatch] {
        let ranked = try rank(query, minimum: minimum, limit: limit)
        guard !ranked.isEmpty else { return [] }
        let queryAnalysis = tokenizer.analyze(query)
        let rows = try memory.unitTexts(ranked.map(\.id))
        return ranked.compactMap { hit -> MemoryMatch? in
            guard let row = rows[hit.id] else { return nil }
            let matchAnalysis = tokenizer.analyze(row.source)
            let (onlyQuery, onlyMatch) = MemorySearcher.multisetDifference(queryAnalysis.numbers, matchAnalysis.numbers)
            return MemoryMatch(
                id: hit.id, tuid: row.tuid, source: row.source, target: row.target, score: hit.score,
                stemScore: hit.stemScore, diff: WordDiff.diff(query: query, match: row.source, tokenizer: tokenizer),
                numbersOnlyInQuery: onlyQuery, numbersOnlyInMatch: onlyMatch, sourceCodes: row.codes)
        }
    }
}

extension PostgresMemory {
    public func fuzzySearcher(preload: Bool) throws -> any FuzzySearching { try PostgresSearcher(memory: self) }

    struct UnitText: Sendable {
        var tuid: String?
        var source: String
        var target: String
        var codes: Int
    }

    /// Texts of the units `ids`, in one round trip.
    func unitTexts(_ ids: [Int64]) throws -> [Int64: UnitText] {
        let schema = schema
        return try session.run { connection, logger in
            var result: [Int64: UnitText] = [:]
            for try await (id, tuid, source, target, codes) in try await connection.query(
                """
                SELECT id, tuid, source_text, target_text, source_codes FROM \(unescaped: schema).unit
                WHERE id = ANY(\(ids)::bigint[])
                """, logger: logger
            ).decode((Int64, String?, String, String, Int).self) {
                result[id] = UnitText(tuid: tuid, source: source, target: target, codes: codes)
            }
            return result
        }
    }

    /// Ids of units whose stems on `side` (0 source, 1 target) contain every token of `tokens`.
    func units(containing tokens: [Int32], side: Int) throws -> [Int64] {
        let schema = schema
        let column = side == 0 ? "stems" : "target_stems"
        return try session.run { connection, logger in
            var ids: [Int64] = []
            for try await (id) in try await connection.query(
                "SELECT id FROM \(unescaped: schema).unit WHERE \(unescaped: column) @> \(tokens)::integer[]",
                logger: logger
            ).decode(Int64.self) { ids.append(id) }
            return ids
        }
    }

    /// Ids of the tokens `texts` that the memory has.
    func tokenIDs(_ texts: [String]) throws -> [String: (id: Int32, df: Int)] {
        let schema = schema
        return try session.run { connection, logger in
            var result: [String: (id: Int32, df: Int)] = [:]
            for try await (text, id, df) in try await connection.query(
                "SELECT text, id, df FROM \(unescaped: schema).token WHERE text = ANY(\(texts)::text[])", logger: logger
            ).decode((String, Int32, Int).self) { result[text] = (id, df) }
            return result
        }
    }

    public func concordance(_ phrase: String, limit: Int = 20) throws -> (total: Int, hits: [ConcordanceHit]) {
        guard let sourceLanguage, let targetLanguage else { return (0, []) }
        let sides = [try MemoryTokenizer(language: sourceLanguage), try MemoryTokenizer(language: targetLanguage)]
        var found = Set<Int64>()
        var stemsBySide: [[String]] = []
        for (side, tokenizer) in sides.enumerated() {
            let stems = Array(Set(tokenizer.analyze(phrase).stems))
            stemsBySide.append(stems)
            guard !stems.isEmpty else { continue }
            let known = try tokenIDs(stems)
            // A word the memory has never seen on any side: no unit contains it there.
            guard known.count == stems.count else { continue }
            found.formUnion(try units(containing: stems.compactMap { known[$0]?.id }, side: side))
        }
        let ids = Array(found.sorted().prefix(limit))
        let rows = try unitTexts(ids)
        let hits = ids.compactMap { id -> ConcordanceHit? in
            guard let row = rows[id] else { return nil }
            return ConcordanceHit(
                id: id, tuid: row.tuid, source: row.source, target: row.target,
                sourceMatches: TranslationMemory.highlights(in: row.source, stems: Set(stemsBySide[0]), tokenizer: sides[0]),
                targetMatches: TranslationMemory.highlights(in: row.target, stems: Set(stemsBySide[1]), tokenizer: sides[1]))
        }
        return (found.count, hits)
    }
}

/// Candidates read from the server for one query. Each posting list arrives with the candidates' token arrays, so
/// scoring needs no further round trip.
final class PostgresCandidates: CandidateSource {
    let memory: PostgresMemory
    private var vocabulary: [String: (id: Int32, df: Int)] = [:]
    private var tokens: [UInt32: (words: [UInt32], stems: [UInt32])] = [:]

    init(memory: PostgresMemory) {
        self.memory = memory
    }

    /// Looks up every token of the query at once.
    func preload(_ texts: Set<String>) throws {
        guard !texts.isEmpty else { return }
        vocabulary = try memory.tokenIDs(Array(texts))
    }

    func lookup(_ token: String) throws -> (id: UInt32, frequency: Int)? {
        guard let known = vocabulary[token] else { return nil }
        return (UInt32(bitPattern: known.id), known.df)
    }

    func forEachPosting(_ token: UInt32, _ body: (UInt32) -> Void) throws {
        let schema = memory.schema
        let token = Int32(bitPattern: token)
        let rows = try memory.session.run { connection, logger in
            var rows: [(Int64, [Int32], [Int32])] = []
            for try await row in try await connection.query(
                "SELECT id, words, stems FROM \(unescaped: schema).unit WHERE stems @> ARRAY[\(token)]::integer[]",
                logger: logger
            ).decode((Int64, [Int32], [Int32]).self) { rows.append(row) }
            return rows
        }
        for (id, words, stems) in rows {
            let unit = UInt32(truncatingIfNeeded: id)
            if tokens[unit] == nil {
                tokens[unit] = (words.map { UInt32(bitPattern: $0) }, stems.map { UInt32(bitPattern: $0) })
            }
            body(unit)
        }
    }

    func withTokens<T>(of unit: UInt32, _ body: (UnsafeBufferPointer<UInt32>, UnsafeBufferPointer<UInt32>) -> T) throws
        -> T?
    {
        guard let stored = tokens[unit] else { return nil }
        return stored.words.withUnsafeBufferPointer { words in
            stored.stems.withUnsafeBufferPointer { stems in body(words, stems) }
        }
    }

    func longestSource() throws -> Int {
        Int(try memory.meta()[PostgresMemory.longestSourceKey] ?? "0") ?? 0
    }

    func forEachUnit(_ body: (UInt32, UnsafeBufferPointer<UInt32>, UnsafeBufferPointer<UInt32>) -> Void) throws {
        var after: Int64 = 0
        let schema = memory.schema
        while true {
            let from = after
            let rows = try memory.session.run { connection, logger in
                var rows: [(Int64, [Int32], [Int32])] = []
                for try await row in try await connection.query(
                    """
                    SELECT id, words, stems FROM \(unescaped: schema).unit WHERE id > \(from) ORDER BY id LIMIT 20000
                    """, logger: logger
                ).decode((Int64, [Int32], [Int32]).self) { rows.append(row) }
                return rows
            }
            guard let last = rows.last else { return }
            for (id, words, stems) in rows where !words.isEmpty {
                let w = words.map { UInt32(bitPattern: $0) }
                let s = stems.map { UInt32(bitPattern: $0) }
                w.withUnsafeBufferPointer { w in s.withUnsafeBufferPointer { s in body(UInt32(truncatingIfNeeded: id), w, s) } }
            }
            after = last.0
        }
    }
}
