import Foundation
import TlumachCore

/// How a piece of text matched a term.
public enum MatchKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// Letter for letter.
    case exact
    /// Same letters, other case.
    case `case`
    /// Another grammatical form (stemmed key).
    case inflection
    /// Another Latin spelling of the same name (Andriy for Andrii).
    case transliteration
    /// Look-alike letters of another script (CBO for СВО).
    case homoglyph
    /// Typo-tolerant (lookup only).
    case fuzzy

    /// Lower is better.
    var rank: Int {
        switch self {
        case .exact: 0
        case .case: 1
        case .inflection: 2
        case .homoglyph: 3
        case .transliteration: 4
        case .fuzzy: 5
        }
    }
}

/// One glossary term found in text.
public struct TermMatch: Sendable, Hashable {
    /// The concept's id as written in the glossary.
    public var conceptID: String
    /// Language tag of the glossary term.
    public var language: String
    /// The glossary's term.
    public var term: String
    public var status: TermStatus
    public var type: TermType
    /// The text as written.
    public var text: String
    /// Range in UTF-16 code units of the scanned text.
    public var range: Range<Int>
    /// Range in UTF-8 bytes of the scanned text.
    public var utf8Range: Range<Int>
    public var kind: MatchKind
    /// The term's casing rule is not followed (kyiv for Kyiv, Russia under the lower-case house style).
    public var casingViolated: Bool
    /// The term's context rule, when the text does not satisfy it (SVO without "so-called").
    public var contextViolated: ContextRule?
}

/// A compiled glossary: one token trie holding every term of every concept (each word as its folded, stemmed key),
/// run over the text's tokens in a single pass. Build once (10,000 concepts compile in well under a second) and
/// share: it is immutable and thread-safe.
public final class TermMatcher: Sendable {
    public let glossary: Glossary

    /// A term pattern: which term of which concept a terminal trie node stands for.
    struct Pattern: Sendable {
        var concept: Int32
        var language: String
        var term: Int32  // index in concept.terms[language]
        var statusRank: Int
        var languageRank: Int
    }

    enum SymbolKind: UInt8, Sendable { case inflect, exact, latin, hyphen }

    let keys: TermKeys
    let symbols: [String: Int32]
    let symbolKinds: [SymbolKind]
    let hyphenSymbol: Int32
    /// Trie: (node << 32 | symbol) → child.
    let transitions: [UInt64: Int32]
    /// Pattern indices ending at each node (empty for most).
    let outputs: [[Int32]]
    let patterns: [Pattern]
    /// Whether any term needs exact (case-kept) keys; otherwise text words skip the skeleton.
    let needsExact: Bool
    /// Patterns whose trie path contains a symbol: lookups of a single word inside a multiword term.
    let patternsBySymbol: [Int32: [Int32]]
    private let cachePool = CachePool()

    public convenience init(glossary: Glossary) throws {
        try self.init(glossary: glossary, keys: TermKeys())
    }

