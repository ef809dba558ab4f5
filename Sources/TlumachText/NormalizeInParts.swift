import Foundation

/// A large text normalised on every core: cut into parts at paragraph boundaries, the parts normalised at the same
/// time, then checked and written in order. The result is the serial one byte for byte:
/// - a part starts at the start of a blank line (or of any line when lines are paragraphs), which is a block
///   boundary unless fenced code runs across it; the part before it must end exactly there (its last block ends
///   where the next part starts), else the next part is normalised again from where the previous one ended;
/// - the only state carried from paragraph to paragraph is the language remembered for paragraphs whose letters do
///   not decide (`DocumentState`). A part starts from the state a short stretch before it leads to, and follows
///   every other possible start state until they all agree. When the part before ends in another state, the part
///   is normalised again from its start up to that point of agreement (checking the state there), and its own
///   output is used from there on.
extension ArticleNormalizer {
    /// Parts of one to a few megabytes: enough of them to keep every core busy to the end (the last part done
    /// alone is at most one core's share of it), few enough that the stretch read before each to guess its
    /// start state costs nothing.
    static func partSize(_ count: Int, workers: Int) -> Int {
        min(max(count / (workers * 8), 1 << 20), 4 << 20)
    }

    /// Bytes read before a part to guess the language state it starts in.
    static let guessStretch = 16 << 10

    /// One part's work, normalised on a worker thread.
    struct Part: @unchecked Sendable {
        let start: Int
        let limit: Int
        /// The state the part was normalised from (guessed), nil for the first part (which starts the text).
        var startState: DocumentState?
        var run = BlockRun()
    }

