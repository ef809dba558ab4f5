import Foundation

/// One unit of a sentence alignment: consecutive source sentences that translate consecutive target sentences.
/// Ranges are 0-based sentence indices; an empty range on one side is an omission (1-0) or an addition (0-1).
public struct Bead: Hashable, Sendable, CustomStringConvertible {
    public var source: Range<Int>
    public var target: Range<Int>

    public init(source: Range<Int>, target: Range<Int>) {
        self.source = source
        self.target = target
    }

    /// Shape such as "1-1", "2-1", "0-1".
    public var shape: String { "\(source.count)-\(target.count)" }

    /// The `--format beads` line: 1-based source numbers, a tab, 1-based target numbers (empty for none).
    public var beadLine: String {
        func numbers(_ range: Range<Int>) -> String { range.map { String($0 + 1) }.joined(separator: ",") }
        return numbers(source) + "\t" + numbers(target)
    }

    public var description: String { beadLine.replacingOccurrences(of: "\t", with: " ↔ ") }
}

extension Bead {
    /// Parses one `--format beads` line ("3,4<TAB>5"); nil if it is not one.
    public init?(beadLine line: Substring) {
        let halves = line.split(separator: "\t", maxSplits: 1, omittingEmptySubsequences: false)
        guard halves.count == 2, let source = Self.range(halves[0]), let target = Self.range(halves[1]),
            !(source.isEmpty && target.isEmpty)
        else { return nil }
        self.init(source: source, target: target)
    }

    private static func range(_ field: Substring) -> Range<Int>? {
        let trimmed = field.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty { return 0..<0 }
        // Each number must follow the one before it: checked pairwise, never by building the range the first and
        // last number span (`3,2` would trap and `1,999999999999999` would allocate petabytes).
        var first: Int?
        var last = 0
        for part in trimmed.split(separator: ",", omittingEmptySubsequences: false) {
            guard let number = Int(part.trimmingCharacters(in: .whitespaces)), number >= 1 else { return nil }
            if first == nil {
                first = number
            } else if number - 1 != last {
                return nil
            }
            last = number
        }
        guard let first else { return nil }
        return (first - 1)..<last
    }
}
