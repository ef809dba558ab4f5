import Foundation
import ICU
import Synchronization
import TlumachCore

/// Supplies the house spelling of known names (Зеленський → Zelenskyy, Сергій Шойгу → Sergei Shoigu), consulted
/// before any scheme. The glossary engine implements it; `NameSpellings` is a simple dictionary-backed one.
public protocol NameSpellingSource: Sendable {
    /// The longest name this source knows, in words; the transliterator tries phrases up to this length.
    var longestNameWordCount: Int { get }
    /// The Latin spelling of `phrase` (one to `longestNameWordCount` words exactly as written in the text, joined
    /// by the spaces or hyphens between them), or nil when it is not a known name. The source decides how loosely
    /// to match (case, inflected forms).
    func spelling(of phrase: String) -> String?
    /// Every known name in `text` in one pass (the transliterator passes its text with everything but words and the
    /// spaces or single hyphens joining them blanked out): UTF-8 byte ranges (which may overlap or nest) with the spelling of
    /// the text in that range, exactly as `spelling(of:)` would give it for that phrase. The transliterator keeps
    /// only spans that begin and end on its word boundaries, longest first from each word. The default asks
    /// `spelling(of:)` phrase by phrase (slow on long text); a source with a scanner should do one scan instead.
    func nameSpans(in text: String) -> [NameSpan]
    /// The words a name span can be made of, when the source can tell (nil: any word may be). The transliterator
    /// then hands `nameSpans(in:)` only the runs of such words, not the whole text. A source must return a span
    /// only where its text, folded as `NameWordFilter` says, is a sequence of these words.
    var nameWordFilter: NameWordFilter? { get }
}

/// A known name found in a text: its UTF-8 byte range and its Latin spelling (before the transliterator's case
/// handling for text in capitals).
public struct NameSpan: Sendable, Equatable {
    public var utf8Range: Range<Int>
    public var spelling: String

    public init(utf8Range: Range<Int>, spelling: String) {
        self.utf8Range = utf8Range
        self.spelling = spelling
    }
}

extension NameSpellingSource {
    public func nameSpans(in text: String) -> [NameSpan] {
        SchemeTransliterator.phraseByPhraseNameSpans(in: text, names: self)
    }

    public var nameWordFilter: NameWordFilter? { nil }
}

/// The words of a source's names (as the transliterator splits words), folded to lower case with every apostrophe
/// as `'`, kept as hashes in a small bit table: a text word whose fold is not there cannot be part of a name. A
/// false "maybe" (a hash collision, or a word with letters outside ASCII and the basic Cyrillic block, which are
/// not folded here) only makes the transliterator scan a little more text; it never changes the output.
public struct NameWordFilter: Sendable {
    private var bits = [UInt64](repeating: 0, count: NameWordFilter.tableWords)
    private static let tableWords = 256  // 16,384 bits: a few hundred name words leave collisions rare
    static let seed: UInt64 = 0xcbf2_9ce4_8422_2325

    /// `foldedNames`: each name written as the source compares it (lower case, apostrophes as `'`).
    public init(foldedNames: some Sequence<String>) {
        for name in foldedNames {
            var name = name
            name.withUTF8 { bytes in
                for word in SchemeTransliterator.words(inUTF8: bytes) {
                    // A word the fold cannot key is matched only by a text word it cannot key either (an ASCII or
                    // basic Cyrillic letter lower-cases to one of the same kind), and those always pass.
                    if let hash = NameWordFilter.foldedHash(UnsafeBufferPointer(rebasing: bytes[word.start..<word.end])) {
                        let bit = Int(hash & UInt64(NameWordFilter.tableWords * 64 - 1))
                        bits[bit >> 6] |= 1 << UInt64(bit & 63)
                    }
                }
            }
        }
    }

