import CICU

/// An immutable ICU UnicodeSet built from a pattern ("[[:L:][:M:]]", "[:Lu:]", "[[:Cyrillic:]&[:L:]]").
/// Frozen at creation, so one instance serves any number of concurrent tasks.
public final class UnicodeSet: @unchecked Sendable {  // unchecked: a frozen ICU set (C pointer), read-only
    private let handle: UnsafeMutableRawPointer
    /// The pattern given at creation.
    public let pattern: String

    public init(pattern: String) throws(ICUError) {
        var status: Int32 = 0
        let utf16 = Array(pattern.utf16)
        let handle = tl_uset_open_pattern(utf16, Int32(utf16.count), &status)
        guard let handle, !failed(status) else {
            if let handle { tl_uset_close(handle) }
            throw ICUError(code: status == 0 ? 1 : status, operation: "parsing the set pattern \(pattern)")
        }
        self.handle = handle
        self.pattern = pattern
    }

    deinit { tl_uset_close(handle) }

    /// Whether the set holds the code point.
    @inline(__always)
    public func contains(_ codePoint: UInt32) -> Bool {
        tl_uset_contains(handle, Int32(bitPattern: codePoint)) != 0
    }

    public func contains(_ scalar: Unicode.Scalar) -> Bool { contains(scalar.value) }

    /// The code point ranges of the set, ascending (strings in the set are not included).
    public var ranges: [ClosedRange<UInt32>] {
        var result: [ClosedRange<UInt32>] = []
        let count = tl_uset_item_count(handle)
        for index in 0..<count {
            var start: Int32 = 0
            var end: Int32 = 0
            if tl_uset_range(handle, index, &start, &end) != 0, start >= 0, end >= start {
                result.append(UInt32(start)...UInt32(end))
            }
        }
        return result
    }
}
