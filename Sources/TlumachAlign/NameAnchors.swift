import TlumachText
import TlumachTranslit

/// Names and cognates: capitalised words (four letters or more) and acronyms, Cyrillic ones romanised, then keyed
/// by `LatinMatchKey` and folded to a short sound key, so "Юсова" matches "Yusov", "Києва" matches "Kyiv",
/// "Міністерство" matches "Ministry" and "НАТО" matches "NATO". The key keeps the first three sounds of a word, which
/// survives Ukrainian case endings; the aligner only compares sentences near the diagonal, so collisions are rare.
public struct NameAnchors: AnchorSource {
    public var kind: AnchorKind { .name }
    /// Cyrillic word → Latin (KMU 2010 when TlumachTranslit provides it).
    public let romanize: @Sendable (String) -> String
    /// Latin spelling → matching key (LatinMatchKey: Andrii, Andriy and Andrij give one key).
    public let latinKey: @Sendable (String) -> String

    public init(
        romanize: @escaping @Sendable (String) -> String = NameAnchors.letterByLetter,
        latinKey: @escaping @Sendable (String) -> String = { LatinMatchKey.key($0) }
    ) {
        self.romanize = romanize
        self.latinKey = latinKey
    }

    public func keys(in sentence: String, language: Language) -> [String] {
        var keys: [String] = []
        for word in Self.words(in: sentence) {
            let letters = word.unicodeScalars
            guard let first = letters.first, first.properties.isUppercase else { continue }
            let uppercaseCount = letters.filter { $0.properties.isUppercase }.count
            let isAcronym = uppercaseCount == letters.count && letters.count >= 2
            guard isAcronym || letters.count >= 4 else { continue }
            let hasCyrillic = letters.contains { (0x0400...0x04FF).contains($0.value) }
            let latin = latinKey(hasCyrillic ? romanize(word) : word)
            let sounds = Self.soundKey(latin)
            guard !sounds.isEmpty else { continue }
            keys.append(isAcronym ? "A" + sounds : String(sounds.prefix(3)))
        }
        return keys
    }

    /// Runs of letters, apostrophes between letters included.
    static func words(in sentence: String) -> [String] {
        var words: [String] = []
        var current = String.UnicodeScalarView()
        let scalars = Array(sentence.unicodeScalars)
        for (offset, scalar) in scalars.enumerated() {
            if scalar.properties.isAlphabetic {
                current.append(scalar)
            } else if Self.apostrophes.contains(scalar), !current.isEmpty, offset + 1 < scalars.count,
                scalars[offset + 1].properties.isAlphabetic
            {
                continue
            } else if !current.isEmpty {
                words.append(String(current))
                current = String.UnicodeScalarView()
            }
        }
        if !current.isEmpty { words.append(String(current)) }
        return words
    }

    static let apostrophes: Set<Unicode.Scalar> = ["'", "’", "ʼ", "`", "´", "‘", "ʹ"]

    /// Folds spelling differences between transliteration standards and English cognates: g/h/kh, c/k/q, w/v,
    /// ph/f, j/y/i/e (front vowels), doubled letters; then keeps letters only.
    static func soundKey(_ latin: String) -> String {
        let lower = Array(latin.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic })
        var folded: [Unicode.Scalar] = []
        var index = 0
        while index < lower.count {
            let scalar = lower[index]
            let next: Unicode.Scalar? = index + 1 < lower.count ? lower[index + 1] : nil
            var replacement: Unicode.Scalar = scalar
            var skip = 1
            switch scalar {
            case "k" where next == "h": replacement = "h"; skip = 2
            case "p" where next == "h": replacement = "f"; skip = 2
            case "c" where next == "h": replacement = "č"; skip = 2
            case "s" where next == "h": replacement = "š"; skip = 2
            case "z" where next == "h": replacement = "ž"; skip = 2
            case "g": replacement = "h"
            case "c", "q": replacement = "k"
            case "w": replacement = "v"
            case "j", "y", "e": replacement = "i"
            case "x":
                folded.append("k")
                replacement = "s"
            default: break
            }
            if folded.last != replacement { folded.append(replacement) }
            index += skip
        }
        var result = ""
        result.unicodeScalars.append(contentsOf: folded)
        return result
    }

    /// A letter-by-letter romanisation (KMU 2010 letters, positional variants folded away by `soundKey`), used
    /// until the project's KMU 2010 transliterator is wired in.
    public static let letterByLetter: @Sendable (String) -> String = { word in
        var result = ""
        for character in word.lowercased() {
            if let latin = cyrillicToLatin[character] { result += latin } else { result.append(character) }
        }
        return result
    }

    static let cyrillicToLatin: [Character: String] = [
        "а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "є": "ie", "ж": "zh", "з": "z",
        "и": "y", "і": "i", "ї": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p",
        "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
        "щ": "shch", "ь": "", "ю": "iu", "я": "ia", "ё": "e", "ы": "y", "э": "e", "ъ": "",
    ]
}
