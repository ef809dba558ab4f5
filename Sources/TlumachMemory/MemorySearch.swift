import Foundation
import GRDB
import TlumachCore
import TlumachTMX

/// One fuzzy match, ready to show.
public struct MemoryMatch: Sendable, Hashable {
    public var id: Int64
    public var tuid: String?
    public var source: String
    public var target: String
    /// OmegaT-compatible score over word tokens (0–100).
    public var score: Double
    /// The same over stems (0–100, ≥ score): high when only inflections differ.
    public var stemScore: Double
    /// The stored source against the query, word by word: `[-only in the match-]{+only in the query+}`.
    public var diff: String
    /// Numbers the query has and the match lacks, and the reverse (a 100% match can still differ in a number).
    public var numbersOnlyInQuery: [String]
    public var numbersOnlyInMatch: [String]
    /// Inline codes (tags) in the stored source; the plain-text query has none.
    public var sourceCodes: Int

    package init(
        id: Int64, tuid: String?, source: String, target: String, score: Double, stemScore: Double, diff: String,
        numbersOnlyInQuery: [String], numbersOnlyInMatch: [String], sourceCodes: Int
    ) {
        self.id = id
        self.tuid = tuid
        self.source = source
        self.target = target
        self.score = score
        self.stemScore = stemScore
        self.diff = diff
        self.numbersOnlyInQuery = numbersOnlyInQuery
        self.numbersOnlyInMatch = numbersOnlyInMatch
        self.sourceCodes = sourceCodes
    }
}

/// Searches one memory. Created by `TranslationMemory.searcher(preload:)`: without preloading each query reads just
/// what it needs from the file (best for one query from the CLI); with preloading the whole index is loaded once
/// into flat arrays (best for batches).
public final class MemorySearcher {
    let memory: TranslationMemory
    let tokenizer: MemoryTokenizer
    private let loaded: HeldIndex?
    private var marks: CandidateMarks
    /// Steps the last query took (see `SearchWork`).
    package private(set) var lastWork = SearchWork()

    init(memory: TranslationMemory, preload: Bool) throws {
        self.memory = memory
        guard let source = memory.sourceLanguage else {
            throw InputError(path: memory.path, message: "the memory is empty (import a TMX file first)")
        }
        let tokenizer = try MemoryTokenizer(language: source)
        self.tokenizer = tokenizer
        let stored = try memory.database.read { db in
            try String.fetchOne(
                db, sql: "SELECT value FROM meta WHERE key = ?", arguments: [MemorySchema.sourceStemmerKey])
        }
        if let stored, stored != tokenizer.stemmer.identifier {
            throw MemoryError.stemmerChanged(stored: stored, current: tokenizer.stemmer.identifier)
        }
        if preload {
            let index = try memory.database.read { db in
                // The position first, in the same snapshot: catching up from it then misses no write.
                let position = try TranslationMemory.indexPosition(db)
                return HeldIndex(base: try LoadedIndex(db: db), position: position)
            }
            loaded = index
            marks = CandidateMarks(capacity: index.unitCapacity)
        } else {
            loaded = nil
            marks = CandidateMarks()
        }
    }

    private init(memory: TranslationMemory, tokenizer: MemoryTokenizer, loaded: HeldIndex?) {
        self.memory = memory
        self.tokenizer = tokenizer
        self.loaded = loaded
        marks = loaded.map { CandidateMarks(capacity: $0.unitCapacity) } ?? CandidateMarks()
    }

    /// A searcher reading texts through `memory` (another connection to the same file) that shares this one's
    /// preloaded index: concurrent searches each need their own candidate marks, not their own copy of the index.
    package func sharingIndex(through memory: TranslationMemory) -> MemorySearcher {
        MemorySearcher(memory: memory, tokenizer: tokenizer, loaded: loaded)
    }

    /// A searcher over the same memory and connection searching `index` (the held index with later writes applied).
    package func replacingIndex(_ index: HeldIndex) -> any FuzzySearching {
        MemorySearcher(memory: memory, tokenizer: tokenizer, loaded: index)
    }

    /// The preloaded index (nil when each query reads the file).
    package var heldIndex: HeldIndex? { loaded }

    /// Ids and scores of the best units: every unit whose stem score reaches `minimum`, ordered by stem score, word
    /// score, then id; at most `limit`.
    public func rank(_ query: String, minimum: Double = 70, limit: Int = 5) throws -> [RankedMatch] {
        let analysis = tokenizer.analyze(query)
        var work = SearchWork()
        defer { lastWork = work }
        if let loaded {
            return try FuzzyRanker.rank(analysis, in: loaded, minimum: minimum, limit: limit, seen: &marks, work: &work)
        }
        return try memory.database.read { db in
            try FuzzyRanker.rank(analysis, in: StoredIndex(db: db), minimum: minimum, limit: limit, seen: &marks, work: &work)
        }
    }

    /// The same ranking by scoring every unit (the reference the index is tested and benchmarked against).
    public func rankExhaustively(_ query: String, minimum: Double = 70, limit: Int = 5) throws -> [RankedMatch] {
        let analysis = tokenizer.analyze(query)
        if let loaded { return try FuzzyRanker.rankExhaustively(analysis, in: loaded, minimum: minimum, limit: limit) }
        return try memory.database.read { db in
            try FuzzyRanker.rankExhaustively(analysis, in: StoredIndex(db: db), minimum: minimum, limit: limit)
        }
    }

