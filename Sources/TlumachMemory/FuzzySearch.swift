import Foundation
import GRDB
import TlumachCore

/// A ranked hit before its text is fetched.
public struct RankedMatch: Sendable, Hashable {
    public var id: Int64
    /// OmegaT's score over word tokens: 100·(max(n,m) − LD)/max(n,m).
    public var score: Double
    /// The same over stems, for inflected queries; never below `score`.
    public var stemScore: Double

    /// The order of results: stem score, then word score (as OmegaT sorts), then the older unit first.
    package static func precedes(_ a: RankedMatch, _ b: RankedMatch) -> Bool {
        if a.stemScore != b.stemScore { return a.stemScore > b.stemScore }
        if a.score != b.score { return a.score > b.score }
        return a.id < b.id
    }
}

extension RankedMatch {
    /// For other modules (the memberwise initialiser is internal).
    package init(unit id: Int64, score: Double, stemScore: Double) {
        self.id = id
        self.score = score
        self.stemScore = stemScore
    }
}

/// A query reduced to token ids of one memory's vocabulary.
package struct PreparedQuery {
    package var words: [UInt32]
    package var stems: [UInt32]
    /// Document frequency of each stem position (0 for stems the memory has never seen).
    package var stemFrequencies: [Int]
    package var wordPattern: BitParallelPattern
    package var stemPattern: BitParallelPattern
}

/// Where candidates and their tokens come from: the whole index in memory (batch search) or the SQLite file
/// read on demand (a single cold search).
package protocol CandidateSource {
    /// Id and stem document frequency of a known token.
    func lookup(_ token: String) throws -> (id: UInt32, frequency: Int)?
    /// Units whose source stems include `token`.
    func forEachPosting(_ token: UInt32, _ body: (UInt32) -> Void) throws
    /// The word and stem ids of a unit's source segment.
    func withTokens<T>(of unit: UInt32, _ body: (UnsafeBufferPointer<UInt32>, UnsafeBufferPointer<UInt32>) -> T) throws
        -> T?
    /// Every unit, for the exhaustive reference search.
    func forEachUnit(_ body: (UInt32, UnsafeBufferPointer<UInt32>, UnsafeBufferPointer<UInt32>) -> Void) throws
    /// The most source stems any unit has (asked only for long queries).
    func longestSource() throws -> Int
}

/// Steps one query took, counted so tests can check that work grows linearly with the query (time is not
/// compared in tests).
package struct SearchWork: Sendable, Equatable {
    /// Distinct query tokens looked up in the vocabulary.
    package var lookups = 0
    /// Query stems taken in the rarest-first loop, posting entries read, candidates scored.
    package var stemsTaken = 0
    package var postings = 0
    package var scored = 0
    package var total: Int { lookups + stemsTaken + postings + scored }

    package init() {}
}

