import TlumachCore

/// The built-in rules of the article normaliser, by the names users pass to `--disable` and see in reports.
public enum NormalizationRule: String, Sendable, Hashable, CaseIterable, Codable {
    /// Unicode NFC (canonical composition: и + U+0306 → й).
    case nfc
    /// A byte-order mark at the start of the text.
    case bom
    /// Zero-width and invisible format characters (U+200B–U+200F, U+2060–U+2064, U+FEFF inside text); a zero-width
    /// joiner inside an emoji sequence stays.
    case zeroWidth = "zero-width"
    /// Soft hyphens (U+00AD).
    case softHyphen = "soft-hyphen"
    /// CRLF and lone CR line ends become LF.
    case lineEndings = "line-endings"
    /// Spaces and tabs at the end of a line.
    case trailingSpace = "trailing-space"
    /// Runs of spaces inside a line collapse to one (indentation at the start of a line stays).
    case spaceRuns = "space-runs"
    /// No-break and fixed-width spaces stay only where typography wants them (docs/normalizer.md).
    case noBreakSpace = "no-break-space"
    /// Apostrophes inside words: one canonical apostrophe in Cyrillic words, ’ in Latin words.
    case apostrophe
    /// Quotation marks by the paragraph's language, with nesting.
    case quotes
    /// Spaced hyphens between words become em dashes; digit-hyphen-digit ranges become en dashes.
    case dashes
    /// Words mixing Latin and Cyrillic look-alike letters are written in their dominant script.
    case lookAlikes = "look-alikes"
}

/// The apostrophe written inside Cyrillic words.
public enum ApostropheStyle: String, Sendable, Hashable, CaseIterable, Codable {
    /// U+2019 RIGHT SINGLE QUOTATION MARK (’), what publishing usually prints.
    case rightSingleQuotationMark = "U+2019"
    /// U+02BC MODIFIER LETTER APOSTROPHE (ʼ), the letter CLDR lists for Ukrainian.
    case modifierLetterApostrophe = "U+02BC"

    public var scalar: Unicode.Scalar {
        switch self {
        case .rightSingleQuotationMark: "\u{2019}"
        case .modifierLetterApostrophe: "\u{02BC}"
        }
    }

    /// Accepts "U+2019", "2019", "’", "U+02BC", "02BC", "ʼ" (case-insensitive).
    public init?(argument: String) {
        switch argument.uppercased() {
        case "U+2019", "2019", "\u{2019}", "RIGHT": self = .rightSingleQuotationMark
        case "U+02BC", "02BC", "\u{02BC}", "MODIFIER": self = .modifierLetterApostrophe
        default: return nil
        }
    }
}

/// How an English paragraph's em dash is spaced when a spaced hyphen is replaced.
public enum EnglishDashStyle: String, Sendable, Hashable, CaseIterable, Codable {
    /// "word—word" (Chicago; the default).
    case closed
    /// "word — word" (AP and many news outlets).
    case spaced
}

/// Settings of one normaliser.
public struct NormalizerOptions: Sendable {
    /// The language of every paragraph, or nil to detect it per paragraph.
    public var language: Language?
    public var apostrophe: ApostropheStyle
    public var englishDash: EnglishDashStyle
    /// Built-in rules switched off.
    public var disabled: Set<NormalizationRule>
    /// Rules of other modules, run after the built-in ones on every paragraph (see `ParagraphRewriter`).
    public var rewriters: [any ParagraphRewriter]
    /// Rule names of rewriters switched off (a rewriter's own names, e.g. "forbidden-terms").
    public var disabledRewriterRules: Set<String>

    public init(
        language: Language? = nil, apostrophe: ApostropheStyle = .rightSingleQuotationMark,
        englishDash: EnglishDashStyle = .closed, disabled: Set<NormalizationRule> = [],
        rewriters: [any ParagraphRewriter] = [], disabledRewriterRules: Set<String> = []
    ) {
        self.language = language
        self.apostrophe = apostrophe
        self.englishDash = englishDash
        self.disabled = disabled
        self.rewriters = rewriters
        self.disabledRewriterRules = disabledRewriterRules
    }

