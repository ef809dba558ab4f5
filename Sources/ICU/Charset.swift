import CICU

/// Text in a legacy charset a file declares (a PO header's `charset=KOI8-U`, CP1251…), decoded with ICU's
/// converters. Conversion stops at the first byte sequence the charset does not map, so a mislabelled file is
/// refused with an offset instead of being read as substitution characters.
public enum Charset {
    public enum DecodingError: Error, Equatable, Sendable {
        /// ICU has no converter of this name.
        case unknownCharset(String)
        /// The bytes at this offset (from the start of the buffer given) are not text in the charset.
        case invalidBytes(offset: Int)
    }

    /// Whether a declared name needs no conversion: UTF-8, ASCII (a subset of it), or gettext's template
    /// placeholder `CHARSET`.
    public static func isUTF8Compatible(_ name: String) -> Bool {
        let folded = name.lowercased().filter { $0 != "-" && $0 != "_" }
        return ["utf8", "ascii", "usascii", "charset", ""].contains(folded)
    }

    /// Decodes `bytes` declared to be in `charset`.
    package static func decode(_ bytes: UnsafeBufferPointer<UInt8>, charset: String) throws(DecodingError) -> String {
        guard bytes.count < Int(Int32.max) / 2 - 16 else { throw .invalidBytes(offset: Int(Int32.max) / 2) }
        // A byte decodes to at most one code point of at most two UTF-16 units in the charsets ICU ships.
        let capacity = 2 * bytes.count + 16
        var status: Int32 = 0
        var errorOffset: Int32 = -1
        var written: Int32 = 0
        let units = [UInt16](unsafeUninitializedCapacity: capacity) { buffer, count in
            written = tl_decode_charset(
                charset, bytes.baseAddress, Int32(bytes.count), buffer.baseAddress, Int32(capacity), &errorOffset,
                &status)
            count = max(0, min(Int(written), capacity))
        }
        if failed(status) {
            if errorOffset < 0 { throw .unknownCharset(charset) }
            throw .invalidBytes(offset: Int(errorOffset))
        }
        return String(decoding: units, as: UTF16.self)
    }
}
