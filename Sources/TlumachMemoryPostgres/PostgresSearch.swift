import Foundation
import PostgresNIO
import TlumachCore
import TlumachMemory
import TlumachTMX

/// Fuzzy search over a PostgreSQL memory with the SQLite store's ranker and scores, in four round trips for any
/// number of queries: the tokens of every query; the units holding each query's rarest stem; those holding the
/// further stems the threshold then still needs (length-filtered on the server, stems only, each unit once per
/// query); then words and texts of the units that can still be in a top list. Candidates are scored in Swift with
/// the exact OmegaT-compatible score, so results are the full scan's.
public final class PostgresSearcher: FuzzySearching {
    let memory: PostgresMemory
    let tokenizer: MemoryTokenizer
    /// Steps the last query (or batch) took.
    package private(set) var lastWork = SearchWork()

    init(memory: PostgresMemory) throws {
        self.memory = memory
        tokenizer = try Self.tokenizer(for: memory)
    }

    public func rank(_ query: String, minimum: Double = 70, limit: Int = 5) throws -> [RankedMatch] {
        try rank([tokenizer.analyze(query)], minimum: minimum, limit: limit, texts: false).ranked[0]
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
        try search(batch: [query], minimum: minimum, limit: limit)[0]
    }

    public func search(batch queries: [String], minimum: Double, limit: Int) throws -> [[MemoryMatch]] {
        let analyses = queries.map { tokenizer.analyze($0) }
        let (ranked, rows) = try rank(analyses, minimum: minimum, limit: limit, texts: true)
        return zip(queries, ranked).map { query, hits in
            Self.matches(hits, query: query, texts: rows, tokenizer: tokenizer)
        }
    }

    /// The best `limit` units of each query, exactly as `FuzzyRanker.exhaustive` ranks them, and (with `texts`)
    /// the texts of the units ranked.
    private func rank(_ analyses: [SegmentAnalysis], minimum: Double, limit: Int, texts: Bool) throws
        -> (ranked: [[RankedMatch]], rows: [Int64: PostgresMemory.UnitText])
    {
        var work = SearchWork()
        defer { lastWork = work }
        var ranked = [[RankedMatch]](repeating: [], count: analyses.count)
        let minimum = max(minimum, Double.leastNonzeroMagnitude)
        guard limit > 0 else { return (ranked, [:]) }
        // Queries that cannot match anything are answered without the server.
        let source = PostgresCandidates(memory: memory)
        var live: [Int] = []
        for (index, analysis) in analyses.enumerated() {
            let n = analysis.stems.count
            guard n > 0, FuzzyRanker.requiredOverlap(queryLength: n, minimum: minimum) <= n,
                !(try FuzzyRanker.tooLongForAny(queryLength: n, source: source, minimum: minimum))
            else { continue }
            live.append(index)
        }
        guard !live.isEmpty else { return (ranked, [:]) }
        // Round trip 1: every query's tokens.
        try source.preload(Set(live.flatMap { analyses[$0].words + analyses[$0].stems }))
        // Per query: its token ids, its stem positions rarest first and how many of them are taken, the tokens
        // whose postings were read, and the candidates reaching `minimum` on stems.
        var prepared: [TlumachMemory.PreparedQuery?] = Array(repeating: nil, count: analyses.count)
        var byRarity: [[Int]] = Array(repeating: [], count: analyses.count)
        var taken: [Int] = Array(repeating: 0, count: analyses.count)
        var read: [[Int32]] = Array(repeating: [], count: analyses.count)
        var candidates: [[(id: Int64, stemScore: Double)]] = Array(repeating: [], count: analyses.count)
        var stemsByUnit: [Int64: [UInt32]] = [:]
        for index in live {
            let query = try FuzzyRanker.prepare(analyses[index], source: source, work: &work)
            let n = query.stems.count
            prepared[index] = query
            byRarity[index] = (0..<n).sorted {
                (query.stemFrequencies[$0], query.stems[$0]) < (query.stemFrequencies[$1], query.stems[$1])
            }
        }
        // As `FuzzyRanker.rank`: stems rarest first, until a unit not yet seen shares too few stems to reach the
        // threshold. The threshold rises once, between the two round trips: to the limit-th best stem score found
        // through each query's rarest stem (round trip 2), which bounds what the other stems must bring (round trip
        // 3). A unit is read once per query: postings of a later stem leave out units holding an earlier one.
        for phase in 0..<2 {
            var requests = CandidateRequests()
            for index in live {
                guard let query = prepared[index] else { continue }
                let n = query.stems.count
                var threshold = minimum
                if phase == 1 && candidates[index].count >= limit {
                    let scores = candidates[index].map(\.stemScore).sorted(by: >)
                    threshold = max(minimum, scores[limit - 1])
                }
                let needed = FuzzyRanker.requiredOverlap(queryLength: n, minimum: threshold)
                let lengths = Self.lengths(queryLength: n, minimum: threshold)
                while taken[index] < n {
                    if n - taken[index] < needed { break }
                    let position = byRarity[index][taken[index]]
                    taken[index] += 1
                    work.stemsTaken += 1
                    let token = Int32(bitPattern: query.stems[position])
                    guard query.stemFrequencies[position] > 0, !read[index].contains(token) else { continue }
                    requests.add(query: index, token: token, after: read[index], lengths: lengths)
                    read[index].append(token)
                    if phase == 0 { break }
                }
            }
            guard !requests.isEmpty else { continue }
            for (slot, id, stemsRead) in try requests.fetch(memory) {
                let stems = stemsByUnit[id] ?? stemsRead
                stemsByUnit[id] = stems
                guard let query = prepared[slot] else { continue }
                work.postings += 1
                work.scored += 1
                let n = query.stems.count
                let m = stems.count
                guard m > 0, 100 * Double(min(n, m)) / Double(max(n, m)) >= minimum else { continue }
                let stemScore = stems.withUnsafeBufferPointer {
                    TokenLevenshtein.score(distance: query.stemPattern.distance(to: $0), n, m)
                }
                if stemScore >= minimum { candidates[slot].append((id, stemScore)) }
            }
        }
        // Only units whose stem score reaches the limit-th best can be in a top list (the word score orders ties).
        var wanted = Set<Int64>()
        for index in candidates.indices {
            let scores = candidates[index].map(\.stemScore).sorted(by: >)
            guard let cut = scores.count >= limit ? scores[limit - 1] : scores.last else { continue }
            candidates[index].removeAll { $0.stemScore < cut }
            wanted.formUnion(candidates[index].map(\.id))
        }
        // Round trip 3: their words (and texts).
        let rows = try memory.unitRows(Array(wanted), texts: texts)
        for index in candidates.indices {
            guard let query = prepared[index] else { continue }
            var results: [RankedMatch] = []
            for candidate in candidates[index] {
                guard let row = rows[candidate.id], let stems = stemsByUnit[candidate.id] else { continue }
                let score = row.words.withUnsafeBufferPointer {
                    TokenLevenshtein.score(distance: query.wordPattern.distance(to: $0), query.stems.count, stems.count)
                }
                results.append(RankedMatch(unit: candidate.id, score: score, stemScore: candidate.stemScore))
            }
            results.sort(by: RankedMatch.precedes)
            ranked[index] = Array(results.prefix(limit))
        }
        var texts: [Int64: PostgresMemory.UnitText] = [:]
        for (id, row) in rows { if let text = row.text { texts[id] = text } }
        return (ranked, texts)
    }

