import Foundation
import TlumachCore
import TlumachText

/// Aligns the sentences of a text and its translation: dynamic programming over 1-1, 1-0, 0-1, 2-1, 1-2 and 2-2
/// beads, scoring each by the Gale–Church length model plus anchors (numbers, names, glossary terms,
/// punctuation) found on both sides. The search runs in a band around the diagonal that widens while the best path
/// touches its edge; it keeps three rows of costs and one byte of back-pointer per band cell, so time and memory
/// grow linearly with the input for a given band.
public struct SentenceAligner: Sendable {
    public var parameters: AlignmentParameters
    public var anchorSources: [any AnchorSource]
    public var sourceLanguage: Language
    public var targetLanguage: Language
    /// Called every few hundred rows of the search with the rows done and the rows in all (a search may run more
    /// than once, from row 0 again, when its band widens); for a progress display.
    public var progress: (@Sendable (_ row: Int, _ rows: Int) -> Void)?

    public init(
        source: Language = .uk, target: Language = .en, parameters: AlignmentParameters? = nil,
        anchors: [any AnchorSource] = SentenceAligner.standardAnchors
    ) {
        self.sourceLanguage = source
        self.targetLanguage = target
        self.parameters = parameters ?? .standard(source: source, target: target)
        self.anchorSources = anchors
    }

    /// Numbers, names (romanised, LatinMatchKey), sentence mood and punctuation; add `TermAnchors` for a glossary.
    public static let standardAnchors: [any AnchorSource] = [
        NumberAnchors(), NameAnchors(), MoodAnchors(), PunctuationAnchors(), CodeAnchors(),
    ]

    /// What an alignment run found, with the band it needed (for diagnostics and the benchmark: `package`).
    public struct Result: Sendable {
        public var beads: [Bead]
        public var cost: Double
        package var bandHalfWidth: Int
        /// Cells of back-pointers kept (bytes), the dominant memory of the search.
        package var backPointerCells: Int
        /// The character ratio used (target per source character) and how many searches ran.
        public var characterRatio: Double = 0
        package var searches: Int = 1
    }

    /// The beads aligning `source` to `target` sentences, in order, covering every sentence exactly once.
    public func align(source: [String], target: [String]) -> [Bead] {
        run(source: source, target: target).beads
    }

    public func run(source: [String], target: [String]) -> Result {
        // The two sides' features are independent: extract them on two threads.
        let features = ResultSlots<SentenceFeatures>(count: 2)
        DispatchQueue.concurrentPerform(iterations: 2) { side in
            if side == 0 {
                features.set(0, SentenceFeatures(source, language: sourceLanguage, anchors: anchorSources, parameters: parameters))
            } else {
                features.set(1, SentenceFeatures(target, language: targetLanguage, anchors: anchorSources, parameters: parameters))
            }
        }
        guard let sourceFeatures = features.value(0), let targetFeatures = features.value(1) else {
            preconditionFailure("features not computed")
        }
        var effective = parameters
        let sourceCharacters = sourceFeatures.lengths.reduce(0, +)
        let targetCharacters = targetFeatures.lengths.reduce(0, +)
        let calibrated = parameters.characterRatio
        // The document's own ratio, shrunk towards the calibrated one by `documentRatioPriorCharacters` characters
        // of prior evidence (short texts lean on the calibration, long ones on themselves).
        func documentRatio(source: Double, target: Double) -> Double {
            let prior = Double(parameters.documentRatioPriorCharacters ?? 0)
            return min(2, max(0.5, (target + prior * calibrated) / (source + prior)))
        }
        if parameters.documentRatioPriorCharacters != nil, targetCharacters > 0 {
            effective.characterRatio = documentRatio(source: sourceCharacters, target: targetCharacters)
        } else if let minimum = parameters.documentRatioMinimumCharacters, sourceCharacters >= Double(minimum),
            targetCharacters > 0
        {
            effective.characterRatio = min(2, max(0.5, targetCharacters / sourceCharacters))
        } else {
            var result = BandedSearch(source: sourceFeatures, target: targetFeatures, parameters: effective, progress: progress).run()
            result.characterRatio = effective.characterRatio
            return result
        }
        // Long untranslated passages distort the document ratio: re-estimate it from the 1-1 beads found, and
        // align again if it moved by more than 5%.
        var first = BandedSearch(source: sourceFeatures, target: targetFeatures, parameters: effective, progress: progress).run()
        first.characterRatio = effective.characterRatio
        var pairedSource = 0.0
        var pairedTarget = 0.0
        for bead in first.beads where bead.source.count == 1 && bead.target.count == 1 {
            pairedSource += sourceFeatures.lengths[bead.source.lowerBound]
            pairedTarget += targetFeatures.lengths[bead.target.lowerBound]
        }
        guard pairedSource >= Double(parameters.documentRatioMinimumCharacters ?? 0) / 2, pairedTarget > 0 else {
            return first
        }
        let paired = parameters.documentRatioPriorCharacters != nil
            ? documentRatio(source: pairedSource, target: pairedTarget) : min(2, max(0.5, pairedTarget / pairedSource))
        guard abs(paired - effective.characterRatio) > 0.05 * effective.characterRatio else { return first }
        effective.characterRatio = paired
        var second = BandedSearch(source: sourceFeatures, target: targetFeatures, parameters: effective, progress: progress).run()
        second.characterRatio = paired
        second.searches = 2
        return second
    }
}

