import CICU
import Foundation

/// Decimal number formatting and parsing for a locale (uk: 1 234,5 with a no-break space; en: 1,234.5).
public final class NumberFormat: @unchecked Sendable {  // unchecked: an ICU handle (C pointer), used only under `lock`
    // ICU number formats are used under `lock`: one thread at a time.
    private let handle: UnsafeMutableRawPointer
    private let lock = NSLock()
    public let locale: String

    public init(locale: String) throws(ICUError) {
        var status: Int32 = 0
        guard let handle = tl_number_format_open(locale, &status), !failed(status) else {
            throw ICUError(code: status == 0 ? 1 : status, operation: "opening a number format for \(locale)")
        }
        self.handle = handle
        self.locale = locale
    }

    deinit { tl_number_format_close(handle) }

    /// Parses a number at the start of `text`: its value and how many UTF-16 units it took, or nil.
    public func parse(_ text: String) -> (value: Double, length: Int)? {
        let utf16 = Array(text.utf16)
        guard !utf16.isEmpty else { return nil }
        var status: Int32 = 0
        var parsed: Int32 = 0
        lock.lock()
        let value = tl_number_parse(handle, utf16, Int32(utf16.count), &parsed, &status)
        lock.unlock()
        if failed(status) || parsed == 0 { return nil }
        return (value, Int(parsed))
    }

    public func format(_ value: Double) throws(ICUError) -> String {
        lock.lock()
        defer { lock.unlock() }
        let handle = self.handle
        let locale = self.locale
        let result = try withGrowingUTF16(estimate: 32, operation: "formatting a number for \(locale)") {
            dest, capacity, status in
            tl_number_format(handle, value, dest, capacity, &status)
        }
        return String(decoding: result, as: UTF16.self)
    }
}
