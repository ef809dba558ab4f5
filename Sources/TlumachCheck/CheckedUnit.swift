import Foundation
import TlumachCore
import TlumachFormats

/// Shared analyses of a unit that only some checks need, computed when a `CheckedUnit` is made (each check states
/// what it reads in `Check.analyses`; the runner asks for the union of the enabled checks').
public struct UnitAnalyses: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    /// Glossary terms of the source (`sourceTerms`), for a unit with a target.
    public static let sourceTerms = UnitAnalyses(rawValue: 1)
    /// Glossary terms of the target (`targetTerms`), found once for every check that reads them.
    public static let targetTerms = UnitAnalyses(rawValue: 2)
    /// Grouping keys of the consistency checks (`sourceKey`, `plainSourceKey`, `targetKey`) and the source's words.
    public static let consistencyKeys = UnitAnalyses(rawValue: 4)
    public static let all: UnitAnalyses = [.sourceTerms, .targetTerms, .consistencyKeys]
}

/// A unit as the checks see it: the file's unit plus its languages and analyses of its texts (placeholders, URLs,
/// terms, grouping keys), shared by the checks that need them. Immutable: everything is computed once, in `init`,
/// before any check reads it, so checks running side by side on other threads read plain constants.
public final class CheckedUnit: Sendable {
    public let unit: BilingualUnit
    public let file: String
    /// Primary language subtags, lower case ("uk", "en").
    public let sourceLanguage: String
    public let targetLanguage: String
    public let environment: CheckEnvironment
    /// What was computed besides the texts (reading an analysis not asked for gives an empty value).
    public let analyses: UnitAnalyses

    /// `analyses`: what the checks that will read this unit need (`CheckRunner` passes the enabled checks' union).
    public init(
        unit: BilingualUnit, file: String, sourceLanguage: String, targetLanguage: String, environment: CheckEnvironment,
        analyses: UnitAnalyses = .all, document: DocumentTraits = []
    ) {
        self.unit = unit
        self.file = file
        self.document = document
        let sourceLanguage = LanguageTag.primary(sourceLanguage)
        let targetLanguage = LanguageTag.primary(targetLanguage)
        self.sourceLanguage = sourceLanguage
        self.targetLanguage = targetLanguage
        self.environment = environment
        self.analyses = analyses
        let target = unit.target ?? ""
        let hasTarget = !target.isEmpty
        self.hasTarget = hasTarget
        isUnfinished = unit.isUnfinished
        isTranslatorCredits = Self.isTranslatorCredits(unit)
        isMessageKey = hasTarget && Self.isMessageKey(source: unit.source, target: target)
        let keys = analyses.contains(.consistencyKeys) && hasTarget
        let objectPascal = unit.flags.contains("object-pascal-format")
        let mediaWiki = document.contains(.wikitext)
        let pod = document.contains(.podFormatting)
        let sourceText = AnalyzedText(
            unit.source, codes: unit.sourceCodes, scanWords: keys, objectPascal: objectPascal, mediaWiki: mediaWiki, pod: pod)
        let targetText = AnalyzedText(target, codes: unit.targetCodes, objectPascal: objectPascal, mediaWiki: mediaWiki, pod: pod)
        self.sourceText = sourceText
        self.targetText = targetText
        sourceMessageStart = Self.qContextEnd(source: sourceText.scalars, target: targetText.scalars)
        let terms = hasTarget ? environment.terms : nil
        // A word inside a placeholder or address is code (FreeCol's "troops (%mercenaries%)" names no mercenaries).
        sourceTerms = analyses.contains(.sourceTerms)
            ? (terms?.occurrences(in: unit.source, language: sourceLanguage) ?? []).filter { !sourceText.isMasked($0.range) } : []
        targetTerms = analyses.contains(.targetTerms)
            ? (terms?.occurrences(in: target, language: targetLanguage) ?? []).filter { !targetText.isMasked($0.range) } : []
        utf16Offsets = Self.utf16Offsets(target, scalars: targetText.scalars)
        if keys {
            sourceKey = ConsistencyKey.hash(
                scalars: sourceText.scalars, seed: unit.pluralForm.map { (unit.context ?? "") + "\u{1}[\($0)]" } ?? unit.context)
            plainSourceKey = ConsistencyKey.looseHash(words: sourceText.words, language: sourceLanguage)
            let sourceHasNumberSlot = sourceText.mayHavePlaceholders
                && sourceText.placeholders.contains { $0.kind == .printf || $0.kind == .brace || $0.kind == .qt }
            targetKey = sourceHasNumberSlot
                ? ConsistencyKey.looseHash(words: targetText.words, language: targetLanguage, scalars: targetText.scalars)
                : ConsistencyKey.hash(scalars: targetText.scalars)
        } else {
            (sourceKey, plainSourceKey, targetKey) = (0, 0, 0)
        }
    }