/// Per-sentence lengths and anchor keys of one side, in flat arrays for the inner loop.
struct SentenceFeatures {
    var lengths: [Double]
    /// Anchor keys of sentence i are keys[offsets[i]..<offsets[i+1]], sorted.
    var keys: [UInt64]
    var offsets: [Int]
    /// Sum of the weights of sentence i's keys, and of their weights when left without a partner.
    var weights: [Double]
    var penaltyWeights: [Double]
    var count: Int { lengths.count }

    init(_ sentences: [String], language: Language, anchors: [any AnchorSource], parameters: AlignmentParameters) {
        lengths = []
        lengths.reserveCapacity(sentences.count)
        keys = []
        offsets = [0]
        offsets.reserveCapacity(sentences.count + 1)
        weights = []
        weights.reserveCapacity(sentences.count)
        penaltyWeights = []
        penaltyWeights.reserveCapacity(sentences.count)
        let keysBySource = anchors.map { $0.keys(inEach: sentences, language: language) }
        for (index, sentence) in sentences.enumerated() {
            lengths.append(Double(sentence.unicodeScalars.count))
            var sentenceKeys: [UInt64] = []
            var weight = 0.0
            var penaltyWeight = 0.0
            for (source, keysOfSentences) in zip(anchors, keysBySource) {
                let kindWeight = parameters.weight(of: source.kind)
                let kindPenalty = parameters.penaltyWeight(of: source.kind)
                for key in keysOfSentences[index] {
                    sentenceKeys.append(AnchorHash.key(kind: source.kind, key))
                    weight += kindWeight
                    penaltyWeight += kindPenalty
                }
            }
            sentenceKeys.sort()
            keys += sentenceKeys
            offsets.append(keys.count)
            weights.append(weight)
            penaltyWeights.append(penaltyWeight)
        }
    }
}

/// Stable 64-bit keys (FNV-1a, not Swift's per-process seeded hash) carrying the anchor kind in the top byte.
enum AnchorHash {
    static func key(kind: AnchorKind, _ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return (UInt64(kind.rawValue) << 56) | (hash & 0x00FF_FFFF_FFFF_FFFF)
    }

    static func kind(of key: UInt64) -> Int { Int(key >> 56) }
}

/// −log of the two-sided normal tail, 2·(1 − Φ(|z|)), tabulated: it is the costliest part of a bead's score.
struct NormalTailCost {
    static let step = 0.01
    static let limit = 20.0
    let table: [Double]