    /// Source stem counts m that can pass the length filter 100·min(n,m)/max(n,m) ≥ minimum (decided by that very
    /// expression, so no unit the scorer would keep is left out).
    static func lengths(queryLength n: Int, minimum: Double) -> ClosedRange<Int> {
        func passes(_ m: Int) -> Bool { 100 * Double(min(n, m)) / Double(max(n, m)) >= minimum }
        var shortest = n
        while shortest > 1 && passes(shortest - 1) { shortest -= 1 }
        // Beyond a million stems there are no units; the bound only keeps the loop finite for tiny minimums.
        var longest = n
        while longest < 1_000_000 && passes(longest + 1) { longest += 1 }
        return shortest...longest
    }
}

/// Posting reads of many queries, sent as one statement: per read, the query, the token, the stem counts a unit
/// needs for the length filter, and the tokens read before for the same query (units holding one were seen).
struct CandidateRequests {
    private var queries: [Int32] = []
    private var tokens: [Int32] = []
    private var shortest: [Int32] = []
    private var longest: [Int32] = []
    /// Earlier tokens of read i: earlier[earlierFrom[i] ... earlierTo[i]] (1-based, as PostgreSQL slices).
    private var earlier: [Int32] = []
    private var earlierFrom: [Int32] = []
    private var earlierTo: [Int32] = []

    var isEmpty: Bool { tokens.isEmpty }

    mutating func add(query: Int, token: Int32, after previous: [Int32], lengths: ClosedRange<Int>) {
        queries.append(Int32(query))
        tokens.append(token)
        shortest.append(Int32(clamping: lengths.lowerBound))
        longest.append(Int32(clamping: lengths.upperBound))
        earlierFrom.append(Int32(earlier.count + 1))
        earlier.append(contentsOf: previous)
        earlierTo.append(Int32(earlier.count))
    }

