import Foundation

/// What compiling a glossary for `TermMatcher` produces before the scan's lookup tables are derived from it: every
/// term's words keyed (folded, stemmed, alternative forms), interned as symbols and inserted into the token trie.
/// This is the costly part of building a matcher (most of a one-shot CLI run's fixed cost on a 10,000-concept
/// glossary), and what the matcher cache stores (`MatcherCache`).
struct CompiledTerms: Sendable {
    /// Symbol keys by symbol id; the hyphen is always symbol 0.
    var symbolKeys: [String]
    var symbolKinds: [TermMatcher.SymbolKind]
    /// Trie edges: (node << 32 | symbol) → child; node 0 is the root.
    var edges: [(UInt64, Int32)]
    /// Node n's patterns are `outputList[outputStart[n]..<outputStart[n + 1]]`.
    var outputStart: [Int32]
    var outputList: [Int32]
    var patterns: [TermMatcher.Pattern]
    /// Patterns whose trie path contains a symbol (ascending, no repeats).
    var patternsBySymbol: [Int32: [Int32]]
    var needsExact: Bool
    var lowercaseExact: Bool
    var languageIDs: [String: Int]
    /// `PrefixFilter` keys of every term word (ascending).
    var prefixKeys: [Int]

    static let hyphenSymbol: Int32 = 0

    init(
        symbolKeys: [String], symbolKinds: [TermMatcher.SymbolKind], edges: [(UInt64, Int32)], outputStart: [Int32],
        outputList: [Int32], patterns: [TermMatcher.Pattern], patternsBySymbol: [Int32: [Int32]], needsExact: Bool,
        lowercaseExact: Bool, languageIDs: [String: Int], prefixKeys: [Int]
    ) {
        self.symbolKeys = symbolKeys
        self.symbolKinds = symbolKinds
        self.edges = edges
        self.outputStart = outputStart
        self.outputList = outputList
        self.patterns = patterns
        self.patternsBySymbol = patternsBySymbol
        self.needsExact = needsExact
        self.lowercaseExact = lowercaseExact
        self.languageIDs = languageIDs
        self.prefixKeys = prefixKeys
    }

