import Foundation
import TlumachCore

/// Gold alignments for `align --gold`: `--format beads` lines read back and checked against the texts aligned, so a
/// typo is reported with its line instead of silently lowering the score, and no number in the file decides how
/// much is allocated (each is looked up among the sentences that exist).
public enum GoldBeads {
    /// The beads of `text` (the file `path`). `sourceNumbers` and `targetNumbers` are the numbers the output gives
    /// each sentence, in order: 1…n, or the line numbers of presegmented input (where a blank line leaves a gap).
    public static func read(_ text: String, path: String, sourceNumbers: [Int], targetNumbers: [Int])
        throws(InputError) -> [Bead]
    {
        let sourceIndex = Dictionary(sourceNumbers.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        let targetIndex = Dictionary(targetNumbers.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        var beads: [Bead] = []
        var lineNumber = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            if line.isEmpty { continue }
            func fail(_ message: String) -> InputError { InputError(path: path, line: lineNumber, message: message) }
            let halves = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard halves.count == 2 else {
                throw fail("not a bead line (source numbers, a tab, target numbers)")
            }
            let source = try range(halves[0], side: "source", index: sourceIndex, count: sourceNumbers.count, fail)
            let target = try range(halves[1], side: "target", index: targetIndex, count: targetNumbers.count, fail)
            if source.isEmpty && target.isEmpty { throw fail("a bead needs a sentence on at least one side") }
            beads.append(Bead(source: source, target: target))
        }
        return beads
    }

    private static func range(
        _ field: Substring, side: String, index: [Int: Int], count: Int, _ fail: (String) -> InputError
    ) throws(InputError) -> Range<Int> {
        let trimmed = field.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty { return 0..<0 }
        var first: Int?
        var last = 0
        for part in trimmed.split(separator: ",", omittingEmptySubsequences: false) {
            let digits = part.trimmingCharacters(in: .whitespaces)
            guard let number = Int(digits), number >= 1 else {
                throw fail("not a bead line: '\(digits)' is not a \(side) sentence number")
            }
            guard let position = index[number] else {
                throw fail("no \(side) sentence numbered \(number) (the \(side) text has \(count) sentence\(count == 1 ? "" : "s"))")
            }
            if first == nil {
                first = position
            } else if position != last + 1 {
                throw fail("the \(side) sentences of a bead must follow each other ('\(trimmed)')")
            }
            last = position
        }
        guard let first else { return 0..<0 }
        return first..<(last + 1)
    }
}