package enum FuzzyRanker {
    package static func prepare(
        _ analysis: SegmentAnalysis, source: some CandidateSource, work: inout SearchWork
    ) throws -> PreparedQuery {
        // Each distinct token is looked up once (a long query repeats its words). Words the memory has never seen
        // get private ids that match nothing stored (but match each other).
        var seen: [String: (UInt32, Int)] = [:]
        var unknownCount: UInt32 = 0
        func id(_ text: String) throws -> (UInt32, Int) {
            if let known = seen[text] { return known }
            work.lookups += 1
            let result: (UInt32, Int)
            if let known = try source.lookup(text) {
                result = (known.id, known.frequency)
            } else {
                result = (UInt32.max - 1 - unknownCount, 0)
                unknownCount += 1
            }
            seen[text] = result
            return result
        }
        let words = try analysis.words.map { try id($0).0 }
        let stems = try analysis.stems.map { try id($0) }
        return PreparedQuery(
            words: words, stems: stems.map(\.0), stemFrequencies: stems.map(\.1),
            wordPattern: BitParallelPattern(words), stemPattern: BitParallelPattern(stems.map(\.0)))
    }

    /// Smallest overlap a unit needs to reach `minimum`. A unit of m tokens within edit distance LD of a query of
    /// n tokens shares at least max(n,m) − LD of them, and score ≥ minimum means max(n,m) − LD ≥ minimum·max(n,m)/100
    /// ≥ minimum·n/100. (A hair of slack keeps rounding from ever excluding a qualifying unit.)
    package static func requiredOverlap(queryLength n: Int, minimum: Double) -> Int {
        max(1, Int((minimum * Double(n) / 100 - 1e-9).rounded(.up)))
    }

    /// The best `limit` units whose stem score reaches `minimum`, exactly as `exhaustive` ranks them, reading as
    /// few postings as possible. Query stems are taken rarest first; after the postings of the first p of them are
    /// scored, any unit not yet seen shares at most n − p query stems, and a unit needs α(t) = ⌈t·n/100⌉ shared
    /// stems to reach stem score t (LD ≥ max(n,m) − shared). The threshold t starts at `minimum` and rises to the
    /// k-th best stem score found once there are k results (units tying with it still count, so ties are ranked
    /// as a full scan ranks them). The scan stops as soon as n − p < α(t): no unseen unit can matter any more.
    /// A length filter (100·min(n,m)/max(n,m) ≥ t) skips units before their distance is computed.
    package static func rank(
        _ query: PreparedQuery, source: some CandidateSource, minimum: Double, limit: Int,
        seen: inout CandidateMarks, work: inout SearchWork
    ) throws -> [RankedMatch] {
        let n = query.stems.count
        guard n > 0, limit > 0 else { return [] }
        let minimum = max(minimum, Double.leastNonzeroMagnitude)
        guard requiredOverlap(queryLength: n, minimum: minimum) <= n else { return [] }
        // A query far longer than any stored segment cannot reach `minimum` with any of them (the length filter
        // below, applied to the longest): answered at once, however long it is.
        if try tooLongForAny(queryLength: n, source: source, minimum: minimum) { return [] }
        let byRarity = (0..<n).sorted {
            (query.stemFrequencies[$0], query.stems[$0]) < (query.stemFrequencies[$1], query.stems[$1])
        }
        seen.nextGeneration()
        var results: [RankedMatch] = []
        // The best `limit` stem scores so far, descending: the last one is the threshold once the list is full.
        var best: [Double] = []
        var threshold = minimum
        var scanned = Set<UInt32>()
        var candidates: [UInt32] = []
        for (p, position) in byRarity.enumerated() {
            if n - p < requiredOverlap(queryLength: n, minimum: threshold) { break }
            work.stemsTaken += 1
            let token = query.stems[position]
            guard query.stemFrequencies[position] > 0, scanned.insert(token).inserted else { continue }
            candidates.removeAll(keepingCapacity: true)
            try source.forEachPosting(token) { unit in
                if seen.mark(unit) { candidates.append(unit) }
            }
            work.postings += candidates.count
            work.scored += candidates.count
            for unit in candidates {
                let current = threshold
                let scored = try source.withTokens(of: unit) { words, stems -> RankedMatch? in
                    score(query, words: words, stems: stems, id: unit, minimum: current)
                }
                guard let match = scored ?? nil else { continue }
                results.append(match)
                if best.count < limit || match.stemScore > (best.last ?? 0) {
                    let index = best.firstIndex { $0 < match.stemScore } ?? best.count
                    best.insert(match.stemScore, at: index)
                    if best.count > limit { best.removeLast() }
                    if best.count == limit, let last = best.last { threshold = max(threshold, last) }
                }
            }
        }
        results.sort(by: RankedMatch.precedes)
        return Array(results.prefix(limit))
    }

    /// True when a query of `n` stems is so much longer than the longest stored segment that no unit can reach
    /// `minimum` (asked only from `longQuery` stems on). Checked before the query's words are looked up too, so a
    /// megabyte-long line costs its tokenisation, not a look-up per distinct word.
    package static func tooLongForAny(queryLength n: Int, source: some CandidateSource, minimum: Double) throws -> Bool {
        guard n > longQuery else { return false }
        let longest = try source.longestSource()
        return !(longest > 0 && 100 * Double(min(n, longest)) / Double(max(n, longest)) >= minimum)
    }

    /// Query length (stems) from which the longest stored segment is asked for before searching.
    static let longQuery = 256

    /// The reference: scores every unit.
    package static func exhaustive(
        _ query: PreparedQuery, source: some CandidateSource, minimum: Double, limit: Int
    ) throws -> [RankedMatch] {
        guard !query.stems.isEmpty, limit > 0 else { return [] }
        let minimum = max(minimum, Double.leastNonzeroMagnitude)
        var results: [RankedMatch] = []
        try source.forEachUnit { unit, words, stems in
            if let scored = score(query, words: words, stems: stems, id: unit, minimum: minimum) {
                results.append(scored)
            }
        }
        results.sort(by: RankedMatch.precedes)
        return Array(results.prefix(limit))
    }

    @inline(__always)
    static func score(
        _ query: PreparedQuery, words: UnsafeBufferPointer<UInt32>, stems: UnsafeBufferPointer<UInt32>, id: UInt32,
        minimum: Double
    ) -> RankedMatch? {
        let n = query.stems.count
        let m = stems.count
        // Length filter: even a perfect overlap scores at most 100·min(n,m)/max(n,m).
        guard m > 0, 100 * Double(min(n, m)) / Double(max(n, m)) >= minimum else { return nil }
        let stemScore = TokenLevenshtein.score(distance: query.stemPattern.distance(to: stems), n, m)
        guard stemScore >= minimum else { return nil }
        let score = TokenLevenshtein.score(distance: query.wordPattern.distance(to: words), n, m)
        return RankedMatch(id: Int64(id), score: score, stemScore: stemScore)
    }
}

