/// Splits UTF-8 text into the tokens the matcher compares: words (letters, digits and combining marks, with
/// apostrophes between letters: м’ясо, Ukraine's), hyphens between two words (держави-агресора), and everything
/// else that is not space (punctuation breaks a multiword match; spaces and line breaks do not). Works on bytes
/// with a hand-written decoder, because it runs over every byte of the text.
enum TextTokens {
    enum Kind {
        /// A word; `hash` is FNV-1a of its bytes, for the token cache.
        case word(hash: UInt32)
        case hyphen
        case other
    }

    enum CharacterClass { case word, apostrophe, hyphen, space, other }

    /// Class, UTF-8 length and UTF-16 length of the scalar at `index`.
    @inline(__always)
    static func classify(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> (CharacterClass, Int, Int) {
        let byte = bytes[index]
        if byte < 0x80 {
            switch byte {
            case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: return (.word, 1, 1)
            case 0x27, 0x60: return (.apostrophe, 1, 1)
            case 0x2D: return (.hyphen, 1, 1)
            case 0x20, 0x09, 0x0A, 0x0D, 0x0B, 0x0C: return (.space, 1, 1)
            default: return (.other, 1, 1)
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
            return (Unicode.Scalar(scalar).map { $0.properties.isAlphabetic } == true ? .word : .other, 4, 2)
        }
        switch scalar {
        case 0x400...0x52F, 0x300...0x36F, 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x24F, 0x370...0x3FF: return (.word, length, 1)
        case 0x2BC, 0x2019, 0x2018, 0xB4, 0x2B9, 0x2032: return (.apostrophe, length, 1)
        case 0x2010, 0x2011: return (.hyphen, length, 1)
        case 0xA0, 0x2000...0x200B, 0x202F, 0x205F, 0x3000, 0x85, 0x2028, 0x2029, 0xFEFF: return (.space, length, 1)
        default:
            let isLetter = Unicode.Scalar(scalar).map { $0.properties.isAlphabetic || $0.properties.generalCategory == .nonspacingMark } ?? false
            return (isLetter ? .word : .other, length, 1)
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
                while index < count {
                    let (inner, innerLength, innerUnits) = classify(bytes, index)
                    var take = inner == .word
                    if inner == .apostrophe, index + innerLength < count, classify(bytes, index + innerLength).0 == .word {
                        take = true
                    }
                    guard take else { break }
                    for offset in index..<(index + innerLength) { hash = (hash ^ UInt32(bytes[offset])) &* 16_777_619 }
                    index += innerLength
                    utf16 += innerUnits
                }
                body(.word(hash: hash), start..<index, start16..<utf16)
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
