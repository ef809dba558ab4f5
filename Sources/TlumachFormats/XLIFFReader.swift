import Foundation
import TlumachCore
import TlumachXML

/// XLIFF 1.2 and 2.0 through the safe streaming reader. Inline codes become `InlineCode`s; text inside native-code
/// elements (`<ph>`, `<bpt>`, `<ept>`, `<it>`) is markup, not translatable text, and is left out. `<alt-trans>`
/// (1.2) and `<seg-source>` are skipped; units marked `translate="no"` are skipped.
public enum XLIFFReader {
    public static func read(path: String) throws -> BilingualDocument {
        var parser = Parser(path: path)
        try SafeXMLReader.parse(path: path) { event, line, column in
            try parser.handle(event, line: line, column: column)
        }
        return try parser.finish()
    }

    public static func parse(data: Data, name: String) throws -> BilingualDocument {
        var parser = Parser(path: name)
        try SafeXMLReader.parse(data: data, name: name) { event, line, column in
            try parser.handle(event, line: line, column: column)
        }
        return try parser.finish()
    }

    /// Text and codes of one segment side while it is being read.
    struct Segment {
        var text = ""
        var utf16Count = 0
        var codes: [InlineCode] = []
        /// Depth of native-code elements whose content is not text.
        var nativeDepth = 0
        /// Names of open paired elements, so their closing code knows its id.
        var openPairs: [(name: String, id: String)] = []
        /// Where the text's pieces stand in the file; `layoutKnown` is false once a piece does not end where the
        /// parser says it ended (CDATA, say): then only the segment's start is known.
        var anchors: [TextAnchor] = []
        var layoutKnown = true

        var layout: TextLayout { layoutKnown && !anchors.isEmpty ? .anchored(anchors) : .unknown }

        mutating func append(_ string: String) {
            guard nativeDepth == 0 else { return }
            text += string
            utf16Count += string.utf16.count
        }

        mutating func code(_ kind: String, _ id: String) {
            codes.append(InlineCode(kind: kind, id: id, offset: utf16Count))
        }
    }

    struct Parser {
        let path: String
        var version: Int?
        var sourceLanguage: String?
        var targetLanguage: String?
        var units: [BilingualUnit] = []

        // Current unit.
        var unitID: String?
        var unitLine = 1
        var unitNotes: [String] = []
        var unitTranslatable = true
        var segmentIndex = 0
        var segmentID: String?
        var segmentState: String?
        var pendingSource: Segment?
        var pendingSourceDone = false
        var pendingTarget: Segment?
        var targetLine = 0
        var targetColumn = 0
        var pendingTargetDone = false
        var unitState: String?
        var pendingSegments: [(id: String?, source: Segment, target: Segment?, line: Int, column: Int, state: String?)] = []

        // Where we are.
        var reading: Side?
        var segmentDepth = 0
        var skipDepth = 0
        var noteText: String?
        var elementStack: [String] = []

        enum Side { case source, target }

        /// Where the next text begins. The XML parser reports a start tag at its '>' (a self-closing one at its
        /// '/', followed by its end), an end tag and a piece of text just after them; columns count scalars, so
        /// `surplus` counts the astral scalars of the cursor's line (two UTF-16 units each) seen in text.
        var cursorLine = 1
        var cursorColumn = 1
        var surplus = 0

        mutating func advance(_ event: XMLEvent, line: Int, column: Int) {
            if line != cursorLine { surplus = 0 }
            switch event {
            case .start: (cursorLine, cursorColumn) = (line, column + 1)
            case .end, .text: (cursorLine, cursorColumn) = (line, column)
            }
        }

