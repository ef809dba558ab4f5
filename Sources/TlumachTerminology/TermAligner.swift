import Foundation
import TlumachCore
import TlumachTranslit

/// What a proposed pair is.
public enum TermKind: String, Sendable, Hashable, Codable {
    case term, name, abbreviation
}

/// One proposed translation of a term.
public struct TermCandidate: Sendable, Hashable {
    public var text: String
    /// 0…1, higher is better.
    public var score: Double
    /// Units where the pair was found.
    public var count: Int
    public var examples: [String]
    public var kind: TermKind
}

/// One proposed glossary entry.
public struct TermPair: Sendable, Hashable {
    public var source: String
    public var target: String
    public var score: Double
    public var count: Int
    public var kind: TermKind
    public var examples: [String]
    /// The abbreviation this full form is defined with ("full form (ABBR)"), source and target, when known.
    public var abbreviation: (source: String, target: String)? {
        get { abbreviationSource.map { ($0, abbreviationTarget ?? "") } }
        set {
            abbreviationSource = newValue?.source
            abbreviationTarget = newValue?.target
        }
    }
    var abbreviationSource: String?
    var abbreviationTarget: String?

    public init(source: String, target: String, score: Double, count: Int, kind: TermKind, examples: [String]) {
        self.source = source
        self.target = target
        self.score = score
        self.count = count
        self.kind = kind
        self.examples = examples
    }
}

/// The method's switches; every one is on by default. The evaluation turns them off one at a time (ablations).
public struct TerminologyFeatures: Sendable, Hashable {
    /// Candidates from EM word alignment (IBM Model 1 both ways, symmetrised): otherwise co-occurrence alone.
    public var alignment = true
    /// Dice co-occurrence in the score.
    public var dice = true
    /// The co-occurrence measure beside the aligned share: Dice, or Dunning's log-likelihood ratio (G²) normalised
    /// by the term's own entropy (see `Association.normalizedLogLikelihood`).
    public var association = Association.dice
    /// Names matched through the transliteration Latin key.
    public var names = true
    /// Abbreviations: "full form (ABBR)" definitions and letter transliteration.
    public var abbreviations = true
    /// Show a Ukrainian candidate in its dictionary form.
    public var dictionaryForm = true
    /// Diagonal position prior and grow-diag symmetrisation in the word aligner.
    public var positionPrior = true
    public var symmetrise = true
    /// `extract` leaves out message phrases (a verb form, an auxiliary, a pronoun, a message adverb on either
    /// side: "requires at least" → "потребує принаймні"); see `TermHood`.
    public var termhood = true
    /// `suggest` reads only the units that write the query's own words up to a plural or possessive ending, not
    /// other words of the same stem (settings, not set; accessibility, not access).
    public var inflections = true
    /// `suggest`: when the query is an ordinary word (one the corpus writes in lower case and there translates),
    /// an occurrence aligned to a span left in the query's script (Desktop inside "Logitech Cordless Desktop")
    /// is not evidence of its translation, and the query is not matched as a name.
    public var ordinaryWords = true
    /// `suggest`: where the query stands alone as a whole unit (a UI label: "Keys", "Info"), the translations
    /// those units give as a whole weigh half of the score, and their spelling is the one shown; the words of a
    /// label are translated as a label (Клавіші, Інформація), not as the word or case the same word takes inside
    /// sentences (ключі of PNG chunks, Інфо of a table header). See `LabelUnit`.
    public var wholeUnits = true
    /// `suggest`: a candidate whose grammatical form disagrees with the query's (the bare label "Run" against a
    /// tooltip's finite verb "Запускає", the plural "Items" against the singular "елементу") scores less, by word
    /// endings that are data (`Data/form-agreement.txt`). See `FormAgreement`.
    public var formAgreement = true

    public init() {}
}

/// Co-occurrence measures of a source term and a target candidate over the units of a corpus.
public enum Association: String, Sendable, Hashable, CaseIterable {
    case dice
    case logLikelihood = "llr"

    /// 2·together / (termUnits + candidateUnits).
    static func dice(together: Int, termUnits: Int, candidateUnits: Int) -> Double {
        let sum = termUnits + candidateUnits
        return sum == 0 ? 0 : 2 * Double(together) / Double(sum)
    }

    /// Dunning's G² over the 2×2 table of units (term × candidate), divided by its largest possible value for the
    /// term's own count (2·N·H(term): the candidate occurs exactly where the term does), so 0…1 like Dice; 0 when
    /// the candidate occurs less often with the term than without it (negative association).
    static func normalizedLogLikelihood(together: Int, termUnits: Int, candidateUnits: Int, units: Int) -> Double {
        let n = Double(units)
        let k11 = Double(together)
        let k12 = Double(termUnits - together)
        let k21 = Double(candidateUnits - together)
        let k22 = n - k11 - k12 - k21
        guard n > 0, termUnits > 0, termUnits < units, k12 >= 0, k21 >= 0, k22 >= 0 else { return 0 }
        // Negative or no association scores nothing.
        guard k11 / Double(termUnits) > k21 / (n - Double(termUnits)) else { return 0 }
        func xlogx(_ x: Double) -> Double { x > 0 ? x * log(x) : 0 }
        // G² = 2·(Σ k log k − Σ rows log rows − Σ columns log columns + N log N).
        let cells = xlogx(k11) + xlogx(k12) + xlogx(k21) + xlogx(k22)
        let rows = xlogx(k11 + k12) + xlogx(k21 + k22)
        let columns = xlogx(k11 + k21) + xlogx(k12 + k22)
        let g2 = 2 * (cells - rows - columns + xlogx(n))
        let p = Double(termUnits) / n
        let entropy = -(xlogx(p) + xlogx(1 - p))  // nats, per unit
        guard entropy > 0 else { return 0 }
        return min(1, max(0, g2 / (2 * n * entropy)))
    }
}

/// Proposes translations of terms from a bilingual corpus (see docs/terminology-alignment.md).
/// Not Sendable: its caches fill as it is asked (one aligner per thread).
public final class TermAligner {
    let corpus: TermCorpus
    let aligner: WordAligner?
    let features: TerminologyFeatures
    private let transliterator: SchemeTransliterator?
    private var linkCache: [Int: [(Int, Int)]] = [:]
    /// How often each word (lower-cased) is written with a capital and in lower case inside a unit, not first and
    /// not after punctuation, per side, units in Title Case left out: a heading's "Additional Resources" is not how
    /// the corpus writes "resources".
    private lazy var sourceInnerCasing = Self.innerCasing(corpus.source, titleUnits: sourceTitleUnits)
    private lazy var targetInnerCasing = Self.innerCasing(corpus.target, titleUnits: targetTitleUnits)
    private lazy var sourceTitleUnits = Self.titleCaseUnits(corpus.source)
    private lazy var targetTitleUnits = Self.titleCaseUnits(corpus.target)
    private var targetCountCache: [Gram: Int] = [:]
    private var nameKeyCache: [String: String] = [:]
    /// At most this many example unit ids per candidate.
    public var exampleLimit = 3

