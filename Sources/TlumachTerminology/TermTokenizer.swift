import Foundation
import TlumachCore
import TlumachText

/// One word of a segment as terminology alignment sees it.
package struct TermToken: Sendable, Hashable {
    /// The word as written (accelerator marks `_`/`&` removed).
    package var surface: String
    /// Case-folded stem: Cyrillic words through `UkrainianStemmer`, Latin ones through `EnglishStemmer`.
    package var stem: String
    /// Punctuation (or a placeholder such as `%s`) stands between this word and the one before: no term spans it.
    package var breakBefore: Bool
    /// A function word of its language, or a number: a term neither starts nor ends with one.
    package var isFunction: Bool
    package var isCyrillic: Bool
    /// First letter upper case.
    package var isCapitalized: Bool
    /// 2–8 letters, all upper case (СВО, SBU).
    package var isAllCaps: Bool
    /// The Ukrainian negation particle "не": a function word, but before a content word it belongs to the term
    /// (не містить for "does not contain"; without it the translation says the opposite).
    package var isNegation: Bool = false
}

/// Function words per script, read from the module's data files (one word a line, `#` comments).
package struct FunctionWords: Sendable {
    package let latin: Set<String>
    package let cyrillic: Set<String>

    package static let shared: FunctionWords = {
        FunctionWords(latin: load("function-words-en"), cyrillic: load("function-words-uk"))
    }()

    package init(latin: Set<String>, cyrillic: Set<String>) {
        self.latin = latin
        self.cyrillic = cyrillic
    }

    private static func load(_ name: String) -> Set<String> { TermData.lines(TermData.text(name)) }

    package func contains(_ lowercased: String, cyrillic isCyrillic: Bool) -> Bool {
        isCyrillic ? cyrillic.contains(lowercased) : latin.contains(lowercased)
    }
}

package enum TermData {
    /// The module's data file `Data/<name>.txt`, or "" when it cannot be read (every list then stays empty).
    package static func text(_ name: String) -> String {
        guard let url = try? ResourceLocator.url(bundleName: "Tlumach_TlumachTerminology", resource: name, extension: "txt", subdirectory: "Data"),
            let text = try? String(contentsOf: url, encoding: .utf8)
        else { return "" }
        return text
    }

    /// Non-empty lines without `#` comments, trimmed.
    package static func lines(_ text: String) -> Set<String> {
        var result = Set<String>()
        for line in text.split(whereSeparator: \.isNewline) {
            let content = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            let word = content.trimmingCharacters(in: .whitespaces)
            if !word.isEmpty { result.insert(word) }
        }
        return result
    }

    /// The same lines in file order.
    package static func orderedLines(_ text: String) -> [String] {
        text.split(whereSeparator: \.isNewline).compactMap { line in
            let content = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            let word = content.trimmingCharacters(in: .whitespaces)
            return word.isEmpty ? nil : word
        }
    }
}

