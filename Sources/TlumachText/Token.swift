/// A token of text: a word, number, punctuation mark or run of space, with its place in the text.
public struct Token: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case word, number, punctuation, space
    }

    public var text: String
    public var kind: Kind
    /// Range in UTF-16 code units of the tokenised string.
    public var utf16Range: Range<Int>

    public init(text: String, kind: Kind, utf16Range: Range<Int>) {
        self.text = text
        self.kind = kind
        self.utf16Range = utf16Range
    }
}