    /// The scalar offset where the source's message starts: after a glib Q_() context before "|" that the
    /// translation leaves out (FontForge's "OS2Version|Automatic" → "Автоматична", xfce4-mailwatch-plugin's "tells
    /// how many new messages in each mailbox|    %d in %s" → "    %d в %s"); 0 without one.
    public let sourceMessageStart: Int

    /// A context is the text before the source's first "|", with a letter and no line break, when the target has no
    /// "|" at all.
    static func qContextEnd(source: [Unicode.Scalar], target: [Unicode.Scalar]) -> Int {
        guard let bar = source.firstIndex(of: "|"), bar > 0, !target.contains("|") else { return 0 }
        let context = source[..<bar]
        guard context.contains(where: WordScanner.isLetter), !context.contains("\n") else { return 0 }
        return bar + 1
    }

    public var source: String { unit.source }
    /// The target, "" when there is none.
    public var target: String { unit.target ?? "" }
    /// Whether the target is present and not empty (stored: read for every unit by several checks).
    public let hasTarget: Bool
    /// Units the file marks unfinished (PO fuzzy, XLIFF new/needs-*/initial): only `untranslated` looks at them
    /// unless every state is checked, and the consistency checks leave them out.
    let isUnfinished: Bool

    /// What the unit's file as a whole says about its units (`CheckRunner` reads each document once).
    package let document: DocumentTraits

    /// The translators' own credits (GNOME's `translator-credits`, synaptic's `translators-credits`, dia's
    /// `translator_credits-…`, giara's `@TRANSLATORS@`, KDE's "Your names" under the context "NAME OF TRANSLATORS"): the target is a list of
    /// people, e-mail addresses and years that the source never has, so no check applies to it.
    let isTranslatorCredits: Bool

    static func isTranslatorCredits(_ unit: BilingualUnit) -> Bool {
        // Asked of every unit: no string is made unless the source is that short.
        if (18...24).contains(unit.source.utf8.count) {
            var trimmed = String.UnicodeScalarView()
            trimmed.append(contentsOf: unit.source.unicodeScalars.filter { !CharacterClass.isSpace($0) })
            let text = String(trimmed)
            // translator-credits, translator_credits, and synaptic's translators-credits: an id as written, not a
            // label such as "Translator credits".
            if ["translator-credits", "translator_credits", "translators-credits", "translators_credits"].contains(text) { return true }
        }
        // dia's "translator_credits-PLEASE_ADD_YOURSELF_HERE".
        if unit.source.utf8.first == 0x74, unit.source.utf8.count > 24, unit.source.hasPrefix("translator_credits-"),
            !unit.source.contains(" ")
        {
            return true
        }
        // giara's "@TRANSLATORS@": the credits under a build-time token.
        if unit.source.utf8.count == 13, unit.source == "@TRANSLATORS@" { return true }
        // lollypop's "translator1, translator2, ...": a list of placeholder names for the credits.
        if unit.source.utf8.first == 0x74, unit.source.utf8.count < 64, unit.source.hasPrefix("translator1") { return true }
        // modem-manager-gui's "English: Alex <alex@…>": the source language's translator, whom each language
        // replaces with its own ("Українською: …").
        if unit.source.utf8.first == 0x45, unit.source.utf8.count < 120, unit.source.hasPrefix("English: "),
            unit.source.contains("@"), unit.source.hasSuffix(">")
        {
            return true
        }
        // KDE's "translated into many languages thanks to the work of the translation teams … visit <a href=…>":
        // each language puts its own team's site and addresses there.
        if unit.source.utf8.count > 80, unit.source.contains("the translation teams"), unit.source.contains("http") { return true }
        // KDE's credits: msgctxt "NAME OF TRANSLATORS" (msgid "Your names"), or in older catalogs the msgid itself.
        for key in [unit.context, unit.source] {
            guard let key, key.utf8.count == 19 || key.utf8.count == 20 else { continue }
            let upper = key.uppercased()
            if upper == "NAME OF TRANSLATORS" || upper == "EMAIL OF TRANSLATORS" { return true }
        }
        return false
    }

