import ICU

/// Tells Ukrainian, Russian and English apart from the letters of a text: Latin against Cyrillic letters, then the
/// letters only Ukrainian has (і ї є ґ) against those only Russian has (ы э ё ъ).
public struct LanguageEvidence: Sendable, Hashable {
    // Counts kept in 32 bits (`Count32`): the whole value fits in three registers, and the normaliser hands one to
    // `DocumentState.resolve` for each of a million paragraphs.
    @Count32 public var latinLetters: Int
    @Count32 public var cyrillicLetters: Int
    /// і ї є ґ (either case).
    @Count32 public var ukrainianMarkers: Int
    /// ы э ё ъ (either case).
    @Count32 public var russianMarkers: Int
    /// Lower-case English function words standing as words (Data/english-function-words.txt). Counted by the
    /// normaliser only, and only where they decide (`paragraphLanguage`).
    @Count32 public var englishFunctionWords: Int

    public init() {}

    /// Adds one letter.
    @inline(__always)
    mutating func count(_ scalar: Unicode.Scalar, _ classes: CharacterClass) {
        guard classes.contains(.letter) else { return }
        if classes.contains(.latin) {
            _latinLetters.bump()
        } else if classes.contains(.cyrillic) {
            _cyrillicLetters.bump()
            switch scalar.value {
            case 0x404, 0x406, 0x407, 0x454, 0x456, 0x457, 0x490, 0x491: _ukrainianMarkers.bump()
            case 0x401, 0x42A, 0x42B, 0x42D, 0x44A, 0x44B, 0x44D, 0x451: _russianMarkers.bump()
            default: break
            }
        }
    }

    /// The language the letters point to, or nil when they do not decide (no letters, or Cyrillic without any
    /// letter specific to Ukrainian or Russian).
    /// (Inlined: asked for every paragraph of a text.)
    public var language: Language? {
        @inline(__always) get {
            if latinLetters == 0 && cyrillicLetters == 0 { return nil }
            if latinLetters > cyrillicLetters { return .en }
            if russianMarkers > ukrainianMarkers { return .ru }
            if ukrainianMarkers > 0 { return .uk }
            return nil
        }
    }
}

extension LanguageEvidence {
    /// The language of one paragraph of an article, as the normaliser decides it: as `language`, except that Latin
    /// letters outnumbering Cyrillic ones in a mixed paragraph make it English only in English sentences: with an
    /// English function word for every 40 Latin letters or fewer (English prose has one every 12–17 letters; a
    /// Ukrainian list of product names, "Linear and integer program expression format", has one in 142). A Ukrainian sentence about code, options or names ("Встановіть wal_level на
    /// "logical"", "Джерело: "Financial Times"", "розділ «%pA» з «%pB»") keeps Ukrainian quotes and dashes.
    @inline(__always)
    var paragraphLanguage: Language? {
        let latin = latinLetters
        let cyrillic = cyrillicLetters
        if latin == 0 && cyrillic == 0 { return nil }
        if latin > cyrillic && (cyrillic == 0 || englishFunctionWords * 40 >= latin && englishFunctionWords > 0) {
            return .en
        }
        if russianMarkers > ukrainianMarkers { return .ru }
        if ukrainianMarkers > 0 { return .uk }
        return nil
    }

    /// Whether `paragraphLanguage` needs the function words counted: `FastScan` leaves such paragraphs to the
    /// rules.
    @inline(__always)
    var needsWords: Bool { latinLetters > cyrillicLetters && cyrillicLetters > 0 }

