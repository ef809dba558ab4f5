import Foundation
import TlumachCore
import TlumachGlossary
import TlumachText

/// Kinds of evidence that two sentences translate each other; each kind has its own weight in the parameters.
public enum AnchorKind: Int, Sendable, CaseIterable, Codable {
    case number = 0, name, term, punctuation, custom, mood, code
}

/// A source of alignment anchors: keys found in a sentence, such that a key of a source sentence equal to a key
/// of a target sentence is evidence that they belong to one bead. Keys are compared as multisets.
/// Implement this to plug a new kind of evidence into the aligner (glossary terms, transliterated names, …).
public protocol AnchorSource: Sendable {
    var kind: AnchorKind { get }
    /// The keys of `sentence`, written in `language`. Keys only need to be equal across languages when the
    /// content is the same (e.g. "2500" for both "2 500" and "2,500").
    func keys(in sentence: String, language: Language) -> [String]
    /// The keys of many sentences at once; implement it when work can be shared between sentences (a cache).
    func keys(inEach sentences: [String], language: Language) -> [[String]]
}

extension AnchorSource {
    public func keys(inEach sentences: [String], language: Language) -> [[String]] {
        sentences.map { keys(in: $0, language: language) }
    }
}

/// Numbers compared as values, reading each language's conventions: uk "2 500" and "2,5"; en "2,500" and "2.5".
/// Dotted dates (15.09.2023) give their parts, so they match "15 September 2023". Scale words multiply ("41 тис."
/// = "41,000", "2,5 млн" = "2.5 million") and number words count ("трьох" = "three" = 3), from
/// Data/number-words.json.
public struct NumberAnchors: AnchorSource {
    public var kind: AnchorKind { .number }
    public init() {}

    struct Vocabulary: Decodable {
        var scalePrefixes: [String: Int]
        var words: [String: Int]
    }

    static let vocabulary: Vocabulary = {
        guard let url = try? ResourceLocator.url(bundleName: "Tlumach_TlumachAlign", resource: "number-words", extension: "json", subdirectory: "Data"),
            let data = try? Data(contentsOf: url), let vocabulary = try? JSONDecoder().decode(Vocabulary.self, from: data)
        else { fatalError("TlumachAlign: the shipped Data/number-words.json is missing or invalid") }
        return vocabulary
    }()

    /// The power of ten of a scale word starting at `start` (after spaces), or nil.
    static func scale(after start: Int, in scalars: [Unicode.Scalar]) -> Int? {
        var index = start
        while index < scalars.count, isGroupSpace(scalars[index]) { index += 1 }
        var word = ""
        while index < scalars.count, scalars[index].properties.isAlphabetic {
            word.unicodeScalars.append(scalars[index])
            index += 1
        }
        guard !word.isEmpty else { return nil }
        let lower = word.lowercased()
        for (prefix, power) in vocabulary.scalePrefixes where lower.hasPrefix(prefix) {
            // "bn" and "тис" only as whole words or abbreviations; longer stems may inflect.
            if prefix.count <= 3 && lower != prefix { continue }
            return power
        }
        return nil
    }

    /// Values of number words in the sentence. Words are hashed while they are read (lower-cased, apostrophes
    /// unified) and looked up by hash, so the scan allocates nothing for the words that are not numbers.
    static func wordNumbers(in sentence: String) -> [String] {
        var keys: [String] = []
        var hash = WordHash()
        for scalar in sentence.unicodeScalars {
            if NameAnchors.isLetter(scalar) {
                hash.add(WordHash.lowercased(scalar))
            } else if NameAnchors.apostrophes.contains(scalar), !hash.isEmpty {
                hash.add("’")
            } else if !hash.isEmpty {
                if let value = wordValues[hash.value] { keys.append(value) }
                hash = WordHash()
            }
        }
        if !hash.isEmpty, let value = wordValues[hash.value] { keys.append(value) }
        return keys
    }

    static let wordValues: [UInt64: String] = {
        var table: [UInt64: String] = [:]
        for (word, value) in vocabulary.words {
            var hash = WordHash()
            for scalar in word.unicodeScalars { hash.add(WordHash.lowercased(scalar)) }
            table[hash.value] = String(value)
        }
        return table
    }()