    init(glossary: Glossary, keys: TermKeys) throws {
        self.glossary = glossary
        self.keys = keys
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
        let languageRanks = ["uk": 0, "en": 1, "ru": 2]

        for (conceptIndex, concept) in glossary.concepts.enumerated() {
            for (language, terms) in concept.terms {
                for (termIndex, term) in terms.enumerated() {
                    let pattern = Int32(patterns.count)
                    patterns.append(
                        Pattern(
                            concept: Int32(conceptIndex), language: language, term: Int32(termIndex),
                            statusRank: term.status.rank, languageRank: languageRanks[language] ?? 3))
                    if term.match == .exact { needsExact = true }
                    for text in [term.text] + term.forms {
                        let words = TermMatcher.patternWords(text)
                        var alternatives: [[Int32]] = []
                        for word in words {
                            if word == "-" {
                                alternatives.append([hyphen])
                                continue
                            }
                            var options: [Int32] = []
                            let wordKeys = keys.keys(word, wantExact: term.match == .exact)
                            if term.match == .exact {
                                options.append(intern(wordKeys.exact[0], .exact))
                            } else {
                                options.append(intern(wordKeys.inflect, .inflect))
                                if wordKeys.script == .cyrillic {
                                    let folded = TermKeys.fold(Array(word.unicodeScalars)).map { String(String.UnicodeScalarView($0)) } ?? word.lowercased()
                                    for form in TermKeys.ukrainianAlternativeForms(folded) {
                                        options.append(intern(keys.keys(form, wantExact: false).inflect, .inflect))
                                    }
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
                            // Insert every combination of the words' alternative keys (few: at most 2 per word).
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
                                frontier = Array(Set(next)).prefix(64).map { $0 }
                            }
                            for node in frontier where node != 0 && !outputs[Int(node)].contains(pattern) {
                                outputs[Int(node)].append(pattern)
                            }
                        }
                    }
                }
            }
        }
        self.symbols = symbols
        self.symbolKinds = kinds
        self.hyphenSymbol = hyphen
        self.transitions = transitions
        self.outputs = outputs
        self.patterns = patterns
        self.needsExact = needsExact
        self.patternsBySymbol = bySymbol.mapValues { Array(Set($0)).sorted() }
    }

    /// Splits a term into words and hyphens the way the scanner splits text.
    static func patternWords(_ text: String) -> [String] {
        var words: [String] = []
        var text = text
        text.withUTF8 { bytes in
            TextTokens.forEach(bytes: bytes) { token, range8, _ in
                switch token {
                case .word: words.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[range8]), as: UTF8.self))
                case .hyphen: words.append("-")
                case .other: break
                }
            }
        }
        return words
    }

    // MARK: Scanning

    /// A match before overlaps are resolved.
    struct Candidate {
        var utf8: Range<Int>
        var utf16: Range<Int>
        var tokens: Int
        var node: Int32
        var kind: SymbolKind
        var homoglyph: Bool
    }

    struct Active {
        var node: Int32
        var start8: Int
        var start16: Int
        var tokens: Int
        var kind: SymbolKind
        var homoglyph: Bool
    }

    /// Every glossary term in `text`, longest first where terms nest, in text order. `language` limits the terms to
    /// one language tag (nil: all; where one text matches terms of several languages of a concept, uk, en, ru win
    /// in that order).
    public func matches(in text: String, language: String? = nil) -> [TermMatch] {
        var text = text
        return text.withUTF8 { bytes in
            let chosen = resolve(scan(bytes), language: language)
            return chosen.map { makeMatch($0.candidate, pattern: $0.pattern, bytes: bytes) }
        }
    }

    /// Occurrences per concept id (what `terms --format summary` prints), without building match records.
    public func counts(in text: String, language: String? = nil) -> [String: Int] {
        var text = text
        return text.withUTF8 { bytes in
            var counts: [String: Int] = [:]
            for choice in resolve(scan(bytes), language: language) {
                counts[glossary.concepts[Int(patterns[Int(choice.pattern)].concept)].id, default: 0] += 1
            }
            return counts
        }
    }

    func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> [Candidate] {
        let cache = cachePool.borrow()
        defer { cachePool.giveBack(cache) }
        var candidates: [Candidate] = []
        var active: [Active] = []
        var next: [Active] = []
        TextTokens.forEach(bytes: bytes) { token, range8, range16 in
            let tokenSymbols: ArraySlice<Int32>
            var homoglyph = false
            switch token {
            case .other:
                active.removeAll(keepingCapacity: true)
                return
            case .hyphen:
                tokenSymbols = [hyphenSymbol]
            case .word(let hash):
                let entry = cache.lookup(bytes, range8, hash: hash) { word in self.symbolsFor(word) }
                tokenSymbols = entry.symbols
                homoglyph = entry.homoglyph
            }
            if tokenSymbols.isEmpty {
                active.removeAll(keepingCapacity: true)
                return
            }
            next.removeAll(keepingCapacity: true)
            let isHyphen = tokenSymbols.first == hyphenSymbol && tokenSymbols.count == 1
            if !isHyphen {
                active.append(Active(node: 0, start8: range8.lowerBound, start16: range16.lowerBound, tokens: 0, kind: .inflect, homoglyph: false))
            }
            for state in active {
                for symbol in tokenSymbols {
                    let key = UInt64(UInt32(state.node)) << 32 | UInt64(UInt32(symbol))
                    guard let child = transitions[key] else { continue }
                    let symbolKind = symbolKinds[Int(symbol)]
                    let kind = symbolKind == .hyphen ? state.kind : (symbolKind.rawValue > state.kind.rawValue ? symbolKind : state.kind)
                    let advanced = Active(
                        node: child, start8: state.start8, start16: state.start16, tokens: state.tokens + 1, kind: kind,
                        homoglyph: state.homoglyph || homoglyph)
                    next.append(advanced)
                    if !outputs[Int(child)].isEmpty {
                        candidates.append(
                            Candidate(
                                utf8: state.start8..<range8.upperBound, utf16: state.start16..<range16.upperBound,
                                tokens: advanced.tokens, node: child, kind: kind, homoglyph: advanced.homoglyph))
                    }
                }
            }
            swap(&active, &next)
        }
        return candidates
    }

    /// Symbols of a text word (called once per distinct word form; the cache remembers).
    func symbolsFor(_ word: String) -> (symbols: [Int32], homoglyph: Bool) {
        let wordKeys = keys.keys(word, wantExact: needsExact)
        var found: [Int32] = []
        if let symbol = symbols[wordKeys.inflect] { found.append(symbol) }
        for exact in wordKeys.exact { if let symbol = symbols[exact], !found.contains(symbol) { found.append(symbol) } }
        if let latin = wordKeys.latin, let symbol = symbols[latin] { found.append(symbol) }
        return (found, wordKeys.homoglyph)
    }

    /// Longest wins where matches overlap; on one span, one term per concept (best kind, then status, then language).
    func resolve(_ candidates: [Candidate], language: String?) -> [(candidate: Candidate, pattern: Int32)] {
        guard !candidates.isEmpty else { return [] }
        // Only candidates with a pattern of the wanted language count.
        var usable: [(Candidate, [Int32])] = []
        for candidate in candidates {
            let list = outputs[Int(candidate.node)].filter { language == nil || patterns[Int($0)].language == language || patterns[Int($0)].language.hasPrefix(language! + "-") }
            if !list.isEmpty { usable.append((candidate, list)) }
        }
        usable.sort { a, b in
            a.0.tokens != b.0.tokens ? a.0.tokens > b.0.tokens : a.0.utf8.lowerBound < b.0.utf8.lowerBound
        }
        var taken: [Range<Int>] = []  // sorted, disjoint
        var chosen: [(Candidate, Int32)] = []
        for (candidate, list) in usable {
            // Binary search for the first taken range ending after this start.
            var low = 0, high = taken.count
            while low < high {
                let middle = (low + high) / 2
                if taken[middle].upperBound <= candidate.utf8.lowerBound { low = middle + 1 } else { high = middle }
            }
            if low < taken.count && taken[low].lowerBound < candidate.utf8.upperBound {
                // Overlaps a longer match, unless it is the very same span (another concept).
                if taken[low] != candidate.utf8 { continue }
            } else {
                taken.insert(candidate.utf8, at: low)
            }
            var bestByConcept: [Int32: Int32] = [:]
            for pattern in list {
                let info = patterns[Int(pattern)]
                if let current = bestByConcept[info.concept] {
                    let other = patterns[Int(current)]
                    if (info.languageRank, info.statusRank) < (other.languageRank, other.statusRank) {
                        bestByConcept[info.concept] = pattern
                    }
                } else {
                    bestByConcept[info.concept] = pattern
                }
            }
            for pattern in bestByConcept.values.sorted() where !chosen.contains(where: { $0.0.utf8 == candidate.utf8 && patterns[Int($0.1)].concept == patterns[Int(pattern)].concept }) {
                chosen.append((candidate, pattern))
            }
        }
        chosen.sort { $0.0.utf8.lowerBound < $1.0.utf8.lowerBound }
        return chosen.map { (candidate: $0.0, pattern: $0.1) }
    }

    func makeMatch(_ candidate: Candidate, pattern: Int32, bytes: UnsafeBufferPointer<UInt8>) -> TermMatch {
        let info = patterns[Int(pattern)]
        let concept = glossary.concepts[Int(info.concept)]
        let term = concept.terms[info.language]![Int(info.term)]
        let surface = String(decoding: UnsafeBufferPointer(rebasing: bytes[candidate.utf8]), as: UTF8.self)
        let kind: MatchKind
        if surface == term.text {
            kind = .exact
        } else if candidate.kind == .exact && (surface.hasPrefix(term.text) || candidate.tokens > 1) && !candidate.homoglyph {
            kind = .inflection  // POWs for POW
        } else if candidate.homoglyph || candidate.kind == .exact {
            kind = .homoglyph
        } else if candidate.kind == .latin {
            kind = .transliteration
        } else if surface.lowercased() == term.text.lowercased() {
            kind = .case
        } else {
            kind = .inflection
        }
        var contextViolated: ContextRule?
        if let rule = term.context {
            let from = max(0, candidate.utf8.lowerBound - 80)
            let before = String(decoding: UnsafeBufferPointer(rebasing: bytes[from..<candidate.utf8.lowerBound]), as: UTF8.self)
            if !rule.isSatisfied(textBefore: Substring(before)) { contextViolated = rule }
        }
        let sentenceStart = TermMatcher.startsSentence(bytes, at: candidate.utf8.lowerBound)
        return TermMatch(
            conceptID: concept.id, language: info.language, term: term.text, status: term.status, type: term.type,
            text: surface, range: candidate.utf16, utf8Range: candidate.utf8, kind: kind,
            casingViolated: !CasePattern.follows(surface, term: term, sentenceStart: sentenceStart),
            contextViolated: contextViolated)
    }

    /// Whether only spaces, quotes and opening brackets separate `offset` from a sentence end or the text start.
    static func startsSentence(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> Bool {
        var index = offset - 1
        while index >= 0 {
            let byte = bytes[index]
            switch byte {
            case 0x20, 0x09, 0x22, 0x27, 0x28: index -= 1
            case 0x0A: return true
            case 0x2E, 0x21, 0x3F: return true
            case 0x80...0xBF, 0xC2...0xE2:
                // Skip a multi-byte quote or space («, “, ", NBSP) by walking back to its lead byte.
                var lead = index
                while lead > 0 && bytes[lead] & 0xC0 == 0x80 { lead -= 1 }
                let scalar = String(decoding: UnsafeBufferPointer(rebasing: bytes[lead...index]), as: UTF8.self)
                if ["«", "“", "„", "‘", "\u{00A0}", "…"].contains(scalar) {
                    if scalar == "…" { return true }
                    index = lead - 1
                } else {
                    return false
                }
            default: return false
            }
        }
        return true
    }
}

