import Foundation
import TlumachCore
import TlumachXML

/// Writes TMX 1.4b. Segments, notes and props are written exactly (no added whitespace inside them); attributes come
/// in a fixed order so the same unit always serialises to the same text.
public enum TMXWriter {
    /// One `<tu>` element, indented by `indent` (its children one level deeper), ending with a newline.
    public static func xml(for unit: TMXUnit, indent: String = "    ") -> String {
        var out = ""
        out.reserveCapacity(256)
        let inner = indent + "  "
        out += indent
        out += "<tu"
        appendAttributes(unit.attributes, to: &out)
        out += ">\n"
        appendAnnotations(unit.annotations, indent: inner, to: &out)
        for variant in unit.variants {
            out += inner
            out += "<tuv xml:lang=\""
            out += escaped(variant.language, attribute: true)
            out += "\""
            appendAttributes(variant.attributes, to: &out)
            out += ">\n"
            appendAnnotations(variant.annotations, indent: inner + "  ", to: &out)
            out += inner
            out += "  <seg>"
            appendInline(variant.segment.content, to: &out)
            out += "</seg>\n"
            out += inner
            out += "</tuv>\n"
        }
        out += indent
        out += "</tu>\n"
        return out
    }

    /// The inline content of a segment as XML (what goes between `<seg>` and `</seg>`).
    public static func xml(for segment: TMXSegment) -> String {
        var out = ""
        appendInline(segment.content, to: &out)
        return out
    }

    /// Everything before the first unit: XML declaration, `<tmx>`, the header and `<body>`.
    public static func prologue(header: TMXHeader) -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\">\n  <header"
        appendAttributes(header.attributes, to: &out)
        if header.annotations.isEmpty && header.userDefinedEncodings.isEmpty {
            out += "/>\n"
        } else {
            out += ">\n"
            appendAnnotations(header.annotations, indent: "    ", to: &out)
            for encoding in header.userDefinedEncodings {
                out += "    <ude"
                appendAttributes(encoding.attributes, to: &out)
                if encoding.maps.isEmpty {
                    out += "/>\n"
                    continue
                }
                out += ">\n"
                for map in encoding.maps {
                    out += "      <map"
                    appendAttributes(map, to: &out)
                    out += "/>\n"
                }
                out += "    </ude>\n"
            }
            out += "  </header>\n"
        }
        out += "  <body>\n"
        return out
    }

    public static let epilogue = "  </body>\n</tmx>\n"

    /// `xmlEscaped`, with a fast path for the common text that needs no escaping.
    @inline(__always)
    static func escaped(_ text: String, attribute: Bool = false) -> String {
        let clean = text.utf8.allSatisfy { byte in
            byte != 0x26 && byte != 0x3C && byte != 0x3E && byte != 0x0D
                && !(attribute && (byte == 0x22 || byte == 0x0A || byte == 0x09))
        }
        return clean ? text : xmlEscaped(text, attribute: attribute)
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

    static func appendAttributes(_ attributes: [String: String], to out: inout String) {
        guard !attributes.isEmpty else { return }
        var keys = leadingAttributes.filter { attributes[$0] != nil }
        keys += attributes.keys.filter { !leadingAttributes.contains($0) }.sorted()
        for key in keys {
            guard let value = attributes[key] else { continue }
            out += " "
            out += key
            out += "=\""
            out += escaped(value, attribute: true)
            out += "\""
        }
    }

    private static func appendAnnotations(_ annotations: [TMXAnnotation], indent: String, to out: inout String) {
        for annotation in annotations {
            out += indent
            switch annotation {
            case .note(let note):
                out += "<note"
                appendAttributes(note.attributes, to: &out)
                out += ">"
                out += escaped(note.text)
                out += "</note>\n"
            case .prop(let prop):
                out += "<prop type=\""
                out += escaped(prop.type, attribute: true)
                out += "\""
                appendAttributes(prop.attributes, to: &out)
                out += ">"
                out += escaped(prop.text)
                out += "</prop>\n"
            }
        }
    }

    static func appendInline(_ content: [TMXInline], to out: inout String) {
        for item in content {
            switch item {
            case .text(let text):
                out += escaped(text)
            case .element(let element):
                out += "<"
                out += element.name
                appendAttributes(element.attributes, to: &out)
                if element.children.isEmpty {
                    out += "/>"
                } else {
                    out += ">"
                    appendInline(element.children, to: &out)
                    out += "</"
                    out += element.name
                    out += ">"
                }
            }
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
        let url = URL(fileURLWithPath: path)
        temporaryPath = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).tlumach-\(UUID().uuidString).tmp").path
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
