import Foundation

/// Word alignment learned from the corpus: IBM Model 1 trained by EM over stems in both directions (source→target
/// and target→source), Viterbi links with a diagonal position prior, symmetrised by intersection grown along the
/// diagonals (grow-diag). Memory and time are linear in the number of word pairs inside units; units longer than
/// `maximumWords` are trained and aligned on their first `maximumWords` words only.
package struct WordAligner: Sendable {
    package static let maximumWords = 80

    /// Settings the evaluation's ablations switch.
    package struct Settings: Sendable, Hashable {
        package var iterations = 5
        /// Strength of the diagonal prior in Viterbi links (0: none).
        package var diagonal: Float = 2
        package var symmetrise = true
        /// An HMM-style jump model in place of the diagonal prior: jumps between the positions linked to
        /// neighbouring words, estimated from the trained Model 1's own Viterbi links, and each unit's links
        /// decoded by Viterbi over them, with Och and Ney's empty word (a NULL state per position; round 10) so
        /// that a word the other side lacks is left unlinked (round 9; off by default, see
        /// docs/terminology-alignment.md).
        package var jumpModel = false
        package init() {}
    }

    let settings: Settings
    /// Every co-occurring (source stem, target stem) pair once.
    private var pairSource: [Int32] = []
    private var pairTarget: [Int32] = []
    /// Per unit, I×J pair indices (row per source word).
    private var unitPairs: [Int32] = []
    private var unitPairStart: [Int] = [0]
    /// t(target | source) and t(source | target) per pair.
    private(set) var forward: [Float] = []
    private(set) var backward: [Float] = []
    private var nullForward: [Float] = []
    private var nullBackward: [Float] = []
    /// Log probabilities of a jump (position linked to this word − position linked to the last word linked before
    /// it, clamped to ±`maximumJump`; the first word jumps from −1), per direction; empty without the jump model.
    private var forwardJump: [Float] = []
    private var backwardJump: [Float] = []
    /// Log probability of the empty word (a word linked to nothing: Och and Ney's NULL state), per direction.
    private var forwardEmpty: Float = 0
    private var backwardEmpty: Float = 0
    static let maximumJump = 8
    /// Steps taken (pairs visited): the linearity test compares these.
    package private(set) var steps = 0

    package init(corpus: TermCorpus, settings: Settings = Settings()) {
        self.settings = settings
        var index: [UInt64: Int32] = [:]
        for unit in 0..<corpus.unitCount {
            let sources = clip(corpus.source.range(unit))
            let targets = clip(corpus.target.range(unit))
            for s in sources {
                let sourceID = corpus.source.ids[s]
                for t in targets {
                    let targetID = corpus.target.ids[t]
                    let key = UInt64(UInt32(sourceID)) << 32 | UInt64(UInt32(targetID))
                    let pair: Int32
                    if let known = index[key] {
                        pair = known
                    } else {
                        pair = Int32(pairSource.count)
                        index[key] = pair
                        pairSource.append(sourceID)
                        pairTarget.append(targetID)
                    }
                    unitPairs.append(pair)
                }
            }
            unitPairStart.append(unitPairs.count)
        }
        forward = Array(repeating: 1, count: pairSource.count)
        backward = forward
        nullForward = Array(repeating: 1, count: corpus.target.wordCount)
        nullBackward = Array(repeating: 1, count: corpus.source.wordCount)
        for _ in 0..<settings.iterations { iterate(corpus) }
        if settings.jumpModel { estimateJumps(corpus) }
    }

    private static func jumpIndex(_ jump: Int) -> Int { min(max(jump, -maximumJump), maximumJump) + maximumJump }

    /// Counts the jumps of Model 1's Viterbi links (no prior) over every unit, both directions, add-one smoothed; a
    /// word whose NULL probability beats every link is empty (no jump counted), and the share of such words is the
    /// empty word's probability p₀ (add-one smoothed too).
    private mutating func estimateJumps(_ corpus: TermCorpus) {
        var forwardCount = [Float](repeating: 1, count: 2 * Self.maximumJump + 1)
        var backwardCount = forwardCount
        var forwardWords: (empty: Float, all: Float) = (1, 2)
        var backwardWords: (empty: Float, all: Float) = (1, 2)
        for unit in 0..<corpus.unitCount {
            let sources = clip(corpus.source.range(unit))
            let targets = clip(corpus.target.range(unit))
            let rows = sources.count
            let columns = targets.count
            guard rows > 0, columns > 0 else { continue }
            let base = unitPairStart[unit]
            Self.countJumps(columns, rows, into: &forwardCount, words: &forwardWords,
                            empty: { column in nullForward[Int(corpus.target.ids[targets.lowerBound + column])] }) { column, row in
                forward[Int(unitPairs[base + row * columns + column])]
            }
            Self.countJumps(rows, columns, into: &backwardCount, words: &backwardWords,
                            empty: { row in nullBackward[Int(corpus.source.ids[sources.lowerBound + row])] }) { row, column in
                backward[Int(unitPairs[base + row * columns + column])]
            }
        }
        let forwardTotal = forwardCount.reduce(0, +)
        let backwardTotal = backwardCount.reduce(0, +)
        forwardJump = forwardCount.map { logf($0 / forwardTotal) }
        backwardJump = backwardCount.map { logf($0 / backwardTotal) }
        forwardEmpty = forwardWords.empty / forwardWords.all
        backwardEmpty = backwardWords.empty / backwardWords.all
    }

    /// For each of `count` words in order, its best link among `others` by `value` (none when every value is 0 or
    /// the word's NULL probability `empty` is higher), and the jump from the previous linked word's position
    /// counted; `words` counts the empty words and all words.
    private static func countJumps(_ count: Int, _ others: Int, into counts: inout [Float],
                                   words: inout (empty: Float, all: Float), empty: (Int) -> Float,
                                   _ value: (Int, Int) -> Float) {
        var previous = -1
        for word in 0..<count {
            var best: Float = 0
            var link = -1
            for other in 0..<others where value(word, other) > best {
                best = value(word, other)
                link = other
            }
            words.all += 1
            if empty(word) >= best {
                words.empty += 1
                continue
            }
            counts[jumpIndex(link - previous)] += 1
            previous = link
        }
    }

    /// Viterbi over an HMM with an empty word (Och and Ney 2003): its states are the other side's positions, a
    /// NULL state for each position that remembers it (so the next jump is measured from the last position a word
    /// was linked to), and a NULL state before the first position. Each of `count` words is linked to the position
    /// of its state, maximising Π emission · transition: a position emits t(word | position) = `value`, a NULL
    /// state t(word | NULL) = `empty`; a NULL state is entered with p₀ = `emptyShare` and keeps its position, a
    /// position is entered with (1 − p₀) · p(jump). -1 for a word in a NULL state or whose every value is 0.
    private static func viterbi(_ count: Int, _ others: Int, jump: [Float], emptyShare: Float, empty: (Int) -> Float,
                                _ value: (Int, Int) -> Float) -> [Int] {
        var links = [Int](repeating: -1, count: count)
        guard count > 0, others > 0 else { return links }
        let states = 2 * others + 1  // positions, their NULL states, the NULL state before the first position
        let start = 2 * others
        let stay = logf(emptyShare)
        let move = logf(1 - emptyShare)
        var delta = [Float](repeating: -Float.infinity, count: states)
        var next = delta
        var back = [Int32](repeating: -1, count: count * states)
        var silent = [Bool](repeating: true, count: count)
        for word in 0..<count {
            let emptyEmission = logf(max(empty(word), 1e-30))
            // The best way to stand at each position (on it or in its NULL state) after the previous word.
            var atPosition = [Float](repeating: -Float.infinity, count: others)
            var atState = [Int32](repeating: -1, count: others)
            if word > 0 {
                for position in 0..<others {
                    let onIt = delta[position]
                    let inNull = delta[others + position]
                    atPosition[position] = max(onIt, inNull)
                    atState[position] = Int32(onIt >= inNull ? position : others + position)
                }
            }
            for other in 0..<others {
                let v = value(word, other)
                if v > 0 { silent[word] = false }
                let emission = logf(max(v, 1e-30))
                var best = word == 0 ? jump[jumpIndex(other + 1)] : delta[start] + jump[jumpIndex(other + 1)]
                var from = Int32(start)
                if word > 0 {
                    for previous in 0..<others {
                        let score = atPosition[previous] + jump[jumpIndex(other - previous)]
                        if score > best {
                            best = score
                            from = atState[previous]
                        }
                    }
                }
                next[other] = best + move + emission
                back[word * states + other] = from
                // The NULL state of this position: entered from the position itself or from its NULL state.
                next[others + other] = word == 0 ? -Float.infinity : atPosition[other] + stay + emptyEmission
                back[word * states + others + other] = word == 0 ? -1 : atState[other]
            }
            next[start] = (word == 0 ? 0 : delta[start]) + stay + emptyEmission
            back[word * states + start] = Int32(start)
            swap(&delta, &next)
        }
        var state = delta.indices.max { delta[$0] < delta[$1] } ?? 0
        for word in stride(from: count - 1, through: 0, by: -1) {
            links[word] = silent[word] || state >= others ? -1 : state
            if word > 0 { state = Int(back[word * states + state]) }
        }
        return links
    }

    private func clip(_ range: Range<Int>) -> Range<Int> {
        range.lowerBound..<min(range.upperBound, range.lowerBound + Self.maximumWords)
    }

    private mutating func iterate(_ corpus: TermCorpus) {
        var countForward = [Float](repeating: 0, count: forward.count)
        var countBackward = [Float](repeating: 0, count: backward.count)
        var nullCountForward = [Float](repeating: 0, count: nullForward.count)
        var nullCountBackward = [Float](repeating: 0, count: nullBackward.count)
        for unit in 0..<corpus.unitCount {
            let sources = clip(corpus.source.range(unit))
            let targets = clip(corpus.target.range(unit))
            let columns = targets.count
            let base = unitPairStart[unit]
            guard columns > 0, !sources.isEmpty else { continue }
            steps += 2 * sources.count * columns
            // Source → target: each target word is generated by one source word or NULL.
            for (column, t) in targets.enumerated() {
                let target = Int(corpus.target.ids[t])
                var total = nullForward[target]
                for row in 0..<sources.count { total += forward[Int(unitPairs[base + row * columns + column])] }
                guard total > 0 else { continue }
                nullCountForward[target] += nullForward[target] / total
                for row in 0..<sources.count {
                    let pair = Int(unitPairs[base + row * columns + column])
                    countForward[pair] += forward[pair] / total
                }
            }
            // Target → source.
            for (row, s) in sources.enumerated() {
                let source = Int(corpus.source.ids[s])
                var total = nullBackward[source]
                for column in 0..<columns { total += backward[Int(unitPairs[base + row * columns + column])] }
                guard total > 0 else { continue }
                nullCountBackward[source] += nullBackward[source] / total
                for column in 0..<columns {
                    let pair = Int(unitPairs[base + row * columns + column])
                    countBackward[pair] += backward[pair] / total
                }
            }
        }
        // M step: normalise per conditioning word.
        var totalBySource = [Float](repeating: 0, count: nullBackward.count)
        var totalByTarget = [Float](repeating: 0, count: nullForward.count)
        for pair in 0..<forward.count {
            totalBySource[Int(pairSource[pair])] += countForward[pair]
            totalByTarget[Int(pairTarget[pair])] += countBackward[pair]
        }
        for pair in 0..<forward.count {
            let bySource = totalBySource[Int(pairSource[pair])]
            let byTarget = totalByTarget[Int(pairTarget[pair])]
            forward[pair] = bySource > 0 ? countForward[pair] / bySource : 0
            backward[pair] = byTarget > 0 ? countBackward[pair] / byTarget : 0
        }
        let nullForwardTotal = nullCountForward.reduce(0, +)
        let nullBackwardTotal = nullCountBackward.reduce(0, +)
        for index in nullForward.indices { nullForward[index] = nullForwardTotal > 0 ? nullCountForward[index] / nullForwardTotal : 0 }
        for index in nullBackward.indices { nullBackward[index] = nullBackwardTotal > 0 ? nullCountBackward[index] / nullBackwardTotal : 0 }
    }

    /// Links of one unit as (source offset, target offset) inside the unit, sorted.
    package func links(unit: Int, corpus: TermCorpus) -> [(Int, Int)] {
        let rows = clip(corpus.source.range(unit)).count
        let columns = clip(corpus.target.range(unit)).count
        guard rows > 0, columns > 0 else { return [] }
        let base = unitPairStart[unit]
        func prior(_ row: Int, _ column: Int) -> Float {
            guard settings.diagonal > 0 else { return 1 }
            let distance = abs((Float(row) + 0.5) / Float(rows) - (Float(column) + 0.5) / Float(columns))
            return expf(-settings.diagonal * distance)
        }
        // Viterbi links in each direction: for every word of one side, its likeliest word of the other.
        func bestLinks(_ count: Int, _ others: Int, _ value: (Int, Int) -> Float) -> [Int] {
            (0..<count).map { word in
                var best: Float = 0
                var link = -1
                for other in 0..<others where value(word, other) > best {
                    best = value(word, other)
                    link = other
                }
                return link
            }
        }
        let forwardLink: [Int]
        let backwardLink: [Int]
        if settings.jumpModel && !forwardJump.isEmpty {
            let sources = clip(corpus.source.range(unit))
            let targets = clip(corpus.target.range(unit))
            forwardLink = Self.viterbi(columns, rows, jump: forwardJump, emptyShare: forwardEmpty,
                                       empty: { column in nullForward[Int(corpus.target.ids[targets.lowerBound + column])] }) { column, row in
                forward[Int(unitPairs[base + row * columns + column])]
            }
            backwardLink = Self.viterbi(rows, columns, jump: backwardJump, emptyShare: backwardEmpty,
                                        empty: { row in nullBackward[Int(corpus.source.ids[sources.lowerBound + row])] }) { row, column in
                backward[Int(unitPairs[base + row * columns + column])]
            }
        } else {
            forwardLink = bestLinks(columns, rows) { column, row in
                forward[Int(unitPairs[base + row * columns + column])] * prior(row, column)
            }
            backwardLink = bestLinks(rows, columns) { row, column in
                backward[Int(unitPairs[base + row * columns + column])] * prior(row, column)
            }
        }
        var union = Set<Int>()
        var linked = Set<Int>()
        for (column, row) in forwardLink.enumerated() where row >= 0 { union.insert(row * columns + column) }
        for (row, column) in backwardLink.enumerated() where column >= 0 { union.insert(row * columns + column) }
        guard settings.symmetrise else {
            return union.sorted().map { ($0 / columns, $0 % columns) }
        }
        for (row, column) in backwardLink.enumerated() where column >= 0 && forwardLink[column] == row {
            linked.insert(row * columns + column)
        }
        // grow-diag: add union links next to a link where the source or the target word is still unaligned.
        var rowAligned = Set(linked.map { $0 / columns })
        var columnAligned = Set(linked.map { $0 % columns })
        var added = true
        while added {
            added = false
            for cell in linked.sorted() {
                let row = cell / columns
                let column = cell % columns
                for dr in -1...1 {
                    for dc in -1...1 where dr != 0 || dc != 0 {
                        let r = row + dr
                        let c = column + dc
                        guard r >= 0, r < rows, c >= 0, c < columns else { continue }
                        let neighbour = r * columns + c
                        if union.contains(neighbour), !linked.contains(neighbour),
                            !rowAligned.contains(r) || !columnAligned.contains(c)
                        {
                            linked.insert(neighbour)
                            rowAligned.insert(r)
                            columnAligned.insert(c)
                            added = true
                        }
                    }
                }
            }
        }
        return linked.sorted().map { ($0 / columns, $0 % columns) }
    }
}
