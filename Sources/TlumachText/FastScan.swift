import Foundation
import ICU

// The scans below read UTF-8 four and eight bytes at a time and take the first byte from the low end of the word.
#if _endian(big)
    #error("FastScan reads bytes in little-endian words; a big-endian target needs byte-swapped loads")
#endif

/// One pass over a paragraph's UTF-8 bytes that decides whether any rule could change it, and gathers the letters
/// that decide its language. It must never say "clean" for text a rule would change (the property tests compare
/// it with the full rules); it may say "needs work" for text that turns out clean.
/// For U+0400–U+047F (indexed by code point − 0x400): 1 (a Cyrillic letter) plus 1 << 21 for a letter only
/// Ukrainian has and 1 << 42 for one only Russian has, so one addition counts all three.
nonisolated(unsafe) let languageMarkers: UnsafePointer<UInt64> = {
    let table = UnsafeMutablePointer<UInt64>.allocate(capacity: 0x80)
    table.initialize(repeating: 1, count: 0x80)
    for ukrainian in [0x404, 0x406, 0x407, 0x454, 0x456, 0x457] { table[ukrainian - 0x400] = 1 | 1 << 21 }
    for russian in [0x401, 0x42A, 0x42B, 0x42D, 0x44A, 0x44B, 0x44D, 0x451] { table[russian - 0x400] = 1 | 1 << 42 }
    return UnsafePointer(table)
}()

struct FastScan {
    var needsWork = false
    var evidence = LanguageEvidence()
    /// Quotation marks seen (« » „ “ ”), and whether they nest as Ukrainian/Russian or as English text wants.
    var quoteCount = 0
    var cyrillicQuotesValid = true
    var cyrillicDepth = 0
    var englishQuotesValid = true
    var englishDepth = 0
    /// ’ closing a Latin word with no letter after it (users’): clean only while no single quotation is open,
    /// which the byte path, pairing straight single marks, must know.
    var looseApostrophes = 0
    /// For a scan that finds its paragraph's end (`findingEnd`): the end, or -1 when it stopped early.
    var paragraphEnd = -1
    /// Whether the paragraph is laid out in columns (`Blocks.isLaidOutInColumns`), when a run of spaces after text
    /// on one of its lines made the scan ask; nil when it did not.
    var columns: Bool?

    var quotes: Range<Int> { 0..<quoteCount }

    func quotesAreCanonical(for language: Language) -> Bool {
        if quoteCount == 0 { return true }
        if language == .en { return englishQuotesValid && englishDepth == 0 }
        return cyrillicQuotesValid && cyrillicDepth == 0
    }


    /// The two lookup tables, read once by the caller: a global's accessor costs a `swift_once` call, which is
    /// noticeable when it runs for each of a million short paragraphs.
    struct Tables: @unchecked Sendable {  // pointers to immutable tables that live for the whole process
        let classes: UnsafePointer<CharacterClass>
        let markers: UnsafePointer<UInt64>
        static var shared: Tables { Tables(classes: classTable, markers: languageMarkers) }
    }

