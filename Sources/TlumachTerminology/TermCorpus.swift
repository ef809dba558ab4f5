import Foundation

/// A translation pair as terminology alignment reads it.
public struct TermPairInput: Sendable, Hashable {
    /// The id `examples` report (a PO msgctxt or line, an XLIFF/TMX id, a memory unit id).
    public var id: String
    public var source: String
    public var target: String

    public init(id: String, source: String, target: String) {
        self.id = id
        self.source = source
        self.target = target
    }
}

/// Up to six word ids of one side, packed: the key of an n-gram (stems, so inflected forms count together).
package struct Gram: Hashable, Sendable, Comparable {
    package var a: UInt64 = 0
    package var b: UInt64 = 0
    package var c: UInt64 = 0
    package var count: UInt8 = 0

    package static let maximumLength = 6

    package init() {}

    package init(_ ids: ArraySlice<Int32>) {
        for id in ids { append(id) }
    }

    package mutating func append(_ id: Int32) {
        let value = UInt64(UInt32(bitPattern: id)) &+ 1
        switch count {
        case 0: a = value
        case 1: a |= value << 32
        case 2: b = value
        case 3: b |= value << 32
        case 4: c = value
        default: c |= value << 32
        }
        count += 1
    }

    package var ids: [Int32] {
        var result: [Int32] = []
        for slot in 0..<Int(count) {
            let word = slot < 2 ? a : slot < 4 ? b : c
            let value = slot % 2 == 0 ? word & 0xFFFF_FFFF : word >> 32
            result.append(Int32(truncatingIfNeeded: value - 1))
        }
        return result
    }

    package static func < (lhs: Gram, rhs: Gram) -> Bool {
        (lhs.count, lhs.a, lhs.b, lhs.c) < (rhs.count, rhs.a, rhs.b, rhs.c)
    }
}

/// One side (language) of a corpus: every unit's words as stem ids, flattened.
package struct CorpusSide: Sendable {
    package var tokens: [TermToken] = []
    package var ids: [Int32] = []
    /// Unit `u`'s words are `start[u]..<start[u + 1]`.
    package var start: [Int] = [0]
    package var vocabulary: [String: Int32] = [:]
    package var stems: [String] = []
    /// Units containing each stem id, ascending, once each.
    package var postings: [[Int32]] = []

    package var unitCount: Int { start.count - 1 }
    package var wordCount: Int { stems.count }

    package func range(_ unit: Int) -> Range<Int> { start[unit]..<start[unit + 1] }

    package mutating func add(_ unitTokens: [TermToken]) {
        let unit = Int32(start.count - 1)
        for token in unitTokens {
            let id: Int32
            if let known = vocabulary[token.stem] {
                id = known
            } else {
                id = Int32(stems.count)
                vocabulary[token.stem] = id
                stems.append(token.stem)
                postings.append([])
            }
            tokens.append(token)
            ids.append(id)
            if postings[Int(id)].last != unit { postings[Int(id)].append(unit) }
        }
        start.append(tokens.count)
    }

    /// Can `first..<end` of the flattened words be a term: no break inside, not starting (but for "не" before a
    /// content word) or ending with a function word (but for a number the caller has checked, `numberEnd`: a
    /// number the source term has), at most `Gram.maximumLength` words.
    package func isTermLike(_ first: Int, _ end: Int, numberEnd: Bool = false) -> Bool {
        guard end > first, end - first <= Gram.maximumLength else { return false }
        if tokens[first].isFunction && !startsWithNegation(first, end) { return false }
        if tokens[end - 1].isFunction && !(numberEnd && end - 1 > first) { return false }
        var index = first + 1
        while index < end {
            if tokens[index].breakBefore { return false }
            index += 1
        }
        return true
    }

    /// "не" then a content word inside `first..<end`: the negation belongs to the term.
    package func startsWithNegation(_ first: Int, _ end: Int) -> Bool {
        tokens[first].isNegation && first + 1 < end && !tokens[first + 1].isFunction
    }

    /// Units where the stem sequence occurs, each once, with the first position.
    package func occurrences(of sequence: [Int32]) -> [(unit: Int, position: Int)] {
        guard let first = sequence.first, Int(first) < postings.count else { return [] }
        var result: [(Int, Int)] = []
        for unit in postings[Int(first)] {
            let range = self.range(Int(unit))
            var position = range.lowerBound
            while position + sequence.count <= range.upperBound {
                if ids[position] == first && ids[position..<(position + sequence.count)].elementsEqual(sequence) {
                    result.append((Int(unit), position))
                    break
                }
                position += 1
            }
        }
        return result
    }

    /// The stem ids of a phrase in this side's vocabulary, nil when a word never occurs.
    package func sequence(of phrase: String) -> [Int32]? {
        let words = TermTokenizer.tokenize(phrase)
        guard !words.isEmpty else { return nil }
        var result: [Int32] = []
        for word in words {
            guard let id = vocabulary[word.stem] else { return nil }
            result.append(id)
        }
        return result
    }

    /// Does unit `unit` contain the gram's words in a row?
    package func contains(_ gram: [Int32], unit: Int) -> Bool {
        let range = self.range(unit)
        guard gram.count <= range.count, let first = gram.first else { return false }
        var position = range.lowerBound
        while position + gram.count <= range.upperBound {
            if ids[position] == first && ids[position..<(position + gram.count)].elementsEqual(gram) { return true }
            position += 1
        }
        return false
    }
}

/// A bilingual corpus tokenized for terminology alignment.
package struct TermCorpus: Sendable {
    package var unitIDs: [String] = []
    package var source = CorpusSide()
    package var target = CorpusSide()
    /// Texts kept for definitions "full form (ABBR)".
    package var sourceTexts: [String] = []
    package var targetTexts: [String] = []

    /// A pair whose target is its source copied (an untranslated unit, a licence kept in English) is left out:
    /// it says nothing of a translation, and its words would pair with themselves ("terms and conditions" as
    /// Ukrainian). Names kept in Latin are still learnt from the translated units that carry them.
    package init(_ pairs: [TermPairInput]) {
        unitIDs.reserveCapacity(pairs.count)
        let sourceCache = TermTokenizer.Cache()
        let targetCache = TermTokenizer.Cache()
        for pair in pairs where !pair.target.utf8.elementsEqual(pair.source.utf8) {
            unitIDs.append(pair.id)
            source.add(TermTokenizer.tokenize(pair.source, cache: sourceCache))
            target.add(TermTokenizer.tokenize(pair.target, cache: targetCache))
            sourceTexts.append(pair.source)
            targetTexts.append(pair.target)
        }
    }

    package var unitCount: Int { unitIDs.count }

    /// The same corpus read the other way round.
    package func reversed() -> TermCorpus {
        var copy = self
        swap(&copy.source, &copy.target)
        swap(&copy.sourceTexts, &copy.targetTexts)
        return copy
    }
}
