import Foundation
import TlumachCore
import TlumachXML

/// Streaming TMX reader (TMX 1.4b, and 1.1 files with `lang`), on `SafeXMLReader`: UTF-8 or UTF-16 (BOM or not),
/// DTD declarations refused, malformed or truncated files reported as `InputError` with line and column. Units
/// are handed over one at a time as each `</tu>` closes, so a file of any size reads in bounded memory.
public enum TMXReader {
    /// Reads a TMX file, calling `header` once (before the first unit) and `unit` for every `<tu>` with the line it
    /// starts on. Errors thrown by the callbacks stop the read and propagate unchanged.
    public static func read(
        path: String,
        header: (TMXHeader, _ version: String) throws -> Void = { _, _ in },
        unit: (TMXUnit, _ line: Int) throws -> Void
    ) throws {
        let data = try MappedFile.data(path: path)
        try read(data: data, name: path, header: header, unit: unit)
    }

    /// Reads TMX from data; `name` names it in errors. Large inputs are parsed in pieces of about `pieceSize` bytes
    /// (the default suits every use; tests make it small).
    public static func read(
        data: Data, name: String, pieceSize: Int = ChunkedParse.pieceSize,
        header: (TMXHeader, _ version: String) throws -> Void = { _, _ in },
        unit: (TMXUnit, _ line: Int) throws -> Void
    ) throws {
        try read(data: data, name: name, pieceSize: pieceSize, scanPlainPieces: true, header: header, unit: unit)
    }

    /// `read`, choosing whether the middle pieces of a large file may take `TMXFastScanner` (tests compare both).
    static func read(
        data: Data, name: String, pieceSize: Int, scanPlainPieces: Bool,
        header: (TMXHeader, _ version: String) throws -> Void, unit: (TMXUnit, _ line: Int) throws -> Void
    ) throws {
        if data.isEmpty { throw InputError(path: name, line: 1, column: 1, message: "empty file: not a TMX document") }
        try withoutActuallyEscaping(header) { header in
            try withoutActuallyEscaping(unit) { unit in
                var builder = Builder(name: name, mode: .document, headerHandler: header, unitHandler: unit)
                // A middle piece is scanned as bytes when it is all plain units and the reader is between units.
                let scan: ChunkedParse.PieceScanner? =
                    scanPlainPieces
                    ? { piece, firstLine in
                        guard builder.isBetweenUnits, let units = TMXFastScanner.units(in: piece, firstLine: firstLine)
                        else { return false }
                        for (unit, line) in units { try builder.unitHandler(unit, line) }
                        return true
                    } : nil
                try ChunkedParse.parse(data, name: name, pieceSize: pieceSize, scan: scan) { event, line, column in
                    try builder.handle(event, line: line, column: column)
                }
                try builder.finish()
            }
        }
    }

    /// Reads a whole TMX file into memory.
    public static func document(path: String) throws -> TMXDocument {
        let data = try MappedFile.data(path: path)
        return try document(data: data, name: path)
    }

    public static func document(data: Data, name: String) throws -> TMXDocument {
        var result = TMXDocument(header: TMXHeader(), units: [])
        try read(
            data: data, name: name, header: { result.header = $0; result.version = $1 },
            unit: { unit, _ in result.units.append(unit) })
        return result
    }

    /// Parses `<tu>` fragments as `TMXWriter.xml(for:)` writes them (how a memory stores its units), in one pass.
    public static func units(fromFragments fragments: [String], name: String = "<memory>") throws -> [TMXUnit] {
        var units: [TMXUnit] = []
        units.reserveCapacity(fragments.count)
        var body = "<body>"
        for fragment in fragments { body += fragment }
        body += "</body>"
        var builder = Builder(
            name: name, mode: .fragments, headerHandler: { _, _ in }, unitHandler: { unit, _ in units.append(unit) })
        try SafeXMLReader.parse(data: Data(body.utf8), name: name) { event, line, column in
            try builder.handle(event, line: line, column: column)
        }
        return units
    }

