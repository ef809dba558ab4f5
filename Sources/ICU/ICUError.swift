import CICU

/// A failure reported by ICU, carrying ICU's own error name (`U_INVALID_FORMAT_ERROR`) and what was being done.
public struct ICUError: Error, CustomStringConvertible, Sendable, Equatable {
    /// ICU's UErrorCode value.
    public let code: Int32
    /// ICU's symbolic name for `code`.
    public let name: String
    /// The operation that failed, in words ("opening transliterator Any-Latin").
    public let operation: String
    /// For rule compilation failures: the 1-based line of the rules, the 0-based UTF-16 offset within that line,
    /// and the text of that line.
    public let ruleLine: Int?
    public let ruleOffset: Int?
    public let ruleText: String?

    init(code: Int32, operation: String, ruleLine: Int? = nil, ruleOffset: Int? = nil, ruleText: String? = nil) {
        self.code = code
        self.name = tl_error_name(code).map { String(cString: $0) } ?? "U_ERROR_\(code)"
        self.operation = operation
        self.ruleLine = ruleLine
        self.ruleOffset = ruleOffset
        self.ruleText = ruleText
    }

    public var description: String {
        var text = "ICU error \(name) while \(operation)"
        if let ruleLine {
            text += " (rules line \(ruleLine), offset \(ruleOffset ?? 0)"
            let rule = ruleText.map { String($0.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed()) }
            if let rule, !rule.isEmpty { text += ": \(rule)" }
            text += ")"
        }
        return text
    }
}

/// ICU codes above zero are failures; below zero are warnings.
@inline(__always) func failed(_ status: Int32) -> Bool { status > 0 }

/// U_BUFFER_OVERFLOW_ERROR: the call wants a larger output buffer.
let bufferOverflow: Int32 = 15

/// Runs an ICU "preflight" style call: first into a buffer sized from `estimate`, then once more with the exact
/// length ICU asked for. Returns the UTF-16 result.
func withGrowingUTF16(
    estimate: Int, operation: @autoclosure () -> String,
    _ body: (UnsafeMutablePointer<UInt16>, Int32, inout Int32) -> Int32
) throws(ICUError) -> [UInt16] {
    var capacity = max(estimate, 16)
    for _ in 0..<2 {
        var status: Int32 = 0
        var result = [UInt16](repeating: 0, count: capacity)
        let length = result.withUnsafeMutableBufferPointer { buffer in
            body(buffer.baseAddress!, Int32(buffer.count), &status)
        }
        if status == bufferOverflow || Int(length) > capacity {
            capacity = Int(length)
            continue
        }
        if failed(status) { throw ICUError(code: status, operation: operation()) }
        result.removeSubrange(Int(length)...)
        return result
    }
    throw ICUError(code: bufferOverflow, operation: operation())
}

/// The version of the ICU library Tlumach is linked against ("72.1").
public let icuVersion: String = {
    var buffer = [CChar](repeating: 0, count: 32)
    tl_icu_version(&buffer, Int32(buffer.count))
    return String(decoding: buffer.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }, as: UTF8.self)
}()
