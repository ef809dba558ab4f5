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
///
/// The glossary's matcher stems text with `alternations: false`: steps 3 and 4 (but ё → е) left out, because they
/// merge different words (Поліна and полон, воїни and воєн, Герасима and Герасимов, Черкасов and Черкаси); it keys
/// the other forms of a term on the term's side instead (`TermKeys.ukrainianPatternKeys`).
public enum UkrainianStemmer {
    /// Shortest stem the stemmer leaves; shorter words are keyed whole.
    package static let minimumStem = 3

    /// Inflectional endings of Ukrainian nouns, adjectives, pronominal adjectives and participles (all 7 cases,
    /// both numbers), with the commonest Russian adjective endings so Russian terms fold too. Longest first.
    package static let endings: [String] = [
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

    /// Stems in place (the matcher's path: no intermediate strings). `alternations: false` leaves out steps 3 and 4.
    package static func stem(_ letters: inout [Unicode.Scalar], alternations: Bool = true) {
        guard letters.count > minimumStem else {
            foldLastSyllable(&letters, alternations: alternations)
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
        if alternations, letters.count - 2 >= minimumStem, letters.last == "в",
            let before = letters.dropLast().last, before == "о" || before == "е" || before == "є"
        {
            letters.removeLast(2)
        }
        // 4. Alternations of the last syllable.
        foldLastSyllable(&letters, alternations: alternations)
    }

    /// і → о and ї → є in the last syllable: Харків/Харкова, Київ/Києва (with `alternations` only). ё (Russian) → е.
    package static func foldLastSyllable(_ letters: inout [Unicode.Scalar], alternations: Bool = true) {
        guard let index = letters.lastIndex(where: { vowels.contains($0) }) else { return }
        switch letters[index] {
        case "і" where alternations: letters[index] = "о"
        case "ї" where alternations: letters[index] = "є"
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

// MARK: - The same algorithm on UTF-16 code units, for the term matcher's scan

extension UkrainianStemmer {
    /// Stems the `count` letters at `letters` (UTF-16 code units of BMP letters: Cyrillic words need no more) in
    /// place and returns the stem's length: the algorithm of `stem(_: inout [Unicode.Scalar])` step for step (tests
    /// hold the two equal), with no allocation and the endings looked up in a small hash table instead of tried one
    /// by one. Called for every word of a text the matcher has not seen before.
    @inline(__always)
    package static func stem(_ letters: UnsafeMutablePointer<UInt16>, count: Int, alternations: Bool = true) -> Int {
        var count = count
        guard count > minimumStem else {
            foldLastSyllable(letters, count: count, alternations: alternations)
            return count
        }
        // 1. The longest ending that leaves a long enough stem.
        var length = min(EndingTable.longest, count - minimumStem)
        var suffix: UInt64 = 0
        // The last `length` letters packed 16 bits each, the last letter lowest; shorter suffixes are the low bits.
        for offset in 0..<length { suffix |= UInt64(letters[count - 1 - offset]) << (16 * UInt64(offset)) }
        while length > 0 {
            let key = length == 4 ? suffix : suffix & ((1 << (16 * UInt64(length))) - 1)
            if EndingTable.shared.contains(key) {
                count -= length
                break
            }
            length -= 1
        }
        // 2. Soft sign, then a stem-final і/ї/й.
        if count > minimumStem, letters[count - 1] == 0x44C { count -= 1 }
        if count > minimumStem {
            let last = letters[count - 1]
            if last == 0x456 || last == 0x457 || last == 0x439 { count -= 1 }
        }
        // 3. Possessive-type -ов/-ев/-єв.
        if alternations, count - 2 >= minimumStem, letters[count - 1] == 0x432 {
            let before = letters[count - 2]
            if before == 0x43E || before == 0x435 || before == 0x454 { count -= 2 }
        }
        // 4. Alternations of the last syllable.
        foldLastSyllable(letters, count: count, alternations: alternations)
        return count
    }

    @inline(__always)
    private static func foldLastSyllable(_ letters: UnsafeMutablePointer<UInt16>, count: Int, alternations: Bool) {
        var index = count - 1
        while index >= 0 {
            switch letters[index] {
            // а е є и о у ю я ы э: the last vowel stays.
            case 0x430, 0x435, 0x454, 0x438, 0x43E, 0x443, 0x44E, 0x44F, 0x44B, 0x44D: return
            case 0x456: if alternations { letters[index] = 0x43E }; return  // і → о
            case 0x457: if alternations { letters[index] = 0x454 }; return  // ї → є
            case 0x451: letters[index] = 0x435; return  // ё → е
            default: index -= 1
            }
        }
    }

    /// `endings` as packed UTF-16 suffixes (last letter in the low 16 bits) in an open-addressing table.
    struct EndingTable: Sendable {
        static let shared = EndingTable()
        static let longest = 4
        private let keys: [UInt64]
        private static let bits: UInt64 = 8

        init() {
            var keys = [UInt64](repeating: 0, count: 1 << Int(EndingTable.bits))
            for ending in UkrainianStemmer.endings {
                let units = Array(ending.utf16)
                precondition(units.count <= EndingTable.longest)
                var key: UInt64 = 0
                for (offset, unit) in units.reversed().enumerated() { key |= UInt64(unit) << (16 * UInt64(offset)) }
                var position = EndingTable.home(key)
                while keys[position] != 0 && keys[position] != key { position = (position + 1) & (keys.count - 1) }
                keys[position] = key
            }
            self.keys = keys
        }

        @inline(__always)
        private static func home(_ key: UInt64) -> Int { Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> (64 - bits)) }

        @inline(__always)
        func contains(_ key: UInt64) -> Bool {
            keys.withUnsafeBufferPointer { keys in
                var position = EndingTable.home(key)
                while true {
                    let stored = keys[position]
                    if stored == key { return true }
                    if stored == 0 { return false }
                    position = (position + 1) & (keys.count - 1)
                }
            }
        }
    }
}
