import Foundation
import TlumachCore
import TlumachFormats

/// Writes PO fills into the original bytes: the entry's msgstr lines are replaced, a `fuzzy` flag is added for
/// anything below exact (removed when an exact match replaces a fuzzy entry), and a translator comment
/// `# tlumach: …` names the match. Other entries and every other line keep their bytes.
enum POWriter {
    struct Line {
        /// Without its line break.
        var content: Range<Int>
        /// With it.
        var full: Range<Int>
        var number: Int
    }

    struct Entry {
        var lines: [Int] = []
        /// msgstr keyword line index → the lines of its value (keyword line and continuations).
        var msgstr: [(form: Int?, lines: Range<Int>)] = []
        var flagsLine: Int?
        var isHeader = false
        var hasContext = false
    }

    static func lines(_ bytes: [UInt8]) -> [Line] {
        var result: [Line] = []
        var start = ByteOrderMark.utf8Length(bytes)
        var number = 1
        while start < bytes.count {
            let newline = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
            var end = newline
            if end > start && bytes[end - 1] == 0x0D { end -= 1 }
            result.append(Line(content: start..<end, full: start..<min(bytes.count, newline + 1), number: number))
            start = newline + 1
            number += 1
        }
        return result
    }

    static func text(_ bytes: [UInt8], _ line: Line) -> String { String(decoding: bytes[line.content], as: UTF8.self) }

    static func entries(_ bytes: [UInt8], lines: [Line]) -> [Entry] {
        var entries: [Entry] = []
        var current = Entry()
        var lastKeyword: (form: Int?, start: Int)?
        var msgidEmpty = false
        func closeValue(at end: Int) {
            if let keyword = lastKeyword { current.msgstr.append((keyword.form, keyword.start..<end)) }
            lastKeyword = nil
        }
        func finish(at index: Int) {
            closeValue(at: index)
            if !current.lines.isEmpty {
                current.isHeader = msgidEmpty && !current.hasContext
                entries.append(current)
            }
            current = Entry()
            msgidEmpty = false
        }
        for (index, line) in lines.enumerated() {
            let content = text(bytes, line)
            let trimmed = content.drop(while: { $0 == " " || $0 == "\t" })
            if trimmed.isEmpty {
                finish(at: index)
                continue
            }
            current.lines.append(index)
            if trimmed.hasPrefix("\"") { continue }  // continuation of the value being read
            closeValue(at: index)
            if trimmed.hasPrefix("#,") {
                current.flagsLine = index
            } else if trimmed.hasPrefix("msgctxt") {
                current.hasContext = true
            } else if trimmed.hasPrefix("msgid_plural") {
                // nothing
            } else if trimmed.hasPrefix("msgid") {
                msgidEmpty = trimmed.hasSuffix("\"\"") && !(lines.indices.contains(index + 1)
                    && text(bytes, lines[index + 1]).drop(while: { $0 == " " }).hasPrefix("\""))
            } else if trimmed.hasPrefix("msgstr[") {
                let digits = trimmed.dropFirst(7).prefix(while: \.isNumber)
                lastKeyword = (Int(digits), index)
            } else if trimmed.hasPrefix("msgstr") {
                lastKeyword = (nil, index)
            }
        }
        finish(at: lines.count)
        return entries
    }

