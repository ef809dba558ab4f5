import Foundation
import ICU
import TlumachCore

/// Normalises Ukrainian, English and Russian article text: Unicode clean-up, apostrophes, quotes, dashes, spaces
/// and look-alike letters, paragraph by paragraph, leaving URLs, e-mail addresses and Markdown code untouched.
/// Every rule can be switched off and every change is reported with its rule name and original position.
///
/// Speed: each paragraph is first scanned byte by byte for anything a rule could change; most paragraphs of clean
/// Cyrillic text have nothing and are copied as they are. Only flagged paragraphs go through the rules.
public final class ArticleNormalizer: Sendable {
    public let options: NormalizerOptions
    let spoofChecker: SpoofChecker
    let classes: [CharacterClass]
    let scanTables = FastScan.Tables.shared
    /// What each paragraph asks of `options`, read once: a rule's switch is a set lookup, a language comparison
    /// a generic call, and a million short paragraphs ask several each.
    let perParagraph: PerParagraphOptions

    struct PerParagraphOptions: Sendable {
        /// The language is detected per paragraph (no `--lang`).
        let detects: Bool
        /// Quotes are checked against English pairing (English set, or detected).
        let englishQuotesPossible: Bool
        /// No rewriter of another module: a paragraph the scan calls clean needs nothing.
        let plain: Bool
        let apostrophe: Unicode.Scalar
        /// The byte path may take a flagged paragraph (no rewriters, the apostrophe rule on).
        let bytePath: Bool
        let quotes: Bool
        let spaceRuns: Bool
        let trailingSpace: Bool
        let dashes: ApostropheBytePath.Dashes?

        init(_ options: NormalizerOptions) {
            detects = options.language == nil
            englishQuotesPossible = options.language == nil || options.language == .en
            plain = options.rewriters.isEmpty
            apostrophe = options.apostrophe.scalar
            bytePath = options.rewriters.isEmpty && options.isEnabled(.apostrophe)
            quotes = options.isEnabled(.quotes)
            spaceRuns = options.isEnabled(.spaceRuns)
            trailingSpace = options.isEnabled(.trailingSpace)
            dashes =
                options.isEnabled(.dashes)
                ? ApostropheBytePath.Dashes(closedInEnglish: options.englishDash == .closed) : nil
        }
    }

    public init(options: NormalizerOptions = NormalizerOptions()) throws(ICUError) {
        self.options = options
        self.spoofChecker = try SpoofChecker()
        self.classes = CharacterClassTable.shared.classes
        self.perParagraph = PerParagraphOptions(options)
        _ = TextData.lookAlikes
        _ = TextData.noBreakSpacePolicy
    }

    /// Normalises a string.
    public func normalize(_ text: String) -> NormalizationResult {
        normalize(utf8: Array(text.utf8))
    }

    /// Normalises UTF-8 text. The bytes must be valid UTF-8 (`UTF8Validation.firstInvalidOffset` checks).
    public func normalize(utf8 input: [UInt8]) -> NormalizationResult {
        input.withUnsafeBufferPointer { normalize(utf8Buffer: $0) }
    }

    /// Normalises UTF-8 text in memory the caller owns (a mapped file, say), without copying it first. The bytes
    /// must be valid UTF-8 (`UTF8Validation.firstInvalidOffset` checks). With `reporting: false` the result has
    /// the same text but no change list, only `changeCount` (what writing the text out needs, and much cheaper on
    /// text with many fixes).
    /// Bytes read between two calls of `normalize`'s progress closure: a large file shows its progress within it.
    package static let progressStep = 1 << 22

