import GRDB

/// The memory's vocabulary during one import, owned by the thread that tokenises. Each word is hashed once: the hash
/// gives its token id, and an array indexed by that id gives the id of its stem on each side, so a distinct word is
/// stemmed once per import and repeated words (most words, by Zipf's law) cost one lookup in all. Profiling showed
/// the earlier path (a stem cache keyed by word, then word and stem looked up again in the vocabulary on the writing
/// thread) spending more time hashing strings than SQLite spent writing.
final class ImportVocabulary {
    enum Side { case source, target }

    private var ids: [TokenKey: UInt32] = [:]
    /// The first id given to a token this import adds; `newTokens[i]` has id `firstNewToken + i`.
    let firstNewToken: UInt32
    private(set) var newTokens: [String] = []
    // Stem id of each word id on each side, `unknown` until the word is first met on that side.
    private var sourceStems: [UInt32] = []
    private var targetStems: [UInt32] = []
    private static let unknown = UInt32.max

    init(db: Database) throws {
        let rows = try Row.fetchCursor(db, sql: "SELECT id, text FROM token")
        var maximum: UInt32 = 0
        while let row = try rows.next() {
            let id = UInt32(truncatingIfNeeded: row[0] as Int64)
            ids[TokenKey(row[1])] = id
            maximum = max(maximum, id)
        }
        firstNewToken = maximum + 1
    }

    /// The id of `text`, adding it to the vocabulary when new.
    func id(_ text: String) -> UInt32 {
        let key = TokenKey(text)
        if let id = ids[key] { return id }
        let id = firstNewToken + UInt32(newTokens.count)
        ids[key] = id
        newTokens.append(text)
        return id
    }

    /// The id of the stem of word `word` (id `wordID`) on `side`; numbers are their own stems, and so is a word the
    /// stemmer leaves unchanged (same id).
    func stemID(
        ofWord word: String, id wordID: UInt32, isNumber: Bool, side: Side, stemmer: any MemoryStemmer
    ) -> UInt32 {
        if isNumber { return wordID }
        let index = Int(wordID)
        switch side {
        case .source:
            if index < sourceStems.count, sourceStems[index] != Self.unknown { return sourceStems[index] }
        case .target:
            if index < targetStems.count, targetStems[index] != Self.unknown { return targetStems[index] }
        }
        let stem = stemmer.stem(word)
        let stemID = stem == word ? wordID : id(stem)
        switch side {
        case .source:
            if index >= sourceStems.count { sourceStems += repeatElement(Self.unknown, count: index + 1 - sourceStems.count + 1024) }
            sourceStems[index] = stemID
        case .target:
            if index >= targetStems.count { targetStems += repeatElement(Self.unknown, count: index + 1 - targetStems.count + 1024) }
            targetStems[index] = stemID
        }
        return stemID
    }
}

/// Token ids of one segment, as the store keeps them.
struct SegmentTokenIDs: Sendable {
    var words: [UInt32] = []
    var stems: [UInt32] = []
}

extension MemoryTokenizer {
    /// The word and stem ids of `text` in `vocabulary`: the same tokens and stems as `analyze`, without building the
    /// intermediate arrays of strings.
    func tokenIDs(_ text: String, vocabulary: ImportVocabulary, side: ImportVocabulary.Side) -> SegmentTokenIDs {
        var result = SegmentTokenIDs()
        guard !text.isEmpty else { return result }
        let folded = Self.comparisonForm(text)
        var scratch: [UInt8] = []
        let stemmer = self.stemmer
        folded.withUnsafeBufferPointer { buffer in
            try? pieceIterator.forEachSegment(utf16: buffer) { segment in
                guard segment.isWordLike else { return }
                let word = Self.string(UnsafeBufferPointer(rebasing: buffer[segment.range]), scratch: &scratch)
                let id = vocabulary.id(word)
                result.words.append(id)
                result.stems.append(
                    vocabulary.stemID(ofWord: word, id: id, isNumber: segment.isNumber, side: side, stemmer: stemmer))
            }
        }
        return result
    }
}
