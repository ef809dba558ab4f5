import ICU

/// Folds Latin spellings of one Cyrillic name from different romanisation standards to one key, so a glossary
/// or a check can recognise a name whatever system its writer used:
/// Andrii / Andriy / Andrij, Kyiv / Kyyiv, Zelenskyy / Zelenskyi / Zelensky / Zelenskiy, Yusov / Jusov,
/// Zghorany / Z·horany, Zhytomyr / Žytomyr.
///
/// What it folds (in this order), and nothing else:
/// 1. case, and diacritics after the scholarly digraphs: ž zh, š sh, č ch, ŝ shch; other marks are dropped;
/// 2. the 1965 BGN separator z·h → zgh; apostrophes and primes (’ ' ʼ ʹ ʺ ` ´ ‘ ′) vanish;
/// 3. j → y, w → v, x → ks (Jusov, Wolodymyr, Olexandr);
/// 4. every run of i and y → one i (Andrii, Andriy → andri; Kyyiv → kiv; Yusov → iusov);
/// 5. spaces collapse to one; characters other than letters, digits, spaces and hyphens are dropped.
/// Spellings from Russian (Kharkov, Kiev, Odessa, Lvov) keep their own vowels and consonants, so they do not fold
/// into the Ukrainian ones: the glossary lists them as forbidden variants instead.
public enum LatinMatchKey {
    public static func key(_ latin: String) -> String {
        // Canonical decomposition puts every diacritic in its own scalar (ž → z + caron).
        let decomposed = (try? Normalizer.nfd.normalize(latin)) ?? latin
        var folded: [Character] = []
        folded.reserveCapacity(decomposed.unicodeScalars.count)
        var previous: Character = " "
        // Stage 1 and 2: lower case, digraphs for scholarly letters, marks and apostrophes dropped.
        for scalar in decomposed.unicodeScalars {
            switch scalar {
            case "\u{030C}" where previous == "z" || previous == "s" || previous == "c":  // ž š č
                folded.append("h")
            case "\u{0302}" where previous == "s":  // ŝ
                folded.append(contentsOf: "hch")
            case "\u{00B7}":  // BGN 1965 z·h
                folded.append("g")
            case "'", "\u{2019}", "\u{02BC}", "\u{02B9}", "\u{02BA}", "`", "\u{00B4}", "\u{2018}", "\u{2032}":
                continue
            default:
                if isMark(scalar) { continue }
                folded.append(contentsOf: String(scalar).lowercased())
            }
            if let last = folded.last { previous = last }
        }
        // Stage 3 to 5.
        var key = ""
        key.reserveCapacity(folded.count)
        var inIYRun = false
        var pendingSpace = false
        for var character in folded {
            if character == "j" { character = "y" }
            if character == "w" { character = "v" }
            if character == "x" {  // Olexandr, Olexiy: x is кс
                inIYRun = false
                if pendingSpace {
                    key.append(" ")
                    pendingSpace = false
                }
                key.append("ks")
                continue
            }
            if character.isWhitespace {
                pendingSpace = !key.isEmpty
                inIYRun = false
                continue
            }
            guard character.isLetter || character.isNumber || character == "-" else { continue }
            if pendingSpace {
                key.append(" ")
                pendingSpace = false
            }
            if character == "i" || character == "y" {
                if !inIYRun { key.append("i") }
                inIYRun = true
                continue
            }
            inIYRun = false
            key.append(character)
        }
        return key
    }

    private static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }
}
