import Foundation

/// Where a held index stands in a store's history: the change number it includes and the largest unit and token
/// ids it knew then. Read in the same snapshot as what the index holds, so that catching up from it misses nothing.
package struct IndexPosition: Sendable, Equatable {
    package var change: Int64
    package var maxUnit: Int64
    package var maxToken: Int64
    /// The last deletion seen, where a store numbers deletions apart (SQLite's `deleted` log).
    package var deletions: Int64 = 0

    package init(change: Int64, maxUnit: Int64, maxToken: Int64) {
        self.change = change
        self.maxUnit = maxUnit
        self.maxToken = maxToken
    }
}

/// What changed in a store's fuzzy index after a position, read in one snapshot: units deleted, units stored since
/// (with their current source tokens; a deleted id stored again is among them), tokens added to the vocabulary.
package struct IndexDelta: Sendable {
    package struct Unit: Sendable {
        package var id: Int64
        package var words: [UInt32]
        package var stems: [UInt32]

        package init(id: Int64, words: [UInt32], stems: [UInt32]) {
            self.id = id
            self.words = words
            self.stems = stems
        }
    }

    package var reached: IndexPosition
    package var deleted: [Int64]
    package var units: [Unit]
    package var tokens: [(text: String, id: Int64)]

    package init(reached: IndexPosition, deleted: [Int64], units: [Unit], tokens: [(text: String, id: Int64)]) {
        self.reached = reached
        self.deleted = deleted
        self.units = units
        self.tokens = tokens
    }
}

/// A loaded index plus the writes made after it was loaded: units stored since (an overlay searched beside the base)
/// and base units deleted or stored again (masked out of the base). Searching it gives exactly what a fresh load of
/// the store would give (same units, same scores, same order). Immutable: a change makes a new one (`applying`),
/// so searches never wait for one; the base arrays are shared, only the overlay is copied.
///
/// `@unchecked Sendable`: nothing in it changes after `init` (the base is never mutated once built).
package final class HeldIndex: CandidateSource, @unchecked Sendable {
    package let base: LoadedIndex
    package let position: IndexPosition
    /// Tokens the base does not know.
    private let vocabulary: [String: UInt32]
    private let units: [UInt32: IndexDelta.Unit]
    /// Overlay units by stem (each unit once per distinct stem).
    private let postings: [UInt32: [UInt32]]
    /// One bit per base unit id: set when the base's row is out of date (deleted or stored again).
    private let masked: [UInt64]
    private let maskedCount: Int
    private let longestOverlay: Int
    /// Base units (ids with tokens), counted once at load.
    package let baseUnits: Int

    package convenience init(base: LoadedIndex, position: IndexPosition) {
        var count = 0
        for unit in 0..<(base.offsets.count - 1) where base.offsets[unit] != base.offsets[unit + 1] { count += 1 }
        self.init(
            base: base, position: position, vocabulary: [:], units: [:], masked: [], maskedCount: 0, baseUnits: count)
    }

    private init(
        base: LoadedIndex, position: IndexPosition, vocabulary: [String: UInt32], units: [UInt32: IndexDelta.Unit],
        masked: [UInt64], maskedCount: Int, baseUnits: Int
    ) {
        self.base = base
        self.position = position
        self.vocabulary = vocabulary
        self.units = units
        self.masked = masked
        self.maskedCount = maskedCount
        self.baseUnits = baseUnits
        var postings: [UInt32: [UInt32]] = [:]
        var longest = 0
        for (id, unit) in units {
            longest = max(longest, unit.stems.count)
            for stem in Set(unit.stems) { postings[stem, default: []].append(id) }
        }
        self.postings = postings
        longestOverlay = longest
    }

    /// Units the overlay holds or masks: how far the index has moved from its base (compaction is due when large).
    package var overlaySize: Int { units.count + maskedCount }

    /// This index with `delta` applied: deletions first (an id deleted and then stored again is in both lists),
    /// then the units stored since.
    package func applying(_ delta: IndexDelta) -> HeldIndex {
        var units = units
        var masked = masked
        var maskedCount = maskedCount
        let baseCapacity = base.offsets.count - 1
        func mask(_ id: UInt32) {
            guard Int(id) < baseCapacity else { return }
            if masked.isEmpty { masked = [UInt64](repeating: 0, count: (baseCapacity + 63) / 64) }
            let (word, bit) = (Int(id) / 64, UInt64(1) << (UInt64(id) % 64))
            if masked[word] & bit == 0 {
                masked[word] |= bit
                maskedCount += 1
            }
        }
        for id in delta.deleted {
            guard let unit = UInt32(exactly: id) else { continue }
            units[unit] = nil
            mask(unit)
        }
        for unit in delta.units {
            guard let id = UInt32(exactly: unit.id) else { continue }
            mask(id)
            // A row without source tokens is never a candidate (as in the base).
            units[id] = unit.words.isEmpty ? nil : unit
        }
        var vocabulary = vocabulary
        for (text, id) in delta.tokens where base.vocabulary[text] == nil {
            vocabulary[text] = UInt32(truncatingIfNeeded: id)
        }
        return HeldIndex(
            base: base, position: delta.reached, vocabulary: vocabulary, units: units, masked: masked,
            maskedCount: maskedCount, baseUnits: baseUnits)
    }

    /// The largest unit id this index holds that is not in `deleted` (0 when none): it existed all along since the
    /// position, so every unit stored since has a larger id where ids are given above the largest stored one.
    package func largestHeld(excluding deleted: Set<Int64>) -> Int64 {
        var id = position.maxUnit
        while id > 0 {
            if !deleted.contains(id), let unit = UInt32(exactly: id) {
                if units[unit] != nil { return id }
                if Int(unit) + 1 < base.offsets.count, !isMasked(unit), base.offsets[Int(unit)] != base.offsets[Int(unit) + 1] {
                    return id
                }
            }
            id -= 1
        }
        return 0
    }

    @inline(__always)
    private func isMasked(_ unit: UInt32) -> Bool {
        let word = Int(unit) / 64
        return word < masked.count && masked[word] & (UInt64(1) << (UInt64(unit) % 64)) != 0
    }

    // MARK: CandidateSource

    package func lookup(_ token: String) throws -> (id: UInt32, frequency: Int)? {
        // The frequency only orders the query's stems (rarest first) and skips stems nothing has: counting masked
        // base units too changes the work, never the result.
        if let (id, frequency) = try base.lookup(token) {
            return (id, frequency + (postings[id]?.count ?? 0))
        }
        guard let id = vocabulary[token] else { return nil }
        return (id, postings[id]?.count ?? 0)
    }

    package func forEachPosting(_ token: UInt32, _ body: (UInt32) -> Void) throws {
        if maskedCount == 0 {
            try base.forEachPosting(token, body)
        } else {
            try base.forEachPosting(token) { unit in if !isMasked(unit) { body(unit) } }
        }
        if let extra = postings[token] { for unit in extra { body(unit) } }
    }

    package func withTokens<T>(of unit: UInt32, _ body: (UnsafeBufferPointer<UInt32>, UnsafeBufferPointer<UInt32>) -> T)
        throws -> T?
    {
        if let stored = units[unit] {
            return stored.words.withUnsafeBufferPointer { words in
                stored.stems.withUnsafeBufferPointer { stems in body(words, stems) }
            }
        }
        if isMasked(unit) { return nil }
        return try base.withTokens(of: unit, body)
    }

    package func forEachUnit(_ body: (UInt32, UnsafeBufferPointer<UInt32>, UnsafeBufferPointer<UInt32>) -> Void) throws {
        try base.forEachUnit { unit, words, stems in if !isMasked(unit) { body(unit, words, stems) } }
        for (id, unit) in units {
            unit.words.withUnsafeBufferPointer { words in
                unit.stems.withUnsafeBufferPointer { stems in body(id, words, stems) }
            }
        }
    }

    /// The base's longest even when that unit is masked: an overestimate only lets a long query be ranked (to no
    /// result) instead of refused at once, so the answer is the same.
    package func longestSource() throws -> Int { max(try base.longestSource(), longestOverlay) }

    package var unitCapacity: Int { max(base.unitCapacity, Int(position.maxUnit) + 2) }
}

