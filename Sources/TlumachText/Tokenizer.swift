import ICU

/// Splits text into words, numbers, punctuation and spaces with ICU's word break rules for the language, keeping a
/// word with an apostrophe in any of its variants (м'ясо, м’ясо, мʼясо, м`ясо, м´ясо) as one word.
/// Thread-safe: one tokeniser can serve concurrent tasks.
public final class Tokenizer: Sendable {
    public let language: Language
    private let iterator: BreakIterator

    public init(language: Language = .uk) throws(ICUError) {
        self.language = language
        self.iterator = try BreakIterator(.word, locale: language.localeID)
    }

    /// All tokens of `text`, in order, covering it completely.
    public func tokens(in text: String) throws(ICUError) -> [Token] {
        let utf16 = Array(text.utf16)
        let utf8 = Array(text.utf8)
        var raw: [(range: Range<Int>, status: Int32)] = []
        try utf16.withUnsafeBufferPointer { (buffer) throws(ICUError) in
            try iterator.forEachSegment(utf16: buffer) { raw.append(($0.range, $0.ruleStatus)) }
        }
        var tokens: [Token] = []
        tokens.reserveCapacity(raw.count)
        var utf8Offset = 0
        var index = 0
        func utf8Length(_ range: Range<Int>) -> Int {
            var length = 0
            for position in range {
                let unit = utf16[position]
                if unit < 0x80 {
                    length += 1
                } else if unit < 0x800 {
                    length += 2
                } else if unit & 0xF800 == 0xD800 {
                    length += 2  // each half of a surrogate pair: 4 bytes per pair
                } else {
                    length += 3
                }
            }
            return length
        }
        func isLetterWord(_ status: Int32) -> Bool { status >= 200 }
        while index < raw.count {
            var range = raw[index].range
            let status = raw[index].status
            var next = index + 1
            // word + apostrophe + word → one word, as often as the pattern repeats (п'ят'ятьох is rare but harmless).
            if isLetterWord(status) {
                while next + 1 < raw.count, raw[next].range.count == 1,
                    Self.apostropheUnits.contains(utf16[raw[next].range.lowerBound]),
                    isLetterWord(raw[next + 1].status)
                {
                    range = range.lowerBound..<raw[next + 1].range.upperBound
                    next += 2
                }
            }
            let kind: Token.Kind
            if status >= 200 {
                kind = .word
            } else if status >= 100 {
                kind = .number
            } else if range.allSatisfy({ Self.isSpaceUnit(utf16[$0]) }) {
                kind = .space
            } else {
                kind = .punctuation
            }
            let length = utf8Length(range)
            tokens.append(
                Token(
                    // From UTF-8: much faster than transcoding the UTF-16 slice.
                    text: String(decoding: utf8[utf8Offset..<(utf8Offset + length)], as: UTF8.self), kind: kind,
                    utf16Range: range,
                    utf8Range: utf8Offset..<(utf8Offset + length)))
            utf8Offset += length
            index = next
        }
        return tokens
    }

    /// The words and numbers of `text`.
    public func words(in text: String) throws(ICUError) -> [Token] {
        try tokens(in: text).filter(\.isWordLike)
    }

    private static let apostropheUnits: Set<UInt16> = [0x27, 0x2019, 0x02BC, 0x60, 0xB4, 0x2018, 0x02B9, 0x2032]

    private static func isSpaceUnit(_ unit: UInt16) -> Bool {
        switch unit {
        case 0x20, 0x09, 0x0A, 0x0D, 0x0B, 0x0C, 0xA0, 0x2000...0x200A, 0x202F, 0x205F, 0x3000, 0x2028, 0x2029: true
        default: false
        }
    }
}
