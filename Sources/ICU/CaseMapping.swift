import CICU

/// Locale-aware case mapping (full Unicode mappings: ß → SS, İ → i̇), through ICU.
public enum CaseMapping {
    public static func lowercased(_ text: String, locale: String = "") throws(ICUError) -> String {
        try map(text, "lowercasing") { src, length, dest, capacity, status in
            tl_to_lower(src, length, dest, capacity, locale, &status)
        }
    }

    public static func uppercased(_ text: String, locale: String = "") throws(ICUError) -> String {
        try map(text, "uppercasing") { src, length, dest, capacity, status in
            tl_to_upper(src, length, dest, capacity, locale, &status)
        }
    }

    /// Title case at ICU word boundaries: "п'ятниця" → "П'ятниця", not "П'Ятниця".
    public static func titlecased(_ text: String, locale: String = "") throws(ICUError) -> String {
        try map(text, "title-casing") { src, length, dest, capacity, status in
            tl_to_title(src, length, dest, capacity, locale, &status)
        }
    }

    /// Unicode default case folding, for caseless comparison keys.
    public static func folded(_ text: String) throws(ICUError) -> String {
        try map(text, "case folding") { src, length, dest, capacity, status in
            tl_fold_case(src, length, dest, capacity, &status)
        }
    }

    private static func map(
        _ text: String, _ operation: String,
        _ call: (UnsafePointer<UInt16>?, Int32, UnsafeMutablePointer<UInt16>, Int32, inout Int32) -> Int32
    ) throws(ICUError) -> String {
        if text.isEmpty { return text }
        let source = Array(text.utf16)
        let result = try source.withUnsafeBufferPointer { (buffer) throws(ICUError) in
            try withGrowingUTF16(estimate: buffer.count + 8, operation: operation) { dest, capacity, status in
                call(buffer.baseAddress, Int32(buffer.count), dest, capacity, &status)
            }
        }
        return String(decoding: result, as: UTF16.self)
    }
}