    /// `progress` receives the number of bytes read since its last call, every `progressEvery` bytes or so and
    /// once at the end (the sum is the buffer's size).
    /// With `sink`, the text is handed to it in order, in pieces of about `drainEvery` bytes, as it is made (and
    /// the result's `utf8` is empty): a large file is written out without a buffer of its size, whose first
    /// touch costs page faults.
    /// `hasCarriageReturn`: whether the text holds a CR byte, when the caller knows (a file read ahead); nil to
    /// look here.
    package func normalize(
        utf8Buffer bytes: UnsafeBufferPointer<UInt8>, reporting: Bool = true, progress: ((Int) -> Void)? = nil,
        progressEvery: Int = ArticleNormalizer.progressStep, sink: ((UnsafeBufferPointer<UInt8>) -> Void)? = nil,
        drainEvery: Int = 1 << 20, workers: Int = 1, partSize: Int? = nil,
        gatherSink: (([UnsafeBufferPointer<UInt8>]) -> Void)? = nil, hasCarriageReturn: Bool? = nil
    ) -> NormalizationResult {
        // A file without a blank line but with several lines (a CMS export) has one paragraph per line: each line
        // gets its own language and quote pairing.
        let linesAreParagraphs = Blocks.linesAreParagraphs(bytes)
        // A text without any CR (nearly every one) needs no look for one in each line.
        let carriageReturns =
            hasCarriageReturn ?? bytes.baseAddress.map { memchr($0, 0x0D, bytes.count) != nil } ?? false
        if !reporting, workers > 1, options.rewriters.isEmpty,
            let result = normalizeInParts(
                bytes, workers: workers, partSize: partSize ?? Self.partSize(bytes.count, workers: workers),
                linesAreParagraphs: linesAreParagraphs, progress: progress, sink: sink, carriageReturns: carriageReturns,
                gatherSink: sink == nil ? nil : gatherSink)
        {
            return result
        }
        var reported = 0
        defer { progress?(bytes.count - reported) }
        var run = BlockRun()
        run.output.reserveCapacity(sink == nil ? bytes.count : min(bytes.count, drainEvery + drainEvery / 4))
        processStart(bytes, &run)
        processBlocks(
            bytes, until: bytes.count, &run, linesAreParagraphs: linesAreParagraphs, reporting: reporting, sink: sink,
            drainEvery: drainEvery, progress: progress, progressEvery: progressEvery, reported: &reported,
            carriageReturns: carriageReturns)
        Self.flush(bytes, from: &run.clean, to: bytes.count, into: &run.output)
        if let sink {
            if !run.output.isEmpty { run.output.withUnsafeBufferPointer(sink) }
            run.output = []
        }
        var steps = run.steps
        if !reporting || run.changes.isEmpty {
            return NormalizationResult(utf8: run.output, changes: [], changeCount: run.changeCount, steps: steps)
        }
        // Rules run one after another: report their changes in text order (stable for one place).
        let ordered = run.changes.enumerated().sorted {
            ($0.element.byteOffset, $0.offset) < ($1.element.byteOffset, $1.offset)
        }.map(\.element)
        let positions = Self.positions(ofSortedOffsets: ordered.map(\.byteOffset), in: bytes, steps: &steps)
        let located = zip(ordered, positions).map { change, position in
            NormalizationChange(
                rule: change.rule, position: position, original: change.original, replacement: change.replacement,
                summary: change.summary)
        }
        return NormalizationResult(utf8: run.output, changes: located, changeCount: located.count, steps: steps)
    }

    /// What normalising a stretch of blocks has made so far.
    struct BlockRun {
        var output: [UInt8] = []
        var changes: [PendingChange] = []
        var state = DocumentState()
        var changeCount = 0
        var steps = 0
        /// Next block's start.
        var position = 0
        /// Input from `clean` up to `position` is unchanged and not yet copied: clean paragraphs are copied in bulk
        /// when a changed one (or the end) comes, not one by one.
        var clean = 0
        /// For a part normalised apart from the text before it: the first block end where the language state no
        /// longer depends on the state the part started with (everything before it flushed into `output`).
        var settled: (position: Int, outputCount: Int, stretchCount: Int, changeCount: Int, steps: Int, state: DocumentState)?
        /// For a part (normalised on a worker thread, written by another): unchanged input is not copied into
        /// `output` but listed in `stretches`, each with the length `output` had when it came; the text is `output`
        /// with each stretch of the input inserted at its offset. Most of a text is unchanged: its bytes go from the
        /// mapped file to the output once, and a part's buffer holds only the changed paragraphs.
        var referencesInput = false
        var stretches: [Stretch] = []
    }

    /// Unchanged input `range`, standing in a run's text after the first `at` bytes of its `output`.
    struct Stretch {
        var at: Int
        var range: Range<Int>
    }

    /// The byte-order mark and YAML front matter, which only the very start of a text can have.
    func processStart(_ bytes: UnsafeBufferPointer<UInt8>, _ run: inout BlockRun) {
        if ByteOrderMark.utf8Length(bytes) > 0 && options.isEnabled(.bom) {
            run.changes.append(
                PendingChange(
                    rule: NormalizationRule.bom.rawValue, byteOffset: 0, original: "\u{FEFF}", replacement: "",
                    summary: "U+FEFF byte-order mark removed"))
            run.changeCount += 1
            run.position = 3
        }
        run.clean = run.position
        // YAML front matter (--- … --- at the very start of a Markdown file) is data, not prose: like code.
        if let frontMatter = Blocks.frontMatter(in: bytes, from: run.position) {
            processCode(bytes, frontMatter, &run.output, &run.changes, &run.changeCount)
            run.position = frontMatter.upperBound
            run.clean = run.position
        }
    }

