import Foundation
import TlumachCore

/// Is a proposed pair a term (a name for a thing a glossary keeps) or a phrase of a message that aligns well but
/// names nothing ("requires at least" → "потребує принаймні", "already been set" → "встановлено")? Terms are noun
/// phrases; message phrases carry a verb, an auxiliary, a pronoun, a message adverb or adjective. The word lists and
/// endings are data (`Data/termhood-*.txt`); names and abbreviations are never judged here.
package struct TermHood: Sendable {
    /// English words that make a candidate a message phrase wherever they stand.
    package let englishWords: Set<String>
    /// English words that make it one when they stand inside it or end it (table *in* section, tbl *for* reading,
    /// style of bevel *around*).
    package let englishInnerWords: Set<String>
    /// Ukrainian endings of verb forms.
    package let ukrainianVerbEndings: [String]
    /// Beginnings of Ukrainian words of messages, any inflection (вказан-: вказаний, вказаної; непідтримуван-).
    package let ukrainianMessageStems: [String]
    /// Endings of Ukrainian infinitives (-ти), and the endings that show a word with such an ending is a noun form
    /// instead (біти: біт; роботи: робота).
    package let ukrainianInfinitiveEndings: [String]
    package let ukrainianNounEndings: [String]
    /// Endings that show the stem is a participle's instead (відкрит-ий), so the noun evidence does not count.
    package let ukrainianParticipleEndings: [String]
    /// An error report (`Data/termhood-error-report.txt`): its English first words and its Ukrainian words.
    package let errorReportHeads: Set<String>
    package let errorReportWords: Set<String>

    package static let shared: TermHood = {
        let infinitive = TermData.orderedLines(load("termhood-uk-infinitive"))
        let errorReport = TermData.orderedLines(load("termhood-error-report"))
        return TermHood(
            englishWords: TermData.lines(load("termhood-en")), englishInnerWords: TermData.lines(load("termhood-en-inner")),
            ukrainianVerbEndings: Array(TermData.lines(load("termhood-uk"))),
            ukrainianMessageStems: Array(TermData.lines(load("termhood-uk-words"))),
            ukrainianInfinitiveEndings: infinitive.filter { $0.hasPrefix("-") }.map { String($0.dropFirst()) },
            ukrainianNounEndings: infinitive.filter { $0.hasPrefix("+") }.map { String($0.dropFirst()) },
            ukrainianParticipleEndings: infinitive.filter { $0.hasPrefix("!") }.map { String($0.dropFirst()) },
            errorReportHeads: Set(errorReport.filter { !$0.hasPrefix("=") }),
            errorReportWords: Set(errorReport.filter { $0.hasPrefix("=") }.map { String($0.dropFirst()) }))
    }()

    package init(
        englishWords: Set<String>, englishInnerWords: Set<String> = [], ukrainianVerbEndings: [String],
        ukrainianMessageStems: [String] = [],
        ukrainianInfinitiveEndings: [String] = [], ukrainianNounEndings: [String] = [],
        ukrainianParticipleEndings: [String] = [], errorReportHeads: Set<String> = [],
        errorReportWords: Set<String> = []
    ) {
        self.englishWords = englishWords
        self.englishInnerWords = englishInnerWords
        self.ukrainianVerbEndings = ukrainianVerbEndings.sorted()
        self.ukrainianMessageStems = ukrainianMessageStems.sorted()
        self.ukrainianInfinitiveEndings = ukrainianInfinitiveEndings
        self.ukrainianNounEndings = ukrainianNounEndings
        self.ukrainianParticipleEndings = ukrainianParticipleEndings
        self.errorReportHeads = errorReportHeads
        self.errorReportWords = errorReportWords
    }

    /// "error setting" → "помилка встановлення": a message reporting a failed action, not a term (the data file
    /// says which words). Either side may be the English one.
    package func isErrorReport(source: String, target: String) -> Bool {
        func report(_ english: String, _ ukrainian: String) -> Bool {
            let words = english.lowercased().split(separator: " ")
            guard words.count >= 2, errorReportHeads.contains(String(words[0])), words[1].hasSuffix("ing") else {
                return false
            }
            return ukrainian.lowercased().split(separator: " ").contains { errorReportWords.contains(String($0)) }
        }
        return report(source, target) || report(target, source)
    }

    private static func load(_ name: String) -> String { TermData.text(name) }

    /// English adverb endings (-ly after these letters: successfully, currently, automatically; not family,
    /// assembly, supply).
    private static let adverbEndings = ["ally", "ely", "tly", "sly", "fully", "dly", "rly", "ously", "ively"]

    /// Why `text` reads as a message phrase rather than a term, or nil when it may be a term. With the corpus's
    /// `lexicon`, also a Ukrainian infinitive (встановити: no noun встановит-) and a placeholder in capitals
    /// (MEMBER, ДАТА: the word is otherwise written in lower case and capitalised, an ordinary word).
    package func messageWord(in text: String, lexicon: TermLexicon? = nil) -> String? {
        let words = TermTokenizer.tokenize(text)
        for (index, word) in words.enumerated() {
            let lower = word.surface.lowercased()
            if let lexicon, lexicon.isPlaceholder(word.surface) { return word.surface }
            if word.isCyrillic {
                // A capitalised word inside a unit is a name, not a verb form.
                if word.isCapitalized && index > 0 { continue }
                if ukrainianVerbEndings.contains(where: { lower.count >= $0.count + 2 && lower.hasSuffix($0) }) {
                    return word.surface
                }
                if ukrainianMessageStems.contains(where: { lower.hasPrefix($0) }) { return word.surface }
                if let lexicon, isInfinitive(lower, lexicon: lexicon) { return word.surface }
            } else {
                if englishWords.contains(lower) { return word.surface }
                // Not first: "out" of "out of range" may start a term's text; last only where it is not a function
                // word already ("style of bevel around"; a function word cannot end a candidate anyway).
                if index > 0, englishInnerWords.contains(lower) { return word.surface }
                if lower.count >= 6, Self.adverbEndings.contains(where: { lower.hasSuffix($0) }) { return word.surface }
                // A past participle ends a message ("password changed", "size of the rendered") or stands alone
                // ("transliterated" → "транслітерація"), not a term.
                if index == words.count - 1, lower.count >= 5, lower.hasSuffix("ed"),
                    !lower.hasSuffix("eed")
                {
                    return word.surface
                }
            }
        }
        return nil
    }

    /// A Ukrainian infinitive (встановити, записати, змінити) unless the corpus shows the word as a noun form: its
    /// stem before the final vowel with a noun ending is a word of the corpus (біти: біт; роботи: робота; дати:
    /// дата — a real infinitive spelled like a noun form is given up), and not a participle's stem (відкрити:
    /// відкрита is відкритий's).
    func isInfinitive(_ lower: String, lexicon: TermLexicon) -> Bool {
        guard ukrainianInfinitiveEndings.contains(where: { lower.count >= $0.count + 3 && lower.hasSuffix($0) })
        else { return false }
        let stem = String(lower.dropLast())
        if ukrainianParticipleEndings.contains(where: { lexicon.contains(stem + $0) }) { return true }
        return !ukrainianNounEndings.contains { lexicon.contains(stem + $0) }
    }

    /// One word joined by underscores (the tokenizer keeps them only inside identifiers: OMIT_FP, PAGE_WIDTH).
    package static func isIdentifier(_ text: String) -> Bool {
        text.contains("_") && !text.contains(" ")
    }

    /// The same text on both sides, in a script that is not Cyrillic (a token the translator left alone).
    package static func isUntranslated(_ source: String, _ target: String) -> Bool {
        source.lowercased() == target.lowercased()
            && !source.unicodeScalars.contains { (0x0400...0x052F).contains($0.value) }
    }

    /// Both sides in Latin letters but different words: in a Ukrainian–English corpus a Latin word that stands
    /// for another (Recipient information → RecipientInfo, unmaximize → toggle-maximize) is a code name or a
    /// misalignment, not a translation. The same words in any order, up to a plural -s and hyphens, stay
    /// (DLLs → DLL, basefile → base-file, WireGuard VPN → VPN WireGuard).
    package static func isOtherLatinWord(_ source: String, _ target: String) -> Bool {
        func cyrillic(_ text: String) -> Bool { text.unicodeScalars.contains { (0x0400...0x052F).contains($0.value) } }
        guard !cyrillic(source), !cyrillic(target) else { return false }
        // Each word's letters and digits without a plural -s, in a fixed order, so that a change of word order
        // stays (WireGuard VPN → VPN WireGuard, TPM PCRs → PCR TPM).
        func words(_ text: String) -> String {
            text.lowercased().split(whereSeparator: { $0 == " " }).map { word -> String in
                let kept = String(String.UnicodeScalarView(word.unicodeScalars.filter {
                    $0.properties.isAlphabetic || $0.properties.numericType != nil
                }))
                return kept.count > 2 && kept.hasSuffix("s") ? String(kept.dropLast()) : kept
            }.sorted().joined()
        }
        return words(source) != words(target)
    }

    /// A word left as it is on both sides (LLVM, shentsize) accounts for itself: the pair's other words must then
    /// be there on both sides or on neither. "shentsize" → "значення shentsize" adds a word, "LLVM bitcode" →
    /// "LLVM" drops one; "ODT document" → "документ ODT" keeps both.
    package static func hasUnmatchedWord(source: String, target: String) -> Bool {
        let functionWords = FunctionWords.shared
        func content(_ text: String) -> [String] {
            TermTokenizer.tokenize(text).filter { !$0.isFunction }.map { $0.surface.lowercased() }
        }
        let sourceWords = content(source)
        let targetWords = content(target)
        let shared = Set(sourceWords.filter { word in !TermLexicon.isCyrillic(word) }).intersection(targetWords)
        guard !shared.isEmpty else { return false }
        let sourceRest = sourceWords.filter { !shared.contains($0) && !functionWords.contains($0, cyrillic: false) }
        let targetRest = targetWords.filter { !shared.contains($0) && !functionWords.contains($0, cyrillic: true) }
        return sourceRest.isEmpty != targetRest.isEmpty
    }

    /// Is the pair a message phrase on either side?
    package func isMessagePhrase(source: String, target: String, lexicon: TermLexicon? = nil) -> Bool {
        messageWord(in: source, lexicon: lexicon) != nil || messageWord(in: target, lexicon: lexicon) != nil
    }
}