    /// Whether a word whose `foldedHash` is `hash` (nil: not foldable here) may be a word of some name.
    @inline(__always)
    func contains(hash: UInt64?) -> Bool {
        guard let hash else { return true }
        let bit = Int(hash & UInt64(NameWordFilter.tableWords * 64 - 1))
        return bits[bit >> 6] & (1 << UInt64(bit & 63)) != 0
    }

    /// Whether the word (valid UTF-8) may be a word of some name.
    func mayBeNameWord(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        contains(hash: NameWordFilter.foldedHash(word))
    }

    /// The scalar folded to lower case (ASCII, the basic Cyrillic block and Ґ), ` as '; nil for any other scalar.
    @inline(__always)
    static func fold(_ value: UInt32) -> UInt32? {
        switch value {
        case 0x41...0x5A: return value + 0x20
        case 0x60: return 0x27
        case 0...0x7F: return value
        case 0x400...0x40F: return value + 0x50
        case 0x410...0x42F: return value + 0x20
        case 0x430...0x45F: return value
        case 0x490, 0x491: return 0x491
        default: return nil
        }
    }

    /// One FNV-1a step over a folded scalar.
    @inline(__always)
    static func step(_ hash: UInt64, _ folded: UInt32) -> UInt64 {
        (hash ^ UInt64(folded)) &* 0x0000_0100_0000_01B3
    }

    /// The hash of the word's folded scalars; nil when a scalar has no fold here.
    static func foldedHash(_ word: UnsafeBufferPointer<UInt8>) -> UInt64? {
        var hash = seed
        for scalar in String(decoding: word, as: UTF8.self).unicodeScalars {
            guard let folded = fold(scalar.value) else { return nil }
            hash = step(hash, folded)
        }
        return hash
    }
}

/// A fixed list of name spellings, matched case-insensitively on the whole phrase.
public struct NameSpellings: NameSpellingSource {
    private let table: [String: String]
    public let longestNameWordCount: Int

    /// `spellings` maps a Cyrillic name ("Володимир Зеленський") to its Latin spelling ("Volodymyr Zelenskyy").
    public init(_ spellings: [String: String]) {
        var table: [String: String] = [:]
        var longest = 1
        for (name, latin) in spellings {
            table[name.lowercased()] = latin
            let words = name.split(whereSeparator: { $0 == " " || $0 == "-" }).count
            longest = max(longest, words)
        }
        self.table = table
        self.longestNameWordCount = longest
    }

    public func spelling(of phrase: String) -> String? { table[phrase.lowercased()] }
}

/// Transliterates text with one scheme. Compile once (about a millisecond) and reuse from any number of tasks.
///
/// `kmu2010` runs through a table-driven fast path proven identical to its ICU rules; the other schemes run
/// through ICU's rule engine. `transliterateWithRules` always uses ICU (the reference).
public final class SchemeTransliterator: Sendable {
    public let scheme: TransliterationScheme
    /// Compiled on first use when a fast path exists: opening ICU's transliterator registry costs tens of
    /// milliseconds at process start, which a command line run on a short text would notice.
    private let icuHolder: LazyICUTransliterator
    private let fastPath: KMU2010FastPath?
    /// Whether bulk text goes through the table-driven fast path (lines then transliterate independently).
    var isFastPath: Bool { fastPath != nil }
    /// Known names, consulted before the scheme.
    public let names: (any NameSpellingSource)?

    public init(scheme: TransliterationScheme, names: (any NameSpellingSource)? = nil) throws {
        self.scheme = scheme
        // A rules file missing from the install fails here, even for kmu2010 whose fast path does not read it:
        // `transliterateWithRules` (the reference) needs it, and the user learns of the broken install at once.
        _ = try scheme.rulesFileURL()
        self.fastPath = scheme == .kmu2010 ? try KMU2010FastPath.shared() : nil
        // Schemes without a fast path compile now, so a broken rule file fails here, not mid-stream.
        self.icuHolder = LazyICUTransliterator(scheme: scheme)
        if fastPath == nil { _ = try icuHolder.get() }
        self.names = names
    }