    /// The source is a message's key, not its text (mailman's "list:user:notice:refuse.txt" → a whole letter in
    /// Ukrainian, "help.txt" → the help text): nothing of the source can be compared with the target, so only the
    /// checks that read the target alone apply.
    let isMessageKey: Bool

    /// A key: one ASCII token of letters, digits and `_ . : / -` with a `.` or `:` between two letters ("help.txt",
    /// "list:user:notice:refuse.txt"), or in lower case with a `_` between two letters where the target has no `_`
    /// (Plone's "label_default_workflow_title"); "Rows/Columns", "Sche_ma:" and "Captions:" are text. Not ending in a
    /// full stop, not an address; its target is something else: words with a space, letters outside ASCII or a
    /// placeholder (Plone's "time_format" → "${H}:${M}").
    static func isMessageKey(source: String, target: String) -> Bool {
        let bytes = source.utf8
        guard (5...100).contains(bytes.count), bytes.last != UInt8(ascii: "."), target != source else { return false }
        // One pass over the bytes; most sources stop at their first space.
        var separators = 0
        var underscores = 0
        var letters = 0
        var capitals = false
        var afterLetter: UInt8?
        var previousIsLetter = false
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"):
                letters += 1
                if byte <= UInt8(ascii: "Z") { capitals = true }
                if afterLetter == UInt8(ascii: "_") { underscores += 1 } else if afterLetter != nil { separators += 1 }
                afterLetter = nil
                previousIsLetter = true
            case UInt8(ascii: "."), UInt8(ascii: ":"), UInt8(ascii: "_"):
                afterLetter = previousIsLetter ? byte : nil
                previousIsLetter = false
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "/"), UInt8(ascii: "-"):
                afterLetter = nil
                previousIsLetter = false
            default:
                return false
            }
        }
        guard letters >= 4, !source.contains("://"), !source.hasPrefix("-") else { return false }
        if separators == 0 {
            // Snake case counts in lower case only, and not when the target keeps an accelerator ("на_зва" for a
            // lower-case "fi_le"); a placeholder's name (${version_id}) is no accelerator.
            guard underscores > 0, !capitals else { return false }
            let scalars = Array(target.unicodeScalars)
            if scalars.indices.dropLast().contains(where: { scalars[$0] == "_" && scalars[$0 + 1].value > 0x7F && scalars[$0 + 1].properties.isAlphabetic }) {
                return false
            }
        }
        return target.unicodeScalars.contains { $0 == " " || $0 == "$" || $0 == "{" || ($0.value > 0x7F && $0.properties.isAlphabetic) }
    }

    public let sourceText: AnalyzedText
    public let targetText: AnalyzedText
    /// Glossary terms of each side, found once for all the term checks (empty without a glossary, without a
    /// target, or when not asked for).
    public let sourceTerms: [TermOccurrence]
    public let targetTerms: [TermOccurrence]

    /// The file position of a scalar offset of the target, when the file's layout tells it.
    public func targetPosition(scalarOffset: Int) -> (line: Int, column: Int)? {
        guard case .unknown = unit.targetLayout else {
            let scalars = targetText.scalars
            let offset = min(scalarOffset, scalars.count)
            // UTF-16 offsets equal scalar offsets unless the text has characters beyond the BMP; then a prefix
            // table made once serves every finding (one walk per finding was quadratic on long texts).
            guard let table = utf16Offsets else { return unit.targetLayout.position(utf16Offset: offset) }
            return unit.targetLayout.position(utf16Offset: table[offset])
        }
        return nil
    }

    /// UTF-16 offset of each scalar offset of the target (and of its end), nil when they are equal.
    private let utf16Offsets: [Int]?

    private static func utf16Offsets(_ target: String, scalars: [Unicode.Scalar]) -> [Int]? {
        guard target.utf8.contains(where: { $0 >= 0xF0 }) else { return nil }
        var table: [Int] = []
        table.reserveCapacity(scalars.count + 1)
        var utf16 = 0
        for scalar in scalars {
            table.append(utf16)
            utf16 += scalar.value > 0xFFFF ? 2 : 1
        }
        table.append(utf16)
        return table
    }

    /// Hashes of the grouping forms (whitespace collapsed, case folded, accelerators dropped); the source's
    /// includes the PO context, which keeps units apart. 0 unless `.consistencyKeys` was asked for and the unit
    /// has a target.
    /// Plural forms (msgstr[n]) group only with the same form of other entries: "%d файл" and "%d файлів" are forms
    /// of one translation, not two translations.
    package let sourceKey: UInt64
    /// The source as `inconsistent-source` compares it: word forms of one word are one source ("Import",
    /// "Importing", "Imports…" in a UI all become Імпорт).
    package let plainSourceKey: UInt64
    /// After a number placeholder the words agree with the number (%d записи, %d записів): such targets compare by
    /// word stems.
    package let targetKey: UInt64
}