    init(glossary: Glossary, keys: TermKeys) {
        typealias Pattern = TermMatcher.Pattern
        typealias SymbolKind = TermMatcher.SymbolKind
        var symbols: [String: Int32] = [:]
        var kinds: [SymbolKind] = []
        func intern(_ key: String, _ kind: SymbolKind) -> Int32 {
            if let id = symbols[key] { return id }
            let id = Int32(kinds.count)
            symbols[key] = id
            kinds.append(kind)
            return id
        }
        let hyphen = intern("-", .hyphen)
        var transitions: [UInt64: Int32] = [:]
        var outputs: [[Int32]] = [[]]
        var patterns: [Pattern] = []
        var bySymbol: [Int32: [Int32]] = [:]
        var needsExact = false
        var lowercaseExact = false
        var languageIDs: [String: Int] = [:]
        let languageRanks = ["uk": 0, "en": 1, "ru": 2]

        for (conceptIndex, concept) in glossary.concepts.enumerated() {
            for (language, terms) in concept.terms {
                for (termIndex, term) in terms.enumerated() {
                    let pattern = Int32(patterns.count)
                    patterns.append(
                        Pattern(
                            concept: Int32(conceptIndex), language: language, term: Int32(termIndex),
                            statusRank: term.status.rank, languageRank: languageRanks[language] ?? 3,
                            languageID: languageIDs[language] ?? { languageIDs[language] = languageIDs.count; return languageIDs.count - 1 }(),
                            needsCapital: term.needsCapital, alsoCommonWord: term.alsoCommonWord,
                            capitals: term.needsCapital ? TermMatcher.capitals(of: term.text) : []))
                    if term.match == .exact {
                        needsExact = true
                        if !term.text.unicodeScalars.contains(where: { $0.properties.isUppercase }) { lowercaseExact = true }
                    }
                    for text in [term.text] + term.forms {
                        let words = TermMatcher.patternWords(text)
                        let englishHead = EnglishInflection.headIndex(words)
                        var alternatives: [[Int32]] = []
                        for word in words {
                            if word == "-" {
                                alternatives.append([hyphen])
                                continue
                            }
                            var options: [Int32] = []
                            let wantsLatin = term.match != .exact && (term.type == .properNoun || term.casing != .any)
                            let wordKeys = keys.keys(word, wantExact: term.match == .exact, wantLatin: wantsLatin)
                            if term.match == .exact {
                                options.append(intern(wordKeys.exact[0], .exact))
                            } else {
                                options.append(intern(wordKeys.inflect, .inflect))
                                if wordKeys.script == .latin {
                                    // English: the word's own plural (and, for the first word of a verb, verb forms).
                                    let isVerb = term.partOfSpeech == "verb" && alternatives.allSatisfy { $0 == [hyphen] }
                                    let isHead = alternatives.count == englishHead
                                    for form in EnglishInflection.forms(of: String(wordKeys.inflect.dropFirst()), plural: isHead, verb: isVerb).dropFirst() {
                                        options.append(intern("w" + form, .inflect))
                                    }
                                }
                                if wordKeys.script == .cyrillic {
                                    let lower = TermKeys.lowerKeepingApostrophes(word)
                                    for form in TermKeys.ukrainianAlternativeForms(TermKeys.string(lower)) {
                                        options.append(intern(keys.keys(form, wantExact: false, wantLatin: false).inflect, .inflect))
                                    }
                                    let extra = TermKeys.ukrainianPatternKeys(
                                        lower: lower, single: words.count == 1,
                                        russian: language == "ru" || language.hasPrefix("ru-"))
                                    if extra.dropsOwnStem { options.removeFirst() }
                                    options += extra.stems.map { intern("w" + $0, .inflect) }
                                    options += extra.verbatimForms.map { intern("v" + $0, .inflect) }
                                }
                                if let latin = wordKeys.latin, term.type == .properNoun || term.casing != .any {
                                    options.append(intern(latin, .latin))
                                }
                            }
                            alternatives.append(Array(Set(options)).sorted())
                        }
                        // A hyphenated compound also matches written apart (держава-агресор, держава агресор).
                        var sequences = [alternatives]
                        if alternatives.contains([hyphen]) { sequences.append(alternatives.filter { $0 != [hyphen] }) }
                        for sequence in sequences {
                            for symbol in sequence.joined() { bySymbol[symbol, default: []].append(pattern) }
                            // Insert every combination of the words' alternative keys (a few per word).
                            var frontier: [Int32] = [0]
                            for options in sequence {
                                var next: [Int32] = []
                                for node in frontier {
                                    for symbol in options {
                                        let key = UInt64(UInt32(node)) << 32 | UInt64(UInt32(symbol))
                                        if let child = transitions[key] {
                                            next.append(child)
                                        } else {
                                            let child = Int32(outputs.count)
                                            outputs.append([])
                                            transitions[key] = child
                                            next.append(child)
                                        }
                                    }
                                }
                                // Sorted before the cap, so that a term with more combinations than it keys the same
                                // ones in every process (a Set's order is seeded per process).
                                frontier = Array(Set(next)).sorted().prefix(256).map { $0 }
                            }
                            for node in frontier where node != 0 && !outputs[Int(node)].contains(pattern) {
                                outputs[Int(node)].append(pattern)
                            }
                        }
                    }
                }
            }
        }
        var filter = Set<Int>()
        for (key, id) in symbols where kinds[Int(id)] == .inflect {
            if let prefix = PrefixFilter.key(key.dropFirst()) { filter.insert(prefix) }
        }
        for concept in glossary.concepts {
            for terms in concept.terms.values {
                for term in terms where term.match == .exact {
                    for word in TermMatcher.patternWords(term.text) + term.forms.flatMap(TermMatcher.patternWords) {
                        if let prefix = PrefixFilter.key(word.lowercased()) { filter.insert(prefix) }
                    }
                }
            }
        }
        var symbolKeys = [String](repeating: "", count: kinds.count)
        for (key, id) in symbols { symbolKeys[Int(id)] = key }
        var outputStart: [Int32] = [0]
        outputStart.reserveCapacity(outputs.count + 1)
        for list in outputs { outputStart.append(outputStart[outputStart.count - 1] + Int32(list.count)) }
        self.init(
            symbolKeys: symbolKeys, symbolKinds: kinds, edges: transitions.map { ($0.key, $0.value) },
            outputStart: outputStart, outputList: Array(outputs.joined()), patterns: patterns,
            patternsBySymbol: bySymbol.mapValues { Array(Set($0)).sorted() }, needsExact: needsExact,
            lowercaseExact: lowercaseExact, languageIDs: languageIDs, prefixKeys: filter.sorted())
    }
}
