import Foundation
import ICU

/// The byte-level rewriter for the commonest flagged paragraphs of real Ukrainian and English text: nothing to fix
/// but straight apostrophes inside words (з'єднання, don't), straight double quotes that pair up at one level
/// ("…" … "…"), runs of spaces, spaced hyphens between words and number ranges. The paragraph is copied in bulk,
/// each such mark written as the rules would write it, and the result scanned again by `FastScan`: only when that
/// scan finds nothing left for any rule (no other trigger, only the quotation marks written here, nested as the
/// language wants) is the result kept; otherwise the caller throws it away and runs the rules. So the output is the rules' output by construction:
/// - before the apostrophe rule, every rule is idle on such a paragraph (the scan of the result saw no trigger, and
///   the straight marks it replaced trigger none of them; `mailto:`, the one protected span the scan does not flag,
///   sends the paragraph to the rules);
/// - the apostrophe rule changes exactly the `'` between two letters, as this path does (same letter test, same
///   script choice);
/// - the quote rule gives each `"` its direction from the characters beside it (the same context tests); here
///   every mark must have exactly one side, and they must alternate open, close, …, so each pair is outermost:
///   “…” in English, «…» otherwise, in the language the rules would resolve (from the same letters); a `'`
///   with a closing side only and no single quotation open (users', GNU `dirs') is the rule's apostrophe, ’ after
///   a Latin letter, and a mark with room on both sides ('-') no mark to it, left as it is;
/// - after it, the dash rule changes the hyphens this path changed (`dash(_:_:_:english:)`: the same
///   spaced-between-words and number-range tests on the same neighbours; a hyphen changed has one space and then
///   text on each side, or digits, so no space run touches it, and the apostrophe and quote rules' marks are text,
///   neither letters nor digits), closed up in English as the language the rules resolve wants; a special space,
///   another script's digit or a dash beside a hyphen sends the paragraph to the rules, and any other hyphen the
///   rule would change is one the scan of the result flags, which sends it there too.
/// NormalizerFastPathTests compares it with the reporting path.
enum ApostropheBytePath {
    /// Appends the rewritten paragraph to `output` and returns how many marks changed, the scan of the result and
    /// its language; nil (with `output` as it was) when the paragraph needs the rules. `language` is the
    /// configured language, or nil to resolve it from the letters (`resolve`, not committed).
    static func rewrite(
        _ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, into output: inout [UInt8],
        apostrophe canonical: Unicode.Scalar, classes: [CharacterClass] = CharacterClassTable.shared.classes,
        quotes: Bool = false, spaceRuns: Bool = false, trailing: Bool = false, dashes: Dashes? = nil,
        language fixed: Language? = .uk, guess: Language = .uk, tables: FastScan.Tables = .shared,
        columns: Bool? = nil, resolve: (LanguageEvidence) -> Language = { _ in .uk }
    ) -> (changes: Int, scan: FastScan)? {
        guard bytes.baseAddress != nil, range.count >= 3 else { return nil }
        let start = output.count
        // Written with the quotes (and English dashes) of the configured language, else of `guess` (the previous
        // paragraph's: most paragraphs are in the language of the one before); again with the other ones when the
        // letters say so.
        var english = (fixed ?? guess) == .en
        guard var result = write(
            bytes, range, into: &output, canonical, quotes: quotes, english: english, spaceRuns: spaceRuns,
            trailing: trailing, dashes: dashes, columns: columns) else {
            return undo(&output, start)
        }
        var scan = output.withUnsafeBufferPointer {
            FastScan.run($0, start..<$0.count, classes: classes, apostrophe: canonical, tables: tables)
        }
        // Quotation marks already in the paragraph are taken only when none were written here: then the quote
        // rule sees this very text (the marks written are the apostrophe and space rules'), on which the scan
        // below says it is idle. A ’ written for a single mark closing nothing (`closers`) is the quote rule's own
        // apostrophe, which it writes only when the paragraph's marks pair up: so then every quotation mark must
        // be one written here (a typographic one already there may not pair in its eyes: “ '--exec'.”). A ’
        // already there closing a word (`scan.looseApostrophes`, some of them written here) closes a single
        // quotation the rule sees open ('é-users’'): none may stand inside a pair of single marks written here.
        guard !scan.needsWork, scan.quoteCount == result.quotes || result.quotes == 0 && result.closers == 0,
            result.singlePairs == 0 || scan.looseApostrophes == result.closers
        else {
            return undo(&output, start)
        }
        // Spaced dashes are written as the language wants them only when English closes them up.
        let languageDashes = result.spacedDashes > 0 && dashes?.closedInEnglish == true
        if scan.quoteCount > 0 || languageDashes {
            let language = fixed ?? resolve(scan.evidence)
            if (result.quotes > 0 || languageDashes) && (language == .en) != english {
                english = language == .en
                output.removeSubrange(start...)
                guard let again = write(
                    bytes, range, into: &output, canonical, quotes: quotes, english: english, spaceRuns: spaceRuns,
                    trailing: trailing, dashes: dashes, columns: columns) else {
                    return undo(&output, start)
                }
                result = again
                scan = output.withUnsafeBufferPointer {
                    FastScan.run($0, start..<$0.count, classes: classes, apostrophe: canonical, tables: tables)
                }
                guard !scan.needsWork, scan.quoteCount == result.quotes || result.quotes == 0 && result.closers == 0,
                    result.singlePairs == 0 || scan.looseApostrophes == result.closers
                else {
                    return undo(&output, start)
                }
            }
            guard scan.quotesAreCanonical(for: language) else { return undo(&output, start) }
        }
        return (result.changes, scan)
    }

