import Foundation
import TlumachCore
import TlumachFormats
import TlumachXML

/// One tag of an XML file that `SafeXMLReader` has already read without error: only its byte range, name and
/// attributes are needed to patch the file around it.
struct XMLTag {
    enum Kind { case start, end, empty }
    var kind: Kind
    var name: String
    var range: Range<Int>
    /// Attributes in file order: name, decoded value, and the raw text of the whole attribute.
    var attributes: [(name: String, value: String, raw: String)]

    var localName: Substring { name.split(separator: ":").last ?? Substring(name) }

    func attribute(_ name: String) -> String? { attributes.first { $0.name == name }?.value }
}

/// Finds the tags of a well-formed document (comments, CDATA, processing instructions and a DOCTYPE are stepped
/// over). The document is parsed by `SafeXMLReader` first, so this never sees malformed or hostile XML; it exists
/// because patching needs byte offsets, which the streaming parser does not give.
enum XMLTagScanner {
    static func tags(_ bytes: [UInt8]) -> [XMLTag] {
        var result: [XMLTag] = []
        var index = 0
        let count = bytes.count
        func find(_ pattern: [UInt8], from start: Int) -> Int {
            var position = start
            while position + pattern.count <= count {
                if bytes[position] == pattern[0] && Array(bytes[position..<position + pattern.count]) == pattern { return position }
                position += 1
            }
            return count
        }
        while index < count {
            guard bytes[index] == UInt8(ascii: "<") else {
                index += 1
                continue
            }
            if bytes[index...].starts(with: Array("<!--".utf8)) {
                index = min(count, find(Array("-->".utf8), from: index + 4) + 3)
                continue
            }
            if bytes[index...].starts(with: Array("<![CDATA[".utf8)) {
                index = min(count, find(Array("]]>".utf8), from: index + 9) + 3)
                continue
            }
            if bytes[index...].starts(with: Array("<?".utf8)) {
                index = min(count, find(Array("?>".utf8), from: index + 2) + 2)
                continue
            }
            // A DOCTYPE (with its internal subset in brackets) or a tag: up to its '>' outside quoted values.
            let isDeclaration = bytes[index...].starts(with: Array("<!".utf8))
            var depth = 0
            var position = index + 1
            var quote: UInt8?
            while position < count {
                let byte = bytes[position]
                if let open = quote {
                    if byte == open { quote = nil }
                } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                    quote = byte
                } else if isDeclaration && byte == UInt8(ascii: "[") {
                    depth += 1
                } else if isDeclaration && byte == UInt8(ascii: "]") {
                    depth -= 1
                } else if byte == UInt8(ascii: ">") && depth <= 0 {
                    break
                }
                position += 1
            }
            if isDeclaration {
                index = position + 1
                continue
            }
            let end = min(count, position + 1)
            result.append(parseTag(bytes, index..<end))
            index = end
        }
        return result
    }

    static func parseTag(_ bytes: [UInt8], _ range: Range<Int>) -> XMLTag {
        let text = String(decoding: bytes[range], as: UTF8.self)
        var body = Substring(text.dropFirst().dropLast())
        var kind = XMLTag.Kind.start
        if body.hasPrefix("/") {
            kind = .end
            body = body.dropFirst()
        } else if body.hasSuffix("/") {
            kind = .empty
            body = body.dropLast()
        }
        let nameEnd = body.firstIndex(where: { $0.isWhitespace }) ?? body.endIndex
        let name = String(body[..<nameEnd])
        var attributes: [(String, String, String)] = []
        var rest = body[nameEnd...]
        while true {
            rest = rest.drop(while: { $0.isWhitespace })
            guard let equals = rest.firstIndex(of: "=") else { break }
            let attributeName = rest[..<equals].trimmingCharacters(in: .whitespaces)
            var valueStart = rest.index(after: equals)
            while valueStart < rest.endIndex && rest[valueStart].isWhitespace { valueStart = rest.index(after: valueStart) }
            guard valueStart < rest.endIndex else { break }
            let quote = rest[valueStart]
            let contentStart = rest.index(after: valueStart)
            guard let close = rest[contentStart...].firstIndex(of: quote) else { break }
            let raw = String(rest[rest.startIndex...close])
            attributes.append((attributeName, decodeEntities(String(rest[contentStart..<close])), raw))
            rest = rest[rest.index(after: close)...]
        }
        return XMLTag(kind: kind, name: name, range: range, attributes: attributes)
    }

    static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var result = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            result += rest[..<amp]
            guard let semicolon = rest[amp...].firstIndex(of: ";") else {
                result += rest[amp...]
                return result
            }
            let entity = rest[rest.index(after: amp)..<semicolon]
            switch entity {
            case "amp": result += "&"
            case "lt": result += "<"
            case "gt": result += ">"
            case "quot": result += "\""
            case "apos": result += "'"
            default:
                var scalar: Unicode.Scalar?
                if entity.hasPrefix("#x") || entity.hasPrefix("#X") {
                    scalar = UInt32(entity.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init)
                } else if entity.hasPrefix("#") {
                    scalar = UInt32(entity.dropFirst()).flatMap(Unicode.Scalar.init)
                }
                if let scalar { result.unicodeScalars.append(scalar) } else { result += rest[amp...semicolon] }
            }
            rest = rest[rest.index(after: semicolon)...]
        }
        result += rest
        return result
    }
}