    public init(pairs: [TermPairInput], features: TerminologyFeatures = TerminologyFeatures()) {
        self.corpus = TermCorpus(pairs)
        self.features = features
        var settings = WordAligner.Settings()
        if !features.positionPrior { settings.diagonal = 0 }
        settings.symmetrise = features.symmetrise
        self.aligner = features.alignment ? WordAligner(corpus: corpus, settings: settings) : nil
        self.transliterator = try? SchemeTransliterator(scheme: .kmu2010)
    }

    /// Steps of the word aligner's training (for the linearity test).
    package var alignmentSteps: Int { aligner?.steps ?? 0 }

    public var unitCount: Int { corpus.unitCount }

    // MARK: - Query mode

    /// Likely translations of `term` (a source-language term), best first.
    public func suggest(_ term: String, limit: Int = 5) -> [TermCandidate] {
        guard let sequence = corpus.source.sequence(of: term) else { return [] }
        let queryTokens = TermTokenizer.tokenize(term)
        var occurrences = corpus.source.occurrences(of: sequence)
        guard !occurrences.isEmpty else { return [] }
        // The stemmer folds derivations together (settings and set, accessibility and access, computer and
        // compute): read only the units that write the query's own words, when some do and some do not.
        if features.inflections {
            let own = occurrences.filter { occurrence in
                zip(queryTokens, corpus.source.tokens[occurrence.position..<(occurrence.position + queryTokens.count)])
                    .allSatisfy { Self.sameWordUpToInflection(query: $0.surface, $1.surface) }
            }
            if !own.isEmpty && own.count < occurrences.count { occurrences = own }
        }
        // A capitalised one-word query that the corpus also writes in lower case is, there, another word (March
        // the month, -march the compiler option; May, may): read only the units that write it with its capital.
        if queryTokens.count == 1, let query = queryTokens.first, query.isCapitalized, !query.isAllCaps {
            let capitalised = occurrences.filter { corpus.source.tokens[$0.position].isCapitalized }
            if !capitalised.isEmpty && capitalised.count < occurrences.count { occurrences = capitalised }
        }
        let ordinary = features.ordinaryWords && isOrdinaryWord(sequence, queryTokens)
        var scored = score(
            sequence: sequence, queryTokens: queryTokens, occurrences: occurrences, fallback: true, keep: limit,
            ordinary: ordinary, labels: features.wholeUnits, forms: features.formAgreement)
        scored.sort(by: Self.ranking)
        return Array(scored.prefix(limit))
    }

    /// A word of the corpus that writes the query's word up to a plural or possessive ending (English: setting,
    /// settings, setting's; category, categories). The singular -ing of a plural query is left out: it is also
    /// the verb's form ("Setting up" for Settings). Words in Cyrillic always agree here: the stemmer is their
    /// inflection.
    static func sameWordUpToInflection(query a: String, _ b: String) -> Bool {
        func bare(_ word: String) -> String {
            var lower = word.lowercased().replacingOccurrences(of: "\u{2019}", with: "'")
            if lower.hasSuffix("'s") { lower.removeLast(2) } else if lower.hasSuffix("s'") { lower.removeLast() }
            return lower
        }
        let x = bare(a)
        let y = bare(b)
        if x == y || x.unicodeScalars.contains(where: { (0x0400...0x052F).contains($0.value) }) { return true }
        let (short, long) = x.count <= y.count ? (x, y) : (y, x)
        if short == y && short.hasSuffix("ing") { return false }
        let stem = short.hasSuffix("y") && !long.hasPrefix(short) ? String(short.dropLast()) : short
        guard long.hasPrefix(stem) else { return false }
        let ending = long.dropFirst(stem.count)
        return ending == "s" || ending == "es" || (stem.count < short.count && ending == "ies")
    }

    /// Is the query an ordinary word of its language, not a name or code word? Every content word of it is
    /// written in lower case in some units, and in most of those the target does not keep it as written (it is
    /// translated there: desktop, power, windows; python, gtk and unicode are kept, so they are not).
    private func isOrdinaryWord(_ sequence: [Int32], _ queryTokens: [TermToken]) -> Bool {
        guard !queryTokens.isEmpty, queryTokens.contains(where: { !$0.isFunction }) else { return false }
        for (id, query) in zip(sequence, queryTokens) where !query.isFunction {
            if query.isAllCaps { return false }
            var lower = 0
            var kept = 0
            for (unit, position) in corpus.source.occurrences(of: [id]).prefix(400) {
                let token = corpus.source.tokens[position]
                guard !token.isCapitalized, !token.isAllCaps else { continue }
                lower += 1
                let written = token.surface.lowercased()
                if corpus.target.tokens[corpus.target.range(unit)].contains(where: { $0.surface.lowercased() == written }) {
                    kept += 1
                }
            }
            if lower == 0 || 2 * kept >= lower { return false }
        }
        return true
    }

    /// The script the target side is written in (true: Cyrillic): most of its units have a word in Cyrillic
    /// (counted by units, not words: names kept in Latin letters fill whole units of a Ukrainian catalog).
    private lazy var targetIsCyrillic: Bool = {
        var cyrillic = 0
        for unit in 0..<corpus.unitCount where corpus.target.tokens[corpus.target.range(unit)].contains(where: \.isCyrillic) {
            cyrillic += 1
        }
        return 2 * cyrillic > corpus.unitCount
    }()

    static func ranking(_ lhs: TermCandidate, _ rhs: TermCandidate) -> Bool {
        if lhs.score != rhs.score { return lhs.score > rhs.score }
        if lhs.count != rhs.count { return lhs.count > rhs.count }
        return lhs.text < rhs.text
    }

    private struct Evidence {
        var aligned = 0
        var units: [Int] = []
        /// The target span of each recorded unit (parallel to `units`); spellings are counted from these only for
        /// the candidates that are shown (`forms(of:)`), not for every co-occurring n-gram.
        var spans: [Range<Int>] = []
    }

    struct FormCount {
        var total = 0
        var capitalizedInside = 0
        var lowerInside = 0
        /// With its capital inside a unit that is not in Title Case (a sentence, not a heading).
        var capitalizedInSentence = 0
    }

    private func links(_ unit: Int) -> [(Int, Int)] {
        if let cached = linkCache[unit] { return cached }
        let result = aligner?.links(unit: unit, corpus: corpus) ?? []
        linkCache[unit] = result
        return result
    }

    /// Units whose target contains the gram.
    private func targetCount(_ gram: Gram) -> Int {
        if let cached = targetCountCache[gram] { return cached }
        let count = corpus.target.occurrences(of: gram.ids).count
        targetCountCache[gram] = count
        return count
    }