    /// A new transliterator for the same scheme that consults `names` first.
    public func consulting(_ names: any NameSpellingSource) throws -> SchemeTransliterator {
        try SchemeTransliterator(scheme: scheme, names: names)
    }

    /// Transliterates `text`; known names (if a source was given) take their listed spelling.
    public func transliterate(_ text: String) -> String {
        if let names { return transliterate(text, names: names) }
        return transliterateByScheme(text)
    }

    /// Transliterates through ICU's rule engine only (no fast path, no names): the reference output.
    package func transliterateWithRules(_ text: String) -> String {
        // ICU rewrites its buffer in place, moving the rest of the text at every change of length: quadratic on
        // long texts. So it gets pieces of about a thousand code units, each ending just after a space or line end.
        // No rule looks across a whitespace character further than that character itself, and text start and end
        // match the same contexts as whitespace does, so the pieces give the same result as the whole.
        let utf16 = Array(text.utf16)
        var result: [UInt16] = []
        result.reserveCapacity(utf16.count + utf16.count / 2)
        let icu = try? icuHolder.get()
        var start = 0
        while start < utf16.count {
            var end = min(start + Self.pieceLength, utf16.count)
            if end < utf16.count {
                var cut = end
                while cut > start, !Self.isWhitespace(utf16[cut - 1]) { cut -= 1 }
                if cut > start {
                    end = cut
                } else {
                    // One very long run without whitespace: go on to the next whitespace.
                    while end < utf16.count, !Self.isWhitespace(utf16[end - 1]) { end += 1 }
                }
            }
            let piece = utf16[start..<end].withUnsafeBufferPointer { buffer in
                // Shipped rules compile and run on any text; an ICU failure here would be a broken install.
                (try? icu?.transform(utf16: buffer)) ?? Array(buffer)
            }
            result.append(contentsOf: piece)
            start = end
        }
        return String(decoding: result, as: UTF16.self)
    }

    private static let pieceLength = 1024

    private static func isWhitespace(_ unit: UInt16) -> Bool {
        unit == 0x20 || unit == 0x0A || unit == 0x0D || unit == 0x09 || unit == 0xA0 || unit == 0x3000
            || (unit >= 0x2000 && unit <= 0x200A) || unit == 0x2028 || unit == 0x2029 || unit == 0x202F
    }

    /// Transliterates UTF-8 bytes to UTF-8 bytes, appending to `output` (no names: this is the bulk path the CLI
    /// streams through). Throws `TransliterationError.invalidUTF8` with the offset within `utf8`.
    package func transliterate(utf8: UnsafeBufferPointer<UInt8>, into output: inout [UInt8])
        throws(TransliterationError)
    {
        if let fastPath {
            try fastPath.transliterate(utf8: utf8, into: &output)
            return
        }
        if let offset = UTF8Validation.firstInvalidOffset(utf8) { throw .invalidUTF8(byteOffset: offset) }
        let text = String(decoding: utf8, as: UTF8.self)
        output.append(contentsOf: transliterateWithRules(text).utf8)
    }

    private func transliterateByScheme(_ text: String) -> String {
        guard let fastPath else { return transliterateWithRules(text) }
        var output: [UInt8] = []
        var text = text
        let done: Bool = text.withUTF8 { buffer in
            (try? fastPath.transliterate(utf8: buffer, into: &output)) != nil
        }
        // A Swift String is always valid UTF-8, so the fast path cannot refuse it; fall back to ICU all the same.
        return done ? String(decoding: output, as: UTF8.self) : transliterateWithRules(text)
    }

    // MARK: Names first

    /// A word: letters and marks, with apostrophes between letters (м’ясо is one word).
    struct Word {
        var start: Int
        var end: Int
    }

