import Foundation
import TlumachCore

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// One event of a streaming XML parse.
public enum XMLEvent: Sendable, Equatable {
    /// An element opens; `attributes` by qualified name (xml:lang stays "xml:lang").
    case start(name: String, attributes: [String: String])
    case end(name: String)
    /// Character data, CDATA included, exactly as in the file (whitespace is significant in segments).
    case text(String)
}

/// Streaming XML for files Tlumach reads (TMX, TBX, XLIFF), hardened against hostile input: no external entity or
/// DTD is ever loaded, and a document that declares its own entities (the "billion laughs" attack and its kin) is
/// refused before parsing. Malformed or truncated XML is an `InputError` naming line and column; handlers see
/// events in document order and may throw to stop.
public enum SafeXMLReader {
    /// Parses a file. UTF-8 and UTF-16 (with BOM) are accepted.
    public static func parse(path: String, _ handler: (XMLEvent, _ line: Int, _ column: Int) throws -> Void) throws {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path), options: .mappedIfSafe)
        } catch {
            throw InputError(path: path, message: "cannot read file: \(error.localizedDescription)")
        }
        try parse(data: data, name: path, handler)
    }

    /// Parses data; `name` names it in errors.
    public static func parse(
        data: Data, name: String, _ handler: (XMLEvent, _ line: Int, _ column: Int) throws -> Void
    ) throws {
        try refuseEntityDeclarations(data, name: name)
        let parser = XMLParser(data: data)
        parser.shouldResolveExternalEntities = false
        parser.shouldProcessNamespaces = false
        parser.shouldReportNamespacePrefixes = false
        try withoutActuallyEscaping(handler) { escapable in
            let delegate = Delegate(parser: parser, handler: escapable)
            parser.delegate = delegate
            let succeeded = parser.parse()
            parser.delegate = nil
            if let failure = delegate.handlerError { throw failure }
            // libxml2 runs in recovery mode under XMLParser: the first error it reports is the real one, at its
            // real position (parse() may even succeed on a mismatched end tag).
            if let first = delegate.firstError {
                throw InputError(path: name, line: max(1, first.line), column: max(1, first.column), message: first.message)
            }
            if !succeeded {
                let reason = parser.parserError.map { describe($0) } ?? "malformed XML"
                throw InputError(
                    path: name, line: max(1, parser.lineNumber), column: max(1, parser.columnNumber),
                    message: reason)
            }
            if !delegate.sawRoot || delegate.depth != 0 {
                throw InputError(
                    path: name, line: max(1, parser.lineNumber), column: max(1, parser.columnNumber),
                    message: "truncated XML: the document ends inside an element")
            }
        }
    }

    /// Entity declarations are the vector for both external-entity reads and exponential expansion; none of the
    /// formats Tlumach reads needs them, so a document with any is refused outright. A plain
    /// `<!DOCTYPE tmx SYSTEM "tmx14.dtd">` is accepted and never loaded.
    static func refuseEntityDeclarations(_ data: Data, name: String) throws {
        // The DOCTYPE must precede the root element; its internal subset is where entities are declared.
        let prologue = data.prefix(1 << 20)
        let text: String
        if prologue.starts(with: [0xFF, 0xFE]) || prologue.starts(with: [0xFE, 0xFF]) {
            text = String(decoding: prologue.dropFirst(2).filter { $0 != 0 }, as: UTF8.self)
        } else {
            // No DOCTYPE (nearly every document, and every piece of a big one): a byte search settles it; decoding a
            // megabyte and searching it through Foundation cost 7% of a large TMX import.
            let marker = Array("<!DOCTYPE".utf8)
            let found = prologue.withUnsafeBytes { bytes in
                guard var cursor = bytes.baseAddress else { return false }
                let end = cursor + bytes.count
                // memchr to each "<", then compare the rest of the marker.
                while end - cursor >= marker.count, let hit = memchr(cursor, 0x3C, end - cursor) {
                    let at = UnsafeRawPointer(hit)
                    if end - at >= marker.count, memcmp(at, marker, marker.count) == 0 { return true }
                    cursor = at + 1
                }
                return false
            }
            guard found else { return }
            text = String(decoding: prologue, as: UTF8.self)
        }
        guard let doctype = text.range(of: "<!DOCTYPE") else { return }
        let rest = text[doctype.upperBound...]
        if let entity = rest.range(of: "<!ENTITY") {
            let line = text[..<entity.lowerBound].reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
            throw InputError(
                path: name, line: line,
                message: "refused: the document declares XML entities (external or expanding entities are not accepted)")
        }
    }

    fileprivate static func describe(_ error: any Error) -> String {
        let nsError = error as NSError
        if let message = nsError.userInfo[NSLocalizedDescriptionKey] as? String, !message.isEmpty {
            return "malformed XML: \(message.trimmingCharacters(in: .whitespacesAndNewlines))"
        }
        if let known = libxml2Errors[nsError.code] { return "malformed XML: \(known)" }
        return "malformed XML (parser error \(nsError.code))"
    }

    /// libxml2's codes for the mistakes found in hand-edited files (XMLParser on Linux gives no message).
    private static let libxml2Errors: [Int: String] = [
        4: "the document is empty", 5: "extra content after the end of the document",
        9: "a character that XML does not allow", 23: "'<' inside an attribute value",
        38: "an attribute without a value", 39: "an attribute without a value", 41: "an attribute value without quotes",
        42: "an attribute given twice", 68: "'&' must be written &amp; (or start an entity reference like &lt;)",
        73: "'>' expected", 76: "the end tag does not match the open element",
        77: "the document ends inside an element (truncated?)",
    ]

    private final class Delegate: NSObject, XMLParserDelegate {
        let parser: XMLParser
        let handler: (XMLEvent, Int, Int) throws -> Void
        var handlerError: (any Error)?
        var firstError: (line: Int, column: Int, message: String)?
        var depth = 0
        var sawRoot = false

        init(parser: XMLParser, handler: @escaping (XMLEvent, Int, Int) throws -> Void) {
            self.parser = parser
            self.handler = handler
        }

        private func emit(_ event: XMLEvent) {
            guard handlerError == nil, firstError == nil else { return }
            do {
                try handler(event, parser.lineNumber, parser.columnNumber)
            } catch {
                handlerError = error
                parser.abortParsing()
            }
        }

        func parser(
            _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
            qualifiedName: String?, attributes: [String: String] = [:]
        ) {
            depth += 1
            sawRoot = true
            emit(.start(name: elementName, attributes: attributes))
        }

        func parser(
            _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?
        ) {
            depth -= 1
            emit(.end(name: elementName))
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            emit(.text(string))
        }

        func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
            emit(.text(String(decoding: CDATABlock, as: UTF8.self)))
        }

        func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
            guard firstError == nil else { return }
            firstError = (parser.lineNumber, parser.columnNumber, SafeXMLReader.describe(parseError))
            parser.abortParsing()
        }

        func parser(_ parser: XMLParser, resolveExternalEntityName name: String, systemID: String?) -> Data? {
            nil
        }
    }
}

/// Escapes text for XML element content or attribute values.
public func xmlEscaped(_ text: String, attribute: Bool = false) -> String {
    var result = ""
    result.reserveCapacity(text.utf8.count)
    for character in text.unicodeScalars {
        switch character {
        case "&": result += "&amp;"
        case "<": result += "&lt;"
        case ">": result += "&gt;"
        case "\"" where attribute: result += "&quot;"
        case "\n" where attribute: result += "&#10;"
        case "\t" where attribute: result += "&#9;"
        case "\r": result += "&#13;"
        default: result.unicodeScalars.append(character)
        }
    }
    return result
}
