import TlumachCore

/// A token of text: a word, number, punctuation mark or run of space, with its place in the text.
public struct Token: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case word, number, punctuation, space
    }

    /// The token's text exactly as in the input (apostrophes are not unified: see `Token.apostropheFolded`).
    public var text: String
    public var kind: Kind
    /// Range in UTF-16 code units of the tokenised string.
    public var utf16Range: Range<Int>
    /// Range in UTF-8 bytes of the tokenised string.
    public var utf8Range: Range<Int>

    public init(text: String, kind: Kind, utf16Range: Range<Int>, utf8Range: Range<Int>) {
        self.text = text
        self.kind = kind
        self.utf16Range = utf16Range
        self.utf8Range = utf8Range
    }

    /// Words and numbers (not punctuation or space).
    public var isWordLike: Bool { kind == .word || kind == .number }

    /// Line and column (1-based, UTF-16 columns) and byte offset of the token's start, given the index of the
    /// text it came from (offset by `byteOffset` when the tokenised string started inside a larger file).
    public func start(in index: LineIndex, byteOffset: Int = 0) -> SourcePosition {
        index.position(ofByte: byteOffset + utf8Range.lowerBound)
    }

    /// The characters typists use as an apostrophe inside words: ' ’ ʼ ` ´ ‘ ʹ ′.
    public static let apostropheVariants: Set<Character> = ["'", "\u{2019}", "\u{02BC}", "`", "\u{00B4}", "\u{2018}", "\u{02B9}", "\u{2032}"]

    /// `text` with every apostrophe variant written as ’ (U+2019), so м'ясо, мʼясо and м`ясо give one key.
    public static func apostropheFolded(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { isApostropheVariant($0) && $0 != "\u{2019}" }) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            result.append(isApostropheVariant(scalar) ? "\u{2019}" : scalar)
        }
        return String(result)
    }
}