/// Marks units already seen in this query without clearing an array per query (a generation counter).
package struct CandidateMarks {
    private var marks: [UInt32] = []
    private var generation: UInt32 = 0

    package init(capacity: Int = 0) {
        marks = [UInt32](repeating: 0, count: capacity)
    }

    package mutating func nextGeneration() {
        generation &+= 1
        if generation == 0 {
            for index in marks.indices { marks[index] = 0 }
            generation = 1
        }
    }

    /// True the first time `unit` is marked in this generation.
    package mutating func mark(_ unit: UInt32) -> Bool {
        let index = Int(unit)
        if index >= marks.count { marks.append(contentsOf: repeatElement(0, count: max(index + 1 - marks.count, marks.count))) }
        if marks[index] == generation { return false }
        marks[index] = generation
        return true
    }
}

/// The whole index in flat arrays: built from the store once, then searched at memory speed.
package final class LoadedIndex: CandidateSource {
    var vocabulary: [String: UInt32] = [:]
    /// Tokens of unit id u are words[offsets[u]..<offsets[u+1]] (and the same range of stems).
    var offsets: [UInt32] = [0]
    var words: [UInt32] = []
    var stems: [UInt32] = []
    /// Postings in compressed-row form: units of token t are postingUnits[postingOffsets[t]..<postingOffsets[t+1]].
    var postingOffsets: [UInt32] = []
    var postingUnits: [UInt32] = []

    /// What a store hands over to build the index: its vocabulary and each unit's source tokens.
    package struct Builder: Sendable {
        fileprivate var vocabulary: [String: UInt32] = [:]
        fileprivate var maxToken = 0
        fileprivate var offsets: [UInt32] = [0]
        fileprivate var words: [UInt32] = []
        fileprivate var stems: [UInt32] = []

        package init() {}

        package mutating func addToken(_ text: String, id: Int64) {
            vocabulary[text] = UInt32(truncatingIfNeeded: id)
            maxToken = max(maxToken, Int(id))
        }

        package mutating func reserveUnits(upTo maxID: Int) {
            offsets.reserveCapacity(maxID + 2)
        }

        /// One unit's word and stem ids; units come in ascending id order.
        package mutating func addUnit(id: Int, words unitWords: UnsafeBufferPointer<UInt32>, stems unitStems: UnsafeBufferPointer<UInt32>)
            throws
        {
            // A damaged row (word and stem arrays of different lengths) would misalign every later unit.
            guard unitWords.count == unitStems.count else {
                throw InputError(path: "<memory>", message: "the token row of unit #\(id) is damaged")
            }
            // Ids with no row (never assigned, or deleted) get empty ranges.
            while offsets.count <= id { offsets.append(UInt32(words.count)) }
            words.append(contentsOf: unitWords)
            stems.append(contentsOf: unitStems)
            offsets.append(UInt32(words.count))
        }
    }

    /// Reads the vocabulary and every unit's tokens from a SQLite memory.
    convenience init(db: Database) throws {
        var builder = Builder()
        let tokenRows = try Row.fetchCursor(db, sql: "SELECT id, text FROM token")
        while let row = try tokenRows.next() {
            builder.addToken(try row.decode(String.self, atIndex: 1), id: try row.decode(atIndex: 0))
        }
        builder.reserveUnits(upTo: try Int.fetchOne(db, sql: "SELECT max(id) FROM unit_tokens") ?? 0)
        let rows = try Row.fetchCursor(db, sql: "SELECT id, words, stems FROM unit_tokens ORDER BY id")
        while let row = try rows.next() {
            let id = Int(try row.decode(Int64.self, atIndex: 0))
            try row.withUnsafeData(atIndex: 1) { words in
                try row.withUnsafeData(atIndex: 2) { stems in
                    try (words ?? Data()).withUnsafeBytes { words in
                        try (stems ?? Data()).withUnsafeBytes { stems in
                            try builder.addUnit(id: id, words: words.bindMemory(to: UInt32.self), stems: stems.bindMemory(to: UInt32.self))
                        }
                    }
                }
            }
        }
        try self.init(builder)
    }

    /// Builds the postings from what `builder` holds.
    package init(_ builder: Builder) throws {
        vocabulary = builder.vocabulary
        offsets = builder.offsets
        words = builder.words
        stems = builder.stems
        let maxToken = builder.maxToken
        // Token ids index the arrays below: one the vocabulary does not have can only come from a damaged store.
        guard stems.allSatisfy({ Int($0) <= maxToken }) else {
            throw InputError(path: "<memory>", message: "the index refers to tokens the memory does not have")
        }
        // Postings rebuilt from the stems: counting pass, then filling pass (each unit once per distinct stem).
        var counts = [UInt32](repeating: 0, count: maxToken + 2)
        var lastUnitOfToken = [UInt32](repeating: .max, count: maxToken + 1)
        let unitCount = offsets.count - 1
        for unit in 0..<unitCount {
            for index in Int(offsets[unit])..<Int(offsets[unit + 1]) {
                let token = Int(stems[index])
                if lastUnitOfToken[token] != UInt32(unit) {
                    lastUnitOfToken[token] = UInt32(unit)
                    counts[token + 1] += 1
                }
            }
        }
        for token in 0..<(maxToken + 1) { counts[token + 1] += counts[token] }
        postingOffsets = counts
        postingUnits = [UInt32](repeating: 0, count: Int(counts[maxToken + 1]))
        var fill = counts
        for index in lastUnitOfToken.indices { lastUnitOfToken[index] = .max }
        for unit in 0..<unitCount {
            for index in Int(offsets[unit])..<Int(offsets[unit + 1]) {
                let token = Int(stems[index])
                if lastUnitOfToken[token] != UInt32(unit) {
                    lastUnitOfToken[token] = UInt32(unit)
                    postingUnits[Int(fill[token])] = UInt32(unit)
                    fill[token] += 1
                }
            }
        }
    }

    package var unitCapacity: Int { offsets.count }

    package func longestSource() throws -> Int {
        var longest: UInt32 = 0
        for index in offsets.indices.dropFirst() { longest = max(longest, offsets[index] &- offsets[index - 1]) }
        return Int(longest)
    }

    package func lookup(_ token: String) throws -> (id: UInt32, frequency: Int)? {
        guard let id = vocabulary[token] else { return nil }
        let index = Int(id)
        let df = index + 1 < postingOffsets.count ? Int(postingOffsets[index + 1] - postingOffsets[index]) : 0
        return (id, df)
    }

    package func forEachPosting(_ token: UInt32, _ body: (UInt32) -> Void) throws {
        let index = Int(token)
        guard index + 1 < postingOffsets.count else { return }
        postingUnits.withUnsafeBufferPointer { units in
            for position in Int(postingOffsets[index])..<Int(postingOffsets[index + 1]) { body(units[position]) }
        }
    }

    package func withTokens<T>(of unit: UInt32, _ body: (UnsafeBufferPointer<UInt32>, UnsafeBufferPointer<UInt32>) -> T) throws
        -> T?
    {
        let index = Int(unit)
        guard index + 1 < offsets.count else { return nil }
        let range = Int(offsets[index])..<Int(offsets[index + 1])
        return words.withUnsafeBufferPointer { words in
            stems.withUnsafeBufferPointer { stems in
                body(UnsafeBufferPointer(rebasing: words[range]), UnsafeBufferPointer(rebasing: stems[range]))
            }
        }
    }

    package func forEachUnit(_ body: (UInt32, UnsafeBufferPointer<UInt32>, UnsafeBufferPointer<UInt32>) -> Void) throws {
        words.withUnsafeBufferPointer { words in
            stems.withUnsafeBufferPointer { stems in
                for unit in 0..<(offsets.count - 1) {
                    let range = Int(offsets[unit])..<Int(offsets[unit + 1])
                    if range.isEmpty { continue }
                    body(UInt32(unit), UnsafeBufferPointer(rebasing: words[range]), UnsafeBufferPointer(rebasing: stems[range]))
                }
            }
        }
    }
}