    /// The target span aligned with source words `first..<end` of `unit`, as flattened target indices, and
    /// whether a word of it is also linked to source words outside the term (the term is then part of a larger
    /// unit of translation: Crimean Tatar → кримськотатарська).
    private func alignedSpan(unit: Int, first: Int, end: Int) -> (span: Range<Int>, shared: Bool)? {
        let sourceBase = corpus.source.start[unit]
        let targetBase = corpus.target.start[unit]
        let rows = (first - sourceBase)..<(end - sourceBase)
        let unitLinks = links(unit)
        var low = Int.max
        var high = -1
        for (row, column) in unitLinks where rows.contains(row) {
            low = min(low, column)
            high = max(high, column)
        }
        guard high >= 0 else { return nil }
        // Consistency: a target word inside the span must not be linked only outside the source term.
        var shared = false
        for column in low...high {
            let rowsOfColumn = unitLinks.filter { $0.1 == column }.map(\.0)
            if !rowsOfColumn.isEmpty && !rowsOfColumn.contains(where: { rows.contains($0) }) { return nil }
            if rowsOfColumn.contains(where: { !rows.contains($0) }) { shared = true }
        }
        var a = targetBase + low
        var b = targetBase + high
        let side = corpus.target
        // "не" linked into the term (the span starts with it) stays: не містить, не вдалося відкрити.
        while a <= b && side.tokens[a].isFunction && !side.startsWithNegation(a, b + 1) { a += 1 }
        while b >= a && side.tokens[b].isFunction { b -= 1 }
        // A number the source term has, right after the span, ends it (PowerPoint 2007 presentation → презентація
        // PowerPoint 2007, not презентація PowerPoint: numbers count as function words, trimmed from the ends).
        var numberEnd = false
        if a <= b, b + 1 < targetBase + high + 1, Self.isNumber(side.tokens[b + 1].surface),
            !side.tokens[b + 1].breakBefore,
            corpus.source.tokens[first..<end].contains(where: { $0.surface == side.tokens[b + 1].surface })
        {
            b += 1
            numberEnd = true
        }
        // A "не" right before the span belongs to it unless the source says a negation outside the term ("does not
        // contain" for "contain"): without it the pair says the opposite (architecture independent → не залежні
        // від архітектури: an adjective's in- or un- has no word of its own for the alignment to link "не" to, which
        // it then links to any other word).
        if a <= b, a > targetBase, side.tokens[a - 1].isNegation, !side.tokens[a].isFunction,
            !side.tokens[a].breakBefore, !sourceNegates(unit: unit, outside: rows)
        {
            a -= 1
        }
        guard a <= b, side.isTermLike(a, b + 1, numberEnd: numberEnd) else { return nil }
        return (a..<(b + 1), shared)
    }

    static func isNumber(_ word: String) -> Bool {
        !word.isEmpty && word.unicodeScalars.allSatisfy { ("0"..."9").contains($0) }
    }

    /// Whether the unit's source has a negation word outside the term's words (relative positions `rows`).
    private func sourceNegates(unit: Int, outside rows: Range<Int>) -> Bool {
        let side = corpus.source
        let base = side.start[unit]
        for index in side.range(unit) where !rows.contains(index - base) {
            let word = side.tokens[index].surface.lowercased()
            if Self.negations.contains(word) || word.hasSuffix("n't") || word.hasSuffix("n’t") { return true }
        }
        return false
    }

    /// Data/negations.txt.
    private static let negations = TermData.lines(TermData.text("negations"))

    private func record(_ evidence: inout Evidence, unit: Int, span: Range<Int>, aligned: Bool) {
        if aligned { evidence.aligned += 1 }
        evidence.units.append(unit)
        evidence.spans.append(span)
    }

    /// The spellings of a candidate's recorded spans, with where they stand (for its display form).
    private func forms(of evidence: Evidence) -> [String: FormCount] {
        var forms: [String: FormCount] = [:]
        for (unit, span) in zip(evidence.units, evidence.spans) {
            let tokens = corpus.target.tokens[span]
            guard let first = tokens.first else { continue }
            let surface = tokens.map(\.surface).joined(separator: " ")
            var form = forms[surface] ?? FormCount()
            form.total += 1
            if span.lowerBound > corpus.target.start[unit] && !first.breakBefore {
                if first.isCapitalized { form.capitalizedInside += 1 } else { form.lowerInside += 1 }
            }
            if first.isCapitalized && span.lowerBound > corpus.target.start[unit] && !targetTitleUnits[unit] {
                form.capitalizedInSentence += 1
            }
            forms[surface] = form
        }
        return forms
    }

