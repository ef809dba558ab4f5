import Foundation
import GRDB

/// The memory's vocabulary during one import, used by the writing thread. Each word is hashed once: the hash
/// gives its token id, and an array indexed by that id gives the id of its stem on each side, so a distinct word is
/// stemmed once per import and repeated words (most words, by Zipf's law) cost one lookup in all. Profiling showed
/// the earlier path (a stem cache keyed by word, then word and stem looked up again in the vocabulary on the writing
/// thread) spending more time hashing strings than SQLite spent writing.
package final class ImportVocabulary {
    enum Side { case source, target }

    private var table = ByteKeyTable()
    /// The first id given to a token this import adds; `newTokens[i]` has id `firstNewToken + i`.
    package let firstNewToken: UInt32
    package private(set) var newTokens: [String] = []
    // Stem id of each word id on each side, `unknown` until the word is first met on that side.
    private var sourceStems: [UInt32] = []
    private var targetStems: [UInt32] = []
    private static let unknown = UInt32.max
    /// For a store that did not load its vocabulary (a small write): the stored id of a token, asked once per token
    /// this write meets.
    private let lookup: ((String) -> UInt32?)?

    convenience init(db: Database) throws {
        var tokens: [(id: UInt32, text: String)] = []
        let rows = try Row.fetchCursor(db, sql: "SELECT id, text FROM token")
        while let row = try rows.next() {
            tokens.append((UInt32(truncatingIfNeeded: try row.decode(Int64.self, atIndex: 0)), try row.decode(atIndex: 1)))
        }
        self.init(tokens: tokens)
    }

    /// A vocabulary holding `tokens` already (the memory's token table).
    package init(tokens: [(id: UInt32, text: String)]) {
        var maximum: UInt32 = 0
        var table = ByteKeyTable()
        for (id, text) in tokens {
            var text = text
            text.withUTF8 { table.insert($0, value: id) }
            maximum = max(maximum, id)
        }
        self.table = table
        firstNewToken = maximum + 1
        lookup = nil
    }

    /// A vocabulary that asks `lookup` for each token it meets instead of holding the memory's whole table; new
    /// tokens get ids from `firstNewToken` on (one above the largest stored).
    package init(firstNewToken: UInt32, lookup: @escaping (String) -> UInt32?) {
        self.firstNewToken = firstNewToken
        self.lookup = lookup
    }

    /// The id of `text`, adding it to the vocabulary when new.
    func id(_ text: String) -> UInt32 {
        let original = text
        var text = text
        return text.withUTF8 { id(utf8: $0, text: original) }
    }

    /// The id of the word whose UTF-8 bytes are `bytes`; `text` (the same word as a String) is made only when new.
    func id(utf8 bytes: UnsafeBufferPointer<UInt8>, text: @autoclosure () -> String) -> UInt32 {
        if let id = table.find(bytes) { return id }
        let text = text()
        if let lookup, let stored = lookup(text) {
            table.insert(bytes, value: stored)
            return stored
        }
        let id = firstNewToken + UInt32(newTokens.count)
        table.insert(bytes, value: id)
        newTokens.append(text)
        return id
    }

    /// The stem id of word `wordID` on `side` if known already.
    func knownStemID(ofWord wordID: UInt32, side: Side) -> UInt32? {
        let index = Int(wordID)
        let stem: UInt32
        switch side {
        case .source: stem = index < sourceStems.count ? sourceStems[index] : Self.unknown
        case .target: stem = index < targetStems.count ? targetStems[index] : Self.unknown
        }
        return stem == Self.unknown ? nil : stem
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

/// The word tokens of a segment as UTF-8 bytes: the ICU half of tokenising (folding, word break), done on the parsing
/// thread, while the vocabulary half (`ImportVocabulary.ids`) runs on the writing thread; this split balances the two.
struct SegmentWords: Sendable {
    var bytes: [UInt8] = []
    /// End offset in `bytes` of each word.
    var ends: [Int] = []
    var isNumber: [Bool] = []
}

extension MemoryTokenizer {
    /// The word tokens of `text`, the same as `analyze(text).words`, as bytes.
    func words(_ text: String) -> SegmentWords {
        var result = SegmentWords()
        guard !text.isEmpty else { return result }
        if usesFastWordBreak {
            if FastWordBreak.words(text, into: &result) { return result }
            result = SegmentWords()
        }
        return wordsThroughICU(text)
    }

    /// `words` always through ICU (the general path, which the fast path must equal).
    func wordsThroughICU(_ text: String) -> SegmentWords {
        var result = SegmentWords()
        guard !text.isEmpty else { return result }
        let folded = Self.comparisonForm(text)
        var scratch: [UInt8] = []
        folded.withUnsafeBufferPointer { buffer in
            try? pieceIterator.forEachSegment(utf16: buffer) { segment in
                guard segment.isWordLike else { return }
                Self.utf8(UnsafeBufferPointer(rebasing: buffer[segment.range]), into: &scratch)
                result.bytes.append(contentsOf: scratch)
                result.ends.append(result.bytes.count)
                result.isNumber.append(segment.isNumber)
            }
        }
        return result
    }

    /// `words(text)` into `result`, which is emptied first and keeps its capacity: the import reuses one buffer per
    /// side instead of allocating three arrays per segment.
    func words(_ text: String, into result: inout SegmentWords) {
        result.removeAll()
        guard !text.isEmpty else { return }
        if usesFastWordBreak {
            if FastWordBreak.words(text, into: &result) { return }
        }
        result = wordsThroughICU(text)
    }

    /// The word and stem ids of `text` in `vocabulary`: the same tokens and stems as `analyze`.
    func tokenIDs(_ text: String, vocabulary: ImportVocabulary, side: ImportVocabulary.Side) -> SegmentTokenIDs {
        vocabulary.ids(of: words(text), side: side, stemmer: stemmer)
    }
}

extension SegmentWords {
    mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
        isNumber.removeAll(keepingCapacity: true)
    }
}

extension ImportVocabulary {
    /// Word and stem ids of `words`, without making a String for a word already known (its bytes are looked up).
    func ids(of words: SegmentWords, side: Side, stemmer: any MemoryStemmer) -> SegmentTokenIDs {
        var result = SegmentTokenIDs()
        result.words.reserveCapacity(words.ends.count)
        result.stems.reserveCapacity(words.ends.count)
        forEachID(of: words, side: side, stemmer: stemmer) { word, stem in
            result.words.append(word)
            result.stems.append(stem)
        }
        return result
    }

    /// The stem ids of `words` appended to `stems` (the target side stores no word ids): the same as
    /// `ids(of:).stems`, and it adds the same tokens to the vocabulary.
    func stemIDs(of words: SegmentWords, side: Side, stemmer: any MemoryStemmer, into stems: inout [UInt32]) {
        stems.reserveCapacity(stems.count + words.ends.count)
        forEachID(of: words, side: side, stemmer: stemmer) { _, stem in stems.append(stem) }
    }

    @inline(__always)
    private func forEachID(
        of words: SegmentWords, side: Side, stemmer: any MemoryStemmer, _ body: (UInt32, UInt32) -> Void
    ) {
        words.bytes.withUnsafeBufferPointer { all in
            var start = 0
            for (index, end) in words.ends.enumerated() {
                let bytes = UnsafeBufferPointer(rebasing: all[start..<end])
                start = end
                let id = id(utf8: bytes, text: String(decoding: bytes, as: UTF8.self))
                if words.isNumber[index] {
                    body(id, id)
                } else if let stem = knownStemID(ofWord: id, side: side) {
                    body(id, stem)
                } else {
                    let word = String(decoding: bytes, as: UTF8.self)
                    body(id, stemID(ofWord: word, id: id, isNumber: false, side: side, stemmer: stemmer))
                }
            }
        }
    }
}

/// An open-addressing hash table from UTF-8 byte strings to UInt32: lookups hash and compare raw bytes (FNV-1a),
/// with none of Swift's String hashing (normalisation, SipHash) and no String made. Each slot (16 bytes) holds the
/// value, a hash tag with the key's length, and either the key itself (up to 8 bytes, most words) or where it lies in
/// the byte arena; so finding a short key touches one cache line, a longer one two (profiled at a million units: the
/// earlier slot → entry → arena layout cost about three cache misses per probe, the largest single cost of giving ids).
struct ByteKeyTable {
    private struct Slot {
        /// Short key: its bytes, zero-padded (little-endian load). Long key: arena start << 32 | length.
        var key: UInt64
        var value: UInt32
        /// 0 = empty; else occupied bit | 23 bits of hash tag | length code (the length up to 8, 255 for longer).
        var check: UInt32
    }

    private var arena: [UInt8] = []
    private var slots = [Slot](repeating: Slot(key: 0, value: 0, check: 0), count: 1 << 16)
    private var count = 0
    private static let longCode: UInt32 = 255

    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return hash ^ (hash >> 29)
    }

    @inline(__always)
    private static func check(hash: UInt64, length: Int) -> UInt32 {
        let code = length <= 8 ? UInt32(length) : longCode
        return 0x8000_0000 | UInt32(truncatingIfNeeded: hash >> 41) << 8 | code
    }

    /// The bytes of a key of at most 8 bytes as one word, zero-padded.
    @inline(__always)
    private static func inline(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var word: UInt64 = 0
        for (index, byte) in bytes.enumerated() { word |= UInt64(byte) << (8 * UInt64(index)) }
        return word
    }

    @inline(__always)
    private static func same(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, count: Int) -> Bool {
        var offset = 0
        while offset + 8 <= count {
            if UnsafeRawPointer(a + offset).loadUnaligned(as: UInt64.self)
                != UnsafeRawPointer(b + offset).loadUnaligned(as: UInt64.self)
            {
                return false
            }
            offset += 8
        }
        while offset < count {
            if a[offset] != b[offset] { return false }
            offset += 1
        }
        return true
    }

    func find(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32? {
        let hash = Self.hash(bytes)
        let check = Self.check(hash: hash, length: bytes.count)
        let short = bytes.count <= 8
        let key = short ? Self.inline(bytes) : 0
        return slots.withUnsafeBufferPointer { slots in
            arena.withUnsafeBufferPointer { arena -> UInt32? in
                let mask = slots.count - 1
                var index = Int(truncatingIfNeeded: hash) & mask
                while true {
                    let slot = slots[index]
                    if slot.check == 0 { return nil }
                    if slot.check == check {
                        if short {
                            if slot.key == key { return slot.value }
                        } else if Int(truncatingIfNeeded: slot.key & 0xFFFF_FFFF) == bytes.count,
                            let stored = arena.baseAddress, let base = bytes.baseAddress,
                            Self.same(stored + Int(truncatingIfNeeded: slot.key >> 32), base, count: bytes.count)
                        {
                            return slot.value
                        }
                    }
                    index = (index + 1) & mask
                }
            }
        }
    }

    /// Adds a key not present yet.
    mutating func insert(_ bytes: UnsafeBufferPointer<UInt8>, value: UInt32) {
        if (count + 1) * 2 > slots.count { grow() }
        let key: UInt64
        if bytes.count <= 8 {
            key = Self.inline(bytes)
        } else {
            key = UInt64(arena.count) << 32 | UInt64(bytes.count)
            arena.append(contentsOf: bytes)
        }
        let hash = Self.hash(bytes)
        place(Slot(key: key, value: value, check: Self.check(hash: hash, length: bytes.count)), hash: hash)
        count += 1
    }

    private mutating func place(_ slot: Slot, hash: UInt64) {
        let mask = slots.count - 1
        var index = Int(truncatingIfNeeded: hash) & mask
        while slots[index].check != 0 { index = (index + 1) & mask }
        slots[index] = slot
    }

    private mutating func grow() {
        let old = slots
        slots = [Slot](repeating: Slot(key: 0, value: 0, check: 0), count: old.count * 2)
        for slot in old where slot.check != 0 {
            let hash: UInt64
            if slot.check & 0xFF != Self.longCode {
                var word = slot.key.littleEndian  // bytes in key order, as `inline` packed them
                let length = Int(slot.check & 0xFF)
                hash = withUnsafeBytes(of: &word) { raw in
                    Self.hash(UnsafeBufferPointer(rebasing: raw.bindMemory(to: UInt8.self)[0..<length]))
                }
            } else {
                let start = Int(truncatingIfNeeded: slot.key >> 32)
                let length = Int(truncatingIfNeeded: slot.key & 0xFFFF_FFFF)
                hash = arena.withUnsafeBufferPointer { Self.hash(UnsafeBufferPointer(rebasing: $0[start..<start + length])) }
            }
            place(slot, hash: hash)
        }
    }
}