/// Reads only what one query needs from the SQLite file: the query's vocabulary entries, the posting chunks of its
/// rarest stems and the tokens of the candidates. Nothing is loaded up front, so a cold search stays fast.
final class StoredIndex: CandidateSource {
    let db: Database
    private let lookupToken: Statement
    private let postings: Statement
    private let tokens: Statement

    init(db: Database) throws {
        self.db = db
        lookupToken = try db.cachedStatement(sql: "SELECT id, df FROM token WHERE text = ?")
        postings = try db.cachedStatement(sql: "SELECT units FROM posting WHERE side = 0 AND token = ?")
        tokens = try db.cachedStatement(sql: "SELECT words, stems FROM unit_tokens WHERE id = ?")
    }

    func lookup(_ token: String) throws -> (id: UInt32, frequency: Int)? {
        guard let row = try Row.fetchOne(lookupToken, arguments: [token]) else { return nil }
        return (UInt32(truncatingIfNeeded: try row.decode(Int64.self, atIndex: 0)), Int(try row.decode(Int64.self, atIndex: 1)))
    }

    func forEachPosting(_ token: UInt32, _ body: (UInt32) -> Void) throws {
        let rows = try Row.fetchCursor(postings, arguments: [Int64(token)])
        while let row = try rows.next() {
            try row.withUnsafeData(atIndex: 0) { data in
                data?.withUnsafeBytes { for unit in $0.bindMemory(to: UInt32.self) { body(unit) } }
            }
        }
    }