    /// Candidates for one source stem sequence at its occurrences (each unit once).
    private func score(
        sequence: [Int32], queryTokens: [TermToken], occurrences: [(unit: Int, position: Int)], fallback: Bool,
        keep: Int = Int.max, ordinary: Bool = false, labels: Bool = false, forms agreement: Bool = false
    ) -> [TermCandidate] {
        var evidence: [Gram: Evidence] = [:]
        let allOccurrences = occurrences
        var occurrences = occurrences
        if aligner != nil {
            var spans: [(unit: Int, span: Range<Int>?, shared: Bool)] = occurrences.map { unit, position in
                let found = alignedSpan(unit: unit, first: position, end: position + sequence.count)
                return (unit, found?.span, found?.shared ?? false)
            }
            // An ordinary word (see `isOrdinaryWord`) whose aligned span is left in its own script, where the
            // target is written in another, stands inside a name or code word kept as written (Desktop in
            // "Logitech Cordless Desktop"): that occurrence says nothing about its translation. Left out of the
            // aligned evidence and, unless no occurrence would be left, of its share; it still counts for Dice.
            if ordinary, let script = queryTokens.first?.isCyrillic, script != targetIsCyrillic {
                let copied = Set(spans.filter { item in
                    guard let span = item.span else { return false }
                    return corpus.target.tokens[span].allSatisfy { $0.isCyrillic == script }
                }.map(\.unit))
                if !copied.isEmpty {
                    spans.removeAll { copied.contains($0.unit) }
                    if copied.count < Set(occurrences.map(\.unit)).count { occurrences.removeAll { copied.contains($0.unit) } }
                }
            }
            // Where the term also translates on its own, occurrences inside a larger unit of translation say
            // nothing about its own translation: leave them out of the aligned evidence and its share (they still
            // give co-occurrence candidates and count for Dice: Northern Saami (Sweden) → Північно-саамська
            // (Швеція) is the only unit with the gold, and its span is shared).
            if spans.contains(where: { $0.span != nil && !$0.shared }) && spans.contains(where: \.shared) {
                let kept = Set(spans.filter { !$0.shared }.map(\.unit))
                spans.removeAll { $0.shared }
                occurrences.removeAll { !kept.contains($0.unit) }
            }
            for item in spans {
                guard let span = item.span else { continue }
                let gram = Gram(corpus.target.ids[span])
                record(&evidence[gram, default: Evidence()], unit: item.unit, span: span, aligned: true)
            }
        }
        if fallback || aligner == nil {
            // Co-occurring term-like target n-grams (up to three words) fill the list and feed Dice.
            var seen: [Gram: Range<Int>] = [:]
            var perUnit: [(Int, [Gram: Range<Int>])] = []
            for (unit, _) in allOccurrences {
                seen.removeAll(keepingCapacity: true)
                let range = corpus.target.range(unit)
                for first in range {
                    for length in 1...3 where first + length <= range.upperBound {
                        guard corpus.target.isTermLike(first, first + length) else { continue }
                        let gram = Gram(corpus.target.ids[first..<(first + length)])
                        if seen[gram] == nil { seen[gram] = first..<(first + length) }
                    }
                }
                perUnit.append((unit, seen))
            }
            // An ordinary word's co-occurring spans left in its script are the names around it (see above).
            let copiedScript: Bool? = ordinary && queryTokens.first?.isCyrillic != targetIsCyrillic
                ? queryTokens.first?.isCyrillic : nil
            for (unit, grams) in perUnit {
                for (gram, span) in grams where evidence[gram] == nil || evidence[gram]!.aligned == 0 {
                    if let script = copiedScript, corpus.target.tokens[span].allSatisfy({ $0.isCyrillic == script }) {
                        continue
                    }
                    record(&evidence[gram, default: Evidence()], unit: unit, span: span, aligned: false)
                }
            }
        }
        // The units where the query stands alone as a whole label, and what their targets say as a whole.
        var labelUnits = 0
        var labelTargets: [Gram: Int] = [:]
        var labelSpellings: [Gram: [String: Int]] = [:]
        if labels {
            for (unit, position) in allOccurrences {
                guard LabelUnit.isWhole(side: corpus.source, unit: unit, position: position, length: sequence.count),
                    LabelUnit.writes(queryTokens, corpus.source.tokens[corpus.source.range(unit)]),
                    LabelUnit.isLabel(corpus.sourceTexts[unit])
                else { continue }
                // A label left as written (a usage line's COMMAND, a name) says nothing about a translation.
                let range = corpus.target.range(unit)
                let sourceWords = corpus.source.tokens[corpus.source.range(unit)].map { $0.surface.lowercased() }
                if corpus.target.tokens[range].map({ $0.surface.lowercased() }) == sourceWords { continue }
                labelUnits += 1
                guard range.count <= max(sequence.count, 1) + 2, corpus.target.isTermLike(range.lowerBound, range.upperBound),
                    LabelUnit.isLabel(corpus.targetTexts[unit])
                else { continue }
                let gram = Gram(corpus.target.ids[range])
                labelTargets[gram, default: 0] += 1
                labelSpellings[gram, default: [:]][corpus.target.tokens[range].map(\.surface).joined(separator: " "), default: 0] += 1
                if evidence[gram] == nil { record(&evidence[gram, default: Evidence()], unit: unit, span: range, aligned: false) }
            }
        }
        let total = Double(occurrences.count)
        let occurrenceUnits = allOccurrences.map(\.unit)
        // A source term written with a capital inside sentences is a proper name (Ukraine): its translation keeps
        // the capital even where the target only shows it first in a unit.
        var sourceCapitalizedInside = 0
        var sourceLowerInside = 0
        for (unit, position) in occurrences where position > corpus.source.start[unit] && !corpus.source.tokens[position].breakBefore {
            if corpus.source.tokens[position].isCapitalized { sourceCapitalizedInside += 1 } else { sourceLowerInside += 1 }
        }
        let sourceIsProper = sourceCapitalizedInside > sourceLowerInside
        // Scores first; the display form (the costly part: every attested spelling compared) only for the
        // candidates that can reach the top `keep`, and names/abbreviations only where the query can be one.
        struct Scored {
            var gram: Gram
            var value: Double
            var alignedShare: Double
            var count: Int
            var kind = TermKind.term
            var text: String?
        }
        var scored: [Scored] = []
        scored.reserveCapacity(evidence.count)
        for (gram, item) in evidence {
            let ids = gram.ids
            // Units where source and candidate occur together.
            let together: Int
            if item.aligned == 0 {
                together = item.units.count
            } else {
                together = occurrenceUnits.reduce(0) { $0 + (corpus.target.contains(ids, unit: $1) ? 1 : 0) }
            }
            let dice: Double
            switch features.association {
            case .dice:
                dice = Association.dice(together: together, termUnits: allOccurrences.count, candidateUnits: targetCount(gram))
            case .logLikelihood:
                dice = Association.normalizedLogLikelihood(
                    together: together, termUnits: allOccurrences.count, candidateUnits: targetCount(gram),
                    units: corpus.unitCount)
            }
            let alignedShare = Double(item.aligned) / total
            var value: Double
            switch (aligner != nil, features.dice) {
            case (true, true): value = 0.6 * alignedShare + 0.4 * dice
            case (true, false): value = alignedShare
            case (false, _): value = dice
            }
            // Length: a candidate much longer than the term is rarely its translation.
            if ids.count > max(queryTokens.count, 1) + 2 { value *= 0.8 }
            // A label's own translations as a label weigh half.
            if labelUnits > 0 { value = 0.5 * value + 0.5 * Double(labelTargets[gram] ?? 0) / Double(labelUnits) }
            scored.append(
                Scored(gram: gram, value: value, alignedShare: alignedShare, count: item.aligned > 0 ? item.aligned : together))
        }
        let queryMayBeSpecial = (features.names || features.abbreviations) && !queryTokens.isEmpty && !ordinary
            && (queryTokens.allSatisfy(\.isAllCaps) || queryTokens.allSatisfy { $0.isCapitalized || $0.isFunction })
        if queryMayBeSpecial {
            for index in scored.indices where Int(scored[index].gram.count) == queryTokens.count {
                guard let item = evidence[scored[index].gram] else { continue }
                let text = displayForm(
                    LabelUnit.preferred(forms(of: item), labelSpellings[scored[index].gram]), proper: sourceIsProper)
                scored[index].text = text
                if let special = specialMatch(queryTokens, text) {
                    scored[index].kind = special
                    scored[index].value = max(scored[index].value, 0.9 + 0.1 * scored[index].alignedShare)
                }
            }
        }
        for index in scored.indices { scored[index].value = min(1, (scored[index].value * 1000).rounded() / 1000) }
        scored.sort { lhs, rhs in
            if lhs.value != rhs.value { return lhs.value > rhs.value }
            return lhs.count > rhs.count
        }
        // Keep a margin past `keep` (forms that merge into one text), and every candidate tied with the last kept.
        var cut = min(scored.count, keep == Int.max ? Int.max : max(keep * 3, keep + 10))
        while cut > 0 && cut < scored.count && scored[cut].value == scored[cut - 1].value
            && scored[cut].count == scored[cut - 1].count
        {
            cut += 1
        }
        var merged: [String: TermCandidate] = [:]
        let queryForm = agreement ? FormAgreement.shared.queryClass(queryTokens) : nil
        for entry in scored.prefix(cut) {
            guard let item = evidence[entry.gram] else { continue }
            let text = entry.text
                ?? displayForm(LabelUnit.preferred(forms(of: item), labelSpellings[entry.gram]), proper: sourceIsProper)
            let examples = Array(Set(item.units)).sorted().prefix(exampleLimit).map { corpus.unitIDs[$0] }
            var value = entry.value
            // A candidate whose form disagrees with the query's (Run → Запускає, Items → елементу) scores less.
            if let queryForm, entry.kind == .term, FormAgreement.shared.disagrees(queryClass: queryForm, candidate: text) {
                value = (value * FormAgreement.shared.factor * 1000).rounded() / 1000
            }
            let candidate = TermCandidate(
                text: text, score: value, count: entry.count, examples: examples, kind: entry.kind)
            // Forms that reduce to the same text (differently stemmed spellings) are one candidate.
            let key = text.lowercased()
            if let existing = merged[key], !Self.ranking(candidate, existing) { continue }
            merged[key] = candidate
        }
        return Array(merged.values)
    }

