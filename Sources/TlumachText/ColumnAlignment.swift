import Foundation

extension Blocks {
    /// Whether text is laid out in columns: a table, or help text's options and their meanings (a meaning wrapped
    /// onto the next line is indented to its column). Two lines in a row align when a run of two spaces or more
    /// ends at the same column in both, at least one of the two runs after text on its line; the text is laid out
    /// when such pairs are at least half as many as the lines with a run after text. Prose with doubled spaces
    /// (after full stops, typing slips) meets that only by chance in one pair of lines among many, so its runs stay
    /// slips. Columns count scalars (up to the 256th), a line with a tab has no known columns, and runs are of
    /// ASCII spaces only.
    /// The one test of it: a file without blank lines laid out so is not one paragraph a line
    /// (`linesAreParagraphs`), and the space-runs rule, `FastScan` and the byte path leave such a paragraph's runs.
    static func isLaidOutInColumns(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        return isLaidOutInColumns(base, 0..<bytes.count)
    }

    /// The same for the lines in `range` (a paragraph). Columns past the 256th are not looked at.
    static func isLaidOutInColumns(_ base: UnsafePointer<UInt8>, _ range: Range<Int>) -> Bool {
        // One line lays out nothing.
        guard range.count > 1, memchr(base + range.lowerBound, 0x0A, range.count - 1) != nil else { return false }
        // The columns where runs end on the line before and on this one, and those of runs after text.
        var previous = ColumnSet(), previousInner = ColumnSet()
        var previousHasTab = true
        var pairs = 0
        var linesWithInnerRuns = 0
        var position = range.lowerBound
        let limit = range.upperBound
        while position < limit {
            let newline = memchr(base + position, 0x0A, limit - position)
            let end = newline.map { UnsafeRawPointer($0) - UnsafeRawPointer(base) } ?? limit
            var current = ColumnSet(), currentInner = ColumnSet()
            var hasTab = false
            var column = 0
            var run = 0
            var text = false
            var byte = base + position
            let lineEnd = base + end
            while byte < lineEnd {
                let value = byte.pointee
                byte += 1
                if value == 0x20 {
                    run &+= 1
                    column &+= 1
                    continue
                }
                if run >= 2 {
                    current.insert(column)
                    if text { currentInner.insert(column) }
                }
                run = 0
                text = true
                if value == 0x09 { hasTab = true }
                if value & 0xC0 != 0x80 { column &+= 1 }
            }
            if !current.isEmpty {
                if !currentInner.isEmpty { linesWithInnerRuns += 1 }
                if !hasTab && !previousHasTab && current.meets(previous, either: currentInner, previousInner) { pairs += 1 }
            }
            previous = current
            previousInner = currentInner
            previousHasTab = hasTab
            position = end + 1
        }
        return pairs > 0 && pairs * 2 >= linesWithInnerRuns
    }

    /// Columns 0..<256 as bits.
    private struct ColumnSet {
        var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)

        var isEmpty: Bool { words.0 | words.1 | words.2 | words.3 == 0 }

        mutating func insert(_ column: Int) {
            guard column < 256 else { return }
            let bit = UInt64(1) << UInt64(column & 63)
            switch column >> 6 {
            case 0: words.0 |= bit
            case 1: words.1 |= bit
            case 2: words.2 |= bit
            default: words.3 |= bit
            }
        }

        /// Whether a column is in both sets and in one of `inner` and `otherInner`.
        func meets(_ other: ColumnSet, either inner: ColumnSet, _ otherInner: ColumnSet) -> Bool {
            words.0 & other.words.0 & (inner.words.0 | otherInner.words.0) != 0
                || words.1 & other.words.1 & (inner.words.1 | otherInner.words.1) != 0
                || words.2 & other.words.2 & (inner.words.2 | otherInner.words.2) != 0
                || words.3 & other.words.3 & (inner.words.3 | otherInner.words.3) != 0
        }
    }
}
