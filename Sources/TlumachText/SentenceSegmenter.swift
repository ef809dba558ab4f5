import ICU
import TlumachCore

/// A sentence of a text: its text without surrounding white space, and where it is.
public struct Sentence: Sendable, Hashable {
    public var text: String
    /// Range in UTF-16 code units of the segmented string.
    public var utf16Range: Range<Int>
    /// Range in UTF-8 bytes of the segmented string.
    public var utf8Range: Range<Int>

    public init(text: String, utf16Range: Range<Int>, utf8Range: Range<Int>) {
        self.text = text
        self.utf16Range = utf16Range
        self.utf8Range = utf8Range
    }

    /// Line and column (1-based, UTF-16 columns) and byte offset of the sentence's start.
    public func start(in index: LineIndex, byteOffset: Int = 0) -> SourcePosition {
        index.position(ofByte: byteOffset + utf8Range.lowerBound)
    }
}

/// An abbreviation of the segmenter's lists (Sources/TlumachText/Data/abbreviations-LANG.txt).
public struct Abbreviation: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        /// Stands before a name or number and never ends a sentence (м. Київ, вул. Хрещатик, Mr. Yusov).
        case prefix
        /// May end a sentence: the break is kept only when the next word starts with a capital letter.
        case suffix
    }

    public var text: String
    public var kind: Kind

    /// The list for a language, read from its data file.
    public static func list(for language: Language) -> [Abbreviation] {
        TextData.lines("abbreviations-\(language.rawValue)").compactMap { line in
            let parts = line.split(separator: "\t", omittingEmptySubsequences: true)
            guard parts.count == 2, let kind = Kind(rawValue: parts[1].trimmingCharacters(in: .whitespaces)) else {
                return nil
            }
            return Abbreviation(text: String(parts[0]), kind: kind)
        }
    }
}

/// Splits text into sentences with ICU's sentence break rules for the language, corrected by the language's
/// abbreviation list: no break after "вул." in "вул. Хрещатик" or after "Mr." in "Mr. Yusov said", and a break
/// after "грн." in "близько 950 тис. грн. Обмін відбувся". Initials ("В. Зеленський") never end a sentence.
/// A line break always ends a sentence. Thread-safe.
public final class SentenceSegmenter: Sendable {
    public let language: Language
    private let iterator: BreakIterator
    /// Abbreviations as scalars, each also with its first letter upper-cased (sentence-initial "Вул.").
    private let abbreviations: [(scalars: [Unicode.Scalar], kind: Abbreviation.Kind)]

    public init(language: Language = .uk, abbreviations: [Abbreviation]? = nil) throws(ICUError) {
        self.language = language
        self.iterator = try BreakIterator(.sentence, locale: language.localeID)
        var forms: [(scalars: [Unicode.Scalar], kind: Abbreviation.Kind)] = []
        for abbreviation in abbreviations ?? Abbreviation.list(for: language) {
            let scalars = Array(abbreviation.text.unicodeScalars)
            let capitalised = Array((abbreviation.text.prefix(1).uppercased() + abbreviation.text.dropFirst()).unicodeScalars)
            for spelling in capitalised == scalars ? [scalars] : [scalars, capitalised] {
                forms.append((spelling, abbreviation.kind))
                // "грн" in the list also matches "грн." whose dot ends the sentence.
                if spelling.last != "." { forms.append((spelling + ["."], abbreviation.kind)) }
            }
        }
        // Longest first, so "і т. д." wins over "т. д.".
        self.abbreviations = forms.sorted { $0.scalars.count > $1.scalars.count }
    }