/// A text split into scalars once, with the spans that are code rather than language (placeholders, markup
/// tags, URLs, e-mail addresses): number and punctuation checks skip those spans. Immutable; the scanners run in
/// `init`, and only when a character that can start what they look for is present (most texts have none).
public final class AnalyzedText: Sendable {
    public let string: String
    public let scalars: [Unicode.Scalar]
    public let codes: [InlineCode]
    /// What one pass over the bytes saw: the checks' pre-filters read these instead of scanning again.
    let features: TextFeatures

    /// `scanWords`: keep the words (for a text whose words several readers need); otherwise `words` scans anew.
    /// `objectPascal`: the message is marked `object-pascal-format` (`%0:s` is a placeholder); `mediaWiki`: it is
    /// MediaWiki's (`$1` is one); `pod`: its `B<…>` and `I<…>` are fonts (`DocumentTraits.podFormatting`).
    init(
        _ string: String, codes: [InlineCode], scanWords: Bool = false, objectPascal: Bool = false, mediaWiki: Bool = false,
        pod: Bool = false
    ) {
        self.string = string
        self.codes = codes
        let (scalars, features) = TextFeatures.decode(string)
        self.scalars = scalars
        self.features = features
        let placeholders = features.contains(.placeholderStart) || (mediaWiki && scalars.contains("$"))
            ? PlaceholderScanner.scan(scalars, objectPascal: objectPascal, mediaWiki: mediaWiki, pod: pod) : []
        let links = features.contains(.linkMarker) ? LinkScanner.scan(scalars) : []
        let entities = features.contains(.ampersand) || features.contains(.backslash) ? Self.characterEntities(scalars) : []
        self.placeholders = placeholders
        self.links = links
        self.entities = entities
        if placeholders.isEmpty && links.isEmpty && entities.isEmpty {
            masked = []
        } else {
            var mask = [Bool](repeating: false, count: scalars.count)
            for placeholder in placeholders { for index in placeholder.range { mask[index] = true } }
            for link in links { for index in link.range { mask[index] = true } }
            for entity in entities { for index in entity { mask[index] = true } }
            masked = mask
        }
        scannedWords = scanWords ? WordScanner.scan(scalars) : nil
    }

    /// Whether a character that can start a placeholder or tag (% { <) is present.
    public var mayHavePlaceholders: Bool { features.contains(.placeholderStart) }
    /// Whether an ASCII digit is present.
    public var hasDigit: Bool { features.contains(.digit) }

    public let placeholders: [Placeholder]
    /// Found only when the text has "@", "://", "www." or "WWW.".
    public let links: [Link]
    /// Character entities and references (`&copy;`, `&#8212;`, `&#x2014;`) and escapes left in the text
    /// (`\u2019`): a name, not words or figures (focuswriter: "Copyright &copy; 2008-%1 Graeme Gott"; Chromium:
    /// "Didn\u2019t receive your code?").
    public let entities: [Range<Int>]
    /// True at each scalar index inside a placeholder, tag, URL, e-mail address or character entity; empty when
    /// there is none (read it only when `hasMaskedSpans`).
    public let masked: [Bool]
    public var hasMaskedSpans: Bool { !placeholders.isEmpty || !links.isEmpty || !entities.isEmpty }

