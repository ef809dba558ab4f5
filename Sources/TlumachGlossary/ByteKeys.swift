import Foundation
import ICU
import TlumachText

/// The glossary's keys (`TermKeys` strings: "w" + stem, "x" + skeleton, "l" + Latin key) → symbol, looked up by
/// their UTF-8 bytes: the scan builds a word's key in a stack buffer and makes no String for it (most words of a text
/// have no key in the glossary, and a String plus a Dictionary lookup cost more than the rest of the word's work).
/// Open addressing, linear probing; each entry carries its key's hash and length, so a miss reads one entry.
struct ByteKeyTable: Sendable {
    /// Entries of 8 bytes (the scan's miss reads one, and the table stays small enough for the CPU cache): the key's
    /// hash (high 32 bits), its length (8 bits, 255 for 255 and more) and its index + 1 (low 24 bits; 0 is empty).
    private let entries: [UInt64]
    private let keyOffsets: [Int32]
    private let keySymbols: [Int32]
    private let keyBytes: [UInt8]
    private let shift: UInt64

    init(_ symbols: [String: Int32]) {
        precondition(symbols.count < 1 << 24, "too many glossary keys")
        var bits: UInt64 = 6
        // Load factor at most 5/8: linear probes stay within a cache line or two.
        while (1 << bits) * 5 < symbols.count * 8 { bits += 1 }
        shift = 64 - bits
        let size = 1 << Int(bits)
        var entries = [UInt64](repeating: 0, count: size)
        var keyOffsets: [Int32] = []
        var keySymbols: [Int32] = []
        var keyBytes: [UInt8] = []
        for (key, symbol) in symbols {
            var key = key
            key.withUTF8 { bytes in
                let hash = ByteKeyTable.hash(bytes.baseAddress!, bytes.count)
                var position = Int(truncatingIfNeeded: (hash &* 0x9E37_79B9_7F4A_7C15) >> (64 - bits))
                while entries[position] != 0 { position = (position + 1) & (size - 1) }
                keyOffsets.append(Int32(keyBytes.count))
                keySymbols.append(symbol)
                entries[position] = ByteKeyTable.entry(hash: hash, length: bytes.count, index: keySymbols.count)
                keyBytes.append(contentsOf: bytes)
            }
        }
        keyOffsets.append(Int32(keyBytes.count))
        self.entries = entries
        self.keyOffsets = keyOffsets
        self.keySymbols = keySymbols
        self.keyBytes = keyBytes
    }

    @inline(__always)
    private static func entry(hash: UInt64, length: Int, index: Int) -> UInt64 {
        (hash >> 32) << 32 | UInt64(min(length, 255)) << 24 | UInt64(index)
    }

    /// A hash of `count` bytes, eight at a time.
    @inline(__always)
    static func hash(_ base: UnsafePointer<UInt8>, _ count: Int) -> UInt64 {
        let raw = UnsafeRawPointer(base)
        var hash = UInt64(truncatingIfNeeded: count) &* 0x9E37_79B9_7F4A_7C15
        var index = 0
        while index + 8 <= count {
            hash = (hash ^ raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)) &* 0xBF58_476D_1CE4_E5B9
            hash ^= hash >> 31
            index += 8
        }
        if index < count {
            var tail: UInt64 = 0
            for offset in 0..<(count - index) { tail |= UInt64(base[index + offset]) << (8 * UInt64(offset)) }
            hash = (hash ^ tail) &* 0x94D0_49BB_1331_11EB
            hash ^= hash >> 29
        }
        return hash
    }

    /// The symbol of the key whose UTF-8 bytes are `count` bytes at `base`, or -1.
    @inline(__always)
    func symbol(_ base: UnsafePointer<UInt8>, _ count: Int) -> Int32 {
        let hash = ByteKeyTable.hash(base, count)
        // The entry this key would have, but for its index.
        let wanted = ByteKeyTable.entry(hash: hash, length: count, index: 0)
        return entries.withUnsafeBufferPointer { entries in
            let mask = entries.count - 1
            var position = Int(truncatingIfNeeded: (hash &* 0x9E37_79B9_7F4A_7C15) >> shift)
            while true {
                let entry = entries[position]
                if entry == 0 { return -1 }
                if entry & ~0xFF_FFFF == wanted {
                    let index = Int(entry & 0xFF_FFFF) - 1
                    let offset = Int(keyOffsets[index])
                    if Int(keyOffsets[index + 1]) - offset == count {
                        let same = keyBytes.withUnsafeBufferPointer { stored in memcmp(stored.baseAddress! + offset, base, count) == 0 }
                        if same { return keySymbols[index] }
                    }
                }
                position = (position + 1) & mask
            }
        }
    }

    func symbol(_ key: String) -> Int32 {
        var key = key
        return key.withUTF8 { symbol($0.baseAddress!, $0.count) }
    }
}