    /// Normalises the blocks from `run.position` on while they start before `limit` (the last one may end after
    /// it). Unchanged input after `run.clean` is left for the caller to copy.
    func processBlocks(
        _ bytes: UnsafeBufferPointer<UInt8>, until limit: Int, _ run: inout BlockRun, linesAreParagraphs: Bool,
        reporting: Bool, sink: ((UnsafeBufferPointer<UInt8>) -> Void)? = nil, drainEvery: Int = 1 << 20,
        progress: ((Int) -> Void)? = nil, progressEvery: Int = ArticleNormalizer.progressStep, reported: inout Int,
        carriageReturns: Bool = true
    ) {
        let bareBlankLines = options.rewriters.isEmpty
        let detects = perParagraph.detects
        let base = bytes.baseAddress
        var tracking = run.state.alternatives != nil
        while run.position < limit {
            // A blank line of a bare LF (every other block of text with blank lines between paragraphs): a
            // paragraph the scan calls clean, with no letters.
            if bareBlankLines, let base, base[run.position] == 0x0A {
                if detects { _ = run.state.resolve(LanguageEvidence(), commit: true) }
                run.steps += 1
                run.position += 1
                continue
            }
            let blockRange: Range<Int>
            if let base, !Blocks.mayStartBlock(base[run.position]) {
                // Most paragraphs start with a letter: no fence, no blank line; the scan finds where the paragraph
                // ends as it goes (`Blocks.next` when it stops early), instead of a split, then a scan.
                let scan = FastScan.run(
                    bytes, run.position..<bytes.count, classes: classes, apostrophe: perParagraph.apostrophe,
                    tables: scanTables, findingEnd: true, linesAreParagraphs: linesAreParagraphs,
                    carriageReturns: carriageReturns)
                let end =
                    scan.paragraphEnd >= 0
                    ? scan.paragraphEnd
                    : Blocks.next(
                        in: bytes, from: run.position, linesAreParagraphs: linesAreParagraphs,
                        carriageReturns: carriageReturns
                    ).range.upperBound
                blockRange = run.position..<end
                processParagraph(
                    bytes, blockRange, &run.state, &run.output, &run.changes, &run.changeCount, &run.steps, reporting,
                    &run.clean, &run.stretches, referencing: run.referencesInput, scan: scan)
            } else {
                let block = Blocks.next(
                    in: bytes, from: run.position, linesAreParagraphs: linesAreParagraphs, carriageReturns: carriageReturns)
                switch block.kind {
                case .code:
                    Self.flush(bytes, to: block.range.lowerBound, &run)
                    processCode(bytes, block.range, &run.output, &run.changes, &run.changeCount)
                    run.clean = block.range.upperBound
                case .paragraph:
                    processParagraph(
                        bytes, block.range, &run.state, &run.output, &run.changes, &run.changeCount, &run.steps,
                        reporting, &run.clean, &run.stretches, referencing: run.referencesInput)
                }
                blockRange = block.range
            }
            run.steps += blockRange.count
            run.position = blockRange.upperBound
            if tracking && run.state.alternatives == nil {
                tracking = false
                Self.flush(bytes, to: run.position, &run)
                run.settled = (run.position, run.output.count, run.stretches.count, run.changeCount, run.steps, run.state)
            }
            // Everything before `position` is settled: what is in `output`, then the unchanged input from `clean`.
            if let sink, run.output.count + (run.position - run.clean) >= drainEvery {
                if !run.output.isEmpty {
                    run.output.withUnsafeBufferPointer(sink)
                    run.output.removeAll(keepingCapacity: true)
                }
                if run.position > run.clean {
                    sink(UnsafeBufferPointer(rebasing: bytes[run.clean..<run.position]))
                    run.clean = run.position
                }
            }
            if let progress, run.position - reported >= progressEvery {
                progress(run.position - reported)
                reported = run.position
            }
        }
    }

    /// Line and UTF-16 column of each offset (ascending), in one pass over the text up to the last one; cheaper
    /// than a full `LineIndex` when a few changes sit in a large file.
    /// Columns are counted on from the previous change of the same line, so that many changes on one long line
    /// cost one pass over it, not one pass each (issue 17: a line of 100,000 quotes).
    static func positions(
        ofSortedOffsets offsets: [Int], in buffer: UnsafeBufferPointer<UInt8>, steps: inout Int
    ) -> [SourcePosition] {
        var result: [SourcePosition] = []
        result.reserveCapacity(offsets.count)
        guard let base = buffer.baseAddress else { return result }
        var line = 1
        var lineStart = 0
        var scanned = 0
        // UTF-16 units from `lineStart` up to `counted`.
        var counted = 0
        var units = 0
        for offset in offsets {
            let target = min(offset, buffer.count)
            steps += max(0, target - scanned)
            while scanned < target, let newline = memchr(base + scanned, 0x0A, target - scanned) {
                line += 1
                lineStart = UnsafeRawPointer(newline) - UnsafeRawPointer(base) + 1
                scanned = lineStart
            }
            scanned = max(scanned, target)
            if counted < lineStart || counted > target {
                counted = lineStart
                units = 0
            }
            units += LineIndex.utf16Length(ArraySlice(UnsafeBufferPointer(rebasing: buffer[counted..<target])))
            steps += target - counted
            counted = target
            result.append(SourcePosition(line: line, column: units + 1, byteOffset: target))
        }
        return result
    }