    // MARK: - Names and abbreviations

    /// The Latin match key of a word in either script.
    func nameKey(_ word: String) -> String {
        if let cached = nameKeyCache[word] { return cached }
        let isCyrillic = word.unicodeScalars.contains { (0x0400...0x052F).contains($0.value) }
        let latin = isCyrillic ? (transliterator?.transliterate(word) ?? word) : word
        let key = LatinMatchKey.key(latin)
        nameKeyCache[word] = key
        return key
    }

    /// Two spellings of one name: equal keys, or one a prefix of the other differing in an inflectional ending
    /// of at most two letters (Юсова ↔ Yusov).
    func namesMatch(_ a: String, _ b: String) -> Bool {
        let x = nameKey(a)
        let y = nameKey(b)
        guard !x.isEmpty, !y.isEmpty else { return false }
        if x == y { return true }
        let (short, long) = x.count <= y.count ? (x, y) : (y, x)
        return short.count >= 4 && long.count - short.count <= 2 && long.hasPrefix(short)
    }

    /// A name or abbreviation written in the other script (or the same one) as the query.
    private func specialMatch(_ query: [TermToken], _ candidate: String) -> TermKind? {
        let words = TermTokenizer.tokenize(candidate)
        guard words.count == query.count, !query.isEmpty else { return nil }
        if features.abbreviations, query.allSatisfy(\.isAllCaps), words.allSatisfy(\.isAllCaps),
            zip(query, words).allSatisfy({ nameKey($0.surface) == nameKey($1.surface) })
        {
            return .abbreviation
        }
        if features.names, query.allSatisfy({ $0.isCapitalized || $0.isFunction }),
            query.contains(where: { $0.isCyrillic }) != words.contains(where: { $0.isCyrillic }),
            zip(query, words).allSatisfy({ $0.isFunction || namesMatch($0.surface, $1.surface) })
        {
            return .name
        }
        return nil
    }

    // MARK: - Dictionary form

    private static let formRanks: [String: Int] = {
        var ranks: [String: Int] = [:]
        for line in TermData.lines(TermData.text("dictionary-form-uk")) {
            let parts = line.split(separator: " ")
            if parts.count == 2, let rank = Int(parts[1]) { ranks[String(parts[0])] = rank }
        }
        return ranks
    }()
    private static let longestEnding = formRanks.keys.map(\.count).max() ?? 0

    private static let lowercaseAdjectiveEndings = TermData.lines(TermData.text("lowercase-adjectives-uk")).sorted()

    /// 0: likely a dictionary form … 2: an oblique case (Ukrainian words; other words 0).
    static func formRank(_ word: String) -> Int {
        let lower = word.lowercased()
        guard lower.unicodeScalars.contains(where: { (0x0400...0x052F).contains($0.value) }) else { return 0 }
        for length in stride(from: min(longestEnding, lower.count - 1), through: 1, by: -1) {
            if let rank = formRanks[String(lower.suffix(length))] { return rank }
        }
        return 0
    }

    /// The form to show: the likeliest dictionary form among those attested (then the commonest), capitalised as
    /// the corpus writes it inside sentences (lower case when it only ever stands first, unless all capitals).
    func displayForm(_ forms: [String: FormCount], proper: Bool = false, side: CorpusSideName = .target) -> String {
        let shown = firstWordForm(forms, proper: proper)
        // A term the corpus never writes with its capitals inside a sentence (only as a heading or label, in Title
        // Case) shows each word as the corpus writes that word inside sentences: "additional Resources" →
        // "additional resources", "ubuntu Packaging Guide" → "Ubuntu packaging guide". A term written with its
        // capitals inside sentences (Stable Release Updates, a process's name) keeps them.
        guard !forms.values.contains(where: { $0.capitalizedInSentence > 0 }) else { return shown }
        var words = shown.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        let casing = side == .source ? sourceInnerCasing : targetInnerCasing
        var changed = false
        for index in words.indices {
            let word = words[index]
            guard let head = word.first, word != "I", word.count < 2 || word.dropFirst() == word.dropFirst().lowercased()
            else { continue }
            let key = word.lowercased()
            let counts = casing[key] ?? (0, 0)
            if head.isUppercase, counts.lower > counts.capitalized {
                words[index] = key
                changed = true
            } else if head.isLowercase, index == 0, counts.capitalized >= 3, counts.capitalized > 3 * counts.lower {
                // The first word lowered because it only stood first here, but a name elsewhere (Ubuntu: 114 times
                // with its capital inside sentences, once without; a navigation link's "Next" 12 against 8 is not).
                words[index] = Self.capitalized(word)
                changed = true
            }
        }
        return changed ? words.joined(separator: " ") : shown
    }

    enum CorpusSideName { case source, target }

    /// Whether each unit is a heading or label in Title Case: two words of four letters or more at least, every
    /// one with its capital. Such a unit says nothing of how its words are written.
    static func titleCaseUnits(_ side: CorpusSide) -> [Bool] {
        (0..<side.unitCount).map { unit in
            let long = side.tokens[side.range(unit)].filter { $0.surface.count >= 4 && !$0.isAllCaps }
            return long.count >= 2 && long.allSatisfy(\.isCapitalized)
        }
    }

    static func innerCasing(_ side: CorpusSide, titleUnits: [Bool]) -> [String: (capitalized: Int, lower: Int)] {
        var table: [String: (capitalized: Int, lower: Int)] = [:]
        for unit in 0..<side.unitCount where !titleUnits[unit] {
            let range = side.range(unit)
            for index in range where index > range.lowerBound {
                let token = side.tokens[index]
                if token.breakBefore || token.isAllCaps { continue }
                let key = token.surface.lowercased()
                if token.isCapitalized {
                    table[key, default: (0, 0)].capitalized += 1
                } else if token.surface == key {
                    table[key, default: (0, 0)].lower += 1
                }
            }
        }
        return table
    }