    /// Counts a paragraph's letters outside protected spans (URLs, e-mail addresses, code) and the letters of
    /// printf conversions (`%s`, `%lu`, `%1$s`: `isConversion`) and, where they decide, its English function words.
    @inline(__always)
    mutating func countParagraph(
        _ scalars: [Unicode.Scalar], protected: [Bool], classOf: (Unicode.Scalar) -> CharacterClass
    ) {
        for index in scalars.indices where !protected[index] { count(scalars[index], classOf(scalars[index])) }
        if latinLetters > 0 && scalars.contains("%") {
            // Take back the conversions' letters (ASCII, so counted as Latin), run by run.
            var inConversion = false
            for index in scalars.indices where (scalars[index].value | 0x20) &- 0x61 < 26 {
                if index > 0, case let previous = scalars[index - 1].value, (previous | 0x20) &- 0x61 >= 26 {
                    inConversion = previous < 0x80 && FastScan.mayEndConversionPrefix(UInt8(previous))
                        && Self.isConversion(before: index) { scalars[$0].value }
                }
                if inConversion && !protected[index] { latinLetters -= 1 }
            }
        }
        if needsWords { englishFunctionWords = Self.functionWords(in: scalars, protected: protected) }
    }

    /// Whether the run of ASCII letters starting at `start` is the conversion of a printf placeholder (`%s`,
    /// `%lld`, `%1$s`, `%-10s`, `%.*s`): "%" right before it, or before at most eight flag, width and precision
    /// characters (digits, `$ . * # + -`; not the `'` flag, which the quote rule may turn into a quotation mark, so
    /// that a second run would count otherwise). `value(i)` is the character at `i` (a byte or a scalar: every one
    /// looked at is ASCII); `lowerBound` is the paragraph's start.
    @inline(__always)
    static func isConversion(before start: Int, lowerBound: Int = 0, _ value: (Int) -> UInt32) -> Bool {
        var index = start - 1
        while index >= lowerBound && index >= start - 9 {
            let character = value(index)
            if character == 0x25 { return true }
            guard character &- 0x30 < 10 || character == 0x24 || character == 0x2E || character == 0x2A
                || character == 0x23 || character == 0x2B || character == 0x2D
            else { return false }
            index -= 1
        }
        return false
    }

    /// English function words standing as words: lower-case ASCII letters with a space, an opening bracket, a
    /// quotation mark, a dash or the start before them and a space, punctuation, a quotation mark, a dash or the
    /// end after them (not glued to `_`, `-`, `/`, `=` or `.` as parts of identifiers, paths and options are). The
    /// boundaries are those the later rules keep boundaries (a quotation mark for another, a space for a dash, an
    /// apostrophe between letters for ’), so normalising twice decides alike. `FastScan.functionWords` counts the
    /// same in UTF-8.
    static func functionWords(in scalars: [Unicode.Scalar], protected: [Bool]) -> Int {
        func isLower(_ index: Int) -> Bool {
            scalars[index].value &- 0x61 < 26 && !protected[index]
        }
        func value(_ index: Int) -> UInt32? { index >= 0 && index < scalars.count ? scalars[index].value : nil }
        let words = TextData.englishFunctionWords
        var count = 0
        var index = 0
        while index < scalars.count {
            guard isLower(index), index == 0 || opensWord(scalars[index - 1].value, before: value(index - 2)) else {
                index += 1
                continue
            }
            var end = index + 1
            while end < scalars.count && isLower(end) { end += 1 }
            if end - index <= 6, end == scalars.count || closesWord(scalars[end].value, after: value(end + 1)),
                words.contains(functionWordKey(index, end, { scalars[$0].value }))
            {
                count += 1
            }
            index = end
        }
        return count
    }

    /// A line break, tab or horizontal space (any the no-break-space rule may turn into a plain one).
    @inline(__always)
    static func isBoundarySpace(_ value: UInt32) -> Bool {
        if value == 0x20 || value == 0x0A || value == 0x09 { return true }
        guard value >= 0xA0, let scalar = Unicode.Scalar(value) else { return false }
        return Rules.isSpecialSpace(scalar)
    }