        /// Anchors a piece of target text at the cursor (and after each line break in it), and checks that it ends
        /// where the parser says: a one-character piece that ends further on is a character or entity reference.
        mutating func anchorTarget(_ text: String, endLine: Int, endColumn: Int) {
            guard pendingTarget?.nativeDepth == 0, pendingTarget?.layoutKnown == true else { return }
            var segment = takeSegment(.target)  // moved, not copied: see takeSegment
            defer { pendingTarget = segment }
            var line = cursorLine
            var column = cursorColumn
            var lineSurplus = surplus
            var offset = segment.utf16Count
            var scalars = 0
            segment.anchors.append(TextAnchor(offset: offset, line: line, column: column + lineSurplus))
            for scalar in text.unicodeScalars {
                scalars += 1
                offset += scalar.value > 0xFFFF ? 2 : 1
                if scalar == "\n" {
                    line += 1
                    column = 1
                    lineSurplus = 0
                    segment.anchors.append(TextAnchor(offset: offset, line: line, column: 1))
                } else {
                    column += 1
                    if scalar.value > 0xFFFF { lineSurplus += 1 }
                }
            }
            let isReference = scalars == 1 && line == endLine && endColumn > column
            if (line, column) != (endLine, endColumn) && !isReference { segment.layoutKnown = false }
            // A literal astral character widens the rest of the line in UTF-16; a reference is ASCII in the file.
            surplus = isReference ? surplus : lineSurplus
        }

        init(path: String) { self.path = path }

        static func localName(_ name: String) -> String {
            if let colon = name.lastIndex(of: ":") { return String(name[name.index(after: colon)...]) }
            return name
        }

        mutating func handle(_ event: XMLEvent, line: Int, column: Int) throws {
            defer { advance(event, line: line, column: column) }
            if case .text(let string) = event, skipDepth == 0, reading == .target {
                anchorTarget(string, endLine: line, endColumn: column)
            }
            switch event {
            case .start(let qualified, let attributes):
                let name = Self.localName(qualified)
                elementStack.append(name)
                if skipDepth > 0 {
                    skipDepth += 1
                    return
                }
                if elementStack.count == 1 {
                    guard name == "xliff" else {
                        throw InputError(path: path, line: line, message: "not an XLIFF document (root element <\(qualified)>)")
                    }
                    let declared = attributes["version"] ?? ""
                    if declared.hasPrefix("2") {
                        version = 2
                        sourceLanguage = attributes["srcLang"]
                        targetLanguage = attributes["trgLang"]
                    } else if declared.hasPrefix("1") {
                        version = 1
                    } else {
                        throw InputError(path: path, line: line, message: "unsupported XLIFF version \"\(declared)\"")
                    }
                    return
                }
                if let side = reading {
                    try inline(start: name, attributes: attributes, side: side, line: line)
                    return
                }
                if noteText != nil { return }
                switch name {
                case "file" where version == 1:
                    if sourceLanguage == nil { sourceLanguage = attributes["source-language"] }
                    if targetLanguage == nil { targetLanguage = attributes["target-language"] }
                case "trans-unit" where version == 1, "unit" where version == 2:
                    try beginUnit(attributes: attributes, line: line)
                case "alt-trans", "seg-source", "originalData", "mtc:matches", "matches":
                    skipDepth = 1
                case "segment" where version == 2:
                    segmentID = attributes["id"]
                    segmentState = attributes["state"]
                case "ignorable" where version == 2:
                    segmentID = attributes["id"]
                    segmentState = nil
                case "source" where unitID != nil:
                    pendingSource = Segment()
                    reading = .source
                    segmentDepth = elementStack.count
                case "target" where unitID != nil:
                    pendingTarget = Segment()
                    // The parser reports the position of the start tag's '>': the text begins right after it.
                    targetLine = line
                    targetColumn = column + 1
                    if version == 1 { unitState = attributes["state"] }
                    reading = .target
                    segmentDepth = elementStack.count
                case "note" where unitID != nil:
                    noteText = ""
                default:
                    break
                }
            case .end(let qualified):
                let name = Self.localName(qualified)
                defer { elementStack.removeLast() }
                if skipDepth > 0 {
                    skipDepth -= 1
                    return
                }
                if let side = reading {
                    if elementStack.count == segmentDepth {
                        reading = nil
                        if side == .source { pendingSourceDone = true } else { pendingTargetDone = true }
                    } else {
                        inline(end: name, side: side)
                    }
                    return
                }
                switch name {
                case "note":
                    if let note = noteText { unitNotes.append(note) }
                    noteText = nil
                case "segment", "ignorable":
                    if version == 2 { closeSegment(isIgnorable: name == "ignorable") }
                case "trans-unit" where version == 1:
                    closeSegment(isIgnorable: false)
                    endUnit()
                case "unit" where version == 2:
                    endUnit()
                default:
                    break
                }
            case .text(let string):
                if skipDepth > 0 { return }
                if let side = reading {
                    if side == .source { pendingSource?.append(string) } else { pendingTarget?.append(string) }
                } else if noteText != nil {
                    noteText? += string
                }
            }
        }

