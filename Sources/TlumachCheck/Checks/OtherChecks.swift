import ICU
/// `not-normalized`: the target fails the article normaliser.
struct NotNormalizedCheck: Check {
    static let description = CheckDescription(
        id: "not-normalized", name: "Not normalised",
        summary: "The target is not what the normaliser would make of it (`tlumach normalize` names the rules).",
        rationale: """
            Decomposed letters, invisible characters and stray look-alikes make identical-looking texts differ for \
            search, memory matching and glossary checks. The rule names tell which normaliser rule would change \
            the text; `tlumach normalize --in-place` repairs it.
            """,
        defaultSeverity: .warning,
        examples: [
            .triggering("Kyiv", "Киі\u{308}в", note: "ї typed as і and a combining diaeresis."),
            .triggering("prisoners", "полон\u{200B}ені", note: "A zero-width space."),
            .passing("prisoners", "полонені"),
            .passing(
                "%.1f\u{A0}\u{212A}", "%.1f\u{A0}\u{212A}",
                note: "The Kelvin sign (NFC makes it K) as the source writes it (libgweather): the source's to mend."),
        ], readsTargetAlone: true)

    let normalizer: any TextNormalizing

    init(environment: CheckEnvironment) { normalizer = environment.normalizer }

    func check(_ unit: CheckedUnit) -> [Issue] {
        guard unit.hasTarget else { return [] }
        let rules = normalizer.ruleViolations(in: unit.target, language: unit.targetLanguage)
        guard !rules.isEmpty, !Self.copiedFromTheSource(unit, normalizer: normalizer) else { return [] }
        return [Issue("the target is not normalised (\(rules.joined(separator: ", "))): run tlumach normalize")]
    }

    /// Whether the target is normalised but for characters the source has too (outside ASCII and Cyrillic): what
    /// a translator copies from the source is the source's to mend.
    static func copiedFromTheSource(_ unit: CheckedUnit, normalizer: any TextNormalizing) -> Bool {
        let sourceScalars = Set(unit.source.unicodeScalars.filter { !$0.isASCII && !(0x400...0x4FF).contains($0.value) })
        guard !sourceScalars.isEmpty else { return false }
        var rest = String.UnicodeScalarView()
        rest.append(contentsOf: unit.target.unicodeScalars.filter { !sourceScalars.contains($0) })
        return normalizer.ruleViolations(in: String(rest), language: unit.targetLanguage).isEmpty
    }
}

/// `transliteration`: a Ukrainian name rendered with a spelling that is neither the glossary's nor KMU 2010.
struct TransliterationCheck: Check {
    static let analyses: UnitAnalyses = .targetTerms
    static let description = CheckDescription(
        id: "transliteration", name: "Transliteration of names",
        summary: "A Ukrainian proper name of the source is rendered with a spelling that is neither the glossary's nor KMU 2010 (Oleksiy for Олексій).",
        rationale: """
            Ukraine's official transliteration (KMU 2010) gives one spelling per name; mixing Andriy and Andrii \
            splits search and looks careless. A target word is taken as a rendering of a source name when their \
            Latin match keys agree (Andriy, Andrij and Andrii share one); inflected source names are tried in \
            their base forms. Spellings the glossary lists (Zelenskyy) win over KMU 2010; Russian-derived \
            spellings are the glossary's business (term-forbidden). KMU 2010 is for Ukrainian names: a foreign \
            country or a city that names a time zone is written as CLDR's English names it (Italy, Pakistan, \
            Madrid, Tokyo: the system ICU's data), and a spelling no romanisation of Ukrainian gives (a letter \
            beyond ASCII, or w, x, q: José María, Washington) is a foreign name's own.
            """,
        defaultSeverity: .warning,
        examples: [
            .triggering("Олексій Данілов", "↓Oleksiy Danilov", from: "uk", to: "en"),
            .triggering("Андрій Юсов сказав", "↓Andriy Yusov said", from: "uk", to: "en"),
            .triggering("заява Андрія Юсова", "statement by ↓Andriy Yusov", from: "uk", to: "en", note: "Inflected source."),
            .passing("Олексій Данілов", "Oleksii Danilov", from: "uk", to: "en"),
            .passing("заява Андрія Юсова", "statement by Andrii Yusov", from: "uk", to: "en"),
            .passing("Сергій Шойгу", "Sergei Shoigu", from: "uk", to: "en", note: "A Russian name in its English spelling: not a KMU variant."),
            .triggering(
                "Марія Петренко виступила.", "↓Maria Petrenko spoke.", from: "uk", to: "en",
                note: "Марія is Mariia (a candidate “Маріа”, no Ukrainian word, used to let Maria pass)."),
            .passing(
                "Байден заявив, що Італія і Пакистан підтримують Кенію.", "Biden said that Italy and Pakistan support Kenya.",
                from: "uk", to: "en", note: "Foreign countries by their English names (CLDR's, from the system ICU), not by KMU 2010."),
            .passing(
                "Делегація прибула до Мадрида й Токіо.", "The delegation arrived in Madrid and Tokyo.", from: "uk", to: "en",
                note: "Cities that name time zones, by CLDR's English names."),
            .passing(
                "Делегація прибула до Вашингтона.", "The delegation arrived in Washington.", from: "uk", to: "en",
                note: "No romanisation of Ukrainian writes w, x or q."),
            .passing("Хосе Марія Альварес", "José María Álvarez", from: "uk", to: "en", note: "A foreign name in its own spelling."),
        ])

    let names: any NameTransliterator
    let terms: (any TermFinder)?

    init(environment: CheckEnvironment) {
        names = environment.names
        terms = environment.terms
    }

