import Foundation

/// Whether text is laid out in columns: a table, or help text's options and their meanings (a meaning wrapped onto
/// the next line is indented to its column). Two lines in a row align when a run of two spaces or more ends at the
/// same column in both, at least one of the two runs after text on its line; the text is laid out when such pairs
/// are at least half as many as the lines with a run after text. Prose with doubled spaces (after full stops,
/// typing slips) meets that only by chance in one pair of lines among many, so its runs stay slips. Fed one
/// character (scalar) at a time; columns count scalars, a line with a tab has no known columns, and runs are of
/// ASCII spaces only.
struct ColumnAlignment {
    private var column = 0
    private var run = 0
    private var lineHasText = false
    private var lineHasTab = false
    private var current: [(column: Int, inner: Bool)] = []
    private var previous: [(column: Int, inner: Bool)] = []
    private var previousHasTab = true
    private var alignedPairs = 0
    private var linesWithInnerRuns = 0

    var isLaidOut: Bool { alignedPairs > 0 && alignedPairs * 2 >= linesWithInnerRuns }

    mutating func add(_ scalar: Unicode.Scalar) {
        switch scalar {
        case " ":
            run += 1
        case "\n":
            endLine()
            return
        default:
            if scalar == "\t" { lineHasTab = true }
            if run >= 2 { current.append((column, lineHasText)) }
            run = 0
            lineHasText = true
        }
        column += 1
    }

    /// Ends the last line when the text does not end with a line break.
    mutating func endLine() {
        if current.contains(where: \.inner) { linesWithInnerRuns += 1 }
        if !lineHasTab && !previousHasTab
            && current.contains(where: { mine in previous.contains { $0.column == mine.column && ($0.inner || mine.inner) } })
        {
            alignedPairs += 1
        }
        swap(&previous, &current)
        current.removeAll(keepingCapacity: true)
        previousHasTab = lineHasTab
        column = 0
        run = 0
        lineHasText = false
        lineHasTab = false
    }

    /// Whether `scalars` are laid out in columns.
    static func isLaidOut<S: Sequence>(_ scalars: S) -> Bool where S.Element == Unicode.Scalar {
        var alignment = ColumnAlignment()
        for scalar in scalars { alignment.add(scalar) }
        alignment.endLine()
        return alignment.isLaidOut
    }
}

extension Blocks {
    /// Whether the text is laid out in columns (`ColumnAlignment`): then its lines are not one paragraph each,
    /// even without a blank line (help text, a table). Only lines with two spaces in a row, and the lines before
    /// them, are decoded.
    static func isLaidOutInColumns(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        var alignment = ColumnAlignment()
        var previousDecoded = false
        var position = 0
        while position < bytes.count {
            let newline = memchr(base + position, 0x0A, bytes.count - position)
            let end = newline.map { UnsafeRawPointer($0) - UnsafeRawPointer(base) } ?? bytes.count
            let hasRun = hasTwoSpaces(base, position..<end)
            // A line without two spaces in a row can align only through its indentation, against a run of the
            // line after it: decoded when that line is.
            if hasRun || position + 1 < bytes.count && bytes[position] == 0x20 && bytes[position + 1] == 0x20 {
                if !previousDecoded && position > 0 {
                    // The line before, decoded so that the alignment sees it.
                    var start = position - 1
                    while start > 0 && base[start - 1] != 0x0A { start -= 1 }
                    alignment.endLine()
                    decode(base, start..<(position - 1), into: &alignment)
                    alignment.endLine()
                } else if !previousDecoded {
                    alignment.endLine()
                }
                decode(base, position..<end, into: &alignment)
                alignment.endLine()
                previousDecoded = true
            } else {
                previousDecoded = false
            }
            position = end + 1
        }
        return alignment.isLaidOut
    }

    private static func hasTwoSpaces(_ base: UnsafePointer<UInt8>, _ range: Range<Int>) -> Bool {
        var index = range.lowerBound
        while index + 1 < range.upperBound, let space = memchr(base + index, 0x20, range.upperBound - index - 1) {
            index = UnsafeRawPointer(space) - UnsafeRawPointer(base) + 1
            if base[index] == 0x20 { return true }
        }
        return false
    }

    private static func decode(_ base: UnsafePointer<UInt8>, _ range: Range<Int>, into alignment: inout ColumnAlignment) {
        var index = range.lowerBound
        while index < range.upperBound {
            let byte = base[index]
            if byte < 0x80 {
                alignment.add(Unicode.Scalar(byte))
                index += 1
            } else {
                // Only the column matters: any non-ASCII scalar is text one column wide.
                alignment.add("\u{FFFD}")
                index += 1
                while index < range.upperBound && base[index] & 0xC0 == 0x80 { index += 1 }
            }
        }
    }
}