    /// The sentences of `text`, in order, without white space between them.
    public func sentences(in text: String) throws(ICUError) -> [Sentence] {
        let utf16 = Array(text.utf16)
        let utf8 = Array(text.utf8)
        var boundaries: [Int] = [0]
        try utf16.withUnsafeBufferPointer { (buffer) throws(ICUError) in
            try iterator.forEachSegment(utf16: buffer) { boundaries.append($0.range.upperBound) }
        }
        if boundaries.last != utf16.count { boundaries.append(utf16.count) }
        // Keep the boundaries the abbreviation rules allow.
        var kept: [Int] = [0]
        for position in 1..<boundaries.count {
            let boundary = boundaries[position]
            if boundary == utf16.count || keepsBreak(utf16, at: boundary) { kept.append(boundary) }
        }
        var sentences: [Sentence] = []
        var utf8Offset = 0
        var utf16Cursor = 0
        for position in 1..<kept.count {
            var start = kept[position - 1]
            var end = kept[position]
            while start < end && Self.isSpace(utf16[start]) { start += 1 }
            while end > start && Self.isSpace(utf16[end - 1]) { end -= 1 }
            guard start < end else { continue }
            utf8Offset += Self.utf8Length(utf16[utf16Cursor..<start])
            let length = Self.utf8Length(utf16[start..<end])
            sentences.append(
                Sentence(
                    text: String(decoding: utf8[utf8Offset..<(utf8Offset + length)], as: UTF8.self),
                    utf16Range: start..<end,
                    utf8Range: utf8Offset..<(utf8Offset + length)))
            utf8Offset += length
            utf16Cursor = end
        }
        return sentences
    }

    private func keepsBreak(_ utf16: [UInt16], at boundary: Int) -> Bool {
        var end = boundary
        while end > 0 && Self.isSpace(utf16[end - 1]) {
            if utf16[end - 1] == 0x0A || utf16[end - 1] == 0x0D || utf16[end - 1] == 0x2029 { return true }
            end -= 1
        }
        guard end > 0, utf16[end - 1] == 0x2E else { return true }  // only breaks after a full stop are in question
        // The text before the break, as scalars (abbreviations are short: 16 units are plenty).
        let from = max(0, end - 16)
        let tail = Array(String(decoding: utf16[from..<end], as: UTF16.self).unicodeScalars)
        let nextIsCapital = Self.nextLetterIsUppercase(utf16, from: boundary)
        for (candidate, kind) in abbreviations {
            if tail.count >= candidate.count && tail.suffix(candidate.count).elementsEqual(candidate) {
                let before = tail.count - candidate.count
                if before > 0 && Self.isLetter(tail[before - 1]) { continue }
                if before == 0 && from > 0 && Self.isLetterUnit(utf16[from - 1]) { continue }
                switch kind {
                case .prefix: return false
                case .suffix: return nextIsCapital
                }
            }
        }
        // An initial: one capital letter and a dot after a space (В. Зеленський).
        if tail.count >= 2, Self.isUppercaseLetter(tail[tail.count - 2]),
            tail.count == 2 || !Self.isLetter(tail[tail.count - 3])
        {
            return false
        }
        return true
    }

    private static func nextLetterIsUppercase(_ utf16: [UInt16], from start: Int) -> Bool {
        for scalar in String(decoding: utf16[start..<min(utf16.count, start + 8)], as: UTF16.self).unicodeScalars {
            if isLetter(scalar) { return scalar.properties.isUppercase }
            if scalar.properties.numericType != nil { return false }
        }
        return false
    }

    private static func isLetter(_ scalar: Unicode.Scalar) -> Bool { classOf(scalar).contains(.letter) }
    private static func isUppercaseLetter(_ scalar: Unicode.Scalar) -> Bool {
        isLetter(scalar) && scalar.properties.isUppercase
    }
    private static func isLetterUnit(_ unit: UInt16) -> Bool {
        guard let scalar = Unicode.Scalar(unit) else { return false }
        return isLetter(scalar)
    }

    private static func isSpace(_ unit: UInt16) -> Bool {
        switch unit {
        case 0x20, 0x09, 0x0A, 0x0D, 0x0B, 0x0C, 0xA0, 0x2000...0x200A, 0x202F, 0x205F, 0x3000, 0x2028, 0x2029: true
        default: false
        }
    }

    private static func utf8Length(_ units: ArraySlice<UInt16>) -> Int {
        var length = 0
        for unit in units {
            if unit < 0x80 {
                length += 1
            } else if unit < 0x800 {
                length += 2
            } else if unit & 0xF800 == 0xD800 {
                length += 2
            } else {
                length += 3
            }
        }
        return length
    }
}