/// How a corpus writes its words (lower case, capitalised, in capitals), for the termhood rules that need the
/// corpus's own evidence: a -ти word attested as a noun form, a capitals word that is an ordinary word.
package struct TermLexicon: Sendable {
    package struct Spelling: Sendable {
        package var lower = 0
        package var capitalized = 0
        package var capitals = 0
    }
    package private(set) var spellings: [String: Spelling] = [:]

    package init() {}

    package init(texts: [String]) {
        for text in texts { for token in TermTokenizer.tokenize(text) { add(token) } }
    }

    /// Both sides of a corpus (each side's words are in its own script, so one table serves both).
    package init(sides: [CorpusSide]) {
        for side in sides { for token in side.tokens { add(token) } }
    }

    package mutating func add(_ token: TermToken) {
        let surface = token.surface
        let key = surface.lowercased()
        var spelling = spellings[key] ?? Spelling()
        if surface == key {
            spelling.lower += 1
        } else if surface.count >= 2 && surface == surface.uppercased() {
            spelling.capitals += 1
        } else if token.isCapitalized {
            spelling.capitalized += 1
        }
        spellings[key] = spelling
    }

    /// Written in lower case somewhere in the corpus.
    package func contains(_ lower: String) -> Bool { (spellings[lower]?.lower ?? 0) > 0 }

    /// A word of three letters or more in capitals that the corpus otherwise writes as an ordinary word, in lower
    /// case more often than in capitals and also capitalised (MEMBER: member, Member; ДАТА: дата, Дата): a usage
    /// line's placeholder, not an abbreviation (HTTPS, LSDA, DWARF are never written "Https", "Lsda").
    package func isPlaceholder(_ surface: String) -> Bool {
        guard surface.count >= 3, surface == surface.uppercased(), surface != surface.lowercased(),
            let spelling = spellings[surface.lowercased()]
        else { return false }
        return spelling.capitalized > 0 && spelling.lower > spelling.capitals
    }

    static func isCyrillic(_ word: String) -> Bool {
        word.unicodeScalars.contains { (0x0400...0x052F).contains($0.value) }
    }
}
