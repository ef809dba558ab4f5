/// The Porter2 ("English") stemmer of the Snowball project, written from its published description: prisoners →
/// prison, crimes → crime, exchanges → exchang, defenders → defend. Input must be case-folded; apostrophes are
/// ASCII (the matcher folds ’ ʼ to '), so possessives are removed here (Ukraine's → ukrain).
public enum EnglishStemmer {
    /// The stem of a word as written: lower-cased, curly apostrophes made ASCII, then stemmed (POWs → pow,
    /// Ukraine’s → ukrain).
    public static func stem(written word: String) -> String {
        var folded = String.UnicodeScalarView()
        for scalar in word.lowercased().unicodeScalars {
            folded.append(scalar == "\u{2019}" || scalar == "\u{02BC}" ? "'" : scalar)
        }
        return stem(String(folded))
    }

    public static func stem(_ word: String) -> String {
        var w = Array(word.utf8)
        // Non-ASCII words (accented names) are returned folded but unstemmed: Porter2 is defined on a–z.
        guard w.allSatisfy({ $0 < 0x80 }) else { return word }
        stem(&w)
        return String(decoding: w, as: UTF8.self)
    }

    private static let exceptions1: [String: String] = [
        "skis": "ski", "skies": "sky", "dying": "die", "lying": "lie", "tying": "tie", "idly": "idl",
        "gently": "gentl", "ugly": "ugli", "early": "earli", "only": "onli", "singly": "singl",
        "sky": "sky", "news": "news", "howe": "howe", "atlas": "atlas", "cosmos": "cosmos", "bias": "bias",
        "andes": "andes",
    ]
    private static let exceptions2: Set<String> = [
        "inning", "outing", "canning", "herring", "earring", "proceed", "exceed", "succeed",
    ]

    /// The longest exception: longer words skip the look-ups (no String made for them).
    private static let exceptionLength = (Array(exceptions1.keys) + Array(exceptions2)).map(\.utf8.count).max() ?? 0

    // Letters as bytes; Y (0x59) is the consonant y marked by the algorithm.
    private static func isVowel(_ c: UInt8) -> Bool {
        c == 0x61 || c == 0x65 || c == 0x69 || c == 0x6F || c == 0x75 || c == 0x79
    }

    /// Stems ASCII bytes in place.
    package static func stem(_ w: inout [UInt8]) {
        if w.count <= 2 { return }
        if w.count <= exceptionLength, let exception = exceptions1[String(decoding: w, as: UTF8.self)] {
            w = Array(exception.utf8)
            return
        }
        if w.first == 0x27 { w.removeFirst() }
        if w.count <= 2 { return }
        // Mark consonant y: initial, or after a vowel.
        if w[0] == 0x79 { w[0] = 0x59 }
        for i in 1..<w.count where w[i] == 0x79 && isVowel(w[i - 1]) { w[i] = 0x59 }

        let r1 = regionStart(w, from: 0, special: true)
        let r2 = regionStart(w, from: r1, special: false)

        step0(&w)
        step1a(&w)
        if w.count <= exceptionLength && exceptions2.contains(String(decoding: w, as: UTF8.self)) {
            restoreY(&w)
            return
        }
        step1b(&w, r1: r1)
        step1c(&w)
        step2(&w, r1: r1)
        step3(&w, r1: r1, r2: r2)
        step4(&w, r2: r2)
        step5(&w, r1: r1, r2: r2)
        restoreY(&w)
    }

    private static func restoreY(_ w: inout [UInt8]) {
        for i in w.indices where w[i] == 0x59 { w[i] = 0x79 }
    }

    /// R1 (or R2 from R1): the region after the first non-vowel that follows a vowel.
    private static func regionStart(_ w: [UInt8], from start: Int, special: Bool) -> Int {
        if special {
            for prefix in ["gener", "commun", "arsen", "past", "univers", "later", "emerg", "organ"]
            where w.count >= prefix.utf8.count && w.starts(with: prefix.utf8) {
                return prefix.utf8.count
            }
        }
        var i = start
        while i + 1 < w.count {
            if isVowel(w[i]) && !isVowel(w[i + 1]) { return i + 2 }
            i += 1
        }
        return w.count
    }

    private static func ends(_ w: [UInt8], _ suffix: String) -> Bool {
        let length = suffix.utf8.count
        guard length <= w.count else { return false }
        var index = w.count - length
        for byte in suffix.utf8 {
            if w[index] != byte { return false }
            index += 1
        }
        return true
    }

    private static func replace(_ w: inout [UInt8], _ suffix: String, _ replacement: String) {
        w.removeLast(suffix.utf8.count)
        w.append(contentsOf: replacement.utf8)
    }

    private static func containsVowel(_ w: ArraySlice<UInt8>) -> Bool { w.contains(where: isVowel) }

    /// A short syllable ends at `end` (exclusive): non-vowel, vowel, non-vowel other than w, x, Y; or, at the
    /// start of the word, vowel then non-vowel.
    private static func endsWithShortSyllable(_ w: [UInt8], _ end: Int) -> Bool {
        if end == 2 { return isVowel(w[0]) && !isVowel(w[1]) }
        if end < 3 { return false }
        let a = w[end - 3], b = w[end - 2], c = w[end - 1]
        return !isVowel(a) && isVowel(b) && !isVowel(c) && c != 0x77 && c != 0x78 && c != 0x59
    }

