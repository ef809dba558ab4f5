import Foundation
import Synchronization
import TlumachCore
import TlumachText

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
    /// A name written with a capital only because it starts a sentence, where the word is also an ordinary word
    /// (Сума допомоги…: the glossary marks Суми `alsoCommonWord`, or the text writes the word in lower case
    /// elsewhere). Returned only with `MatchOptions.ambiguous`; never rewritten.
    public var ambiguous: Bool = false
    /// Inside (or overlapping) a longer match of another concept (captivity in "returned from captivity").
    /// Returned only with `MatchOptions.nested`.
    public var nested: Bool = false
}

/// What `TermMatcher.matches` returns besides the longest unambiguous matches.
public struct MatchOptions: OptionSet, Sendable, Hashable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }
    /// Also matches of other concepts inside or overlapping a longer match (`TermMatch.nested`): a caller asking
    /// "is this concept in the text" must not lose captivity to "returned from captivity".
    public static let nested = MatchOptions(rawValue: 1)
    /// Also sentence-initial names that may be ordinary words (`TermMatch.ambiguous`).
    public static let ambiguous = MatchOptions(rawValue: 2)
    /// Names written in lower case too (a translation that has the name with the wrong case still has the name:
    /// term-missing asks with this; such matches are `casingViolated`).
    public static let anyCase = MatchOptions(rawValue: 4)
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
        var languageID: Int
        /// A name with a capital: a candidate in lower case is another word (`Term.needsCapital`).
        var needsCapital: Bool
        /// The name is also an ordinary word (`Term.alsoCommonWord`).
        var alsoCommonWord: Bool
        /// Per word of the term (hyphens left out): whether it starts with a capital.
        var capitals: [Bool]
    }

    enum SymbolKind: UInt8, Sendable { case inflect, exact, latin, hyphen }

    let keys: TermKeys
    let symbols: [String: Int32]
    /// `symbols` by key bytes, for the scan (no String per word).
    let byteKeys: ByteKeyTable
    /// Letter skeletons for the exact keys of Cyrillic and ASCII words (nil when no term is exact).
    let letterSkeletons: LetterSkeletons?
    /// The first two bytes of every exact key's skeleton: most words' skeletons are ruled out without a lookup.
    let exactLeads: LeadingPairFilter
    let symbolKinds: [SymbolKind]
    let hyphenSymbol: Int32
    /// The trie for the scan: the root's children by symbol (a flat array: every word that has a symbol looks
    /// here), deeper edges in an open-addressing table with a multiplicative hash (Dictionary's SipHash costs more
    /// than the rest of a word's work).
    let rootChildren: [Int32]
    let deepTransitions: TransitionTable
    /// Pattern indices ending at each node (empty for most), flat for `resolve` (one candidate per matched word on
    /// match-rich text): node n's patterns are
    /// `outputList[outputStart[n]..<outputStart[n + 1]]`, and what `resolve` asks of a pattern sits in 16 bytes
    /// (`Pattern` holds a String and an array: each copy retains them, and 20,000 of them do not stay in cache).
    let outputStart: [Int32]
    let outputList: [Int32]
    let resolveInfo: [ResolveInfo]

    struct ResolveInfo: Sendable {
        var concept: Int32
        var languageID: Int32
        /// languageRank << 32 | statusRank: the lower, the better.
        var rank: Int64
        /// Pattern.needsCapital.
        var needsCapital: Bool
    }
    /// Three-letter stem prefixes of every Cyrillic key: most words of a text are ruled out without the cache.
    let prefixFilter: PrefixFilter
    /// Off only in tests that prove the filter changes no result.
    let usePrefixFilter: Bool
    /// Off only in tests that prove the Cyrillic key memo (`TokenCache.memoizedCyrillicSymbol`) changes no result.
    let useKeyMemo: Bool
    /// Off only in tests that prove dropping states at nodes without children (`hasChildren`) changes no result.
    let dropFinishedStates: Bool
    /// Whether a node ends any pattern (a flat array for the scan loop).
    let hasOutput: [Bool]
    /// Whether a node has any child: a state at a node without one can never advance, so the scan drops it instead
    /// of looking up its edge for every later token (on a glossary of single words, nearly every state).
    let hasChildren: [Bool]
    /// Per node, what counting needs when no pattern the node ends needs a capital (nearly every candidate of
    /// match-rich text): for one pattern, languageID << 32 | concept (one load instead of `outputStart`,
    /// `outputList` and `resolveInfo` each); for several (forms of one stem: файл, файли, файлів as three concepts),
    /// -2 - start, where `countList[start]` is how many languageID << 32 | concept entries follow (each concept and
    /// language once); -1 when a pattern needs a capital, for the general path.
    let singleCount: [Int64]
    let countList: [Int64]
    let patterns: [Pattern]
    /// Some term has a form matched as written (a "v" key: `TermKeys.ukrainianPatternKeys`).
    let hasVerbatim: Bool
    /// Whether any term needs exact (case-kept) keys; otherwise text words skip the skeleton.
    let needsExact: Bool
    /// Some exact term has no capital letter, so lower-case words need exact keys too.
    let lowercaseExact: Bool
    let languageIDs: [String: Int]
    /// Per language a caller may ask for (each tag and each of its prefixes before a hyphen: uk for uk-UA): which
    /// language ids it selects.
    let languageSelections: [String: [Bool]]
    /// Patterns whose trie path contains a symbol: lookups of a single word inside a multiword term.
    let patternsBySymbol: [Int32: [Int32]]
    private let cachePool = CachePool()

    public convenience init(glossary: Glossary) throws {
        try self.init(glossary: glossary, keys: TermKeys())
    }

    convenience init(
        glossary: Glossary, keys: TermKeys, usePrefixFilter: Bool = true, useKeyMemo: Bool = true, dropFinishedStates: Bool = true
    ) throws {
        self.init(
            glossary: glossary, keys: keys, compiled: CompiledTerms(glossary: glossary, keys: keys), usePrefixFilter: usePrefixFilter,
            useKeyMemo: useKeyMemo, dropFinishedStates: dropFinishedStates)
    }

    /// The scan's tables, derived from a compiled (or cached) glossary.
    init(
        glossary: Glossary, keys: TermKeys, compiled: CompiledTerms, usePrefixFilter: Bool = true, useKeyMemo: Bool = true,
        dropFinishedStates: Bool = true
    ) {
        self.glossary = glossary
        self.keys = keys
        let kinds = compiled.symbolKinds
        var symbols: [String: Int32] = [:]
        symbols.reserveCapacity(compiled.symbolKeys.count)
        for (id, key) in compiled.symbolKeys.enumerated() { symbols[key] = Int32(id) }
        self.symbols = symbols
        self.byteKeys = ByteKeyTable(symbols)
        self.letterSkeletons = compiled.needsExact ? LetterSkeletons(spoof: keys.spoof) : nil
        var exactLeads = LeadingPairFilter()
        for (id, key) in compiled.symbolKeys.enumerated() where kinds[id] == .exact { exactLeads.insert(Array(key.utf8.dropFirst())) }
        self.exactLeads = exactLeads
        self.symbolKinds = kinds
        self.hyphenSymbol = CompiledTerms.hyphenSymbol
        var rootChildren = [Int32](repeating: -1, count: kinds.count)
        var deep: [(UInt64, Int32)] = []
        for (key, child) in compiled.edges {
            if key >> 32 == 0 { rootChildren[Int(key & 0xFFFF_FFFF)] = child } else { deep.append((key, child)) }
        }
        self.rootChildren = rootChildren
        self.deepTransitions = TransitionTable(deep)
        self.outputStart = compiled.outputStart
        self.outputList = compiled.outputList
        let nodeCount = compiled.outputStart.count - 1
        self.hasOutput = (0..<nodeCount).map { compiled.outputStart[$0] < compiled.outputStart[$0 + 1] }
        var hasChildren = [Bool](repeating: false, count: nodeCount)
        for (key, _) in compiled.edges {
            let parent = Int(key >> 32)
            if parent < nodeCount { hasChildren[parent] = true }
        }
        self.hasChildren = hasChildren
        let patterns = compiled.patterns
        let resolveInfo = patterns.map {
            ResolveInfo(
                concept: $0.concept, languageID: Int32($0.languageID),
                rank: Int64($0.languageRank) << 32 | Int64($0.statusRank), needsCapital: $0.needsCapital)
        }
        self.resolveInfo = resolveInfo
        var countList: [Int64] = []
        self.singleCount = (0..<nodeCount).map { node in
            let outputs = Int(compiled.outputStart[node])..<Int(compiled.outputStart[node + 1])
            let infos = outputs.map { resolveInfo[Int(compiled.outputList[$0])] }
            guard !infos.isEmpty, !infos.contains(where: \.needsCapital) else { return -1 }
            var entries: [Int64] = []
            for info in infos {
                let entry = Int64(info.languageID) << 32 | Int64(info.concept)
                if !entries.contains(entry) { entries.append(entry) }
            }
            if entries.count == 1 { return entries[0] }
            let start = countList.count
            countList.append(Int64(entries.count))
            countList.append(contentsOf: entries)
            return -2 - Int64(start)
        }
        self.countList = countList
        var filter = PrefixFilter()
        for key in compiled.prefixKeys { filter.insert(key) }
        self.prefixFilter = filter
        self.usePrefixFilter = usePrefixFilter
        self.useKeyMemo = useKeyMemo
        self.dropFinishedStates = dropFinishedStates
        self.patterns = patterns
        self.needsExact = compiled.needsExact
        self.hasVerbatim = compiled.symbolKeys.contains { $0.hasPrefix("v") }
        self.lowercaseExact = compiled.lowercaseExact
        let languageIDs = compiled.languageIDs
        self.languageIDs = languageIDs
        var selections: [String: [Bool]] = [:]
        for tag in languageIDs.keys {
            var requests = [tag]
            for (index, character) in zip(tag.indices, tag) where character == "-" { requests.append(String(tag[..<index])) }
            for request in requests where selections[request] == nil {
                selections[request] = TermMatcher.selection(of: request, among: languageIDs)
            }
        }
        self.languageSelections = selections
        self.patternsBySymbol = compiled.patternsBySymbol
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
    public func matches(in text: String, language: String? = nil, options: MatchOptions = []) -> [TermMatch] {
        var text = text
        return text.withUTF8 { bytes in
            let chosen = resolve(scan(bytes), language: language, bytes: bytes, options: options)
            return chosen.map { choice in
                var match = makeMatch(choice.candidate, pattern: choice.pattern, bytes: bytes)
                match.nested = choice.nested
                match.ambiguous = choice.ambiguous
                return match
            }
        }
    }

    /// As `matches(in:language:)` with a `TlumachText.Language` (uk, en, ru).
    public func matches(in text: String, language: Language, options: MatchOptions = []) -> [TermMatch] {
        matches(in: text, language: language.rawValue, options: options)
    }

    /// Occurrences per concept id (what `terms --format summary` prints), without building match records.
    /// On a large text the work is split over the processor's cores (see `counts(in:language:pieces:minimumPiece:)`).
    public func counts(in text: String, language: String? = nil) -> [String: Int] {
        counts(in: text, language: language, pieces: ProcessInfo.processInfo.activeProcessorCount, minimumPiece: 1 << 20)
    }

    /// Counts over up to `pieces` parts of the text scanned in parallel, each at least `minimumPiece` bytes, cut just
    /// after a punctuation character: the scan forgets every partial term there and the tokenizer looks only ahead,
    /// so each part yields exactly the candidates the whole text has in it. Counts are added up; the choices that
    /// may be ambiguous are joined in text order and decided over the whole text, as in one pass.
    func counts(in text: String, language: String?, pieces: Int, minimumPiece: Int) -> [String: Int] {
        var text = text
        return text.withUTF8 { bytes in
            // A String is valid UTF-8 already.
            (try? counts(inUTF8: bytes, language: language, validating: false, pieces: pieces, minimumPiece: minimumPiece)) ?? [:]
        }
    }

    /// `counts(in:language:)` over the bytes of a file not yet checked to be UTF-8: each part is validated by the
    /// worker that then scans it, so a large file is validated on every core and never copied into a String.
    /// Throws the offset of the first invalid byte (as `UTF8Validation` finds it) instead of counting.
    public func counts(inUnvalidatedUTF8 bytes: UnsafeBufferPointer<UInt8>, language: String?) throws(InvalidUTF8) -> [String: Int] {
        try counts(
            inUTF8: bytes, language: language, validating: true, pieces: ProcessInfo.processInfo.activeProcessorCount,
            minimumPiece: 1 << 20)
    }

    /// `counts(in:language:)` over bytes the caller has already checked to be valid UTF-8 (a file read and
    /// validated while the glossary loaded), on every core.
    package func counts(inValidUTF8 bytes: UnsafeBufferPointer<UInt8>, language: String?) -> [String: Int] {
        (try? counts(
            inUTF8: bytes, language: language, validating: false, pieces: ProcessInfo.processInfo.activeProcessorCount,
            minimumPiece: 1 << 20)) ?? [:]
    }

    func counts(
        inUTF8 bytes: UnsafeBufferPointer<UInt8>, language: String?, validating: Bool, pieces: Int, minimumPiece: Int
    ) throws(InvalidUTF8) -> [String: Int] {
        // Cut points follow an ASCII byte, which is never inside a sequence: the text is valid exactly when every
        // part is, and the first invalid part holds the first invalid byte.
        let parts = TermMatcher.pieces(bytes, count: min(pieces, bytes.count / max(1, minimumPiece)))
        var perConcept = [Int](repeating: 0, count: glossary.concepts.count)
        var kept: [Choice] = []
        var lowerCase: Set<Int32> = []
        func add(_ piece: PieceCounts, at offset: Int) {
            for (concept, count) in zip(perConcept.indices, piece.perConcept) { perConcept[concept] += count }
            kept.reserveCapacity(kept.count + piece.kept.count)
            for var choice in piece.kept {
                // Piece-relative byte offsets made whole-text ones (the UTF-16 range, unused here, stays relative).
                choice.candidate.utf8 = (choice.candidate.utf8.lowerBound + offset)..<(choice.candidate.utf8.upperBound + offset)
                kept.append(choice)
            }
            lowerCase.formUnion(piece.lowerCaseConcepts)
        }
        var results: [PieceCounts?] = []
        if parts.count == 1 {
            results = [countPiece(bytes, language: language, validating: validating)]
        } else {
            // The text's bytes are only read while the workers run, and each writes its own slot.
            let shared = UncheckedSendable(bytes)
            let slots = ResultSlots<PieceCounts>(count: parts.count)
            DispatchQueue.concurrentPerform(iterations: parts.count) { [parts] index in
                slots.set(index, self.countPiece(UnsafeBufferPointer(rebasing: shared.value[parts[index]]), language: language, validating: validating))
            }
            results = parts.indices.map { slots.take($0) }
        }
        for (part, piece) in zip(parts, results) {
            guard let piece else { continue }
            if let invalid = piece.invalidOffset { throw InvalidUTF8(byteOffset: part.lowerBound + invalid) }
            add(piece, at: part.lowerBound)
        }
        markAmbiguous(&kept, bytes: bytes, lowerCaseConcepts: lowerCase)
        for choice in kept where !choice.ambiguous {
            perConcept[Int(resolveInfo[Int(choice.pattern)].concept)] += 1
        }
        var counts: [String: Int] = [:]
        for (concept, count) in perConcept.enumerated() where count > 0 { counts[glossary.concepts[concept].id] = count }
        return counts
    }

    /// One part's counts before sentence-initial names are decided: counts per concept index, the choices that may
    /// be ambiguous (byte offsets relative to the part), and the concepts of names seen in lower case.
    struct PieceCounts: Sendable {
        var perConcept: [Int]
        var kept: [Choice]
        var lowerCaseConcepts: Set<Int32>
        /// Validating: where the part's first invalid byte is (nothing else is filled in then).
        var invalidOffset: Int? = nil
    }

    func countPiece(_ bytes: UnsafeBufferPointer<UInt8>, language: String?, validating: Bool = false) -> PieceCounts {
        if validating, let invalid = UTF8Validation.firstInvalidOffset(bytes) {
            return PieceCounts(perConcept: [], kept: [], lowerCaseConcepts: [], invalidOffset: invalid)
        }
        var perConcept = [Int](repeating: 0, count: glossary.concepts.count)
        var kept: [Choice] = []
        var lowerCase: Set<Int32> = []
        perConcept.withUnsafeMutableBufferPointer { buffer in
            let perConcept = buffer
            // Resolved a stretch at a time (each ends where no term can go on, so none depends on the next): on
            // match-rich text the candidates of the whole text would fill hundreds of megabytes. What can still be
            // ambiguous is kept and decided over the whole text at the end.
            func take(_ candidates: [Candidate]) {
                let part = resolveSpans(candidates, language: language, bytes: bytes, options: [], counting: perConcept)
                kept.append(contentsOf: part.chosen)
                lowerCase.formUnion(part.lowerCaseConcepts)
            }
            take(scan(bytes, stretch: take))
        }
        return PieceCounts(perConcept: perConcept, kept: kept, lowerCaseConcepts: lowerCase)
    }

    /// The text cut into up to `count` consecutive ranges near equal sizes, each cut just after an ASCII
    /// punctuation character (a token of its own that ends every partial term, and whose class needs no look-ahead);
    /// a cut with no such character within 64 KB of its place is left out.
    static func pieces(_ bytes: UnsafeBufferPointer<UInt8>, count: Int) -> [Range<Int>] {
        guard count > 1 else { return [0..<bytes.count] }
        var bounds = [0]
        for piece in 1..<count {
            var index = max(bytes.count / count * piece, bounds[bounds.count - 1])
            let limit = min(bytes.count, index + (1 << 16))
            while index < limit {
                // An ASCII byte is a whole character in UTF-8 (never part of another).
                if bytes[index] < 0x80, case .other = TextTokens.classify(bytes, index).0 { break }
                index += 1
            }
            if index < limit && index + 1 < bytes.count { bounds.append(index + 1) }
        }
        bounds.append(bytes.count)
        return zip(bounds, bounds.dropFirst()).compactMap { $0 < $1 ? $0..<$1 : nil }
    }

    /// With `stretch`, candidates are handed over (in resolve's order) whenever all found so far are settled and
    /// at least a few thousand, and only the rest is returned.
    func scan(_ bytes: UnsafeBufferPointer<UInt8>, stretch: (([Candidate]) -> Void)? = nil) -> [Candidate] {
        // The token cache and the scan's working arrays come from the pool and go back to it, so a call on a short
        // string (`tlumach check` calls once per unit) allocates nothing but its result.
        var (cache, active, next, tokenSymbols, computed) = cachePool.borrow()
        defer {
            cache.trim()
            active.removeAll(keepingCapacity: true)
            next.removeAll(keepingCapacity: true)
            tokenSymbols.removeAll(keepingCapacity: true)
            computed.removeAll(keepingCapacity: true)
            cachePool.giveBack((cache, active, next, tokenSymbols, computed))
        }
        var candidates: [Candidate] = []
        // Candidates are put in `resolve`'s order as they come (start ascending, longer first, then as found), so
        // it need not sort millions of them on match-rich text: those from `final` on may still move; any found
        // later starts at a live state's start or at a later token.
        var final = 0
        TextTokens.forEach(bytes: bytes) { token, range8, range16 in
            TermMatcher.settle(&candidates, from: &final, before: active.first?.start8 ?? range8.lowerBound)
            // No live state: every candidate so far ended before this token, and any later one starts after them.
            if let stretch, active.isEmpty, candidates.count >= 4096 {
                stretch(candidates)
                candidates.removeAll(keepingCapacity: true)
                final = 0
            }
            var homoglyph = false
            tokenSymbols.clearIfNeeded()
            switch token {
            case .other:
                active.clearIfNeeded()
                return
            case .hyphen:
                tokenSymbols.append(hyphenSymbol)
            case .word(let hash, let prefix):
                // A Cyrillic word whose prefix no term has cannot match (capitalised words still need their exact
                // keys when the glossary has abbreviations).
                if usePrefixFilter && prefix >= 0 && (prefix & (1 << 30) == 0 || !needsExact) && !prefixFilter.contains(Int(prefix & 0x3FFF_FFFF)) {
                    active.clearIfNeeded()
                    return
                }
                let capital = prefix & (1 << 30) != 0
                // A word of Ukrainian/Russian letters whose exact key is not wanted: keying it from its bytes costs
                // less than the token cache's memory traffic, on a first pass (one CLI run) and on later ones.
                if prefix >= 0 && (!needsExact || !(capital || lowercaseExact)) {
                    // Its one symbol depends on its bytes only: real text repeats a few thousand forms, and the memo
                    // answers those without decoding and stemming them again.
                    if useKeyMemo && range8.count <= WordPrefix.size {
                        let symbol = cache.memoizedCyrillicSymbol(bytes, range8, hash: hash) { word in
                            computed.clearIfNeeded()
                            // Here the word gets its inflection key, and its verbatim key when a term has one: one
                            // symbol, none, or (-2) both, which the path below keys again and keeps.
                            guard self.appendSymbolsForCyrillicWord(word, capital: capital, to: &computed), let first = computed.first else { return -1 }
                            return computed.count == 1 ? first : -2
                        }
                        if symbol == -1 {
                            active.clearIfNeeded()
                            return
                        }
                        if symbol >= 0 {
                            tokenSymbols.append(symbol)
                            break
                        }
                    }
                    computed.clearIfNeeded()
                    if appendSymbolsForCyrillicWord(UnsafeBufferPointer(rebasing: bytes[range8]), capital: capital, to: &computed) {
                        if computed.isEmpty {
                            active.clearIfNeeded()
                            return
                        }
                        tokenSymbols.append(contentsOf: computed)
                        break
                    }
                }
                let entry = cache.lookup(bytes, range8, hash: hash, scratch: &computed) { range, found in
                    let word = UnsafeBufferPointer(rebasing: bytes[range])
                    // A word of Ukrainian/Russian letters (nearly every word) is keyed straight from its bytes.
                    if prefix >= 0 && self.appendSymbolsForCyrillicWord(word, capital: prefix & (1 << 30) != 0, to: &found) {
                        return false
                    }
                    // So is a word of ASCII letters (English text, Latin names).
                    if prefix < 0 && word[0] < 0x80 && self.appendSymbolsForASCIIWord(word, to: &found) { return false }
                    let general = self.symbolsFor(String(decoding: word, as: UTF8.self))
                    found.append(contentsOf: general.symbols)
                    return general.homoglyph
                }
                if entry.count == 0 {
                    active.clearIfNeeded()
                    return
                }
                if entry.count == 1 {
                    tokenSymbols.append(entry.start)
                } else {
                    for index in Int(entry.start)..<(Int(entry.start) + entry.count) { tokenSymbols.append(cache.symbol(at: index)) }
                }
                homoglyph = entry.homoglyph
            }
            next.clearIfNeeded()
            let isHyphen = tokenSymbols.count == 1 && tokenSymbols[0] == hyphenSymbol
            if !isHyphen {
                active.append(Active(node: 0, start8: range8.lowerBound, start16: range16.lowerBound, tokens: 0, kind: .inflect, homoglyph: false))
            }
            for stateIndex in active.indices {
                let state = active[stateIndex]
                for symbol in tokenSymbols {
                    let child: Int32
                    if state.node == 0 {
                        child = rootChildren[Int(symbol)]
                    } else {
                        child = deepTransitions.child(UInt64(UInt32(state.node)) << 32 | UInt64(UInt32(symbol)))
                    }
                    guard child >= 0 else { continue }
                    let symbolKind = symbolKinds[Int(symbol)]
                    let kind = symbolKind == .hyphen ? state.kind : (symbolKind.rawValue > state.kind.rawValue ? symbolKind : state.kind)
                    let advanced = Active(
                        node: child, start8: state.start8, start16: state.start16, tokens: state.tokens + 1, kind: kind,
                        homoglyph: state.homoglyph || homoglyph)
                    // A state that cannot advance is dropped: it would find nothing more, and what was found
                    // still settles in the same order (later candidates start at a live state's start or later).
                    if hasChildren[Int(child)] || !dropFinishedStates { next.append(advanced) }
                    if hasOutput[Int(child)] && !TermMatcher.isGluedToADot(bytes, state.start8..<range8.upperBound) {
                        candidates.append(
                            Candidate(
                                utf8: state.start8..<range8.upperBound, utf16: state.start16..<range16.upperBound,
                                tokens: advanced.tokens, node: child, kind: kind, homoglyph: advanced.homoglyph))
                    }
                }
            }
            swap(&active, &next)
        }
        TermMatcher.settle(&candidates, from: &final, before: Int.max)
        return candidates
    }

    /// Whether the words at `range` are part of a file name, extension or domain rather than the term: a Latin word
    /// right after a dot (engrampa's "Java Web Archive (.war)" is not about war), or any word followed by a dot and a
    /// lower-case Latin letter ("war.log", "kyiv.com"). An ellipsis before a word, or a sentence's full stop, is not.
    @inline(__always)
    static func isGluedToADot(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        let start = range.lowerBound
        if start > 0 && bytes[start - 1] == 0x2E && bytes[start] < 0x80 && (start < 2 || bytes[start - 2] != 0x2E) {
            return true
        }
        let end = range.upperBound
        return end + 1 < bytes.count && bytes[end] == 0x2E && (0x61...0x7A).contains(bytes[end + 1])
    }

    /// `resolve`'s order: start ascending, more tokens first (ties: the order found).
    @inline(__always)
    static func orderKey(_ candidate: Candidate) -> UInt64 {
        UInt64(candidate.utf8.lowerBound) << 16 | UInt64(0xFFFF - min(candidate.tokens, 0xFFFF))
    }

    /// Sorts the unsettled tail (a few candidates; stable insertion sort) and settles those starting before
    /// `threshold`.
    @inline(__always)
    static func settle(_ candidates: inout [Candidate], from final: inout Int, before threshold: Int) {
        let count = candidates.count
        guard final < count else { return }
        if count - final > 1 {
            for index in (final + 1)..<count {
                let moving = candidates[index]
                let key = orderKey(moving)
                var slot = index
                while slot > final && orderKey(candidates[slot - 1]) > key {
                    candidates[slot] = candidates[slot - 1]
                    slot -= 1
                }
                if slot != index { candidates[slot] = moving }
            }
        }
        while final < count && candidates[final].utf8.lowerBound < threshold { final += 1 }
    }

    /// Symbols of a text word (called once per distinct word form; the cache remembers).
    func symbolsFor(_ word: String) -> (symbols: [Int32], homoglyph: Bool) {
        // Exact terms are abbreviations and codes: a word without a capital or digit cannot be one (unless the
        // glossary has lower-case exact terms), so most words skip the confusable skeleton.
        let wantExact = needsExact
            && (lowercaseExact || word.unicodeScalars.contains { $0.properties.isUppercase || ("0"..."9").contains($0) })
        let wordKeys = keys.keys(word, wantExact: wantExact)
        var found: [Int32] = []
        if let symbol = symbols[wordKeys.inflect] { found.append(symbol) }
        if hasVerbatim, let verbatim = wordKeys.verbatim, let symbol = symbols[verbatim], !found.contains(symbol) { found.append(symbol) }
        for exact in wordKeys.exact { if let symbol = symbols[exact], !found.contains(symbol) { found.append(symbol) } }
        if let latin = wordKeys.latin, let symbol = symbols[latin] { found.append(symbol) }
        return (found, wordKeys.homoglyph)
    }

    /// A resolved match: the candidate, the pattern chosen for it, and how it stands among the others.
    struct Choice {
        var candidate: Candidate
        var pattern: Int32
        var nested = false
        var ambiguous = false
    }

    /// Longest wins where terms nest: candidates in order of start, longer first, each taken unless it overlaps one
    /// already taken (a term nested in a longer one starts inside it, so the longer is always seen first); with
    /// `.nested`, overlapping candidates of other concepts are taken too, marked. On one span, one term per concept:
    /// the best by language (uk, en, ru, others) and then status. A name with a capital is not matched by a word in
    /// lower case (`bytes` given); a sentence-initial one that may be an ordinary word is ambiguous, dropped unless
    /// `.ambiguous` is asked for. O(n log n).
    /// With `counting` (and without `.nested`), a choice that cannot be ambiguous (its term needs no capital) is
    /// counted there per concept instead of being returned: on match-rich text the choices would fill hundreds
    /// of megabytes for a count.
    func resolve(
        _ candidates: [Candidate], language: String?, bytes: UnsafeBufferPointer<UInt8>? = nil, options: MatchOptions = [],
        counting: UnsafeMutableBufferPointer<Int>? = nil
    ) -> [Choice] {
        var (chosen, lowerCaseConcepts) = resolveSpans(
            candidates, language: language, bytes: bytes, options: options, counting: counting)
        if let bytes { markAmbiguous(&chosen, bytes: bytes, lowerCaseConcepts: lowerCaseConcepts) }
        if !options.contains(.ambiguous) { chosen.removeAll { $0.ambiguous } }
        if options.contains(.nested) {
            // Text order, a nested match after the match it sits in (stable: ties keep the order chosen).
            chosen = chosen.enumerated().sorted {
                ($0.element.candidate.utf8.lowerBound, $0.element.nested ? 1 : 0, $0.offset)
                    < ($1.element.candidate.utf8.lowerBound, $1.element.nested ? 1 : 0, $1.offset)
            }.map(\.element)
        }
        return chosen
    }

    /// `resolve` up to the ambiguity of sentence-initial names, which needs the whole text: the choices, and the
    /// concepts of names seen written in lower case.
    func resolveSpans(
        _ candidates: [Candidate], language: String?, bytes: UnsafeBufferPointer<UInt8>?, options: MatchOptions,
        counting: UnsafeMutableBufferPointer<Int>?
    ) -> (chosen: [Choice], lowerCaseConcepts: Set<Int32>) {
        guard !candidates.isEmpty else { return ([], []) }
        let counting = options.contains(.nested) ? nil : counting
        // Start ascending, more tokens first, then the order found (the order a stable sort of the candidates gives),
        // packed so the sort compares integers.
        struct Order: Comparable {
            var key: UInt64
            var index: Int
            static func < (a: Order, b: Order) -> Bool { a.key != b.key ? a.key < b.key : a.index < b.index }
        }
        // `scan` gives them in this order already; candidates from elsewhere (tests) are sorted here.
        var inOrder = true
        for index in candidates.indices.dropFirst()
        where TermMatcher.orderKey(candidates[index - 1]) > TermMatcher.orderKey(candidates[index]) {
            inOrder = false
            break
        }
        var order: [Order] = []
        if !inOrder {
            order = candidates.indices.map { index in Order(key: TermMatcher.orderKey(candidates[index]), index: index) }
            order.sort()
        }
        let wanted: [Bool]? = language.map { languageSelections[$0] ?? TermMatcher.selection(of: $0, among: languageIDs) }
        var chosen: [Choice] = []
        var lastEnd = -1
        var currentSpan: Range<Int>? = nil
        var conceptsOnSpan: [Int32] = []
        var best: [(concept: Int32, pattern: Int32)] = []
        // Concepts of names seen written in lower case (evidence that a sentence-initial capital is an ordinary word).
        var lowerCaseConcepts: Set<Int32> = []
        for position in candidates.indices {
            let candidate = candidates[inOrder ? position : order[position].index]
            var nested = false
            if let span = currentSpan, span == candidate.utf8 {
                // Same span as the match just taken: other concepts may claim it too.
            } else if candidate.utf8.lowerBound < lastEnd {
                guard options.contains(.nested) else { continue }
                nested = true
            }
            let node = Int(candidate.node)
            // Counting, and no pattern the node ends needs a capital (nearly every candidate of match-rich text):
            // what the general path below does for it, without its lists (`singleCount`).
            if let counting {
                let single = singleCount[node]
                if single <= -2 {
                    // Several patterns, none needing a capital: what the general path below counts is each concept
                    // with a pattern in a wanted language, once per span (which of its patterns is best does not
                    // change a count).
                    let start = Int(-2 - single)
                    var spanTaken = false
                    for index in (start + 1)..<(start + 1 + Int(countList[start])) {
                        let entry = countList[index]
                        if let wanted, !wanted[Int(entry >> 32)] { continue }
                        if !spanTaken {
                            spanTaken = true
                            if currentSpan != candidate.utf8 {
                                currentSpan = candidate.utf8
                                conceptsOnSpan.clearIfNeeded()
                                lastEnd = candidate.utf8.upperBound
                            }
                        }
                        let concept = Int32(truncatingIfNeeded: entry)
                        if !conceptsOnSpan.contains(concept) {
                            conceptsOnSpan.append(concept)
                            counting[Int(concept)] += 1
                        }
                    }
                    continue
                }
                if single >= 0 {
                    let concept = Int32(truncatingIfNeeded: single)
                    if let wanted, !wanted[Int(single >> 32)] { continue }
                    if currentSpan != candidate.utf8 {
                        currentSpan = candidate.utf8
                        conceptsOnSpan.clearIfNeeded()
                        lastEnd = candidate.utf8.upperBound
                    }
                    if !conceptsOnSpan.contains(concept) {
                        conceptsOnSpan.append(concept)
                        counting[Int(concept)] += 1
                    }
                    continue
                }
            }
            // The best pattern per concept among this node's outputs in the wanted language.
            best.removeAll(keepingCapacity: true)
            for listIndex in Int(outputStart[node])..<Int(outputStart[node + 1]) {
                let pattern = outputList[listIndex]
                let info = resolveInfo[Int(pattern)]
                if let wanted, !wanted[Int(info.languageID)] { continue }
                if info.needsCapital, !options.contains(.anyCase), let bytes,
                    TermMatcher.lowerCaseWhereCapital(bytes[candidate.utf8], patterns[Int(pattern)].capitals)
                {
                    lowerCaseConcepts.insert(info.concept)
                    continue
                }
                if let position = best.firstIndex(where: { $0.concept == info.concept }) {
                    if info.rank < resolveInfo[Int(best[position].pattern)].rank {
                        best[position].pattern = pattern
                    }
                } else {
                    best.append((info.concept, pattern))
                }
            }
            guard !best.isEmpty else { continue }
            if best.count > 1 { best.sort { $0.pattern < $1.pattern } }
            if nested {
                // Inside a longer match: other concepts only, each once per span.
                for entry in best where !conceptsOnSpan.contains(entry.concept) {
                    if chosen.last.map({ $0.nested && $0.candidate.utf8 == candidate.utf8 && patterns[Int($0.pattern)].concept == entry.concept }) == true { continue }
                    chosen.append(Choice(candidate: candidate, pattern: entry.pattern, nested: true))
                }
                continue
            }
            if currentSpan != candidate.utf8 {
                currentSpan = candidate.utf8
                conceptsOnSpan.clearIfNeeded()
                lastEnd = candidate.utf8.upperBound
            }
            for entry in best where !conceptsOnSpan.contains(entry.concept) {
                conceptsOnSpan.append(entry.concept)
                if let counting, !resolveInfo[Int(entry.pattern)].needsCapital {
                    counting[Int(entry.concept)] += 1
                    continue
                }
                chosen.append(Choice(candidate: candidate, pattern: entry.pattern))
            }
        }
        return (chosen, lowerCaseConcepts)
    }

    /// Sentence-initial names that may be ordinary words: the glossary says the name is also a common word, or the
    /// text writes it in lower case elsewhere; a capital inside a sentence elsewhere in the text is evidence of the name.
    private func markAmbiguous(_ chosen: inout [Choice], bytes: UnsafeBufferPointer<UInt8>, lowerCaseConcepts: Set<Int32>) {
        var sentenceInitial: [Int] = []
        var namedInsideSentence: Set<Int32> = []
        for index in chosen.indices {
            let info = patterns[Int(chosen[index].pattern)]
            guard info.needsCapital else { continue }
            // A capital proves nothing at a sentence start or in a word written all in capitals (a heading).
            let range = chosen[index].candidate.utf8
            if TermMatcher.startsSentence(bytes, at: range.lowerBound) || TermMatcher.isAllCapitals(bytes[range]) {
                sentenceInitial.append(index)
            } else {
                namedInsideSentence.insert(info.concept)
            }
        }
        for index in sentenceInitial {
            let info = patterns[Int(chosen[index].pattern)]
            if lowerCaseConcepts.contains(info.concept) || (info.alsoCommonWord && !namedInsideSentence.contains(info.concept)) {
                chosen[index].ambiguous = true
            }
        }
    }

    /// Whether the letters of `surface` are all capitals (two or more of them).
    static func isAllCapitals(_ surface: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        var letters = 0
        var iterator = surface.makeIterator()
        var decoder = UTF8()
        while case .scalarValue(let scalar) = decoder.decode(&iterator) {
            let properties = scalar.properties
            guard properties.isAlphabetic else { continue }
            if properties.isLowercase { return false }
            letters += 1
        }
        return letters >= 2
    }

    /// Per word of a term (hyphens and punctuation left out): whether it starts with a capital.
    static func capitals(of text: String) -> [Bool] {
        patternWords(text).filter { $0 != "-" }.map { $0.unicodeScalars.first?.properties.isUppercase ?? false }
    }

    /// Whether a word of `surface` starts in lower case where the term's word starts with a capital (words paired in
    /// order when the counts agree, else only the first).
    static func lowerCaseWhereCapital(_ surface: Slice<UnsafeBufferPointer<UInt8>>, _ capitals: [Bool]) -> Bool {
        var firstLetters: [Bool] = []  // per word: starts lower case
        var atWordStart = true
        var iterator = surface.makeIterator()
        var decoder = UTF8()
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                let properties = scalar.properties
                if properties.isAlphabetic || properties.numericType != nil || scalar == "'" || scalar == "’" || scalar == "ʼ" {
                    if atWordStart { firstLetters.append(properties.isLowercase) }
                    atWordStart = false
                } else {
                    atWordStart = true
                }
            case .emptyInput, .error: break loop
            }
        }
        guard let first = firstLetters.first, let firstCapital = capitals.first else { return false }
        if firstLetters.count == capitals.count {
            return zip(firstLetters, capitals).contains { $0 && $1 }
        }
        return first && firstCapital
    }

    /// Which language ids a requested language selects: the tag itself and tags it is a prefix of (uk: uk, uk-UA).
    static func selection(of language: String, among languageIDs: [String: Int]) -> [Bool] {
        var selected = [Bool](repeating: false, count: languageIDs.count)
        for (tag, id) in languageIDs where tag == language || tag.hasPrefix(language + "-") { selected[id] = true }
        return selected
    }

    func makeMatch(_ candidate: Candidate, pattern: Int32, bytes: UnsafeBufferPointer<UInt8>) -> TermMatch {
        let info = patterns[Int(pattern)]
        let concept = glossary.concepts[Int(info.concept)]
        let term = concept.terms[info.language]![Int(info.term)]
        let surface = String(decoding: UnsafeBufferPointer(rebasing: bytes[candidate.utf8]), as: UTF8.self)
        let kind: MatchKind
        if surface == term.text {
            kind = .exact
        } else if candidate.kind == .exact && !candidate.homoglyph
            && (surface.hasPrefix(term.text) || candidate.tokens > 1 || term.forms.contains(surface))
        {
            kind = .inflection  // POWs for POW; світовій, one of світова's own forms
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

extension Array {
    /// `removeAll(keepingCapacity: true)` for the scan's short arrays (a few elements): `removeLast` is inlined,
    /// where `removeAll` is a generic call (`replaceSubrange`) made for nearly every token of a text.
    @inline(__always)
    mutating func clearIfNeeded() {
        while !isEmpty { removeLast() }
    }
}

/// Reusable token caches (raw word bytes → symbols) and scan arrays, one set per concurrent scan.
final class CachePool: Sendable {
    // A borrowed cache is used by one thread until given back.
    typealias Scan = (
        cache: TokenCache, active: [TermMatcher.Active], next: [TermMatcher.Active], tokenSymbols: [Int32], computed: [Int32]
    )
    private let idle = Mutex<[Scan]>([])

    func borrow() -> Scan {
        if let scan = idle.withLock({ $0.popLast() }) { return scan }
        var tokenSymbols: [Int32] = []
        tokenSymbols.reserveCapacity(8)
        var computed: [Int32] = []
        computed.reserveCapacity(8)
        return (TokenCache(), [], [], tokenSymbols, computed)
    }

    func giveBack(_ scan: Scan) {
        idle.withLock { idle in
            if idle.count < 8 { idle.append(scan) }
        }
    }
}

/// An open-addressing table from a word's UTF-8 bytes to its symbols, so each distinct form is folded and stemmed
/// once. Grows to `maximumEntries` distinct words, then keeps computing misses without storing them. A value type,
/// so the scan loop owns it outright (no dynamic exclusivity checks on the hot path).
struct TokenCache {
    struct Slot {
        /// The word's first 32 bytes (zero-padded): nearly all words compare without touching `keyBytes`.
        var prefix: WordPrefix
        var length: Int32
        var keyStart: Int32
        /// The symbol itself when the word has one (most do), else where its symbols start in `symbolStore`.
        var symbolStart: Int32
        var symbolCount: Int16
        var homoglyph: Bool
        /// Lookups so far (saturating): only words seen twice enter the hot cache, so rare words cannot evict
        /// frequent ones.
        var hits: UInt8 = 0
    }

    /// A small direct-mapped cache of recently seen words in front of the big table: natural text repeats a few
    /// thousand forms most of the time, and these stay in the CPU cache (the big table does not).
    /// Carries the word's symbols itself (48 bytes), so a hit reads nothing else.
    struct Hot {
        var prefix = WordPrefix()
        var hash: UInt32 = 0
        var length: UInt16 = 0  // 0 is empty
        var symbolCount: UInt8 = 0
        var homoglyph = false
        var symbolStart: Int32 = 0
    }
    private var hot: [Hot] = Array(repeating: Hot(), count: 1 << 16)

    /// Direct-mapped memo of the one symbol (or -1) of Cyrillic words of up to 32 bytes keyed without exact keys:
    /// small enough (4,096 words, 192 KB) to stay in the processor's cache, unlike `hot`.
    struct MemoEntry {
        var prefix = WordPrefix()
        var hash: UInt32 = 0
        var symbol: Int32 = -1
        var length: UInt8 = 0  // 0 is empty
    }
    private var memo: [MemoEntry] = Array(repeating: MemoEntry(), count: 1 << 12)

    /// The symbol of the Cyrillic word at `range` (at most `WordPrefix.size` bytes), from the memo or from `compute`.
    @inline(__always)
    mutating func memoizedCyrillicSymbol(
        _ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, hash: UInt32, compute: (UnsafeBufferPointer<UInt8>) -> Int32
    ) -> Int32 {
        let length = range.count
        let prefix = TokenCache.prefix(bytes.baseAddress! + range.lowerBound, length)
        let index = Int(truncatingIfNeeded: hash ^ (hash >> 12)) & (memo.count - 1)
        return memo.withUnsafeMutableBufferPointer { memo in
            let entry = memo[index]
            if entry.hash == hash && Int(entry.length) == length && entry.prefix == prefix { return entry.symbol }
            let symbol = compute(UnsafeBufferPointer(rebasing: bytes[range]))
            memo[index] = MemoEntry(prefix: prefix, hash: hash, symbol: symbol, length: UInt8(length))
            return symbol
        }
    }

    /// Open addressing: hash << 32 | (slot index + 1); 0 is empty. Probes compare hashes without touching slots.
    private var table: [UInt64]
    private var shift: UInt64
    private var slots: [Slot] = []
    private var keyBytes: [UInt8] = []
    /// Symbols of words that have more than one.
    private var symbolStore: [Int32] = []
    /// `symbolStore` up to here belongs to remembered words; `trim` drops the rest.
    private var rememberedSymbols = 0
    static let maximumEntries = 1 << 21

    init() {
        table = Array(repeating: 0, count: 1 << 14)
        shift = 64 - 14
    }

    /// Fibonacci hashing spreads FNV's weak low bits over the table.
    @inline(__always)
    private func home(_ hash: UInt32) -> Int {
        Int(truncatingIfNeeded: (UInt64(hash) &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    /// Up to `WordPrefix.size` bytes of a word, zero-padded.
    @inline(__always)
    static func prefix(_ base: UnsafePointer<UInt8>, _ length: Int) -> WordPrefix {
        var prefix = WordPrefix()
        withUnsafeMutableBytes(of: &prefix) { buffer in
            buffer.baseAddress!.copyMemory(from: base, byteCount: min(length, WordPrefix.size))
        }
        return prefix
    }

    /// The symbols of the word at `range`: with `count` 1, `start` is the symbol; with more, where they start
    /// (`symbol(at:)`). `compute` runs on a miss.
    @inline(__always)
    mutating func lookup(
        _ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, hash: UInt32, scratch: inout [Int32],
        compute: (Range<Int>, inout [Int32]) -> Bool
    ) -> (start: Int32, count: Int, homoglyph: Bool) {
        let length = range.count
        let base = bytes.baseAddress! + range.lowerBound
        let prefix = TokenCache.prefix(base, length)
        let hotIndex = Int(truncatingIfNeeded: hash ^ (hash >> 13)) & (hot.count - 1)
        if length <= WordPrefix.size {
            let entry = hot[hotIndex]
            if entry.hash == hash && Int(entry.length) == length && entry.prefix == prefix {
                return (entry.symbolStart, Int(entry.symbolCount), entry.homoglyph)
            }
        }
        return lookupTable(bytes, range, hash: hash, prefix: prefix, hotIndex: hotIndex, scratch: &scratch, compute: compute)
    }

    /// `lookup` past the hot cache (kept out of line so the hot path inlines into the scan loop).
    @inline(never)
    private mutating func lookupTable(
        _ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, hash: UInt32, prefix: WordPrefix, hotIndex: Int,
        scratch: inout [Int32], compute: (Range<Int>, inout [Int32]) -> Bool
    ) -> (start: Int32, count: Int, homoglyph: Bool) {
        let length = range.count
        let base = bytes.baseAddress! + range.lowerBound
        let mask = table.count - 1
        var position = home(hash)
        let tag = UInt64(hash) << 32
        let found: Int? = table.withUnsafeBufferPointer { table in
            slots.withUnsafeBufferPointer { slots in
                while true {
                    let entry = table[position]
                    if entry == 0 { return nil }
                    if entry & 0xFFFF_FFFF_0000_0000 == tag {
                        let index = Int(entry & 0xFFFF_FFFF) - 1
                        let slot = slots[index]
                        if Int(slot.length) == length && slot.prefix == prefix {
                            if length <= WordPrefix.size { return index }
                            let same = keyBytes.withUnsafeBufferPointer { stored in
                                memcmp(
                                    stored.baseAddress! + Int(slot.keyStart) + WordPrefix.size, base + WordPrefix.size,
                                    length - WordPrefix.size) == 0
                            }
                            if same { return index }
                        }
                    }
                    position = (position + 1) & mask
                }
            }
        }
        if let found {
            if slots[found].hits < 255 { slots[found].hits += 1 }
            let slot = slots[found]
            if length <= WordPrefix.size && slot.hits >= 2 && slot.symbolCount <= Int16(UInt8.max) {
                hot[hotIndex] = Hot(
                    prefix: prefix, hash: hash, length: UInt16(length),
                    symbolCount: UInt8(slot.symbolCount), homoglyph: slot.homoglyph, symbolStart: slot.symbolStart)
            }
            return (slot.symbolStart, Int(slot.symbolCount), slot.homoglyph)
        }
        scratch.removeAll(keepingCapacity: true)
        let homoglyph = compute(range, &scratch)
        let symbolStart: Int32
        if scratch.count == 1 {
            symbolStart = scratch[0]
        } else {
            symbolStart = Int32(symbolStore.count)
            symbolStore.append(contentsOf: scratch)
        }
        guard slots.count < TokenCache.maximumEntries else {
            // Full: answer without remembering the word (`trim` drops its stored symbols after the scan).
            return (symbolStart, scratch.count, homoglyph)
        }
        rememberedSymbols = symbolStore.count
        table[position] = tag | UInt64(slots.count + 1)
        slots.append(
            Slot(
                prefix: prefix, length: Int32(length), keyStart: Int32(keyBytes.count),
                symbolStart: symbolStart, symbolCount: Int16(scratch.count),
                homoglyph: homoglyph))
        if length > WordPrefix.size { keyBytes.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[range])) }
        if slots.count * 2 > table.count { grow() }
        return (symbolStart, scratch.count, homoglyph)
    }

    @inline(__always)
    func symbol(at index: Int) -> Int32 { symbolStore[index] }

    /// Drops symbols appended for words that were not remembered (cache full), so the store cannot grow forever.
    mutating func trim() {
        if symbolStore.count > rememberedSymbols { symbolStore.removeSubrange(rememberedSymbols...) }
    }

    private mutating func grow() {
        let size = table.count * 2
        let old = table
        table = Array(repeating: 0, count: size)
        shift -= 1
        let mask = size - 1
        for entry in old where entry != 0 {
            var position = home(UInt32(entry >> 32))
            while table[position] != 0 { position = (position + 1) & mask }
            table[position] = entry
        }
    }
}

/// A read-only map from a trie edge (node << 32 | symbol, node > 0) to the child node: open addressing, linear
/// probing, each key next to its value so a lookup touches one cache line.
struct TransitionTable: Sendable {
    struct Entry: Sendable {
        var key: UInt64
        var child: Int32
    }
    /// `UInt64.max` marks an empty entry (no node reaches 2^32 - 1).
    private let entries: [Entry]
    private let shift: UInt64
    private let mask: Int

    init(_ edges: [(UInt64, Int32)]) {
        var bits: UInt64 = 4
        while (1 << bits) < edges.count * 2 { bits += 1 }
        let size = 1 << Int(bits)
        shift = 64 - bits
        mask = size - 1
        var entries = [Entry](repeating: Entry(key: .max, child: -1), count: size)
        for (key, child) in edges {
            var position = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> (64 - bits))
            while entries[position].key != .max { position = (position + 1) & (size - 1) }
            entries[position] = Entry(key: key, child: child)
        }
        self.entries = entries
    }

    /// The child along `key`, or -1.
    @inline(__always)
    func child(_ key: UInt64) -> Int32 {
        var position = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
        while true {
            let entry = entries[position]
            if entry.key == key { return entry.child }
            if entry.key == .max { return -1 }
            position = (position + 1) & mask
        }
    }
}

/// A word's first 32 bytes (16 Cyrillic letters), zero-padded, compared as four integers.
struct WordPrefix: Equatable {
    var a: UInt64 = 0
    var b: UInt64 = 0
    var c: UInt64 = 0
    var d: UInt64 = 0
    static let size = 32

    @inline(__always)
    static func == (x: WordPrefix, y: WordPrefix) -> Bool {
        // Non-short-circuit: one branch instead of four.
        ((x.a ^ y.a) | (x.b ^ y.b) | (x.c ^ y.c) | (x.d ^ y.d)) == 0
    }
}
