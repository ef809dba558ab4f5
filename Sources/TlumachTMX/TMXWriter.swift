import Foundation
import TlumachCore
import TlumachXML

/// Writes TMX 1.4b. Segments, notes and props are written exactly (no added whitespace inside them); attributes come
/// in a fixed order so the same unit always serialises to the same text.
public enum TMXWriter {
    /// One `<tu>` element, indented by `indent` (its children one level deeper), ending with a newline.
    public static func xml(for unit: TMXUnit, indent: String = "    ") -> String {
        var ranges: [Range<Int>] = []
        return xml(for: unit, indent: indent, segmentRanges: &ranges)
    }

    /// `xml(for:indent:)`, also giving the UTF-8 byte range of each variant's segment content (what
    /// `xml(for: segment)` returns) within the result, in variant order: a memory hashes segments without
    /// serialising them a second time.
    public static func xml(for unit: TMXUnit, indent: String = "    ", segmentRanges: inout [Range<Int>]) -> String {
        var out = XMLBytes()
        out.bytes.reserveCapacity(512)
        segmentRanges.removeAll(keepingCapacity: true)
        let inner = indent + "  "
        out.raw(indent)
        out.raw("<tu")
        appendAttributes(unit.attributes, to: &out)
        out.raw(">\n")
        appendAnnotations(unit.annotations, indent: inner, to: &out)
        for variant in unit.variants {
            out.raw(inner)
            out.raw("<tuv xml:lang=\"")
            out.escaped(variant.language, attribute: true)
            out.raw("\"")
            appendAttributes(variant.attributes, to: &out)
            out.raw(">\n")
            appendAnnotations(variant.annotations, indent: inner + "  ", to: &out)
            out.raw(inner)
            out.raw("  <seg>")
            let start = out.bytes.count
            appendInline(variant.segment.content, to: &out)
            segmentRanges.append(start..<out.bytes.count)
            out.raw("</seg>\n")
            out.raw(inner)
            out.raw("</tuv>\n")
        }
        out.raw(indent)
        out.raw("</tu>\n")
        return out.string
    }

    /// The inline content of a segment as XML (what goes between `<seg>` and `</seg>`).
    public static func xml(for segment: TMXSegment) -> String {
        var out = XMLBytes()
        appendInline(segment.content, to: &out)
        return out.string
    }

    /// Everything before the first unit: XML declaration, `<tmx>`, the header and `<body>`.
    public static func prologue(header: TMXHeader) -> String {
        var out = XMLBytes()
        out.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\">\n  <header")
        appendAttributes(header.attributes, to: &out)
        if header.annotations.isEmpty && header.userDefinedEncodings.isEmpty {
            out.raw("/>\n")
        } else {
            out.raw(">\n")
            appendAnnotations(header.annotations, indent: "    ", to: &out)
            for encoding in header.userDefinedEncodings {
                out.raw("    <ude")
                appendAttributes(encoding.attributes, to: &out)
                if encoding.maps.isEmpty {
                    out.raw("/>\n")
                    continue
                }
                out.raw(">\n")
                for map in encoding.maps {
                    out.raw("      <map")
                    appendAttributes(map, to: &out)
                    out.raw("/>\n")
                }
                out.raw("    </ude>\n")
            }
            out.raw("  </header>\n")
        }
        out.raw("  <body>\n")
        return out.string
    }

    public static let epilogue = "  </body>\n</tmx>\n"

    /// `xmlEscaped`, with a fast path for the common text that needs no escaping.
    static func escaped(_ text: String, attribute: Bool = false) -> String {
        var out = XMLBytes()
        out.escaped(text, attribute: attribute)
        return out.string
    }

    /// A whole document as text.
    public static func document(_ document: TMXDocument) -> String {
        var out = prologue(header: document.header)
        for unit in document.units { out += xml(for: unit) }
        out += epilogue
        return out
    }

    // Attributes that read best first; the rest follow alphabetically.
    private static let leadingAttributes = ["tuid", "i", "x", "pos", "type", "assoc"]

    static func appendAttributes(_ attributes: [String: String], to out: inout XMLBytes) {
        guard !attributes.isEmpty else { return }
        func append(_ key: String, _ value: String) {
            out.raw(" ")
            out.raw(key)
            out.raw("=\"")
            out.escaped(value, attribute: true)
            out.raw("\"")
        }
        // One pass over the attributes, no dictionary built or probed: each is either a leading one (by rank) or
        // one of the rest, which are sorted (a unit usually has two or three attributes).
        var leading: [(rank: Int, key: String, value: String)] = []
        var rest: [(key: String, value: String)] = []
        for (key, value) in attributes {
            if let rank = leadingAttributes.firstIndex(of: key) {
                leading.append((rank, key, value))
            } else {
                rest.append((key, value))
            }
        }
        if leading.count > 1 { leading.sort { $0.rank < $1.rank } }
        for attribute in leading { append(attribute.key, attribute.value) }
        if rest.count > 1 { rest.sort { $0.key < $1.key } }
        for attribute in rest { append(attribute.key, attribute.value) }
    }

    private static func appendAnnotations(_ annotations: [TMXAnnotation], indent: String, to out: inout XMLBytes) {
        for annotation in annotations {
            out.raw(indent)
            switch annotation {
            case .note(let note):
                out.raw("<note")
                appendAttributes(note.attributes, to: &out)
                out.raw(">")
                out.escaped(note.text, attribute: false)
                out.raw("</note>\n")
            case .prop(let prop):
                out.raw("<prop type=\"")
                out.escaped(prop.type, attribute: true)
                out.raw("\"")
                appendAttributes(prop.attributes, to: &out)
                out.raw(">")
                out.escaped(prop.text, attribute: false)
                out.raw("</prop>\n")
            }
        }
    }

    static func appendInline(_ content: [TMXInline], to out: inout XMLBytes) {
        for item in content {
            switch item {
            case .text(let text):
                out.escaped(text, attribute: false)
            case .element(let element):
                out.raw("<")
                out.raw(element.name)
                appendAttributes(element.attributes, to: &out)
                if element.children.isEmpty {
                    out.raw("/>")
                } else {
                    out.raw(">")
                    appendInline(element.children, to: &out)
                    out.raw("</")
                    out.raw(element.name)
                    out.raw(">")
                }
            }
        }
    }
}

