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
        romanize: @escaping @Sendable (String) -> String = NameAnchors.kmu2010,
        latinKey: @escaping @Sendable (String) -> String = { LatinMatchKey.key($0) }
    ) {
        self.romanize = romanize
        self.latinKey = latinKey
    }

    public func keys(in sentence: String, language: Language) -> [String] {
        var cache: [[Unicode.Scalar]: String?] = [:]
        return keys(in: sentence, cache: &cache)
    }

    /// Names repeat through a text: romanise and key each distinct word once.
    public func keys(inEach sentences: [String], language: Language) -> [[String]] {
        var cache: [[Unicode.Scalar]: String?] = [:]
        return sentences.map { keys(in: $0, cache: &cache) }
    }

    func keys(in sentence: String, cache: inout [[Unicode.Scalar]: String?]) -> [String] {
        var keys: [String] = []
        for word in Self.capitalisedWords(in: sentence) {
            if let known = cache[word] {
                if let known { keys.append(known) }
                continue
            }
            let key = key(of: word)
            cache[word] = key
            if let key { keys.append(key) }
        }
        return keys
    }

    private func key(of word: [Unicode.Scalar]) -> String? {
        let isAcronym = word.count >= 2 && word.allSatisfy { $0.properties.isUppercase }
        guard isAcronym || word.count >= 4 else { return nil }
        var text = ""
        text.unicodeScalars.append(contentsOf: word)
        let hasCyrillic = word.contains { (0x0400...0x04FF).contains($0.value) }
        let latin = latinKey(hasCyrillic ? romanize(text) : text)
        let sounds = Self.soundKey(latin, limit: isAcronym ? Int.max : 3)
        guard !sounds.isEmpty else { return nil }
        return isAcronym ? "A" + sounds : sounds
    }

    /// Words (runs of letters, apostrophes between letters included) that start with a capital letter; other words
    /// are skipped without building strings, since most words are not names.
    static func capitalisedWords(in sentence: String) -> [[Unicode.Scalar]] {
        var words: [[Unicode.Scalar]] = []
        var current: [Unicode.Scalar] = []
        var skipping = false
        var inWord = false
        var iterator = sentence.unicodeScalars.makeIterator()
        var pending = iterator.next()
        while let scalar = pending {
            let next = iterator.next()
            if isLetter(scalar) {
                if !inWord {
                    inWord = true
                    skipping = !scalar.properties.isUppercase
                }
                if !skipping { current.append(scalar) }
            } else if inWord, apostrophes.contains(scalar), let following = next, isLetter(following) {
                // Inside a word: keep going.
            } else if inWord {
                if !skipping { words.append(current) }
                current.removeAll(keepingCapacity: true)
                inWord = false
            }
            pending = next
        }
        if inWord, !skipping { words.append(current) }
        return words
    }

    @inline(__always)
    static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 { return (value | 0x20) >= 0x61 && (value | 0x20) <= 0x7A }
        if value >= 0x0400 && value <= 0x04FF { return value < 0x0482 || value > 0x0489 }
        return scalar.properties.isAlphabetic
    }

    static let apostrophes: Set<Unicode.Scalar> = ["'", "’", "ʼ", "`", "´", "‘", "ʹ"]

    /// Folds spelling differences between transliteration standards and English cognates: g/h/kh, c/k/q, w/v,
    /// ph/f, j/y/i/e (front vowels), doubled letters; then keeps letters only.
    static func soundKey(_ latin: String, limit: Int = Int.max) -> String {
        var lower: [Unicode.Scalar] = []
        for scalar in latin.unicodeScalars {
            let value = scalar.value
            if value >= 0x41 && value <= 0x5A {
                lower.append(Unicode.Scalar(value + 0x20) ?? scalar)
            } else if value >= 0x61 && value <= 0x7A {
                lower.append(scalar)
            } else if value >= 0x80, scalar.properties.isAlphabetic {
                lower += scalar.properties.lowercaseMapping.unicodeScalars
            }
        }
        var folded: [Unicode.Scalar] = []
        var index = 0
        while index < lower.count && folded.count < limit {
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
                if folded.last != "k" { folded.append("k") }
                replacement = "s"
            default: break
            }
            if folded.last != replacement { folded.append(replacement) }
            index += skip
        }
        var result = ""
        result.unicodeScalars.append(contentsOf: folded.prefix(limit))
        return result
    }

    /// KMU 2010 through the project transliterator (TlumachTranslit); letter by letter if it cannot be built.
    public static let kmu2010: @Sendable (String) -> String = {
        guard let transliterator = try? SchemeTransliterator(scheme: .kmu2010) else { return letterByLetter }
        return { transliterator.transliterate($0) }
    }()

    /// A letter-by-letter romanisation (KMU 2010 letters; its positional variants are folded away by `soundKey`
    /// anyway).
    public static let letterByLetter: @Sendable (String) -> String = { word in
        var result = ""
        for scalar in word.unicodeScalars {
            var value = scalar.value
            // Cyrillic capitals to small letters: А–Я, Ѐ–Џ, Ґ.
            if value >= 0x0410 && value <= 0x042F { value += 0x20 } else if value >= 0x0400 && value <= 0x040F {
                value += 0x50
            } else if value == 0x0490 { value = 0x0491 }
            if let small = Unicode.Scalar(value), let latin = cyrillicToLatin[small] {
                result += latin
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    static let cyrillicToLatin: [Unicode.Scalar: String] = [
        "а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "є": "ie", "ж": "zh", "з": "z",
        "и": "y", "і": "i", "ї": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p",
        "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
        "щ": "shch", "ь": "", "ю": "iu", "я": "ia", "ё": "e", "ы": "y", "э": "e", "ъ": "",
    ]
}
