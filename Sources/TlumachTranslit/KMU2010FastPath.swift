import ICU

/// Table-driven KMU 2010 over UTF-8, for bulk text. It implements exactly the rules in Schemes/kmu2010.txt (a test
/// compares the two on a large generated corpus; change both together):
///   pass 1: compose и/і + U+0306/U+0308 to й/ї; drop an apostrophe variant between two Cyrillic letters;
///   pass 2: each Ukrainian letter by the table, where "word start" means the last character written is not a
///   letter or mark, and a capital written with two or more letters is all capitals when the next character is
///   a capital, or when the last character written is a capital and the next is not a letter.
/// Context classes come from ICU sets built from the same patterns the rules use.
final class KMU2010FastPath: Sendable {
    /// Per-code-point flags for the whole BMP; supplementary code points ask the ICU sets directly.
    private let bmpFlags: [UInt8]
    private let letterOrMarkSet: UnicodeSet
    private let upperSet: UnicodeSet
    private let cyrillicLetterSet: UnicodeSet
    /// Output spellings, indexed by `code point - 0x400` for U+0400…U+0491.
    private let entries: [Entry]
    /// All output spellings, back to back; entries point into it.
    private let spellings: [UInt8]

    static let letterOrMark: UInt8 = 1
    static let upper: UInt8 = 2
    static let cyrillicLetter: UInt8 = 4

    /// Offsets and lengths into `spellings`: the spelling at word start and elsewhere, each in title and capitals.
    struct Entry: Sendable {
        var kind: Kind = .other
        var isUpper = false
        var initialTitle = Span()
        var initialCaps = Span()
        var elsewhereTitle = Span()
        var elsewhereCaps = Span()
    }

    struct Span: Sendable {
        var offset: UInt16 = 0
        var count: UInt8 = 0
    }

    enum Kind: UInt8, Sendable {
        case other, letter, softSign, he
    }

    /// Apostrophe variants dropped between Cyrillic letters: ' ’ ʼ ` ´ ‘ ʹ ′ (as in the rules' $apostrophe).
    @inline(__always)
    static func isApostrophe(_ c: UInt32) -> Bool {
        switch c {
        case 0x27, 0x2019, 0x2BC, 0x60, 0xB4, 0x2018, 0x2B9, 0x2032: return true
        default: return false
        }
    }

    init() throws(ICUError) {
        letterOrMarkSet = try UnicodeSet(pattern: "[[:L:][:M:]]")
        upperSet = try UnicodeSet(pattern: "[:Lu:]")
        cyrillicLetterSet = try UnicodeSet(pattern: "[[:Cyrillic:]&[:L:]]")
        var flags = [UInt8](repeating: 0, count: 0x10000)
        for c in 0..<UInt32(0x10000) {
            var f: UInt8 = 0
            if letterOrMarkSet.contains(c) { f |= Self.letterOrMark }
            if upperSet.contains(c) { f |= Self.upper }
            if cyrillicLetterSet.contains(c) { f |= Self.cyrillicLetter }
            flags[Int(c)] = f
        }
        bmpFlags = flags
        (entries, spellings) = Self.buildTable()
    }