    /// A PO string value: one line, or gettext's layout (an empty first line, then a line per "\n") when it has
    /// line breaks before its end.
    static func quoted(_ keyword: String, _ value: String, newline: String) -> String {
        func escape(_ text: Substring) -> String {
            var result = ""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\\": result += "\\\\"
                case "\"": result += "\\\""
                case "\n": result += "\\n"
                case "\t": result += "\\t"
                case "\r": result += "\\r"
                default: result.unicodeScalars.append(scalar)
                }
            }
            return result
        }
        let inner = value.dropLast(value.hasSuffix("\n") ? 1 : 0)
        guard inner.contains("\n") else { return "\(keyword) \"\(escape(Substring(value)))\"" + newline }
        var text = "\(keyword) \"\"" + newline
        var rest = Substring(value)
        while let newlineIndex = rest.firstIndex(of: "\n") {
            text += "\"" + escape(rest[...newlineIndex]) + "\"" + newline
            rest = rest[rest.index(after: newlineIndex)...]
        }
        if !rest.isEmpty { text += "\"" + escape(rest) + "\"" + newline }
        return text
    }

    static func flags(_ line: String) -> [String] {
        line.dropFirst(2).split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// The Plural-Forms header value for a language, from Data/plural-forms.tsv.
    static func pluralForms(_ language: String) -> String? {
        guard let url = try? ResourceLocator.url(bundleName: "Tlumach_TlumachLeverage", resource: "plural-forms", extension: "tsv", subdirectory: "Data"),
            let text = try? String(contentsOf: url, encoding: .utf8)
        else { return nil }
        let primary = language.split(separator: "-").first.map { $0.lowercased() } ?? language
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let parts = line.split(separator: "\t", maxSplits: 1)
            if parts.count == 2, parts[0] == primary { return String(parts[1]) }
        }
        return nil
    }

    static func write(
        _ input: LeverageInput, fills: [Fill], targetLanguage: String, notes: inout [String]
    ) throws -> [UInt8] {
        let bytes = input.bytes
        let allLines = lines(bytes)
        let allEntries = entries(bytes, lines: allLines)
        let newline = BytePatch.lineBreak(bytes)
        // msgstr line number → (entry, value lines).
        var byLine: [Int: (entry: Int, lines: Range<Int>)] = [:]
        for (index, entry) in allEntries.enumerated() {
            for value in entry.msgstr { byLine[allLines[value.lines.lowerBound].number] = (index, value.lines) }
        }
        var patches: [BytePatch] = []
        for fill in fills {
            let unit = input.document.units[fill.unit]
            guard let located = byLine[unit.line] else {
                notes.append("\(input.path):\(unit.line): cannot locate the entry's msgstr; left as it was")
                continue
            }
            let entry = allEntries[located.entry]
            let firstLine = allLines[entry.lines[0]]
            // The translator comment goes first (replacing one an earlier run wrote).
            patches.append(BytePatch(firstLine.full.lowerBound..<firstLine.full.lowerBound, "# tlumach: \(fill.describe)" + newline))
            for index in entry.lines where text(bytes, allLines[index]).hasPrefix("# tlumach: ") {
                patches.append(BytePatch(allLines[index].full, ""))
            }
            // Flags.
            if let flagsIndex = entry.flagsLine {
                var current = flags(text(bytes, allLines[flagsIndex]))
                let had = current.contains("fuzzy")
                if fill.needsReview && !had { current.insert("fuzzy", at: 0) }
                if !fill.needsReview && had { current.removeAll { $0 == "fuzzy" } }
                if had != fill.needsReview {
                    patches.append(
                        BytePatch(allLines[flagsIndex].full, current.isEmpty ? "" : "#, " + current.joined(separator: ", ") + newline))
                }
            } else if fill.needsReview {
                let before = entry.lines.first { index in
                    let line = text(bytes, allLines[index])
                    return !line.hasPrefix("#") || line.hasPrefix("#|")
                } ?? entry.lines[0]
                let offset = allLines[before].full.lowerBound
                patches.append(BytePatch(offset..<offset, "#, fuzzy" + newline))
            }
            let keywordLine = text(bytes, allLines[located.lines.lowerBound])
            let keyword = String(keywordLine.prefix(while: { $0 != " " && $0 != "\"" }))
            let start = allLines[located.lines.lowerBound].full.lowerBound
            let end = allLines[located.lines.upperBound - 1].full.upperBound
            let endsWithBreak = end > 0 && bytes[end - 1] == 0x0A
            var value = quoted(keyword, fill.plainTarget, newline: newline)
            if !endsWithBreak { value.removeLast(newline.count) }
            patches.append(BytePatch(start..<end, value))
        }
        if input.isTemplate { patches += templatePatches(input, lines: allLines, entries: allEntries, language: targetLanguage, newline: newline) }
        return try BytePatch.apply(patches, to: bytes, path: input.path)
    }

    /// A POT becomes a PO for `language` as msginit makes one: the header names the language, its plural forms and
    /// UTF-8, loses its fuzzy flag, and plural entries get a msgstr[n] for every form.
    static func templatePatches(
        _ input: LeverageInput, lines: [Line], entries: [Entry], language: String, newline: String
    ) -> [BytePatch] {
        let bytes = input.bytes
        var patches: [BytePatch] = []
        let plural = pluralForms(language)
        let count = plural.flatMap { value -> Int? in
            guard let range = value.range(of: "nplurals=") else { return nil }
            return Int(value[range.upperBound...].prefix(while: \.isNumber))
        }
        for entry in entries {
            if entry.isHeader {
                if let flagsIndex = entry.flagsLine {
                    let current = flags(text(bytes, lines[flagsIndex])).filter { $0 != "fuzzy" }
                    patches.append(BytePatch(lines[flagsIndex].full, current.isEmpty ? "" : "#, " + current.joined(separator: ", ") + newline))
                }
                var sawLanguage = false
                for index in entry.lines {
                    let line = text(bytes, lines[index])
                    if line.hasPrefix("\"Language:") {
                        sawLanguage = true
                        patches.append(BytePatch(lines[index].content, "\"Language: \(language)\\n\""))
                    } else if line.hasPrefix("\"Plural-Forms:"), let plural {
                        patches.append(BytePatch(lines[index].content, "\"Plural-Forms: \(plural)\\n\""))
                    } else if line.contains("charset=CHARSET") {
                        patches.append(BytePatch(lines[index].content, line.replacingOccurrences(of: "charset=CHARSET", with: "charset=UTF-8")))
                    }
                }
                if !sawLanguage, let last = entry.lines.last {
                    let offset = lines[last].full.upperBound
                    let needsBreak = offset > 0 && bytes[offset - 1] != 0x0A
                    patches.append(BytePatch(offset..<offset, (needsBreak ? newline : "") + "\"Language: \(language)\\n\"" + newline))
                }
                continue
            }
            guard let count, let last = entry.msgstr.last, let form = last.form, form + 1 < count else { continue }
            let offset = lines[last.lines.upperBound - 1].full.upperBound
            let needsBreak = offset > 0 && bytes[offset - 1] != 0x0A
            var text = needsBreak ? newline : ""
            for extra in (form + 1)..<count { text += "msgstr[\(extra)] \"\"" + newline }
            patches.append(BytePatch(offset..<offset, text))
        }
        return patches
    }
}
