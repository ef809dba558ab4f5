import Dispatch
import Foundation
import TlumachCore

/// Gettext PO: msgctxt, msgid, msgid_plural, msgstr / msgstr[n], flags (`#, fuzzy, c-format`), translator (`# `)
/// and extracted (`#.`) comments, references (`#:`), multi-line strings and C escapes. The header entry gives the
/// target language (`Language:`); obsolete entries (`#~`) are skipped. A plural entry yields one unit per form:
/// form 0 pairs with msgid, the others with msgid_plural (ids end in `[n]`).
///
/// Large files are parsed in pieces on all cores: a blank line ends every entry and resets the parser, so pieces
/// cut after blank lines parse independently and give the same units, lines and first error as one pass.
public enum POReader {
    public static func parse(_ text: String, path: String) throws(InputError) -> BilingualDocument {
        var text = text
        var result: Result<BilingualDocument, InputError>?
        text.withUTF8 { bytes in
            do throws(InputError) { result = .success(try parse(bytes: bytes, path: path, validate: false)) } catch {
                result = .failure(error)
            }
        }
        guard let result else { throw InputError(path: path, message: "cannot parse") }
        return try result.get()
    }

    /// Reads a PO file from disk: the bytes are checked as UTF-8 and parsed without first building the whole file
    /// as one String. Unreadable or invalid files fail as `TextFile.read` fails (same messages, byte offsets).
    public static func read(path: String) throws(InputError) -> BilingualDocument {
        guard let data = FileManager.default.contents(atPath: path) else {
            return try parse(TextFile.read(path), path: path)
        }
        var result: Result<BilingualDocument, InputError>?
        data.withUnsafeBytes { raw in
            do throws(InputError) { result = .success(try read(fileBytes: raw.bindMemory(to: UInt8.self), path: path).document) } catch {
                result = .failure(error)
            }
        }
        guard let result else { throw InputError(path: path, message: "cannot read file") }
        return try result.get()
    }

    /// Parses a PO file's bytes (a byte-order mark included); `utf8` is the text converted to UTF-8 when the
    /// header declares another charset, for a caller that writes the file back (nil: the bytes are UTF-8).
    package static func read(fileBytes all: UnsafeBufferPointer<UInt8>, path: String) throws(InputError)
        -> (document: BilingualDocument, utf8: [UInt8]?)
    {
        let bom = ByteOrderMark.utf8Length(all)
        let bytes = UnsafeBufferPointer(rebasing: all[bom...])
        do throws(InputError) {
            if let converted = try utf8FromDeclaredCharset(bytes, path: path) {
                // Offsets in the converted text are not the file's: a parse error still names its line.
                let document = try converted.withUnsafeBufferPointer { (utf8) throws(InputError) in
                    try parse(bytes: utf8, path: path, validate: false)
                }
                return (document, converted)
            }
            return (try parse(bytes: bytes, path: path, validate: true), nil)
        } catch {
            var error = error
            // Offsets count from the file's first byte, the mark included.
            if let offset = error.byteOffset { error.byteOffset = offset + bom }
            throw error
        }
    }

    /// Pieces of about this many bytes are parsed in parallel; smaller files are parsed in one pass.
    static let pieceSize = 1 << 18