    init() {
        let count = Int(Self.limit / Self.step) + 2
        table = (0..<count).map { index in
            let z = Double(index) * Self.step
            return -log(max(erfc(z / 2.0.squareRoot()), Double.leastNormalMagnitude))
        }
    }

    @inline(__always)
    func cost(_ z: Double) -> Double {
        let magnitude = abs(z)
        if magnitude >= Self.limit {
            // Asymptote of −log erfc(x) with x = z/√2: x² + log(x·√π).
            let x = magnitude / 2.0.squareRoot()
            return x * x + log(x * Double.pi.squareRoot())
        }
        let position = magnitude / Self.step
        let index = Int(position)
        let fraction = position - Double(index)
        return table[index] + (table[index + 1] - table[index]) * fraction
    }
}

/// The banded dynamic programme.
struct BandedSearch {
    let source: SentenceFeatures
    let target: SentenceFeatures
    let parameters: AlignmentParameters
    var progress: (@Sendable (_ row: Int, _ rows: Int) -> Void)? = nil
    let tail = NormalTailCost()

    /// Bead shapes by back-pointer code (code 0 marks the start cell).
    static let shapes: [(sourceCount: Int, targetCount: Int)] = [(0, 0), (1, 1), (1, 0), (0, 1), (2, 1), (1, 2), (2, 2)]

    func run() -> SentenceAligner.Result {
        let n = source.count
        let m = target.count
        if n == 0 || m == 0 {
            let beads = (0..<n).map { Bead(source: $0..<($0 + 1), target: 0..<0) }
                + (0..<m).map { Bead(source: n..<n, target: $0..<($0 + 1)) }
            return .init(beads: beads, cost: 0, bandHalfWidth: 0, backPointerCells: 0)
        }
        // Consecutive rows' bands must overlap even when one side has many more sentences.
        let slope = Int((Double(max(n, m)) / Double(min(n, m))).rounded(.up))
        var halfWidth = max(parameters.initialBand, 2 * slope + 4)
        let fullWidth = max(n, m)
        while true {
            halfWidth = min(halfWidth, fullWidth)
            let cells = (n + 1) * min(2 * halfWidth + 1, m + 1)
            let pass = search(halfWidth: halfWidth)
            let nextCells = (n + 1) * min(4 * halfWidth + 1, m + 1)
            if halfWidth >= fullWidth || pass.closestToEdge > 2 || nextCells > parameters.maximumBandCells {
                return .init(beads: pass.beads, cost: pass.cost, bandHalfWidth: halfWidth, backPointerCells: cells)
            }
            halfWidth *= 2
        }
    }

    struct Pass {
        var beads: [Bead]
        var cost: Double
        /// Smallest distance from the path to a band edge that is not a text edge.
        var closestToEdge: Int
    }

