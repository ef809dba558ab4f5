import ICU
import TlumachText
import TlumachTranslit

/// How a word of text (or of a term) is reduced to the keys the matcher compares. One function for both sides, so a
/// form is found exactly when its key equals the term's:
/// - `verbatim` (Cyrillic): the folded word without apostrophes, unstemmed, for forms a term matches as written.
/// - `inflect`: look-alike letters repaired to the word's dominant script, NFC, case-folded (ICU), apostrophes
///   removed (Cyrillic) or unified (Latin), then stemmed: Ukrainian light stemmer for Cyrillic, without its vowel
///   alternations (a term keys those forms itself: `ukrainianPatternKeys`); Latin words lose only a possessive ending
///   (the terms carry their own inflections: `EnglishInflection`).
/// - `exact`: the ICU confusable skeleton of the word as written (case kept): СВО typed as Latin CBO finds СВО; the
///   word "сво" does not. A Latin abbreviation with a plural or possessive s (POWs, SBU's) also yields its base.
/// - `latin`: for names, `LatinMatchKey.key` from the transliteration module (Andriy/Andrii/Andrij → one key).
struct TermKeys: Sendable {
    let spoof: SpoofChecker

    init() throws {
        spoof = try SpoofChecker()
    }

    struct WordKeys {
        var inflect: String
        /// Cyrillic: "v" + the word case-folded without apostrophes, unstemmed — the key of a form a term matches as
        /// written (`ukrainianPatternKeys`).
        var verbatim: String?
        var exact: [String]
        var latin: String?
        /// Look-alike letters of another script were repaired.
        var homoglyph: Bool
        var script: WordScript
    }

    enum WordScript { case cyrillic, latin, other }

    static let apostrophes: Set<Unicode.Scalar> = ["'", "\u{2019}", "\u{02BC}", "`", "\u{00B4}", "\u{2018}", "\u{02B9}", "\u{2032}"]

    /// Latin letters that look like Cyrillic ones, both ways.
    static let latinToCyrillic: [Unicode.Scalar: Unicode.Scalar] = [
        "a": "а", "c": "с", "e": "е", "i": "і", "o": "о", "p": "р", "x": "х", "y": "у", "A": "А", "B": "В",
        "C": "С", "E": "Е", "H": "Н", "I": "І", "K": "К", "M": "М", "O": "О", "P": "Р", "T": "Т", "X": "Х",
    ]
    static let cyrillicToLatin: [Unicode.Scalar: Unicode.Scalar] = {
        var map: [Unicode.Scalar: Unicode.Scalar] = [:]
        for (latin, cyrillic) in latinToCyrillic { map[cyrillic] = latin }
        return map
    }()

    /// `wantLatin: false` leaves `latin` nil (compiling a term that is not a name does not use it).
    func keys(_ word: String, wantExact: Bool, wantLatin: Bool = true) -> WordKeys {
        var scalars = Array(word.unicodeScalars)
        if scalars.contains(where: { (0x300...0x36F).contains($0.value) }) {
            scalars = Array(((try? Normalizer.nfc.normalize(word)) ?? word).unicodeScalars)
            // Stress marks (наголос: Ки́їв) are not part of the word.
            scalars.removeAll { $0 == "\u{0301}" || $0 == "\u{0300}" }
        }
        for index in scalars.indices {
            switch scalars[index].value {
            case 0x27, 0x2019, 0x02BC, 0x60, 0xB4, 0x2018, 0x02B9, 0x2032: scalars[index] = "'"
            default: break
            }
        }
        // Script of the word, and repair of look-alikes in a mixed word.
        var cyrillic = 0, latin = 0
        for scalar in scalars {
            let value = scalar.value
            if (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value) { latin += 1 }
            else if (0x400...0x52F).contains(value) { cyrillic += 1 }
        }
        var homoglyph = false
        var script = WordScript.other
        if cyrillic > 0 && latin > 0 {
            homoglyph = true
            let toCyrillic = cyrillic >= latin
            let table = toCyrillic ? TermKeys.latinToCyrillic : TermKeys.cyrillicToLatin
            for index in scalars.indices { if let mapped = table[scalars[index]] { scalars[index] = mapped } }
            script = toCyrillic ? .cyrillic : .latin
        } else if cyrillic > 0 {
            script = .cyrillic
        } else if latin > 0 {
            script = .latin
        }
        let written = TermKeys.string(scalars)

        var folded = TermKeys.fold(scalars) ?? Array(((try? CaseMapping.folded(written)) ?? written.lowercased()).unicodeScalars)
        let inflect: String
        var verbatim: String?
        switch script {
        case .cyrillic:
            folded.removeAll { $0 == "'" }
            verbatim = TermKeys.string(folded, prefix: UInt8(ascii: "v"))
            UkrainianStemmer.stem(&folded, alternations: false)
            inflect = TermKeys.string(folded, prefix: UInt8(ascii: "w"))
        case .latin:
            inflect = "w" + EnglishInflection.textKey(TermKeys.string(folded))
        case .other:
            inflect = TermKeys.string(folded, prefix: UInt8(ascii: "w"))
        }
        var exact: [String] = []
        if wantExact {
            let source = homoglyph ? word : written
            exact.append("x" + ((try? spoof.skeleton(source)) ?? source))
            // POWs, POW's, SBU's: the abbreviation without its English plural or possessive ending.
            for suffix in ["'s", "s"] where written.hasSuffix(suffix) {
                let base = String(written.dropLast(suffix.count))
                let letters = base.unicodeScalars
                if letters.count >= 2 && letters.allSatisfy({ $0.properties.isUppercase || $0.properties.numericType != nil }) {
                    exact.append("x" + ((try? spoof.skeleton(base)) ?? base))
                }
            }
        }
        var latinKey: String?
        if script == .latin && wantLatin {
            var name = written
            if name.hasSuffix("'s") { name.removeLast(2) }
            latinKey = "l" + LatinMatchKey.key(name)
        }
        return WordKeys(inflect: inflect, verbatim: verbatim, exact: exact, latin: latinKey, homoglyph: homoglyph, script: script)
    }