    /// Any quotation mark the quote rule reads or writes.
    @inline(__always)
    static func isQuotationMark(_ value: UInt32) -> Bool {
        value == 0x22 || value == 0x27 || value == 0xAB || value == 0xBB || value &- 0x2018 < 8 || value == 0x2039
            || value == 0x203A
    }

    /// ' ’ ‘ are apostrophes, no boundary, between a letter and a letter.
    @inline(__always)
    static func isApostropheMark(_ value: UInt32) -> Bool { value == 0x27 || value == 0x2019 || value == 0x2018 }

    @inline(__always)
    static func isLetter(_ value: UInt32?) -> Bool {
        guard let value, let scalar = Unicode.Scalar(value) else { return false }
        return classOf(scalar).contains(.letter)
    }

    /// What may stand right before a function word (`before`: the character before it, nil at the start).
    @inline(__always)
    static func opensWord(_ value: UInt32, before: @autoclosure () -> UInt32?) -> Bool {
        if isBoundarySpace(value) { return true }
        switch value {
        case 0x28, 0x5B, 0x7B, 0x2014, 0x2013: return true
        default: break
        }
        guard isQuotationMark(value) else { return false }
        return !isApostropheMark(value) || !isLetter(before())
    }

    /// What may stand right after one (`after`: the character after it, nil at the end): a full stop only with a
    /// space or the end after it (not "is.foo").
    @inline(__always)
    static func closesWord(_ value: UInt32, after: @autoclosure () -> UInt32?) -> Bool {
        if isBoundarySpace(value) { return true }
        switch value {
        case 0x2C, 0x3B, 0x3A, 0x21, 0x3F, 0x29, 0x5D, 0x7D, 0x2014, 0x2013: return true
        case 0x2E: return after().map(isBoundarySpace) ?? true
        default: break
        }
        guard isQuotationMark(value) else { return false }
        return !isApostropheMark(value) || !isLetter(after())
    }

    /// A word of up to eight ASCII letters packed into one integer (the first letter in the low byte): the set's key.
    @inline(__always)
    static func functionWordKey(_ start: Int, _ end: Int, _ value: (Int) -> UInt32) -> UInt64 {
        var key: UInt64 = 0
        for index in stride(from: end - 1, through: start, by: -1) { key = key << 8 | UInt64(value(index) & 0xFF) }
        return key
    }
}

/// A count of letters in 32 bits, saturating past 2^31 (no decision needs more).
@propertyWrapper
public struct Count32: Sendable, Hashable {
    private var stored: Int32 = 0

    public init(wrappedValue: Int = 0) { stored = Int32(clamping: wrappedValue) }

    public var wrappedValue: Int {
        @inline(__always) get { Int(stored) }
        @inline(__always) set { stored = Int32(clamping: newValue) }
    }

    @inline(__always)
    mutating func bump() {
        if stored != .max { stored &+= 1 }
    }
}

public enum LanguageDetector {
    /// The evidence for `text`.
    public static func evidence(_ text: String) -> LanguageEvidence {
        var evidence = LanguageEvidence()
        for scalar in text.unicodeScalars { evidence.count(scalar, classOf(scalar)) }
        return evidence
    }

    /// The language of `text`, or `fallback` when its letters do not decide. Cyrillic text without і ї є ґ or
    /// ы э ё ъ counts as `fallback` too (Ukrainian by default).
    public static func detect(_ text: String, fallback: Language = .uk) -> Language {
        evidence(text).language ?? fallback
    }

    /// The language of a whole document, always an answer (the tag a file without one gets): as `detect`, but
    /// Cyrillic without deciding letters is Ukrainian and text without letters English. Only the first `limit`
    /// scalars are read: a document's language shows early.
    public static func documentLanguage(_ text: String, limit: Int = 200_000) -> Language {
        var evidence = LanguageEvidence()
        for scalar in text.unicodeScalars.prefix(limit) { evidence.count(scalar, classOf(scalar)) }
        return evidence.language ?? (evidence.cyrillicLetters > 0 ? .uk : .en)
    }
}