    func withTokens<T>(of unit: UInt32, _ body: (UnsafeBufferPointer<UInt32>, UnsafeBufferPointer<UInt32>) -> T) throws
        -> T?
    {
        guard let row = try Row.fetchOne(tokens, arguments: [Int64(unit)]) else { return nil }
        let words = try row.decode(Data.self, atIndex: 0).tokenIDs()
        let stems = try row.decode(Data.self, atIndex: 1).tokenIDs()
        return words.withUnsafeBufferPointer { w in stems.withUnsafeBufferPointer { s in body(w, s) } }
    }

    func longestSource() throws -> Int {
        try Int.fetchOne(db, sql: "SELECT coalesce(max(length(stems)), 0) / 4 FROM unit_tokens") ?? 0
    }

    func forEachUnit(_ body: (UInt32, UnsafeBufferPointer<UInt32>, UnsafeBufferPointer<UInt32>) -> Void) throws {
        let rows = try Row.fetchCursor(db, sql: "SELECT id, words, stems FROM unit_tokens ORDER BY id")
        while let row = try rows.next() {
            let words = try row.decode(Data.self, atIndex: 1).tokenIDs()
            let stems = try row.decode(Data.self, atIndex: 2).tokenIDs()
            let id = UInt32(truncatingIfNeeded: try row.decode(Int64.self, atIndex: 0))
            if words.isEmpty { continue }
            words.withUnsafeBufferPointer { w in
                stems.withUnsafeBufferPointer { s in body(id, w, s) }
            }
        }
    }
}