    /// Parses one `<tu>` fragment.
    public static func unit(fromFragment fragment: String) throws -> TMXUnit {
        let units = try units(fromFragments: [fragment])
        guard let unit = units.first, units.count == 1 else {
            throw InputError(path: "<memory>", message: "expected exactly one <tu>, found \(units.count)")
        }
        return unit
    }
}

/// The reader's state machine: a stack of open elements and the objects being built.
private struct Builder {
    enum Mode { case document, fragments }
    enum Frame {
        case tmx, header, body, tu, tuv, ude, map
        case note(attributes: [String: String], text: String)
        case prop(attributes: [String: String], text: String)
        case seg
        case inline(TMXInlineElement)
    }

    let name: String
    let mode: Mode
    let headerHandler: (TMXHeader, String) throws -> Void
    let unitHandler: (TMXUnit, Int) throws -> Void

    var stack: [Frame] = []
    var version = "1.4"
    var header = TMXHeader()
    var headerDelivered = false
    var sawTMX = false
    var unit = TMXUnit()
    var unitLine = 0
    var variant: TMXVariant?
    var segmentContent: [TMXInline] = []
    var segmentSeen = false

    init(
        name: String, mode: Mode, headerHandler: @escaping (TMXHeader, String) throws -> Void,
        unitHandler: @escaping (TMXUnit, Int) throws -> Void
    ) {
        self.name = name
        self.mode = mode
        self.headerHandler = headerHandler
        self.unitHandler = unitHandler
    }

    /// True inside `<body>` with no unit open: where scanned units may be handed over directly.
    var isBetweenUnits: Bool {
        guard stack.count == 2, case .tmx = stack[0], case .body = stack[1] else { return false }
        return headerDelivered
    }

    func error(_ line: Int, _ column: Int, _ message: String) -> InputError {
        InputError(path: name, line: max(1, line), column: max(1, column), message: message)
    }

    mutating func handle(_ event: XMLEvent, line: Int, column: Int) throws {
        switch event {
        case .start(let element, let attributes): try start(element, attributes, line, column)
        case .end(let element): try end(element, line, column)
        case .text(let text): try characters(text, line, column)
        }
    }

    private var parentDescription: String {
        switch stack.last {
        case nil: "the document"
        case .tmx: "<tmx>"
        case .header: "<header>"
        case .body: "<body>"
        case .tu: "<tu>"
        case .tuv: "<tuv>"
        case .ude: "<ude>"
        case .map: "<map>"
        case .note: "<note>"
        case .prop: "<prop>"
        case .seg: "<seg>"
        case .inline(let element): "<\(element.name)>"
        }
    }

    private mutating func start(_ element: String, _ attributes: [String: String], _ line: Int, _ column: Int) throws {
        switch (stack.last, element) {
        case (nil, "tmx") where mode == .document:
            sawTMX = true
            version = attributes["version"] ?? "1.4"
            stack.append(.tmx)
        case (nil, "body") where mode == .fragments:
            stack.append(.body)
        case (nil, _):
            throw error(line, column, "not a TMX file: the root element is <\(element)>, expected <tmx>")
        case (.tmx, "header"):
            header = TMXHeader(attributes: attributes)
            stack.append(.header)
        case (.tmx, "body"):
            try deliverHeader()
            stack.append(.body)
        case (.header, "ude"):
            header.userDefinedEncodings.append(TMXUserDefinedEncoding(attributes: attributes))
            stack.append(.ude)
        case (.ude, "map"):
            header.userDefinedEncodings[header.userDefinedEncodings.count - 1].maps.append(attributes)
            stack.append(.map)
        case (.header, "note"), (.tu, "note"), (.tuv, "note"):
            stack.append(.note(attributes: attributes, text: ""))
        case (.header, "prop"), (.tu, "prop"), (.tuv, "prop"):
            guard attributes["type"] != nil else { throw error(line, column, "<prop> without the required type attribute") }
            stack.append(.prop(attributes: attributes, text: ""))
        case (.body, "tu"):
            unit = TMXUnit(attributes: attributes)
            unitLine = line
            stack.append(.tu)
        case (.tu, "tuv"):
            // TMX 1.4 names the language xml:lang; TMX 1.1 files use lang.
            var rest = attributes
            guard let language = rest.removeValue(forKey: "xml:lang") ?? rest.removeValue(forKey: "lang"),
                !language.isEmpty
            else {
                throw error(line, column, "<tuv> without a language (xml:lang, or lang in TMX 1.1)")
            }
            if let legacy = rest["lang"], legacy == language { rest["lang"] = nil }
            variant = TMXVariant(language: language, segment: TMXSegment(), attributes: rest)
            segmentSeen = false
            stack.append(.tuv)
        case (.tuv, "seg"):
            if segmentSeen { throw error(line, column, "a second <seg> in one <tuv>") }
            segmentSeen = true
            segmentContent = []
            stack.append(.seg)
        case (.seg, _), (.inline, _):
            stack.append(.inline(TMXInlineElement(name: element, attributes: attributes)))
        default:
            throw error(line, column, "unexpected element <\(element)> in \(parentDescription)")
        }
    }

