/// Splits UTF-8 text into the tokens the matcher compares: words (letters, digits and combining marks, with
/// apostrophes between letters: м’ясо, Ukraine's), hyphens between two words (держави-агресора), and everything
/// else that is not space (punctuation breaks a multiword match; spaces and line breaks do not). Works on bytes
/// with a hand-written decoder, because it runs over every byte of the text.
enum TextTokens {
    enum Kind {
        /// A word; `hash` is FNV-1a of its bytes, for the token cache; `prefix` is `PrefixFilter.key` of a word
        /// made only of Ukrainian/Russian letters (bit 30 set when it has a capital), or -1.
        case word(hash: UInt32, prefix: Int32)
        case hyphen
        case other
    }

    enum CharacterClass { case word, apostrophe, hyphen, space, other }

    /// Class, UTF-8 length and UTF-16 length of the scalar at `index`.
    @inline(__always)
    static func classify(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> (CharacterClass, Int, Int) {
        let (characterClass, length, units, _) = classifyScalar(bytes, index)
        return (characterClass, length, units)
    }

    /// Class, UTF-8 length, UTF-16 length and the scalar value at `index`.
    @inline(__always)
    static func classifyScalar(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> (CharacterClass, Int, Int, UInt32) {
        let byte = bytes[index]
        if byte < 0x80 {
            let value = UInt32(byte)
            switch byte {
            case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: return (.word, 1, 1, value)
            case 0x27, 0x60: return (.apostrophe, 1, 1, value)
            case 0x2D: return (.hyphen, 1, 1, value)
            case 0x20, 0x09, 0x0A, 0x0D, 0x0B, 0x0C: return (.space, 1, 1, value)
            default: return (.other, 1, 1, value)
            }
        }
        let scalar: UInt32
        let length: Int
        if byte < 0xE0 {
            scalar = UInt32(byte & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
            length = 2
        } else if byte < 0xF0 {
            scalar = UInt32(byte & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
            length = 3
        } else {
            scalar = UInt32(byte & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12
                | UInt32(bytes[index + 2] & 0x3F) << 6 | UInt32(bytes[index + 3] & 0x3F)
            return (Unicode.Scalar(scalar).map { $0.properties.isAlphabetic } == true ? .word : .other, 4, 2, scalar)
        }
        switch scalar {
        case 0x400...0x52F, 0x300...0x36F, 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x24F, 0x370...0x3FF: return (.word, length, 1, scalar)
        case 0x2BC, 0x2019, 0x2018, 0xB4, 0x2B9, 0x2032: return (.apostrophe, length, 1, scalar)
        case 0x2010, 0x2011: return (.hyphen, length, 1, scalar)
        case 0xA0, 0x2000...0x200B, 0x202F, 0x205F, 0x3000, 0x85, 0x2028, 0x2029, 0xFEFF: return (.space, length, 1, scalar)
        default:
            let isLetter = Unicode.Scalar(scalar).map { $0.properties.isAlphabetic || $0.properties.generalCategory == .nonspacingMark } ?? false
            return (isLetter ? .word : .other, length, 1, scalar)
        }
    }

    /// Calls `body` for each token with its UTF-8 and UTF-16 ranges. Spaces are not reported.
    static func forEach(
        bytes: UnsafeBufferPointer<UInt8>, _ body: (Kind, Range<Int>, Range<Int>) -> Void
    ) {
        let count = bytes.count
        var index = 0
        var utf16 = 0
        var previousWasWord = false
        while index < count {
            let (characterClass, length, units) = classify(bytes, index)
            switch characterClass {
            case .word:
                let start = index
                let start16 = utf16
                var hash: UInt32 = 2_166_136_261
                var prefix = PrefixCode()
                while index < count {
                    let lead = bytes[index]
                    if lead == 0xD0 || lead == 0xD1 {
                        // U+0400–U+047F, nearly every letter of Ukrainian text: a word scalar (as `classifyScalar`
                        // says), handled here without the general decoder.
                        let second = bytes[index + 1]
                        let value = UInt32(lead & 0x1F) << 6 | UInt32(second & 0x3F)
                        if prefix.letters >= 3 {
                            // Past the letters the key is made of, only whether the word stays pure and has a
                            // capital (what `add` would record), without a call per letter: U+0460–U+047F have no
                            // code, U+0400–U+042F are capitals.
                            if value >= 0x460 {
                                prefix.pure = false
                            } else if value < 0x430 {
                                prefix.capital = 1 << 30
                            }
                        } else {
                            prefix.add(value)
                        }
                        hash = (hash ^ UInt32(lead)) &* 16_777_619
                        hash = (hash ^ UInt32(second)) &* 16_777_619
                        index += 2
                        utf16 += 1
                        continue
                    }
                    if lead < 0x80 && (lead &- 0x30 < 10 || (lead | 0x20) &- 0x61 < 26) {
                        // An ASCII letter or digit (what `classifyScalar` calls a word scalar), without the call.
                        prefix.add(UInt32(lead))
                        hash = (hash ^ UInt32(lead)) &* 16_777_619
                        index += 1
                        utf16 += 1
                        continue
                    }
                    let (inner, innerLength, innerUnits, scalar) = classifyScalar(bytes, index)
                    var take = inner == .word
                    if inner == .apostrophe, index + innerLength < count, classify(bytes, index + innerLength).0 == .word {
                        take = true
                    }
                    guard take else { break }
                    if inner == .word { prefix.add(scalar) }
                    for offset in index..<(index + innerLength) { hash = (hash ^ UInt32(bytes[offset])) &* 16_777_619 }
                    index += innerLength
                    utf16 += innerUnits
                }
                body(.word(hash: hash, prefix: prefix.value), start..<index, start16..<utf16)
                previousWasWord = true
                continue
            case .hyphen:
                if previousWasWord, index + length < count, classify(bytes, index + length).0 == .word {
                    body(.hyphen, index..<(index + length), utf16..<(utf16 + units))
                } else {
                    body(.other, index..<(index + length), utf16..<(utf16 + units))
                }
            case .space:
                break
            case .apostrophe, .other:
                body(.other, index..<(index + length), utf16..<(utf16 + units))
            }
            previousWasWord = false
            index += length
            utf16 += units
        }
    }
}

/// A cheap necessary condition for a word made only of Ukrainian/Russian letters to have any glossary key: the first
/// three letters of its stem (the stemmer only removes endings and folds і → о, ї → є, ё → е in the last syllable, so
/// a stem starts with the word's first three letters under that folding). One bit per three-letter prefix.
struct PrefixFilter: Sendable {
    /// Keys are below this.
    static let keyCount = 50 * 50 * 50
    private var bits: [UInt64] = Array(repeating: 0, count: (keyCount + 63) / 64)

    /// 0–48 for а–я, ѐ–џ and ґ with і/о, ї/є, ё/е merged; +64 for a capital; -1 for any other scalar.
    @inline(__always)
    static func code(_ scalar: UInt32) -> Int32 {
        var value = scalar
        var capital: Int32 = 0
        switch value {
        case 0x410...0x42F: value += 0x20; capital = 64
        case 0x400...0x40F: value += 0x50; capital = 64
        case 0x490: value = 0x491; capital = 64
        default: break
        }
        let code: Int32
        switch value {
        case 0x456: code = 0x43E - 0x430  // і → о
        case 0x457: code = 0x454 - 0x450 + 32  // ї → є
        case 0x451: code = 0x435 - 0x430  // ё → е
        case 0x430...0x44F: code = Int32(value - 0x430)
        case 0x450...0x45F: code = Int32(value - 0x450) + 32
        case 0x491: code = 48
        default: return -1
        }
        return code | capital
    }

    /// The key of a lower-case stem or word, or nil when it has another letter among its first three.
    static func key(_ text: some StringProtocol) -> Int? {
        var key = 0
        var letters = 0
        for scalar in text.unicodeScalars where scalar != "'" {
            guard letters < 3 else { break }
            let code = PrefixFilter.code(scalar.value)
            if code < 0 { return nil }
            key = key * 50 + Int(code & 63)
            letters += 1
        }
        while letters < 3 {
            key = key * 50 + 49
            letters += 1
        }
        return key
    }

    mutating func insert(_ key: Int) { bits[key >> 6] |= 1 << UInt64(key & 63) }

    @inline(__always)
    func contains(_ key: Int) -> Bool { bits[key >> 6] & (1 << UInt64(key & 63)) != 0 }
}

/// A word's stem-prefix code for `PrefixFilter`, built letter by letter while the word is scanned: its first three
/// letters' codes (49 pads a shorter word) with the capital flag, or -1 once a letter has no code.
private struct PrefixCode {
    private var prefix: Int32 = 0
    fileprivate var letters = 0
    fileprivate var pure = true
    fileprivate var capital: Int32 = 0

    @inline(__always)
    mutating func add(_ scalar: UInt32) {
        guard pure else { return }
        let code = PrefixFilter.code(scalar)
        guard code >= 0 else {
            pure = false
            return
        }
        if code >= 64 { capital = 1 << 30 }
        if letters < 3 { prefix = prefix * 50 + (code & 63) }
        letters += 1
    }

    var value: Int32 {
        guard pure else { return -1 }
        var padded = prefix
        for _ in min(letters, 3)..<3 { padded = padded * 50 + 49 }
        return padded | capital
    }
}