    /// Copies the unchanged input from `clean` up to `end`.
    @inline(__always)
    static func flush(
        _ bytes: UnsafeBufferPointer<UInt8>, from clean: inout Int, to end: Int, into output: inout [UInt8]
    ) {
        guard end > clean else { return }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[clean..<end]))
        clean = end
    }

    /// The shortest unchanged stretch a part lists rather than copies: a piece written costs the writer about what
    /// copying a few hundred bytes costs (short paragraphs of English UI text between changed ones made writes of
    /// 100,000s of pieces of ~100 bytes).
    static let referencedStretch = 256

    /// Copies the unchanged input from `clean` up to `end`, or lists it when the run references its input (and
    /// the stretch is not short).
    @inline(__always)
    static func flush(
        _ bytes: UnsafeBufferPointer<UInt8>, from clean: inout Int, to end: Int, into output: inout [UInt8],
        _ stretches: inout [Stretch], referencing: Bool
    ) {
        guard end > clean else { return }
        if referencing && end - clean >= Self.referencedStretch {
            stretches.append(Stretch(at: output.count, range: clean..<end))
        } else {
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[clean..<end]))
        }
        clean = end
    }

    @inline(__always)
    static func flush(_ bytes: UnsafeBufferPointer<UInt8>, to end: Int, _ run: inout BlockRun) {
        flush(bytes, from: &run.clean, to: end, into: &run.output, &run.stretches, referencing: run.referencesInput)
    }

    // MARK: Blocks

    /// Fenced code: only line ends are touched.
    func processCode(
        _ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ output: inout [UInt8],
        _ changes: inout [PendingChange], _ changeCount: inout Int
    ) {
        guard options.isEnabled(.lineEndings) else {
            output.append(contentsOf: bytes[range])
            return
        }
        var index = range.lowerBound
        while index < range.upperBound {
            let byte = bytes[index]
            if byte == 0x0D {
                let crlf = index + 1 < range.upperBound && bytes[index + 1] == 0x0A
                changes.append(
                    PendingChange(
                        rule: NormalizationRule.lineEndings.rawValue, byteOffset: index,
                        original: crlf ? "\r\n" : "\r", replacement: "\n", summary: crlf ? "CRLF → LF" : "CR → LF"))
                changeCount += 1
                output.append(0x0A)
                index += crlf ? 2 : 1
            } else {
                output.append(byte)
                index += 1
            }
        }
    }

    func processParagraph(
        _ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ state: inout DocumentState,
        _ output: inout [UInt8], _ changes: inout [PendingChange], _ changeCount: inout Int, _ steps: inout Int,
        _ reporting: Bool, _ clean: inout Int, _ stretches: inout [Stretch], referencing: Bool, scan given: FastScan? = nil
    ) {
        let hot = perParagraph
        let scan = given ?? FastScan.run(bytes, range, classes: classes, apostrophe: hot.apostrophe, tables: scanTables)
        var needsWork = scan.needsWork || !hot.plain
        if !needsWork, hot.englishQuotesPossible, scan.quotes.count > 0 {
            let language = options.language ?? state.resolve(scan.evidence, commit: false)
            needsWork = !scan.quotesAreCanonical(for: language)
        } else if !needsWork, let language = options.language, scan.quotes.count > 0 {
            needsWork = !scan.quotesAreCanonical(for: language)
        }
        if !needsWork {
            if hot.detects { _ = state.resolve(scan.evidence, commit: true) }
            return  // left for the next bulk copy
        }
        Self.flush(bytes, from: &clean, to: range.lowerBound, into: &output, &stretches, referencing: referencing)
        clean = range.upperBound
        // Only in-word straight apostrophes, simply paired straight quotes and runs of spaces to fix (most flagged
        // paragraphs of real text): rewritten byte by byte.
        if !reporting && hot.bytePath,
            let fixed = ApostropheBytePath.rewrite(
                bytes, range, into: &output, apostrophe: hot.apostrophe, classes: classes,
                quotes: hot.quotes, spaceRuns: hot.spaceRuns, trailing: hot.trailingSpace, dashes: hot.dashes,
                language: options.language, guess: state.guess(),
                tables: scanTables, columns: scan.columns,
                resolve: { state.resolve($0, commit: false) })
        {
            if hot.detects { _ = state.resolve(fixed.scan.evidence, commit: true) }
            changeCount += fixed.changes
            return
        }
        var work = ParagraphWork(
            bytes: UnsafeBufferPointer(rebasing: bytes[range]), byteStart: range.lowerBound, reporting: reporting)
        rewrite(&work, &state)
        changes.append(contentsOf: work.changes)
        changeCount += work.changeCount
        steps += work.steps
        work.appendUTF8(to: &output)
    }

    /// The rules, in an order that makes each see the previous ones' output (and makes the whole idempotent).
    private func rewrite(_ work: inout ParagraphWork, _ state: inout DocumentState) {
        let rules = Rules(normalizer: self)
        if work.hasCarriageReturn && options.isEnabled(.lineEndings) {
            work.apply(rules.lineEndings(work), protectedToo: true)
        }
        // Which rules can find anything here at all (conservatively: what earlier rules may create counts too).
        let present = Presence(work.scalars)
        if present.mayProtect { work.protected = ProtectedSpans.mark(work.scalars) }
        if present.invisible && (options.isEnabled(.zeroWidth) || options.isEnabled(.softHyphen)) {
            work.apply(rules.invisibles(work))
        }
        if present.decomposable && options.isEnabled(.nfc) { work.apply(rules.nfc(work)) }
        // Found again on the cleaned text, so later rules see the spans a second run would see.
        if present.mayProtect && (present.invisible || present.decomposable) {
            work.protected = ProtectedSpans.mark(work.scalars)
        }
        if present.latin && present.cyrillic && options.isEnabled(.lookAlikes) { work.apply(rules.lookAlikes(work)) }
        // Letters of URLs, e-mail addresses and code say nothing about the paragraph's language.
        var evidence = LanguageEvidence()
        evidence.countParagraph(work.scalars, protected: work.protected, classOf: rules.classOf)
        let language = options.language ?? state.resolve(evidence, commit: true)
        if present.specialSpace && options.isEnabled(.noBreakSpace) { work.apply(rules.noBreakSpaces(work)) }
        var laidOut = false
        if present.spaceRun && options.isEnabled(.spaceRuns) {
            let runs = rules.spaceRuns(work)
            laidOut = runs.laidOut
            work.apply(runs.edits)
        }
        if present.trailingSpace && options.isEnabled(.trailingSpace) { work.apply(rules.trailingSpaces(work)) }
        if present.apostrophe && options.isEnabled(.apostrophe) { work.apply(rules.apostrophes(work)) }
        if present.quote && options.isEnabled(.quotes) { work.apply(rules.quotes(work, language: language)) }
        // In a paragraph laid out in columns a dash may not take the place of more than one character (a closed-up
        // English dash, a double hyphen): it would shift the columns.
        if present.dash && options.isEnabled(.dashes) {
            work.apply(rules.dashes(work, language: language).filter { !laidOut || $0.range.count == 1 })
        }
        for rewriter in options.rewriters {
            let enabled = Set(rewriter.ruleNames).subtracting(options.disabledRewriterRules)
            if enabled.isEmpty { continue }
            work.apply(rules.external(rewriter, enabled: enabled, work, language: language))
        }
    }
}

