import TlumachCore

/// Gettext PO: msgctxt, msgid, msgid_plural, msgstr / msgstr[n], flags (`#, fuzzy, c-format`), translator (`# `)
/// and extracted (`#.`) comments, references (`#:`), multi-line strings and C escapes. The header entry gives the
/// target language (`Language:`); obsolete entries (`#~`) are skipped. A plural entry yields one unit per form:
/// form 0 pairs with msgid, the others with msgid_plural (ids end in `[n]`).
public enum POReader {
    public static func parse(_ text: String, path: String) throws(InputError) -> BilingualDocument {
        var parser = Parser(path: path)
        var text = text
        var failure: InputError?
        text.withUTF8 { bytes in
            do throws(InputError) { try parser.run(bytes) } catch { failure = error }
        }
        if let failure { throw failure }
        return BilingualDocument(
            path: path, format: .po, sourceLanguage: parser.sourceLanguage, targetLanguage: parser.targetLanguage,
            units: parser.units)
    }

    private enum Keyword { case msgctxt, msgid, msgidPlural, msgstr(Int) }

    private struct Entry {
        var comments: [String] = []
        var flags: [String] = []
        var context: String?
        var msgid: String?
        var msgidLine = 0
        var plural: String?
        var forms: [(index: Int, text: String, line: Int, column: Int)] = []
        var isEmpty: Bool { msgid == nil && context == nil && forms.isEmpty && plural == nil }
    }

    private struct Parser {
        let path: String
        var units: [BilingualUnit] = []
        var sourceLanguage: String?
        var targetLanguage: String?
        var entry = Entry()
        var keyword: Keyword?
        /// The string being accumulated for `keyword`, and where it started.
        var value = ""
        var valueLine = 0
        var valueColumn = 0
        var lineNumber = 0
        var sawHeader = false

        init(path: String) { self.path = path }

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
                value += try quoted(line, from: index)
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
            valueColumn = LineIndex.utf16Length(ArraySlice(line[0..<quote])) + 1
            value = try quoted(line, from: quote)
        }

        /// Decodes one `"…"` string with C escapes; nothing but spaces may follow it.
        func quoted(_ line: UnsafeBufferPointer<UInt8>, from start: Int) throws(InputError) -> String {
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
                    return String(decoding: bytes, as: UTF8.self)
                }
                if byte == UInt8(ascii: "\\") {
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
                        bytes.append(UInt8(truncatingIfNeeded: code))
                        continue
                    case UInt8(ascii: "x"):
                        var code = 0
                        var digits = 0
                        index += 1
                        while index < line.count, let digit = hexValue(line[index]) {
                            code = code * 16 + digit
                            index += 1
                            digits += 1
                        }
                        guard digits > 0 else {
                            throw fail("\\x without hex digits", line: lineNumber, column: index)
                        }
                        bytes.append(UInt8(truncatingIfNeeded: code))
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
                entry.forms.append((form, value, valueLine, valueColumn))
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
                if !sawHeader, let header = entry.forms.first?.text { readHeader(header) }
                sawHeader = true
                return
            }
            let fuzzy = entry.flags.contains("fuzzy")
            let baseID = entry.context ?? "line \(entry.msgidLine)"
            let baseKey = (entry.context.map { $0 + "\u{4}" } ?? "") + msgid
            let forms = entry.forms.sorted { $0.index < $1.index }
            for form in forms {
                let isPlural = entry.plural != nil
                let source = form.index == 0 || !isPlural ? msgid : (entry.plural ?? msgid)
                units.append(
                    BilingualUnit(
                        id: isPlural ? "\(baseID)[\(form.index)]" : baseID,
                        stableKey: isPlural ? "\(baseKey)[\(form.index)]" : baseKey,
                        source: source, target: form.text, line: form.line, column: form.column,
                        notes: entry.comments, flags: entry.flags, state: fuzzy ? "fuzzy" : nil,
                        context: entry.context))
            }
        }

        mutating func readHeader(_ header: String) {
            for line in header.split(separator: "\n") {
                if line.hasPrefix("Language:") {
                    let language = line.dropFirst(9).trimmingSpaces()
                    if !language.isEmpty { targetLanguage = language }
                } else if line.hasPrefix("X-Source-Language:") {
                    let language = line.dropFirst(18).trimmingSpaces()
                    if !language.isEmpty { sourceLanguage = language }
                }
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