/// Reusable token caches (raw word bytes → symbols), one per concurrent scan.
final class CachePool: @unchecked Sendable {
    // The lock guards `idle`; a borrowed cache is used by one thread until given back.
    private let lock = NSLock()
    private var idle: [TokenCache] = []

    func borrow() -> TokenCache {
        lock.lock()
        defer { lock.unlock() }
        return idle.popLast() ?? TokenCache()
    }

    func giveBack(_ cache: TokenCache) {
        lock.lock()
        defer { lock.unlock() }
        if idle.count < 8 { idle.append(cache) }
    }
}

/// An open-addressing table from a word's UTF-8 bytes to its symbols, so each distinct form is folded and stemmed
/// once. Grows to `maximumEntries` distinct words, then keeps computing misses without storing them.
final class TokenCache {
    private var slots: [Int32]
    private var mask: Int
    private var keyBytes: [UInt8] = []
    private var keyStart: [Int32] = []
    private var keyLength: [Int32] = []
    private var hashes: [UInt32] = []
    private var symbolStart: [Int32] = []
    private var symbolCount: [Int32] = []
    private var homoglyphs: [Bool] = []
    private var symbolStore: [Int32] = []
    let maximumEntries = 1 << 20

    init() {
        slots = Array(repeating: -1, count: 1 << 14)
        mask = (1 << 14) - 1
    }