/// What a paragraph contains, to skip the rules that cannot apply. Conservative: anything an earlier rule could
/// turn into a rule's trigger counts as that trigger (removing an invisible character can join two spaces).
struct Presence {
    var invisible = false
    var decomposable = false
    var latin = false
    var cyrillic = false
    var specialSpace = false
    var spaceRun = false
    var trailingSpace = false
    var apostrophe = false
    var quote = false
    var dash = false
    var mayProtect = false

    init(_ scalars: [Unicode.Scalar]) {
        var previousSpace = false
        let table = classTable
        for scalar in scalars {
            // ASCII letters, most of an English paragraph: Latin, NFC boundaries, no rule's trigger but w/W (www.).
            if (scalar.value | 0x20) &- 0x61 < 26 {
                latin = true
                if scalar.value | 0x20 == 0x77 { mayProtect = true }
                previousSpace = false
                continue
            }
            let classes = scalar.value < 0x10000 ? table[Int(scalar.value)] : CharacterClass(of: scalar)
            if !classes.contains(.nfcBoundary) { decomposable = true }
            if classes.contains(.letter) {
                if classes.contains(.latin) { latin = true } else if classes.contains(.cyrillic) { cyrillic = true }
            }
            var isSpace = false
            switch scalar.value {
            case 0x20, 0x09:
                isSpace = true
                if previousSpace { spaceRun = true }
            case 0x0A:
                if previousSpace { trailingSpace = true }
            case 0xAD, 0x200B...0x200F, 0x2060...0x2064, 0xFEFF:
                invisible = true
            case 0xA0, 0x202F, 0x2007, 0x2000...0x200A, 0x205F, 0x3000:
                specialSpace = true
                isSpace = true
            case 0x27, 0x2019, 0x2BC, 0x60, 0xB4, 0x2018, 0x2B9, 0x2032:
                apostrophe = true
                if scalar.value == 0x27 || scalar.value == 0x2019 || scalar.value == 0x2018 { quote = true }
                if scalar.value == 0x60 { mayProtect = true }
            case 0x22, 0xAB, 0xBB, 0x201A, 0x201C, 0x201D, 0x201E, 0x2039, 0x203A:
                quote = true
            case 0x2D, 0x2013:
                dash = true
            // @ : ] w W < = ( (e-mail, scheme://, [link](…), www., <tag>, a="b", f("b"))
            case 0x40, 0x3A, 0x5D, 0x77, 0x57, 0x3C, 0x3D, 0x28:
                mayProtect = true
            default: break
            }
            previousSpace = isSpace
        }
        if previousSpace { trailingSpace = true }
        if invisible || specialSpace {
            spaceRun = true
            trailingSpace = true
        }
    }
}

/// The language of the previous paragraphs, for paragraphs whose letters do not decide.
struct DocumentState {
    var lastLanguage: Language = .uk
    var lastCyrillicLanguage: Language = .uk
    /// For a part of a text normalised apart from the text before it (on another core): the languages the possible
    /// starts (`everyStart`) of `agreeing` would remember now; nil when not followed or once they all remember
    /// what this state does.
    var alternatives: Followed?
    /// Bit i: start `everyStart[i]` has given every answer this state gave so far, so the part's output is the one
    /// it would have made from that start.
    var agreeing: UInt8 = 0

    /// What a followed start remembers (a plain value: following costs no reference counting).
    struct Memory: Equatable {
        var lastLanguage: Language
        var lastCyrillicLanguage: Language

        /// `DocumentState.resolveHere` for this memory.
        mutating func resolve(_ evidence: LanguageEvidence, commit: Bool) -> Language {
            var state = DocumentState(lastLanguage: lastLanguage, lastCyrillicLanguage: lastCyrillicLanguage)
            let language = state.resolveHere(evidence, commit: commit)
            self = Memory(lastLanguage: state.lastLanguage, lastCyrillicLanguage: state.lastCyrillicLanguage)
            return language
        }
    }

