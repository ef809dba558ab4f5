/// A fast path for the body of a large TMX file: the middle pieces `ChunkedParse` cuts are scanned as bytes when every
/// unit in them has the plain shape nearly all memories have — `<tu attrs>`, then `<tuv attrs><seg>text</seg></tuv>`
/// per language, whitespace between — and go to the XML parser (`SafeXMLReader`) otherwise. Profiling showed
/// Foundation's XMLParser and the event plumbing costing more than half of an import's parsing thread.
///
/// It accepts only a strict subset of XML, so it can never accept what the parser would refuse or read it
/// differently: names are ASCII (and `xml:lang`), attribute values and text hold no control characters, no CR, no
/// `]]>`, no references but the five predefined entities, and valid UTF-8 without U+FFFE/U+FFFF; tags sit on one
/// line. Anything else — notes, props, inline codes, comments, character references, an unknown entity, a truncated
/// or malformed unit — returns nil and the piece is parsed by `SafeXMLReader`, which reports errors as before.
/// `TMXFastScannerTests` checks the units and lines equal the parser's on generated files. It never sees a prologue:
/// the whole file has passed `SafeXMLReader`'s encoding and declaration guard before it is cut, and a `<!` anywhere
/// in a piece sends the piece to the parser.
enum TMXFastScanner {
    /// The units of `piece` with the line each starts on (`firstLine` is the piece's first line), or nil when the
    /// piece needs the XML parser.
    static func units(in piece: UnsafeRawBufferPointer, firstLine: Int) -> [(TMXUnit, Int)]? {
        var scanner = Scanner(bytes: piece.bindMemory(to: UInt8.self), line: firstLine)
        return scanner.units()
    }

    private struct Scanner {
        let bytes: UnsafeBufferPointer<UInt8>
        var line: Int
        var index = 0

        init(bytes: UnsafeBufferPointer<UInt8>, line: Int) {
            self.bytes = bytes
            self.line = line
        }

        mutating func units() -> [(TMXUnit, Int)]? {
            var result: [(TMXUnit, Int)] = []
            result.reserveCapacity(bytes.count / 400)
            while true {
                skipWhitespace()
                if index == bytes.count { return result }
                guard take("<tu"), let unitAttributes = self.attributes() else { return nil }
                var unit = TMXUnit(attributes: unitAttributes)
                let unitLine = line
                while true {
                    skipWhitespace()
                    if take("</tu>") { break }
                    guard take("<tuv"), var variantAttributes = self.attributes() else { return nil }
                    guard
                        let language = variantAttributes.removeValue(forKey: "xml:lang")
                            ?? variantAttributes.removeValue(forKey: "lang"),
                        !language.isEmpty
                    else { return nil }
                    if let legacy = variantAttributes["lang"], legacy == language { variantAttributes["lang"] = nil }
                    skipWhitespace()
                    guard take("<seg>"), let text = text(until: 0x3C, allowNewlines: true), take("</seg>") else {
                        return nil
                    }
                    skipWhitespace()
                    guard take("</tuv>") else { return nil }
                    unit.variants.append(
                        TMXVariant(language: language, segment: TMXSegment(text: text), attributes: variantAttributes))
                }
                guard !unit.variants.isEmpty else { return nil }
                result.append((unit, unitLine))
            }
        }

        mutating func skipWhitespace() {
            while index < bytes.count {
                switch bytes[index] {
                case 0x0A: line += 1
                case 0x20, 0x09: break
                default: return  // CR too: the parser normalises line ends, which this path does not model
                }
                index += 1
            }
        }

        /// Consumes `literal` if the bytes at the cursor are exactly it.
        mutating func take(_ literal: StaticString) -> Bool {
            let count = literal.utf8CodeUnitCount
            guard bytes.count - index >= count else { return false }
            let base = literal.utf8Start
            for offset in 0..<count where bytes[index + offset] != base[offset] { return false }
            index += count
            return true
        }