extension FuzzyRanker {
    /// The whole search of a preloaded or stored index, shared by every searcher: a query too long for any unit is
    /// answered at once, else its tokens are looked up and the units ranked (see `rank`).
    package static func rank(
        _ analysis: SegmentAnalysis, in source: some CandidateSource, minimum: Double, limit: Int,
        seen: inout CandidateMarks, work: inout SearchWork
    ) throws -> [RankedMatch] {
        let minimum = max(minimum, Double.leastNonzeroMagnitude)
        if try tooLongForAny(queryLength: analysis.stems.count, source: source, minimum: minimum) { return [] }
        let prepared = try prepare(analysis, source: source, work: &work)
        return try rank(prepared, source: source, minimum: minimum, limit: limit, seen: &seen, work: &work)
    }

    /// The same by scoring every unit (the reference).
    package static func rankExhaustively(
        _ analysis: SegmentAnalysis, in source: some CandidateSource, minimum: Double, limit: Int
    ) throws -> [RankedMatch] {
        var work = SearchWork()
        let prepared = try prepare(analysis, source: source, work: &work)
        return try exhaustive(prepared, source: source, minimum: minimum, limit: limit)
    }
}

/// A store a long-running reader can follow: it says what changed in the source index after a position, so that the
/// reader applies the writes of others to the index it holds instead of loading it again.
package protocol IndexFollowing: MemoryStore {
    /// `largestKept` gives the largest unit id the reader holds that is not among the deleted ids it is given (a
    /// store that numbers units above every stored one finds the units stored since from it).
    func indexDelta(after position: IndexPosition, largestKept: (Set<Int64>) -> Int64) throws -> IndexDelta
}

extension IndexFollowing {
    /// `held` with the writes made after its position applied.
    package func catchUp(_ held: HeldIndex) throws -> HeldIndex {
        held.applying(try indexDelta(after: held.position, largestKept: held.largestHeld(excluding:)))
    }
}

/// A searcher over a held index that can be given the same index with later writes applied.
package protocol IndexHoldingSearcher: FuzzySearching {
    var heldIndex: HeldIndex? { get }
    func replacingIndex(_ index: HeldIndex) -> any FuzzySearching
}

extension MemorySearcher: IndexHoldingSearcher {}
