/// A paragraph being rewritten by the rules: its scalars, which of them are protected, and every edit applied so
/// far, so that each change can be reported at its place in the original text.
struct ParagraphWork {
    var scalars: [Unicode.Scalar]
    var protected: [Bool]
    /// Document byte offset of each original scalar (and one past the end).
    private let originalByteOffsets: [Int]
    private var passes: [[AppliedEdit]] = []
    private(set) var changes: [PendingChange] = []
    /// Whether changes are recorded with their text and place; without, only counted (the text-only output path
    /// needs no report, and building one cost more than the rewriting itself on text with many fixes).
    let reporting: Bool
    private(set) var changeCount = 0
    /// Scalars copied by edits: the work counted by growth tests (issue 17).
    var steps = 0
    /// Whether the paragraph has a CR (the line-ending rule has nothing to do otherwise).
    private(set) var hasCarriageReturn = false

    struct Edit {
        var range: Range<Int>
        var replacement: Replacement
        var rule: String
        /// Overrides the generated "before → after" summary.
        var summary: String? = nil

        init(range: Range<Int>, replacement: [Unicode.Scalar], rule: String, summary: String? = nil) {
            self.range = range
            self.replacement = Replacement(replacement)
            self.rule = rule
            self.summary = summary
        }
    }

    /// An edit's new text, one or two scalars (nearly every edit: a quote, an apostrophe, a dash, a space) held
    /// inline: millions of edits on one long line were millions of small arrays (over 500 MB for 4 MB of quotes).
    struct Replacement: RandomAccessCollection {
        private let first: Unicode.Scalar
        private let second: Unicode.Scalar
        private let inlineCount: Int8
        private let others: [Unicode.Scalar]?

        init(_ scalars: [Unicode.Scalar]) {
            if scalars.count <= 2 {
                first = scalars.first ?? " "
                second = scalars.count == 2 ? scalars[1] : " "
                inlineCount = Int8(scalars.count)
                others = nil
            } else {
                first = " "
                second = " "
                inlineCount = 0
                others = scalars
            }
        }

        var startIndex: Int { 0 }
        var endIndex: Int { others?.count ?? Int(inlineCount) }
        subscript(position: Int) -> Unicode.Scalar {
            if let others { return others[position] }
            return position == 0 ? first : second
        }
    }

    private struct AppliedEdit {
        var inputStart: Int
        var inputLength: Int
        var outputStart: Int
        var outputLength: Int
    }

    init(bytes: UnsafeBufferPointer<UInt8>, byteStart: Int, reporting: Bool = true) {
        self.reporting = reporting
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(bytes.count)
        var offsets: [Int] = []
        if reporting { offsets.reserveCapacity(bytes.count + 1) }
        if let base = bytes.baseAddress {
            var index = 0
            while index < bytes.count {
                // The input was validated as UTF-8; a truncated sequence cannot occur.
                let scalar = FastScan.decode(base, index, bytes.count) ?? "\u{FFFD}"
                scalars.append(scalar)
                if scalar == "\r" { hasCarriageReturn = true }
                if reporting { offsets.append(byteStart + index) }
                index += max(1, UTF8.width(scalar))
            }
        }
        offsets.append(byteStart + bytes.count)
        self.scalars = scalars
        self.protected = [Bool](repeating: false, count: scalars.count)
        self.originalByteOffsets = offsets
    }

    /// Applies non-overlapping edits (later overlapping ones and those touching protected text are dropped).
    mutating func apply(_ proposed: [Edit], protectedToo: Bool = false) {
        if proposed.isEmpty { return }
        // Rules propose in text order: a sorted copy only when they did not (a copy of millions of edits is memory).
        let inOrder = zip(proposed, proposed.dropFirst()).allSatisfy { $0.range.lowerBound <= $1.range.lowerBound }
        let edits = inOrder ? proposed : proposed.sorted { $0.range.lowerBound < $1.range.lowerBound }
        var newScalars: [Unicode.Scalar] = []
        newScalars.reserveCapacity(scalars.count + 8)
        var newProtected: [Bool] = []
        newProtected.reserveCapacity(scalars.count + 8)
        var applied: [AppliedEdit] = []
        var appliedCount = 0
        var cursor = 0
        for edit in edits {
            let range = edit.range
            guard range.lowerBound >= cursor, range.upperBound <= scalars.count else { continue }
            if !protectedToo && protected[range].contains(true) { continue }
            if scalars[range].elementsEqual(edit.replacement) { continue }
            newScalars.append(contentsOf: scalars[cursor..<range.lowerBound])
            newProtected.append(contentsOf: protected[cursor..<range.lowerBound])
            changeCount += 1
            if reporting {
                let start = originalIndex(of: range.lowerBound)
                changes.append(
                    PendingChange(
                        rule: edit.rule, byteOffset: originalByteOffsets[min(start, originalByteOffsets.count - 1)],
                        original: String(String.UnicodeScalarView(scalars[range])),
                        replacement: String(String.UnicodeScalarView(edit.replacement)),
                        summary: edit.summary ?? summary(range, Array(edit.replacement))))
            }
            appliedCount += 1
            if reporting {
                applied.append(
                    AppliedEdit(
                        inputStart: range.lowerBound, inputLength: range.count, outputStart: newScalars.count,
                        outputLength: edit.replacement.count))
            }
            newScalars.append(contentsOf: edit.replacement)
            newProtected.append(contentsOf: repeatElement(false, count: edit.replacement.count))
            cursor = range.upperBound
        }
        if appliedCount == 0 { return }
        newScalars.append(contentsOf: scalars[cursor...])
        newProtected.append(contentsOf: protected[cursor...])
        steps += newScalars.count
        scalars = newScalars
        protected = newProtected
        if reporting { passes.append(applied) }
    }

