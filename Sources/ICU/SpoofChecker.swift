import CICU

/// What ICU's spoof checker found wrong with an identifier (a word).
public struct SpoofFindings: OptionSet, Sendable {
    public let rawValue: Int32
    public init(rawValue: Int32) { self.rawValue = rawValue }
    /// USPOOF_RESTRICTION_LEVEL: the word mixes scripts beyond the "highly restrictive" level (Latin + Cyrillic).
    public static let mixedScript = SpoofFindings(rawValue: 16)
    /// USPOOF_INVISIBLE: invisible characters or repeated combining marks.
    public static let invisible = SpoofFindings(rawValue: 32)
    /// USPOOF_MIXED_NUMBERS: digits from more than one numbering system.
    public static let mixedNumbers = SpoofFindings(rawValue: 128)
}

/// ICU's spoof checker at the "highly restrictive" level: flags words that mix Latin and Cyrillic, and gives
/// confusable skeletons (Київ written with a Latin K has the same skeleton as Київ). Thread-safe once made.
public final class SpoofChecker: @unchecked Sendable {  // unchecked: an ICU handle (C pointer), read-only once made
    // Configured in init and then only read through ICU's const, thread-safe functions.
    private let handle: UnsafeMutableRawPointer

    public init() throws(ICUError) {
        var status: Int32 = 0
        guard let handle = tl_spoof_open(&status), !failed(status) else {
            throw ICUError(code: status == 0 ? 1 : status, operation: "opening the spoof checker")
        }
        self.handle = handle
    }

    deinit { tl_spoof_close(handle) }

    /// An empty set when the word passes.
    public func check(_ word: String) throws(ICUError) -> SpoofFindings {
        let utf16 = Array(word.utf16)
        var status: Int32 = 0
        let bits = tl_spoof_check(handle, utf16, Int32(utf16.count), &status)
        if failed(status) { throw ICUError(code: status, operation: "spoof-checking a word") }
        return SpoofFindings(rawValue: bits)
    }

    /// The confusable skeleton (UTS #39): equal skeletons mean the strings look alike.
    public func skeleton(_ text: String) throws(ICUError) -> String {
        if text.isEmpty { return text }
        let utf16 = Array(text.utf16)
        let handle = self.handle
        let result = try utf16.withUnsafeBufferPointer { (buffer) throws(ICUError) in
            try withGrowingUTF16(estimate: buffer.count * 2 + 8, operation: "computing a confusable skeleton") {
                dest, capacity, status in
                tl_spoof_skeleton(handle, buffer.baseAddress, Int32(buffer.count), dest, capacity, &status)
            }
        }
        return String(decoding: result, as: UTF16.self)
    }
}
