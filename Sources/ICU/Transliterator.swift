import CICU

/// An ICU transliterator, compiled once from a system ID or from a rules string and reusable from any number of
/// concurrent tasks.
public final class Transliterator: Sendable {
    private let pool: HandlePool
    /// The ID given at creation.
    public let id: String

    /// Opens one of ICU's own transforms, e.g. "Any-NFC", "Russian-Latin/BGN", "Cyrillic-Latin".
    public init(id: String) throws(ICUError) {
        var status: Int32 = 0
        let utf16 = Array(id.utf16)
        let handle = tl_translit_open_id(utf16, Int32(utf16.count), 0, &status)
        guard !failed(status), let handle else {
            throw ICUError(code: status == 0 ? 1 : status, operation: "opening transliterator \(id)")
        }
        self.id = id
        self.pool = Transliterator.makePool(handle)
    }

    /// Compiles transform rules (ICU rule syntax). A syntax error names the rules line and offset.
    public init(rules: String, id: String = "Tlumach-Custom") throws(ICUError) {
        var status: Int32 = 0
        var line: Int32 = 0
        var offset: Int32 = 0
        let idUTF16 = Array(id.utf16)
        let rulesUTF16 = Array(rules.utf16)
        let handle = tl_translit_open_rules(
            idUTF16, Int32(idUTF16.count), rulesUTF16, Int32(rulesUTF16.count), 0, &line, &offset, &status)
        guard !failed(status), let handle else {
            // ICU's transliterator parser reports an offset into the whole rules string (and line 0): turn it into
            // a 1-based line and an offset within that line, and quote the rule there.
            let place = Transliterator.locate(utf16Offset: Int(offset), line: Int(line), in: rulesUTF16)
            throw ICUError(
                code: status == 0 ? 1 : status, operation: "compiling transliterator rules \(id)",
                ruleLine: place.line, ruleOffset: place.offset, ruleText: place.text)
        }
        self.id = id
        self.pool = Transliterator.makePool(handle)
    }

    static func locate(utf16Offset: Int, line: Int, in rules: [UInt16]) -> (line: Int, offset: Int, text: String) {
        let lines = rules.split(separator: 0x0A, omittingEmptySubsequences: false)
        if line > 0 {
            let text = line <= lines.count ? String(decoding: lines[line - 1], as: UTF16.self) : ""
            return (line, utf16Offset, text)
        }
        var start = 0
        for (number, content) in lines.enumerated() {
            let end = start + content.count
            if utf16Offset <= end {
                return (number + 1, utf16Offset - start, String(decoding: content, as: UTF16.self))
            }
            start = end + 1
        }
        return (max(1, lines.count), 0, "")
    }

    private static func makePool(_ handle: UnsafeMutableRawPointer) -> HandlePool {
        HandlePool(
            prototype: handle, what: "a transliterator", clone: { tl_translit_clone($0, $1) },
            close: { tl_translit_close($0) })
    }

    /// Transforms UTF-16 text.
    package func transform(utf16 source: UnsafeBufferPointer<UInt16>) throws(ICUError) -> [UInt16] {
        let id = self.id
        guard let sourceBase = source.baseAddress, !source.isEmpty else { return [] }
        return try pool.withHandle { (handle) throws(ICUError) -> [UInt16] in
            var capacity = source.count * 2 + 16
            while true {
                var buffer = [UInt16](repeating: 0, count: capacity)
                buffer.withUnsafeMutableBufferPointer { $0.baseAddress?.update(from: sourceBase, count: source.count) }
                var status: Int32 = 0
                let length = tl_translit_transform(handle, &buffer, Int32(source.count), Int32(capacity), &status)
                if status == bufferOverflow || Int(length) > capacity {
                    capacity = max(Int(length), capacity * 2)
                    continue
                }
                if failed(status) { throw ICUError(code: status, operation: "transliterating with \(id)") }
                buffer.removeSubrange(Int(length)...)
                return buffer
            }
        }
    }

    /// Transforms a string.
    public func transform(_ text: String) throws(ICUError) -> String {
        if text.isEmpty { return text }
        let utf16 = Array(text.utf16)
        let result = try utf16.withUnsafeBufferPointer { (buffer) throws(ICUError) in try transform(utf16: buffer) }
        return String(decoding: result, as: UTF16.self)
    }

    /// The IDs of ICU's built-in transforms.
    public static var availableIDs: [String] {
        let count = tl_translit_count_available()
        var ids: [String] = []
        var buffer = [UInt16](repeating: 0, count: 256)
        for index in 0..<count {
            let length = Int(tl_translit_available_id(index, &buffer, Int32(buffer.count)))
            if length > 0 { ids.append(String(decoding: buffer[0..<min(length, buffer.count)], as: UTF16.self)) }
        }
        return ids
    }
}
