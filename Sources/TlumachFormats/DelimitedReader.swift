import TlumachCore

/// TSV and CSV with a header row naming the columns `id` (optional), `source`, `target` and optionally `note`
/// and `context` (any case). Languages may head the columns instead (`en`, `uk`): the first language column is
/// the source. Fields may be quoted with `"` (doubled inside) and then span lines. Without an id column the
/// unit id is the row's line number.
public enum DelimitedReader {
    public static func parse(_ text: String, path: String, separator: Character) throws(InputError) -> BilingualDocument {
        let rows = try records(text, path: path, separator: separator)
        let format: BilingualFormat = separator == "\t" ? .tsv : .csv
        guard let header = rows.first else { return BilingualDocument(path: path, format: format) }
        let names = header.fields.map { $0.trimmingSpaces().lowercased() }
        var sourceColumn = names.firstIndex(of: "source")
        var targetColumn = names.firstIndex(of: "target")
        var sourceLanguage: String?
        var targetLanguage: String?
        if sourceColumn == nil && targetColumn == nil {
            // Columns headed by language codes.
            let languageColumns = names.indices.filter { Self.looksLikeLanguage(names[$0]) }
            if languageColumns.count >= 2 {
                sourceColumn = languageColumns[0]
                targetColumn = languageColumns[1]
                sourceLanguage = header.fields[languageColumns[0]].trimmingSpaces()
                targetLanguage = header.fields[languageColumns[1]].trimmingSpaces()
            }
        }
        guard let sourceColumn, let targetColumn else {
            throw InputError(
                path: path, line: header.line,
                message: "the header must name the columns source and target (and optionally id, note, context)")
        }
        let idColumn = names.firstIndex(of: "id")
        let noteColumn = names.firstIndex(of: "note") ?? names.firstIndex(of: "notes") ?? names.firstIndex(of: "comment")
        let contextColumn = names.firstIndex(of: "context")
        var units: [BilingualUnit] = []
        units.reserveCapacity(rows.count)
        for row in rows.dropFirst() {
            if row.fields.count == 1 && row.fields[0].isEmpty { continue }  // blank line
            guard row.fields.count > max(sourceColumn, targetColumn) else {
                throw InputError(
                    path: path, line: row.line,
                    message: "row has \(row.fields.count) fields; the header names \(names.count)")
            }
            func field(_ column: Int?) -> String? {
                guard let column, column < row.fields.count else { return nil }
                return row.fields[column]
            }
            let givenID = field(idColumn).flatMap { $0.isEmpty ? nil : $0 }
            let id = givenID ?? "row \(row.line)"
            let note = field(noteColumn)
            let target = row.fields[targetColumn]
            units.append(
                BilingualUnit(
                    id: id, stableKey: givenID ?? row.fields[sourceColumn], source: row.fields[sourceColumn],
                    target: target, line: row.line, column: row.targetColumns[targetColumn],
                    notes: note.map { [$0] } ?? [], context: field(contextColumn),
                    targetLayout: row.layouts[targetColumn]))
        }
        return BilingualDocument(
            path: path, format: format, sourceLanguage: sourceLanguage, targetLanguage: targetLanguage, units: units)
    }

    package static func looksLikeLanguage(_ name: String) -> Bool {
        let primary = name.split(separator: "-").first.map(String.init) ?? name
        return (2...3).contains(primary.count) && primary.allSatisfy { $0.isLetter && $0.isASCII }
            && !["id", "note"].contains(primary)
    }

    struct Record {
        var fields: [String]
        var line: Int
        /// The 1-based UTF-16 column where each field starts on the record's first line.
        var targetColumns: [Int]
        /// Where each field's text stands (after an opening quote; doubled quotes and line breaks inside quotes
        /// start new anchors), so a finding can point at a word inside it.
        var layouts: [TextLayout]
    }

    static func records(_ text: String, path: String, separator: Character) throws(InputError) -> [Record] {
        var records: [Record] = []
        var fields: [String] = []
        var columns: [Int] = []
        var layouts: [TextLayout] = []
        var field = ""
        var fieldUTF16 = 0
        var anchors: [TextAnchor] = []
        var line = 1
        var recordLine = 1
        var column = 1
        var fieldColumn = 1
        var inQuotes = false
        var quotedFieldStarted = false
        var quoteLine = 0
        var atFieldStart = true
        var iterator = text.makeIterator()
        var pending: Character?
        func next() -> Character? {
            if let character = pending {
                pending = nil
                return character
            }
            return iterator.next()
        }
        while let character = next() {
            let width = character.utf16.count
            if inQuotes {
                if character == "\"" {
                    if let following = next() {
                        if following == "\"" {
                            field.append("\"")
                            fieldUTF16 += 1
                            column += 2
                            anchors.append(TextAnchor(offset: fieldUTF16, line: line, column: column))
                            continue
                        }
                        pending = following
                    }
                    inQuotes = false
                    column += 1
                    // Anything after the closing quote (lenient CSV) continues the field from here.
                    anchors.append(TextAnchor(offset: fieldUTF16, line: line, column: column))
                    continue
                }
                field.append(character)
                fieldUTF16 += width
                if character == "\n" || character == "\r\n" {
                    line += 1
                    column = 1
                    anchors.append(TextAnchor(offset: fieldUTF16, line: line, column: column))
                } else {
                    column += width
                }
                continue
            }
            if character == separator {
                fields.append(field)
                columns.append(fieldColumn)
                layouts.append(layout(anchors, fieldColumn: fieldColumn, line: line))
                field = ""
                fieldUTF16 = 0
                anchors = []
                column += width
                fieldColumn = column
                atFieldStart = true
                quotedFieldStarted = false
                continue
            }
            if character == "\n" || character == "\r\n" {
                fields.append(field)
                columns.append(fieldColumn)
                layouts.append(layout(anchors, fieldColumn: fieldColumn, line: line))
                records.append(Record(fields: fields, line: recordLine, targetColumns: columns, layouts: layouts))
                fields = []
                columns = []
                layouts = []
                field = ""
                fieldUTF16 = 0
                anchors = []
                line += 1
                recordLine = line
                column = 1
                fieldColumn = 1
                atFieldStart = true
                quotedFieldStarted = false
                continue
            }
            if character == "\"" && atFieldStart && !quotedFieldStarted {
                inQuotes = true
                quotedFieldStarted = true
                quoteLine = line
                atFieldStart = false
                column += 1
                anchors = [TextAnchor(offset: 0, line: line, column: column)]
                continue
            }
            atFieldStart = false
            field.append(character)
            fieldUTF16 += width
            column += width
        }
        if inQuotes {
            throw InputError(path: path, line: quoteLine, message: "unterminated quoted field (truncated file?)")
        }
        if !field.isEmpty || !fields.isEmpty {
            fields.append(field)
            columns.append(fieldColumn)
            layouts.append(layout(anchors, fieldColumn: fieldColumn, line: line))
            records.append(Record(fields: fields, line: recordLine, targetColumns: columns, layouts: layouts))
        }
        return records
    }