    static func run(
        _ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, classes: [CharacterClass],
        apostrophe: Unicode.Scalar, tables: Tables = .shared, findingEnd: Bool = false, linesAreParagraphs: Bool = false,
        carriageReturns: Bool = true
    ) -> FastScan {
        var scan = FastScan()
        guard let base = bytes.baseAddress else { return scan }
        let end = range.upperBound
        // Words are read eight bytes at a time up to here, past the paragraph's end (what lies beyond it is
        // masked out): a short paragraph's last word needs no byte-by-byte loop.
        let readable = bytes.count
        var index = range.lowerBound
        var latin = 0
        var cyrillic = 0
        var ukrainian = 0
        var russian = 0
        var wordLatin = false
        var wordCyrillic = false
        var previousLetter = false
        var previousByte: UInt8 = 0x0A
        var lineHasText = false
        var sawAngle = false
        var sawBacktick = false
        // A backtick with room to open before it, and no ' or line break since (GNU `quoting').
        var gnuOpen = false
        // Where the last digit beyond ASCII ended (another script's digits make number ranges too: ٣-64).
        var otherDigitEnd = -1
        let canonicalIsRight = apostrophe == "\u{2019}"
        // Returning early with needsWork: the caller only needs the verdict then (language comes from the rules).
        let markers = tables.markers
        let classTable = tables.classes
        do {
            do {
                @inline(__always) func nextIsLetter(_ at: Int) -> Bool {
                    guard at < end else { return false }
                    let byte = base[at]
                    if byte < 0x80 { return (byte | 0x20) &- 0x61 < 26 }
                    if byte == 0xD0 || byte == 0xD1 { return true }
                    guard let scalar = FastScan.decode(base, at, end) else { return false }
                    return classTable[Int(scalar.value & 0xFFFF)].contains(.letter) && scalar.value < 0x10000
                        && !isApostropheLike(scalar.value)
                }
                scanning: while index < end {
                    let byte = base[index]
                    // Cyrillic U+0400–U+047F first: most of the bytes of Ukrainian text.
                    if byte & 0xFE == 0xD0 && index &+ 1 < end {
                        // A run of such letters in a tight loop: one table add per letter packs the Cyrillic,
                        // Ukrainian-marker and Russian-marker counts into one word (a run is one word long).
                        var position = index
                        while true {
                            var packed: UInt64 = 0
                            // Four letters a step while four follow (the leads at bytes 0, 2, 4 and 6 of the next
                            // eight), then two (the leads at bytes 0 and 2 of the next four).
                            while position &+ 7 < end {
                                let quad = UnsafeRawPointer(base + position).loadUnaligned(as: UInt64.self)
                                guard quad & 0x00FE_00FE_00FE_00FE == 0x00D0_00D0_00D0_00D0 else { break }
                                packed &+= markers[Int((quad & 1) << 6 | (quad >> 8) & 0x3F)]
                                packed &+= markers[Int((quad >> 10) & 0x40 | (quad >> 24) & 0x3F)]
                                packed &+= markers[Int((quad >> 26) & 0x40 | (quad >> 40) & 0x3F)]
                                packed &+= markers[Int((quad >> 42) & 0x40 | (quad >> 56) & 0x3F)]
                                position &+= 8
                            }
                            while position &+ 3 < end {
                                let pair = UnsafeRawPointer(base + position).loadUnaligned(as: UInt32.self)
                                guard pair & 0x00FE_00FE == 0x00D0_00D0 else { break }
                                packed &+= markers[Int((pair & 1) << 6 | (pair >> 8) & 0x3F)]
                                packed &+= markers[Int((pair >> 10) & 0x40 | (pair >> 24) & 0x3F)]
                                position &+= 4
                            }
                            if position &+ 1 < end && base[position] & 0xFE == 0xD0 {
                                packed &+= markers[Int((base[position] & 1) << 6 | (base[position &+ 1] & 0x3F))]
                                position &+= 2
                            }
                            cyrillic &+= Int(packed & 0x1F_FFFF)
                            ukrainian &+= Int((packed >> 21) & 0x1F_FFFF)
                            russian &+= Int(packed >> 42)
                            // One space and the next such word: the space changes nothing (a letter before it, one
                            // after it), and ends a word that must not mix scripts; the loop goes on.
                            guard position &+ 2 < end, base[position] == 0x20, base[position &+ 1] & 0xFE == 0xD0
                            else { break }
                            if wordLatin {
                                scan.needsWork = true
                                return scan
                            }
                            position &+= 1
                        }
                        wordCyrillic = true
                        previousLetter = true
                        previousByte = base[position &- 1]
                        lineHasText = true
                        index = position
                        continue
                    }
                    if byte < 0x80 {
                        if (byte | 0x20) &- 0x61 < 26 {
                            var position = index &+ 1
                            var wordStart = index
                            var spaces = 0
                            while true {
                                position = FastScan.asciiLetterRunEnd(base, position, end, readable: readable)
                                // One space and the next ASCII word: as in the Cyrillic loop above.
                                guard position &+ 1 < end, base[position] == 0x20,
                                    (base[position &+ 1] | 0x20) &- 0x61 < 26
                                else { break }
                                if wordCyrillic {
                                    scan.needsWork = true
                                    return scan
                                }
                                spaces &+= 1
                                position &+= 2
                                wordStart = position &- 1
                            }
                            latin &+= position &- index &- spaces
                            // A printf conversion's letters (%s, %lu, %1$s) say nothing of the language.
                            // (Two bytes looked at first: a letter before a hyphen or a full stop, "e-mail",
                            // "e.g", starts no conversion.)
                            if index > range.lowerBound, FastScan.mayEndConversionPrefix(base[index &- 1]),
                                base[index &- 1] == 0x25
                                    || (index &- 1 > range.lowerBound
                                        && FastScan.mayEndConversionPrefix(base[index &- 2]))
                            {
                                latin &-= FastScan.conversionLetters(base, index, range.lowerBound, end, readable)
                            }
                            // "www." starts a URL (a protected span).
                            if position &- wordStart == 3 && position < end && base[position] == 0x2E
                                && base[wordStart] | 0x20 == 0x77 && base[wordStart &+ 1] | 0x20 == 0x77
                                && base[wordStart &+ 2] | 0x20 == 0x77
                            {
                                scan.needsWork = true
                                return scan
                            }
                            wordLatin = true
                            previousLetter = true
                            previousByte = base[position &- 1]
                            lineHasText = true
                            index = position
                            continue
                        }
                        if wordLatin && wordCyrillic {
                            scan.needsWork = true
                            return scan
                        }
                        wordLatin = false
                        wordCyrillic = false
                        switch byte {
                        case 0x20:
                            let next: UInt8 = index + 1 < end ? base[index + 1] : 0x0A
                            if next == 0x0A || next == 0x0D {
                                scan.needsWork = true
                                return scan
                            }
                            // A run after text is work unless the paragraph lays out columns: decided at the first
                            // such run (a paragraph of one line answers at once).
                            if previousByte == 0x20 && lineHasText && scan.columns == nil {
                                FastScan.decideColumns(
                                    &scan, bytes, range, findingEnd: findingEnd, linesAreParagraphs: linesAreParagraphs,
                                    carriageReturns: carriageReturns)
                                if scan.columns == false {
                                    scan.needsWork = true
                                    return scan
                                }
                            }
                        case 0x09:
                            let next: UInt8 = index + 1 < end ? base[index + 1] : 0x0A
                            if next == 0x0A || next == 0x0D {
                                scan.needsWork = true
                                return scan
                            }
                        case 0x0A:
                            lineHasText = false
                            gnuOpen = false
                            // Finding the paragraph's end as `Blocks.next` does (the scan was given the rest of
                            // the text): it ends after this line when the next line may not go on with it. Every
                            // look ahead above stops at a line break, so up to here the scan read what it reads of
                            // the paragraph alone.
                            if findingEnd {
                                let next = index &+ 1
                                if next >= end || linesAreParagraphs || base[next] == 0x0A
                                    || (Blocks.mayStartBlock(base[next])
                                        && Blocks.startsAnotherBlock(bytes, at: next, carriageReturns: carriageReturns))
                                {
                                    scan.paragraphEnd = next
                                    previousByte = 0x0A
                                    break scanning
                                }
                            }
                        case 0x60:
                            // A lone backtick (GNU `quoting'): it opens no code span without a second one, and the
                            // apostrophe rule takes it only between two letters. A second one, or a letter on both
                            // sides (any non-ASCII byte after it counted as one), is for the rules.
                            let next: UInt8 = index + 1 < end ? base[index + 1] : 0x20
                            if sawBacktick || (previousLetter && (next >= 0x80 || (next | 0x20) &- 0x61 < 26)) {
                                scan.needsWork = true
                                return scan
                            }
                            sawBacktick = true
                            gnuOpen = ApostropheBytePath.isOpeningContext(ascii: previousByte)
                        case 0x22, 0x27:
                            // The ' closing GNU quoting (`%s'): with no room to open before it and room to close
                            // after it it is a closing mark to the quote rule, with no single quotation open (any
                            // other single mark sends the paragraph to the rules), so an apostrophe mark, which
                            // `Rules.gnuQuotationClosers` leaves. (Non-ASCII neighbours: the rules decide.)
                            if byte == 0x27 && gnuOpen {
                                gnuOpen = false
                                let next: UInt8 = index &+ 1 < end ? base[index &+ 1] : 0x20
                                if previousByte < 0x80, !ApostropheBytePath.isOpeningContext(ascii: previousByte),
                                    next < 0x80, ApostropheBytePath.isClosingContext(Unicode.Scalar(next))
                                {
                                    break
                                }
                            }
                            // A straight mark with room to open before it and to close after it ("or '-' to",
                            // "-> \".\""): the quote rule passes it over as a lone mark between spaces, and the
                            // apostrophe rule wants letters on both sides. (Before it only the ASCII bytes of
                            // `ApostropheBytePath.isOpeningContext`; after any other character the rules decide.)
                            guard ApostropheBytePath.isOpeningContext(ascii: previousByte),
                                index + 1 >= end
                                    || FastScan.decode(base, index + 1, end).map(ApostropheBytePath.isClosingContext)
                                        == true
                            else {
                                scan.needsWork = true
                                return scan
                            }
                        case 0x0D:
                            scan.needsWork = true
                            return scan
                        case 0x40:
                            // An e-mail address is a protected span whose letters must not count for the language:
                            // the rules decide. Any other "@" (`@<file>`, `[-@]`, «@») is plain punctuation.
                            if FastScan.startsEmail(base, index, range) {
                                scan.needsWork = true
                                return scan
                            }
                        case 0x3C:
                            // An HTML tag (a protected span: its letters do not count for the language) is passed over
                            // when nothing in it is anything a rule looks at; any other "<" is plain punctuation.
                            sawAngle = true
                            if let close = FastScan.tagEnd(base, index, end) {
                                guard FastScan.isPlainTag(base, index &+ 1, close) else {
                                    scan.needsWork = true
                                    return scan
                                }
                                previousLetter = false
                                previousByte = 0x3E
                                lineHasText = true
                                index = close &+ 1
                                continue
                            }
                        case 0x3A, 0x5D:
                            // "://" of a URL, "](" of a Markdown link: protected spans.
                            let next: UInt8 = index + 1 < end ? base[index + 1] : 0
                            if (byte == 0x3A && next == 0x2F) || (byte == 0x5D && next == 0x28) {
                                scan.needsWork = true
                                return scan
                            }
                        case 0x2D:
                            // The dash rule changes "-" or "--" with a space on both sides, and digit-digit: option
                            // names ("  -a, --all") are left, and need no work. (A non-ASCII byte after it may be a
                            // special space; A0 and AF end the no-break spaces that can stand before it.)
                            let next: UInt8 = index + 1 < end ? base[index + 1] : 0x0A
                            let afterPair: UInt8 = next == 0x2D ? (index + 2 < end ? base[index + 2] : 0x0A) : next
                            let previousDigit = previousByte &- 0x30 < 10 || otherDigitEnd == index
                            let nextDigit =
                                next &- 0x30 < 10
                                || (next >= 0x80 && next & 0xFE != 0xD0
                                    && FastScan.decode(base, index + 1, end).map { classOf($0).contains(.digit) } == true)
                            let spacedBefore = previousByte == 0x20 || previousByte == 0xA0 || previousByte == 0xAF
                            let spacedAfter = afterPair == 0x20 || afterPair >= 0x80
                            if (spacedBefore && spacedAfter) || (previousDigit && nextDigit) {
                                // The dash rule's own tests (as the byte path applies them): a hyphen they leave
                                // ("-a - --all", "x86-64", "| -сигнал") is passed over with its run.
                                guard let dash = ApostropheBytePath.dash(base, range, index, english: false),
                                    dash.replacement == nil
                                else {
                                    scan.needsWork = true
                                    return scan
                                }
                                lineHasText = true
                                previousLetter = false
                                previousByte = 0x2D
                                index = dash.end
                                continue
                            }
                        default: break
                        }
                        if byte != 0x20 && byte != 0x09 && byte != 0x0A { lineHasText = true }
                        previousLetter = false
                        previousByte = byte
                        index += 1
                        continue
                    }
                    guard let scalar = FastScan.decode(base, index, end) else {
                        scan.needsWork = true
                        return scan
                    }
                    let value = scalar.value
                    let width = value < 0x800 ? 2 : (value < 0x10000 ? 3 : 4)
                    lineHasText = true
                    switch value {
                    case 0x2019, 0x02BC:
                        // An apostrophe between letters: fine when it is the canonical one for its word's script.
                        let between = previousLetter && nextIsLetter(index + width)
                        if !between {
                            // ’ closing a Latin word (users’, `dirs’): with no single quotation mark open (every
                            // other single mark sends the paragraph to the rules), the quote rule takes it for an
                            // apostrophe and leaves it; the apostrophe rule looks only between letters.
                            guard value == 0x2019, previousLetter, wordLatin, !wordCyrillic,
                                index + width >= end
                                    || FastScan.decode(base, index + width, end).map(ApostropheBytePath.isClosingContext)
                                        == true
                            else {
                                scan.needsWork = true
                                return scan
                            }
                            scan.looseApostrophes += 1
                            break  // ends the word, as punctuation does
                        }
                        let nextByte = base[index + width]
                        let cyrillicNeighbour = wordCyrillic || nextByte == 0xD0 || nextByte == 0xD1 || nextByte == 0xD2
                        let canonical = cyrillicNeighbour ? (canonicalIsRight ? 0x2019 : 0x02BC) : 0x2019
                        if value != canonical {
                            scan.needsWork = true
                            return scan
                        }
                        previousByte = 0x27
                        index += width
                        continue  // the word goes on
                    case 0xAB, 0xBB, 0x201E, 0x201C, 0x201D:
                        scan.quoteCount += 1
                        switch value {
                        case 0xAB:
                            if scan.cyrillicDepth == 0 { scan.cyrillicDepth = 1 } else { scan.cyrillicQuotesValid = false }
                            scan.englishQuotesValid = false
                        case 0xBB:
                            if scan.cyrillicDepth == 1 { scan.cyrillicDepth = 0 } else { scan.cyrillicQuotesValid = false }
                            scan.englishQuotesValid = false
                        case 0x201E:
                            if scan.cyrillicDepth == 1 { scan.cyrillicDepth = 2 } else { scan.cyrillicQuotesValid = false }
                            scan.englishQuotesValid = false
                        case 0x201C:
                            if scan.cyrillicDepth == 2 { scan.cyrillicDepth = 1 } else { scan.cyrillicQuotesValid = false }
                            if scan.englishDepth == 0 { scan.englishDepth = 1 } else { scan.englishQuotesValid = false }
                        default:
                            scan.cyrillicQuotesValid = false
                            if scan.englishDepth == 1 { scan.englishDepth = 0 } else { scan.englishQuotesValid = false }
                        }
                    case 0x2013:
                        if previousByte == 0x20 || previousByte == 0xA0 || previousByte == 0xAF {
                            scan.needsWork = true
                            return scan
                        }
                    case 0xA0, 0x202F, 0x2007:
                        // A no-break space between digits is kept; anywhere else the policy must look at it.
                        let previousDigit = previousByte &- 0x30 < 10
                        let next: UInt8 = index + width < end ? base[index + width] : 0
                        if !(previousDigit && next &- 0x30 < 10) {
                            scan.needsWork = true
                            return scan
                        }
                    case 0xAD, 0x200B...0x200F, 0x2060...0x2064, 0xFEFF, 0x2000...0x200A, 0x205F, 0x3000,
                        0x2018, 0x201A, 0x2039, 0x203A, 0xB4, 0x2B9, 0x2032:
                        scan.needsWork = true
                        return scan
                    default:
                        let classes: CharacterClass =
                            value < 0x10000
                            ? classTable[Int(value)] : CharacterClass(of: scalar)
                        if !classes.contains(.nfcBoundary) {
                            scan.needsWork = true
                            return scan
                        }
                        if classes.contains(.digit) { otherDigitEnd = index + width }
                        if classes.contains(.letter) {
                            if classes.contains(.latin) {
                                latin += 1
                                wordLatin = true
                            } else if classes.contains(.cyrillic) {
                                cyrillic += 1
                                wordCyrillic = true
                                if value == 0x490 || value == 0x491 { ukrainian += 1 }
                            }
                            previousLetter = true
                            previousByte = base[index + width - 1]
                            index += width
                            continue
                        }
                    }
                    if wordLatin && wordCyrillic {
                        scan.needsWork = true
                        return scan
                    }
                    wordLatin = false
                    wordCyrillic = false
                    previousLetter = false
                    previousByte = base[index + width - 1]
                    index += width
                }
                if wordLatin && wordCyrillic { scan.needsWork = true }
                // Trailing space at the very end of the text (no final line break).
                if previousByte == 0x20 || previousByte == 0x09 { scan.needsWork = true }
                // `mailto:` starts a URL (a protected span) without anything flagged here; beside a tag the rules
                // must find both (text without "<" was always taken as it is).
                if findingEnd && scan.paragraphEnd < 0 { scan.paragraphEnd = end }
                if sawAngle
                    && FastScan.containsMailto(base, findingEnd ? range.lowerBound..<scan.paragraphEnd : range)
                {
                    scan.needsWork = true
                }
                scan.evidence.latinLetters = latin
                scan.evidence.cyrillicLetters = cyrillic
                scan.evidence.ukrainianMarkers = ukrainian
                scan.evidence.russianMarkers = russian
                // Latin letters outnumbering Cyrillic ones in a mixed paragraph: its language depends on English
                // function words.
                if scan.evidence.needsWords {
                    FastScan.countFunctionWords(&scan, base, range.lowerBound, findingEnd ? scan.paragraphEnd : end)
                }
                return scan
            }
        }
    }

