import Foundation

/// Is a proposed pair a term (a name for a thing a glossary keeps) or a phrase of a message that aligns well but
/// names nothing ("requires at least" → "потребує принаймні", "already been set" → "встановлено")? Terms are noun
/// phrases; message phrases carry a verb, an auxiliary, a pronoun or a message adverb. The word lists and endings
/// are data (`Data/termhood-*.txt`); names and abbreviations are never judged here.
package struct TermHood: Sendable {
    /// English words that make a candidate a message phrase wherever they stand.
    package let englishWords: Set<String>
    /// Ukrainian endings of verb forms.
    package let ukrainianVerbEndings: [String]

    package static let shared = TermHood(
        englishWords: TermData.lines(load("termhood-en")), ukrainianVerbEndings: Array(TermData.lines(load("termhood-uk"))))

    package init(englishWords: Set<String>, ukrainianVerbEndings: [String]) {
        self.englishWords = englishWords
        self.ukrainianVerbEndings = ukrainianVerbEndings.sorted()
    }

    private static func load(_ name: String) -> String {
        guard let url = Bundle.module.url(forResource: name, withExtension: "txt", subdirectory: "Data"),
            let text = try? String(contentsOf: url, encoding: .utf8)
        else { return "" }
        return text
    }

    /// English adverb endings (-ly after these letters: successfully, currently, automatically; not family,
    /// assembly, supply).
    private static let adverbEndings = ["ally", "ely", "tly", "sly", "fully", "dly", "rly", "ously", "ively"]

    /// Why `text` reads as a message phrase rather than a term, or nil when it may be a term.
    package func messageWord(in text: String) -> String? {
        let words = TermTokenizer.tokenize(text)
        for (index, word) in words.enumerated() {
            let lower = word.surface.lowercased()
            if word.isCyrillic {
                // A capitalised word inside a unit is a name, not a verb form.
                if word.isCapitalized && index > 0 { continue }
                if ukrainianVerbEndings.contains(where: { lower.count >= $0.count + 2 && lower.hasSuffix($0) }) {
                    return word.surface
                }
            } else {
                if englishWords.contains(lower) { return word.surface }
                if lower.count >= 6, Self.adverbEndings.contains(where: { lower.hasSuffix($0) }) { return word.surface }
                // A past participle ends a message ("password changed", "size of the rendered"), not a term.
                if index == words.count - 1, words.count > 1, lower.count >= 5, lower.hasSuffix("ed"),
                    !lower.hasSuffix("eed")
                {
                    return word.surface
                }
            }
        }
        return nil
    }

    /// The same text on both sides, in a script that is not Cyrillic (a token the translator left alone).
    package static func isUntranslated(_ source: String, _ target: String) -> Bool {
        source.lowercased() == target.lowercased()
            && !source.unicodeScalars.contains { (0x0400...0x052F).contains($0.value) }
    }

    /// Is the pair a message phrase on either side?
    package func isMessagePhrase(source: String, target: String) -> Bool {
        messageWord(in: source) != nil || messageWord(in: target) != nil
    }
}
