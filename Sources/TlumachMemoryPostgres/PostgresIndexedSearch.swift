import Foundation
import PostgresNIO
import TlumachCore
import TlumachMemory

/// Fuzzy search over a PostgreSQL memory with the whole index held in this process (`LoadedIndex`, the structure
/// the SQLite store preloads): ranking needs no round trip, and one statement fetches the texts of the matches.
/// For a long-running reader (the server); a one-shot command asks the server's index instead (`PostgresSearcher`),
/// since loading a large memory's index costs seconds.
public final class PostgresIndexedSearcher: IndexHoldingSearcher {
    let memory: PostgresMemory
    let tokenizer: MemoryTokenizer
    private let index: HeldIndex
    private var marks: CandidateMarks

    /// Loads the index of `memory`: the vocabulary, then every unit's source tokens in pages, in one snapshot.
    public convenience init(loading memory: PostgresMemory) throws {
        let tokenizer = try PostgresSearcher.tokenizer(for: memory)
        try self.init(memory: memory, tokenizer: tokenizer, index: memory.loadIndex())
    }

    private init(memory: PostgresMemory, tokenizer: MemoryTokenizer, index: HeldIndex) {
        self.memory = memory
        self.tokenizer = tokenizer
        self.index = index
        marks = CandidateMarks(capacity: index.unitCapacity)
    }

    /// A searcher reading texts through `memory` (another connection) that shares this one's index: concurrent
    /// searches each need their own candidate marks and connection, not their own copy of the index.
    public func sharingIndex(through memory: PostgresMemory) -> PostgresIndexedSearcher {
        PostgresIndexedSearcher(memory: memory, tokenizer: tokenizer, index: index)
    }

    package var heldIndex: HeldIndex? { index }

    /// A searcher over the same connection searching `index` (the held index with later writes applied).
    package func replacingIndex(_ index: HeldIndex) -> any FuzzySearching {
        PostgresIndexedSearcher(memory: memory, tokenizer: tokenizer, index: index)
    }

    public func rank(_ query: String, minimum: Double = 70, limit: Int = 5) throws -> [RankedMatch] {
        var work = SearchWork()
        return try FuzzyRanker.rank(
            tokenizer.analyze(query), in: index, minimum: minimum, limit: limit, seen: &marks, work: &work)
    }

    public func rankExhaustively(_ query: String, minimum: Double = 70, limit: Int = 5) throws -> [RankedMatch] {
        try FuzzyRanker.rankExhaustively(tokenizer.analyze(query), in: index, minimum: minimum, limit: limit)
    }

    public func search(_ query: String, minimum: Double = 70, limit: Int = 5) throws -> [MemoryMatch] {
        let ranked = try rank(query, minimum: minimum, limit: limit)
        guard !ranked.isEmpty else { return [] }
        return PostgresSearcher.matches(ranked, query: query, texts: try memory.unitTexts(ranked.map(\.id)), tokenizer: tokenizer)
    }
}

extension PostgresSearcher {
    /// The tokenizer of the memory's source language, refused when the memory was indexed with another stemmer.
    static func tokenizer(for memory: PostgresMemory) throws -> MemoryTokenizer {
        guard let source = memory.sourceLanguage else {
            throw InputError(path: memory.location, message: "the memory is empty (import a TMX file first)")
        }
        let tokenizer = try MemoryTokenizer(language: source)
        // The stemmer is recorded by the first write and never changes: the meta read at opening has it, unless
        // that was before the first write.
        let recorded = try memory.loadedMeta[MemorySchema.sourceStemmerKey] ?? memory.meta()[MemorySchema.sourceStemmerKey]
        if let stored = recorded, stored != tokenizer.stemmer.identifier {
            throw MemoryError.stemmerChanged(stored: stored, current: tokenizer.stemmer.identifier)
        }
        return tokenizer
    }

