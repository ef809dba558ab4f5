/// English terms match by their own inflections, not by stems shared with other words (Porter2 made aggressive find
/// aggression and shells find shelling). A text word is keyed as written, lower case, without a possessive ending
/// (Kyiv's, prisoners'); each word of a term is compiled with the forms it can take: plural (and plural possessive
/// through the text key), and for the first word of a verb term (`pos: verb`) the verb forms. Irregular forms go
/// in the term's `forms:`.
enum EnglishInflection {
    /// A lower-cased text word without its possessive ending: kyiv's → kyiv, prisoners' → prisoners.
    static func textKey(_ folded: String) -> String {
        if folded.hasSuffix("'s"), folded.count > 2 { return String(folded.dropLast(2)) }
        if folded.hasSuffix("'"), folded.count > 1 { return String(folded.dropLast()) }
        return folded
    }

    /// The same on ASCII bytes (apostrophes already made ASCII).
    static func stripPossessive(_ bytes: inout [UInt8]) {
        if bytes.count > 2, bytes[bytes.count - 2] == 0x27, bytes[bytes.count - 1] == 0x73 {
            bytes.removeLast(2)
        } else if bytes.count > 1, bytes[bytes.count - 1] == 0x27 {
            bytes.removeLast()
        }
    }

    static let vowels: Set<Character> = ["a", "e", "i", "o", "u"]

    static let prepositions: Set<String> = ["of", "for", "from", "in", "on", "at", "with", "to", "against", "by", "under", "into"]

    /// The word of a term that takes the plural: the last, or the one before the first preposition (prisoners of
    /// war, Armed Forces of Ukraine). Only that word gets plural forms, so a phrase compiles to few trie paths.
    static func headIndex(_ words: [String]) -> Int {
        for (index, word) in words.enumerated() where index > 0 && prepositions.contains(word.lowercased()) {
            return index - 1
        }
        return words.count - 1
    }

    /// Forms of one lower-cased word of a term: itself, its plural (`plural`), and with `verb` its verb forms.
    static func forms(of word: String, plural: Bool = true, verb: Bool) -> [String] {
        var forms = [word]
        guard plural || verb, word.count >= 2, word.allSatisfy({ $0.isLetter || $0 == "'" }) else { return forms }
        let last = word.last!
        let beforeLast = word.dropLast().last
        let consonantY = last == "y" && !(beforeLast.map(vowels.contains) ?? true)
        // Plural, and the third person of a verb.
        if word.hasSuffix("s") || word.hasSuffix("x") || word.hasSuffix("z") || word.hasSuffix("ch") || word.hasSuffix("sh") {
            forms.append(word + "es")
        } else if consonantY {
            forms.append(word.dropLast() + "ies")
        } else {
            forms.append(word + "s")
            if last == "o" { forms.append(word + "es") }
        }
        if plural && word.hasSuffix("man") { forms.append(word.dropLast(3) + "men") }
        if !verb {
            guard plural else { return forms }
            if word.hasSuffix("fe") { forms.append(word.dropLast(2) + "ves") }
            else if last == "f" { forms.append(word.dropLast() + "ves") }
            return forms
        }
        // Past tense and participles: release → released, releasing; return → returned; stop → stopped; try → tried.
        if last == "e" {
            forms.append(word + "d")
            if !word.hasSuffix("ee") { forms.append(word.dropLast() + "ing") } else { forms.append(word + "ing") }
        } else if consonantY {
            forms.append(word.dropLast() + "ied")
            forms.append(word + "ing")
        } else {
            forms.append(word + "ed")
            forms.append(word + "ing")
            // A short consonant-vowel-consonant word doubles its consonant (stop, plan).
            let letters = Array(word)
            if letters.count >= 3, !vowels.contains(letters[letters.count - 1]), !"wxy".contains(letters[letters.count - 1]),
                vowels.contains(letters[letters.count - 2]), !vowels.contains(letters[letters.count - 3])
            {
                forms.append(word + String(last) + "ed")
                forms.append(word + String(last) + "ing")
            }
        }
        return forms
    }
}