        /// Attributes up to and including the closing `>` of a start tag (not `/>`), on one line.
        mutating func attributes() -> [String: String]? {
            var result: [String: String] = [:]
            while true {
                let before = index
                while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 }
                guard index < bytes.count else { return nil }
                if bytes[index] == 0x3E {
                    index += 1
                    return result
                }
                // A name must be separated from the tag name or the previous value by whitespace.
                guard index > before, let name = name() else { return nil }
                while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 }
                guard index < bytes.count, bytes[index] == 0x3D else { return nil }
                index += 1
                while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 }
                guard index < bytes.count, bytes[index] == 0x22 || bytes[index] == 0x27 else { return nil }
                let quote = bytes[index]
                index += 1
                guard let value = text(until: quote, allowNewlines: false) else { return nil }
                index += 1  // the closing quote
                guard result.updateValue(value, forKey: name) == nil else { return nil }  // given twice
            }
        }

        /// An ASCII attribute name, or `xml:lang`; namespace declarations and other prefixes go to the parser.
        mutating func name() -> String? {
            let start = index
            guard index < bytes.count else { return nil }
            switch bytes[index] {
            case 0x41...0x5A, 0x61...0x7A, 0x5F: index += 1
            default: return nil
            }
            while index < bytes.count {
                switch bytes[index] {
                case 0x41...0x5A, 0x61...0x7A, 0x5F, 0x30...0x39, 0x2D, 0x2E: index += 1
                case 0x3A:
                    guard index - start == 3, bytes[start] == 0x78, bytes[start + 1] == 0x6D, bytes[start + 2] == 0x6C,
                        bytes.count - index >= 5, bytes[index + 1] == 0x6C, bytes[index + 2] == 0x61,
                        bytes[index + 3] == 0x6E, bytes[index + 4] == 0x67
                    else { return nil }
                    index += 5  // "xml:lang"
                    if index < bytes.count, Self.isNameByte(bytes[index]) { return nil }
                default:
                    let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
                    return name.hasPrefix("xmlns") ? nil : name
                }
            }
            return nil
        }

        static func isNameByte(_ byte: UInt8) -> Bool {
            switch byte {
            case 0x41...0x5A, 0x61...0x7A, 0x5F, 0x30...0x39, 0x2D, 0x2E, 0x3A: true
            default: false
            }
        }

        /// Character data up to (not including) `terminator`, the five predefined entities decoded; nil for anything
        /// the parser would read differently or refuse.
        mutating func text(until terminator: UInt8, allowNewlines: Bool) -> String? {
            var decoded: [UInt8] = []
            var runStart = index
            var plain = true
            while index < bytes.count {
                let byte = bytes[index]
                if byte == terminator { break }
                switch byte {
                case 0x26:
                    if plain {
                        decoded.reserveCapacity(index - runStart + 32)
                        plain = false
                    }
                    decoded.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                    guard let (character, length) = entity(at: index) else { return nil }
                    decoded.append(character)
                    index += length
                    runStart = index
                    continue
                case 0x3C: return nil  // markup inside a value or segment
                case 0x0A:
                    guard allowNewlines else { return nil }
                    line += 1
                case 0x09: guard allowNewlines else { return nil }  // normalised to a space in attribute values
                case 0x00...0x1F: return nil
                case 0x5D:
                    // "]]>" may not appear in character data.
                    if bytes.count - index >= 3, bytes[index + 1] == 0x5D, bytes[index + 2] == 0x3E { return nil }
                case 0xEF:
                    // U+FFFE and U+FFFF are not XML characters.
                    if bytes.count - index >= 3, bytes[index + 1] == 0xBF, bytes[index + 2] == 0xBE || bytes[index + 2] == 0xBF {
                        return nil
                    }
                default: break
                }
                index += 1
            }
            guard index < bytes.count else { return nil }  // unterminated
            let run = UnsafeBufferPointer(rebasing: bytes[runStart..<index])
            if plain { return String(validating: run, as: UTF8.self) }
            decoded.append(contentsOf: run)
            return String(validating: decoded, as: UTF8.self)
        }

        /// One of `&amp;` `&lt;` `&gt;` `&quot;` `&apos;` at `position`: the character and the reference's length.
        func entity(at position: Int) -> (UInt8, Int)? {
            let candidates: [(StaticString, UInt8)] = [("&amp;", 0x26), ("&lt;", 0x3C), ("&gt;", 0x3E), ("&quot;", 0x22), ("&apos;", 0x27)]
            for (literal, character) in candidates {
                let count = literal.utf8CodeUnitCount
                guard bytes.count - position >= count else { continue }
                let base = literal.utf8Start
                var same = true
                for offset in 0..<count where bytes[position + offset] != base[offset] {
                    same = false
                    break
                }
                if same { return (character, count) }
            }
            return nil
        }
    }
}