/// Where one XLIFF segment (the unit `XLIFFReader` gives) stands in the file's bytes.
struct XLIFFSlot {
    var unitID: String
    var unitStart: XMLTag
    /// XLIFF 2.0's `<segment>` start tag.
    var segmentStart: XMLTag?
    var sourceStart: XMLTag
    /// Just after `</source>` (or after `<seg-source>` when that follows): where a new target goes.
    var afterSource: Int
    /// An existing target: its start tag and the end of its element.
    var targetStart: XMLTag?
    var targetEnd: Int?
    /// The markup of each source inline code, in the order the reader lists the codes.
    var codeMarkup: [String]
    /// XLIFF 2.0: the unit already has a matches element (we then add none).
    var unitHasMatches = false
}

/// Writes XLIFF 1.2 and 2.0 fills into the original bytes.
enum XLIFFWriter {
    static func slots(_ bytes: [UInt8], path: String) throws -> (version: Int, slots: [XLIFFSlot]) {
        let tags = XMLTagScanner.tags(bytes)
        var version = 1
        var slots: [XLIFFSlot] = []
        var unitSlots: [XLIFFSlot] = []
        var unitStart: XMLTag?
        var unitTranslatable = true
        var unitHasMatches = false
        var segmentStart: XMLTag?
        var skipDepth = 0
        var sourceStartTag: XMLTag?
        var sourceCodes: [String] = []
        var inlineStack: [(name: String, start: Int, native: Bool)] = []
        var nativeDepth = 0
        var reading: String?  // "source" or "target" while inside one
        var readingDepth = 0
        var depth = 0
        var pendingSource: (start: XMLTag, end: Int, codes: [String])?
        var pendingTarget: (start: XMLTag, end: Int)?

        func closeSegment() {
            defer {
                pendingSource = nil
                pendingTarget = nil
            }
            guard let unitStart, let source = pendingSource else { return }
            unitSlots.append(
                XLIFFSlot(
                    unitID: unitStart.attribute("id") ?? "", unitStart: unitStart, segmentStart: segmentStart,
                    sourceStart: source.start, afterSource: source.end, targetStart: pendingTarget?.start,
                    targetEnd: pendingTarget?.end, codeMarkup: source.codes))
        }
        for tag in tags {
            let name = String(tag.localName)
            let isStart = tag.kind != .end
            let isEnd = tag.kind != .start
            if isStart { depth += 1 }
            defer { if isEnd { depth -= 1 } }
            if skipDepth > 0 {
                if isStart { skipDepth += 1 }
                if isEnd { skipDepth -= 1 }
                if skipDepth == 0, name == "seg-source", let source = pendingSource, pendingTarget == nil {
                    // A new target goes after the segmented source.
                    pendingSource = (source.start, tag.range.upperBound, source.codes)
                }
                continue
            }
            if let side = reading {
                if isEnd && tag.kind == .end && depth == readingDepth {
                    reading = nil
                    if side == "source", let start = sourceStartTag {
                        pendingSource = (start, tag.range.upperBound, sourceCodes)
                    } else if side == "target", let start = pendingTarget?.start {
                        pendingTarget = (start, tag.range.upperBound)
                    }
                    continue
                }
                guard side == "source" else { continue }
                if nativeDepth > 0 {
                    if tag.kind == .start { nativeDepth += 1 }
                    if tag.kind == .end {
                        nativeDepth -= 1
                        if nativeDepth == 0, let open = inlineStack.popLast() {
                            if open.native {
                                sourceCodes.append(String(decoding: bytes[open.start..<tag.range.upperBound], as: UTF8.self))
                            }
                        }
                    }
                    continue
                }
                let markup = String(decoding: bytes[tag.range], as: UTF8.self)
                switch (name, tag.kind) {
                case ("g", .start), ("pc", .start):
                    sourceCodes.append(markup)
                    inlineStack.append((name, tag.range.lowerBound, false))
                case ("g", .empty), ("pc", .empty):
                    // An empty paired element: the reader sees it open and close.
                    sourceCodes.append(markup)
                    sourceCodes.append("")
                case ("x", .empty), ("bx", .empty), ("ex", .empty), ("sc", .empty), ("ec", .empty),
                    ("ph", .empty), ("bpt", .empty), ("ept", .empty), ("it", .empty):
                    sourceCodes.append(markup)
                case ("x", .start), ("bx", .start), ("ex", .start), ("sc", .start), ("ec", .start),
                    ("ph", .start), ("bpt", .start), ("ept", .start), ("it", .start):
                    inlineStack.append((name, tag.range.lowerBound, true))
                    nativeDepth = 1
                case ("cp", .start):
                    inlineStack.append((name, tag.range.lowerBound, false))
                    nativeDepth = 1
                case (_, .start):
                    inlineStack.append((name, tag.range.lowerBound, false))
                case (_, .end):
                    if let open = inlineStack.popLast(), open.name == "g" || open.name == "pc" { sourceCodes.append(markup) }
                default:
                    break
                }
                continue
            }
            if depth == 1 && isStart && name == "xliff" {
                version = (tag.attribute("version") ?? "").hasPrefix("2") ? 2 : 1
                continue
            }
            if isStart {
                switch name {
                case "trans-unit" where version == 1, "unit" where version == 2:
                    unitStart = tag
                    unitTranslatable = tag.attribute("translate") != "no"
                    unitSlots = []
                    unitHasMatches = false
                case "matches" where unitStart != nil:
                    unitHasMatches = true
                    if tag.kind == .start { skipDepth = 1 }
                case "alt-trans", "seg-source", "originalData", "matches":
                    if tag.kind == .start { skipDepth = 1 }
                case "segment" where version == 2, "ignorable" where version == 2:
                    segmentStart = name == "segment" ? tag : nil
                case "source" where unitStart != nil:
                    sourceStartTag = tag
                    sourceCodes = []
                    inlineStack = []
                    nativeDepth = 0
                    if tag.kind == .empty {
                        pendingSource = (tag, tag.range.upperBound, [])
                    } else {
                        reading = "source"
                        readingDepth = depth
                    }
                case "target" where unitStart != nil:
                    pendingTarget = (tag, tag.range.upperBound)
                    if tag.kind == .start {
                        reading = "target"
                        readingDepth = depth
                    }
                default: break
                }
            }
            if tag.kind == .end {
                switch name {
                case "segment" where version == 2, "ignorable" where version == 2:
                    if name == "segment" { closeSegment() } else {
                        pendingSource = nil
                        pendingTarget = nil
                    }
                    segmentStart = nil
                case "trans-unit" where version == 1:
                    closeSegment()
                    if unitTranslatable { slots += unitSlots }
                    unitStart = nil
                case "unit" where version == 2:
                    if unitTranslatable {
                        slots += unitSlots.map { slot in
                            var slot = slot
                            slot.unitHasMatches = unitHasMatches
                            return slot
                        }
                    }
                    unitStart = nil
                default: break
                }
            }
            if tag.kind == .empty {
                switch name {
                case "segment" where version == 2: closeSegment()
                case "trans-unit" where version == 1: closeSegment()
                default: break
                }
            }
        }
        return (version, slots)
    }