    /// The form with its first word's capital decided (`displayForm` then looks at the later words).
    private func firstWordForm(_ forms: [String: FormCount], proper: Bool) -> String {
        var byLower: [String: (count: Int, rank: Int, variants: [(String, Int)])] = [:]
        var capitalizedInside = 0
        var lowerInside = 0
        for (surface, count) in forms {
            let lower = surface.lowercased()
            let rank = features.dictionaryForm ? surface.split(separator: " ").map { Self.formRank(String($0)) }.max() ?? 0 : 0
            var entry = byLower[lower] ?? (0, rank, [])
            entry.count += count.total
            entry.variants.append((surface, count.total))
            byLower[lower] = entry
            capitalizedInside += count.capitalizedInside
            lowerInside += count.lowerInside
        }
        guard
            let best = byLower.min(by: { lhs, rhs in
                if lhs.value.rank != rhs.value.rank { return lhs.value.rank < rhs.value.rank }
                if lhs.value.count != rhs.value.count { return lhs.value.count > rhs.value.count }
                return lhs.key < rhs.key
            })
        else { return "" }
        // The commonest spelling; on a tie the one with fewer capitals (a title's "Prisoners of War" loses).
        func capitals(_ text: String) -> Int { text.unicodeScalars.filter { $0.properties.isUppercase }.count }
        let written = best.value.variants.sorted {
            if $0.1 != $1.1 { return $0.1 > $1.1 }
            if capitals($0.0) != capitals($1.0) { return capitals($0.0) < capitals($1.0) }
            return $0.0 < $1.0
        }.first?.0 ?? best.key
        let words = written.split(separator: " ").map(String.init)
        guard let first = words.first else { return written }
        let firstTokenAllCaps = first.count >= 2 && first == first.uppercased() && first != first.lowercased()
        if firstTokenAllCaps { return written }
        let lowercaseAdjective = Self.lowercaseAdjectiveEndings.contains { first.lowercased().hasSuffix($0) }
        if capitalizedInside > lowerInside || (proper && capitalizedInside + lowerInside == 0 && !lowercaseAdjective) {
            return ([Self.capitalized(first)] + words.dropFirst()).joined(separator: " ")
        }
        // Only sentence-initial, or mostly lower case inside sentences: lower the first letter if the rest of
        // the word is lower case already (so "Фінська" → "фінська", "iPhone" stays).
        let rest = first.dropFirst()
        if rest == rest.lowercased() { return ([first.lowercased()] + words.dropFirst()).joined(separator: " ") }
        return written
    }

    static func capitalized(_ word: String) -> String {
        guard let head = word.first else { return word }
        return head.uppercased() + word.dropFirst()
    }

    // MARK: - Corpus mode

    /// Term pairs of the whole corpus, best first.
    public func extract(minCount: Int = 2, limit: Int? = nil, threshold: Double = 0.5) -> [TermPair] {
        // Source candidates: term-like n-grams, each unit counted once.
        var occurrences: [Gram: [(unit: Int, position: Int)]] = [:]
        let side = corpus.source
        for unit in 0..<corpus.unitCount {
            let range = side.range(unit)
            var seen = Set<Gram>()
            for first in range {
                var gram = Gram()
                for end in (first + 1)...min(range.upperBound, first + 4) {
                    gram.append(side.ids[end - 1])
                    guard end == first + 1 || !side.tokens[end - 1].breakBefore else { break }
                    guard side.isTermLike(first, end), seen.insert(gram).inserted else { continue }
                    occurrences[gram, default: []].append((unit, first))
                }
            }
        }
        var accepted: [Gram: TermPair] = [:]
        let lexicon = features.termhood ? TermLexicon(sides: [corpus.source, corpus.target]) : nil
        for (gram, places) in occurrences where places.count >= minCount {
            let first = places[0]
            let queryTokens = Array(side.tokens[first.position..<(first.position + Int(gram.count))])
            let candidates = score(sequence: gram.ids, queryTokens: queryTokens, occurrences: places, fallback: false, keep: 1)
            guard let best = candidates.min(by: Self.ranking), best.score >= threshold, best.count >= minCount
            else { continue }
            var forms: [String: FormCount] = [:]
            for (unit, position) in places {
                let tokens = side.tokens[position..<(position + Int(gram.count))]
                let surface = tokens.map(\.surface).joined(separator: " ")
                var form = forms[surface] ?? FormCount()
                form.total += 1
                if position > side.start[unit] && !tokens.first!.breakBefore {
                    if tokens.first!.isCapitalized { form.capitalizedInside += 1 } else { form.lowerInside += 1 }
                }
                if tokens.first!.isCapitalized && position > side.start[unit] && !sourceTitleUnits[unit] {
                    form.capitalizedInSentence += 1
                }
                forms[surface] = form
            }
            let sourceText = best.kind == .term ? displayForm(forms, side: .source) : queryTokens.map(\.surface).joined(separator: " ")
            var kind = best.kind
            if features.termhood, kind == .term {
                if TermHood.shared.isMessagePhrase(source: sourceText, target: best.text, lexicon: lexicon) { continue }
                if TermHood.hasUnmatchedWord(source: sourceText, target: best.text) { continue }
                // One identifier on a side (OMIT_FP; a usage line's PROGRAM_NAME → НАЗВА_ПРОГРАМИ) is a code word
                // or a placeholder.
                if TermHood.isIdentifier(sourceText) || TermHood.isIdentifier(best.text) { continue }
                if TermHood.isOtherLatinWord(sourceText, best.text) { continue }
                if TermHood.shared.isErrorReport(source: sourceText, target: best.text) { continue }
                if !wordsLinkAcross(places: places, length: Int(gram.count), target: best.text) { continue }
                // Left untranslated: a code word, option or placeholder (callinfo, PRIdMAX, schema id), not a
                // term; several words with a capital among them are a product name (Logitech iTouch …).
                if TermHood.isUntranslated(sourceText, best.text) {
                    guard queryTokens.count > 1, queryTokens.contains(where: \.isCapitalized) else { continue }
                    kind = .name
                }
            }
            accepted[gram] = TermPair(
                source: sourceText, target: best.text, score: best.score, count: best.count, kind: kind,
                examples: best.examples)
        }
        // A longer term wins over its own parts when the parts never occur apart.
        var dropped = Set<Gram>()
        for gram in accepted.keys where gram.count > 1 {
            let ids = gram.ids
            let total = occurrences[gram]?.count ?? 0
            for length in 1..<ids.count {
                for start in 0...(ids.count - length) {
                    let part = Gram(ids[start..<(start + length)])
                    if accepted[part] != nil, occurrences[part]?.count == total { dropped.insert(part) }
                }
            }
        }
        var pairs = accepted.filter { !dropped.contains($0.key) }.map(\.value)
        if features.names { pairs += namePairs() }
        if features.abbreviations {
            // The same Latin letters on both sides (HTTPS, LOCPATH) are a token left untranslated, not a
            // transliteration (СВО ↔ SVO): such a pair needs --min-count units like any term.
            // A capitals word the corpus otherwise writes as an ordinary word (MEMBER) is a placeholder.
            pairs += definitionPairs().filter { pair in
                guard features.termhood else { return true }
                if TermHood.isUntranslated(pair.source, pair.target) && pair.count < minCount { return false }
                return !(lexicon.map { $0.isPlaceholder(pair.source) || $0.isPlaceholder(pair.target) } ?? false)
            }
        }
        pairs = Self.deduplicated(pairs)
        pairs.sort { lhs, rhs in
            if lhs.score != rhs.score { return lhs.score > rhs.score }
            if lhs.count != rhs.count { return lhs.count > rhs.count }
            if lhs.source != rhs.source { return lhs.source < rhs.source }
            return lhs.target < rhs.target
        }
        if let limit { pairs = Array(pairs.prefix(limit)) }
        return pairs
    }