    /// Sets `scan.columns` for the paragraph starting at `range`'s start: its end found as `Blocks.next` finds it
    /// when the scan is given the rest of the text (and kept in `paragraphEnd`, which the caller would look for).
    @inline(never)
    static func decideColumns(
        _ scan: inout FastScan, _ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, findingEnd: Bool,
        linesAreParagraphs: Bool, carriageReturns: Bool
    ) {
        guard let base = bytes.baseAddress else { return }
        var end = range.upperBound
        if findingEnd {
            end = Blocks.next(
                in: bytes, from: range.lowerBound, linesAreParagraphs: linesAreParagraphs, carriageReturns: carriageReturns
            ).range.upperBound
            scan.paragraphEnd = end
        }
        scan.columns = Blocks.isLaidOutInColumns(base, range.lowerBound..<end)
    }

    /// The letters of the run at `start` when it is a printf conversion's (`LanguageEvidence.isConversion`), else 0.
    /// Kept out of `run`, which reaches it rarely.
    @inline(never)
    static func conversionLetters(
        _ base: UnsafePointer<UInt8>, _ start: Int, _ lowerBound: Int, _ end: Int, _ readable: Int
    ) -> Int {
        guard LanguageEvidence.isConversion(before: start, lowerBound: lowerBound, { UInt32(base[$0]) }) else {
            return 0
        }
        return asciiLetterRunEnd(base, start &+ 1, end, readable: readable) &- start
    }