    /// The dash rule as this path applies it: on, and whether English closes spaced dashes up ("a—b").
    struct Dashes {
        var closedInEnglish: Bool
    }

    /// One pass: the paragraph with its in-word `'` and paired `"` replaced, or nil at the first mark the rules
    /// must decide.
    private static func write(
        _ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, into output: inout [UInt8],
        _ canonical: Unicode.Scalar, quotes: Bool, english: Bool, spaceRuns: Bool, trailing: Bool, dashes: Dashes?,
        columns known: Bool?
    ) -> (changes: Int, quotes: Int, spacedDashes: Int, closers: Int, singlePairs: Int)? {
        guard let base = bytes.baseAddress else { return nil }
        var changes = 0
        var written = 0
        var spacedDashes = 0
        var closers = 0
        var singlePairs = 0
        var open = false
        var openSingle = false
        // The last straight single mark left straight for the quote rule (all but apostrophes between letters).
        var lastSingle = range.lowerBound - 1
        var hasBacktick: Bool?
        // Whether the paragraph lays out columns: from the caller's scan, else asked once, when a run or a dash needs it.
        var columns = known
        func laidOut() -> Bool {
            if let columns { return columns }
            let found = Blocks.isLaidOutInColumns(base, range)
            columns = found
            return found
        }
        var copied = range.lowerBound
        var index = range.lowerBound
        let end = range.upperBound
        let table = classTable
        @inline(__always) func classOf(_ scalar: Unicode.Scalar) -> CharacterClass {
            scalar.value < 0x10000 ? table[Int(scalar.value)] : CharacterClass(of: scalar)
        }
        @inline(__always) func isLetter(_ scalar: Unicode.Scalar) -> Bool {
            classOf(scalar).contains(.letter) && !isApostropheVariant(scalar)
        }
        while index < end {
            // Eight bytes a step up to the next byte the loop below looks at (a space before a byte up to U+0020,
            // `"`, `'`, `-` or `<`; now and then another byte, which the loop passes over as before).
            index = nextMark(base, index, end)
            guard index < end else { break }
            let byte = base[index]
            if byte == 0x20 {
                // One space between two characters (nearly every space) changes nothing.
                let following: UInt8 = index + 1 < end ? base[index + 1] : 0x0A
                if following != 0x20 && following != 0x0A && following != 0x09 && following != 0x0D {
                    index += 1
                    continue
                }
                guard let run = spaceRun(base, range, index, spaceRuns: spaceRuns, trailing: trailing, laidOut: laidOut) else {
                    return nil
                }
                if let replacement = run.replacement {
                    output.append(contentsOf: UnsafeBufferPointer(start: base + copied, count: index - copied))
                    if replacement { output.append(0x20) }
                    changes += 1
                    copied = run.end
                }
                index = run.end
                continue
            }
            if byte == 0x2D, let dashes {
                // A hyphen (or two) the dash rule may change: spaced between words, or between numbers.
                guard let dash = dash(base, range, index, english: english && dashes.closedInEnglish) else {
                    return nil
                }
                // In a paragraph laid out in columns a dash that takes the place of more than one character stays a
                // hyphen (it would shift the columns), as the rules leave it, when the space-runs rule (which decides
                // the columns) is on.
                if let replacement = dash.replacement, replacement.count == 1 || !(spaceRuns && laidOut()) {
                    output.append(contentsOf: UnsafeBufferPointer(start: base + copied, count: replacement.lowerBound - copied))
                    append(dash.spaced ? "\u{2014}" : "\u{2013}", to: &output)
                    changes += 1
                    if dash.spaced { spacedDashes += 1 }
                    copied = replacement.upperBound
                }
                index = dash.end
                continue
            }
            if byte != 0x27 && byte != 0x22 {
                // An HTML tag is a protected span: the rules change nothing in it, so it must hold nothing this
                // path would change (what `FastScan` passes over).
                if byte == 0x3C, let close = FastScan.tagEnd(base, index, end) {
                    guard FastScan.isPlainTag(base, index + 1, close) else { return nil }
                    index = close + 1
                    continue
                }
                index += 1
                continue
            }
            var previous: Unicode.Scalar?
            if index > range.lowerBound {
                var lead = index - 1
                while lead > range.lowerBound && base[lead] & 0xC0 == 0x80 { lead -= 1 }
                previous = FastScan.decode(base, lead, end)
            }
            let next = index + 1 < end ? FastScan.decode(base, index + 1, end) : nil
            let wanted: Unicode.Scalar
            let between = previous.map(isLetter) == true && next.map(isLetter) == true
            if byte == 0x27 && between {
                // An apostrophe: between two letters (the apostrophe rule's own test).
                guard let previous, let next else { return nil }
                if classOf(previous).contains(.cyrillic) || classOf(next).contains(.cyrillic) {
                    wanted = canonical
                } else if classOf(previous).contains(.latin) && classOf(next).contains(.latin) {
                    wanted = "\u{2019}"
                } else {
                    return nil
                }
            } else {
                // A quotation mark, single ('%s') or double; glued between letters, the rules decide. So they do
                // after a name and "(" (a call's argument, f("x"), may be a protected span: `ProtectedSpans`).
                guard quotes, !between else { return nil }
                if previous == "(" && index - 2 >= range.lowerBound && ProtectedSpans.isNameEnd(Unicode.Scalar(base[index - 2])) {
                    return nil
                }
                let openSide = isOpeningContext(previous)
                let closeSide = isClosingContext(next)
                // One side only, alternating from an opening mark, each closing mark of its opening mark's kind: a
                // pair at the outer level, which the quote rule draws with the language's outer marks whatever
                // the straight mark was. (A single mark closing nothing is an apostrophe there: the rules decide.)
                if openSide && closeSide {
                    // A lone mark between spaces (or before a hyphen, a full stop…): no quotation mark to the
                    // quote rule, which leaves it; so does this path.
                    if byte == 0x27 { lastSingle = index }
                    index += 1
                    continue
                }
                guard openSide != closeSide else { return nil }
                let single = byte == 0x27
                if single && (openSide || open && openSingle) { lastSingle = index }
                if openSide {
                    guard !open else { return nil }
                    openSingle = single
                    if single { singlePairs += 1 }
                } else if single && !(open && openSingle) {
                    // A single mark closing no single quotation (users', GNU `dirs'): the quote rule's apostrophe,
                    // ’ after a Latin letter; after anything else it stays, and the rules decide.
                    guard let previous, classOf(previous).contains(.latin) else { return nil }
                    // One closing GNU quoting (`%s') is no apostrophe there: it stays.
                    if hasBacktick == nil { hasBacktick = memchr(base + range.lowerBound, 0x60, range.count) != nil }
                    guard let closesGNU = hasBacktick == true
                        ? closesGNUQuotation(base, range, index, after: lastSingle) : false
                    else { return nil }
                    lastSingle = index
                    if closesGNU {
                        index += 1
                        continue
                    }
                    output.append(contentsOf: UnsafeBufferPointer(start: base + copied, count: index - copied))
                    append("\u{2019}", to: &output)
                    changes += 1
                    closers += 1
                    index += 1
                    copied = index
                    continue
                } else {
                    guard open, openSingle == single else { return nil }
                }
                open = openSide
                wanted = english ? (open ? "\u{201C}" : "\u{201D}") : (open ? "\u{AB}" : "\u{BB}")
                written += 1
            }
            output.append(contentsOf: UnsafeBufferPointer(start: base + copied, count: index - copied))
            append(wanted, to: &output)
            changes += 1
            index += 1
            copied = index
        }
        // An e-mail address is a protected span, whose characters the rules leave: this path would change them
        // (a range in a domain, 5-6.org) and so could take away the "@" test that sends its result to the rules.
        guard changes > 0, !open, !containsMailto(base, range), !FastScan.containsEmail(base, range) else { return nil }
        output.append(contentsOf: UnsafeBufferPointer(start: base + copied, count: end - copied))
        return (changes, written, spacedDashes, closers, singlePairs)
    }