    /// Names first, in one pass: the source finds every name span in the text at once; the gaps go through the
    /// scheme's byte path. Same output as `transliteratePhraseByPhrase` (the former design, kept as the reference).
    func transliterate(_ text: String, names: any NameSpellingSource) -> String {
        var text = text
        var output: [UInt8] = []
        let done = text.withUTF8 { (try? transliterate(utf8: $0, names: names, into: &output)) != nil }
        // A Swift string is valid UTF-8, so the byte path cannot refuse it; the reference design all the same.
        return done ? String(decoding: output, as: UTF8.self) : transliteratePhraseByPhrase(text, names: names)
    }

    /// `transliterate(_:names:)` on UTF-8 bytes (a Swift string's, or a block the stream read), appending to
    /// `output`; throws `.invalidUTF8` with the offset `UTF8Validation.firstInvalidOffset` gives. Words are found on
    /// the bytes (no scalar arrays: on long text that cost more than the scheme itself); with a source's word filter
    /// one pass validates the bytes and keeps only the words that may belong to a name. Everything between the
    /// names goes through the byte fast path in long runs.
    package func transliterate(
        utf8 bytes: UnsafeBufferPointer<UInt8>, names: any NameSpellingSource, into output: inout [UInt8]
    ) throws(TransliterationError) {
        let words: [Word]
        let spans: [NameSpan]
        if let filter = names.nameWordFilter {
            let candidates = try Self.candidateWords(bytes, filter: filter)
            words = candidates.words
            spans = Self.nameSpans(inRuns: candidates.runStarts, words: words, bytes, names: names)
        } else {
            if let offset = UTF8Validation.firstInvalidOffset(bytes) { throw .invalidUTF8(byteOffset: offset) }
            words = Self.words(inUTF8: bytes)
            spans = words.isEmpty ? [] : names.nameSpans(in: Self.wordsAndJoins(bytes, words: words))
        }
        if spans.isEmpty {
            appendByScheme(bytes, to: &output)
            return
        }
        // Spans must begin and end on words: word indices found by binary search over the words' UTF-8 offsets.
        func index(of offset: Int, start: Bool) -> Int? {
            var low = 0
            var high = words.count
            while low < high {
                let middle = (low + high) / 2
                if (start ? words[middle].start : words[middle].end) < offset { low = middle + 1 } else { high = middle }
            }
            return low < words.count && (start ? words[low].start : words[low].end) == offset ? low : nil
        }
        let longest = max(1, names.longestNameWordCount)
        // Per first word: the usable span covering the most words (as the phrase-by-phrase search tried longest
        // first). Among spans of one range the first listed wins, as a source answers one spelling per phrase.
        var best: [Int: (last: Int, spelling: String)] = [:]
        for span in spans {
            guard let first = index(of: span.utf8Range.lowerBound, start: true),
                let last = index(of: span.utf8Range.upperBound, start: false),
                last >= first, last - first < longest
            else { continue }
            if let current = best[first], current.last >= last { continue }
            guard Self.joinable(bytes, words: words, from: first, through: last) else { continue }
            best[first] = (last, span.spelling)
        }
        if best.isEmpty {
            appendByScheme(bytes, to: &output)
            return
        }
        output.reserveCapacity(output.count + bytes.count + bytes.count / 4)
        var pendingStart = 0  // UTF-8 offset of text not yet written (to be transliterated by the scheme)
        var nextWord = 0  // a span starting before this word lies inside one already written
        for first in best.keys.sorted() where first >= nextWord {
            guard let (last, spelling) = best[first] else { continue }
            let start = words[first].start
            let end = words[last].end
            appendByScheme(UnsafeBufferPointer(rebasing: bytes[pendingStart..<start]), to: &output)
            let phrase = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
            output.append(contentsOf: Self.matchCase(of: phrase, spelling).utf8)
            pendingStart = end
            nextWord = last + 1
        }
        appendByScheme(UnsafeBufferPointer(rebasing: bytes[pendingStart..<bytes.count]), to: &output)
    }