    private static func isShort(_ w: [UInt8], r1: Int) -> Bool {
        r1 >= w.count && endsWithShortSyllable(w, w.count)
    }

    private static func step0(_ w: inout [UInt8]) {
        for suffix in ["'s'", "'s", "'"] where ends(w, suffix) {
            w.removeLast(suffix.utf8.count)
            return
        }
    }

    private static func step1a(_ w: inout [UInt8]) {
        if ends(w, "sses") {
            replace(&w, "sses", "ss")
        } else if ends(w, "ied") || ends(w, "ies") {
            replace(&w, "ies", w.count > 4 ? "i" : "ie")
        } else if ends(w, "us") || ends(w, "ss") {
            return
        } else if ends(w, "s") {
            // Delete if the part before the letter preceding s holds a vowel (gas, this stay; gaps → gap).
            if w.count >= 3 && containsVowel(w[0..<(w.count - 2)]) { w.removeLast() }
        }
    }

    private static func step1b(_ w: inout [UInt8], r1: Int) {
        for suffix in ["eedly", "eed"] where ends(w, suffix) {
            if w.count - suffix.utf8.count >= r1 { replace(&w, suffix, "ee") }
            return
        }
        for suffix in ["ingly", "edly", "ing", "ed"] where ends(w, suffix) {
            let stemEnd = w.count - suffix.utf8.count
            guard containsVowel(w[0..<stemEnd]) else { return }
            w.removeLast(suffix.utf8.count)
            if ends(w, "at") || ends(w, "bl") || ends(w, "iz") {
                w.append(0x65)
            } else if let last = w.last, w.count >= 2, last == w[w.count - 2],
                "bdfgmnprt".utf8.contains(last)
            {
                w.removeLast()
            } else if isShort(w, r1: r1) {
                w.append(0x65)
            }
            return
        }
    }

    private static func step1c(_ w: inout [UInt8]) {
        guard w.count > 2, let last = w.last, last == 0x79 || last == 0x59, !isVowel(w[w.count - 2]) else { return }
        w[w.count - 1] = 0x69
    }

    private static let step2Rules: [(String, String)] = [
        ("ization", "ize"), ("ational", "ate"), ("fulness", "ful"), ("ousness", "ous"), ("iveness", "ive"),
        ("tional", "tion"), ("biliti", "ble"), ("lessli", "less"), ("entli", "ent"), ("ation", "ate"),
        ("alism", "al"), ("aliti", "al"), ("ousli", "ous"), ("iviti", "ive"), ("fulli", "ful"), ("enci", "ence"),
        ("anci", "ance"), ("abli", "able"), ("izer", "ize"), ("ator", "ate"), ("alli", "al"), ("bli", "ble"),
        ("ogi", "og"), ("li", ""),
    ]

    private static func step2(_ w: inout [UInt8], r1: Int) {
        for (suffix, replacement) in step2Rules where ends(w, suffix) {
            let start = w.count - suffix.utf8.count
            guard start >= r1 else { return }
            if suffix == "ogi" {
                if start >= 1 && w[start - 1] == 0x6C { replace(&w, suffix, replacement) }
            } else if suffix == "li" {
                if start >= 1 && "cdeghkmnrt".utf8.contains(w[start - 1]) { w.removeLast(2) }
            } else {
                replace(&w, suffix, replacement)
            }
            return
        }
    }

    private static let step3Rules: [(String, String)] = [
        ("ational", "ate"), ("tional", "tion"), ("alize", "al"), ("icate", "ic"), ("iciti", "ic"), ("ative", ""),
        ("ical", "ic"), ("ness", ""), ("ful", ""),
    ]

    private static func step3(_ w: inout [UInt8], r1: Int, r2: Int) {
        for (suffix, replacement) in step3Rules where ends(w, suffix) {
            let start = w.count - suffix.utf8.count
            guard start >= r1 else { return }
            if suffix == "ative" {
                if start >= r2 { w.removeLast(5) }
            } else {
                replace(&w, suffix, replacement)
            }
            return
        }
    }

    private static let step4Suffixes = [
        "ement", "ance", "ence", "able", "ible", "ment", "ant", "ent", "ism", "ate", "iti", "ous", "ive", "ize",
        "ion", "al", "er", "ic",
    ]

    private static func step4(_ w: inout [UInt8], r2: Int) {
        for suffix in step4Suffixes where ends(w, suffix) {
            let start = w.count - suffix.utf8.count
            guard start >= r2 else { return }
            if suffix == "ion" {
                if start >= 1 && (w[start - 1] == 0x73 || w[start - 1] == 0x74) { w.removeLast(3) }
            } else {
                w.removeLast(suffix.utf8.count)
            }
            return
        }
    }

    private static func step5(_ w: inout [UInt8], r1: Int, r2: Int) {
        guard let last = w.last else { return }
        let start = w.count - 1
        if last == 0x65 {
            if start >= r2 || (start >= r1 && !endsWithShortSyllable(w, start)) { w.removeLast() }
        } else if last == 0x6C {
            if start >= r2 && start >= 1 && w[start - 1] == 0x6C { w.removeLast() }
        }
    }
}