    /// nil when the text is too small to be worth cutting (the caller then runs the serial path).
    func normalizeInParts(
        _ bytes: UnsafeBufferPointer<UInt8>, workers: Int, partSize: Int, linesAreParagraphs: Bool,
        progress: ((Int) -> Void)?, sink: ((UnsafeBufferPointer<UInt8>) -> Void)?,
        guessStretch: Int = ArticleNormalizer.guessStretch, outcome: ((PartOutcome) -> Void)? = nil,
        carriageReturns: Bool = true, gatherSink: (([UnsafeBufferPointer<UInt8>]) -> Void)? = nil
    ) -> NormalizationResult? {
        var starts = [0]
        var target = partSize
        while target < bytes.count {
            guard let cut = Self.partStart(in: bytes, from: target, linesAreParagraphs: linesAreParagraphs) else { break }
            if cut > starts[starts.count - 1] && cut < bytes.count { starts.append(cut) }
            target = max(cut, target) + Self.nextPartSize(partSize, remaining: bytes.count - max(cut, target), workers: workers)
        }
        guard starts.count > 1 else { return nil }
        let cuts = starts
        let limits = Array(starts.dropFirst()) + [bytes.count]
        let board = PartBoard(count: starts.count, window: workers * 2)
        let text = SendableBytes(buffer: bytes)
        for _ in 0..<min(workers, starts.count) {
            Thread.detachNewThread { [self] in
                while let (index, recycled) = board.take() {
                    let part = normalizePart(
                        text.buffer, start: cuts[index], limit: limits[index], linesAreParagraphs: linesAreParagraphs,
                        guessStretch: guessStretch, carriageReturns: carriageReturns, output: consume recycled)
                    board.put(part, at: index)
                }
            }
        }
        var output: [UInt8] = []
        if sink == nil { output.reserveCapacity(bytes.count) }
        var end = 0
        var state = DocumentState()
        var changeCount = 0
        var steps = 0
        var reportedEnd = 0
        func emit(_ piece: UnsafeBufferPointer<UInt8>) {
            if let sink { sink(piece) } else { output.append(contentsOf: piece) }
        }
        // A part's text from its `output` offset `at` and its stretch `first` on: the changed paragraphs from its
        // buffer, the unchanged input straight from `bytes`; in one call to `gatherSink` when there is one.
        var pieces: [UnsafeBufferPointer<UInt8>] = []
        func emitRun(_ run: ArticleNormalizer.BlockRun, from at: Int, stretch first: Int) {
            run.output.withUnsafeBufferPointer { written in
                var offset = at
                for stretch in run.stretches[first...] {
                    if stretch.at > offset { pieces.append(UnsafeBufferPointer(rebasing: written[offset..<stretch.at])) }
                    pieces.append(UnsafeBufferPointer(rebasing: bytes[stretch.range]))
                    offset = max(offset, stretch.at)
                }
                if written.count > offset { pieces.append(UnsafeBufferPointer(rebasing: written[offset...])) }
                if let gatherSink {
                    gatherSink(pieces)
                } else {
                    for piece in pieces { emit(piece) }
                }
                pieces.removeAll(keepingCapacity: true)
            }
        }
        for index in starts.indices {
            var part = board.wait(for: index)
            var serial = BlockRun()
            var unused = 0
            func finishSerially(_ serial: inout BlockRun) {
                processBlocks(
                    bytes, until: part.limit, &serial, linesAreParagraphs: linesAreParagraphs, reporting: false,
                    reported: &unused, carriageReturns: carriageReturns)
                Self.flush(bytes, from: &serial.clean, to: serial.position, into: &serial.output)
                serial.output.withUnsafeBufferPointer(emit)
                changeCount += serial.changeCount
                steps += serial.steps
                end = serial.position
                state = serial.state
            }

            let actualStart = DocumentState.everyStart.firstIndex(of: state.memory)
            if part.startState == nil
                || (end == part.start && actualStart.map { part.run.state.agreeing & (1 << UInt8($0)) != 0 } == true)
            {
                // Normalised from where the text before it ended, with the same answers as the state it left would
                // have given (the state guessed, or one that agreed with it throughout): the serial result.
                outcome?(.used)
                emitRun(part.run, from: 0, stretch: 0)
                changeCount += part.run.changeCount
                steps += part.run.steps
                end = part.run.position
                var reached = part.run.state.memory
                if let actualStart, let followed = part.run.state.alternatives { reached = followed[actualStart] }
                state = DocumentState(lastLanguage: reached.lastLanguage, lastCyrillicLanguage: reached.lastCyrillicLanguage)
            } else if end == part.start, let settled = part.run.settled {
                // Another start state: normalised again up to where the part's state stopped depending on it.
                serial.position = end
                serial.clean = end
                serial.state = state
                processBlocks(
                    bytes, until: settled.position, &serial, linesAreParagraphs: linesAreParagraphs, reporting: false,
                    reported: &unused, carriageReturns: carriageReturns)
                if serial.position == settled.position && serial.state.remembersTheSame(as: settled.state) {
                    outcome?(.usedAfterAgreement)
                    Self.flush(bytes, from: &serial.clean, to: serial.position, into: &serial.output)
                    serial.output.withUnsafeBufferPointer(emit)
                    emitRun(part.run, from: settled.outputCount, stretch: settled.stretchCount)
                    changeCount += serial.changeCount + part.run.changeCount - settled.changeCount
                    steps += serial.steps + part.run.steps - settled.steps
                    end = part.run.position
                    state = DocumentState(
                        lastLanguage: part.run.state.lastLanguage, lastCyrillicLanguage: part.run.state.lastCyrillicLanguage)
                } else {
                    outcome?(.redone)
                    finishSerially(&serial)
                }
            } else if end < part.limit {
                // Fenced code ran across the cut (or no point of agreement): this part again, serially.
                serial.position = end
                serial.clean = end
                serial.state = state
                outcome?(.redone)
                finishSerially(&serial)
            } else {
                outcome?(.covered)
            }
            // The part's output buffer goes back to the workers (its pages stay mapped: no page faults, no unmapping
            // for the next part that uses it).
            board.release(index, recycling: Self.takeOutput(&part.run))
            part.run.stretches = []
            if let progress, end > reportedEnd {
                progress(min(end, bytes.count) - reportedEnd)
                reportedEnd = min(end, bytes.count)
            }

        }
        if let progress, bytes.count > reportedEnd { progress(bytes.count - reportedEnd) }
        return NormalizationResult(utf8: output, changes: [], changeCount: changeCount, steps: steps)
    }

    /// Normalises the blocks starting in `start..<limit`; a part other than the first starts from the state the
    /// text just before it leads to (normalised for that only) and follows the other possible start states.
    /// `output`: an emptied buffer of an earlier part, to write into.
    func normalizePart(
        _ bytes: UnsafeBufferPointer<UInt8>, start: Int, limit: Int, linesAreParagraphs: Bool, guessStretch: Int,
        carriageReturns: Bool = true, output: consuming [UInt8] = []
    ) -> Part {
        var part = Part(start: start, limit: limit)
        part.run.output = consume output
        part.run.referencesInput = true
        var unused = 0
        part.run.position = start
        part.run.clean = start
        if start == 0 {
            processStart(bytes, &part.run)
        } else {
            var guess = DocumentState()
            if let before = Self.partStart(
                in: bytes, from: max(0, start - guessStretch), linesAreParagraphs: linesAreParagraphs), before < start
            {
                var warmUp = BlockRun()
                warmUp.position = before
                warmUp.clean = start  // nothing before `start` is copied
                processBlocks(
                    bytes, until: start, &warmUp, linesAreParagraphs: linesAreParagraphs, reporting: false,
                    reported: &unused, carriageReturns: carriageReturns)
                if warmUp.position == start { guess = warmUp.state }
            }
            part.startState = guess
            part.run.state = guess
            part.run.state.followEveryStart()
        }
        part.run.output.reserveCapacity(limit - start + (limit - start) / 8)
        processBlocks(
            bytes, until: limit, &part.run, linesAreParagraphs: linesAreParagraphs, reporting: false, reported: &unused,
            carriageReturns: carriageReturns)
        Self.flush(bytes, to: part.run.position, &part.run)
        return part
    }

