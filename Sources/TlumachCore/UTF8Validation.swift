/// UTF-8 validation fast enough to sit in front of the normaliser: ASCII and two-byte sequences (all of Cyrillic)
/// take a short path; everything else gets the full check (no overlongs, no surrogates, nothing above U+10FFFF).
/// The one UTF-8 validator of the package (the tests compare it with the standard library's decoder).
package enum UTF8Validation {
    /// The offset of the first byte that does not begin or continue a valid sequence, or nil.
    package static func firstInvalidOffset(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = bytes.baseAddress else { return nil }
        let count = bytes.count
        var index = 0
        while index < count {
            let byte = base[index]
            if byte < 0x80 {
                index &+= 1
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

    package static func firstInvalidOffset(_ bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { firstInvalidOffset($0) }
    }
}