    /// The index in the original paragraph of a scalar index in the current text.
    func originalIndex(of current: Int) -> Int {
        var index = current
        for pass in passes.reversed() {
            // The last edit starting at or before `index`.
            var low = 0
            var high = pass.count
            while low < high {
                let middle = (low + high) / 2
                if pass[middle].outputStart <= index { low = middle + 1 } else { high = middle }
            }
            guard low > 0 else { continue }
            let edit = pass[low - 1]
            if index < edit.outputStart + edit.outputLength {
                index = edit.inputStart
            } else {
                index = index - (edit.outputStart + edit.outputLength) + edit.inputStart + edit.inputLength
            }
        }
        return index
    }

    /// (No reserveCapacity here: reserving exactly what one paragraph needs reallocated and copied the whole
    /// document's output at every flagged paragraph; appending grows the buffer geometrically.)
    func appendUTF8(to output: inout [UInt8]) {
        var length = 0
        for scalar in scalars { length += UTF8.width(scalar) }
        let start = output.count
        // Grown once (geometrically, by append), then written in place: no capacity check per byte.
        output.append(contentsOf: repeatElement(0, count: length))
        output.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            var at = base + start
            for scalar in scalars {
                let value = scalar.value
                if value < 0x80 {
                    at[0] = UInt8(value)
                    at += 1
                } else if value < 0x800 {
                    at[0] = UInt8(0xC0 | value >> 6)
                    at[1] = UInt8(0x80 | value & 0x3F)
                    at += 2
                } else if value < 0x10000 {
                    at[0] = UInt8(0xE0 | value >> 12)
                    at[1] = UInt8(0x80 | (value >> 6) & 0x3F)
                    at[2] = UInt8(0x80 | value & 0x3F)
                    at += 3
                } else {
                    at[0] = UInt8(0xF0 | value >> 18)
                    at[1] = UInt8(0x80 | (value >> 12) & 0x3F)
                    at[2] = UInt8(0x80 | (value >> 6) & 0x3F)
                    at[3] = UInt8(0x80 | value & 0x3F)
                    at += 4
                }
            }
        }
    }

    /// "м'ясо → м’ясо": the edited text with the rest of its word on each side.
    private func summary(_ range: Range<Int>, _ replacement: [Unicode.Scalar]) -> String {
        func isBreak(_ scalar: Unicode.Scalar) -> Bool {
            scalar == " " || scalar == "\n" || scalar == "\t" || scalar == "\r"
        }
        var start = range.lowerBound
        var steps = 0
        while start > 0 && !isBreak(scalars[start - 1]) && steps < 16 {
            start -= 1
            steps += 1
        }
        var end = range.upperBound
        steps = 0
        while end < scalars.count && !isBreak(scalars[end]) && steps < 16 {
            end += 1
            steps += 1
        }
        let before = Self.visible(scalars[start..<range.lowerBound])
        let after = Self.visible(scalars[range.upperBound..<end])
        let old = Self.visible(scalars[range])
        let new = Self.visible(replacement[...])
        if before.isEmpty && after.isEmpty {
            return "'\(old)' → '\(new)'"
        }
        return "\(before)\(old)\(after) → \(before)\(new)\(after)"
    }

    /// Text with invisible and unusual space characters spelled as ⟨U+XXXX⟩.
    static func visible(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var text = ""
        for scalar in scalars {
            let category = scalar.properties.generalCategory
            let invisible: Bool
            switch category {
            case .format, .control, .lineSeparator, .paragraphSeparator: invisible = true
            case .spaceSeparator: invisible = scalar != " "
            default: invisible = false
            }
            switch invisible {
            case true:
                if scalar == "\n" {
                    text += "⏎"
                } else {
                    text += "⟨U+" + String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 4) + "⟩"
                }
            default:
                if scalar.value == 0xAD {
                    text += "⟨U+00AD⟩"
                } else {
                    text.unicodeScalars.append(scalar)
                }
            }
        }
        return text
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