    /// The memories of the followed starts, one byte each in one word (last language in the low half, last
    /// Cyrillic language in the high half): following them for each of a million short paragraphs costs no array
    /// access, copy or reference count.
    struct Followed {
        var packed: UInt64 = 0
        /// The last two inputs of `follow` (evidence, answer, own memory and `agreeing`, a valid bit on top) that
        /// left these memories and `agreeing` as they were: English text with starts that remember different
        /// Cyrillic languages follows the same two steps (a paragraph, a blank line) a million times.
        var unchangedBy: (UInt32, UInt32) = (0, 0)

        init(packed: UInt64) { self.packed = packed }

        init(_ memories: [Memory]) {
            for (index, memory) in memories.enumerated() { self[index] = memory }
        }

        @inline(__always)
        static func code(_ language: Language) -> UInt64 {
            switch language {
            case .uk: 0
            case .en: 1
            case .ru: 2
            }
        }

        @inline(__always)
        static func language(_ code: UInt64) -> Language {
            switch code {
            case 0: .uk
            case 1: .en
            default: .ru
            }
        }

        subscript(index: Int) -> Memory {
            get {
                let byte = packed >> UInt64(index * 8)
                return Memory(lastLanguage: Self.language(byte & 0xF), lastCyrillicLanguage: Self.language(byte >> 4 & 0xF))
            }
            set {
                let shift = UInt64(index * 8)
                let byte = Self.code(newValue.lastLanguage) | Self.code(newValue.lastCyrillicLanguage) << 4
                packed = packed & ~(0xFF << shift) | byte << shift
            }
        }
    }

    var memory: Memory { Memory(lastLanguage: lastLanguage, lastCyrillicLanguage: lastCyrillicLanguage) }

    /// Every state a text can be in (the last Cyrillic language is never English).
    static let everyStart: [Memory] = Language.allCases.flatMap { last in
        [Language.uk, .ru].map { Memory(lastLanguage: last, lastCyrillicLanguage: $0) }
    }
    static let everyStartFollowed = Followed(everyStart)

    /// Follows every possible start from here (`self` being one of them).
    mutating func followEveryStart() {
        alternatives = Self.everyStartFollowed
        agreeing = UInt8((1 << Self.everyStart.count) - 1)
    }

    /// The same languages remembered (whatever is followed beside them).
    func remembersTheSame(as other: DocumentState) -> Bool {
        lastLanguage == other.lastLanguage && lastCyrillicLanguage == other.lastCyrillicLanguage
    }

    /// The language of the previous paragraph with letters, as a first guess for a paragraph's quotes.
    mutating func guess() -> Language {
        if let followed = alternatives {
            let mine = Followed.code(lastLanguage)
            for index in 0..<Self.everyStart.count where (followed.packed >> UInt64(index * 8)) & 0xF != mine {
                agreeing &= ~(1 << UInt8(index))
            }
        }
        return lastLanguage
    }

    @inline(__always)
    mutating func resolve(_ evidence: LanguageEvidence, commit: Bool) -> Language {
        let language = resolveHere(evidence, commit: commit)
        if alternatives != nil { follow(evidence, commit: commit, answer: language) }
        return language
    }

    /// `resolveHere` for each followed start of `agreeing`, on their packed memories. Inlined: called for every
    /// paragraph and blank line of a part, and mostly answered by the two remembered inputs.
    @inline(__always)
    private mutating func follow(_ evidence: LanguageEvidence, commit: Bool, answer: Language) {
        guard let before = alternatives else { return }
        var followed = before.packed
        let decided = evidence.paragraphLanguage.map(Followed.code)
        let cyrillic = evidence.cyrillicLetters > 0
        let letters = evidence.latinLetters + evidence.cyrillicLetters > 0
        let answerCode = Followed.code(answer)
        let mine = Followed.code(lastLanguage) | Followed.code(lastCyrillicLanguage) << 4
        let input =
            UInt32(decided ?? 3) | (cyrillic ? 1 << 2 : 0) | (letters ? 1 << 3 : 0) | (commit ? 1 << 4 : 0)
            | UInt32(answerCode) << 5 | UInt32(mine) << 7 | UInt32(agreeing) << 15 | 1 << 31
        if input == before.unchangedBy.0 || input == before.unchangedBy.1 { return }
        let agreeingBefore = agreeing
        var settled = true
        var remaining = agreeing
        while remaining != 0 {
            let index = remaining.trailingZeroBitCount
            remaining &= remaining &- 1
            let shift = UInt64(index * 8)
            var last = (followed >> shift) & 0xF
            var lastCyrillic = (followed >> (shift + 4)) & 0xF
            let language = decided ?? (cyrillic ? lastCyrillic : last)
            if commit {
                if letters { last = language }
                if language != 1 { lastCyrillic = language }  // 1: English
                followed = followed & ~(0xFF << shift) | (last | lastCyrillic << 4) << shift
            }
            if language != answerCode {
                agreeing &= ~(1 << UInt8(index))
            } else if last | lastCyrillic << 4 != mine {
                settled = false
            }
        }
        if settled {
            alternatives = nil
        } else if followed == before.packed && agreeing == agreeingBefore {
            alternatives?.unchangedBy = (input, before.unchangedBy.0)
        } else if followed != before.packed {
            alternatives = Followed(packed: followed)
        }
    }