    private mutating func end(_ element: String, _ line: Int, _ column: Int) throws {
        guard let frame = stack.popLast() else { throw error(line, column, "unexpected </\(element)>") }
        // libxml2 recovers from some mismatched end tags; a TMX with one is broken, whatever the parser thinks.
        let open = Self.elementName(of: frame)
        if open != element {
            throw error(line, column, "malformed XML: </\(element)> closes <\(open)>")
        }
        switch frame {
        case .tmx:
            try deliverHeader()
        case .header, .body, .ude, .map:
            break
        case .note(let attributes, let text):
            try attach(.note(TMXNote(text: text, attributes: attributes)), line, column)
        case .prop(var attributes, let text):
            let type = attributes.removeValue(forKey: "type") ?? ""
            try attach(.prop(TMXProp(type: type, text: text, attributes: attributes)), line, column)
        case .tu:
            if unit.variants.isEmpty { throw error(line, column, "<tu> without any <tuv>") }
            try unitHandler(unit, unitLine)
        case .tuv:
            guard let finished = variant else { break }
            if !segmentSeen { throw error(line, column, "<tuv xml:lang=\"\(finished.language)\"> without a <seg>") }
            unit.variants.append(finished)
            variant = nil
        case .seg:
            variant?.segment = TMXSegment(segmentContent)
        case .inline(let element):
            appendInline(.element(element))
        }
    }

    private static func elementName(of frame: Frame) -> String {
        switch frame {
        case .tmx: "tmx"
        case .header: "header"
        case .body: "body"
        case .tu: "tu"
        case .tuv: "tuv"
        case .ude: "ude"
        case .map: "map"
        case .note: "note"
        case .prop: "prop"
        case .seg: "seg"
        case .inline(let element): element.name
        }
    }

    private mutating func characters(_ text: String, _ line: Int, _ column: Int) throws {
        switch stack.last {
        case nil:
            if Self.isXMLWhitespace(text) { return }
            throw error(line, column, "text outside the document element")
        case .some(.note), .some(.prop):
            // Moved off the stack and back so the text grows in place: the parser hands a long text over in many
            // pieces, and `existing + text` copied all of it for each (quadratic: 4 MB of text took over 10 s).
            switch stack.removeLast() {
            case .note(let attributes, var existing):
                existing += text
                stack.append(.note(attributes: attributes, text: existing))
            case .prop(let attributes, var existing):
                existing += text
                stack.append(.prop(attributes: attributes, text: existing))
            default:
                break
            }
        case .some(.seg), .some(.inline):
            appendInline(.text(text))
        default:
            // Indentation between structural elements means nothing; anything else there is a broken file.
            if !Self.isXMLWhitespace(text) {
                throw error(line, column, "unexpected text in \(parentDescription)")
            }
        }
    }