    /// Validates `bytes` as UTF-8 (the verdict and offset of `UTF8Validation.firstInvalidOffset`: every sequence is
    /// checked in order, by the same rules) while finding the words `words(inUTF8:)` finds, keeping only those the
    /// filter lets through (each word's fold hashed on the way). `runStarts`: where in `words` a run of consecutive
    /// text words begins (a word filtered out ends a run).
    static func candidateWords(_ bytes: UnsafeBufferPointer<UInt8>, filter: NameWordFilter)
        throws(TransliterationError) -> (words: [Word], runStarts: [Int])
    {
        let n = bytes.count
        @inline(__always) func decode(_ i: Int) throws(TransliterationError) -> (value: UInt32, length: Int) {
            let lead = bytes[i]
            if lead < 0x80 { return (UInt32(lead), 1) }
            if lead >= 0xC2 && lead <= 0xDF {
                guard i + 1 < n, bytes[i + 1] & 0xC0 == 0x80 else { throw .invalidUTF8(byteOffset: i) }
                return (UInt32(lead & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F), 2)
            }
            let length = lead >= 0xE0 && lead <= 0xEF ? 3 : (lead >= 0xF0 && lead <= 0xF4 ? 4 : 0)
            guard length > 0, i + length <= n,
                UTF8Validation.firstInvalidOffset(UnsafeBufferPointer(rebasing: bytes[i..<(i + length)])) == nil
            else { throw .invalidUTF8(byteOffset: i) }
            return scalar(bytes, at: i)
        }
        var words: [Word] = []
        var runStarts: [Int] = []
        var inRun = false
        var i = 0
        while i < n {
            let (value, length) = try decode(i)
            guard isWordScalar(value) else {
                i += length
                continue
            }
            let start = i
            // The fold's hash; `foldable` false once a scalar has no fold (the word then passes).
            var hash = NameWordFilter.seed
            var foldable = true
            @inline(__always) func add(_ value: UInt32) {
                guard foldable else { return }
                if let folded = NameWordFilter.fold(value) { hash = NameWordFilter.step(hash, folded) } else { foldable = false }
            }
            add(value)
            i += length
            while i < n {
                let (value, length) = try decode(i)
                if isWordScalar(value) {
                    add(value)
                    i += length
                } else if KMU2010FastPath.isApostrophe(value), i + length < n, isWordScalar(try decode(i + length).value) {
                    add(value)
                    i += length
                } else {
                    break
                }
            }
            if filter.contains(hash: foldable ? hash : nil) {
                if !inRun { runStarts.append(words.count) }
                inRun = true
                words.append(Word(start: start, end: i))
            } else {
                inRun = false
            }
        }
        return (words, runStarts)
    }