    /// A start tag with some attributes set (replacing ones of the same name, keeping the others as written).
    static func startTag(_ tag: XMLTag?, name: String, setting values: [(String, String)], empty: Bool = false) -> String {
        let names = Set(values.map(\.0))
        var text = "<" + (tag?.name ?? name)
        for attribute in tag?.attributes ?? [] where !names.contains(attribute.name) { text += " " + attribute.raw }
        for (key, value) in values { text += " \(key)=\"\(xmlEscaped(value, attribute: true))\"" }
        return text + (empty ? "/>" : ">")
    }

    static func markup(_ pieces: [SegmentPiece], codes: [String]) -> String {
        pieces.reduce(into: "") { result, piece in
            switch piece {
            case .text(let text): result += xmlEscaped(text)
            case .code(let index): result += index < codes.count ? codes[index] : ""
            }
        }
    }

    /// The patched file. `fills` index the document's units; slots pair with units in order.
    static func write(
        _ input: LeverageInput, fills: [Fill], origin: String, notes: inout [String]
    ) throws -> [UInt8] {
        let (version, slots) = try slots(input.bytes, path: input.path)
        guard slots.count == input.document.units.count,
            zip(slots, input.document.units).allSatisfy({ $0.codeMarkup.count == $1.sourceCodes.count })
        else {
            throw InputError(
                path: input.path,
                message: "cannot locate the units in the file's bytes (\(slots.count) found, \(input.document.units.count) read); nothing written")
        }
        let newline = BytePatch.lineBreak(input.bytes)
        var patches: [BytePatch] = []
        var matchesByUnit: [Int: (slot: XLIFFSlot, text: String)] = [:]
        var segmentIDs: [Int: Int] = [:]
        for fill in fills {
            let slot = slots[fill.unit]
            let indent = BytePatch.indentation(before: slot.sourceStart.range.lowerBound, in: input.bytes)
            let separator = indent.map { newline + $0 } ?? ""
            let target = markup(fill.target, codes: slot.codeMarkup)
            if version == 1 {
                let state = fill.needsReview ? "needs-review-translation" : "translated"
                let start = startTag(
                    slot.targetStart, name: "target", setting: [("state", state), ("state-qualifier", fill.stateQualifier)])
                var element = start + target + "</\(slot.targetStart?.name ?? "target")>"
                var alternatives = ""
                for candidate in fill.candidates.prefix(3) where candidate.usable {
                    alternatives += separator + "<alt-trans match-quality=\"\(candidate.percent)\" origin=\""
                        + xmlEscaped(origin, attribute: true) + "\"><source>" + xmlEscaped(candidate.source)
                        + "</source><target>" + markup(candidate.target, codes: slot.codeMarkup) + "</target></alt-trans>"
                }
                if let targetStart = slot.targetStart, let end = slot.targetEnd {
                    patches.append(BytePatch(targetStart.range.lowerBound..<end, element + alternatives))
                } else {
                    element = separator + element
                    patches.append(BytePatch(slot.afterSource..<slot.afterSource, element + alternatives))
                }
            } else {
                guard let segment = slot.segmentStart else {
                    notes.append("\(input.path): unit \(slot.unitID) has no <segment> tag to mark; left as it was")
                    continue
                }
                var segmentID = segment.attribute("id")
                var attributes: [(String, String)] = [("state", fill.needsReview ? "initial" : "translated")]
                attributes.append(("subState", "tlumach:" + fill.stateQualifier))
                if segmentID == nil && !slot.unitHasMatches && !fill.candidates.isEmpty {
                    let number = (segmentIDs[slot.unitStart.range.lowerBound] ?? 0) + 1
                    segmentIDs[slot.unitStart.range.lowerBound] = number
                    segmentID = "tlumach-s\(number)"
                    attributes.insert(("id", segmentID ?? ""), at: 0)
                }
                patches.append(BytePatch(segment.range, startTag(segment, name: "segment", setting: attributes)))
                let element = startTag(slot.targetStart, name: "target", setting: []) + target
                    + "</\(slot.targetStart?.name ?? "target")>"
                if let targetStart = slot.targetStart, let end = slot.targetEnd {
                    patches.append(BytePatch(targetStart.range.lowerBound..<end, element))
                } else {
                    patches.append(BytePatch(slot.afterSource..<slot.afterSource, separator + element))
                }
                if !slot.unitHasMatches, let segmentID {
                    var text = matchesByUnit[slot.unitStart.range.upperBound]?.text ?? ""
                    for candidate in fill.candidates.prefix(3) where candidate.usable {
                        let quality = String(format: "%.1f", Double(min(100, candidate.percent)))
                        text += "<mtc:match ref=\"#" + xmlEscaped(segmentID, attribute: true) + "\" matchQuality=\""
                            + quality + "\" origin=\"" + xmlEscaped(origin, attribute: true) + "\"><source>"
                            + xmlEscaped(candidate.source) + "</source><target>"
                            + markup(candidate.target, codes: slot.codeMarkup) + "</target></mtc:match>"
                    }
                    matchesByUnit[slot.unitStart.range.upperBound] = (slot, text)
                }
            }
        }
        for (offset, entry) in matchesByUnit where !entry.text.isEmpty {
            let anchor = entry.slot.segmentStart?.range.lowerBound ?? entry.slot.sourceStart.range.lowerBound
            let indent = BytePatch.indentation(before: anchor, in: input.bytes)
            let separator = indent.map { newline + $0 } ?? ""
            patches.append(
                BytePatch(
                    offset..<offset,
                    separator + "<mtc:matches xmlns:mtc=\"urn:oasis:names:tc:xliff:matches:2.0\">" + entry.text
                        + "</mtc:matches>"))
        }
        return try BytePatch.apply(patches, to: input.bytes, path: input.path)
    }
}