    fileprivate mutating func resolveHere(_ evidence: LanguageEvidence, commit: Bool) -> Language {
        let language: Language
        if let decided = evidence.paragraphLanguage {
            language = decided
        } else if evidence.cyrillicLetters > 0 {
            language = lastCyrillicLanguage
        } else {
            language = lastLanguage
        }
        if commit {
            if evidence.latinLetters + evidence.cyrillicLetters > 0 { lastLanguage = language }
            if language != .en { lastCyrillicLanguage = language }
        }
        return language
    }
}

/// A change before its byte offset is turned into a line and column.
struct PendingChange {
    var rule: String
    var byteOffset: Int
    var original: String
    var replacement: String
    var summary: String
}

/// Splits a document into paragraphs and fenced code blocks. A paragraph is a run of non-blank lines; a Markdown
/// heading, list item or block quote line starts a new one; a blank line is a paragraph of its own.
enum Blocks {
    enum Kind { case paragraph, code }

    /// Whether each line of the text is a paragraph: several lines and not one blank line among them (a CMS
    /// export), unless they are laid out in columns (help text and tables have no blank lines either).
    static func linesAreParagraphs(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        hasNoBlankLine(bytes) && !isLaidOutInColumns(bytes)
    }

    /// Whether the text has several lines and not one blank line among them.
    /// A last line of spaces without a line break does not count as blank: the trailing-space rule removes it,
    /// and the normalised text must split the same way.
    static func hasNoBlankLine(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var position = 0
        var lines = 0
        while position < bytes.count {
            let line = line(bytes, position)
            let last = line.upperBound == bytes.count && bytes[line.upperBound - 1] != 0x0A && bytes[line.upperBound - 1] != 0x0D
            if isBlank(bytes, line) && !last { return false }
            lines += 1
            position = line.upperBound
        }
        return lines > 1
    }

    /// `carriageReturns`: false when the text has no CR at all (then no line is searched for one).
    static func next(
        in bytes: UnsafeBufferPointer<UInt8>, from start: Int, linesAreParagraphs: Bool = false,
        carriageReturns: Bool = true
    ) -> (kind: Kind, range: Range<Int>) {
        let first = line(bytes, start, carriageReturns)
        if start < bytes.count, mayStartBlock(bytes[start]), let fence = fence(bytes, first) {
            var end = first.upperBound
            while end < bytes.count {
                let next = line(bytes, end, carriageReturns)
                end = next.upperBound
                if let closing = self.fence(bytes, next), closing.marker == fence.marker, closing.length >= fence.length,
                    closing.isBare
                {
                    break
                }
            }
            return (.code, start..<end)
        }
        // A blank line starts with a byte `mayStartBlock` admits (most lines start with a letter: no test).
        if linesAreParagraphs || ((start >= bytes.count || mayStartBlock(bytes[start])) && isBlank(bytes, first)) {
            return (.paragraph, first)
        }
        var end = first.upperBound
        while end < bytes.count {
            // A bare LF (the blank line after nearly every paragraph) is blank: no line to find.
            if bytes[end] == 0x0A { break }
            if mayStartBlock(bytes[end]) && startsAnotherBlock(bytes, at: end, carriageReturns: carriageReturns) { break }
            end = line(bytes, end, carriageReturns).upperBound
        }
        return (.paragraph, start..<end)
    }

    /// Whether the line at `start` (after a line of a paragraph, starting with a byte `mayStartBlock` admits)
    /// ends the paragraph: a blank line, a fence or a Markdown block start.
    static func startsAnotherBlock(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, carriageReturns: Bool) -> Bool {
        let next = line(bytes, start, carriageReturns)
        return isBlank(bytes, next) || fence(bytes, next) != nil || startsBlock(bytes, next)
    }