    /// Sets the evidence's function words (kept out of `run`, which needs it rarely).
    @inline(never)
    static func countFunctionWords(_ scan: inout FastScan, _ base: UnsafePointer<UInt8>, _ start: Int, _ end: Int) {
        scan.evidence.englishFunctionWords = functionWords(base, start..<end)
    }

    /// `LanguageEvidence.functionWords` on a paragraph's UTF-8 that the scan found clean: the only protected spans
    /// there are HTML tags, passed over.
    @inline(never)
    static func functionWords(_ base: UnsafePointer<UInt8>, _ range: Range<Int>) -> Int {
        let end = range.upperBound
        let words = TextData.englishFunctionWords
        // The scalar ending just before `position`, and its start (nil at the paragraph's start).
        func scalar(before position: Int) -> (value: UInt32, start: Int)? {
            guard position > range.lowerBound else { return nil }
            var lead = position - 1
            while lead > range.lowerBound && base[lead] & 0xC0 == 0x80 { lead -= 1 }
            return (decode(base, lead, end)?.value ?? 0, lead)
        }
        func scalar(at position: Int) -> (value: UInt32, end: Int)? {
            guard position < end, let decoded = decode(base, position, end) else { return nil }
            let value = decoded.value
            return (value, position + (value < 0x80 ? 1 : value < 0x800 ? 2 : value < 0x10000 ? 3 : 4))
        }
        var count = 0
        var index = range.lowerBound
        while index < end {
            let byte = base[index]
            if byte == 0x3C, let close = tagEnd(base, index, end) {
                index = close &+ 1
                continue
            }
            guard byte &- 0x61 < 26 else {
                index &+= 1
                continue
            }
            if let previous = scalar(before: index),
                !LanguageEvidence.opensWord(previous.value, before: scalar(before: previous.start)?.value)
            {
                index &+= 1
                continue
            }
            var wordEnd = index &+ 1
            while wordEnd < end && base[wordEnd] &- 0x61 < 26 { wordEnd &+= 1 }
            let closed = scalar(at: wordEnd).map { next in
                LanguageEvidence.closesWord(next.value, after: scalar(at: next.end)?.value)
            } ?? true
            if wordEnd &- index <= 6, closed,
                words.contains(LanguageEvidence.functionWordKey(index, wordEnd, { UInt32(base[$0]) }))
            {
                count &+= 1
            }
            index = wordEnd
        }
        return count
    }

