import Foundation
import TlumachCore

/// A look at the start of a file given to `tm import`, to refuse other formats by name ("looks like gettext PO")
/// before anything is created, instead of the XML parser's first complaint about them.
public enum ImportFormat {
    /// Throws when the file plainly is not TMX; says nothing when it may be (the reader then decides).
    public static func checkTMX(_ path: String) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else { return }  // the reader reports it
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 1 << 16)) ?? Data()
        if head.isEmpty { return }
        if let kind = binaryKind(head) { throw refusal(path, kind) }
        // UCS-4 and EBCDIC are the XML reader's to refuse, with their own message; read as UTF-16 they look like
        // some other XML.
        if isUCS4OrEBCDIC(head) { return }
        let text = decodedStart(head)
        let start = text.drop { $0.isWhitespace }
        guard let first = start.first else { return }
        guard first == "<" else { throw refusal(path, textKind(text)) }
        guard let root = rootElement(start) else { return }
        let local = root.split(separator: ":").last.map(String.init) ?? root
        if local == "tmx" { return }
        let kinds = ["xliff": "XLIFF", "martif": "TBX", "tbx": "TBX", "html": "HTML", "TS": "Qt Linguist TS"]
        let kind = kinds[local].map { "looks like \($0)" } ?? "an XML document whose root is <\(root)>"
        throw refusal(path, kind)
    }

    private static func refusal(_ path: String, _ kind: String) -> InputError {
        InputError(path: path, message: "not a TMX file (\(kind)); tm import reads TMX")
    }

    private static func binaryKind(_ head: Data) -> String? {
        let bytes = [UInt8](head.prefix(16))
        if head.starts(with: Data("SQLite format 3\u{0}".utf8)) {
            return "an SQLite database: a memory is given with --tm"
        }
        if bytes.count >= 4, bytes[0..<4] == [0xDE, 0x12, 0x04, 0x95] || bytes[0..<4] == [0x95, 0x04, 0x12, 0xDE] {
            return "looks like a compiled gettext MO file"
        }
        if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return "a ZIP archive" }
        if head.starts(with: [0x1F, 0x8B]) { return "a gzip archive" }
        if head.starts(with: Data("%PDF".utf8)) { return "a PDF document" }
        return nil
    }

    /// The four-byte patterns of XML's Appendix F for UCS-4 (any byte order, with or without a mark) and EBCDIC.
    private static func isUCS4OrEBCDIC(_ head: Data) -> Bool {
        let b = [UInt8](head.prefix(4))
        guard b.count == 4 else { return false }
        let zeros = b.filter { $0 == 0 }.count
        if zeros == 3 { return true }  // "<" in UCS-4, whatever the byte order
        if b == [0xFF, 0xFE, 0, 0] || b == [0, 0, 0xFE, 0xFF] || b == [0, 0, 0xFF, 0xFE] || b == [0xFE, 0xFF, 0, 0] {
            return true
        }
        return b == [0x4C, 0x6F, 0xA7, 0x94]  // "<?xm" in EBCDIC
    }

    /// The start as text: UTF-8, or UTF-16 with or without a byte order mark.
    private static func decodedStart(_ head: Data) -> String {
        let bytes = [UInt8](head)
        func utf16(_ bytes: ArraySlice<UInt8>, littleEndian: Bool) -> String {
            var units: [UInt16] = []
            var index = bytes.startIndex
            while index + 1 < bytes.endIndex {
                let (a, b) = (UInt16(bytes[index]), UInt16(bytes[index + 1]))
                units.append(littleEndian ? a | b << 8 : a << 8 | b)
                index += 2
            }
            return String(decoding: units, as: UTF16.self)
        }
        if bytes.starts(with: [0xFF, 0xFE]) { return utf16(bytes.dropFirst(2), littleEndian: true) }
        if bytes.starts(with: [0xFE, 0xFF]) { return utf16(bytes.dropFirst(2), littleEndian: false) }
        if bytes.count >= 2 && bytes[0] != 0 && bytes[1] == 0 { return utf16(bytes[...], littleEndian: true) }
        if bytes.count >= 2 && bytes[0] == 0 && bytes[1] != 0 { return utf16(bytes[...], littleEndian: false) }
        return String(decoding: bytes.dropFirst(ByteOrderMark.utf8Length(bytes)), as: UTF8.self)
    }

    private static func textKind(_ text: String) -> String {
        let lines = text.split(whereSeparator: \.isNewline).prefix(200)
        if lines.contains(where: { $0.hasPrefix("msgid ") || $0.hasPrefix("msgstr ") || $0.hasPrefix("msgctxt ") }) {
            return "looks like gettext PO"
        }
        if let first = text.first(where: { !$0.isWhitespace }), first == "{" || first == "[" {
            return "looks like JSON"
        }
        let delimited = lines.prefix(5).filter { $0.contains("\t") || $0.contains(",") || $0.contains(";") }
        if lines.count >= 2 && delimited.count == min(lines.count, 5) { return "looks like CSV or TSV" }
        return "not XML: it does not start with <"
    }

    /// The name of the first element, after the XML declaration, processing instructions, comments and a DOCTYPE;
    /// nil when not found in what was read (or a DOCTYPE has an internal subset: the reader refuses those).
    private static func rootElement(_ text: Substring) -> String? {
        var rest = text
        while true {
            rest = rest.drop { $0.isWhitespace }
            if rest.hasPrefix("<?") {
                guard let end = rest.range(of: "?>") else { return nil }
                rest = rest[end.upperBound...]
            } else if rest.hasPrefix("<!--") {
                guard let end = rest.range(of: "-->") else { return nil }
                rest = rest[end.upperBound...]
            } else if rest.hasPrefix("<!") {
                guard let end = rest.firstIndex(where: { $0 == ">" || $0 == "[" }), rest[end] == ">" else { return nil }
                rest = rest[rest.index(after: end)...]
            } else if rest.hasPrefix("<") {
                let name = rest.dropFirst().prefix { !$0.isWhitespace && $0 != ">" && $0 != "/" }
                return name.isEmpty ? nil : String(name)
            } else {
                return nil
            }
        }
    }
}
