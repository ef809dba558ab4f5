import ICU

/// KMU 2010 and a Latin match key, used until (and unless) the transliteration module supplies its own: a compact
/// table of the resolution's rules (word-initial Є Ї Й Ю Я, зг → zgh, soft sign and apostrophes dropped, case
/// following the input).
public enum DefaultNames {
    public static let transliterator: any NameTransliterator = Table()

    struct Table: NameTransliterator {
        static let letters: [Character: (initial: String, other: String)] = {
            let plain: [Character: String] = [
                "а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "ж": "zh", "з": "z", "и": "y",
                "і": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
                "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ь": "",
            ]
            var table: [Character: (String, String)] = [:]
            for (letter, latin) in plain { table[letter] = (latin, latin) }
            table["є"] = ("ye", "ie")
            table["ї"] = ("yi", "i")
            table["й"] = ("y", "i")
            table["ю"] = ("yu", "iu")
            table["я"] = ("ya", "ia")
            return table
        }()

        func kmu2010(_ cyrillic: String) -> String {
            let characters = Array(cyrillic.precomposedStringWithCanonicalMappingLite)
            var result = ""
            var atWordStart = true
            for (index, character) in characters.enumerated() {
                let lower = Character(String(character).lowercased())
                if WordScanner.isApostrophe(character.unicodeScalars.first!) && !atWordStart {
                    continue  // dropped inside words; what follows is not a word start
                }
                guard let entry = Self.letters[lower] else {
                    result.append(character)
                    atWordStart = !(character.isLetter || character.isNumber)
                    continue
                }
                var latin = atWordStart ? entry.initial : entry.other
                if lower == "г", index > 0, Character(String(characters[index - 1]).lowercased()) == "з" { latin = "gh" }
                if character != lower && !latin.isEmpty {
                    // Upper case: the whole word in capitals stays capitals; otherwise capitalise the first letter.
                    let neighbours = characters[max(0, index - 1)...min(characters.count - 1, index + 1)]
                    let wordIsUpper = neighbours.filter { $0.isLetter }.count > 1
                        && neighbours.allSatisfy { !$0.isLetter || $0.isUppercase }
                    latin = wordIsUpper ? latin.uppercased() : latin.prefix(1).uppercased() + latin.dropFirst()
                }
                result += latin
                atWordStart = false
            }
            return result
        }

        func matchKey(_ latin: String) -> String {
            var key = ""
            var previousWasI = false
            for scalar in latin.lowercased().unicodeScalars where WordScanner.isLetter(scalar) {
                var folded = scalar
                if folded == "j" || folded == "y" { folded = "i" }
                if folded == "i" {
                    if previousWasI { continue }
                    previousWasI = true
                } else {
                    previousWasI = false
                }
                key.unicodeScalars.append(folded)
            }
            return key
        }
    }
}

extension String {
    /// й and ї typed as и/і plus a combining mark become the precomposed letters.
    var precomposedStringWithCanonicalMappingLite: String {
        guard unicodeScalars.contains(where: { $0.value == 0x306 || $0.value == 0x308 }) else { return self }
        return (try? Normalizer.nfc.normalize(self)) ?? self
    }
}

/// The normaliser's checks, used until (and unless) the text module supplies the article normaliser: Unicode NFC
/// and invisible characters (zero-width spaces and joiners, soft hyphens, byte-order marks).
public enum DefaultNormalizer {
    public static let normalizer: any TextNormalizing = Basic()

    struct Basic: TextNormalizing {
        func ruleViolations(in text: String, language: String) -> [String] {
            var rules: [String] = []
            var onlyASCII = true
            for scalar in text.unicodeScalars where scalar.value >= 0x80 {
                onlyASCII = false
                switch scalar.value {
                case 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0xAD:
                    if !rules.contains("invisible") { rules.append("invisible") }
                default: break
                }
            }
            // Swift's == is canonical equivalence: compare scalars to see a decomposed letter.
            if !onlyASCII, (try? Normalizer.nfc.isNormalized(text)) == false,
                let normalized = try? Normalizer.nfc.normalize(text),
                !normalized.unicodeScalars.elementsEqual(text.unicodeScalars)
            {
                rules.insert("nfc", at: 0)
            }
            return rules
        }
    }
}
