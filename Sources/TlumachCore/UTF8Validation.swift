import Dispatch

/// UTF-8 validation fast enough to sit in front of the normaliser: ASCII and two-byte sequences (all of Cyrillic)
/// take a short path; everything else gets the full check (no overlongs, no surrogates, nothing above U+10FFFF).
/// The one UTF-8 validator of the package (the tests compare it with the standard library's decoder).
package enum UTF8Validation {
    /// The offset of the first byte that does not begin or continue a valid sequence, or nil.
    package static func firstInvalidOffset(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = bytes.baseAddress else { return nil }
        let count = bytes.count
        var index = 0
        // Where the word-at-a-time loop may be tried again after it stopped at something it does not take.
        var wordsFrom = 0
        while index < count {
            if index >= wordsFrom && index &+ 8 <= count {
                index = twoByteWords(base, from: index, count: count)
                // Stopped at a sequence it does not take (or near the end): bytes one by one for a while.
                wordsFrom = index &+ 16
                if index >= count { break }
            }
            let byte = base[index]
            if byte < 0x80 {
                // Eight ASCII bytes at a time (English text, markup, spaces between Cyrillic words).
                index &+= 1
                while index &+ 8 <= count
                    && UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0
                {
                    index &+= 8
                }
                continue
            }
            if byte >= 0xC2 && byte <= 0xDF {
                guard index &+ 1 < count, base[index &+ 1] & 0xC0 == 0x80 else { return index }
                index &+= 2
                continue
            }
            let length: Int
            var minimumSecond: UInt8 = 0x80
            var maximumSecond: UInt8 = 0xBF
            switch byte {
            case 0xE0: length = 3; minimumSecond = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; maximumSecond = 0x9F
            case 0xF0: length = 4; minimumSecond = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; maximumSecond = 0x8F
            default: return index
            }
            guard index + length <= count else { return index }
            let second = base[index &+ 1]
            guard second >= minimumSecond && second <= maximumSecond else { return index }
            for continuation in 2..<length where base[index &+ continuation] & 0xC0 != 0x80 { return index }
            index &+= length
        }
        return nil
    }

    /// Eight bytes at a time over text of ASCII and two-byte sequences (all of Cyrillic), from `start`, a sequence
    /// start: each lead byte C2–DF must be followed by a continuation byte and each continuation byte must follow
    /// one. Returns where it stopped, a sequence start: the end of the last whole word read, or the start of the
    /// sequence it could not take (a longer sequence, or anything invalid), which the byte-by-byte loop then reads.
    @inline(__always)
    static func twoByteWords(_ base: UnsafePointer<UInt8>, from start: Int, count: Int) -> Int {
        let high: UInt64 = 0x8080_8080_8080_8080
        var index = start
        // 0x80 when the word before ended in a lead byte, whose continuation is this word's first byte.
        var carry: UInt64 = 0
        while index &+ 8 <= count {
            let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
            let top = word & high
            let bit6 = (word << 1) & high
            let bit5 = (word << 2) & high
            // A lead byte of three or four bytes (or F8–FF): not taken here.
            if top & bit6 & bit5 != 0 { break }
            let lead = top & bit6
            let continuation = top & ~bit6
            if (lead << 8) | carry != continuation { break }
            // C0 and C1 (overlong leads): bits 1–4 all zero. The bytes of `low` are even and below 0x20, so the
            // subtraction marks exactly the zero ones.
            let low = word & 0x1E1E_1E1E_1E1E_1E1E
            if (low &- 0x0101_0101_0101_0101) & ~low & lead != 0 { break }
            carry = (lead >> 56) & 0x80
            index &+= 8
        }
        // Stopped after a word ending in a lead byte: that lead starts the sequence left to the byte loop.
        return carry != 0 ? index &- 1 : index
    }

    /// `firstInvalidOffset` on up to `parts` parts of a large buffer at once, each cut before a byte that is not a
    /// continuation byte (so no valid sequence spans a cut, and the first invalid part holds the first invalid byte:
    /// the same answer as one pass).
    package static func firstInvalidOffset(_ bytes: UnsafeBufferPointer<UInt8>, parts: Int, minimumPart: Int = 1 << 22) -> Int? {
        let count = min(parts, bytes.count / max(1, minimumPart))
        guard count > 1 else { return firstInvalidOffset(bytes) }
        var bounds = [0]
        for part in 1..<count {
            var cut = bytes.count / count * part
            let limit = min(bytes.count, cut + 4)
            while cut < limit && bytes[cut] & 0xC0 == 0x80 { cut += 1 }
            // Only continuation bytes there: invalid anyway, found by the part before.
            if cut < limit && cut > bounds[bounds.count - 1] { bounds.append(cut) }
        }
        bounds.append(bytes.count)
        let ranges = zip(bounds, bounds.dropFirst()).map { $0..<$1 }
        let shared = UncheckedSendable(bytes)
        let results = ResultSlots<Int>(count: ranges.count)
        DispatchQueue.concurrentPerform(iterations: ranges.count) { index in
            let range = ranges[index]
            if let offset = firstInvalidOffset(UnsafeBufferPointer(rebasing: shared.value[range])) {
                results.set(index, range.lowerBound + offset)
            }
        }
        for index in ranges.indices {
            if let offset = results.take(index) { return offset }
        }
        return nil
    }

    package static func firstInvalidOffset(_ bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { firstInvalidOffset($0) }
    }
}

/// Bytes that are not valid UTF-8, from a reader that validates as it goes: where the first bad byte is.
public struct InvalidUTF8: Error, Sendable, Equatable {
    public var byteOffset: Int
    public init(byteOffset: Int) { self.byteOffset = byteOffset }
}