    /// The first position from `start` whose byte `write` must look at: a `"`, `'`, `-` or `<`, or a space
    /// before a byte up to 0x20 (a space, tab, CR or line break: a run or a trailing space). Eight bytes a test
    /// while nine are left, then the position reached for the byte-by-byte loop. The tests may stop early at
    /// another byte (a borrow carried into it), which `write` passes over as before; they never pass a mark.
    @inline(__always)
    private static func nextMark(_ base: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Int {
        var position = start
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        while position &+ 9 <= end {
            let word = UnsafeRawPointer(base + position).loadUnaligned(as: UInt64.self)
            let next = UnsafeRawPointer(base + position + 1).loadUnaligned(as: UInt64.self)
            @inline(__always) func zeros(_ value: UInt64) -> UInt64 { (value &- ones) & ~value & highs }
            var marks = zeros(word ^ (ones &* 0x22)) | zeros(word ^ (ones &* 0x27))
            marks |= zeros(word ^ (ones &* 0x2D)) | zeros(word ^ (ones &* 0x3C))
            // A space whose next byte is below 0x21.
            marks |= zeros(word ^ (ones &* 0x20)) & (next &- ones &* 0x21) & ~next & highs
            if marks != 0 { return position &+ marks.trailingZeroBitCount &>> 3 }
            position &+= 8
        }
        return position
    }

    /// What the dash rule (`Rules.dashes`, run after every rule this path applies, none of which changes a hyphen
    /// or its neighbours' kinds) does with the "-" at `index`: `end` is where its run ends ("--" is one run, as
    /// there); `replacement` the bytes it replaces, with "—" (`spaced`: a spaced dash between words, the spaces
    /// kept, or taken in when `english` closes it up) or "–" (a number range such as 2020-2021); nil
    /// `replacement` when it stays. Nil when the rules must decide: a special space, a non-ASCII digit or a dash
    /// beside it.
    static func dash(
        _ base: UnsafePointer<UInt8>, _ range: Range<Int>, _ index: Int, english: Bool
    ) -> (end: Int, replacement: Range<Int>?, spaced: Bool)? {
        let table = classTable
        let lower = range.lowerBound
        let upper = range.upperBound
        let end = index + 1 < upper && base[index + 1] == 0x2D ? index + 2 : index + 1
        func scalar(endingAt position: Int) -> Unicode.Scalar? {
            var lead = position
            while lead > lower && base[lead] & 0xC0 == 0x80 { lead -= 1 }
            return FastScan.decode(base, lead, upper)
        }
        func classes(_ scalar: Unicode.Scalar) -> CharacterClass {
            scalar.value < 0x10000 ? table[Int(scalar.value)] : CharacterClass(of: scalar)
        }
        // The neighbours as scalars (nil at the paragraph's edges).
        let before = index > lower ? scalar(endingAt: index - 1) : nil
        let after = end < upper ? FastScan.decode(base, end, upper) : nil
        // Any horizontal space but the ASCII one, or an en or em dash, beside it: the rules decide.
        func isOther(_ scalar: Unicode.Scalar?) -> Bool {
            guard let scalar else { return false }
            return Rules.isSpecialSpace(scalar) || scalar == "\u{2013}" || scalar == "\u{2014}"
        }
        if isOther(before) || isOther(after) { return nil }
        if before == " " && after == " " {
            // Spaced: the words beside the spaces must be text (not a line break, tab, space or dash), and not
            // both digits ("5 - 3" stays).
            guard index - 2 >= lower, end + 1 < upper, let left = scalar(endingAt: index - 2),
                let right = FastScan.decode(base, end + 1, upper)
            else { return (end, nil, false) }
            func isText(_ scalar: Unicode.Scalar) -> Bool {
                switch scalar {
                case "\n", "\t", "\r", "-", "\u{2013}", "\u{2014}": return false
                default: return !Rules.isHorizontalSpace(scalar)
                }
            }
            if isOther(left) || isOther(right) { return nil }
            guard isText(left) && isText(right) else { return (end, nil, false) }
            let leftDigit = classes(left).contains(.digit)
            let rightDigit = classes(right).contains(.digit)
            if leftDigit && rightDigit { return (end, nil, false) }
            if english && Rules.startsListItem(after: left) { return (end, nil, false) }
            return (end, english ? (index - 1)..<(end + 1) : index..<end, true)
        }
        // A number range: one hyphen between digits, the numbers (digits, and . , : between digits) with no letter,
        // "-", "–", "+", "." or "/" before and no letter, "-", "–" or "/" after.
        guard end == index + 1, let before, let after else { return (end, nil, false) }
        let beforeDigit = classes(before).contains(.digit)
        let afterDigit = classes(after).contains(.digit)
        guard beforeDigit && afterDigit else { return (end, nil, false) }
        // Digits other than ASCII ones: the rules decide.
        guard before.value < 0x80 && after.value < 0x80 else { return nil }
        @inline(__always) func isASCIIDigit(_ position: Int) -> Bool { base[position] &- 0x30 < 10 }
        func isNumberPart(_ position: Int) -> Bool {
            if isASCIIDigit(position) { return true }
            let byte = base[position]
            return (byte == 0x2E || byte == 0x2C || byte == 0x3A) && position > lower && position + 1 < upper
                && isASCIIDigit(position - 1) && isASCIIDigit(position + 1)
        }
        var leftStart = index - 1
        while leftStart > lower && isNumberPart(leftStart - 1) { leftStart -= 1 }
        var rightEnd = end
        while rightEnd < upper && isNumberPart(rightEnd) { rightEnd += 1 }
        // A separator the ASCII test did not take because another script's digit stands beyond it: the rules
        // decide (their numbers take any digit).
        func separatorBeforeDigit(_ separator: Int, _ beyond: Int?) -> Bool {
            guard base[separator] == 0x2E || base[separator] == 0x2C || base[separator] == 0x3A, let beyond else {
                return false
            }
            return FastScan.decode(base, beyond, upper).map { classes($0).contains(.digit) } ?? false
        }
        if leftStart - 1 > lower,
            separatorBeforeDigit(leftStart - 1, {
                var lead = leftStart - 2
                while lead > lower && base[lead] & 0xC0 == 0x80 { lead -= 1 }
                return lead
            }())
        {
            return nil
        }
        if rightEnd + 1 < upper, separatorBeforeDigit(rightEnd, rightEnd + 1) { return nil }
        var leftOK = true
        if leftStart > lower, let previous = scalar(endingAt: leftStart - 1) {
            let kinds = classes(previous)
            // A digit the ASCII test above did not take (another script's): the rules decide.
            if kinds.contains(.digit) || kinds.contains(.nfcBoundary) == false { return nil }
            leftOK = !(isLetterForDash(previous, kinds) || "-\u{2013}+./_".unicodeScalars.contains(previous))
        }
        var rightOK = true
        if rightEnd < upper, let next = FastScan.decode(base, rightEnd, upper) {
            let kinds = classes(next)
            if kinds.contains(.digit) || kinds.contains(.nfcBoundary) == false { return nil }
            rightOK = !(isLetterForDash(next, kinds) || next == "-" || next == "\u{2013}" || next == "/" || next == "_")
        }
        return (end, leftOK && rightOK ? index..<end : nil, false)
    }

    @inline(__always)
    private static func isLetterForDash(_ scalar: Unicode.Scalar, _ kinds: CharacterClass) -> Bool {
        kinds.contains(.letter) && !isApostropheVariant(scalar)
    }

    /// A run of ASCII spaces starting at `start` as the space-runs and trailing-space rules see it: `replacement`
    /// nil when they leave it, false when the trailing-space rule removes it (it reaches the line's end), true when
    /// the space-runs rule makes it one space (two or more after text on the line). Nil when the rules must decide:
    /// a tab, CR or other space beside it (their runs take those in), or a rule switched off.
    private static func spaceRun(
        _ base: UnsafePointer<UInt8>, _ range: Range<Int>, _ start: Int, spaceRuns: Bool, trailing: Bool,
        laidOut: () -> Bool
    ) -> (end: Int, replacement: Bool?)? {
        var end = start
        while end < range.upperBound && base[end] == 0x20 { end += 1 }
        let next: Unicode.Scalar? = end < range.upperBound ? FastScan.decode(base, end, range.upperBound) : nil
        var previous: Unicode.Scalar?
        if start > range.lowerBound {
            var lead = start - 1
            while lead > range.lowerBound && base[lead] & 0xC0 == 0x80 { lead -= 1 }
            previous = FastScan.decode(base, lead, range.upperBound)
        }
        func joinsRun(_ scalar: Unicode.Scalar?) -> Bool {
            guard let scalar else { return false }
            return scalar == "\r" || Rules.isHorizontalSpace(scalar)
        }
        if joinsRun(previous) || joinsRun(next) { return nil }
        if previous == "\t" || next == "\t" {
            // A tab beside it (help text: "    \t\tзліва", "-N\t   Показує"): the space-runs rule's runs are of
            // spaces only, a tab ends one; the trailing-space rule's are of spaces and tabs. When that longer run
            // reaches the line's end, the rules decide; otherwise only the space-runs rule may act, after text on
            // the line (a tab is no text to it).
            var runEnd = end
            while runEnd < range.upperBound && (base[runEnd] == 0x20 || base[runEnd] == 0x09) { runEnd += 1 }
            if runEnd == range.upperBound || base[runEnd] == 0x0A || base[runEnd] == 0x0D { return nil }
            var back = start
            while back > range.lowerBound && (base[back - 1] == 0x20 || base[back - 1] == 0x09) { back -= 1 }
            if back > range.lowerBound {
                var lead = back - 1
                while lead > range.lowerBound && base[lead] & 0xC0 == 0x80 { lead -= 1 }
                guard let before = FastScan.decode(base, lead, range.upperBound) else { return nil }
                if before != "\n" {
                    // Any other horizontal space before is the rules' to judge (it is no text to them).
                    if joinsRun(before) { return nil }
                    if end - start < 2 { return (end, nil) }
                    if laidOut() { return spaceRuns ? (end, nil) : nil }
                    return spaceRuns ? (end, true) : nil
                }
            }
            // Indentation: nothing but spaces and tabs before it on the line.
            return (end, nil)
        }
        if next == nil || next == "\n" {
            return trailing ? (end, false) : nil
        }
        // Indentation (nothing before it on the line) and single spaces stay.
        if previous == nil || previous == "\n" || end - start < 2 { return (end, nil) }
        // With a line above or below, a run after text stays when the paragraph is laid out in columns, as the
        // space-runs rule decides it (`Blocks.isLaidOutInColumns`).
        if laidOut() { return spaceRuns ? (end, nil) : nil }
        return spaceRuns ? (end, true) : nil
    }

    /// Whether the `'` at `index`, closing a word, closes GNU quoting as `Rules.gnuQuotationClosers` finds it: the
    /// last backtick after the previous straight single mark (`after`) stands with room to open before it and no
    /// line break follows it. Nil when the rules must decide (a tag in between).
    static func closesGNUQuotation(
        _ base: UnsafePointer<UInt8>, _ range: Range<Int>, _ index: Int, after previous: Int
    ) -> Bool? {
        let from = max(previous + 1, range.lowerBound)
        var tick = index - 1
        while tick >= from && base[tick] != 0x60 { tick -= 1 }
        guard tick >= from else { return false }
        if memchr(base + from, 0x3C, index - from) != nil { return nil }
        if memchr(base + tick, 0x0A, index - tick) != nil { return false }
        var lead = tick - 1
        while lead > range.lowerBound && base[lead] & 0xC0 == 0x80 { lead -= 1 }
        return isOpeningContext(tick > range.lowerBound ? FastScan.decode(base, lead, range.upperBound) : nil)
    }

    /// Whether a straight quotation mark after this character (nil: the paragraph's start) may open a quotation;
    /// the quote rule asks the same.
    static func isOpeningContext(_ scalar: Unicode.Scalar?) -> Bool {
        guard let scalar else { return true }
        if scalar.value < 0x80 { return isOpeningContext(ascii: UInt8(scalar.value)) }
        if Rules.isHorizontalSpace(scalar) { return true }
        switch scalar {
        case "—", "–", "«", "„", "“", "‘", "‚": return true
        default: return false
        }
    }

    /// `isOpeningContext` for an ASCII character (what `FastScan` asks of the byte before a straight mark): a
    /// space, tab or line break, `( [ { - /`.
    @inline(__always)
    static func isOpeningContext(ascii byte: UInt8) -> Bool {
        switch byte {
        case 0x20, 0x0A, 0x09, 0x28, 0x5B, 0x7B, 0x2D, 0x2F: return true
        default: return false
        }
    }

    /// Whether one before this character (nil: the paragraph's end) may close a quotation.
    static func isClosingContext(_ scalar: Unicode.Scalar?) -> Bool {
        guard let scalar else { return true }
        if Rules.isHorizontalSpace(scalar) { return true }
        switch scalar {
        case "\n", "\t", ")", "]", "}", ".", ",", ";", ":", "!", "?", "…", "—", "–", "-", "/", "»", "“", "”", "’": return true
        default: return false
        }
    }

    private static func undo(_ output: inout [UInt8], _ start: Int) -> (changes: Int, scan: FastScan)? {
        output.removeSubrange(start...)
        return nil
    }

    private static func append(_ scalar: Unicode.Scalar, to output: inout [UInt8]) {
        let value = scalar.value
        if value < 0x80 {
            output.append(UInt8(value))
        } else if value < 0x800 {
            output.append(UInt8(0xC0 | value >> 6))
            output.append(UInt8(0x80 | value & 0x3F))
        } else {
            output.append(UInt8(0xE0 | value >> 12))
            output.append(UInt8(0x80 | (value >> 6) & 0x3F))
            output.append(UInt8(0x80 | value & 0x3F))
        }
    }

    private static func containsMailto(_ base: UnsafePointer<UInt8>, _ range: Range<Int>) -> Bool {
        FastScan.containsMailto(base, range)
    }
}