    /// Whether a line starting with this byte may be blank, indented, a fence or a Markdown block start; most
    /// lines start with a letter and need none of those tests.
    @inline(__always)
    static func mayStartBlock(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x09, 0x0A, 0x0D, 0x20, 0x23, 0x3E, 0x2D, 0x2A, 0x2B, 0x30...0x39, 0x60, 0x7E, 0xC2, 0xE2, 0xE3, 0xEF:
            return true
        default:
            return false
        }
    }

    /// A YAML front matter block starting at `start`: a line "---", then lines up to a closing "---" or "...".
    static func frontMatter(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Range<Int>? {
        func isMarker(_ line: Range<Int>, _ markers: [[UInt8]]) -> Bool {
            var end = line.upperBound
            while end > line.lowerBound && (bytes[end - 1] == 0x0A || bytes[end - 1] == 0x0D) { end -= 1 }
            let content = Array(bytes[line.lowerBound..<end])
            return markers.contains(content)
        }
        let first = line(bytes, start)
        guard first.upperBound > first.lowerBound, first.upperBound < bytes.count, isMarker(first, [[0x2D, 0x2D, 0x2D]])
        else { return nil }
        var position = first.upperBound
        while position < bytes.count {
            let next = line(bytes, position)
            if isMarker(next, [[0x2D, 0x2D, 0x2D], [0x2E, 0x2E, 0x2E]]) { return start..<next.upperBound }
            position = next.upperBound
        }
        return nil  // never closed: a thematic break, not front matter
    }

    /// The line starting at `start`, with its terminator (LF, CRLF or a lone CR).
    static func line(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ carriageReturns: Bool = true) -> Range<Int> {
        guard let base = bytes.baseAddress, start < bytes.count else { return start..<start }
        // memchr finds the LF; a CR before it (a lone CR line end) is looked for only in that line, and only when
        // the text has one.
        let newline = memchr(base + start, 0x0A, bytes.count - start)
        let end = newline.map { UnsafeRawPointer($0) - UnsafeRawPointer(base) } ?? bytes.count
        if !carriageReturns || memchr(base + start, 0x0D, end - start) == nil {
            return start..<(newline == nil ? end : end + 1)
        }
        var index = start
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0A { return start..<(index + 1) }
            if byte == 0x0D {
                if index + 1 < bytes.count && bytes[index + 1] == 0x0A { return start..<(index + 2) }
                return start..<(index + 1)
            }
            index += 1
        }
        return start..<index
    }

    /// The width of a space-like character at `index` (space, tab, no-break and fixed-width spaces, and the
    /// invisible characters the rules remove), or 0. Block detection looks through all of them, so a document
    /// splits into the same blocks before and after normalising.
    static func spaceLikeWidth(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int, _ end: Int, invisibleOnly: Bool = false)
        -> Int
    {
        guard index < end else { return 0 }
        let byte = bytes[index]
        if byte == 0x20 || byte == 0x09 { return invisibleOnly ? 0 : 1 }
        if byte == 0xC2, index + 1 < end {
            if bytes[index + 1] == 0xAD { return 2 }
            if bytes[index + 1] == 0xA0 { return invisibleOnly ? 0 : 2 }
        }
        if byte == 0xEF, index + 2 < end, bytes[index + 1] == 0xBB, bytes[index + 2] == 0xBF { return 3 }
        if byte == 0xE2, index + 2 < end {
            let second = bytes[index + 1]
            let third = bytes[index + 2]
            if second == 0x80 && (0x8B...0x8F).contains(third) { return 3 }
            if second == 0x81 && (0xA0...0xA4).contains(third) { return 3 }
            if invisibleOnly { return 0 }
            if second == 0x80 && ((0x80...0x8A).contains(third) || third == 0xAF) { return 3 }
            if second == 0x81 && third == 0x9F { return 3 }
        }
        if byte == 0xE3, !invisibleOnly, index + 2 < end, bytes[index + 1] == 0x80, bytes[index + 2] == 0x80 { return 3 }
        return 0
    }

    static func isBlank(_ bytes: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> Bool {
        var index = line.lowerBound
        while index < line.upperBound {
            let byte = bytes[index]
            if byte == 0x0A || byte == 0x0D {
                index += 1
                continue
            }
            let width = spaceLikeWidth(bytes, index, line.upperBound)
            if width == 0 { return false }
            index += width
        }
        return true
    }

    /// Where the line's text starts after indentation, and how many characters of indentation there are.
    static func indent(_ bytes: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> (start: Int, width: Int) {
        var index = line.lowerBound
        var width = 0
        while true {
            let step = spaceLikeWidth(bytes, index, line.upperBound)
            if step == 0 { break }
            if spaceLikeWidth(bytes, index, line.upperBound, invisibleOnly: true) == 0 { width += 1 }
            index += step
        }
        return (index, width)
    }

    /// Whether a space or the line end follows at `index` (after any invisible characters): what ends a Markdown
    /// block marker ("- item", and "-" alone is an empty item).
    static func spaceFollows(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int, _ end: Int) -> Bool {
        var position = index
        while true {
            let invisible = spaceLikeWidth(bytes, position, end, invisibleOnly: true)
            if invisible == 0 { break }
            position += invisible
        }
        if position >= end || bytes[position] == 0x0A || bytes[position] == 0x0D { return true }
        return spaceLikeWidth(bytes, position, end) > 0
    }

    static func fence(_ bytes: UnsafeBufferPointer<UInt8>, _ line: Range<Int>)
        -> (marker: UInt8, length: Int, isBare: Bool)?
    {
        let (start, width) = indent(bytes, line)
        guard width <= 3, start < line.upperBound else { return nil }
        let marker = bytes[start]
        guard marker == 0x60 || marker == 0x7E else { return nil }
        var end = start
        while end < line.upperBound && bytes[end] == marker { end += 1 }
        guard end - start >= 3 else { return nil }
        var bare = true
        for index in end..<line.upperBound where ![0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { bare = false }
        return (marker, end - start, bare)
    }

    /// Markdown block starts: "# ", "> ", "- ", "* ", "+ ", "1. ", "1) ".
    static func startsBlock(_ bytes: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> Bool {
        let start = indent(bytes, line).start
        guard start < line.upperBound else { return false }
        let first = bytes[start]
        let second: UInt8 = start + 1 < line.upperBound ? bytes[start + 1] : 0x0A
        switch first {
        case 0x23: return second == 0x23 || spaceFollows(bytes, start + 1, line.upperBound)
        case 0x3E: return true
        case 0x2D, 0x2A, 0x2B: return spaceFollows(bytes, start + 1, line.upperBound)
        case 0x30...0x39:
            var index = start
            while index < line.upperBound && (0x30...0x39).contains(bytes[index]) { index += 1 }
            guard index < line.upperBound, index - start <= 3 else { return false }
            return (bytes[index] == 0x2E || bytes[index] == 0x29) && spaceFollows(bytes, index + 1, line.upperBound)
        default: return false
        }
    }
}