    /// The string of `scalars` (after an optional ASCII prefix) encoded straight to UTF-8: appending scalars to a
    /// `String.UnicodeScalarView` one by one cost a quarter of the key building.
    static func string(_ scalars: some Collection<Unicode.Scalar>, prefix: UInt8? = nil) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(scalars.count * 2 + 1)
        if let prefix { bytes.append(prefix) }
        for scalar in scalars { UTF8.encode(scalar) { bytes.append($0) } }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Case folding by table for the Latin and Cyrillic letters that make up nearly all text; nil when the word has
    /// any other letter, for which ICU folds. The table agrees with ICU's folding on every letter it covers (tested).
    static func fold(_ scalars: [Unicode.Scalar]) -> [Unicode.Scalar]? {
        var result = scalars
        for index in result.indices {
            let value = result[index].value
            switch value {
            case 0x41...0x5A, 0x410...0x42F: result[index] = Unicode.Scalar(value + 0x20)!
            case 0x400...0x40F: result[index] = Unicode.Scalar(value + 0x50)!
            case 0x490, 0x4E6: result[index] = Unicode.Scalar(value + 1)!
            case 0x27, 0x2D, 0x30...0x39, 0x61...0x7A, 0x430...0x45F, 0x491, 0x4E7: break
            default: return nil
            }
        }
        return result
    }

    /// A word case-folded with its apostrophes made ASCII, as `ukrainianPatternKeys` takes it.
    static func lowerKeepingApostrophes(_ word: String) -> [Unicode.Scalar] {
        let unified = word.unicodeScalars.map { apostrophes.contains($0) ? "'" : $0 }
        return fold(unified) ?? Array(String(String.UnicodeScalarView(unified)).lowercased().unicodeScalars)
    }

    /// What a Ukrainian term word needs besides its stem, because text is stemmed without vowel alternations and
    /// without dropping -ов (`UkrainianStemmer`, `alternations: false`), so that Поліна is not полон, воїни not воєн,
    /// Герасима not Герасимов and the name Миколай not the city Миколаїв.
    struct UkrainianPatternKeys: Equatable {
        /// More stems (without the "w" prefix).
        var stems: [String] = []
        /// The word's own stem is a misanalysis and is left out (Миколаїв → микола, the stem of Миколай).
        var dropsOwnStem = false
        /// Forms matched as written (`verbatim` keys: case-folded, unstemmed), without apostrophes.
        var verbatimForms: [String] = []
    }

