import ICU

/// `mixed-script`: words mixing Latin and Cyrillic look-alike letters, and words left in the wrong script.
public struct MixedScriptCheck: Check {
    public static let description = CheckDescription(
        id: "mixed-script", name: "Mixed scripts and look-alike letters",
        summary: "A target word mixes Latin, Cyrillic or Greek letters (Мiнiстерство with a Latin i); an English target keeps Cyrillic words; a Ukrainian target has a Latin look-alike word or conjunction.",
        rationale: """
            Look-alike letters break search, spell checking, sorting and glossary checks while looking right. \
            Words wholly in one script are fine (XX століття, COVID-19, iPhone in Ukrainian; NATO stays NATO). In a \
            Ukrainian target a Latin i, a, o, y standing as a conjunction is reported, and so is a Latin word made \
            only of Cyrillic look-alikes where the glossary reads it as a Cyrillic term (CBO for СВО); Latin \
            acronyms (PC, MIME) and Roman numerals are not.
            """,
        defaultSeverity: .error,
        examples: [
            .triggering("Ministry of Defence", "Мiнiстерство оборони", note: "Latin i inside a Cyrillic word."),
            .triggering("Ukraine", "Ukrаine", from: "uk", to: "en", note: "Cyrillic а inside an English word."),
            .triggering("the so-called SVO", "так звана CBO", note: "СВО typed in Latin letters (found through the glossary)."),
            .passing("no PC-relative relocations", "немає переміщень відносно PC", note: "A Latin acronym."),
            .triggering("Ukraine and Poland", "Україна i Польща", note: "A Latin i as the conjunction і."),
            .triggering("Обмін полоненими", "Обмін prisoners", from: "uk", to: "en", note: "A Cyrillic word left in English."),
            .passing("the 20th century", "XX століття", note: "Roman numerals."),
            .passing("COVID-19 vaccines", "вакцини від COVID-19"),
            .passing("NATO summit", "саміт НАТО"),
            .passing("iPhone users", "користувачі iPhone"),
            .passing("fd.o's reverse-DNS name", "зворотна DNS-назва fd.o", note: "A letter inside a name is not a conjunction."),
        ])

    public init(environment: CheckEnvironment) {}

    /// Latin letters that look like Cyrillic ones, with their Cyrillic twins.
    static let latinLookalikes: [Unicode.Scalar: Unicode.Scalar] = [
        "A": "А", "B": "В", "C": "С", "E": "Е", "H": "Н", "I": "І", "K": "К", "M": "М", "O": "О", "P": "Р",
        "T": "Т", "X": "Х", "Y": "У", "a": "а", "c": "с", "e": "е", "i": "і", "o": "о", "p": "р", "x": "х", "y": "у",
    ]
    static let romanNumeral: Set<Unicode.Scalar> = ["I", "V", "X", "L", "C", "D", "M"]