/// UTF-8 output built as bytes: appending to a String, and escaping through its Unicode scalars, was the larger part
/// of serialising a unit (profiled on a memory import). Escapes exactly what `xmlEscaped` escapes (all ASCII).
struct XMLBytes {
    var bytes: [UInt8] = []

    var string: String { String(decoding: bytes, as: UTF8.self) }

    mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    mutating func raw(_ text: String) {
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    mutating func escaped(_ text: String, attribute: Bool) {
        var text = text
        text.withUTF8 { input in
            var runStart = 0
            for index in 0..<input.count {
                let replacement: StaticString
                switch input[index] {
                case 0x26: replacement = "&amp;"
                case 0x3C: replacement = "&lt;"
                case 0x3E: replacement = "&gt;"
                case 0x0D: replacement = "&#13;"
                case 0x22 where attribute: replacement = "&quot;"
                case 0x0A where attribute: replacement = "&#10;"
                case 0x09 where attribute: replacement = "&#9;"
                default: continue
                }
                if runStart < index { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: input[runStart..<index])) }
                replacement.withUTF8Buffer { bytes.append(contentsOf: $0) }
                runStart = index + 1
            }
            if runStart < input.count { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: input[runStart...])) }
        }
    }
}

/// Writes a TMX file unit by unit into a temporary file beside the target and renames it into place on `finish()`,
/// so a reader never sees half a file and a failed export leaves any previous file untouched.
public final class TMXFileWriter {
    public let path: String
    private let temporaryPath: String
    private let handle: FileHandle
    private var buffer = Data()
    private var finished = false

    public init(path: String, header: TMXHeader) throws {
        self.path = path
        // Named after this process, so the next writer of the same file removes what a killed run left.
        StaleTemporaries.remove(beside: path, tag: "tlumach")
        temporaryPath = StaleTemporaries.path(beside: path, tag: "tlumach")
        guard FileManager.default.createFile(atPath: temporaryPath, contents: nil),
            let handle = FileHandle(forWritingAtPath: temporaryPath)
        else {
            throw InputError(path: path, message: "cannot write file: cannot create a file in its folder")
        }
        self.handle = handle
        buffer.reserveCapacity(1 << 20)
        try append(TMXWriter.prologue(header: header))
    }

    public func write(_ unit: TMXUnit) throws {
        try append(TMXWriter.xml(for: unit))
    }

    /// Writes a `<tu>` already serialised by `TMXWriter.xml(for:)`.
    public func write(serializedUnit xml: String) throws {
        try append(xml)
    }

    private func append(_ text: String) throws {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 20 { try flush() }
    }

    private func flush() throws {
        do {
            try handle.write(contentsOf: buffer)
        } catch {
            throw InputError(path: path, message: "cannot write file: \(error.localizedDescription)")
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Closes the document and moves it into place.
    public func finish() throws {
        try append(TMXWriter.epilogue)
        try flush()
        do {
            try handle.synchronize()
            try handle.close()
        } catch {
            throw InputError(path: path, message: "cannot write file: \(error.localizedDescription)")
        }
        if rename(temporaryPath, path) != 0 {
            throw InputError(path: path, message: "cannot write file: \(String(cString: strerror(errno)))")
        }
        finished = true
    }

    deinit {
        if !finished {
            try? handle.close()
            unlink(temporaryPath)
        }
    }
}
