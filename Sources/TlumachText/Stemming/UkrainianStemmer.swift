/// A light Ukrainian stemmer for term matching: it removes one inflectional ending and evens out the vowel and
/// consonant alternations of the last syllable, so that every case form of a noun, adjective or participle reduces
/// to one key (Київ, Києва, Києві, Києвом → "києв"; Координаційного, Координаційному → "координаційн").
///
/// It is deliberately conservative, because a glossary match that is wrong costs more than one that is missed:
/// derivational suffixes are never removed (штабель ≠ штаб, полонина ≠ полон, Київщина ≠ Київ, захисник ≠
/// захистити), and a stem is never shorter than `minimumStem` letters.
///
/// Input must already be case-folded and free of apostrophes (the matcher's folding does both). The same
/// function runs on glossary terms and on text, so a form is found exactly when it reduces to the term's key.
///
/// The algorithm, in order:
/// 1. Remove the longest ending of `endings` that leaves at least `minimumStem` letters.
/// 2. Drop a final soft sign (штабель/штабеля → штабел), then a final і, ї or й left by soft-stem nouns
///    (операція/операцій → операц, Андрій/Андрія → андр).
/// 3. Remove a final -ов/-ев/-єв if at least `minimumStem` letters stay, so possessive-type names agree with
///    their dative/locative in -ові/-еві (Петров, Петрові; Харкова, Харкові; Миколаєва, Миколаєві).
/// 4. Fold the vowel of the last syllable: і → о (Харків/Харкова, Чернігів/Чернігова), ї → є (Київ/Києва).
public enum UkrainianStemmer {
    /// Shortest stem the stemmer leaves; shorter words are keyed whole.
    public static let minimumStem = 3

    /// Inflectional endings of Ukrainian nouns, adjectives, pronominal adjectives and participles (all 7 cases,
    /// both numbers), with the commonest Russian adjective endings so Russian terms fold too. Longest first.
    public static let endings: [String] = [
        // adjectives, soft stem: третього, третьому
        "ього", "ьому",
        // instrumental plural (nouns: штабами, операціями; adjectives: окупованими, третіми); adjective
        // genitive and dative singular (Координаційного, Координаційному); dative of masculine nouns
        // (захисникові, Андрієві, Ігореві)
        "ами", "ями", "ими", "іми", "ого", "ому", "ові", "еві", "єві",
        // Russian adjectives: -ыми, -ого, -ому
        "ыми",
        // instrumental singular (штабом, Києвом, операцією, війною, вежею); dative, locative plural (штабам,
        // штабах, територіях); genitive plural (захисників, Миколаїв-type); adjectives (-ий, -ій, -ої, -их, -им,
        // -ім, -іх); genitive plural -ей (гостей)
        "ом", "ем", "єм", "ою", "ею", "єю", "ам", "ям", "ах", "ях", "ів", "їв", "ей",
        "ий", "ій", "ої", "их", "іх", "им", "ім",
        // Russian: -ая, -яя, -ое, -ее, -ые, -ие, -ых, -ым, -ой, -ую, -юю
        "ая", "яя", "ое", "ее", "ые", "ие", "ых", "ым", "ой", "ую", "юю",
        // one-letter endings: cases of nouns and short adjectives; -ь of soft stems; Russian -ы
        "а", "я", "у", "ю", "і", "ї", "о", "е", "є", "и", "ь", "й", "ы",
    ]

    // Endings as scalar arrays, grouped by length (longest first), built once.
    private static let endingScalars: [[Unicode.Scalar]] = endings.map { Array($0.unicodeScalars) }
        .sorted { $0.count > $1.count }

    private static let vowels: Set<Unicode.Scalar> = Set("аеєиіїоуюяыэё".unicodeScalars)

    /// The stem of a word as written: lower-cased, apostrophes (' ’ ʼ and kin) removed, then stemmed. For keys of
    /// concordance and alignment (Києві → києв, м’ясо → мяс).
    public static func stem(written word: String) -> String {
        let apostrophes: Set<Unicode.Scalar> = ["'", "\u{2019}", "\u{02BC}", "`", "\u{00B4}", "\u{2018}", "\u{02B9}", "\u{2032}"]
        var letters = Array(word.lowercased().unicodeScalars)
        letters.removeAll { apostrophes.contains($0) }
        stem(&letters)
        var result = String.UnicodeScalarView()
        result.append(contentsOf: letters)
        return String(result)
    }

    /// The stem of a case-folded word without apostrophes.
    public static func stem(_ word: String) -> String {
        var letters = Array(word.unicodeScalars)
        stem(&letters)
        var result = String.UnicodeScalarView()
        result.append(contentsOf: letters)
        return String(result)
    }

    /// Stems in place (the matcher's path: no intermediate strings).
    public static func stem(_ letters: inout [Unicode.Scalar]) {
        guard letters.count > minimumStem else {
            foldLastSyllable(&letters)
            return
        }
        // 1. The longest ending that leaves a long enough stem.
        for ending in endingScalars where letters.count - ending.count >= minimumStem {
            if letters.suffixEquals(ending) {
                letters.removeLast(ending.count)
                break
            }
        }
        // 2. Soft sign, then a stem-final і/ї/й.
        if letters.count > minimumStem, letters.last == "ь" { letters.removeLast() }
        if letters.count > minimumStem, let last = letters.last, last == "і" || last == "ї" || last == "й" {
            letters.removeLast()
        }
        // 3. Possessive-type -ов/-ев/-єв (before the fold, so Чернігів → черніг and Чернігова → черніг agree).
        if letters.count - 2 >= minimumStem, letters.last == "в",
            let before = letters.dropLast().last, before == "о" || before == "е" || before == "є"
        {
            letters.removeLast(2)
        }
        // 4. Alternations of the last syllable.
        foldLastSyllable(&letters)
    }

    /// і → о and ї → є in the last syllable: Харків/Харкова, Київ/Києва. ё (Russian) → е.
    private static func foldLastSyllable(_ letters: inout [Unicode.Scalar]) {
        guard let index = letters.lastIndex(where: { vowels.contains($0) }) else { return }
        switch letters[index] {
        case "і": letters[index] = "о"
        case "ї": letters[index] = "є"
        case "ё": letters[index] = "е"
        default: break
        }
    }
}

extension Array where Element == Unicode.Scalar {
    @inline(__always)
    func suffixEquals(_ suffix: [Unicode.Scalar]) -> Bool {
        guard suffix.count <= count else { return false }
        var index = count - suffix.count
        for scalar in suffix {
            if self[index] != scalar { return false }
            index += 1
        }
        return true
    }
}