/// The ICU confusable skeleton of each Ukrainian/Russian letter (U+0400–U+045F, Ґ, ґ), ASCII letter and digit and of
/// the apostrophe, as UTF-8. ICU builds a skeleton code point by code point (NFD, each code point replaced by its
/// prototype, NFD again), so a word of these characters has the concatenation of its characters' skeletons as long
/// as each one's skeleton starts with a base character (no combining mark could reorder across two characters):
/// characters for which that does not hold are left out and words with them take the general path. Tests hold the
/// concatenation equal to ICU's skeleton.
struct LetterSkeletons: Sendable {
    /// Per scalar value (below 0x492): where its skeleton starts in `bytes`, or -1.
    private let offsets: [Int32]
    private let lengths: [UInt8]
    private let bytes: [UInt8]

    init(spoof: SpoofChecker) {
        var offsets = [Int32](repeating: -1, count: 0x492)
        var lengths = [UInt8](repeating: 0, count: 0x492)
        var bytes: [UInt8] = []
        let letters: [UInt32] = [0x27] + Array(0x30...0x39) + Array(0x41...0x5A) + Array(0x61...0x7A) + Array(0x400...0x45F) + [0x490, 0x491]
        for value in letters {
            guard let scalar = Unicode.Scalar(value), let skeleton = try? spoof.skeleton(String(scalar)),
                let first = skeleton.unicodeScalars.first, first.properties.canonicalCombiningClass == .notReordered,
                skeleton.utf8.count < 256
            else { continue }
            offsets[Int(value)] = Int32(bytes.count)
            lengths[Int(value)] = UInt8(skeleton.utf8.count)
            bytes.append(contentsOf: skeleton.utf8)
        }
        self.offsets = offsets
        self.lengths = lengths
        self.bytes = bytes
    }

    /// Appends the skeleton of `letter` at `output[count]`; false when it is not known or does not fit in `capacity`.
    @inline(__always)
    func append(_ letter: UInt32, to output: UnsafeMutablePointer<UInt8>, count: inout Int, capacity: Int) -> Bool {
        let index = Int(letter)
        guard index < offsets.count else { return false }
        let offset = offsets[index]
        let length = Int(lengths[index])
        guard offset >= 0 && count + length <= capacity else { return false }
        bytes.withUnsafeBufferPointer { bytes in
            (output + count).update(from: bytes.baseAddress! + Int(offset), count: length)
        }
        count += length
        return true
    }