    /// Do the pair's words link to each other where it was aligned? In most of the occurrences aligned to the
    /// target, every content word of the term must be linked into the target span and every content word of the
    /// span to the term; otherwise a word was dropped or added at the boundary (write arguments → аргументи:
    /// "write" is linked to the verb outside the span).
    private func wordsLinkAcross(places: [(unit: Int, position: Int)], length: Int, target: String) -> Bool {
        guard aligner != nil, let targetIDs = corpus.target.sequence(of: target) else { return true }
        var aligned = 0
        var linked = 0
        for (unit, position) in places {
            guard let found = alignedSpan(unit: unit, first: position, end: position + length),
                Array(corpus.target.ids[found.span]) == targetIDs
            else { continue }
            aligned += 1
            let sourceBase = corpus.source.start[unit]
            let targetBase = corpus.target.start[unit]
            let rows = (position - sourceBase)..<(position + length - sourceBase)
            let columns = (found.span.lowerBound - targetBase)..<(found.span.upperBound - targetBase)
            let sourceContent = rows.filter { !corpus.source.tokens[sourceBase + $0].isFunction }
            let targetContent = columns.filter { !corpus.target.tokens[targetBase + $0].isFunction }
            if Self.linkedAcross(links: links(unit), rows: rows, columns: columns, sourceContent: sourceContent,
                targetContent: targetContent)
            {
                linked += 1
            }
        }
        return aligned == 0 || linked * 2 >= aligned
    }

    /// Every content row links into `columns`, and every content column links to `rows`.
    static func linkedAcross(
        links: [(Int, Int)], rows: Range<Int>, columns: Range<Int>, sourceContent: [Int], targetContent: [Int]
    ) -> Bool {
        let inside = links.filter { rows.contains($0.0) && columns.contains($0.1) }
        let linkedRows = Set(inside.map(\.0))
        let linkedColumns = Set(inside.map(\.1))
        return sourceContent.allSatisfy(linkedRows.contains) && targetContent.allSatisfy(linkedColumns.contains)
    }

    /// One pair per source and target text (case-insensitive): the best scored; a definition's abbreviation link
    /// is kept from whichever copy had it.
    static func deduplicated(_ pairs: [TermPair]) -> [TermPair] {
        var best: [String: TermPair] = [:]
        var order: [String] = []
        for pair in pairs {
            let key = pair.source.lowercased() + "\u{1}" + pair.target.lowercased()
            if var existing = best[key] {
                let abbreviation = existing.abbreviationSource != nil ? existing.abbreviation : pair.abbreviation
                if pair.score > existing.score || (pair.score == existing.score && pair.count > existing.count) {
                    existing = pair
                }
                existing.abbreviation = abbreviation
                if pair.kind != .term { existing.kind = pair.kind }
                existing.count = max(existing.count, pair.count)
                best[key] = existing
            } else {
                best[key] = pair
                order.append(key)
            }
        }
        return order.compactMap { best[$0] }
    }

    /// Names at any count: a capitalised word on each side whose Latin keys agree (Юсов ↔ Yusov).
    private func namePairs() -> [TermPair] {
        struct Found {
            var count = 0
            var units: [Int] = []
            var sourceForms: [String: FormCount] = [:]
            var targetForms: [String: FormCount] = [:]
        }
        var found: [UInt64: Found] = [:]
        for unit in 0..<corpus.unitCount {
            let sources = corpus.source.range(unit).filter { isNameLike(corpus.source.tokens[$0], start: corpus.source.start[unit], at: $0) }
            let targets = corpus.target.range(unit).filter { isNameLike(corpus.target.tokens[$0], start: corpus.target.start[unit], at: $0) }
            guard !sources.isEmpty, !targets.isEmpty else { continue }
            for s in sources {
                let sourceToken = corpus.source.tokens[s]
                for t in targets {
                    let targetToken = corpus.target.tokens[t]
                    guard sourceToken.isCyrillic != targetToken.isCyrillic,
                        namesMatch(sourceToken.surface, targetToken.surface)
                    else { continue }
                    let key = UInt64(UInt32(corpus.source.ids[s])) << 32 | UInt64(UInt32(corpus.target.ids[t]))
                    var item = found[key] ?? Found()
                    if item.units.last != unit {
                        item.count += 1
                        item.units.append(unit)
                    }
                    item.sourceForms[sourceToken.surface, default: FormCount()].total += 1
                    item.targetForms[targetToken.surface, default: FormCount()].total += 1
                    found[key] = item
                }
            }
        }
        return found.map { _, item in
            TermPair(
                source: nameForm(item.sourceForms), target: nameForm(item.targetForms),
                score: 0.9 + 0.1 * min(1, Double(item.count) / 5), count: item.count, kind: .name,
                examples: item.units.prefix(exampleLimit).map { corpus.unitIDs[$0] })
        }
    }

    private func nameForm(_ forms: [String: FormCount]) -> String {
        forms.min { lhs, rhs in
            let l = (Self.formRank(lhs.key), -lhs.value.total, lhs.key)
            let r = (Self.formRank(rhs.key), -rhs.value.total, rhs.key)
            return l < r
        }?.key ?? ""
    }

    /// A capitalised content word that does not stand first in its unit, or an abbreviation anywhere.
    private func isNameLike(_ token: TermToken, start: Int, at index: Int) -> Bool {
        guard !token.isFunction, token.isCapitalized, !token.isAllCaps else { return false }
        return index > start && !token.breakBefore
    }