    func isEnabled(_ rule: NormalizationRule) -> Bool { !disabled.contains(rule) }
}

/// One change the normaliser made (or, with --check, would make), at its place in the ORIGINAL text.
public struct NormalizationChange: Sendable, Hashable, Codable {
    /// A built-in rule's raw value or a rewriter's rule name.
    public var rule: String
    public var position: SourcePosition
    /// The text replaced and its replacement (either may be empty).
    public var original: String
    public var replacement: String
    /// "м'ясо → м’ясо": the change with enough of its word around it to recognise it; invisible characters
    /// are shown as U+XXXX.
    public var summary: String

    public init(rule: String, position: SourcePosition, original: String, replacement: String, summary: String) {
        self.rule = rule
        self.position = position
        self.original = original
        self.replacement = replacement
        self.summary = summary
    }
}

/// The normalised text and what changed.
public struct NormalizationResult: Sendable {
    /// The normalised text as UTF-8.
    public var utf8: [UInt8]
    /// Every change in text order (empty when the normaliser was asked for the text only).
    public var changes: [NormalizationChange]
    /// How many changes were made (also when they were not recorded).
    public var changeCount: Int
    /// Work done, in bytes and scalars visited by the loops whose length depends on the input: growth tests
    /// compare it across input sizes instead of timing.
    package var steps = 0

    public init(utf8: [UInt8], changes: [NormalizationChange], changeCount: Int? = nil) {
        self.utf8 = utf8
        self.changes = changes
        self.changeCount = changeCount ?? changes.count
    }

    init(utf8: [UInt8], changes: [NormalizationChange], changeCount: Int, steps: Int) {
        self.init(utf8: utf8, changes: changes, changeCount: changeCount)
        self.steps = steps
    }

    public var text: String { String(decoding: utf8, as: UTF8.self) }
    public var isChanged: Bool { changeCount > 0 }

    /// Number of changes per rule name.
    public var countsByRule: [String: Int] {
        var counts: [String: Int] = [:]
        for change in changes { counts[change.rule, default: 0] += 1 }
        return counts
    }
}

// MARK: Extension point

/// One paragraph handed to a `ParagraphRewriter`: its text after the built-in rules, its language and the parts
/// no rule may touch.
public struct ParagraphContext: Sendable {
    /// The paragraph's text (may span several lines; ends with its line break when it has one).
    public let text: String
    public let language: Language
    /// Protected spans (URLs, e-mail addresses, inline code) as UTF-8 byte ranges of `text`. Rewrites that overlap
    /// one are dropped.
    public let protectedUTF8Ranges: [Range<Int>]

    public init(text: String, language: Language, protectedUTF8Ranges: [Range<Int>]) {
        self.text = text
        self.language = language
        self.protectedUTF8Ranges = protectedUTF8Ranges
    }
}

/// A replacement a rewriter asks for: a UTF-8 byte range of the paragraph's text (on scalar boundaries, as
/// `Token.utf8Range` gives) and the text to put there, reported under `rule`.
public struct ParagraphRewrite: Sendable, Hashable {
    public var utf8Range: Range<Int>
    public var replacement: String
    public var rule: String

    public init(utf8Range: Range<Int>, replacement: String, rule: String) {
        self.utf8Range = utf8Range
        self.replacement = replacement
        self.rule = rule
    }
}

/// A rule another module adds to the normaliser (the glossary's `--fix-terms`: forbidden terms, house-style
/// casing). It sees every paragraph, after the built-in rules, with its language; it returns non-overlapping
/// rewrites. Its results are reported like built-in changes (`--check`, `--report json`) under its rule names,
/// and `--disable NAME` switches a name off. It must be idempotent: rewriting its own output changes nothing.
public protocol ParagraphRewriter: Sendable {
    /// The rule names this rewriter reports (for `--disable` and for counts).
    var ruleNames: [String] { get }
    func rewrites(in paragraph: ParagraphContext) -> [ParagraphRewrite]
}