    /// Endings stripped from inflected Ukrainian names, and nominative endings tried on the stem.
    static let caseEndings = ["ові", "еві", "єві", "ого", "ому", "ою", "ею", "єю", "ем", "єм", "ом", "ій", "а", "я", "у", "ю", "і", "ї", "е", "и"]
    static let baseEndings = ["", "й", "ій", "а", "я", "о", "ь"]

    static let vowels = Set("аеєиіїоуюя")

    /// The word and the nominatives it may be a case form of. A stem ending in a vowel takes only -й or -я
    /// (Андрія → Андрій, Армії → Армія): "Армі" or "Кеніа" are no Ukrainian words, and their KMU spellings
    /// (Armi, Kenia) match English words (Army, Kenya) that translate the noun or the country, not a name.
    func candidates(_ word: String) -> [String] {
        var result = [word]
        for ending in Self.caseEndings where word.hasSuffix(ending) && word.count - ending.count >= 3 {
            let stem = String(word.dropLast(ending.count))
            let afterVowel = stem.last.map { Self.vowels.contains(Character($0.lowercased())) } ?? false
            for base in Self.baseEndings where stem + base != word && (!afterVowel || base == "й" || base == "я") {
                result.append(stem + base)
            }
        }
        return result
    }

    /// The words of CLDR's Ukrainian names of countries, territories and the cities that name time zones, each
    /// with the words of the same place's English name (Італія → Italy, Пакистан → Pakistan, Мадрид → Madrid): a
    /// foreign place is named in English as English names it, not by KMU 2010, which is for Ukrainian names.
    /// Lower case. Ukraine's own cities are left out: CLDR's English still writes some of them otherwise
    /// (Zaporozhye), which is what this check exists to find.
    static let placeWords: [String: Set<String>] = {
        var table: [String: Set<String>] = [:]
        let ukrainianCities = Set(PlaceNames.cities(in: "uk", region: "UA").compactMap { $0 })
        let cities = zip(PlaceNames.cities(in: "uk"), PlaceNames.cities(in: "en")).filter { pair in
            pair.0.map { !ukrainianCities.contains($0) } ?? false
        }
        let pairs = Array(zip(PlaceNames.regions(in: "uk"), PlaceNames.regions(in: "en"))) + cities
        for (ukrainian, english) in pairs {
            guard let ukrainian, let english else { continue }
            let englishWords = Set(english.lowercased().split(whereSeparator: { !$0.isLetter }).map(String.init))
            for word in ukrainian.lowercased().split(whereSeparator: { !$0.isLetter && $0 != "'" && $0 != "’" }) {
                table[String(word), default: []].formUnion(englishWords)
            }
        }
        return table
    }()

    /// A spelling no romanisation of Ukrainian gives: a letter beyond ASCII (María, Jičín, Paraná: a foreign name
    /// in its own spelling) or w, x, q (Taiwan, Buxton, Washington: in English spelling).
    static func isForeignSpelling(_ word: String) -> Bool {
        word.unicodeScalars.contains { scalar in
            scalar.properties.isAlphabetic && (!scalar.isASCII || "wxqWXQ".unicodeScalars.contains(scalar))
        }
    }

    func check(_ unit: CheckedUnit) -> [Issue] {
        guard unit.hasTarget, unit.sourceLanguage == "uk", unit.targetLanguage == "en" else { return [] }
        // Capitalised Cyrillic source words (names), not abbreviations.
        var expected: [String: (name: String, spelling: String)] = [:]
        var accepted = Set<String>()
        // Every candidate, to ask whether a word that would be reported names a foreign place (Італії → Italy).
        var allCandidates: [String] = []
        for word in unit.sourceText.words {
            guard let first = word.text.first, first.isUppercase, word.text.count >= 3,
                !word.text.allSatisfy({ $0.isUppercase }),
                word.text.unicodeScalars.contains(where: { (0x400...0x4FF).contains($0.value) })
            else { continue }
            for candidate in candidates(word.text) {
                let spelling = names.kmu2010(candidate)
                accepted.insert(spelling.lowercased())
                let key = names.matchKey(spelling)
                if expected[key] == nil || candidate == word.text { expected[key] = (candidate, spelling) }
                allCandidates.append(candidate.lowercased())
            }
        }
        guard !expected.isEmpty else { return [] }
        var glossaryRanges: [Range<Int>] = []
        var issues: [Issue] = []
        if terms != nil {
            for occurrence in unit.targetTerms {
                glossaryRanges.append(occurrence.range)
                // The glossary knows the name but spells it otherwise (Andriy Yusov for Andrii Yusov).
                if occurrence.byTransliteration && occurrence.status.isApproved && occurrence.text != occurrence.term {
                    issues.append(Issue("“\(occurrence.text)” is spelled “\(occurrence.term)” in the glossary", suggestion: occurrence.term, at: occurrence.range))
                }
            }
        }
        for word in unit.targetText.words where word.text.count >= 3 {
            guard word.text.first?.isUppercase == true else { continue }
            guard let match = expected[names.matchKey(word.text)] else { continue }
            if accepted.contains(word.text.lowercased()) || Self.isForeignSpelling(word.text) { continue }
            // (The place names are read from ICU only here, when a word would be reported.)
            let lower = word.text.lowercased()
            if allCandidates.contains(where: { Self.placeWords[$0]?.contains(lower) == true }) {
                continue
            }
            if glossaryRanges.contains(where: { $0.overlaps(word.range) }) { continue }
            issues.append(
                Issue("“\(word.text)” is neither the glossary’s nor the KMU 2010 spelling of “\(match.name)” (KMU 2010: \(match.spelling))",
                      suggestion: match.spelling, at: word.range))
        }
        return issues
    }
}