    private static func buildTable() -> ([Entry], [UInt8]) {
        var spellings: [UInt8] = []
        var entries = [Entry](repeating: Entry(), count: 0x92)
        func span(_ text: String) -> Span {
            let span = Span(offset: UInt16(spellings.count), count: UInt8(text.utf8.count))
            spellings.append(contentsOf: text.utf8)
            return span
        }
        func define(_ upper: Character, _ lower: Character, initial: String, elsewhere: String, kind: Kind = .letter) {
            let upperIndex = Int(upper.unicodeScalars.first!.value) - 0x400
            let lowerIndex = Int(lower.unicodeScalars.first!.value) - 0x400
            entries[upperIndex] = Entry(
                kind: kind, isUpper: true, initialTitle: span(initial), initialCaps: span(initial.uppercased()),
                elsewhereTitle: span(elsewhere), elsewhereCaps: span(elsewhere.uppercased()))
            let initialLower = span(initial.lowercased())
            let elsewhereLower = span(elsewhere.lowercased())
            entries[lowerIndex] = Entry(
                kind: kind, isUpper: false, initialTitle: initialLower, initialCaps: initialLower,
                elsewhereTitle: elsewhereLower, elsewhereCaps: elsewhereLower)
        }
        let same: [(Character, Character, String)] = [
            ("А", "а", "A"), ("Б", "б", "B"), ("В", "в", "V"), ("Ґ", "ґ", "G"), ("Д", "д", "D"), ("Е", "е", "E"),
            ("Ж", "ж", "Zh"), ("З", "з", "Z"), ("И", "и", "Y"), ("І", "і", "I"), ("К", "к", "K"), ("Л", "л", "L"),
            ("М", "м", "M"), ("Н", "н", "N"), ("О", "о", "O"), ("П", "п", "P"), ("Р", "р", "R"), ("С", "с", "S"),
            ("Т", "т", "T"), ("У", "у", "U"), ("Ф", "ф", "F"), ("Х", "х", "Kh"), ("Ц", "ц", "Ts"), ("Ч", "ч", "Ch"),
            ("Ш", "ш", "Sh"), ("Щ", "щ", "Shch"),
        ]
        for (upper, lower, latin) in same { define(upper, lower, initial: latin, elsewhere: latin) }
        define("Є", "є", initial: "Ye", elsewhere: "Ie")
        define("Ї", "ї", initial: "Yi", elsewhere: "I")
        define("Й", "й", initial: "Y", elsewhere: "I")
        define("Ю", "ю", initial: "Yu", elsewhere: "Iu")
        define("Я", "я", initial: "Ya", elsewhere: "Ia")
        // Г is H; after З it is Gh (note 1: зг zgh). The "initial" slot holds the zgh spelling.
        define("Г", "г", initial: "Gh", elsewhere: "H", kind: .he)
        define("Ь", "ь", initial: "", elsewhere: "", kind: .softSign)
        return (entries, spellings)
    }

    @inline(__always)
    private func flags(_ c: UInt32) -> UInt8 {
        if c < 0x10000 { return bmpFlags.withUnsafeBufferPointer { $0[Int(c)] } }
        var f: UInt8 = 0
        if letterOrMarkSet.contains(c) { f |= Self.letterOrMark }
        if upperSet.contains(c) { f |= Self.upper }
        if cyrillicLetterSet.contains(c) { f |= Self.cyrillicLetter }
        return f
    }

    /// Transliterates UTF-8 text, appending UTF-8 to `output`. Throws on bytes that are not UTF-8
    /// (offset relative to `input`).
    func transliterate(utf8 input: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) throws(TransliterationError) {
        let count = input.count
        if count == 0 { return }
        let scalars = UnsafeMutableBufferPointer<UInt32>.allocate(capacity: count)
        defer { scalars.deallocate() }
        let decoded = try Self.decode(input, into: scalars)
        let length = pass1(scalars, count: decoded)
        pass2(UnsafeBufferPointer(rebasing: scalars[0..<length]), into: &output, capacityHint: count * 2 + 8)
    }

    /// Decodes strict UTF-8 (no overlongs, surrogates or values above U+10FFFF).
    private static func decode(_ bytes: UnsafeBufferPointer<UInt8>, into scalars: UnsafeMutableBufferPointer<UInt32>)
        throws(TransliterationError) -> Int
    {
        let n = bytes.count
        var i = 0
        var out = 0
        while i < n {
            let b0 = UInt32(bytes[i])
            if b0 < 0x80 {
                scalars[out] = b0
                out += 1
                i += 1
                continue
            }
            var value: UInt32
            var need: Int
            var minimum: UInt32
            switch b0 {
            case 0xC2...0xDF: value = b0 & 0x1F; need = 1; minimum = 0x80
            case 0xE0...0xEF: value = b0 & 0x0F; need = 2; minimum = 0x800
            case 0xF0...0xF4: value = b0 & 0x07; need = 3; minimum = 0x10000
            default: throw .invalidUTF8(byteOffset: i)
            }
            if i + need >= n { throw .invalidUTF8(byteOffset: i) }
            for k in 1...need {
                let b = UInt32(bytes[i + k])
                if b & 0xC0 != 0x80 { throw .invalidUTF8(byteOffset: i) }
                value = (value << 6) | (b & 0x3F)
            }
            if value < minimum || value > 0x10FFFF || (0xD800...0xDFFF).contains(value) {
                throw .invalidUTF8(byteOffset: i)
            }
            scalars[out] = value
            out += 1
            i += need + 1
        }
        return out
    }