    /// - A word ending in a consonant (or ь) is a nominative whose other forms add an ending to it as written
    ///   (обстріл → обстрілу) or with the vowel of its last syllable alternated (Харків → Харкова, Київ → Києва,
    ///   Тернопіль → Тернополя): both bases are stems. Its forms whose stem is neither are matched as written: the nominative
    ///   when the stemmer takes its -ів, -їв or -ом for an ending (Харків → харк, Миколаїв → микола; for a one-word
    ///   term that stem is then left out), and the dative/locative in -ові, -еві, -єві (Харкові, Миколаєві, Петрові).
    /// - A stem in -ов, -ев, -єв (військовий → військов) loses them in the plural and locative, which the stemmer reads
    ///   as the ending -ові (військові → військ): in a longer term the shorter stem is added (its other words are
    ///   context enough), for one word that form is matched as written.
    /// - A verbal noun in -ння/-ття has its genitive plural matched as written (катування → катувань): as a stem it would be the
    ///   participle's (знеструмлень, знеструмлений); so has a noun in -а/-о whose last о becomes і there (особа → осіб).
    /// - Russian: a word ending in a consonant also has its genitive plural in -ов (-ев after ц) matched as written
    ///   (танк → танков, обстрел → обстрелов), which the stemmer's -ов rule used to reach; and the stems the Ukrainian ending
    ///   list misses are added: -ие/-ье nouns (наступление → наступлени-: наступления, наступлением), -ия/-ья nouns
    ///   (агрессия → агресс-: агрессий), -ый adjectives (раненый → ранен-: раненого), -ец nouns (беженец → беженц-);
    ///   a soft -ий adjective's -его and -ему are matched as written (военнослужащего).
    /// `lower` is the word case-folded with apostrophes made ASCII; `single`: the term is this one word; `russian`: a
    /// Russian term's word.
    static func ukrainianPatternKeys(lower: [Unicode.Scalar], single: Bool, russian: Bool = false) -> UkrainianPatternKeys {
        var result = UkrainianPatternKeys()
        let vowels = Set("аеєиіїоуюяыэё".unicodeScalars)
        let plain = { (letters: [Unicode.Scalar]) in letters.filter { $0 != "'" } }
        func stem(_ letters: [Unicode.Scalar]) -> String {
            var letters = plain(letters)
            UkrainianStemmer.stem(&letters, alternations: false)
            return string(letters)
        }
        let own = stem(lower)
        func addVerbatim(_ form: [Unicode.Scalar]) {
            let text = string(plain(form))
            if !result.verbatimForms.contains(text) { result.verbatimForms.append(text) }
        }
        let text = string(lower)
        if lower.count > 4, let plural = ["ння": "нь", "ття": "ть"][String(text.suffix(3))] {
            addVerbatim(Array((String(text.dropLast(3)) + plural).unicodeScalars))
        }
        // The genitive plural of a noun in -а/-о whose last о stands before one consonant closes the syllable and
        // turns the о into і: особа → осіб, сторона → сторін, робота → робіт (a form only, as written).
        let ownLetters = Array(own.unicodeScalars)
        if !russian, let last = lower.last, "аоя".unicodeScalars.contains(last), ownLetters.count >= 3,
            let consonant = ownLetters.last, !vowels.contains(consonant), consonant != "й", consonant != "ь",
            ownLetters[ownLetters.count - 2] == "о"
        {
            addVerbatim(Array(ownLetters.dropLast(2)) + ["і", consonant])
        }
        if let last = lower.last(where: { $0 != "'" }), !vowels.contains(last), last != "й" {
            var base = lower
            if base.last == "ь" { base.removeLast() }
            var alternated = base
            UkrainianStemmer.foldLastSyllable(&alternated)
            var stems = [string(plain(base))]
            if alternated != base { stems.append(string(plain(alternated))) }
            for form in [lower, base + ["і"], alternated + ["і"]] where !stems.contains(stem(form)) { addVerbatim(form) }
            result.dropsOwnStem = single && !stems.contains(own)
            result.stems = stems.filter { $0 != own }
            // Russian -ов, or -ев after ц (немцев); after ж, ш, ч, щ it is -ей, an ending the stemmer knows.
            if russian, let last = lower.last, !"ьжшчщ".unicodeScalars.contains(last) {
                addVerbatim(lower + Array((last == "ц" ? "ев" : "ов").unicodeScalars))
                if text.hasSuffix("ец") { result.stems.append(string(plain(Array(lower.dropLast(2)))) + "ц") }
            }
        } else if russian, lower.count > 5, let drop = ["ие": 1, "ье": 1, "ия": 2, "ья": 2, "ый": 2][String(text.suffix(2))] {
            var letters = plain(Array(lower.dropLast(drop)))
            UkrainianStemmer.foldLastSyllable(&letters, alternations: false)  // ё → е, as text's stems have it
            result.stems.append(string(letters))
        } else if russian, lower.count > 5, text.hasSuffix("ий") {
            // -его, -ему: the soft adjective's genitive and dative, not in the ending list (военнослужащий).
            for ending in ["его", "ему"] { addVerbatim(Array(lower.dropLast(2)) + Array(ending.unicodeScalars)) }
        } else if own.count >= 5, ["ов", "ев", "єв"].contains(String(own.suffix(2))) {
            if single {
                addVerbatim(Array((own + "і").unicodeScalars))
            } else {
                result.stems.append(String(own.dropLast(2)))
            }
        }
        return result
    }

    /// Pattern-side forms the stemmer cannot reach by stripping one ending: consonant alternation before -і in
    /// the dative and locative (Авдіївка → Авдіївці, книга → книзі, муха → мусі), the fleeting vowel of the
    /// genitive plural (жінка → жінок), and -ець nouns (кінець → кінця).
    static func ukrainianAlternativeForms(_ folded: String) -> [String] {
        var forms: [String] = []
        let vowels = Set("аеєиіїоуюя")
        func base(_ drop: Int) -> Substring { folded.dropLast(drop) }
        if folded.count > 4 {
            for (ending, alternation) in [("ка", "ці"), ("га", "зі"), ("ха", "сі")] where folded.hasSuffix(ending) {
                forms.append(base(2) + alternation)
            }
            if folded.hasSuffix("ка"), let previous = folded.dropLast(2).last, !vowels.contains(previous) {
                forms.append(base(2) + "ок")
            }
            if folded.hasSuffix("ець") { forms.append(base(3) + "ця") }
        }
        return forms
    }
}