    public func keys(in sentence: String, language: Language) -> [String] {
        let scalars = Array(sentence.unicodeScalars)
        var keys: [String] = []
        var index = 0
        func digitRun(from start: Int) -> Int {
            var end = start
            while end < scalars.count, Self.isDigit(scalars[end]) { end += 1 }
            return end
        }
        func text(_ range: Range<Int>) -> String {
            var result = ""
            result.unicodeScalars.append(contentsOf: scalars[range])
            return result
        }
        while index < scalars.count {
            guard Self.isDigit(scalars[index]) else {
                index += 1
                continue
            }
            var end = digitRun(from: index)
            var integer = text(index..<end)
            var fraction = ""
            // Dotted date or version: emit each part.
            if end + 1 < scalars.count, scalars[end] == ".", Self.isDigit(scalars[end + 1]) {
                let secondEnd = digitRun(from: end + 1)
                if secondEnd + 1 < scalars.count, scalars[secondEnd] == ".", Self.isDigit(scalars[secondEnd + 1]) {
                    var partStart = index
                    var partEnd = end
                    while true {
                        keys.append(Self.canonical(integer: text(partStart..<partEnd), fraction: ""))
                        guard partEnd + 1 < scalars.count, scalars[partEnd] == ".", Self.isDigit(scalars[partEnd + 1])
                        else { break }
                        partStart = partEnd + 1
                        partEnd = digitRun(from: partStart)
                    }
                    index = partEnd
                    continue
                }
            }
            // Thousands groups: exactly three digits after a separator, first group at most three digits.
            if end - index <= 3 {
                while end + 3 < scalars.count {
                    let separator = scalars[end]
                    let isGrouping = Self.isGroupSpace(separator) || (separator == "," && language != .uk)
                    guard isGrouping, end + 1 < scalars.count, Self.isDigit(scalars[end + 1]) else { break }
                    let groupEnd = digitRun(from: end + 1)
                    guard groupEnd - (end + 1) == 3 else { break }
                    integer += text((end + 1)..<groupEnd)
                    end = groupEnd
                }
            }
            // Decimal part: comma or point followed by digits (uk writes a comma; both are read in either language,
            // except that an English comma followed by exactly three digits was taken as grouping above).
            if end + 1 < scalars.count, scalars[end] == "," || scalars[end] == ".", Self.isDigit(scalars[end + 1]) {
                let fractionEnd = digitRun(from: end + 1)
                fraction = text((end + 1)..<fractionEnd)
                end = fractionEnd
            }
            if let power = Self.scale(after: end, in: scalars) {
                (integer, fraction) = Self.shifted(integer: integer, fraction: fraction, by: power)
            }
            keys.append(Self.canonical(integer: integer, fraction: fraction))
            index = end
        }
        return keys + Self.wordNumbers(in: sentence)
    }

    /// Multiplies a decimal written as integer and fraction digits by 10^power.
    static func shifted(integer: String, fraction: String, by power: Int) -> (String, String) {
        let digits = Array(fraction)
        let moved = digits.prefix(power)
        let padding = String(repeating: "0", count: max(0, power - digits.count))
        return (integer + String(moved) + padding, String(digits.dropFirst(power)))
    }

    static func isDigit(_ scalar: Unicode.Scalar) -> Bool { scalar.value >= 0x30 && scalar.value <= 0x39 }

    static func isGroupSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\u{00A0}" || scalar == "\u{202F}" || scalar == "\u{2009}"
    }

    static func canonical(integer: String, fraction: String) -> String {
        let whole = String(integer.drop { $0 == "0" })
        var decimals = Substring(fraction)
        while decimals.last == "0" { decimals = decimals.dropLast() }
        let wholeText = whole.isEmpty ? "0" : whole
        return decimals.isEmpty ? wholeText : wholeText + "." + decimals
    }
}

/// Sentence mood: translators keep questions as questions and exclamations as exclamations, so "?" and "!" are
/// strong evidence (their own kind, with their own weight).
public struct MoodAnchors: AnchorSource {
    public var kind: AnchorKind { .mood }
    public init() {}

    public func keys(in sentence: String, language: Language) -> [String] {
        sentence.unicodeScalars.compactMap { $0 == "?" ? "?" : $0 == "!" ? "!" : nil }
    }
}

/// Punctuation that translators usually keep: colons, quotations, parentheses. «…», “…”, „…“ and "…" are one kind
/// (a quotation), counted once per opening mark.
public struct PunctuationAnchors: AnchorSource {
    public var kind: AnchorKind { .punctuation }
    public init() {}