    /// XML's whitespace (space, tab, CR, LF), checked on bytes: indentation between elements is most of the text
    /// events of a file.
    static func isXMLWhitespace(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 == 0x20 || $0 == 0x0A || $0 == 0x09 || $0 == 0x0D }
    }

    /// Adds inline content to the innermost open inline element, or to the segment; adjacent text is merged (the
    /// parser splits text at entity references).
    /// Content and text are moved out of their container and back, never copied while it still holds them: a copy
    /// per piece of text or per child made long texts and wide elements quadratic.
    private mutating func appendInline(_ item: TMXInline) {
        if case .some(.inline) = stack.last, case .inline(var element) = stack.removeLast() {
            Self.append(item, to: &element.children)
            stack.append(.inline(element))
        } else {
            Self.append(item, to: &segmentContent)
        }
    }

    private static func append(_ item: TMXInline, to content: inout [TMXInline]) {
        if case .text(let new) = item, case .some(.text) = content.last, case .text(var previous) = content.removeLast() {
            previous += new
            content.append(.text(previous))
        } else {
            content.append(item)
        }
    }

    private mutating func attach(_ annotation: TMXAnnotation, _ line: Int, _ column: Int) throws {
        switch stack.last {
        case .header: header.annotations.append(annotation)
        case .tu: unit.annotations.append(annotation)
        case .tuv: variant?.annotations.append(annotation)
        default: throw error(line, column, "misplaced note or prop")
        }
    }

    private mutating func deliverHeader() throws {
        guard !headerDelivered else { return }
        headerDelivered = true
        try headerHandler(header, version)
    }

    func finish() throws {
        if mode == .document && !sawTMX { throw InputError(path: name, line: 1, column: 1, message: "not a TMX file") }
    }
}

/// Feeds a large TMX file to the XML parser in pieces. libxml2 refuses a single input of more than 10 MB ("huge
/// input") unless told otherwise, and the shared reader hands it the whole buffer; so a big file is cut after a
/// `</tu>` every few megabytes, each piece is wrapped in a synthetic `<tmx><body>` … `</body></tmx>` to make it a
/// document, the synthetic events are dropped, and positions are mapped back to the original file. Memory stays
/// bounded by the piece size whatever the file size.
public enum ChunkedParse {
    public static let pieceSize = 4 << 20
    private static let prefix = Data("<tmx><body>".utf8)
    private static let suffix = Data("</body></tmx>".utf8)

    /// Reads a whole piece (its bytes, the file line it starts on) without the XML parser if it can; returns false
    /// to have the piece parsed.
    typealias PieceScanner = (UnsafeRawBufferPointer, Int) throws -> Bool