    func search(halfWidth: Int) -> Pass {
        let n = source.count
        let m = target.count
        // A row never holds more than the m + 1 target positions.
        let width = min(2 * halfWidth + 1, m + 1)
        // Band limits of each row (inclusive), around the diagonal i·m/n.
        let lows = (0...n).map { max(0, Int((Double($0) * Double(m) / Double(n)).rounded()) - halfWidth) }
        let highs = (0...n).map { min(m, Int((Double($0) * Double(m) / Double(n)).rounded()) + halfWidth) }
        var back = [UInt8](repeating: 0, count: (n + 1) * width)
        // Three rolling rows of costs: row i lives in rows[i % 3], starting at column low(i).
        var rows = [Double](repeating: .infinity, count: 3 * width)
        var finalCost = Double.infinity

        let priorCost: [Double] = Self.shapes.map { shape in
            let name = "\(shape.sourceCount)-\(shape.targetCount)"
            return shape.sourceCount == 0 || shape.targetCount == 0 ? 0 : -log(parameters.prior(name))
        }
        let ratio = parameters.characterRatio
        let variance = parameters.variance
        let reward = parameters.anchorReward
        let penalty = parameters.anchorPenalty
        var kindWeights = [Double](repeating: 1, count: 256)
        var kindPenalties = [Double](repeating: 1, count: 256)
        for kind in AnchorKind.allCases {
            kindWeights[kind.rawValue] = parameters.weight(of: kind)
            kindPenalties[kind.rawValue] = parameters.penaltyWeight(of: kind)
        }
        let omissionCost = parameters.omissionCost
        let omissionPerCharacter = parameters.omissionCostPerCharacter
        let shapeCount = Self.shapes.count
        let shapeSource = Self.shapes.map(\.sourceCount)
        let shapeTarget = Self.shapes.map(\.targetCount)
        // Prefix sums: the length and anchor weight of sentences a..<b is prefix[b] − prefix[a].
        let sourceLengths = Self.prefixSums(source.lengths)
        let targetLengths = Self.prefixSums(target.lengths)
        let sourceWeights = Self.prefixSums(source.weights)
        let targetWeights = Self.prefixSums(target.weights)
        let sourcePenalties = Self.prefixSums(source.penaltyWeights)
        let targetPenalties = Self.prefixSums(target.penaltyWeights)
        let sourceOffsets = source.offsets
        let targetOffsets = target.offsets

        source.keys.withUnsafeBufferPointer { sourceKeys in
        target.keys.withUnsafeBufferPointer { targetKeys in
        back.withUnsafeMutableBufferPointer { back in
        rows.withUnsafeMutableBufferPointer { rows in
            for i in 0...n {
                if i & 255 == 0, let progress { progress(i, n) }
                let rowLow = lows[i]
                let rowHigh = highs[i]
                let currentBase = (i % 3) * width
                for index in 0..<width { rows[currentBase + index] = .infinity }
                for j in rowLow...rowHigh {
                    if i == 0 && j == 0 {
                        rows[currentBase] = 0
                        continue
                    }
                    var best = Double.infinity
                    var bestCode: UInt8 = 0
                    for code in 1..<shapeCount {
                        let di = shapeSource[code]
                        let dj = shapeTarget[code]
                        let pi = i - di
                        let pj = j - dj
                        guard pi >= 0, pj >= 0 else { continue }
                        let previousLow = lows[pi]
                        guard pj >= previousLow, pj <= highs[pi] else { continue }
                        let previous = rows[(pi % 3) * width + pj - previousLow]
                        guard previous < .infinity else { continue }
                        let sourceLength = sourceLengths[i] - sourceLengths[pi]
                        let targetLength = targetLengths[j] - targetLengths[pj]
                        var cost = previous + priorCost[code]
                        if di == 0 || dj == 0 {
                            // An untranslated sentence's anchors have no partner by nature: no anchor penalty here,
                            // which is what makes an unmatched anchor inside a translated bead telling.
                            cost += omissionCost + omissionPerCharacter * (sourceLength + targetLength)
                        } else {
                            let mean = (sourceLength + targetLength / ratio) / 2
                            let z = mean > 0 ? (ratio * sourceLength - targetLength) / (variance * mean).squareRoot() : 0
                            cost += tail.cost(z)
                            let sourceWeight = sourceWeights[i] - sourceWeights[pi]
                            let targetWeight = targetWeights[j] - targetWeights[pj]
                            if sourceWeight > 0 || targetWeight > 0 {
                                let unpaired = (sourcePenalties[i] - sourcePenalties[pi])
                                    + (targetPenalties[j] - targetPenalties[pj])
                                // Best case first: if even a full match cannot beat the best bead, skip the merge.
                                let most = min(sourceWeight, targetWeight)
                                guard cost - reward * most < best else { continue }
                                var matched = (weight: 0.0, penalty: 0.0)
                                if most > 0 {
                                    matched = Self.matchedWeight(
                                        sourceKeys, sourceOffsets[pi], sourceOffsets[pi + 1], sourceOffsets[i],
                                        targetKeys, targetOffsets[pj], targetOffsets[pj + 1], targetOffsets[j],
                                        kindWeights, kindPenalties)
                                }
                                cost += -reward * matched.weight + penalty * (unpaired - 2 * matched.penalty)
                            }
                        }
                        if cost < best {
                            best = cost
                            bestCode = UInt8(code)
                        }
                    }
                    rows[currentBase + j - rowLow] = best
                    back[i * width + (j - rowLow)] = bestCode
                }
                if i == n { finalCost = rows[currentBase + m - rowLow] }
            }
        }
        }
        }
        }

        // Trace back from (n, m).
        var beads: [Bead] = []
        var i = n
        var j = m
        var closest = Int.max
        while i > 0 || j > 0 {
            let rowLow = lows[i]
            let rowHigh = highs[i]
            if rowLow > 0 { closest = min(closest, j - rowLow) }
            if rowHigh < m { closest = min(closest, rowHigh - j) }
            let code = Int(back[i * width + (j - rowLow)])
            guard code != 0 else {
                // Unreachable by construction (consecutive rows overlap); never crash on it: what is left is unaligned.
                beads += (0..<j).reversed().map { Bead(source: i..<i, target: $0..<($0 + 1)) }
                beads += (0..<i).reversed().map { Bead(source: $0..<($0 + 1), target: 0..<0) }
                break
            }
            let (di, dj) = Self.shapes[code]
            beads.append(Bead(source: (i - di)..<i, target: (j - dj)..<j))
            i -= di
            j -= dj
        }
        beads.reverse()
        return Pass(beads: beads, cost: finalCost, closestToEdge: closest)
    }