    /// Pass 1 in place (it only shortens): compose й ї; drop apostrophes between Cyrillic letters.
    private func pass1(_ s: UnsafeMutableBufferPointer<UInt32>, count: Int) -> Int {
        var read = 0
        var write = 0
        while read < count {
            let c = s[read]
            let next: UInt32 = read + 1 < count ? s[read + 1] : 0xFFFF_FFFF
            switch c {
            case 0x438 where next == 0x306: s[write] = 0x439; write += 1; read += 2; continue  // и + breve → й
            case 0x418 where next == 0x306: s[write] = 0x419; write += 1; read += 2; continue  // И + breve → Й
            case 0x456 where next == 0x308: s[write] = 0x457; write += 1; read += 2; continue  // і + diaeresis → ї
            case 0x406 where next == 0x308: s[write] = 0x407; write += 1; read += 2; continue  // І + diaeresis → Ї
            default: break
            }
            if Self.isApostrophe(c), write > 0, read + 1 < count,
                flags(s[write - 1]) & Self.cyrillicLetter != 0, flags(next) & Self.cyrillicLetter != 0
            {
                read += 1
                continue
            }
            s[write] = c
            write += 1
            read += 1
        }
        return write
    }

    private func pass2(_ s: UnsafeBufferPointer<UInt32>, into output: inout [UInt8], capacityHint: Int) {
        let n = s.count
        output.reserveCapacity(output.count + capacityHint)
        // State of the last character written: letter-or-mark, capital.
        var lastLetter = false
        var lastUpper = false
        entries.withUnsafeBufferPointer { entries in
            spellings.withUnsafeBufferPointer { spellings in
                bmpFlags.withUnsafeBufferPointer { bmp in
                    @inline(__always) func flagsOf(_ c: UInt32) -> UInt8 { c < 0x10000 ? bmp[Int(c)] : flags(c) }
                    var j = 0
                    while j < n {
                        let c = s[j]
                        if c < 0x80 {
                            output.append(UInt8(truncatingIfNeeded: c))
                            let f = bmp[Int(c)]
                            lastLetter = f & Self.letterOrMark != 0
                            lastUpper = f & Self.upper != 0
                            j += 1
                            continue
                        }
                        let index = Int(c) &- 0x400
                        if index >= 0, index < entries.count, entries[index].kind != .other {
                            let entry = entries[index]
                            var title: Span
                            var caps: Span
                            switch entry.kind {
                            case .softSign:
                                j += 1
                                continue
                            case .he:
                                let previous = j > 0 ? s[j - 1] : 0
                                let afterZe = previous == 0x417 || previous == 0x437
                                title = afterZe ? entry.initialTitle : entry.elsewhereTitle
                                caps = afterZe ? entry.initialCaps : entry.elsewhereCaps
                            default:
                                title = lastLetter ? entry.elsewhereTitle : entry.initialTitle
                                caps = lastLetter ? entry.elsewhereCaps : entry.initialCaps
                            }
                            var chosen = title
                            if entry.isUpper && title.count > 1 {
                                let nextFlags: UInt8 = j + 1 < n ? flagsOf(s[j + 1]) : 0
                                if nextFlags & Self.upper != 0 || (lastUpper && nextFlags & Self.letterOrMark == 0) {
                                    chosen = caps
                                }
                            }
                            let start = Int(chosen.offset)
                            for k in start..<(start + Int(chosen.count)) { output.append(spellings[k]) }
                            lastLetter = true
                            let lastByte = spellings[start + Int(chosen.count) - 1]
                            lastUpper = lastByte >= 0x41 && lastByte <= 0x5A
                            j += 1
                            continue
                        }
                        Self.appendUTF8(c, to: &output)
                        let f = flagsOf(c)
                        lastLetter = f & Self.letterOrMark != 0
                        lastUpper = f & Self.upper != 0
                        j += 1
                    }
                }
            }
        }
    }

    @inline(__always)
    static func appendUTF8(_ c: UInt32, to output: inout [UInt8]) {
        switch c {
        case 0..<0x80:
            output.append(UInt8(c))
        case 0x80..<0x800:
            output.append(UInt8(0xC0 | (c >> 6)))
            output.append(UInt8(0x80 | (c & 0x3F)))
        case 0x800..<0x10000:
            output.append(UInt8(0xE0 | (c >> 12)))
            output.append(UInt8(0x80 | ((c >> 6) & 0x3F)))
            output.append(UInt8(0x80 | (c & 0x3F)))
        default:
            output.append(UInt8(0xF0 | (c >> 18)))
            output.append(UInt8(0x80 | ((c >> 12) & 0x3F)))
            output.append(UInt8(0x80 | ((c >> 6) & 0x3F)))
            output.append(UInt8(0x80 | (c & 0x3F)))
        }
    }
}