    static func parse(
        _ original: Data, name: String, pieceSize: Int = pieceSize, scan: PieceScanner? = nil,
        _ handler: (XMLEvent, Int, Int) throws -> Void
    ) throws {
        // Encoding detected, UTF-16 transcoded and declarations refused on the whole file, before it is cut.
        let data = try SafeXMLReader.utf8Document(original, name: name)
        guard data.count > pieceSize else {
            try SafeXMLReader.parse(data: data, name: name, handler)
            return
        }
        let boundary = Array("</tu>".utf8)
        var start = data.startIndex
        var linesBefore = 0
        var first = true
        while start < data.endIndex {
            var end = data.endIndex
            if data.endIndex - start > pieceSize, let found = find(boundary, in: data, from: start + pieceSize) {
                end = found + boundary.count
                // Cut at the start of the next line when only spaces separate it, so pieces begin in column 1.
                var probe = end
                while probe < data.endIndex, data[probe] == 0x20 || data[probe] == 0x09 || data[probe] == 0x0D {
                    probe += 1
                }
                if probe < data.endIndex, data[probe] == 0x0A { end = probe + 1 }
            }
            let last = end == data.endIndex
            // The first piece holds the prologue and header, the last the document's end: those always go through
            // the parser, so every check on the document's structure is made as before.
            if !first, !last, let scan,
                try data[start..<end].withUnsafeBytes({ try scan($0, linesBefore + 1) })
            {
                linesBefore += data[start..<end].withUnsafeBytes { bytes in
                    var count = 0
                    for byte in bytes where byte == 0x0A { count += 1 }
                    return count
                }
                start = end
                continue
            }
            var piece = Data()
            piece.reserveCapacity(end - start + 32)
            if !first { piece.append(prefix) }
            piece.append(data[start..<end])
            if !last { piece.append(suffix) }
            // Column shift on the piece's first line: the synthetic prefix, minus what precedes the cut on that line.
            let lineStart = data[data.startIndex..<start].lastIndex(of: 0x0A).map { $0 + 1 } ?? data.startIndex
            let firstLineShift = (first ? 0 : prefix.count) - (start - lineStart)
            var depth = 0
            var skippedOpenings = first ? 2 : 0
            let offset = linesBefore
            func map(_ line: Int, _ column: Int) -> (Int, Int) {
                (line + offset, line == 1 ? max(1, column - firstLineShift) : column)
            }
            do {
                try SafeXMLReader.parse(
                    piece: piece, name: name, lineOffset: offset, syntheticOpenings: first ? 0 : 2, endsFile: last
                ) { event, line, column in
                    let (mappedLine, mappedColumn) = map(line, column)
                    switch event {
                    case .start:
                        depth += 1
                        if skippedOpenings < 2 {
                            skippedOpenings += 1
                            return
                        }
                    case .end(let element):
                        depth -= 1
                        // The synthetic </body></tmx> that closes every piece but the last.
                        if !last && depth < 2 && (element == "body" || element == "tmx") { return }
                    case .text:
                        break
                    }
                    do {
                        try handler(event, mappedLine, mappedColumn)
                    } catch {
                        throw HandlerFailure(error: error)
                    }
                }
            } catch let failure as HandlerFailure {
                throw failure.error
            } catch var error as InputError {
                // The parser's own errors carry positions within the piece.
                if let line = error.line {
                    let (mappedLine, mappedColumn) = map(line, error.column ?? 1)
                    error.line = mappedLine
                    error.column = error.column == nil ? nil : mappedColumn
                }
                throw error
            }
            linesBefore += data[start..<end].withUnsafeBytes { bytes in
                var count = 0
                for byte in bytes where byte == 0x0A { count += 1 }
                return count
            }
            start = end
            first = false
        }
    }

    /// Offset of the first occurrence of `needle` at or after `from` (Data's own search copies the whole buffer).
    static func find(_ needle: [UInt8], in data: Data, from: Data.Index) -> Data.Index? {
        data.withUnsafeBytes { raw -> Data.Index? in
            guard let base = raw.baseAddress else { return nil }
            let offset = from - data.startIndex
            guard offset < raw.count else { return nil }
            guard let first = needle.first else { return nil }
            var position = offset
            while position + needle.count <= raw.count {
                guard let hit = memchr(base + position, Int32(first), raw.count - position) else { return nil }
                let index = base.distance(to: UnsafeRawPointer(hit))
                if index + needle.count > raw.count { return nil }
                let equal = needle.withUnsafeBytes { pattern in
                    pattern.baseAddress.map { memcmp(base + index, $0, needle.count) == 0 } ?? false
                }
                if equal { return data.startIndex + index }
                position = index + 1
            }
            return nil
        }
    }

    /// Carries an error of the caller's handler past the remapping of parser positions.
    private struct HandlerFailure: Error {
        let error: any Error
    }
}

/// A read-only memory map of a file as `Data`: pages are read on demand and belong to the page cache, so a file of
/// any size costs no heap (Foundation's `.mappedIfSafe` reads the whole file into memory on Linux).
public enum MappedFile {
    public static func data(path: String) throws -> Data {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            throw InputError(path: path, message: "cannot read file: \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            throw InputError(path: path, message: "cannot read file: \(String(cString: strerror(errno)))")
        }
        if (status.st_mode & S_IFMT) == S_IFDIR {
            throw InputError(path: path, message: "cannot read file: it is a directory")
        }
        let size = Int(status.st_size)
        guard size > 0 else { return Data() }
        guard let address = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0), address != MAP_FAILED else {
            throw InputError(path: path, message: "cannot read file: \(String(cString: strerror(errno)))")
        }
        madvise(address, size, MADV_SEQUENTIAL)
        return Data(bytesNoCopy: address, count: size, deallocator: .custom { pointer, count in munmap(pointer, count) })
    }
}
