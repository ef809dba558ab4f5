import CICU
import Foundation

/// Locale-aware string ordering (uk puts ґ after г and є after е; en is the root order).
public final class Collator: @unchecked Sendable {  // unchecked: an ICU handle (C pointer), used only under `lock`
    // ICU collators are used under `lock`: one thread at a time.
    private let handle: UnsafeMutableRawPointer
    private let lock = NSLock()
    public let locale: String

    public init(locale: String) throws(ICUError) {
        var status: Int32 = 0
        guard let handle = tl_collator_open(locale, &status), !failed(status) else {
            throw ICUError(code: status == 0 ? 1 : status, operation: "opening a collator for \(locale)")
        }
        self.handle = handle
        self.locale = locale
    }

    deinit { tl_collator_close(handle) }

    /// A binary key: comparing keys byte by byte orders strings as the locale does.
    public func sortKey(_ text: String) -> [UInt8] {
        let utf16 = Array(text.utf16)
        lock.lock()
        defer { lock.unlock() }
        var key = [UInt8](repeating: 0, count: utf16.count * 4 + 16)
        var length = Int(tl_collator_sort_key(handle, utf16, Int32(utf16.count), &key, Int32(key.count)))
        if length > key.count {
            key = [UInt8](repeating: 0, count: length)
            length = Int(tl_collator_sort_key(handle, utf16, Int32(utf16.count), &key, Int32(key.count)))
        }
        // Drop the terminating zero so keys compare as plain byte arrays.
        return Array(key[0..<max(0, length - 1)])
    }

    /// Whether `a` sorts before `b` in this locale.
    public func areInIncreasingOrder(_ a: String, _ b: String) -> Bool {
        compare(a, b) < 0
    }

    /// -1, 0 or 1.
    public func compare(_ a: String, _ b: String) -> Int {
        let left = Array(a.utf16)
        let right = Array(b.utf16)
        lock.lock()
        defer { lock.unlock() }
        return Int(tl_collator_compare(handle, left, Int32(left.count), right, Int32(right.count)))
    }
}