    /// Appends the skeleton of a word of these letters and apostrophes (any of the tokenizer's: each is skeletonised
    /// as ASCII ', as the general path makes it) letter by letter; false when a letter's is not known or it does not fit.
    func appendSkeleton(
        of word: UnsafeBufferPointer<UInt8>, to output: UnsafeMutablePointer<UInt8>, count: inout Int, capacity: Int
    ) -> Bool {
        let bytes = word.baseAddress!
        var index = 0
        while index < word.count {
            let lead = bytes[index]
            let letter: UInt32
            if lead < 0x80 {
                letter = 0x27
                index += 1
            } else if lead >= 0xE0 {
                letter = 0x27
                index += 3
            } else {
                let value = UInt32(lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
                letter = (0x400...0x45F).contains(value) || value == 0x490 || value == 0x491 ? value : 0x27
                index += 2
            }
            guard append(letter, to: output, count: &count, capacity: capacity) else { return false }
        }
        return true
    }
}

/// One bit per pair of leading bytes (the second 0 for a one-byte string): a necessary condition for two byte strings
/// to be equal that costs one load.
struct LeadingPairFilter: Sendable {
    private var bits = [UInt64](repeating: 0, count: 65536 / 64)

    @inline(__always)
    private static func pair(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> Int {
        count == 0 ? 0 : Int(bytes[0]) << 8 | (count > 1 ? Int(bytes[1]) : 0)
    }

    mutating func insert(_ bytes: [UInt8]) {
        let pair = bytes.withUnsafeBufferPointer { LeadingPairFilter.pair($0.baseAddress ?? UnsafePointer(bitPattern: 1)!, $0.count) }
        bits[pair >> 6] |= 1 << UInt64(pair & 63)
    }

    @inline(__always)
    func contains(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> Bool {
        let pair = LeadingPairFilter.pair(bytes, count)
        return bits[pair >> 6] & (1 << UInt64(pair & 63)) != 0
    }
}

extension TermMatcher {
    /// `symbolsFor` of a word made only of Ukrainian/Russian letters of either case (what the tokenizer calls pure:
    /// U+0400–U+045F, Ґ, ґ) and apostrophes between them, straight from its UTF-8 bytes: for such a word the general
    /// path has one script, no marks, table folding, no Latin key and no look-alike repair, so the inflection key is
    /// "w" + the stem of the folded letters without apostrophes and the exact key (when wanted) "x" + the skeleton of
    /// the word as written with apostrophes made ASCII. Appends the symbols to `found` in the general path's order;
    /// false (nothing appended) for a word this path does not handle (very long, or a letter without a known skeleton).
    /// Tests hold it equal to `symbolsFor` (`CyrillicKeyTests`).
    @inline(__always)
    func appendSymbolsForCyrillicWord(_ word: UnsafeBufferPointer<UInt8>, capital: Bool, to found: inout [Int32]) -> Bool {
        let capacity = 64
        guard word.count <= 2 * capacity else { return false }
        return withUnsafeTemporaryAllocation(of: UInt16.self, capacity: capacity) { letterBuffer in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 4 * capacity + 1) { keyBuffer in
                let letters = letterBuffer.baseAddress!
                let key = keyBuffer.baseAddress!
                var count = 0
                var index = 0
                let bytes = word.baseAddress!
                let end = word.count
                // Decode and fold case; apostrophes (ASCII ' `, ʼ ´ ʹ as two bytes, ’ ‘ ′ as three) are dropped.
                while index < end {
                    let lead = bytes[index]
                    if lead < 0x80 {
                        index += 1
                        continue
                    }
                    if lead >= 0xE0 {
                        index += 3
                        continue
                    }
                    var value = UInt16(lead & 0x1F) << 6 | UInt16(bytes[index + 1] & 0x3F)
                    index += 2
                    switch value {
                    case 0x410...0x42F: value += 0x20
                    case 0x400...0x40F: value += 0x50
                    case 0x490: value = 0x491
                    case 0x430...0x45F, 0x491: break
                    default: continue  // an apostrophe
                    }
                    letters[count] = value
                    count += 1
                }
                // The symbol of `prefix` + the first `count` letters as UTF-8 (every letter here is two bytes).
                func symbol(_ prefix: Unicode.Scalar, _ count: Int) -> Int32 {
                    key[0] = UInt8(ascii: prefix)
                    var length = 1
                    for offset in 0..<count {
                        let value = letters[offset]
                        key[length] = UInt8(0xC0 | (value >> 6))
                        key[length + 1] = UInt8(0x80 | (value & 0x3F))
                        length += 2
                    }
                    return byteKeys.symbol(key, length)
                }
                // The verbatim key (the folded letters unstemmed), when a term has such keys.
                let verbatim = hasVerbatim ? symbol("v", count) : -1
                count = UkrainianStemmer.stem(letters, count: count, alternations: false)
                let inflect = symbol("w", count)
                guard needsExact && (lowercaseExact || capital) else {
                    if inflect >= 0 { found.append(inflect) }
                    if verbatim >= 0 && verbatim != inflect { found.append(verbatim) }
                    return true
                }
                // The exact key: the skeleton of the word as written.
                guard let skeletons = letterSkeletons else { return false }
                key[0] = UInt8(ascii: "x")
                var length = 1
                guard skeletons.appendSkeleton(of: word, to: key, count: &length, capacity: 4 * capacity + 1) else { return false }
                if inflect >= 0 { found.append(inflect) }
                if verbatim >= 0 && verbatim != inflect { found.append(verbatim) }
                guard exactLeads.contains(key + 1, length - 1) else { return true }
                let exact = byteKeys.symbol(key, length)
                if exact >= 0 && exact != inflect && exact != verbatim { found.append(exact) }
                return true
            }
        }
    }
}

extension TermMatcher {
    /// `symbolsFor` of a word of ASCII letters and apostrophes (' ` ’ ‘ ʼ ´ ʹ ′, each made ASCII ' as the general path
    /// does), from its bytes: one script, no marks, no look-alike repair, so the keys are "w" + the Porter2 stem of the
    /// lower-cased word, the exact keys (when wanted) "x" + the skeleton of the word and of an abbreviation without
    /// its plural or possessive s (POWs, SBU's), and "l" + `LatinMatchKey` of the word without a possessive 's, here
    /// computed on bytes. Appends the symbols to `found` in the general path's order; false (nothing appended) for
    /// any other word (digits, other letters, over 64 bytes). Tests hold it equal to `symbolsFor` (`LatinKeyTests`).
    func appendSymbolsForASCIIWord(_ word: UnsafeBufferPointer<UInt8>, to found: inout [Int32]) -> Bool {
        let capacity = 64
        guard word.count <= capacity else { return false }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { writtenBuffer in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 4 * capacity + 1) { keyBuffer in
                let written = writtenBuffer.baseAddress!
                let key = keyBuffer.baseAddress!
                let bytes = word.baseAddress!
                var count = 0
                var index = 0
                var hasUpper = false
                var hasLetter = false
                // The word as written, apostrophes made ASCII.
                while index < word.count {
                    let byte = bytes[index]
                    switch byte {
                    case 0x41...0x5A:
                        hasUpper = true
                        hasLetter = true
                        written[count] = byte
                        index += 1
                    case 0x61...0x7A:
                        hasLetter = true
                        written[count] = byte
                        index += 1
                    case 0x27, 0x60:
                        written[count] = 0x27
                        index += 1
                    case 0xC2, 0xCA:
                        // ´ U+00B4, ʹ U+02B9, ʼ U+02BC
                        guard index + 1 < word.count else { return false }
                        let second = bytes[index + 1]
                        guard (byte == 0xC2 && second == 0xB4) || (byte == 0xCA && (second == 0xB9 || second == 0xBC)) else { return false }
                        written[count] = 0x27
                        index += 2
                    case 0xE2:
                        // ‘ U+2018, ’ U+2019, ′ U+2032
                        guard index + 2 < word.count, bytes[index + 1] == 0x80 else { return false }
                        let third = bytes[index + 2]
                        guard third == 0x98 || third == 0x99 || third == 0xB2 else { return false }
                        written[count] = 0x27
                        index += 3
                    default:
                        return false
                    }
                    count += 1
                }
                guard hasLetter else { return false }
                // Inflection key: the lower-cased word without a possessive ending (terms carry their inflections).
                var folded = [UInt8](UnsafeBufferPointer(start: written, count: count))
                for position in folded.indices where folded[position] <= 0x5A && folded[position] >= 0x41 { folded[position] |= 0x20 }
                EnglishInflection.stripPossessive(&folded)
                key[0] = UInt8(ascii: "w")
                var length = 1
                for byte in folded {
                    guard length < 4 * capacity + 1 else { return false }
                    key[length] = byte
                    length += 1
                }
                var symbols: (Int32, Int32, Int32, Int32) = (-1, -1, -1, -1)
                symbols.0 = byteKeys.symbol(key, length)
                // Exact keys: the skeleton of the word, and of an abbreviation without its 's or s.
                if needsExact && (lowercaseExact || hasUpper) {
                    guard let skeletons = letterSkeletons else { return false }
                    func exactSymbol(_ letters: Int) -> Int32? {
                        key[0] = UInt8(ascii: "x")
                        var length = 1
                        for position in 0..<letters {
                            guard skeletons.append(UInt32(written[position]), to: key, count: &length, capacity: 4 * capacity + 1) else {
                                return nil
                            }
                        }
                        guard exactLeads.contains(key + 1, length - 1) else { return -1 }
                        return byteKeys.symbol(key, length)
                    }
                    func isAbbreviation(_ letters: Int) -> Bool {
                        guard letters >= 2 else { return false }
                        for position in 0..<letters where !(0x41...0x5A).contains(written[position]) { return false }
                        return true
                    }
                    guard let whole = exactSymbol(count) else { return false }
                    symbols.1 = whole
                    if count >= 2 && written[count - 2] == 0x27 && written[count - 1] == 0x73 && isAbbreviation(count - 2) {
                        guard let base = exactSymbol(count - 2) else { return false }
                        symbols.2 = base
                    }
                    if count >= 1 && written[count - 1] == 0x73 && isAbbreviation(count - 1) {
                        guard let base = exactSymbol(count - 1) else { return false }
                        symbols.3 = base
                    }
                }
                // Latin match key of the word without a possessive 's: j → y, w → v, x → ks, each run of i and y
                // one i, apostrophes dropped (LatinMatchKey's rules for ASCII letters).
                var nameLength = count
                if count >= 2 && written[count - 2] == 0x27 && written[count - 1] == 0x73 { nameLength -= 2 }
                key[0] = UInt8(ascii: "l")
                length = 1
                var inIYRun = false
                for position in 0..<nameLength {
                    var byte = written[position]
                    if byte == 0x27 { continue }
                    if byte <= 0x5A { byte |= 0x20 }
                    if byte == UInt8(ascii: "j") { byte = UInt8(ascii: "y") }
                    if byte == UInt8(ascii: "w") { byte = UInt8(ascii: "v") }
                    if byte == UInt8(ascii: "x") {
                        inIYRun = false
                        key[length] = UInt8(ascii: "k")
                        key[length + 1] = UInt8(ascii: "s")
                        length += 2
                        continue
                    }
                    if byte == UInt8(ascii: "i") || byte == UInt8(ascii: "y") {
                        if !inIYRun {
                            key[length] = UInt8(ascii: "i")
                            length += 1
                        }
                        inIYRun = true
                        continue
                    }
                    inIYRun = false
                    key[length] = byte
                    length += 1
                }
                let latin = byteKeys.symbol(key, length)
                if symbols.0 >= 0 { found.append(symbols.0) }
                for exact in [symbols.1, symbols.2, symbols.3] where exact >= 0 && !found.contains(exact) { found.append(exact) }
                if latin >= 0 { found.append(latin) }
                return true
            }
        }
    }
}