    /// The size of the part after the cut `remaining` bytes before the end: `partSize`, but a quarter of it in the
    /// last stretch of one part per worker, so that the workers finish close together (the last part done alone
    /// is shorter) — the wall time of a two-core run waited on one worker for half a part on average.
    static func nextPartSize(_ partSize: Int, remaining: Int, workers: Int) -> Int {
        remaining > partSize * workers ? partSize : max(partSize / 4, 1)
    }

    /// Moves a run's output buffer out, emptied (its capacity kept), for the next part.
    static func takeOutput(_ run: inout BlockRun) -> [UInt8] {
        var output: [UInt8] = []
        swap(&output, &run.output)
        output.removeAll(keepingCapacity: true)
        return output
    }

    /// The first position at or after `from` that starts a blank line (or, when lines are paragraphs, any line):
    /// a block boundary outside fenced code. Blank lines of spaces or CRLF count as well as a bare LF.
    static func partStart(in bytes: UnsafeBufferPointer<UInt8>, from: Int, linesAreParagraphs: Bool) -> Int? {
        guard let base = bytes.baseAddress else { return nil }
        var position = max(from, 1)
        while position < bytes.count {
            // The byte before a line start is its predecessor's LF.
            guard let found = memchr(base + position - 1, 0x0A, bytes.count - position + 1) else { return nil }
            let lineStart = UnsafeRawPointer(found) - UnsafeRawPointer(base) + 1
            if lineStart >= bytes.count { return nil }
            if linesAreParagraphs || base[lineStart] == 0x0A { return lineStart }
            if Blocks.mayStartBlock(base[lineStart]), Blocks.isBlank(bytes, Blocks.line(bytes, lineStart)) {
                return lineStart
            }
            position = lineStart + 1
        }
        return nil
    }
}

/// What became of a part normalised on its own (tests check that every case is reached).
package enum PartOutcome: Sendable {
    /// Its output as it was.
    case used
    /// Normalised again up to where its language state agreed, its own output from there.
    case usedAfterAgreement
    /// Normalised again from where the text before it ended (fenced code across the cut, or no agreement).
    case redone
    /// Inside what the part before it, normalised again, already covered.
    case covered
}

/// The text's bytes, read by the worker threads while the caller waits for them.
private struct SendableBytes: @unchecked Sendable {
    let buffer: UnsafeBufferPointer<UInt8>
}

/// Parts handed to worker threads and collected in order; at most `window` parts are done and not yet written,
/// so memory stays a few parts' worth whatever the text's size.
private final class PartBoard: @unchecked Sendable {
    private let condition = NSCondition()
    private var parts: [ArticleNormalizer.Part?]
    /// Output buffers of parts already written, for the next parts.
    private var buffers: [[UInt8]] = []
    private var next = 0
    private var written = 0
    private let window: Int

    init(count: Int, window: Int) {
        parts = Array(repeating: nil, count: count)
        self.window = max(window, 1)
    }

    /// The next part to normalise, with a buffer to write it into (empty when none is free).
    func take() -> (index: Int, output: [UInt8])? {
        condition.lock()
        defer { condition.unlock() }
        while next < parts.count && next >= written + window { condition.wait() }
        guard next < parts.count else { return nil }
        next += 1
        return (next - 1, buffers.popLast() ?? [])
    }

    func put(_ part: ArticleNormalizer.Part, at index: Int) {
        condition.lock()
        parts[index] = part
        condition.broadcast()
        condition.unlock()
    }

    /// The part once it is done, moved out of the board (its buffers are then referenced only by the caller).
    func wait(for index: Int) -> ArticleNormalizer.Part {
        condition.lock()
        defer { condition.unlock() }
        while parts[index] == nil { condition.wait() }
        let part = parts[index] ?? ArticleNormalizer.Part(start: 0, limit: 0)
        parts[index] = nil
        return part
    }

    func release(_ index: Int, recycling output: consuming [UInt8]) {
        condition.lock()
        if output.capacity > 0 { buffers.append(output) }
        written = index + 1
        condition.broadcast()
        condition.unlock()
    }
}