    /// A field's layout: an unquoted field stands verbatim where it starts (on the current line: it cannot span
    /// lines); a quoted one from its anchors.
    private static func layout(_ anchors: [TextAnchor], fieldColumn: Int, line: Int) -> TextLayout {
        anchors.isEmpty ? .verbatim(line: line, column: fieldColumn) : .anchored(anchors)
    }
}

/// A source text and its translation as two plain files, paired paragraph by paragraph (paragraphs are separated
/// by blank lines). Two texts without a blank line and with as many lines each, several, are a CMS export's one
/// paragraph a line (the normaliser reads such a text line by line too): their lines pair. Findings point into the
/// target file; a paragraph without a partner is a unit with an empty side, so the difference in count is
/// reported rather than silently mispaired further down.
public enum TextPairReader {
    public static func read(sourcePath: String, targetPath: String) throws(InputError) -> BilingualDocument {
        let source = try TextFile.read(sourcePath)
        let target = try TextFile.read(targetPath)
        return pair(source: source, target: target, targetPath: targetPath)
    }

    public static func pair(source: String, target: String, targetPath: String) -> BilingualDocument {
        var sourceParagraphs = paragraphs(source)
        var targetParagraphs = paragraphs(target)
        if sourceParagraphs.count == 1, targetParagraphs.count == 1 {
            // (A hard-wrapped paragraph has no blank line either, but its translation seldom wraps into as many lines.)
            let sourceLines = lines(of: sourceParagraphs[0])
            let targetLines = lines(of: targetParagraphs[0])
            if sourceLines.count > 1 && sourceLines.count == targetLines.count {
                sourceParagraphs = sourceLines
                targetParagraphs = targetLines
            }
        }
        var units: [BilingualUnit] = []
        for index in 0..<max(sourceParagraphs.count, targetParagraphs.count) {
            let sourceParagraph = index < sourceParagraphs.count ? sourceParagraphs[index] : nil
            let targetParagraph = index < targetParagraphs.count ? targetParagraphs[index] : nil
            units.append(
                BilingualUnit(
                    id: "paragraph \(index + 1)", source: sourceParagraph?.text ?? "",
                    target: targetParagraph?.text ?? "",
                    line: targetParagraph?.line ?? (targetParagraphs.last.map { $0.line } ?? 1), column: 1,
                    targetLayout: targetParagraph.map { layout(of: $0.text, line: $0.line) } ?? .unknown))
        }
        return BilingualDocument(path: targetPath, format: .text, units: units)
    }

    /// A paragraph's lines stand verbatim from column 1 of consecutive lines (a dropped CR ends a line).
    static func layout(of paragraph: String, line: Int) -> TextLayout {
        var anchors = [TextAnchor(offset: 0, line: line, column: 1)]
        var offset = 0
        for unit in paragraph.utf16 {
            offset += 1
            if unit == 0x0A { anchors.append(TextAnchor(offset: offset, line: line + anchors.count, column: 1)) }
        }
        return anchors.count == 1 ? .verbatim(line: line, column: 1) : .anchored(anchors)
    }

    /// A paragraph's lines, each with its own line number.
    static func lines(of paragraph: (text: String, line: Int)) -> [(text: String, line: Int)] {
        paragraph.text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map {
            (String($0.element), paragraph.line + $0.offset)
        }
    }

    /// Paragraphs with the line each starts on; inner line breaks are kept.
    public static func paragraphs(_ text: String) -> [(text: String, line: Int)] {
        var result: [(String, Int)] = []
        var current: [Substring] = []
        var startLine = 1
        var lineNumber = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            if line.allSatisfy({ $0 == " " || $0 == "\t" }) {
                if !current.isEmpty { result.append((current.joined(separator: "\n"), startLine)) }
                current = []
            } else {
                if current.isEmpty { startLine = lineNumber }
                current.append(line)
            }
        }
        if !current.isEmpty { result.append((current.joined(separator: "\n"), startLine)) }
        return result
    }
}
