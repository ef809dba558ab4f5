import ICU
import TlumachCore

/// PO files in a legacy charset (`charset=KOI8-U` in the header, as lynx's Ukrainian catalog still ships): gettext
/// reads them, so Tlumach does too, decoding through ICU and relabelling the header so that whatever is written back
/// is UTF-8 and says so.
extension POReader {
    /// The charset the header entry declares (`Content-Type: text/plain; charset=…`), with the byte range of its
    /// name. Looked for only before the first blank line (the header is the file's first entry) and in the first
    /// 64 KB.
    static func declaredCharset(_ bytes: UnsafeBufferPointer<UInt8>) -> (name: String, range: Range<Int>)? {
        let limit = min(bytes.count, 1 << 16)
        let key = Array("charset=".utf8)
        var index = 0
        while index + key.count <= limit {
            if bytes[index] == 0x0A, index + 1 < limit,
                bytes[index + 1] == 0x0A || (bytes[index + 1] == 0x0D && index + 2 < limit && bytes[index + 2] == 0x0A)
            {
                return nil
            }
            if bytes[index] == key[0], (0..<key.count).allSatisfy({ bytes[index + $0] == key[$0] }) {
                let start = index + key.count
                var end = start
                while end < limit, isCharsetNameByte(bytes[end]) { end += 1 }
                guard end > start else { return nil }
                return (String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self), start..<end)
            }
            index += 1
        }
        return nil
    }

    private static func isCharsetNameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."),
            UInt8(ascii: ":"):
            true
        default: false
        }
    }

    /// The file's bytes as UTF-8 (after any byte order mark): `nil` when the header declares UTF-8 or nothing, so
    /// the bytes stand as they are; otherwise decoded from the declared charset, the header's charset now `UTF-8`.
    /// Bytes the charset does not map, or a charset ICU does not know, are refused naming the file and byte offset.
    package static func utf8FromDeclaredCharset(_ bytes: UnsafeBufferPointer<UInt8>, path: String)
        throws(InputError) -> [UInt8]?
    {
        guard let (name, range) = declaredCharset(bytes), !Charset.isUTF8Compatible(name) else { return nil }
        let text: String
        do throws(Charset.DecodingError) {
            text = try Charset.decode(bytes, charset: name)
        } catch {
            switch error {
            case .unknownCharset:
                throw InputError(
                    path: path, byteOffset: range.lowerBound,
                    message: "the header's charset “\(name)” is not one ICU knows")
            case .invalidBytes(let offset):
                throw InputError(
                    path: path, byteOffset: offset, message: "not valid \(name) text (the header's charset)")
            }
        }
        // Comments before the header can hold other letters, so the name is found again in the decoded text.
        var utf8 = Array(text.utf8)
        let relabelled = utf8.withUnsafeBufferPointer { declaredCharset($0)?.range }
        if let relabelled { utf8.replaceSubrange(relabelled, with: "UTF-8".utf8) }
        return utf8
    }
}