    /// "full form (ABBR)" written on both sides of a unit: the abbreviations and the full forms are pairs, one concept.
    private func definitionPairs() -> [TermPair] {
        var found: [String: (pair: TermPair, units: [Int])] = [:]
        func add(_ pair: TermPair, unit: Int) {
            let key = pair.source.lowercased() + "\u{1}" + pair.target.lowercased()
            var item = found[key] ?? (pair, [])
            if item.units.last != unit { item.units.append(unit) }
            found[key] = item
        }
        for unit in 0..<corpus.unitCount {
            let sourceDefinitions = Definitions.find(in: corpus.sourceTexts[unit])
            let targetDefinitions = Definitions.find(in: corpus.targetTexts[unit])
            var usedTargets = Set<Int>()
            for definition in sourceDefinitions {
                guard let match = targetDefinitions.indices.first(where: { !usedTargets.contains($0) }) else { break }
                usedTargets.insert(match)
                let other = targetDefinitions[match]
                var full = TermPair(
                    source: definition.full, target: other.full, score: 0.95, count: 1, kind: .term, examples: [])
                full.abbreviation = (definition.abbreviation, other.abbreviation)
                add(full, unit: unit)
                add(
                    TermPair(
                        source: definition.abbreviation, target: other.abbreviation, score: 0.95, count: 1,
                        kind: .abbreviation, examples: []), unit: unit)
            }
            // Abbreviations standing in both texts whose letters transliterate alike (СВО ↔ SVO).
            let sourceCaps = corpus.source.range(unit).filter { corpus.source.tokens[$0].isAllCaps }
            let targetCaps = corpus.target.range(unit).filter { corpus.target.tokens[$0].isAllCaps }
            for s in sourceCaps {
                for t in targetCaps where nameKey(corpus.source.tokens[s].surface) == nameKey(corpus.target.tokens[t].surface) {
                    add(
                        TermPair(
                            source: corpus.source.tokens[s].surface, target: corpus.target.tokens[t].surface, score: 0.92,
                            count: 1, kind: .abbreviation, examples: []), unit: unit)
                }
            }
        }
        return found.values.map { item in
            var pair = item.pair
            pair.count = item.units.count
            pair.examples = item.units.prefix(exampleLimit).map { corpus.unitIDs[$0] }
            return pair
        }
    }
}

/// "full form (ABBR)" definitions in a text: the abbreviation in brackets after the words it abbreviates.
package enum Definitions {
    package struct Definition: Sendable, Hashable {
        package var full: String
        package var abbreviation: String
    }

    package static func find(in text: String) -> [Definition] {
        guard text.contains("(") else { return [] }
        var result: [Definition] = []
        var searchStart = text.startIndex
        while let open = text[searchStart...].firstIndex(of: "("),
            let close = text[open...].firstIndex(of: ")")
        {
            searchStart = text.index(after: close)
            let inside = text[text.index(after: open)..<close]
            let letters = inside.unicodeScalars
            guard letters.count >= 2, letters.count <= 8, letters.allSatisfy({ $0.properties.isUppercase }) else { continue }
            let before = TermTokenizer.tokenize(String(text[..<open]))
            // The words after the last break before the bracket.
            var first = before.count
            while first > 0 {
                first -= 1
                if before[first].breakBefore { break }
            }
            let words = Array(before[first...])
            let initials = Array(inside.lowercased())
            // The shortest run of final words whose content words' initials spell the abbreviation, else as many
            // content words as it has letters when the first letters agree (special military operation (SVO)).
            var chosen: Int?
            for start in stride(from: words.count - 1, through: 0, by: -1) {
                let content = words[start...].filter { !$0.isFunction }
                if content.count > initials.count { break }
                if !words[start].isFunction,
                    content.compactMap({ $0.surface.lowercased().first }) == initials
                {
                    chosen = start
                    break
                }
            }
            if chosen == nil {
                var contentCount = 0
                for start in stride(from: words.count - 1, through: 0, by: -1) where !words[start].isFunction {
                    contentCount += 1
                    if contentCount == initials.count {
                        let isSameScript = words[start].isCyrillic == inside.unicodeScalars.contains { (0x0400...0x052F).contains($0.value) }
                        if isSameScript, words[start].surface.lowercased().first == initials.first { chosen = start }
                        break
                    }
                }
            }
            guard let start = chosen else { continue }
            result.append(Definition(full: words[start...].map(\.surface).joined(separator: " "), abbreviation: String(inside)))
        }
        return result
    }
}

/// A unit that is a label: its words are its whole text but for spaces, accelerator marks and a final colon or
/// ellipsis ("_Download", "Keys:", "Save As…"); no placeholder, no sentence punctuation. A query that is a whole
/// label in some units is translated there as a label (gtk20's "Keys" → "Клавіші", where inside sentences the
/// same word is the PNG chunks' ключі).
enum LabelUnit {
    /// Marks and joiners inside a label's words besides letters and digits.
    private static let inner: Set<Unicode.Scalar> = ["'", "\u{2019}", "\u{02BC}", "-", "_", "&"]

    static func isLabel(_ text: String) -> Bool {
        var body = Substring(text.trimmingCharacters(in: .whitespacesAndNewlines))
        for ending in ["...", "\u{2026}", ":"] where body.hasSuffix(ending) {
            body = body.dropLast(ending.count)
            break
        }
        var letters = false
        for scalar in body.unicodeScalars {
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                letters = true
            } else if !(scalar == " " || inner.contains(scalar)) {
                return false
            }
        }
        return letters
    }

    /// The label writes the query's own words: the same letters up to case, and in capitals only where the query
    /// is (Keys is not the label "Key", nor "Right" the query "rights"; "DATA", a usage line's placeholder, is not
    /// the label "Data").
    static func writes(_ query: [TermToken], _ label: ArraySlice<TermToken>) -> Bool {
        guard query.count == label.count else { return false }
        return zip(query, label).allSatisfy { $0.surface.lowercased() == $1.surface.lowercased() && $0.isAllCaps == $1.isAllCaps }
    }

    /// The occurrence at `position` is every word of `unit`, with no break between its words.
    static func isWhole(side: CorpusSide, unit: Int, position: Int, length: Int) -> Bool {
        let range = side.range(unit)
        guard range.lowerBound == position, range.count == length else { return false }
        return !side.tokens[range].dropFirst().contains(where: \.breakBefore)
    }

    /// The spellings to choose the shown form from: those attested as a whole label's translation, when there are
    /// some (where the corpus writes the candidate inside sentences still decides its capital).
    static func preferred(_ forms: [String: TermAligner.FormCount], _ labels: [String: Int]?) -> [String: TermAligner.FormCount] {
        guard let labels, !labels.isEmpty else { return forms }
        var kept = forms.filter { labels[$0.key] != nil }
        guard let first = kept.keys.min() else { return forms }
        for (surface, count) in forms where labels[surface] == nil {
            kept[first]?.capitalizedInside += count.capitalizedInside
            kept[first]?.lowerInside += count.lowerInside
            kept[first]?.capitalizedInSentence += count.capitalizedInSentence
        }
        return kept
    }
}