    /// Whether `byte` may stand right before a printf conversion's letters: "%", a digit or a flag, width or
    /// precision character (`LanguageEvidence.isConversion`, asked only then).
    @inline(__always)
    static func mayEndConversionPrefix(_ byte: UInt8) -> Bool {
        // # $ % * + - . and the digits lie in 0x23…0x39: bit n for 0x23 + n (& ' ( ) , / are 0).
        let bits: UInt32 = 0b11_1111_1111_0_11_0_11_00_0_0_111
        let offset = byte &- 0x23
        return offset < 0x17 && bits >> UInt32(offset) & 1 != 0
    }

    /// The end of the run of ASCII letters from `start`: eight bytes a test while they last. Bytes up to
    /// `readable` (at least `end`) may be read; beyond `end` they do not count.
    @inline(__always)
    static func asciiLetterRunEnd(_ base: UnsafePointer<UInt8>, _ start: Int, _ end: Int, readable: Int) -> Int {
        var position = start
        while position &+ 8 <= readable {
            if position >= end { return end }
            let word = UnsafeRawPointer(base + position).loadUnaligned(as: UInt64.self)
            // Each byte folded to lower case, without its top bit (so the additions below carry into no other
            // byte): the top bit of `+ 0x1F` is set from "a" on, that of `+ 0x05` from "{" on; and the byte itself
            // must be ASCII.
            let folded = (word | 0x2020_2020_2020_2020) & 0x7F7F_7F7F_7F7F_7F7F
            let letters = (folded &+ 0x1F1F_1F1F_1F1F_1F1F) & ~(folded &+ 0x0505_0505_0505_0505) & ~word
                & 0x8080_8080_8080_8080
            let others = ~letters & 0x8080_8080_8080_8080
            if others != 0 { return min(position &+ others.trailingZeroBitCount >> 3, end) }
            position &+= 8
        }
        // (The last step may have read past `end`.)
        if position >= end { return end }
        while position < end && (base[position] | 0x20) &- 0x61 < 26 { position &+= 1 }
        return position
    }