    /// Ranked units with their texts, differences and numbers.
    static func matches(
        _ ranked: [RankedMatch], query: String, texts: [Int64: PostgresMemory.UnitText], tokenizer: MemoryTokenizer
    ) -> [MemoryMatch] {
        let queryAnalysis = tokenizer.analyze(query)
        return ranked.compactMap { hit -> MemoryMatch? in
            guard let row = texts[hit.id] else { return nil }
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
    /// Units read per round trip while loading the index.
    static let indexPage = 50_000

    /// The vocabulary and every unit's source tokens, read in one repeatable-read transaction so that a concurrent
    /// import is either wholly in the index or not at all; with the position it stands at, read in the same snapshot.
    func loadIndex() throws -> HeldIndex {
        let schema = schema
        var builder = LoadedIndex.Builder()
        try session.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
        defer { try? session.execute("COMMIT") }
        let position = try indexPosition()
        let tokens = try session.run { connection, logger in
            var tokens: [(Int64, String)] = []
            for try await row in try await connection.query(
                "SELECT id, text FROM \(unescaped: schema).token", logger: logger
            ).decode((Int64, String).self) { tokens.append(row) }
            return tokens
        }
        for (id, text) in tokens { builder.addToken(text, id: id) }
        var after: Int64 = 0
        let location = location
        while true {
            let from = after
            // A page of units decoded straight from the binary array payloads into flat arrays: no array per unit.
            let page = try session.run { connection, logger in
                var page = IndexPage()
                page.reserve(Self.indexPage)
                for try await row in try await connection.query(
                    """
                    SELECT id, words, stems FROM \(unescaped: schema).unit WHERE id > \(from)
                    ORDER BY id LIMIT \(Self.indexPage)
                    """, logger: logger
                ) {
                    var cells = row.makeIterator()
                    guard let id = try cells.next()?.decode(Int64.self), let words = cells.next(), let stems = cells.next()
                    else { continue }
                    try page.append(id: id, words: words.bytes, stems: stems.bytes, location: location)
                }
                return page
            }
            guard let last = page.ids.last else { break }
            try page.words.withUnsafeBufferPointer { words in
                try page.stems.withUnsafeBufferPointer { stems in
                    var wordStart = 0
                    var stemStart = 0
                    for (index, id) in page.ids.enumerated() {
                        let wordEnd = page.wordEnds[index]
                        let stemEnd = page.stemEnds[index]
                        try builder.addUnit(
                            id: Int(id), words: UnsafeBufferPointer(rebasing: words[wordStart..<wordEnd]),
                            stems: UnsafeBufferPointer(rebasing: stems[stemStart..<stemEnd]))
                        wordStart = wordEnd
                        stemStart = stemEnd
                    }
                }
            }
            after = last
        }
        return HeldIndex(base: try LoadedIndex(builder), position: position)
    }

    /// The last change and the largest unit and token ids (inside the caller's snapshot).
    func indexPosition() throws -> IndexPosition {
        let schema = schema
        let query = """
            SELECT (\(Self.lastChange(schema: schema))), (SELECT coalesce(max(id), 0) FROM \(schema).unit)::bigint,
            (SELECT coalesce(max(id), 0) FROM \(schema).token)::bigint
            """
        return try session.run { connection, logger in
            var position = IndexPosition(change: 0, maxUnit: 0, maxToken: 0)
            for try await (change, unit, token) in try await connection.query(PostgresQuery(unsafeSQL: query), logger: logger)
                .decode((Int64, Int64, Int64).self)
            {
                position = IndexPosition(change: change, maxUnit: unit, maxToken: token)
            }
            return position
        }
    }
}

extension PostgresMemory: IndexFollowing {
    /// Units stored (or stored again) and deleted after `position`, and the tokens added since, in one snapshot.
    /// (Units carry the change that stored them, so `largestKept` is not needed.)
    package func indexDelta(after position: IndexPosition, largestKept: (Set<Int64>) -> Int64) throws -> IndexDelta {
        let schema = schema
        try session.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
        defer { try? session.execute("COMMIT") }
        // Right after a bulk import the table has no statistics yet and the planner reads all of it (0.8 s at 1M
        // units) to find the few units past `change`: the index on change is always the way here.
        try session.execute("SET LOCAL enable_seqscan = off")
        let reached = try indexPosition()
        let location = location
        return try session.run { connection, logger in
            var units: [IndexDelta.Unit] = []
            for try await (id, words, stems) in try await connection.query(
                "SELECT id, words, stems FROM \(unescaped: schema).unit WHERE change > \(position.change) ORDER BY id",
                logger: logger
            ).decode((Int64, [Int32], [Int32]).self) {
                guard words.count == stems.count else {
                    throw InputError(path: location, message: "the token row of unit #\(id) is damaged")
                }
                units.append(
                    IndexDelta.Unit(
                        id: id, words: words.map { UInt32(bitPattern: $0) }, stems: stems.map { UInt32(bitPattern: $0) }))
            }
            var deleted: [Int64] = []
            for try await (id) in try await connection.query(
                "SELECT id FROM \(unescaped: schema).deleted WHERE change > \(position.change) ORDER BY change",
                logger: logger
            ).decode(Int64.self) { deleted.append(id) }
            var tokens: [(text: String, id: Int64)] = []
            for try await (id, text) in try await connection.query(
                "SELECT id, text FROM \(unescaped: schema).token WHERE id > \(position.maxToken)", logger: logger
            ).decode((Int64, String).self) { tokens.append((text, id)) }
            return IndexDelta(reached: reached, deleted: deleted, units: units, tokens: tokens)
        }
    }
}

/// One page of the index load: units' ids and their word and stem ids end to end.
struct IndexPage: Sendable {
    var ids: [Int64] = []
    var wordEnds: [Int] = []
    var stemEnds: [Int] = []
    var words: [UInt32] = []
    var stems: [UInt32] = []

    mutating func reserve(_ units: Int) {
        // Growing one page's arrays geometrically is cheap; only the per-unit ones are sized up front.
        ids.reserveCapacity(units)
        wordEnds.reserveCapacity(units)
        stemEnds.reserveCapacity(units)
    }

    mutating func append(id: Int64, words wordBytes: ByteBuffer?, stems stemBytes: ByteBuffer?, location: String) throws {
        guard Self.appendIntegers(wordBytes, to: &words), Self.appendIntegers(stemBytes, to: &stems) else {
            throw InputError(path: location, message: "the token row of unit #\(id) is damaged")
        }
        ids.append(id)
        wordEnds.append(words.count)
        stemEnds.append(stems.count)
    }

    /// Appends the elements of a one-dimensional `integer[]` in PostgreSQL's binary format (dimensions, null flag,
    /// element type, then per dimension its length and lower bound, then per element its length and big-endian
    /// value); the bits are kept unsigned, as the index holds them. False for anything else (nulls included).
    static func appendIntegers(_ bytes: ByteBuffer?, to out: inout [UInt32]) -> Bool {
        guard var buffer = bytes, let dimensions = buffer.readInteger(as: Int32.self),
            let hasNulls = buffer.readInteger(as: Int32.self), let type = buffer.readInteger(as: UInt32.self)
        else { return false }
        if dimensions == 0 { return true }
        guard dimensions == 1, hasNulls == 0, type == 23, let length = buffer.readInteger(as: Int32.self),
            buffer.readInteger(as: Int32.self) != nil, length >= 0
        else { return false }
        let count = Int(length)
        return buffer.withUnsafeReadableBytes { raw in
            guard raw.count == count * 8 else { return false }
            for index in 0..<count {
                guard Int32(bigEndian: raw.loadUnaligned(fromByteOffset: index * 8, as: Int32.self)) == 4 else { return false }
                out.append(UInt32(bigEndian: raw.loadUnaligned(fromByteOffset: index * 8 + 4, as: UInt32.self)))
            }
            return true
        }
    }
}
