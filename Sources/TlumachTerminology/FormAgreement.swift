import Foundation
import TlumachCore

/// Does a candidate's grammatical form agree with the query's? A UI word inside sentences, tooltips and messages
/// takes other forms than the query: the bare label "Run" is aligned to a tooltip's finite verb "Запускає", the
/// plural "Items" to the genitive singular "елементу". `suggest` lowers the score of a candidate whose form
/// disagrees with the query's (`TerminologyFeatures.formAgreement`). Which forms are which, which disagree and by
/// how much are data (`Data/form-agreement.txt`), judged by word endings alone: the query's last content word
/// (English: gerund -ing, plural -s, adjective -ous/-able…, else bare) against the candidate's first content
/// word (Ukrainian: finite verb, imperative, infinitive, verbal noun -ння/-ття, surely plural, surely singular,
/// a final consonant). en→uk only; any other pair of scripts agrees.
package struct FormAgreement: Sendable {
    /// The factor applied to a disagreeing candidate's score.
    package let factor: Double
    /// (query class, candidate class) pairs that disagree.
    package let disagreements: Set<[String]>
    /// English class → endings, words that end so but are not of it, endings that are not it.
    package let englishEndings: [(className: String, ending: String)]
    package let englishExceptions: [String: Set<String>]
    package let englishNotEndings: [String: [String]]
    /// Auxiliaries and modals: a query with one is a finite clause and agrees with every form.
    package let englishFiniteWords: Set<String>
    /// Ukrainian class → endings.
    package let ukrainianEndings: [String: [String]]
    /// The same by ending (a word's endings are looked up, longest first, not every ending tried).
    private let classesByEnding: [String: [String]]
    private let longestEnding: Int

    package static let shared = FormAgreement(data: TermData.text("form-agreement"))

    /// Parses the data file's lines (see its header).
    package init(data: String) {
        var factor = 1.0
        var disagreements = Set<[String]>()
        var englishEndings: [(String, String)] = []
        var englishExceptions: [String: Set<String>] = [:]
        var englishNotEndings: [String: [String]] = [:]
        var englishFiniteWords = Set<String>()
        var ukrainianEndings: [String: [String]] = [:]
        for line in TermData.orderedLines(data) {
            let parts = line.split(separator: " ").map(String.init)
            switch (parts.first, parts.count) {
            case ("factor", 2): factor = Double(parts[1]) ?? 1
            case ("disagree", 3): disagreements.insert([parts[1], parts[2]])
            case ("en", 3): englishEndings.append((parts[1], parts[2]))
            case ("en-not", 3): englishExceptions[parts[1], default: []].insert(parts[2])
            case ("en-not-ending", 3): englishNotEndings[parts[1], default: []].append(parts[2])
            case ("en-finite", 2): englishFiniteWords.insert(parts[1])
            case ("uk", 3): ukrainianEndings[parts[1], default: []].append(parts[2])
            default: continue
            }
        }
        self.factor = factor
        self.disagreements = disagreements
        self.englishEndings = englishEndings
        self.englishExceptions = englishExceptions
        self.englishNotEndings = englishNotEndings
        self.englishFiniteWords = englishFiniteWords
        self.ukrainianEndings = ukrainianEndings
        var byEnding: [String: [String]] = [:]
        for (className, endings) in ukrainianEndings {
            for ending in endings { byEnding[ending, default: []].append(className) }
        }
        self.classesByEnding = byEnding
        self.longestEnding = byEnding.keys.map(\.count).max() ?? 0
    }

    /// The class of an English query by its last content word: gerund, plural, adjective, bare (or finite, with an
    /// auxiliary or modal anywhere: "does not contain", "cannot fork"); nil when the
    /// query is not an English word the rule can judge (all capitals, Cyrillic, shorter than three letters, a
    /// past participle in -ed or an adverb in -ly).
    package func queryClass(_ query: [TermToken]) -> String? {
        guard !query.isEmpty, !query.contains(where: { $0.isCyrillic || $0.isAllCaps }),
            let last = query.last(where: { !$0.isFunction })
        else { return nil }
        if query.contains(where: { englishFiniteWords.contains($0.surface.lowercased().replacingOccurrences(of: "\u{2019}", with: "'")) }) {
            return "finite"
        }
        let word = last.surface.lowercased()
        guard word.count >= 3, word.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || $0 == "-" }) else { return nil }
        for (className, ending) in englishEndings where word.count >= ending.count + 2 && word.hasSuffix(ending) {
            if englishExceptions[className]?.contains(word) == true { continue }
            if englishNotEndings[className]?.contains(where: { word.hasSuffix($0) }) == true { continue }
            return className
        }
        if word.hasSuffix("ed") || word.hasSuffix("ly") { return nil }
        return "bare"
    }

    /// The classes of a Ukrainian candidate by its first content word (several may hold: містить is finite and
    /// ends in a consonant); a surely plural word is never singular.
    package func candidateClasses(_ candidate: String) -> Set<String> {
        // The candidate is words joined by spaces (its tokens' surfaces): no tokenizer (stemming every word cost a
        // third of `suggest`'s time); function words and numbers are skipped as the tokenizer would.
        let words = candidate.lowercased().replacingOccurrences(of: "\u{2019}", with: "'").split(separator: " ")
        guard let first = words.first(where: { word in
                word.contains(where: \.isLetter) && !FunctionWords.shared.contains(String(word), cyrillic: Self.isCyrillic(word))
            }), Self.isCyrillic(first)
        else { return [] }
        let word = String(first)
        var classes = Set<String>()
        let characters = Array(word)
        for length in stride(from: min(longestEnding, characters.count - 2), through: 1, by: -1) {
            if let found = classesByEnding[String(characters.suffix(length))] { classes.formUnion(found) }
        }
        if classes.contains("consonant") { classes.insert("singular") }
        if classes.contains("plural") { classes.remove("singular") }
        return classes
    }

    private static func isCyrillic(_ word: Substring) -> Bool {
        word.unicodeScalars.contains { (0x0400...0x052F).contains($0.value) }
    }

    /// Does the candidate's form disagree with the query's?
    package func disagrees(query: [TermToken], candidate: String) -> Bool {
        guard let queryClass = queryClass(query) else { return false }
        return disagrees(queryClass: queryClass, candidate: candidate)
    }

    /// The same for a query whose class is known (`suggest` finds it once per query).
    package func disagrees(queryClass: String, candidate: String) -> Bool {
        candidateClasses(candidate).contains { disagreements.contains([queryClass, $0]) }
    }
}