    /// Ranked matches with their text, differences and numbers.
    public func search(_ query: String, minimum: Double = 70, limit: Int = 5) throws -> [MemoryMatch] {
        let ranked = try rank(query, minimum: minimum, limit: limit)
        guard !ranked.isEmpty else { return [] }
        let queryAnalysis = tokenizer.analyze(query)
        return try memory.database.read { db in
            let statement = try db.cachedStatement(
                sql: "SELECT tuid, source_text, target_text, source_codes FROM unit WHERE id = ?")
            return try ranked.compactMap { hit -> MemoryMatch? in
                guard let row = try Row.fetchOne(statement, arguments: [hit.id]) else { return nil }
                let source: String = try row.decode(atIndex: 1)
                let matchAnalysis = tokenizer.analyze(source)
                let (onlyQuery, onlyMatch) = Self.multisetDifference(queryAnalysis.numbers, matchAnalysis.numbers)
                return MemoryMatch(
                    id: hit.id, tuid: try row.decode(atIndex: 0), source: source, target: try row.decode(atIndex: 2), score: hit.score,
                    stemScore: hit.stemScore, diff: WordDiff.diff(query: query, match: source, tokenizer: tokenizer),
                    numbersOnlyInQuery: onlyQuery, numbersOnlyInMatch: onlyMatch, sourceCodes: try row.decode(atIndex: 3))
            }
        }
    }

    package static func multisetDifference(_ a: [String], _ b: [String]) -> ([String], [String]) {
        var remaining = b
        var onlyA: [String] = []
        for item in a {
            if let index = remaining.firstIndex(of: item) { remaining.remove(at: index) } else { onlyA.append(item) }
        }
        return (onlyA, remaining)
    }
}

extension TranslationMemory {
    /// A searcher over this memory (see `MemorySearcher`).
    public func searcher(preload: Bool = false) throws -> MemorySearcher {
        try MemorySearcher(memory: self, preload: preload)
    }
}

/// Word-level difference between a query and a stored segment, shown on the stored text.
public enum WordDiff {
    struct Piece {
        var text: String
        var key: [UInt16]
        var gap: String
    }

    /// The match with `[-words not in the query-]` and `{+query words it lacks+}`; case, apostrophe and stress
    /// differences count as equal, as they do in the score.
    public static func diff(query: String, match: String, tokenizer: MemoryTokenizer) -> String {
        let a = tokenizer.pieces(match)
        let b = tokenizer.pieces(query)
        // Longest common subsequence by dynamic programming (segments are short).
        let n = a.count
        let m = b.count
        var table = [Int](repeating: 0, count: (n + 1) * (m + 1))
        if n > 0 && m > 0 {
            for i in stride(from: n - 1, through: 0, by: -1) {
                for j in stride(from: m - 1, through: 0, by: -1) {
                    table[i * (m + 1) + j] =
                        a[i].key == b[j].key
                        ? table[(i + 1) * (m + 1) + j + 1] + 1
                        : max(table[(i + 1) * (m + 1) + j], table[i * (m + 1) + j + 1])
                }
            }
        }
        var out = ""
        var deleted: [Piece] = []
        var inserted: [Piece] = []
        func flush() {
            if !deleted.isEmpty {
                out += deleted[0].gap + "[-"
                for (index, piece) in deleted.enumerated() { out += (index == 0 ? "" : piece.gap) + piece.text }
                out += "-]"
                deleted = []
            }
            if !inserted.isEmpty {
                if !out.isEmpty && !(out.last?.isWhitespace ?? true) { out += " " }
                out += "{+" + inserted.map(\.text).joined(separator: " ") + "+}"
                inserted = []
            }
        }
        var i = 0
        var j = 0
        while i < n || j < m {
            if i < n && j < m && a[i].key == b[j].key {
                flush()
                out += a[i].gap + a[i].text
                i += 1
                j += 1
            } else if j < m && (i == n || table[i * (m + 1) + j + 1] >= table[(i + 1) * (m + 1) + j]) {
                inserted.append(b[j])
                j += 1
            } else {
                deleted.append(a[i])
                i += 1
            }
        }
        flush()
        return out
    }
}

extension MemoryTokenizer {
    /// Non-space pieces of `text` (words and punctuation) with the space before each, for diffs and highlighting.
    func pieces(_ text: String) -> [WordDiff.Piece] {
        let utf16 = Array(text.utf16)
        var result: [WordDiff.Piece] = []
        var gap = ""
        utf16.withUnsafeBufferPointer { buffer in
            try? pieceIterator.forEachSegment(utf16: buffer) { segment in
                let piece = String(decoding: UnsafeBufferPointer(rebasing: buffer[segment.range]), as: UTF16.self)
                if piece.allSatisfy(\.isWhitespace) {
                    gap += piece
                    return
                }
                result.append(WordDiff.Piece(text: piece, key: Self.comparisonForm(piece), gap: gap))
                gap = ""
            }
        }
        return result
    }
}