    static func prefixSums(_ values: [Double]) -> [Double] {
        var sums = [0.0]
        sums.reserveCapacity(values.count + 1)
        var total = 0.0
        for value in values {
            total += value
            sums.append(total)
        }
        return sums
    }

    /// Weighted size of the multiset intersection of the source keys (one or two sentences, contiguous in the flat
    /// array: start..<end with a sentence boundary at middle) and the target keys; both runs are sorted per sentence.
    @inline(__always)
    static func matchedWeight(
        _ sourceKeys: UnsafeBufferPointer<UInt64>, _ sourceStart: Int, _ sourceMiddle: Int, _ sourceEnd: Int,
        _ targetKeys: UnsafeBufferPointer<UInt64>, _ targetStart: Int, _ targetMiddle: Int, _ targetEnd: Int,
        _ kindWeights: [Double], _ kindPenalties: [Double]
    ) -> (weight: Double, penalty: Double) {
        var left = MergedRuns(keys: sourceKeys, first: sourceStart, middle: sourceMiddle, end: sourceEnd)
        var right = MergedRuns(keys: targetKeys, first: targetStart, middle: targetMiddle, end: targetEnd)
        var matched = 0.0
        var matchedPenalty = 0.0
        while let a = left.peek, let b = right.peek {
            if a == b {
                matched += kindWeights[AnchorHash.kind(of: a)]
                matchedPenalty += kindPenalties[AnchorHash.kind(of: a)]
                left.advance()
                right.advance()
            } else if a < b {
                left.advance()
            } else {
                right.advance()
            }
        }
        return (matched, matchedPenalty)
    }
}

/// Two sorted runs read as one sorted sequence (the keys of a two-sentence side of a bead).
struct MergedRuns {
    let keys: UnsafeBufferPointer<UInt64>
    var first: Int
    let firstEnd: Int
    var second: Int
    let secondEnd: Int

    init(keys: UnsafeBufferPointer<UInt64>, first: Int, middle: Int, end: Int) {
        self.keys = keys
        self.first = first
        self.firstEnd = middle
        self.second = middle
        self.secondEnd = end
    }

    @inline(__always) var peek: UInt64? {
        if first < firstEnd {
            if second < secondEnd { return min(keys[first], keys[second]) }
            return keys[first]
        }
        return second < secondEnd ? keys[second] : nil
    }

    @inline(__always) mutating func advance() {
        if first < firstEnd && (second >= secondEnd || keys[first] <= keys[second]) {
            first += 1
        } else {
            second += 1
        }
    }
}