    public func check(_ unit: CheckedUnit) -> [Issue] {
        guard unit.hasTarget else { return [] }
        let text = unit.targetText
        // Fast path: pure ASCII cannot mix scripts; an English target in ASCII has nothing to report.
        if text.isASCII && unit.targetLanguage != "uk" { return [] }
        var issues: [Issue] = []
        var latinCandidates: [Range<Int>] = []
        var cyrillicWords = 0
        var cyrillicInEnglish: [String] = []
        var firstCyrillicInEnglish: Range<Int>?
        let scalars = text.scalars
        let masked = text.hasMaskedSpans ? text.masked : nil
        let isUkrainian = unit.targetLanguage == "uk"
        let isEnglish = unit.targetLanguage == "en"
        // One pass over the scalars, word by word (letters, with apostrophes between letters), no strings made
        // unless a word is reported.
        var index = 0
        let count = scalars.count
        while index < count {
            guard WordScanner.isLetter(scalars[index]) else {
                index += 1
                continue
            }
            let start = index
            var latin = false
            var cyrillic = false
            var greek = false
            var allLookalikeUpper = true
            while index < count {
                let scalar = scalars[index]
                if WordScanner.isLetter(scalar) {
                    let value = scalar.value
                    if value < 0x80 {
                        latin = true
                        if value >= 0x61 || Self.latinLookalikes[scalar] == nil { allLookalikeUpper = false }
                    } else if (0x400...0x4FF).contains(value) {
                        cyrillic = true
                    } else {
                        switch Script(of: scalar) {
                        case .latin: latin = true
                        case .cyrillic: cyrillic = true
                        case .greek: greek = true
                        default: break
                        }
                        allLookalikeUpper = false
                    }
                    index += 1
                } else if WordScanner.isApostrophe(scalar) && index + 1 < count && WordScanner.isLetter(scalars[index + 1]) {
                    index += 1
                } else {
                    break
                }
            }
            if masked?[start] == true { continue }
            let kinds = (latin ? 1 : 0) + (cyrillic ? 1 : 0) + (greek ? 1 : 0)
            if kinds > 1 {
                let word = PlaceholderScanner.text(scalars, start..<index)
                var names: [String] = []
                if latin { names.append("Latin") }
                if cyrillic { names.append("Cyrillic") }
                if greek { names.append("Greek") }
                issues.append(
                    Issue("“\(word)” mixes \(names.joined(separator: " and ")) letters", suggestion: repaired(word, for: unit.targetLanguage), at: start..<index))
            } else if cyrillic {
                cyrillicWords += 1
                if isEnglish {
                    cyrillicInEnglish.append(PlaceholderScanner.text(scalars, start..<index))
                    if firstCyrillicInEnglish == nil { firstCyrillicInEnglish = start..<index }
                }
            } else if latin && isUkrainian {
                let length = index - start
                // A conjunction stands between spaces (or punctuation), not inside "fd.o" or "x_i".
                let before = start > 0 ? scalars[start - 1] : " "
                let after = index < count ? scalars[index] : " "
                let isConjunction = length == 1 && ["i", "a", "o", "y"].contains(scalars[start])
                    && CharacterClass.isSpace(before) && (CharacterClass.isSpace(after) || ",;:".unicodeScalars.contains(after))
                let isRoman = scalars[start..<index].allSatisfy { Self.romanNumeral.contains($0) }
                if isConjunction || (length >= 2 && allLookalikeUpper && !isRoman) { latinCandidates.append(start..<index) }
            }
        }
        if !cyrillicInEnglish.isEmpty {
            let shown = cyrillicInEnglish.prefix(3).map { "“\($0)”" }.joined(separator: ", ")
            let more = cyrillicInEnglish.count > 3 ? " and \(cyrillicInEnglish.count - 3) more" : ""
            issues.append(Issue("Cyrillic \(cyrillicInEnglish.count == 1 ? "word" : "words") \(shown)\(more) in an English target", at: firstCyrillicInEnglish))
        }
        if isUkrainian && cyrillicWords > 0 && !latinCandidates.isEmpty {
            let sourceWords = Set(unit.sourceText.words.map(\.text))
            // A capitalised look-alike word counts only where the glossary reads it as a Cyrillic term (CBO as СВО):
            // Latin acronyms (PC, MIME, CA) are normal in Ukrainian text.
            let cyrillicTermRanges = unit.targetTerms.filter { $0.term.unicodeScalars.contains { (0x400...0x4FF).contains($0.value) } }.map(\.range)
            for range in latinCandidates {
                let word = PlaceholderScanner.text(scalars, range)
                guard !sourceWords.contains(word) else { continue }
                let isConjunction = range.count == 1
                guard isConjunction || cyrillicTermRanges.contains(where: { $0.overlaps(range) }) else { continue }
                var cyrillic = ""
                for scalar in word.unicodeScalars { cyrillic.unicodeScalars.append(Self.latinLookalikes[scalar] ?? scalar) }
                issues.append(Issue("“\(word)” is written in Latin letters that look Cyrillic: “\(cyrillic)”?", suggestion: cyrillic, at: range))
            }
        }
        return issues
    }

    /// The word with look-alikes mapped to the script of most of its letters.
    func repaired(_ word: String, for language: String) -> String? {
        var latin = 0
        var cyrillic = 0
        for scalar in word.unicodeScalars {
            if scalar.value < 0x80 { latin += 1 } else if (0x400...0x4FF).contains(scalar.value) { cyrillic += 1 }
        }
        var result = ""
        if cyrillic >= latin {
            for scalar in word.unicodeScalars { result.unicodeScalars.append(Self.latinLookalikes[scalar] ?? scalar) }
        } else {
            var reverse: [Unicode.Scalar: Unicode.Scalar] = [:]
            for (latinScalar, cyrillicScalar) in Self.latinLookalikes { reverse[cyrillicScalar] = latinScalar }
            for scalar in word.unicodeScalars { result.unicodeScalars.append(reverse[scalar] ?? scalar) }
        }
        return result == word ? nil : result
    }
}
