/// Strict bead-level scores, as alignment papers report them: a predicted bead counts only if a gold bead has
/// exactly the same source and target sentences. Omissions (1-0, 0-1) count as beads.
public struct AlignmentScore: Sendable, Equatable, CustomStringConvertible {
    public var predicted: Int
    public var gold: Int
    public var correct: Int

    public init(predicted: [Bead], gold: [Bead], includeOmissions: Bool = true) {
        let keep: (Bead) -> Bool = { includeOmissions || (!$0.source.isEmpty && !$0.target.isEmpty) }
        let goldLines = Set(gold.filter(keep).map(\.beadLine))
        let predictedLines = predicted.filter(keep).map(\.beadLine)
        self.predicted = predictedLines.count
        self.gold = goldLines.count
        self.correct = predictedLines.filter { goldLines.contains($0) }.count
    }

    /// Scores `--format beads` lines (as numbered in the output) against gold lines of the same format.
    public init(predictedLines: [String], goldLines: [String]) {
        let gold = Set(goldLines)
        self.predicted = predictedLines.count
        self.gold = gold.count
        self.correct = predictedLines.filter { gold.contains($0) }.count
    }

    public init(predicted: Int, gold: Int, correct: Int) {
        self.predicted = predicted
        self.gold = gold
        self.correct = correct
    }

    public var precision: Double { predicted == 0 ? 0 : Double(correct) / Double(predicted) }
    public var recall: Double { gold == 0 ? 0 : Double(correct) / Double(gold) }
    public var f1: Double {
        let sum = precision + recall
        return sum == 0 ? 0 : 2 * precision * recall / sum
    }

    /// Micro-average: sums the counts of several documents.
    public static func + (left: Self, right: Self) -> Self {
        Self(predicted: left.predicted + right.predicted, gold: left.gold + right.gold,
             correct: left.correct + right.correct)
    }

    public var description: String {
        "P \(Self.format(precision)) R \(Self.format(recall)) F1 \(Self.format(f1)) (\(correct) of \(predicted) predicted, \(gold) gold)"
    }

    private static func format(_ value: Double) -> String {
        let scaled = Int((value * 1000).rounded())
        return "\(scaled / 1000).\(String(scaled % 1000).leftPadded(to: 3))"
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