    struct Entry {
        var symbols: ArraySlice<Int32>
        var homoglyph: Bool
    }

    func lookup(
        _ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, hash: UInt32,
        compute: (String) -> (symbols: [Int32], homoglyph: Bool)
    ) -> Entry {
        let length = range.count
        var slot = Int(hash) & mask
        while true {
            let entry = slots[slot]
            if entry < 0 { break }
            let index = Int(entry)
            if hashes[index] == hash && Int(keyLength[index]) == length {
                let start = Int(keyStart[index])
                var equal = true
                keyBytes.withUnsafeBufferPointer { stored in
                    equal = memcmp(stored.baseAddress! + start, bytes.baseAddress! + range.lowerBound, length) == 0
                }
                if equal {
                    let from = Int(symbolStart[index])
                    return Entry(symbols: symbolStore[from..<(from + Int(symbolCount[index]))], homoglyph: homoglyphs[index])
                }
            }
            slot = (slot + 1) & mask
        }
        let word = String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        let computed = compute(word)
        guard hashes.count < maximumEntries else { return Entry(symbols: computed.symbols[...], homoglyph: computed.homoglyph) }
        let index = Int32(hashes.count)
        keyStart.append(Int32(keyBytes.count))
        keyBytes.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[range]))
        keyLength.append(Int32(length))
        hashes.append(hash)
        symbolStart.append(Int32(symbolStore.count))
        symbolCount.append(Int32(computed.symbols.count))
        symbolStore.append(contentsOf: computed.symbols)
        homoglyphs.append(computed.homoglyph)
        slots[slot] = index
        if hashes.count * 2 > slots.count { grow() }
        let from = Int(symbolStart[Int(index)])
        return Entry(symbols: symbolStore[from..<(from + computed.symbols.count)], homoglyph: computed.homoglyph)
    }

    private func grow() {
        let size = slots.count * 2
        slots = Array(repeating: -1, count: size)
        mask = size - 1
        for (index, hash) in hashes.enumerated() {
            var slot = Int(hash) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(index)
        }
    }
}