/// Splits UI strings and article sentences into words for terminology alignment. Letters, digits, and apostrophes
/// or hyphens between them make words; GTK/Qt accelerator marks (`_File`, `&Open`) are dropped; printf and
/// similar placeholders (`%s`, `%1$d`) and all other punctuation mark a break.
package enum TermTokenizer {
    private static let apostrophes: Set<Unicode.Scalar> = ["'", "\u{2019}", "\u{02BC}"]

    /// Words already analysed (stem, function word, case), for tokenizing a whole corpus: a word is stemmed once.
    package final class Cache {
        var tokens: [String: TermToken] = [:]
        package init() {}
    }

    package static func tokenize(
        _ text: String, functionWords: FunctionWords = .shared, cache: Cache? = nil
    ) -> [TermToken] {
        let scalars = Array(text.unicodeScalars)
        var tokens: [TermToken] = []
        var index = 0
        var pendingBreak = true
        var word = String.UnicodeScalarView()

        func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
            // ASCII and Cyrillic letters without the Unicode property tables (most of the text; the lookups
            // were a tenth of `suggest --tm`).
            let value = scalar.value
            if value < 0x80 {
                return (0x61...0x7A).contains(value) || (0x41...0x5A).contains(value) || (0x30...0x39).contains(value)
            }
            if (0x0400...0x0481).contains(value) || (0x048A...0x052F).contains(value) { return true }
            return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
        }
        func underscoresInWord(around position: Int) -> Int {
            var count = 0
            var cursor = position
            while cursor > 0, scalars[cursor - 1] == "_" || isWordScalar(scalars[cursor - 1]) { cursor -= 1 }
            while cursor < scalars.count, scalars[cursor] == "_" || isWordScalar(scalars[cursor]) {
                if scalars[cursor] == "_" { count += 1 }
                cursor += 1
            }
            return count
        }
        func isCapitalOrDigit(_ scalar: Unicode.Scalar) -> Bool {
            (0x41...0x5A).contains(scalar.value) || (0x30...0x39).contains(scalar.value)
                || (scalar.value >= 0x80 && scalar.properties.isUppercase)
        }
        func flush() {
            guard !word.isEmpty else { return }
            let surface = String(word)
            word = String.UnicodeScalarView()
            var token: TermToken
            if let cache, let known = cache.tokens[surface] {
                token = known
                token.breakBefore = pendingBreak
            } else {
                token = makeToken(surface, breakBefore: pendingBreak, functionWords: functionWords)
                cache?.tokens[surface] = token
            }
            // A capitalised Ukrainian function word past the first word is a name or a label (French (Togo) →
            // Французька (Того)), not a function word; English title case (Save As) keeps its function words.
            if token.isFunction && token.isCyrillic && token.isCapitalized && !tokens.isEmpty && !token.isAllCaps
                && token.surface.unicodeScalars.contains(where: { $0.properties.isAlphabetic })
            {
                token.isFunction = false
            }
            tokens.append(token)
            pendingBreak = false
        }

        while index < scalars.count {
            let scalar = scalars[index]
            let next: Unicode.Scalar? = index + 1 < scalars.count ? scalars[index + 1] : nil
            if isWordScalar(scalar) {
                word.append(scalar)
            } else if scalar == "_", let previous = word.last, let next, isWordScalar(next),
                (isCapitalOrDigit(previous) && isCapitalOrDigit(next)) || underscoresInWord(around: index) > 1
            {
                // An identifier (OMIT_FP, pg_signal_backend), not a mnemonic: a mnemonic marks one letter of a word.
                word.append(scalar)
            } else if (scalar == "_" || scalar == "&"), let next, next.properties.isAlphabetic {
                // An accelerator mark: skip it, the word goes on (Con_tents, _File).
            } else if apostrophes.contains(scalar) || scalar == "-", !word.isEmpty, let next, isWordScalar(next) {
                word.append(scalar)
            } else if scalar == "%" {
                flush()
                pendingBreak = true
                // A printf-style placeholder: flags, width, precision, length, then one conversion letter.
                var cursor = index + 1
                while cursor < scalars.count, "0123456789.-+ #$lhzjtLqI'".unicodeScalars.contains(scalars[cursor]) {
                    cursor += 1
                }
                if cursor < scalars.count, scalars[cursor].properties.isAlphabetic { cursor += 1 }
                index = cursor
                continue
            } else {
                flush()
                if !scalar.properties.isWhitespace { pendingBreak = true }
            }
            index += 1
        }
        flush()
        return tokens
    }

    /// Is the scalar alphabetic? ASCII and Cyrillic letters without the Unicode property tables (most of the text:
    /// the table lookups were the largest single cost of a `suggest --tm` query).
    package static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 { return (0x61...0x7A).contains(value) || (0x41...0x5A).contains(value) }
        if (0x0400...0x0481).contains(value) || (0x048A...0x052F).contains(value) { return true }
        return scalar.properties.isAlphabetic
    }

    static func makeToken(_ surface: String, breakBefore: Bool, functionWords: FunctionWords) -> TermToken {
        let letters = surface.unicodeScalars.filter(isLetter)
        let isCyrillic = letters.first.map { (0x0400...0x052F).contains($0.value) } ?? false
        let lowered = surface.lowercased()
        let stem = isCyrillic ? UkrainianStemmer.stem(written: surface) : EnglishStemmer.stem(written: surface)
        let isNumber = letters.isEmpty
        let isCapitalized = letters.first?.properties.isUppercase ?? false
        let isAllCaps = letters.count >= 2 && letters.count <= 8 && letters.count == surface.unicodeScalars.count
            && letters.allSatisfy { $0.properties.isUppercase }
        return TermToken(
            surface: surface, stem: stem.isEmpty ? lowered : stem, breakBefore: breakBefore,
            isFunction: isNumber || functionWords.contains(lowered, cyrillic: isCyrillic), isCyrillic: isCyrillic,
            isCapitalized: isCapitalized, isAllCaps: isAllCaps, isNegation: isCyrillic && lowered == "не")
    }
}