    /// `nameSpans(in: wordsAndJoins(…))` on only the runs of consecutive words that may belong to a name
    /// (`candidateWords`): each run (its words and the blanked joins between them) on a line of its own, the spans
    /// mapped back to offsets in `bytes`. Every span the transliterator can use is a whole name, so it lies inside
    /// one run; the source sees each run's bytes as in the whole blanked text, so it finds the same spans there (its
    /// result for a range depends only on that range's bytes). A span across two runs in the joined text (not one
    /// in the real text) is dropped.
    private static func nameSpans(
        inRuns runStarts: [Int], words: [Word], _ bytes: UnsafeBufferPointer<UInt8>, names: any NameSpellingSource
    ) -> [NameSpan] {
        if runStarts.isEmpty { return [] }
        var runs: [(joined: Int, original: Int, count: Int)] = []
        var joined: [UInt8] = []
        for (number, first) in runStarts.enumerated() {
            let last = (number + 1 < runStarts.count ? runStarts[number + 1] : words.count) - 1
            let start = words[first].start
            runs.append((joined.count, start, words[last].end - start))
            for k in first...last {
                if k > first { appendBlankedJoin(bytes, from: words[k - 1].end, to: words[k].start, to: &joined) }
                joined.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[words[k].start..<words[k].end]))
            }
            joined.append(0x0A)
        }
        // Whole scalars of valid UTF-8 (words copied whole, joins blanked), so no repair happens here.
        let text = String(decoding: joined, as: UTF8.self)
        var spans: [NameSpan] = []
        for span in names.nameSpans(in: text) {
            // The run holding the span's start: the last whose joined offset is not after it.
            var low = 0
            var high = runs.count
            while low < high {
                let middle = (low + high) / 2
                if runs[middle].joined <= span.utf8Range.lowerBound { low = middle + 1 } else { high = middle }
            }
            guard low > 0 else { continue }
            let run = runs[low - 1]
            guard span.utf8Range.upperBound <= run.joined + run.count else { continue }
            let shift = run.original - run.joined
            spans.append(NameSpan(utf8Range: (span.utf8Range.lowerBound + shift)..<(span.utf8Range.upperBound + shift),
                spelling: span.spelling))
        }
        return spans
    }

    /// The join between two words as `wordsAndJoins` writes it (a single hyphen, spaces and no-break spaces kept;
    /// anything else spaces of the same length).
    private static func appendBlankedJoin(_ text: UnsafeBufferPointer<UInt8>, from: Int, to: Int, to output: inout [UInt8]) {
        if to - from == 1, text[from] == 0x2D {
            output.append(0x2D)
            return
        }
        var k = from
        while k < to {
            let byte = text[k]
            if byte < 0x80 {
                output.append(byte == 0x0A ? 0x0A : 0x20)
                k += 1
                continue
            }
            let length = Self.utf8Length(lead: byte)
            if byte == 0xC2 && text[k + 1] == 0xA0 {
                output.append(0xC2)
                output.append(0xA0)
            } else {
                for _ in 0..<length { output.append(0x20) }
            }
            k += length
        }
    }

    /// The text as the source scans it: words and what may join them into a phrase (spaces, no-break spaces, a
    /// single hyphen between two words) and line ends kept, everything else blanked with spaces of the same UTF-8
    /// length (offsets unchanged). A scanner then sees each word as the phrase-by-phrase search showed it, alone:
    /// a digit or an apostrophe next to a word (х2Шойгу, Шойгу’) does not hide the name.
    private static func wordsAndJoins(_ text: UnsafeBufferPointer<UInt8>, words: [Word]) -> String {
        String(unsafeUninitializedCapacity: text.count) { buffer in
            _ = buffer.initialize(fromContentsOf: text)
            func blank(_ from: Int, _ to: Int, keepSingleHyphen: Bool) {
                if keepSingleHyphen, to - from == 1, text[from] == 0x2D { return }
                var k = from
                while k < to {
                    let byte = text[k]
                    if byte < 0x80 {
                        if byte != 0x20 && byte != 0x0A { buffer[k] = 0x20 }
                        k += 1
                        continue
                    }
                    let length = Self.utf8Length(lead: byte)
                    // The no-break space (C2 A0) stays; any other scalar becomes spaces.
                    if !(byte == 0xC2 && text[k + 1] == 0xA0) {
                        for offset in k..<(k + length) { buffer[offset] = 0x20 }
                    }
                    k += length
                }
            }
            var previousEnd = 0
            for (index, word) in words.enumerated() {
                blank(previousEnd, word.start, keepSingleHyphen: index > 0)
                previousEnd = word.end
            }
            blank(previousEnd, text.count, keepSingleHyphen: false)
            return text.count
        }
    }

    /// Bytes in the scalar a valid UTF-8 lead byte begins.
    private static func utf8Length(lead: UInt8) -> Int {
        lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
    }

    /// The scalar at `i` of valid UTF-8 and its length in bytes.
    private static func scalar(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> (value: UInt32, length: Int) {
        let lead = UInt32(bytes[i])
        if lead < 0x80 { return (lead, 1) }
        if lead < 0xE0 { return ((lead & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F), 2) }
        if lead < 0xF0 {
            return ((lead & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F), 3)
        }
        return ((lead & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12 | UInt32(bytes[i + 2] & 0x3F) << 6
            | UInt32(bytes[i + 3] & 0x3F), 4)
    }

    /// `words(in:)` on valid UTF-8: the same words, as byte offsets.
    static func words(inUTF8 bytes: UnsafeBufferPointer<UInt8>) -> [Word] {
        var words: [Word] = []
        let n = bytes.count
        var i = 0
        while i < n {
            let (value, length) = scalar(bytes, at: i)
            guard isWordScalar(value) else {
                i += length
                continue
            }
            let start = i
            i += length
            while i < n {
                let (value, length) = scalar(bytes, at: i)
                if isWordScalar(value) {
                    i += length
                } else if KMU2010FastPath.isApostrophe(value), i + length < n,
                    isWordScalar(scalar(bytes, at: i + length).value)
                {
                    i += length
                } else {
                    break
                }
            }
            words.append(Word(start: start, end: i))
        }
        return words
    }

    /// `joinable` on valid UTF-8 with byte-offset words: only spaces, no-break spaces or a single hyphen between.
    private static func joinable(_ bytes: UnsafeBufferPointer<UInt8>, words: [Word], from: Int, through: Int) -> Bool {
        if from == through { return true }
        for k in from..<through {
            let start = words[k].end
            let end = words[k + 1].start
            if start == end { return false }
            if end - start == 1, bytes[start] == 0x2D { continue }
            var i = start
            while i < end {
                if bytes[i] == 0x20 {
                    i += 1
                } else if bytes[i] == 0xC2, bytes[i + 1] == 0xA0 {
                    i += 2
                } else {
                    return false
                }
            }
        }
        return true
    }

    /// A gap between names, through the scheme (whole scalars of a valid string: the byte path cannot refuse it).
    private func appendByScheme(_ bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        if bytes.isEmpty { return }
        if (try? transliterate(utf8: bytes, into: &output)) == nil {
            output.append(contentsOf: transliterateWithRules(String(decoding: bytes, as: UTF8.self)).utf8)
        }
    }

    /// The text's scalars with the UTF-8 offset of each (and of the end, at index `scalars.count`).
    private struct ScalarsWithOffsets {
        var scalars: [Unicode.Scalar] = []
        var offsets: [Int] = []

        init(_ text: String) {
            var offset = 0
            for scalar in text.unicodeScalars {
                scalars.append(scalar)
                offsets.append(offset)
                offset += UTF8.width(scalar)
            }
            offsets.append(offset)
        }
    }

    /// The former design: asks the source about every phrase of up to `longestNameWordCount` words at every word,
    /// longest first (`phraseByPhraseNameSpans`), and puts the text together scalar-string by scalar-string. Kept as
    /// the reference the one-pass output is tested against.
    func transliteratePhraseByPhrase(_ text: String, names: any NameSpellingSource) -> String {
        let bytes = Array(text.utf8)
        var output = ""
        var pendingStart = 0  // start of text not yet written (to be transliterated by the scheme)
        for span in Self.phraseByPhraseNameSpans(in: text, names: names) {
            output += transliterateByScheme(String(decoding: bytes[pendingStart..<span.utf8Range.lowerBound], as: UTF8.self))
            output += Self.matchCase(of: String(decoding: bytes[span.utf8Range], as: UTF8.self), span.spelling)
            pendingStart = span.utf8Range.upperBound
        }
        output += transliterateByScheme(String(decoding: bytes[pendingStart...], as: UTF8.self))
        return output
    }

    /// The default `nameSpans(in:)`: the spans the phrase-by-phrase search would take.
    static func phraseByPhraseNameSpans(in text: String, names: any NameSpellingSource) -> [NameSpan] {
        let scalars = ScalarsWithOffsets(text)
        let words = Self.words(in: scalars.scalars)
        var spans: [NameSpan] = []
        var index = 0
        let longest = max(1, names.longestNameWordCount)
        while index < words.count {
            var matched = false
            var length = min(longest, words.count - index)
            while length >= 1 {
                let last = index + length - 1
                if Self.joinable(scalars.scalars, words: words, from: index, through: last) {
                    let phrase = Self.string(scalars.scalars, words[index].start, words[last].end)
                    if let spelling = names.spelling(of: phrase) {
                        let range = scalars.offsets[words[index].start]..<scalars.offsets[words[last].end]
                        spans.append(NameSpan(utf8Range: range, spelling: spelling))
                        index = last + 1
                        matched = true
                        break
                    }
                }
                length -= 1
            }
            if !matched { index += 1 }
        }
        return spans
    }

    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool { isWordScalar(scalar.value) }

    private static func isWordScalar(_ value: UInt32) -> Bool {
        // Nearly all text: ASCII and the basic Cyrillic block, without the Unicode property look-up.
        switch value {
        case 0x41...0x5A, 0x61...0x7A, 0x400...0x45F, 0x490, 0x491: return true
        case 0...0x40, 0x5B...0x60, 0x7B...0x7F: return false
        default: break
        }
        guard let scalar = Unicode.Scalar(value) else { return false }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .nonspacingMark, .spacingMark, .enclosingMark:
            // ʼ (U+02BC) and ʹ (U+02B9) are modifier letters but act as apostrophes here.
            return !KMU2010FastPath.isApostrophe(scalar.value)
        default: return false
        }
    }

    private static func words(in scalars: [Unicode.Scalar]) -> [Word] {
        var words: [Word] = []
        var i = 0
        while i < scalars.count {
            guard isWordScalar(scalars[i]) else {
                i += 1
                continue
            }
            let start = i
            while i < scalars.count {
                if isWordScalar(scalars[i]) {
                    i += 1
                } else if KMU2010FastPath.isApostrophe(scalars[i].value), i + 1 < scalars.count,
                    isWordScalar(scalars[i + 1])
                {
                    i += 1
                } else {
                    break
                }
            }
            words.append(Word(start: start, end: i))
        }
        return words
    }

    /// Words join into a phrase when only spaces or a single hyphen separate them.
    private static func joinable(_ scalars: [Unicode.Scalar], words: [Word], from: Int, through: Int) -> Bool {
        if from == through { return true }
        for k in from..<through {
            let gap = scalars[words[k].end..<words[k + 1].start]
            if gap.isEmpty { return false }
            if gap.count == 1, gap.first == "-" { continue }
            if !gap.allSatisfy({ $0 == " " || $0 == "\u{00A0}" }) { return false }
        }
        return true
    }

    private static func string(_ scalars: [Unicode.Scalar], _ start: Int, _ end: Int) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[start..<end])
        return String(view)
    }

    /// A name written in capitals (ЗЕЛЕНСЬКИЙ) gets its spelling in capitals; otherwise the listed spelling.
    private static func matchCase(of phrase: String, _ spelling: String) -> String {
        // Usually a lower-case letter of the basic Latin or Cyrillic block settles it, without property look-ups.
        for scalar in phrase.unicodeScalars {
            switch scalar.value {
            case 0x61...0x7A, 0x430...0x45F, 0x491: return spelling
            default: continue
            }
        }
        let letters = phrase.unicodeScalars.filter { $0.properties.isAlphabetic }
        let allUpper = letters.count > 1 && letters.allSatisfy { $0.properties.isUppercase }
        return allUpper ? spelling.uppercased() : spelling
    }
}

/// The scheme's ICU transliterator, compiled once on first use.
final class LazyICUTransliterator: Sendable {
    private let scheme: TransliterationScheme
    private let compiled = Mutex<ICU.Transliterator?>(nil)

    init(scheme: TransliterationScheme) { self.scheme = scheme }

    func get() throws -> ICU.Transliterator {
        try compiled.withLock { compiled in
            if let compiled { return compiled }
            let made = try scheme.makeICUTransliterator()
            compiled = made
            return made
        }
    }
}