    /// Piece boundaries: each piece but the last ends right after a blank line ("\n\n" or "\n\r\n").
    static func pieces(_ bytes: UnsafeBufferPointer<UInt8>, size: Int = pieceSize) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var start = 0
        let count = bytes.count
        while count - start > size + size / 2 {
            var index = start + size
            var cut: Int?
            while index + 1 < count {
                if bytes[index] == 0x0A {
                    if bytes[index + 1] == 0x0A {
                        cut = index + 2
                        break
                    }
                    if bytes[index + 1] == 0x0D && index + 2 < count && bytes[index + 2] == 0x0A {
                        cut = index + 3
                        break
                    }
                }
                index += 1
            }
            guard let cut, cut < count else { break }
            result.append(start..<cut)
            start = cut
        }
        result.append(start..<count)
        return result
    }

    /// Parses UTF-8 bytes (checked first when `validate`: the first bad byte is an error with its offset).
    static func parse(bytes: UnsafeBufferPointer<UInt8>, path: String, validate: Bool, pieceSize: Int = pieceSize) throws(InputError)
        -> BilingualDocument
    {
        let ranges = pieces(bytes, size: pieceSize)
        let surveys = ResultSlots<(lines: Int, invalid: Int?)>(count: ranges.count)
        let parsed = ResultSlots<Result<Parser, InputError>>(count: ranges.count)
        // The file's bytes, read by every piece (never written while they run).
        let shared = UncheckedSendable(bytes)
        // First the checks and line counts of every piece (a piece's first line number is the sum of the lines
        // before it), then the parse.
        let survey: @Sendable (Int) -> Void = { piece in
            let range = ranges[piece]
            let base = shared.value
            var lines = 0
            for index in range where base[index] == 0x0A { lines += 1 }
            let invalid = validate
                ? UTF8Validation.firstInvalidOffset(UnsafeBufferPointer(rebasing: base[range])).map { $0 + range.lowerBound } : nil
            surveys.set(piece, (lines, invalid))
        }
        if ranges.count == 1 { survey(0) } else { DispatchQueue.concurrentPerform(iterations: ranges.count, execute: survey) }
        if let invalid = surveys.values.compactMap(\.invalid).first {
            throw InputError(path: path, byteOffset: invalid, message: "invalid UTF-8")
        }
        var firstLines: [Int] = []
        var line = 0
        for count in surveys.values.map(\.lines) {
            firstLines.append(line)
            line += count
        }
        let parsePiece: @Sendable (Int) -> Void = { [firstLines] piece in
            // Each piece notes the first header entry it sees; the first piece's (in file order) gives the languages.
            var parser = Parser(path: path, firstLine: firstLines[piece])
            do throws(InputError) {
                try parser.run(UnsafeBufferPointer(rebasing: shared.value[ranges[piece]]))
                parsed.set(piece, .success(parser))
            } catch {
                parsed.set(piece, .failure(error))
            }
        }
        if ranges.count == 1 { parsePiece(0) } else { DispatchQueue.concurrentPerform(iterations: ranges.count, execute: parsePiece) }
        var header: String?
        var offsets: [Int] = []
        var total = 0
        for piece in 0..<parsed.count {
            let result = parsed.value(piece)
            switch result {
            case .success(let parser):
                if header == nil { header = parser.header }
                offsets.append(total)
                total += parser.units.count
            case .failure(let error): throw error
            case nil: throw InputError(path: path, message: "cannot parse")
            }
        }
        let units: [BilingualUnit]
        if ranges.count == 1, case .success(let parser) = parsed.take(0) {
            units = parser.units
        } else {
            // The pieces' units are copied into place in parallel, and each piece is freed by its own task.
            units = [BilingualUnit](unsafeUninitializedCapacity: total) { buffer, initialized in
                // The joined units' storage, each piece writing its own region.
                let destination = UncheckedSendable(buffer.baseAddress)
                DispatchQueue.concurrentPerform(iterations: ranges.count) { [offsets] piece in
                    guard case .success(let parser) = parsed.take(piece), let base = destination.value else { return }
                    parser.units.withUnsafeBufferPointer { source in
                        guard let start = source.baseAddress else { return }
                        (base + offsets[piece]).initialize(from: start, count: source.count)
                    }
                }
                initialized = total
            }
        }
        let languages: (source: String?, target: String?) = header.map(readHeader) ?? (nil, nil)
        return BilingualDocument(
            path: path, format: .po, sourceLanguage: languages.source, targetLanguage: languages.target, units: units)
    }

    /// The languages a header entry declares (`Language:`, `X-Source-Language:`); without `Language:`, Qt's
    /// `X-Language:` or the team's list address (`Language-Team: Ukrainian <uk@li.org>`, as older and Launchpad
    /// catalogs name it).
    static func readHeader(_ header: String) -> (source: String?, target: String?) {
        var source: String?
        var target: String?
        var team: String?
        var qtLanguage: String?
        for line in header.split(separator: "\n") {
            if line.hasPrefix("Language:") {
                let language = line.dropFirst(9).trimmingSpaces()
                if !language.isEmpty { target = language }
            } else if line.hasPrefix("X-Source-Language:") {
                let language = line.dropFirst(18).trimmingSpaces()
                if !language.isEmpty { source = language }
            } else if line.hasPrefix("X-Language:") {
                // Qt's lconvert writes the language only here.
                let language = line.dropFirst(11).trimmingSpaces()
                if !language.isEmpty { qtLanguage = language }
            } else if line.hasPrefix("Language-Team:") {
                team = teamLanguage(line.dropFirst(14))
            }
        }
        return (source, target ?? qtLanguage ?? team)
    }

    /// "Ukrainian <uk@li.org>" → "uk", "<trans-uk@lists.fedoraproject.org>" → nil: only the Translation Project's
    /// lists at li.org name a language by their address.
    static func teamLanguage(_ team: Substring) -> String? {
        guard let at = team.range(of: "@li.org") else { return nil }
        let local = team[..<at.lowerBound].reversed().prefix { $0.isLetter || $0 == "_" || $0 == "-" }
        let code = String(local.reversed())
        guard (2...3).contains(code.prefix { $0 != "_" && $0 != "-" }.count), code.allSatisfy({ $0.isASCII }) else { return nil }
        return code
    }

    private enum Keyword { case msgctxt, msgid, msgidPlural, msgstr(Int) }

    private struct Entry {
        var comments: [String] = []
        var flags: [String] = []
        var context: String?
        var msgid: String?
        var msgidLine = 0
        var plural: String?
        var forms: [(index: Int, text: String, line: Int, column: Int, layout: TextLayout)] = []
        var isEmpty: Bool { msgid == nil && context == nil && forms.isEmpty && plural == nil }
    }

    private struct Parser {
        let path: String
        var units: [BilingualUnit] = []
        /// The first header entry's text (the msgstr of an entry with an empty msgid and no context).
        var header: String?
        var entry = Entry()
        var keyword: Keyword?
        /// The string being accumulated for `keyword`, and where it started.
        var value = ""
        var valueLine = 0
        var valueColumn = 0
        /// Where the msgstr being read runs verbatim in the file (the buffer is reused from entry to entry).
        var valueAnchors: [TextAnchor] = []
        /// The UTF-16 length of the msgstr read so far, when the last line was walked (nil: count it when needed).
        var valueUTF16End: Int?
        var lineNumber: Int
        var sawHeader = false

        init(path: String, firstLine: Int = 0) {
            self.path = path
            lineNumber = firstLine
        }

        func fail(_ message: String, line: Int, column: Int? = nil) -> InputError {
            InputError(path: path, line: line, column: column, message: message)
        }

        mutating func run(_ bytes: UnsafeBufferPointer<UInt8>) throws(InputError) {
            var start = 0
            let count = bytes.count
            while start < count {
                var end = start
                while end < count && bytes[end] != 0x0A { end += 1 }
                lineNumber += 1
                var lineEnd = end
                if lineEnd > start && bytes[lineEnd - 1] == 0x0D { lineEnd -= 1 }
                try line(UnsafeBufferPointer(rebasing: bytes[start..<lineEnd]))
                start = end + 1
            }
            try flushKeyword()
            try flushEntry(atEnd: true)
        }

        mutating func line(_ line: UnsafeBufferPointer<UInt8>) throws(InputError) {
            var index = 0
            while index < line.count && (line[index] == 0x20 || line[index] == 0x09) { index += 1 }
            guard index < line.count else {
                // A blank line ends an entry.
                try flushKeyword()
                try flushEntry(atEnd: false)
                return
            }
            let first = line[index]
            if first == UInt8(ascii: "#") {
                try flushKeyword()
                let second = index + 1 < line.count ? line[index + 1] : 0
                if second == UInt8(ascii: "~") || second == UInt8(ascii: "|") { return }  // obsolete, previous
                if !entry.forms.isEmpty { try flushEntry(atEnd: false) }
                if second == UInt8(ascii: ":") { return }  // references: not kept
                let rest = String(decoding: UnsafeBufferPointer(rebasing: line[(index + 1)...]), as: UTF8.self)
                if second == UInt8(ascii: ",") {
                    for flag in rest.dropFirst().split(separator: ",") {
                        let trimmed = flag.trimmingSpaces()
                        if !trimmed.isEmpty { entry.flags.append(trimmed) }
                    }
                } else if second != UInt8(ascii: ":") {
                    // Translator (`# `) and extracted (`#.`) comments.
                    entry.comments.append((second == UInt8(ascii: ".") ? String(rest.dropFirst()) : rest).trimmingSpaces())
                }
                return
            }
            if first == UInt8(ascii: "\"") {
                guard keyword != nil else {
                    throw fail("a string continues no msgid or msgstr", line: lineNumber, column: index + 1)
                }
                if case .msgstr = keyword {
                    value += try quoted(line, from: index, anchoringAt: valueUTF16End ?? value.utf16.count)
                } else {
                    value += try quoted(line, from: index)
                }
                return
            }
            // A keyword line.
            var wordEnd = index
            while wordEnd < line.count && line[wordEnd] != 0x20 && line[wordEnd] != 0x09 && line[wordEnd] != UInt8(ascii: "\"") {
                wordEnd += 1
            }
            let word = String(decoding: UnsafeBufferPointer(rebasing: line[index..<wordEnd]), as: UTF8.self)
            let parsed: Keyword
            switch word {
            case "msgctxt": parsed = .msgctxt
            case "msgid": parsed = .msgid
            case "msgid_plural": parsed = .msgidPlural
            case "msgstr": parsed = .msgstr(0)
            default:
                if word.hasPrefix("msgstr["), word.hasSuffix("]"), let form = Int(word.dropFirst(7).dropLast()), form >= 0, form < 100 {
                    parsed = .msgstr(form)
                } else {
                    throw fail("unknown keyword \"\(word)\"", line: lineNumber, column: index + 1)
                }
            }
            try flushKeyword()
            // A new msgctxt or msgid after a msgstr starts the next entry even without a blank line.
            if case .msgctxt = parsed, !entry.forms.isEmpty { try flushEntry(atEnd: false) }
            if case .msgid = parsed, !entry.forms.isEmpty { try flushEntry(atEnd: false) }
            var quote = wordEnd
            while quote < line.count && (line[quote] == 0x20 || line[quote] == 0x09) { quote += 1 }
            guard quote < line.count, line[quote] == UInt8(ascii: "\"") else {
                throw fail("\(word) without a quoted string", line: lineNumber, column: quote + 1)
            }
            keyword = parsed
            valueLine = lineNumber
            // Keywords and indentation are ASCII: the column is the byte index then.
            valueColumn = line[0..<quote].allSatisfy { $0 < 0x80 } ? quote + 1 : LineIndex.utf16Length(ArraySlice(line[0..<quote])) + 1
            valueAnchors.removeAll(keepingCapacity: true)
            if case .msgstr = parsed {
                value = try quoted(line, from: quote, anchoringAt: 0)
            } else {
                value = try quoted(line, from: quote)
            }
        }

        /// The 1-based UTF-16 column of a byte of the current line.
        static func column(_ line: UnsafeBufferPointer<UInt8>, _ index: Int) -> Int {
            var column = 1
            for byte in line[0..<index] where byte & 0xC0 != 0x80 { column += byte >= 0xF0 ? 2 : 1 }
            return column
        }

        /// As `quoted(_:from:)`, noting in `valueAnchors` where the decoded text (which starts at UTF-16 offset
        /// `offset` of the whole value) stands in the line: at its start and after each escape.
        mutating func quoted(_ line: UnsafeBufferPointer<UInt8>, from start: Int, anchoringAt offset: Int) throws(InputError) -> String {
            let (text, escaped) = try decodeQuoted(line, from: start)
            var textOffset = offset
            var column = Self.column(line, start + 1)
            valueAnchors.append(TextAnchor(offset: textOffset, line: lineNumber, column: column))
            valueUTF16End = nil
            guard escaped else { return text }
            defer { valueUTF16End = textOffset }
            var index = start + 1
            // Walk the string again: each escape is several bytes in the file but one character of the text.
            while index < line.count && line[index] != UInt8(ascii: "\"") {
                let byte = line[index]
                if byte == UInt8(ascii: "\\") {
                    var end = index + 2
                    if index + 1 < line.count {
                        switch line[index + 1] {
                        case UInt8(ascii: "0")...UInt8(ascii: "7"):
                            end = index + 1
                            while end < min(index + 4, line.count) && (UInt8(ascii: "0")...UInt8(ascii: "7")).contains(line[end]) { end += 1 }
                        case UInt8(ascii: "x"):
                            end = index + 2
                            while end < line.count && hexValue(line[end]) != nil { end += 1 }
                        default: break
                        }
                    }
                    end = min(end, line.count)
                    textOffset += 1
                    column += end - index
                    index = end
                    valueAnchors.append(TextAnchor(offset: textOffset, line: lineNumber, column: column))
                    continue
                }
                if byte & 0xC0 != 0x80 {
                    let width = byte >= 0xF0 ? 2 : 1
                    textOffset += width
                    column += width
                }
                index += 1
            }
            return text
        }

        /// Decodes one `"…"` string with C escapes; nothing but spaces may follow it.
        func quoted(_ line: UnsafeBufferPointer<UInt8>, from start: Int) throws(InputError) -> String {
            try decodeQuoted(line, from: start).text
        }

        /// The decoded string and whether it had escapes.
        func decodeQuoted(_ line: UnsafeBufferPointer<UInt8>, from start: Int) throws(InputError) -> (text: String, escaped: Bool) {
            // Most strings have no escape: made straight from the line's bytes.
            var end = start + 1
            while end < line.count && line[end] != UInt8(ascii: "\"") && line[end] != UInt8(ascii: "\\") { end += 1 }
            if end < line.count && line[end] == UInt8(ascii: "\"") {
                var after = end + 1
                while after < line.count && (line[after] == 0x20 || line[after] == 0x09) { after += 1 }
                if after < line.count {
                    throw fail("unexpected text after a closing quote", line: lineNumber, column: after + 1)
                }
                return (String(decoding: UnsafeBufferPointer(rebasing: line[(start + 1)..<end]), as: UTF8.self), false)
            }
            var bytes: [UInt8] = []
            var index = start + 1
            while index < line.count {
                let byte = line[index]
                if byte == UInt8(ascii: "\"") {
                    var after = index + 1
                    while after < line.count && (line[after] == 0x20 || line[after] == 0x09) { after += 1 }
                    if after < line.count {
                        throw fail("unexpected text after a closing quote", line: lineNumber, column: after + 1)
                    }
                    return (String(decoding: bytes, as: UTF8.self), true)
                }
                if byte == UInt8(ascii: "\\") {
                    let escapeStart = index  // its column is counted only for an error: counting per escape is quadratic
                    index += 1
                    guard index < line.count else { break }
                    let escape = line[index]
                    switch escape {
                    case UInt8(ascii: "n"): bytes.append(0x0A)
                    case UInt8(ascii: "t"): bytes.append(0x09)
                    case UInt8(ascii: "r"): bytes.append(0x0D)
                    case UInt8(ascii: "a"): bytes.append(0x07)
                    case UInt8(ascii: "b"): bytes.append(0x08)
                    case UInt8(ascii: "f"): bytes.append(0x0C)
                    case UInt8(ascii: "v"): bytes.append(0x0B)
                    case UInt8(ascii: "\\"), UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "?"): bytes.append(escape)
                    case UInt8(ascii: "0")...UInt8(ascii: "7"):
                        var code = 0
                        var digits = 0
                        while digits < 3 && index < line.count && (UInt8(ascii: "0")...UInt8(ascii: "7")).contains(line[index]) {
                            code = code * 8 + Int(line[index] - UInt8(ascii: "0"))
                            index += 1
                            digits += 1
                        }
                        guard code <= 0o377 else {
                            throw fail("octal escape out of range (more than one byte)", line: lineNumber, column: Self.column(line, escapeStart))
                        }
                        bytes.append(UInt8(code))
                        continue
                    case UInt8(ascii: "x"):
                        var code = 0
                        var digits = 0
                        index += 1
                        while index < line.count, let digit = hexValue(line[index]) {
                            // One byte at most, as in C; checked before it grows, so any number of digits is safe.
                            guard code <= 0xF else {
                                throw fail("\\x escape out of range (more than one byte)", line: lineNumber, column: Self.column(line, escapeStart))
                            }
                            code = code * 16 + digit
                            index += 1
                            digits += 1
                        }
                        guard digits > 0 else {
                            throw fail("\\x without hex digits", line: lineNumber, column: index)
                        }
                        bytes.append(UInt8(code))
                        continue
                    default:
                        throw fail("unknown escape \\\(Character(Unicode.Scalar(escape)))", line: lineNumber, column: index)
                    }
                    index += 1
                    continue
                }
                bytes.append(byte)
                index += 1
            }
            throw fail("unterminated string (missing closing quote)", line: lineNumber, column: start + 1)
        }

        func hexValue(_ byte: UInt8) -> Int? {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): Int(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): Int(byte - UInt8(ascii: "a")) + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): Int(byte - UInt8(ascii: "A")) + 10
            default: nil
            }
        }

        mutating func flushKeyword() throws(InputError) {
            guard let keyword else { return }
            self.keyword = nil
            switch keyword {
            case .msgctxt:
                if entry.context != nil { throw fail("duplicate msgctxt", line: valueLine) }
                entry.context = value
            case .msgid:
                if entry.msgid != nil { throw fail("duplicate msgid", line: valueLine) }
                entry.msgid = value
                entry.msgidLine = valueLine
            case .msgidPlural:
                guard entry.msgid != nil else { throw fail("msgid_plural before msgid", line: valueLine) }
                entry.plural = value
            case .msgstr(let form):
                guard entry.msgid != nil else { throw fail("msgstr without a msgid", line: valueLine) }
                if entry.forms.contains(where: { $0.index == form }) {
                    throw fail("duplicate msgstr[\(form)]", line: valueLine)
                }
                let layout: TextLayout
                if valueAnchors.count == 1, let anchor = valueAnchors.first {
                    layout = .verbatim(line: anchor.line, column: anchor.column)
                } else {
                    layout = valueAnchors.isEmpty ? .unknown : .anchored(valueAnchors)
                }
                entry.forms.append((form, value, valueLine, valueColumn, layout))
            }
            value = ""
        }

        mutating func flushEntry(atEnd: Bool) throws(InputError) {
            defer { entry = Entry() }
            if entry.isEmpty { return }
            guard let msgid = entry.msgid else {
                throw fail("msgctxt without a msgid", line: lineNumber)
            }
            guard !entry.forms.isEmpty else {
                let where_ = atEnd ? "the file ends (truncated?)" : "the entry ends"
                throw fail("msgid without msgstr: \(where_)", line: entry.msgidLine)
            }
            if msgid.isEmpty && entry.context == nil {
                // The header entry.
                if !sawHeader, let header = entry.forms.first?.text { self.header = header }
                sawHeader = true
                return
            }
            let fuzzy = entry.flags.contains("fuzzy")
            let baseID = entry.context ?? "line \(entry.msgidLine)"
            let baseKey = (entry.context.map { $0 + "\u{4}" } ?? "") + msgid
            let forms = entry.forms.count == 1 ? entry.forms : entry.forms.sorted { $0.index < $1.index }
            for form in forms {
                let isPlural = entry.plural != nil
                let source = form.index == 0 || !isPlural ? msgid : (entry.plural ?? msgid)
                var unit = BilingualUnit(
                    id: isPlural ? "\(baseID)[\(form.index)]" : baseID,
                    stableKey: isPlural ? "\(baseKey)[\(form.index)]" : baseKey,
                    source: source, target: form.text, line: form.line, column: form.column,
                    notes: entry.comments, flags: entry.flags, state: fuzzy ? "fuzzy" : nil,
                    context: entry.context, targetLayout: form.layout)
                if isPlural {
                    unit.pluralForm = form.index
                    unit.pluralSource = entry.plural
                }
                units.append(unit)
            }
        }
    }
}

extension StringProtocol {
    /// Without leading and trailing spaces and tabs.
    func trimmingSpaces() -> String {
        var start = startIndex
        var end = endIndex
        while start < end && (self[start] == " " || self[start] == "\t") { start = index(after: start) }
        while end > start {
            let before = index(before: end)
            guard self[before] == " " || self[before] == "\t" else { break }
            end = before
        }
        return String(self[start..<end])
    }
}