    /// `&name;` (a letter, then up to 47 letters, digits, dots, hyphens or underscores), `&#123;`, `&#x7B;`, and
    /// `\u` with four hex digits.
    static func characterEntities(_ scalars: [Unicode.Scalar]) -> [Range<Int>] {
        var spans: [Range<Int>] = []
        var index = 0
        while index < scalars.count {
            if scalars[index] == "\\", index + 5 < scalars.count, scalars[index + 1] == "u",
                scalars[(index + 2)..<(index + 6)].allSatisfy({ $0.isASCII && $0.properties.isASCIIHexDigit })
            {
                spans.append(index..<(index + 6))
                index += 6
                continue
            }
            guard scalars[index] == "&" else {
                index += 1
                continue
            }
            var end = index + 1
            if end < scalars.count && scalars[end] == "#" {
                end += 1
                let hex = end < scalars.count && (scalars[end] == "x" || scalars[end] == "X")
                if hex { end += 1 }
                let digitsStart = end
                while end < scalars.count && end - digitsStart < 8
                    && (NumberScanner.isDigit(scalars[end]) || (hex && scalars[end].isASCII && scalars[end].properties.isASCIIHexDigit))
                {
                    end += 1
                }
                guard end > digitsStart else {
                    index += 1
                    continue
                }
            } else {
                // XML's names, as the link finder reads them (KDE's "&Carsten.Pfeiffer.mail;").
                guard let name = LinkScanner.entityName(scalars, at: index) else {
                    index += 1
                    continue
                }
                end = index + 1 + name.unicodeScalars.count
            }
            if end < scalars.count && scalars[end] == ";" {
                spans.append(index..<(end + 1))
                index = end + 1
            } else {
                index += 1
            }
        }
        return spans
    }
    /// Whether `range` (of `scalars`) starts or ends inside a placeholder, tag, URL or e-mail address.
    func isMasked(_ range: Range<Int>) -> Bool {
        guard hasMaskedSpans, !range.isEmpty, range.upperBound <= masked.count else { return false }
        return masked[range.lowerBound] || masked[range.upperBound - 1]
    }
    /// True when the text is all ASCII (most checks have a fast path for it).
    public var isASCII: Bool { !features.contains(.nonASCII) }

    private let scannedWords: [Word]?
    /// The words of the text: maximal runs of letters and marks, with apostrophes between letters kept inside.
    public var words: [Word] { scannedWords ?? WordScanner.scan(scalars) }

    /// The text without the accelerator marks (`_` or `&`) whose neighbours `isMark` accepts (nil at either end
    /// of the text), or nil when it has none: what a reader sees on screen ("Росі_йська", "ISO-8859-1_3").
    func withoutAcceleratorMarks(where isMark: (_ before: Unicode.Scalar?, _ after: Unicode.Scalar?) -> Bool) -> String? {
        guard scalars.contains(where: { $0 == "_" || $0 == "&" }) else { return nil }
        var kept = String.UnicodeScalarView()
        var removed = false
        for (index, scalar) in scalars.enumerated() {
            if scalar == "_" || scalar == "&",
                isMark(index > 0 ? scalars[index - 1] : nil, index + 1 < scalars.count ? scalars[index + 1] : nil)
            {
                removed = true
                continue
            }
            kept.append(scalar)
        }
        return removed ? String(kept) : nil
    }
}

/// A word and its place in the scalars of its text.
public struct Word: Sendable {
    public var text: String
    public var range: Range<Int>
}

enum WordScanner {
    static func isApostrophe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x27, 0x2019, 0x02BC, 0x60, 0xB4, 0x2018, 0x02B9, 0x2032: true
        default: false
        }
    }

    static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 { return (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value) }
        if (0x400...0x4FF).contains(value) { return value < 0x482 || value >= 0x48A }
        // Latin-1 punctuation and symbols, general punctuation (dashes, quotes, spaces), currency: never letters.
        if value < 0xC0 { return value == 0xAA || value == 0xB5 || value == 0xBA }
        if (0x2000...0x20CF).contains(value) { return value == 0x2071 || value == 0x207F || (0x2090...0x209C).contains(value) }
        return scalar.properties.isAlphabetic || scalar.properties.generalCategory == .nonspacingMark
    }

    static func scan(_ scalars: [Unicode.Scalar]) -> [Word] {
        var words: [Word] = []
        var index = 0
        let count = scalars.count
        while index < count {
            guard isLetter(scalars[index]) else {
                index += 1
                continue
            }
            let start = index
            index += 1
            while index < count {
                if isLetter(scalars[index]) {
                    index += 1
                } else if isApostrophe(scalars[index]) && index + 1 < count && isLetter(scalars[index + 1]) {
                    index += 2
                } else {
                    break
                }
            }
            words.append(Word(text: ScalarString.make(scalars[start..<index]), range: start..<index))
        }
        return words
    }
}

/// Byte-level facts about a text, found while it is decoded to scalars.
struct TextFeatures: OptionSet, Sendable {
    let rawValue: UInt8
    static let nonASCII = TextFeatures(rawValue: 1)
    static let digit = TextFeatures(rawValue: 2)
    /// % { <
    static let placeholderStart = TextFeatures(rawValue: 4)
    /// @, "://", "www." or "WWW."
    static let linkMarker = TextFeatures(rawValue: 8)
    /// & (a character entity may follow)
    static let ampersand = TextFeatures(rawValue: 16)
    /// \ (a character escape may follow)
    static let backslash = TextFeatures(rawValue: 32)