        mutating func beginUnit(attributes: [String: String], line: Int) throws {
            let id = attributes["id"] ?? ""
            if id.isEmpty {
                throw InputError(path: path, line: line, message: "translation unit without an id")
            }
            unitID = id
            unitLine = line
            unitNotes = []
            unitTranslatable = attributes["translate"] != "no"
            segmentIndex = 0
            pendingSegments = []
            unitState = nil
        }

        mutating func closeSegment(isIgnorable: Bool) {
            defer {
                pendingSource = nil
                pendingTarget = nil
                pendingSourceDone = false
                pendingTargetDone = false
                segmentID = nil
                segmentState = nil
            }
            guard let source = pendingSource, !isIgnorable else { return }
            segmentIndex += 1
            let line = pendingTarget == nil ? unitLine : targetLine
            let column = pendingTarget == nil ? 1 : targetColumn
            pendingSegments.append(
                (segmentID, source, pendingTarget, line, column, version == 2 ? segmentState : unitState))
        }

        mutating func endUnit() {
            guard let unitID else { return }
            defer { self.unitID = nil }
            guard unitTranslatable else { return }
            let many = pendingSegments.count > 1
            for (index, segment) in pendingSegments.enumerated() {
                var id = unitID
                if many { id += "/" + (segment.id ?? String(index + 1)) }
                units.append(
                    BilingualUnit(
                        id: id, stableKey: id, source: segment.source.text, target: segment.target?.text,
                        sourceCodes: segment.source.codes, targetCodes: segment.target?.codes ?? [],
                        line: segment.line, column: segment.column, notes: unitNotes, flags: [],
                        state: segment.state, context: nil, targetLayout: segment.target?.layout ?? .unknown))
            }
        }

        /// The side's segment moved out of its slot (the caller puts it back): mutating a copy while the slot still
        /// holds it would copy its text, codes and open pairs on every inline element — quadratic in nesting.
        mutating func takeSegment(_ side: Side) -> Segment {
            var taken: Segment?
            if side == .source { swap(&taken, &pendingSource) } else { swap(&taken, &pendingTarget) }
            return taken ?? Segment()
        }

        mutating func inline(start name: String, attributes: [String: String], side: Side, line: Int) throws {
            var segment = takeSegment(side)
            defer { if side == .source { pendingSource = segment } else { pendingTarget = segment } }
            if segment.nativeDepth > 0 {
                // Inside native code: only <sub> would hold text again; its content stays out of the plain text.
                segment.nativeDepth += 1
                return
            }
            let id = attributes["id"] ?? attributes["startRef"] ?? attributes["rid"] ?? ""
            switch name {
            case "g", "pc":
                segment.code("\(name)-open", id)
                segment.openPairs.append((name, id))
            case "x", "bx", "ex", "sc", "ec":
                segment.code(name, name == "ec" ? (attributes["startRef"] ?? id) : id)
                segment.nativeDepth = 1  // empty elements; 2.0's <ph/> too
            case "ph", "bpt", "ept", "it":
                segment.code(name, id)
                segment.nativeDepth = 1
            case "cp":
                if let hex = attributes["hex"], let value = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(value) {
                    segment.append(String(Character(scalar)))
                }
                segment.nativeDepth = 1
            default:
                // <mrk>, <sm>, <em> and unknown markers: transparent.
                segment.openPairs.append((name, ""))
            }
        }

        mutating func inline(end name: String, side: Side) {
            var segment = takeSegment(side)
            defer { if side == .source { pendingSource = segment } else { pendingTarget = segment } }
            if segment.nativeDepth > 0 {
                segment.nativeDepth -= 1
                return
            }
            if let open = segment.openPairs.popLast(), open.name == "g" || open.name == "pc" {
                segment.code("\(open.name)-close", open.id)
            }
        }

        func finish() throws -> BilingualDocument {
            guard version != nil else {
                throw InputError(path: path, message: "not an XLIFF document")
            }
            return BilingualDocument(
                path: path, format: .xliff, sourceLanguage: sourceLanguage, targetLanguage: targetLanguage,
                units: units)
        }
    }
}