    public func keys(in sentence: String, language: Language) -> [String] {
        var keys: [String] = []
        var straightQuotes = 0
        var previous: Unicode.Scalar = " "
        let scalars = Array(sentence.unicodeScalars)
        for (offset, scalar) in scalars.enumerated() {
            switch scalar {
            case "(": keys.append("(")
            case "«", "„": keys.append("quote")
            case "“":
                // “ opens in English but closes a „…“ quotation in Ukrainian.
                if language != .uk || !scalars[..<offset].contains("„") { keys.append("quote") }
            case "\"": straightQuotes += 1
            case ":":
                // Not a time (12:30) or a ratio.
                let next = offset + 1 < scalars.count ? scalars[offset + 1] : " "
                if !(NumberAnchors.isDigit(previous) && NumberAnchors.isDigit(next)) { keys.append(":") }
            default: break
            }
            previous = scalar
        }
        keys += Array(repeating: "quote", count: (straightQuotes + 1) / 2)
        return keys
    }
}

/// Code both sides keep as written in technical text: a path, file, option or identifier (`debian/rules`,
/// `override_dh_command`, `--with=kde`, `libxml2`, `$package_name.install`), a word of ASCII letters that also holds
/// a `/ _ = $` or a dot or digit inside, or starts with a hyphen. Lower-case, so names (capitalised words) do not
/// catch it. A word with a Cyrillic letter in it (`override_dh_команда`) is a translated placeholder, not a key.
public struct CodeAnchors: AnchorSource {
    public var kind: AnchorKind { .code }
    public init() {}

    public func keys(in sentence: String, language: Language) -> [String] {
        var keys: [String] = []
        for word in sentence.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\u{A0}" }) {
            if let key = Self.key(word) { keys.append(key) }
        }
        return keys
    }

    /// Quotes, brackets and the punctuation of the sentence around a word are not part of it.
    private static let edges: Set<Character> = [
        "\"", "'", "«", "»", "“", "”", "„", "‘", "’", "(", ")", "[", "]", "{", "}", ",", ";", ":", "!", "?", "`",
    ]

    static func key(_ word: Substring) -> String? {
        var token = word.drop { edges.contains($0) }
        while let last = token.last, edges.contains(last) || last == "." { token = token.dropLast() }
        guard token.count >= 3, token.unicodeScalars.allSatisfy({ $0.isASCII }) else { return nil }
        var letters = 0
        var marked = token.first == "-" && token.dropFirst().first.map { $0 == "-" || $0.isLetter } == true
        var previous: Character = " "
        for character in token {
            if character.isLetter { letters += 1 }
            switch character {
            case "/", "_", "=", "$": marked = true
            case ".": if previous.isLetter || previous.isNumber { marked = true }
            default: if character.isNumber && previous.isLetter { marked = true }
            }
            previous = character
        }
        guard letters >= 2, marked else { return nil }
        // An abbreviation's dots (e.g., i.e.) mark no code.
        if token.split(separator: ".").allSatisfy({ $0.count == 1 }) { return nil }
        return token.lowercased()
    }
}

/// Glossary term pairs: `find` returns the concept identifiers of the terms found in a sentence of a language,
/// so a Ukrainian term and its English equivalent give the same key.
public struct TermAnchors: AnchorSource {
    public var kind: AnchorKind { .term }
    public let find: @Sendable (String, Language) -> [String]

    public init(find: @escaping @Sendable (String, Language) -> [String]) {
        self.find = find
    }

    /// Terms of a glossary, found in any grammatical form by its matcher; the key is the concept identifier.
    public init(matcher: TermMatcher) {
        self.find = { sentence, language in
            matcher.matches(in: sentence, language: language.rawValue).map(\.conceptID)
        }
    }

    public func keys(in sentence: String, language: Language) -> [String] { find(sentence, language) }
}

/// FNV-1a over the scalars of a word, built as the word is read.
struct WordHash {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325
    private(set) var isEmpty = true

    mutating func add(_ scalar: Unicode.Scalar) {
        value = (value ^ UInt64(scalar.value)) &* 0x0000_0100_0000_01B3
        isEmpty = false
    }

    /// Lower case for ASCII and Cyrillic by arithmetic; other scripts through Unicode properties.
    static func lowercased(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        let value = scalar.value
        if value >= 0x41 && value <= 0x5A { return Unicode.Scalar(value + 0x20) ?? scalar }
        if value < 0x80 { return scalar }
        if value >= 0x0410 && value <= 0x042F { return Unicode.Scalar(value + 0x20) ?? scalar }
        if value >= 0x0400 && value <= 0x040F { return Unicode.Scalar(value + 0x50) ?? scalar }
        if value == 0x0490 { return "ґ" }
        if value >= 0x0430 && value <= 0x045F { return scalar }
        return scalar.properties.lowercaseMapping.unicodeScalars.first ?? scalar
    }
}