    /// The scalars of `string` (decoded straight from its UTF-8, which a String guarantees valid) and its features.
    static func decode(_ string: String) -> ([Unicode.Scalar], TextFeatures) {
        var string = string
        return string.withUTF8 { bytes -> ([Unicode.Scalar], TextFeatures) in
            var features = TextFeatures()
            let count = bytes.count
            let scalars = [Unicode.Scalar](unsafeUninitializedCapacity: count) { buffer, initialized in
                var index = 0
                var written = 0
                while index < count {
                    let byte = bytes[index]
                    var value: UInt32
                    if byte < 0x80 {
                        value = UInt32(byte)
                        switch byte {
                        case UInt8(ascii: "0")...UInt8(ascii: "9"): features.insert(.digit)
                        case UInt8(ascii: "%"), UInt8(ascii: "{"), UInt8(ascii: "<"): features.insert(.placeholderStart)
                        case UInt8(ascii: "@"): features.insert(.linkMarker)
                        case UInt8(ascii: "&"): features.insert(.ampersand)
                        case UInt8(ascii: "\\"): features.insert(.backslash)
                        case UInt8(ascii: ":"):
                            if index + 2 < count && bytes[index + 1] == UInt8(ascii: "/") && bytes[index + 2] == UInt8(ascii: "/") {
                                features.insert(.linkMarker)
                            }
                        case UInt8(ascii: "w"), UInt8(ascii: "W"):
                            if index + 3 < count && bytes[index + 1] == byte && bytes[index + 2] == byte
                                && bytes[index + 3] == UInt8(ascii: ".")
                            {
                                features.insert(.linkMarker)
                            }
                        default: break
                        }
                        index += 1
                    } else {
                        features.insert(.nonASCII)
                        if byte < 0xE0 {
                            value = UInt32(byte & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
                            index += 2
                        } else if byte < 0xF0 {
                            value = UInt32(byte & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
                            index += 3
                        } else {
                            value = UInt32(byte & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12
                                | UInt32(bytes[index + 2] & 0x3F) << 6 | UInt32(bytes[index + 3] & 0x3F)
                            index += 4
                        }
                    }
                    (buffer.baseAddress! + written).initialize(to: Unicode.Scalar(value) ?? "\u{FFFD}")
                    written += 1
                }
                initialized = written
            }
            return (scalars, features)
        }
    }
}

/// Traits of a whole file that a unit alone cannot show.
public struct DocumentTraits: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// Braces mark a link's words, which are translated (Stellarium: "{The Stellarium Wiki}" → "{Вікі Stellarium}",
    /// "(see {above})" → "(див. {вище})"): two units at least whose source braces hold words with a space between and
    /// whose target braces hold Cyrillic ones.
    public static let bracesMarkLinks = DocumentTraits(rawValue: 1 << 0)

    /// KDE's KUIT markup: the program formats every message as KUIT, so a translation may add its elements to a
    /// plain source (kcalutils: "every %1 months" → "кожні <numid>%1</numid> місяців"). Two units at least that
    /// write a tag only KUIT has (`<nl/>`, `</numid>`, `</interface>`…) on either side.
    public static let kuitMarkup = DocumentTraits(rawValue: 1 << 1)

    /// MediaWiki's messages (translatewiki.net): parameters `$1`, magic words `{{PLURAL:$1|…}}` and `{{GENDER:…}}`
    /// whose forms each language writes its own way, wikitext emphasis (`'''bold'''`). One unit with a magic word
    /// or an interface message (`{{int:…}}`) on either side is enough: an extension's catalog may hold a few
    /// messages, and no other format writes these.
    public static let wikitext = DocumentTraits(rawValue: 1 << 2)

    static let wikitextSignatures = ["{{PLURAL:", "{{GENDER:", "{{int:", "{{SITENAME}}"]

    /// po4a's man pages and Perl's POD (manpages-l10n: "B<mount> I</dir>", "B<LABEL>=I<<label>>"): `B<…>` and `I<…>`
    /// are fonts, not tags, and what they hold is text ("I</dir>" names a folder, not a closing tag). Two units at
    /// least with a formatting code no markup writes: an option or a path inside ("B<--all>", "I</etc/fstab>").
    public static let podFormatting = DocumentTraits(rawValue: 1 << 3)

    /// Whether `index` holds the "<" of a formatting code: after a code letter that does not end a word, or right
    /// after such a code's "<" ("I<<label>>"; one step back only, so a run of "<" costs no more than its length).
    static func isPodCodeStart(_ scalars: [Unicode.Scalar], _ index: Int) -> Bool {
        guard index >= 1, scalars[index] == "<" else { return false }
        let opener = scalars[index - 1] == "<" ? index - 1 : index
        guard opener >= 1 else { return false }
        guard podCodeLetters.contains(scalars[opener - 1]) else { return false }
        return opener < 2
            || !(PlaceholderScanner.isASCIILetter(scalars[opener - 2]) || PlaceholderScanner.isDigit(scalars[opener - 2]))
    }

    static let podCodeLetters: Set<Unicode.Scalar> = ["B", "I", "C", "F", "E", "L", "S"]

    /// How far past a font's `<` its `>` is looked for when telling a po4a catalog (scalars).
    static let podSignatureReach = 256

    /// A formatting code that cannot be a tag: `B<` or `I<` holding an option or a path.
    static func hasPodSignature(_ text: String) -> Bool {
        guard text.utf8.contains(UInt8(ascii: "<")) else { return false }
        let scalars = Array(text.unicodeScalars)
        for index in scalars.indices where (scalars[index] == "<") && index >= 1 && (scalars[index - 1] == "B" || scalars[index - 1] == "I") && isPodCodeStart(scalars, index) {
            // An option or a path is short: its end is looked for nearby only (a text of thousands of "B<" without
            // a ">" stays linear).
            let window = scalars[(index + 1)..<min(scalars.count, index + 1 + podSignatureReach)]
            guard let close = window.firstIndex(of: ">"), close > index + 1 else { continue }
            // An option ("B<-a>", "B<--all>") or a path of two steps at least ("I</etc/fstab>"); not "B</b>" or
            // "I<a href=…>", which markup writes too ("<guibutton>B</guibutton>").
            let inside = Array(scalars[(index + 1)..<close])
            if inside.count >= 2, inside[0] == "-", inside[1] == "-" || PlaceholderScanner.isASCIILetter(inside[1]) { return true }
            if inside.count >= 3, inside[0] == "/", inside.dropFirst().contains("/") { return true }
        }
        return false
    }

    /// Where MediaWiki's `{{PLURAL:…}}` magic words stand (nested braces counted; an unclosed one runs to the end).
    static func pluralMagicWords(_ scalars: [Unicode.Scalar]) -> [Range<Int>] {
        let opening = Array("{{PLURAL:".unicodeScalars)
        var spans: [Range<Int>] = []
        var index = 0
        while index + opening.count <= scalars.count {
            guard scalars[index] == "{", scalars[index..<(index + opening.count)].elementsEqual(opening) else {
                index += 1
                continue
            }
            var depth = 0
            var end = index
            while end < scalars.count {
                if scalars[end] == "{" && end + 1 < scalars.count && scalars[end + 1] == "{" {
                    depth += 1
                    end += 2
                } else if scalars[end] == "}" && end + 1 < scalars.count && scalars[end + 1] == "}" {
                    depth -= 1
                    end += 2
                    if depth == 0 { break }
                } else {
                    end += 1
                }
            }
            spans.append(index..<end)
            index = end
        }
        return spans
    }

    /// For each position (ascending), whether it lies inside one of `spans` (ascending, not overlapping, as
    /// `pluralMagicWords` gives them): one walk over both, so a message of thousands of forms stays linear.
    static func inside(_ positions: [Int], _ spans: [Range<Int>]) -> [Bool] {
        var result = [Bool](repeating: false, count: positions.count)
        guard !spans.isEmpty else { return result }
        var span = 0
        for (index, position) in positions.enumerated() {
            while span < spans.count && spans[span].upperBound <= position { span += 1 }
            guard span < spans.count else { break }
            result[index] = spans[span].contains(position)
        }
        return result
    }

    /// Whether either text has one of `wikitextSignatures`.
    static func hasWikitextSignature(_ source: String, _ target: String) -> Bool {
        (source.utf8.contains(UInt8(ascii: "{")) || target.utf8.contains(UInt8(ascii: "{")))
            && wikitextSignatures.contains(where: { source.contains($0) || target.contains($0) })
    }

    /// KUIT's element names (KDE's KUIT markup reference), the ones a translation may add; `<nl/>` is its line break.
    static let kuitElements: Set<String> = [
        "numid", "interface", "filename", "application", "command", "shortcut", "emphasis", "placeholder", "envar",
        "icode", "bcode", "email", "resource", "note", "warning", "message", "link", "nl",
    ]

    /// Tags no other markup writes: their presence marks a KUIT document.
    static let kuitSignatures = ["<nl/>", "</numid>", "</interface>", "</filename>", "</application>", "</shortcut>", "</icode>", "</bcode>", "</envar>"]

    /// The traits of `document`, from its first 5,000 units.
    static func of(_ document: BilingualDocument) -> DocumentTraits {
        var traits: DocumentTraits = []
        var linkUnits = 0
        var kuitUnits = 0
        var podUnits = 0
        for unit in document.units.prefix(5000) {
            let target = unit.target ?? ""
            if podUnits < 2, hasPodSignature(unit.source) {
                podUnits += 1
                if podUnits == 2 { traits.insert(.podFormatting) }
            }
            if !traits.contains(.wikitext), hasWikitextSignature(unit.source, target) { traits.insert(.wikitext) }
            if kuitUnits < 2, unit.source.utf8.contains(UInt8(ascii: "<")) || target.utf8.contains(UInt8(ascii: "<")),
                kuitSignatures.contains(where: { unit.source.contains($0) || target.contains($0) })
            {
                kuitUnits += 1
                if kuitUnits == 2 { traits.insert(.kuitMarkup) }
            }
            if linkUnits < 2, unit.source.utf8.contains(UInt8(ascii: "{")), target.utf8.contains(UInt8(ascii: "{")),
                hasBracedPhrase(unit.source) && hasBracedCyrillic(target),
                !hasMessageFormatSelector(unit.source) && !hasMessageFormatSelector(target)
            {
                linkUnits += 1
                if linkUnits == 2 { traits.insert(.bracesMarkLinks) }
            }
        }
        return traits
    }

    /// What a text's braces hold, each pair on one line ("see {above}" → "above"; an unclosed or nested brace
    /// starts again): the one reading of Stellarium's link markup, for these traits and for the check that
    /// compares a file's links by their number.
    static func bracedSpans(_ scalars: some Sequence<Unicode.Scalar>) -> [[Unicode.Scalar]] {
        var spans: [[Unicode.Scalar]] = []
        var inside: [Unicode.Scalar]?
        for scalar in scalars {
            switch scalar {
            case "{": inside = []
            case "}":
                if let words = inside { spans.append(words) }
                inside = nil
            case "\n": inside = nil
            default: inside?.append(scalar)
            }
        }
        return spans
    }

    /// "{third-party application}": a brace holding words (letters, hyphens, apostrophes) with a space between.
    static func hasBracedPhrase(_ text: String) -> Bool {
        bracedSpans(text.unicodeScalars).contains { words in
            words.contains(" ") && words.first != " " && words.contains(where: { $0.properties.isAlphabetic })
                && words.allSatisfy({ $0.properties.isAlphabetic || $0 == " " || $0 == "-" || $0 == "'" || $0 == "’" })
        }
    }

    /// An ICU MessageFormat choice (`{COUNT, plural, =1 {…} other {…}}`, `select`, `selectordinal`): its forms are
    /// words in braces too, but they are the message's, not links (Chromium's catalogs).
    static func hasMessageFormatSelector(_ text: String) -> Bool {
        guard text.utf8.contains(UInt8(ascii: ",")) else { return false }
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            defer { index += 1 }
            guard scalars[index] == "{" else { continue }
            var cursor = index + 1
            while cursor < scalars.count, scalars[cursor] == " " { cursor += 1 }
            let nameStart = cursor
            while cursor < scalars.count, scalars[cursor].properties.isAlphabetic || ("0"..."9").contains(scalars[cursor]) || scalars[cursor] == "_" {
                cursor += 1
            }
            guard cursor > nameStart else { continue }
            while cursor < scalars.count, scalars[cursor] == " " { cursor += 1 }
            guard cursor < scalars.count, scalars[cursor] == "," else { continue }
            cursor += 1
            while cursor < scalars.count, scalars[cursor] == " " { cursor += 1 }
            let typeStart = cursor
            while cursor < scalars.count, ("a"..."z").contains(scalars[cursor]) { cursor += 1 }
            let type = String(String.UnicodeScalarView(scalars[typeStart..<cursor]))
            while cursor < scalars.count, scalars[cursor] == " " { cursor += 1 }
            if cursor < scalars.count, scalars[cursor] == ",", ["plural", "select", "selectordinal"].contains(type) { return true }
        }
        return false
    }

    /// A brace holding a Cyrillic word ("{Вікі Stellarium}").
    static func hasBracedCyrillic(_ text: String) -> Bool {
        bracedSpans(text.unicodeScalars).contains { words in words.first.map { (0x400...0x4FF).contains($0.value) } == true }
    }
}
