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

    static let letterOrMark: UInt8 = 1
    static let upper: UInt8 = 2
    static let cyrillicLetter: UInt8 = 4

    /// The spelling at word start and elsewhere, each in title and in capitals.
    struct Entry: Sendable {
        var kind: Kind = .other
        var isUpper = false
        var initialTitle = Span()
        var initialCaps = Span()
        var elsewhereTitle = Span()
        var elsewhereCaps = Span()
    }

    /// Up to four ASCII bytes packed little-endian in the low 32 bits (written with one store), their count in
    /// bits 32…39, and in bit 40 whether the last one is a capital: one load per letter.
    struct Span: Sendable {
        var packed: UInt64 = 0
        init() {}
        init(_ text: String) {
            var bytes: UInt64 = 0
            for (index, byte) in text.utf8.enumerated() { bytes |= UInt64(byte) << (8 * UInt64(index)) }
            let last = text.utf8.last ?? 0
            packed = bytes | UInt64(text.utf8.count) << 32 | (last >= 0x41 && last <= 0x5A ? 1 << 40 : 0)
        }
        @inline(__always) var bytes: UInt32 { UInt32(truncatingIfNeeded: packed) }
        @inline(__always) var count: Int { Int(truncatingIfNeeded: (packed >> 32) & 0xFF) }
        @inline(__always) var endsUpper: Bool { packed & (1 << 40) != 0 }
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

    /// One instance per process: building the tables takes a few milliseconds.
    private static let sharedResult = Result { () throws(ICUError) in try KMU2010FastPath() }
    static func shared() throws(ICUError) -> KMU2010FastPath { try sharedResult.get() }

    init() throws(ICUError) {
        letterOrMarkSet = try UnicodeSet(pattern: "[[:L:][:M:]]")
        upperSet = try UnicodeSet(pattern: "[:Lu:]")
        cyrillicLetterSet = try UnicodeSet(pattern: "[[:Cyrillic:]&[:L:]]")
        var flags = [UInt8](repeating: 0, count: 0x10000)
        let sets = [(letterOrMarkSet, Self.letterOrMark), (upperSet, Self.upper), (cyrillicLetterSet, Self.cyrillicLetter)]
        flags.withUnsafeMutableBufferPointer { flags in
            for (set, flag) in sets {
                for range in set.ranges where range.lowerBound < 0x10000 {
                    // A plain counter: a range's generic iterator made this table most of a one-shot
                    // `translit`'s time in a debug build (the CLI tests run it dozens of times).
                    var c = Int(range.lowerBound)
                    let end = Int(min(range.upperBound, 0xFFFF))
                    while c <= end {
                        flags[c] |= flag
                        c += 1
                    }
                }
            }
        }
        bmpFlags = flags
        entries = Self.buildTable()
    }

    private static func buildTable() -> [Entry] {
        var entries = [Entry](repeating: Entry(), count: 0x92)
        func span(_ text: String) -> Span { Span(text) }
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
        return entries
    }

    /// The context classes of a code point: the table for the BMP, the ICU sets beyond.
    @inline(__always)
    func flags(_ c: UInt32) -> UInt8 {
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
        // Each input byte gives at most two output bytes (Щ: two bytes, SHCH: four); spellings are stored four
        // bytes at a time, hence the slack.
        let capacity = count * 2 + 8
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        defer { buffer.deallocate() }
        let written = try entries.withUnsafeBufferPointer { (entries) throws(TransliterationError) -> Int in
            try bmpFlags.withUnsafeBufferPointer { (bmp) throws(TransliterationError) -> Int in
                try run(input, buffer, entries: entries, bmp: bmp)
            }
        }
        output.append(contentsOf: UnsafeBufferPointer(start: buffer, count: written))
    }

    /// Decodes the scalar at `i` (strict UTF-8: no overlongs, surrogates or values above U+10FFFF).
    @inline(__always)
    private static func decode(_ input: UnsafeBufferPointer<UInt8>, at i: Int) -> (scalar: UInt32, length: Int)? {
        let n = input.count
        let b0 = UInt32(input[i])
        if b0 < 0x80 { return (b0, 1) }
        var value: UInt32
        let need: Int
        let minimum: UInt32
        switch b0 {
        case 0xC2...0xDF: value = b0 & 0x1F; need = 1; minimum = 0x80
        case 0xE0...0xEF: value = b0 & 0x0F; need = 2; minimum = 0x800
        case 0xF0...0xF4: value = b0 & 0x07; need = 3; minimum = 0x10000
        default: return nil
        }
        if i + need >= n { return nil }
        for k in 1...need {
            let b = UInt32(input[i + k])
            if b & 0xC0 != 0x80 { return nil }
            value = (value << 6) | (b & 0x3F)
        }
        if value < minimum || value > 0x10FFFF || (0xD800...0xDFFF).contains(value) { return nil }
        return (value, need + 1)
    }

    /// Both passes in one sweep. Pass 1 state: the last scalar pass 1 produced (`previous`). Pass 2 state: whether
    /// the last character written is a letter or mark, and whether it is a capital.
    private func run(
        _ input: UnsafeBufferPointer<UInt8>, _ out: UnsafeMutablePointer<UInt8>,
        entries: UnsafeBufferPointer<Entry>, bmp: UnsafeBufferPointer<UInt8>
    ) throws(TransliterationError) -> Int {
        let n = input.count
        var i = 0
        var o = 0
        var previous: UInt32 = 0x0A
        var lastLetter = false
        var lastUpper = false

        @inline(__always) func flagsOf(_ c: UInt32) -> UInt8 { c < 0x10000 ? bmp[Int(c)] : flags(c) }

        /// Pass 1 at `j` given the scalar before it: the scalar pass 1 produces there (composition applied), the
        /// number of input bytes it consumes, and whether it is an apostrophe pass 1 drops.
        @inline(__always) func pass1(at j: Int, after before: UInt32) throws(TransliterationError)
            -> (scalar: UInt32, length: Int, dropped: Bool)
        {
            guard let (c, length) = Self.decode(input, at: j) else { throw .invalidUTF8(byteOffset: j) }
            switch c {
            case 0x438, 0x418, 0x456, 0x406:  // и И і І, maybe followed by a combining breve or diaeresis
                if j + length + 1 < n, input[j + length] == 0xCC {
                    let mark = input[j + length + 1]
                    if mark == 0x86 && (c == 0x438 || c == 0x418) { return (c + 1, length + 2, false) }  // й Й
                    if mark == 0x88 && (c == 0x456 || c == 0x406) { return (c + 1, length + 2, false) }  // ї Ї
                }
                return (c, length, false)
            default:
                if Self.isApostrophe(c), flagsOf(before) & Self.cyrillicLetter != 0, j + length < n {
                    guard let (after, _) = Self.decode(input, at: j + length) else {
                        return (c, length, false)  // reported when the sweep reaches it
                    }
                    if flagsOf(after) & Self.cyrillicLetter != 0 { return (c, length, true) }
                }
                return (c, length, false)
            }
        }

        while i < n {
            let byte = input[i]
            if byte < 0x80 && byte != 0x27 && byte != 0x60 {
                // ASCII other than the two ASCII apostrophes: copied.
                out[o] = byte
                o += 1
                let f = bmp[Int(byte)]
                lastLetter = f & Self.letterOrMark != 0
                lastUpper = f & Self.upper != 0
                previous = UInt32(byte)
                i += 1
                continue
            }
            let c: UInt32
            let length: Int
            let dropped: Bool
            if byte >= 0xD0 && byte <= 0xD2 && i + 1 < n && input[i + 1] & 0xC0 == 0x80
                && !(i + 2 < n && input[i + 2] == 0xCC)
            {
                // Two-byte Cyrillic (U+0400…U+04BF) not followed by a combining mark: decoded in place; never an
                // apostrophe, never a composition.
                c = (UInt32(byte & 0x1F) << 6) | UInt32(input[i + 1] & 0x3F)
                length = 2
                dropped = false
            } else {
                (c, length, dropped) = try pass1(at: i, after: previous)
            }
            if dropped {
                i += length
                continue
            }
            let index = Int(c) &- 0x400
            if index >= 0, index < entries.count, entries[index].kind != .other {
                let entry = entries[index]
                let title: Span
                let caps: Span
                switch entry.kind {
                case .softSign:
                    previous = c
                    i += length
                    continue
                case .he:
                    let afterZe = previous == 0x417 || previous == 0x437
                    title = afterZe ? entry.initialTitle : entry.elsewhereTitle
                    caps = afterZe ? entry.initialCaps : entry.elsewhereCaps
                default:
                    title = lastLetter ? entry.elsewhereTitle : entry.initialTitle
                    caps = lastLetter ? entry.elsewhereCaps : entry.initialCaps
                }
                var chosen = title
                if entry.isUpper && title.count > 1 {
                    // The next scalar pass 1 produces (skipping an apostrophe it drops).
                    var nextFlags: UInt8 = 0
                    var j = i + length
                    if j < n {
                        var (next, nextLength, nextDropped) = try pass1(at: j, after: c)
                        if nextDropped {
                            j += nextLength
                            (next, nextLength, nextDropped) = try pass1(at: j, after: c)
                        }
                        nextFlags = flagsOf(next)
                    }
                    if nextFlags & Self.upper != 0 || (lastUpper && nextFlags & Self.letterOrMark == 0) {
                        chosen = caps
                    }
                }
                UnsafeMutableRawPointer(out + o).storeBytes(of: chosen.bytes.littleEndian, as: UInt32.self)
                o += chosen.count
                lastLetter = true
                lastUpper = chosen.endsUpper
                previous = c
                i += length
                continue
            }
            // Anything else is written as it came.
            for k in i..<(i + length) {
                out[o] = input[k]
                o += 1
            }
            let f = flagsOf(c)
            lastLetter = f & Self.letterOrMark != 0
            lastUpper = f & Self.upper != 0
            previous = c
            i += length
        }
        return o
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
