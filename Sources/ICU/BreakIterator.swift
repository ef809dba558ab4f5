import CICU

/// What kind of units a break iterator finds.
public enum BreakKind: Int32, Sendable {
    case character = 0, word, line, sentence
}

/// One unit found by a break iterator: a range in UTF-16 code units and ICU's rule status for it.
public struct BreakSegment: Sendable, Equatable {
    public let range: Range<Int>
    /// ICU's rule status: for words, 0–99 not a word (spaces, punctuation), 100–199 number, 200–299 letters,
    /// 300–399 kana, 400–499 ideographs.
    public let ruleStatus: Int32

    public init(range: Range<Int>, ruleStatus: Int32) {
        self.range = range
        self.ruleStatus = ruleStatus
    }

    /// True for words made of letters, numbers, kana or ideographs; false for spaces and punctuation.
    public var isWordLike: Bool { ruleStatus >= 100 }
    public var isNumber: Bool { (100..<200).contains(ruleStatus) }
}

/// An ICU break iterator for one kind and locale. Compiled once; safe to use from concurrent tasks (each call
/// borrows its own clone).
public final class BreakIterator: Sendable {
    private let pool: HandlePool
    public let kind: BreakKind
    public let locale: String

    public init(_ kind: BreakKind, locale: String) throws(ICUError) {
        var status: Int32 = 0
        guard let handle = tl_break_open(kind.rawValue, locale, &status), !failed(status) else {
            throw ICUError(code: status == 0 ? 1 : status, operation: "opening a \(kind) break iterator for \(locale)")
        }
        self.kind = kind
        self.locale = locale
        self.pool = HandlePool(
            prototype: handle, what: "a break iterator", clone: { tl_break_clone($0, $1) },
            close: { tl_break_close($0) })
    }

    /// Calls `visit` with each segment of `text` in order (UTF-16 offsets into `text`).
    public func forEachSegment(
        utf16 text: UnsafeBufferPointer<UInt16>, _ visit: (BreakSegment) -> Void
    ) throws(ICUError) {
        guard !text.isEmpty else { return }
        let kind = self.kind
        try pool.withHandle { (handle) throws(ICUError) in
            var status: Int32 = 0
            tl_break_set_text(handle, text.baseAddress, Int32(text.count), &status)
            if failed(status) { throw ICUError(code: status, operation: "setting text of a \(kind) break iterator") }
            var start = tl_break_first(handle)
            while true {
                let end = tl_break_next(handle)
                if end < 0 { break }
                visit(BreakSegment(range: Int(start)..<Int(end), ruleStatus: tl_break_rule_status(handle)))
                start = end
            }
            // Detach the iterator from the caller's buffer before it is reused.
            tl_break_set_text(handle, nil, 0, &status)
        }
    }

    /// All segments of `text`, with UTF-16 ranges.
    package func segments(utf16 text: UnsafeBufferPointer<UInt16>) throws(ICUError) -> [BreakSegment] {
        var result: [BreakSegment] = []
        try forEachSegment(utf16: text) { result.append($0) }
        return result
    }

    /// All segments of a string, with UTF-16 ranges.
    public func segments(_ text: String) throws(ICUError) -> [BreakSegment] {
        let utf16 = Array(text.utf16)
        return try utf16.withUnsafeBufferPointer { (buffer) throws(ICUError) in try segments(utf16: buffer) }
    }

    /// The substrings of `text` that are words (letters or numbers), in order.
    public func words(_ text: String) throws(ICUError) -> [String] {
        let utf16 = Array(text.utf16)
        return try utf16.withUnsafeBufferPointer { (buffer) throws(ICUError) in
            try segments(utf16: buffer).filter(\.isWordLike).map {
                String(decoding: buffer[$0.range], as: UTF16.self)
            }
        }
    }

    /// The substrings of `text` between consecutive boundaries (sentences, lines, characters), in order.
    public func pieces(_ text: String) throws(ICUError) -> [String] {
        let utf16 = Array(text.utf16)
        return try utf16.withUnsafeBufferPointer { (buffer) throws(ICUError) in
            try segments(utf16: buffer).map { String(decoding: buffer[$0.range], as: UTF16.self) }
        }
    }
}