    /// (query, unit id, the unit's stems) for every unit of every read.
    func fetch(_ memory: PostgresMemory) throws -> [(Int, Int64, [UInt32])] {
        let table = memory.sourceStemsTable
        let holds = memory.holdsStem("c.token", shortest: "c.shortest", longest: "c.longest")
        let (queries, tokens, shortest, longest, earlier, earlierFrom, earlierTo) =
            (queries, tokens, shortest, longest, earlier, earlierFrom, earlierTo)
        let location = memory.location
        return try memory.session.run { connection, logger in
            var rows: [(Int, Int64, [UInt32])] = []
            for try await row in try await connection.query(
                """
                SELECT c.q, u.id, u.stems FROM unnest(\(queries)::integer[], \(tokens)::integer[],
                \(shortest)::integer[], \(longest)::integer[], \(earlierFrom)::integer[], \(earlierTo)::integer[])
                AS c(q, token, shortest, longest, efrom, eto)
                JOIN \(unescaped: table) u ON \(unescaped: holds)
                AND cardinality(u.stems) BETWEEN c.shortest AND c.longest
                AND NOT (u.stems && (\(earlier)::integer[])[c.efrom:c.eto])
                """, logger: logger
            ) {
                // The stems straight from the binary array payload: PostgresNIO's generic array decoding was a
                // sixth of a batch's client CPU (~1,200 rows per query).
                var cells = row.makeIterator()
                guard let query = try cells.next()?.decode(Int32.self), let id = try cells.next()?.decode(Int64.self),
                    let stemsCell = cells.next()
                else { continue }
                var stems: [UInt32] = []
                guard IndexPage.appendIntegers(stemsCell.bytes, to: &stems) else {
                    throw InputError(path: location, message: "the token row of unit #\(id) is damaged")
                }
                rows.append((Int(query), id, stems))
            }
            return rows
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

    struct UnitRow: Sendable {
        var words: [UInt32]
        var text: UnitText?
    }

    /// Word ids (and with `texts`, texts) of the units `ids`, in one round trip.
    func unitRows(_ ids: [Int64], texts: Bool) throws -> [Int64: UnitRow] {
        guard !ids.isEmpty else { return [:] }
        let schema = schema
        return try session.run { connection, logger in
            var result: [Int64: UnitRow] = [:]
            if texts {
                for try await (id, words, tuid, source, target, codes) in try await connection.query(
                    """
                    SELECT id, words, tuid, source_text, target_text, source_codes FROM \(unescaped: schema).unit
                    WHERE id = ANY(\(ids)::bigint[])
                    """, logger: logger
                ).decode((Int64, [Int32], String?, String, String, Int).self) {
                    result[id] = UnitRow(
                        words: words.map { UInt32(bitPattern: $0) },
                        text: UnitText(tuid: tuid, source: source, target: target, codes: codes))
                }
            } else {
                for try await (id, words) in try await connection.query(
                    "SELECT id, words FROM \(unescaped: schema).unit WHERE id = ANY(\(ids)::bigint[])", logger: logger
                ).decode((Int64, [Int32]).self) { result[id] = UnitRow(words: words.map { UInt32(bitPattern: $0) }) }
            }
            return result
        }
    }

    /// Ids of units whose stems on `side` (0 source, 1 target) contain every token of `tokens`.
    func units(containing tokens: [Int32], side: Int) throws -> [Int64] {
        // Source side: each token through the index at any length (bitmaps ANDed), then all of them exactly.
        let (table, column) = side == 0 ? (sourceStemsTable, "stems") : (schema + ".unit", "target_stems")
        let indexed = side == 0 ? tokens.map { holdsStem(String($0), shortest: "0", longest: "63") + " AND " }.joined() : ""
        return try session.run { connection, logger in
            var ids: [Int64] = []
            for try await (id) in try await connection.query(
                "SELECT id FROM \(unescaped: table) u WHERE \(unescaped: indexed)u.\(unescaped: column) @> \(tokens)::integer[]",
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
        let table = memory.sourceStemsTable
        let token = Int32(bitPattern: token)
        let holds = memory.holdsStem(String(token), shortest: "0", longest: "63")
        let rows = try memory.session.run { connection, logger in
            var rows: [(Int64, [Int32], [Int32])] = []
            for try await row in try await connection.query(
                """
                SELECT id, words, stems FROM \(unescaped: schema).unit
                WHERE id IN (SELECT u.id FROM \(unescaped: table) u WHERE \(unescaped: holds))
                """,
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