    /// The ">" ending the HTML tag or autolink that the "<" at `start` opens, as `ProtectedSpans` finds them: "<"
    /// then an ASCII letter, "/" or "!", up to the next ">" with no "<" or line break between; nil when it opens none.
    @inline(__always)
    static func tagEnd(_ base: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Int? {
        guard start &+ 1 < end else { return nil }
        let first = base[start &+ 1]
        guard (first | 0x20) &- 0x61 < 26 || first == 0x2F || first == 0x21 else { return nil }
        var close = start &+ 1
        while close < end {
            let byte = base[close]
            if byte == 0x3E { return close }
            if byte == 0x3C || byte == 0x0A { return nil }
            close &+= 1
        }
        return nil
    }

    /// Whether the inside of a tag (`from..<to`) holds only what no rule looks at and no other protected span can
    /// start in: ASCII letters and digits, single spaces, a hyphen between letters and `/ = . _ # % ! , + * ( ) | ~`.
    static func isPlainTag(_ base: UnsafePointer<UInt8>, _ from: Int, _ to: Int) -> Bool {
        var index = from
        while index < to {
            let byte = base[index]
            switch byte {
            case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x2F, 0x3D, 0x2E, 0x5F, 0x23, 0x25, 0x21, 0x2C, 0x2B, 0x2A, 0x28,
                0x29, 0x7C, 0x7E:
                break
            case 0x20:
                // One space between two other characters of the tag (a run of spaces is the space-runs rule's).
                guard index > from, index &+ 1 < to, base[index &- 1] != 0x20, base[index &+ 1] != 0x20 else { return false }
            case 0x2D:
                // Inside a word only: a hyphen with a space or digits beside it is the dash rule's.
                guard index > from, index &+ 1 < to, (base[index &- 1] | 0x20) &- 0x61 < 26,
                    (base[index &+ 1] | 0x20) &- 0x61 < 26
                else { return false }
            default:
                return false
            }
            index &+= 1
        }
        return true
    }

    /// Whether the "@" at `at` is that of an e-mail address as `ProtectedSpans.markEmails` finds them: an ASCII
    /// letter, digit or one of `._%+-` before it, and after it a domain (ASCII letters, digits, "-" and ".", and
    /// letters beyond ASCII) that holds a "." once trailing dots and hyphens are cut, and does not start with one.
    static func startsEmail(_ base: UnsafePointer<UInt8>, _ at: Int, _ range: Range<Int>) -> Bool {
        @inline(__always) func isASCIILetterOrDigit(_ byte: UInt8) -> Bool {
            (byte | 0x20) &- 0x61 < 26 || byte &- 0x30 < 10
        }
        guard at > range.lowerBound else { return false }
        let before = base[at - 1]
        guard isASCIILetterOrDigit(before) || before == 0x2E || before == 0x5F || before == 0x25 || before == 0x2B
            || before == 0x2D
        else { return false }
        let start = at + 1
        var end = start
        var lastDot = -1
        while end < range.upperBound {
            let byte = base[end]
            if byte < 0x80 {
                guard isASCIILetterOrDigit(byte) || byte == 0x2D || byte == 0x2E else { break }
                if byte == 0x2E { lastDot = end }
                end += 1
                continue
            }
            guard let scalar = decode(base, end, range.upperBound) else { break }
            let value = scalar.value
            let classes = value < 0x10000 ? classTable[Int(value)] : CharacterClass(of: scalar)
            guard classes.contains(.letter), !isApostropheLike(value) else { break }
            end += value < 0x800 ? 2 : (value < 0x10000 ? 3 : 4)
        }
        while end > start && (base[end - 1] == 0x2E || base[end - 1] == 0x2D) { end -= 1 }
        guard end > start, base[start] != 0x2E else { return false }
        // A dot left inside the domain (the last one seen, unless it was cut off the end: then look again).
        if lastDot >= end { return memchr(base + start, 0x2E, end - start) != nil }
        return lastDot >= start
    }

    /// Whether an e-mail address (`startsEmail`) stands in `range`.
    static func containsEmail(_ base: UnsafePointer<UInt8>, _ range: Range<Int>) -> Bool {
        var position = range.lowerBound
        while position < range.upperBound, let found = memchr(base + position, 0x40, range.upperBound - position) {
            let at = UnsafeRawPointer(found) - UnsafeRawPointer(base)
            if startsEmail(base, at, range) { return true }
            position = at + 1
        }
        return false
    }

    /// `mailto:` starts a URL (a protected span) without anything `FastScan` flags.
    static func containsMailto(_ base: UnsafePointer<UInt8>, _ range: Range<Int>) -> Bool {
        var position = range.lowerBound + 6
        while position < range.upperBound, let found = memchr(base + position, 0x3A, range.upperBound - position) {
            let colon = UnsafeRawPointer(found) - UnsafeRawPointer(base)
            var matches = true
            for (offset, letter) in "mailto".utf8.enumerated() where base[colon - 6 + offset] | 0x20 != letter {
                matches = false
                break
            }
            if matches { return true }
            position = colon + 1
        }
        return false
    }

    @inline(__always)
    static func isApostropheLike(_ value: UInt32) -> Bool {
        value == 0x2BC || value == 0x2B9
    }

    /// Decodes the scalar at `index` (the bytes are valid UTF-8).
    @inline(__always)
    static func decode(_ base: UnsafePointer<UInt8>, _ index: Int, _ end: Int) -> Unicode.Scalar? {
        let lead = UInt32(base[index])
        if lead < 0x80 { return Unicode.Scalar(lead) }
        if lead < 0xE0 {
            guard index + 1 < end else { return nil }
            return Unicode.Scalar((lead & 0x1F) << 6 | UInt32(base[index + 1] & 0x3F))
        }
        if lead < 0xF0 {
            guard index + 2 < end else { return nil }
            return Unicode.Scalar(
                (lead & 0x0F) << 12 | UInt32(base[index + 1] & 0x3F) << 6 | UInt32(base[index + 2] & 0x3F))
        }
        if index + 3 < end {
            return Unicode.Scalar(
                (lead & 0x07) << 18 | UInt32(base[index + 1] & 0x3F) << 12 | UInt32(base[index + 2] & 0x3F) << 6
                    | UInt32(base[index + 3] & 0x3F))
        }
        return nil
    }
}
