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

/// Streaming XML for files Tlumach reads (TMX, TBX, XLIFF), hardened against hostile input, in one place every XML
/// reader goes through (the TMX reader's pieces too):
/// - the encoding is detected as the XML spec's Appendix F does; UTF-16 (with or without a BOM) is transcoded to
///   UTF-8 first, so what the guard scans is what the parser reads; UCS-4, EBCDIC and declared encodings that are
///   not ASCII-based are refused with a message rather than read;
/// - a DOCTYPE with an internal subset (where entities, elements and attribute defaults are declared) is refused
///   wherever it sits in the prologue, however long the prologue; no external entity or DTD is ever loaded;
/// - elements nest at most `maximumDepth` levels, so nothing downstream recurses on untrusted depth.
/// Malformed XML is an `InputError` naming line and column; a file that ends early says so and names the element
/// left open. Handlers see events in document order and may throw to stop.
public enum SafeXMLReader {
    /// The deepest element nesting read; real TMX, XLIFF and TBX files nest fewer than 20 levels.
    public static let maximumDepth = 256

    /// Parses a file.
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
        try parse(piece: data, name: name, handler)
    }

    /// Parses one piece of a larger file (the TMX reader's pieces): `lineOffset` is the file line before the piece's
    /// first, the first `syntheticOpenings` start tags are the caller's wrapper (their lines are unknown), and
    /// `endsFile` says whether the piece ends where the file does (only then can it be truncated).
    package static func parse(
        piece data: Data, name: String, lineOffset: Int = 0, syntheticOpenings: Int = 0, endsFile: Bool = true,
        _ handler: (XMLEvent, _ line: Int, _ column: Int) throws -> Void
    ) throws {
        let document = try utf8Document(data, name: name)
        let parser = XMLParser(data: document)
        parser.shouldResolveExternalEntities = false
        parser.shouldProcessNamespaces = false
        parser.shouldReportNamespacePrefixes = false
        try withoutActuallyEscaping(handler) { escapable in
            let delegate = Delegate(parser: parser, handler: escapable, name: name)
            parser.delegate = delegate
            let succeeded = parser.parse()
            parser.delegate = nil
            if let failure = delegate.handlerError { throw failure }
            let open = delegate.openElements.enumerated().map { index, element in
                (name: element.name, line: index < syntheticOpenings ? nil : element.line + lineOffset)
            }
            // libxml2 runs in recovery mode under XMLParser: the first error it reports is the real one, at its
            // real position (parse() may even succeed on a mismatched end tag).
            if let first = delegate.firstError {
                if endsFile, let code = first.code,
                    let early = endsEarly(
                        document, name: name, code: code, line: first.line, column: first.column, open: open,
                        sawRoot: delegate.sawRoot)
                {
                    throw early
                }
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
                    message: endsEarlyMessage(open: open))
            }
        }
    }

    /// The parser's error as "the file ends early" when it stands at the end of the file: on the last line that is
    /// not blank, where the file stops inside a tag or with elements open (libxml2 calls that "extra content").
    static func endsEarly(
        _ document: Data, name: String, code: Int, line: Int, column: Int, open: [(name: String, line: Int?)],
        sawRoot: Bool
    ) -> InputError? {
        // Empty documents are said as such; after the root element closed, what follows is extra content indeed.
        guard code != 4, !open.isEmpty || !sawRoot else { return nil }
        return document.withUnsafeBytes { raw -> InputError? in
            let bytes = raw.bindMemory(to: UInt8.self)
            var end = bytes.count
            while end > 0, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[end - 1]) { end -= 1 }
            guard end > 0 else { return nil }
            var lastLine = 1
            for index in 0..<end where bytes[index] == 0x0A { lastLine += 1 }
            guard line >= lastLine else { return nil }
            let stopsInsideTag = bytes[end - 1] != 0x3E
            guard stopsInsideTag || code == 5 || code == 77 else { return nil }
            return InputError(path: name, line: lastLine, column: max(1, column), message: endsEarlyMessage(open: open))
        }
    }

    static func endsEarlyMessage(open: [(name: String, line: Int?)]) -> String {
        guard let innermost = open.last else { return "the file ends early (truncated?), before its root element is complete" }
        var message = "the file ends early (truncated?): <\(innermost.name)>"
        if let line = innermost.line { message += " opened at line \(line)" }
        message += " is not closed"
        if open.count > 1 { message += " (nor \(open.count - 1) enclosing element\(open.count == 2 ? "" : "s"))" }
        return message
    }

    // MARK: - Encoding and declarations

    /// The document as bytes libxml2 reads without switching encoding (UTF-8, or an ASCII-based 8-bit encoding its
    /// declaration names), after refusing what the guard does not accept.
    package static func utf8Document(_ data: Data, name: String) throws -> Data {
        var document = data
        switch detectEncoding(data) {
        case .ucs4:
            throw InputError(
                path: name, line: 1, column: 1,
                message: "refused: the file is UCS-4 (UTF-32), which Tlumach does not read; save it as UTF-8 or UTF-16")
        case .ebcdic:
            throw InputError(
                path: name, line: 1, column: 1,
                message: "refused: the file is EBCDIC, which Tlumach does not read; save it as UTF-8 or UTF-16")
        case .utf16(let bigEndian, let bomLength):
            document = try transcodeUTF16(data, bigEndian: bigEndian, skipping: bomLength, name: name)
        case .asciiBased:
            try checkDeclaredEncoding(data, name: name)
        }
        try refuseDeclarations(document, name: name)
        return document
    }

    enum DetectedEncoding: Equatable {
        case asciiBased, utf16(bigEndian: Bool, bomLength: Int), ucs4, ebcdic
    }

    /// Appendix F of the XML spec: the first four bytes settle the encoding family. UTF-16 without a BOM is detected
    /// from any first character (a NUL byte is never XML), not only from `<?`.
    static func detectEncoding(_ data: Data) -> DetectedEncoding {
        var head: [UInt8] = Array(data.prefix(4))
        while head.count < 4 { head.append(0xAA) }  // short files: a filler no rule matches as NUL
        let (a, b, c, d) = (head[0], head[1], head[2], head[3])
        switch (a, b, c, d) {
        case (0x00, 0x00, _, _), (_, _, 0x00, 0x00):
            return .ucs4  // every UCS-4 byte order, BOM or '<' first; NUL is no XML character, so nothing else fits
        case (0xFE, 0xFF, _, _): return .utf16(bigEndian: true, bomLength: 2)
        case (0xFF, 0xFE, _, _): return .utf16(bigEndian: false, bomLength: 2)
        case (0x4C, 0x6F, 0xA7, 0x94): return .ebcdic
        case (0x00, _, _, _): return .utf16(bigEndian: true, bomLength: 0)
        case (_, 0x00, _, _): return .utf16(bigEndian: false, bomLength: 0)
        default: return .asciiBased
        }
    }

    /// 8-bit encodings libxml2 reads in which every ASCII byte means its ASCII character, so the guard's byte scan
    /// sees the markup the parser will; anything else a declaration names is refused.
    static func isASCIIBased(_ encoding: String) -> Bool {
        let name = encoding.lowercased()
        if ["utf-8", "utf8", "us-ascii", "ascii", "latin1", "latin-1", "koi8-r", "koi8-u"].contains(name) { return true }
        for prefix in ["iso-8859-", "iso8859-", "iso_8859-", "windows-125", "cp125"] where name.hasPrefix(prefix) {
            return !name.dropFirst(prefix.count).isEmpty && name.dropFirst(prefix.count).allSatisfy(\.isASCII)
                && name.dropFirst(prefix.count).allSatisfy(\.isNumber)
        }
        return false
    }

    static func checkDeclaredEncoding(_ data: Data, name: String) throws {
        let head = Array(data.prefix(1024))
        let start = ByteOrderMark.utf8Length(head)
        guard let range = declaredEncodingRange(head, from: start) else { return }
        let declared = String(decoding: head[range], as: UTF8.self)
        guard !isASCIIBased(declared) else { return }
        let detail =
            declared.lowercased().hasPrefix("utf-16") || declared.lowercased().hasPrefix("ucs-2")
            ? "but its bytes are not UTF-16" : "which Tlumach does not read"
        throw InputError(
            path: name, line: 1, column: 1,
            message: "refused: the file declares encoding \"\(declared)\" \(detail); save it as UTF-8")
    }

    /// The byte range of the value of `encoding="…"` in an XML declaration starting at `start`, if any.
    static func declaredEncodingRange(_ bytes: [UInt8], from start: Int) -> Range<Int>? {
        let opening = Array("<?xml".utf8)
        guard bytes.count >= start + opening.count, Array(bytes[start..<start + opening.count]) == opening else { return nil }
        var end = start + opening.count
        while end + 1 < bytes.count, !(bytes[end] == 0x3F && bytes[end + 1] == 0x3E) { end += 1 }
        guard end + 1 < bytes.count else { return nil }
        let keyword = Array("encoding".utf8)
        var index = start + opening.count
        while index + keyword.count <= end {
            if Array(bytes[index..<index + keyword.count]) == keyword {
                var cursor = index + keyword.count
                while cursor < end, [0x20, 0x09, 0x0A, 0x0D, 0x3D].contains(bytes[cursor]) { cursor += 1 }
                guard cursor < end, bytes[cursor] == 0x22 || bytes[cursor] == 0x27 else { return nil }
                let quote = bytes[cursor]
                var close = cursor + 1
                while close < end, bytes[close] != quote { close += 1 }
                return close < end ? cursor + 1..<close : nil
            }
            index += 1
        }
        return nil
    }

    /// UTF-16 to UTF-8 (an odd last byte is dropped: the parser then finds the file ends early), the declaration's
    /// encoding rewritten to UTF-8. A lone surrogate is refused at its line.
    static func transcodeUTF16(_ data: Data, bigEndian: Bool, skipping bomLength: Int, name: String) throws -> Data {
        var output: [UInt8] = []
        output.reserveCapacity(data.count)
        try data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            var iterator = CodeUnits(bytes: bytes, index: bomLength, bigEndian: bigEndian)
            var decoder = UTF16()
            var line = 1
            decoding: while true {
                switch decoder.decode(&iterator) {
                case .scalarValue(let scalar):
                    if scalar == "\n" { line += 1 }
                    UTF8.encode(scalar) { output.append($0) }
                case .emptyInput:
                    break decoding
                case .error:
                    throw InputError(path: name, line: line, message: "invalid UTF-16: a lone surrogate")
                }
            }
        }
        if let range = declaredEncodingRange(Array(output.prefix(1024)), from: 0) {
            output.replaceSubrange(range, with: Array("UTF-8".utf8))
        }
        return Data(output)
    }

    private struct CodeUnits: IteratorProtocol {
        let bytes: UnsafeBufferPointer<UInt8>
        var index: Int
        let bigEndian: Bool

        mutating func next() -> UInt16? {
            guard index + 1 < bytes.count else { return nil }
            defer { index += 2 }
            let first = UInt16(bytes[index])
            let second = UInt16(bytes[index + 1])
            return bigEndian ? first << 8 | second : second << 8 | first
        }
    }

    /// Declarations are the vector for external-entity reads, exponential expansion and injected attribute defaults;
    /// none of the formats Tlumach reads needs them, so a DOCTYPE with an internal subset is refused. The whole
    /// prologue is scanned (comments and processing instructions of any length), up to the root element; a plain
    /// `<!DOCTYPE tmx SYSTEM "tmx14.dtd">` is accepted and never loaded. After the root element starts, a declaration
    /// is a syntax error the parser reports.
    static func refuseDeclarations(_ data: Data, name: String) throws {
        try data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            var index = ByteOrderMark.utf8Length(bytes)
            var line = 1
            func starts(_ literal: StaticString) -> Bool {
                let count = literal.utf8CodeUnitCount
                guard bytes.count - index >= count else { return false }
                for offset in 0..<count where bytes[index + offset] != literal.utf8Start[offset] { return false }
                return true
            }
            /// Moves past `terminator`; false when the file ends first.
            func skip(past terminator: StaticString) -> Bool {
                let count = terminator.utf8CodeUnitCount
                while index < bytes.count {
                    if starts(terminator) {
                        index += count
                        return true
                    }
                    if bytes[index] == 0x0A { line += 1 }
                    index += 1
                }
                return false
            }
            while index < bytes.count {
                switch bytes[index] {
                case 0x20, 0x09, 0x0D:
                    index += 1
                case 0x0A:
                    line += 1
                    index += 1
                case 0x3C where starts("<?"):
                    guard skip(past: "?>") else { return }
                case 0x3C where starts("<!--"):
                    index += 4
                    guard skip(past: "-->") else { return }
                case 0x3C where starts("<!DOCTYPE"):
                    index += 9
                    var quote: UInt8?
                    scan: while index < bytes.count {
                        let byte = bytes[index]
                        if byte == 0x0A { line += 1 }
                        if let open = quote {
                            if byte == open { quote = nil }
                        } else if byte == 0x22 || byte == 0x27 {
                            quote = byte
                        } else if byte == 0x5B {
                            let subset = UnsafeBufferPointer(rebasing: bytes[index...])
                            let declaresEntities = firstOccurrence(of: Array("<!ENTITY".utf8), in: subset)
                            var entityLine = line
                            if let offset = declaresEntities {
                                for byte in subset[..<offset] where byte == 0x0A { entityLine += 1 }
                            }
                            throw InputError(
                                path: name, line: declaresEntities == nil ? line : entityLine,
                                message: declaresEntities == nil
                                    ? "refused: the document declares a DTD internal subset (DTD declarations are not accepted)"
                                    : "refused: the document declares XML entities (external or expanding entities are not accepted)")
                        } else if byte == 0x3E {
                            index += 1
                            break scan
                        }
                        index += 1
                    }
                default:
                    return  // the root element, or something the parser refuses
                }
            }
        }
    }

    private static func firstOccurrence(of needle: [UInt8], in haystack: UnsafeBufferPointer<UInt8>) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
            if haystack[start..<start + needle.count].elementsEqual(needle) { return start }
        }
        return nil
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
        1: "a value or text longer than the XML parser accepts", 4: "the document is empty", 5: "extra content after the end of the document",
        9: "a character that XML does not allow", 23: "'<' inside an attribute value",
        38: "an attribute without a value", 39: "an attribute without a value", 41: "an attribute value without quotes",
        42: "an attribute given twice", 68: "'&' must be written &amp; (or start an entity reference like &lt;)",
        73: "'>' expected", 76: "the end tag does not match the open element",
        77: "the document ends inside an element (truncated?)", 89: "an entity refers to itself",
    ]

    private final class Delegate: NSObject, XMLParserDelegate {
        let parser: XMLParser
        let handler: (XMLEvent, Int, Int) throws -> Void
        let name: String
        var handlerError: (any Error)?
        /// The first error: libxml2's code (nil for the guard's own refusals), position and message.
        var firstError: (code: Int?, line: Int, column: Int, message: String)?
        var openElements: [(name: String, line: Int)] = []
        var depth: Int { openElements.count }
        var sawRoot = false

        init(parser: XMLParser, handler: @escaping (XMLEvent, Int, Int) throws -> Void, name: String) {
            self.parser = parser
            self.handler = handler
            self.name = name
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

        private func refuse(_ message: String) {
            guard firstError == nil, handlerError == nil else { return }
            firstError = (nil, parser.lineNumber, parser.columnNumber, message)
            parser.abortParsing()
        }

        func parser(
            _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
            qualifiedName: String?, attributes: [String: String] = [:]
        ) {
            guard firstError == nil, handlerError == nil else { return }
            openElements.append((elementName, parser.lineNumber))
            sawRoot = true
            if openElements.count > SafeXMLReader.maximumDepth {
                refuse("refused: elements nested deeper than \(SafeXMLReader.maximumDepth) levels")
                return
            }
            emit(.start(name: elementName, attributes: attributes))
        }

        func parser(
            _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?
        ) {
            guard firstError == nil, handlerError == nil else { return }
            _ = openElements.popLast()
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
            firstError = ((parseError as NSError).code, parser.lineNumber, parser.columnNumber, SafeXMLReader.describe(parseError))
            parser.abortParsing()
        }

        func parser(_ parser: XMLParser, resolveExternalEntityName name: String, systemID: String?) -> Data? {
            nil
        }

        // A second line of defence behind `refuseDeclarations`: any declaration the parser reports is refused too.
        func parser(_ parser: XMLParser, foundElementDeclarationWithName elementName: String, model: String) {
            refuse("refused: the document declares a DTD (DTD declarations are not accepted)")
        }

        func parser(
            _ parser: XMLParser, foundAttributeDeclarationWithName attributeName: String, forElement elementName: String,
            type: String?, defaultValue: String?
        ) {
            refuse("refused: the document declares a DTD (DTD declarations are not accepted)")
        }

        func parser(_ parser: XMLParser, foundInternalEntityDeclarationWithName name: String, value: String?) {
            refuse("refused: the document declares XML entities (external or expanding entities are not accepted)")
        }

        func parser(
            _ parser: XMLParser, foundExternalEntityDeclarationWithName name: String, publicID: String?, systemID: String?
        ) {
            refuse("refused: the document declares XML entities (external or expanding entities are not accepted)")
        }

        func parser(
            _ parser: XMLParser, foundUnparsedEntityDeclarationWithName name: String, publicID: String?,
            systemID: String?, notationName: String?
        ) {
            refuse("refused: the document declares XML entities (external or expanding entities are not accepted)")
        }

        func parser(_ parser: XMLParser, foundNotationDeclarationWithName name: String, publicID: String?, systemID: String?) {
            refuse("refused: the document declares a DTD (DTD declarations are not accepted)")
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
