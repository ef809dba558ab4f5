import TlumachCore

/// CSV and TSV glossaries: one concept per row. The header names the columns: language tags (uk, en, ru, en-GB…)
/// hold terms, several separated by `|`; optional `LANG_status` columns give each term's status in the same order
/// (one status applies to all); optional `id`, `subject`, `definition`, `note`, `source`. CSV follows RFC 4180
/// quoting; TSV has no quoting. Casing, match mode and other native details are not kept (use YAML or TBX).
public enum GlossaryCSV {
    public static func parse(_ text: String, path: String, separator: Character) throws -> [Concept] {
        let rows = try records(text, path: path, separator: separator)
        guard let (headerLine, header) = rows.first else { return [] }
        enum Column { case id, subject, definition, note, source, language(String), status(String) }
        var columns: [Column] = []
        for (index, raw) in header.enumerated() {
            let name = raw.trimmingCharacters(in: .whitespaces)
            let lowered = name.lowercased()
            switch lowered {
            case "id": columns.append(.id)
            case "subject", "domain": columns.append(.subject)
            case "definition": columns.append(.definition)
            case "note", "notes", "comment": columns.append(.note)
            case "source": columns.append(.source)
            default:
                if let range = lowered.range(of: "_status") ?? lowered.range(of: ":status") ?? lowered.range(of: " status"),
                    range.upperBound == lowered.endIndex
                {
                    columns.append(.status(String(name[..<range.lowerBound])))
                } else if GlossaryYAML.isLanguageTag(name) {
                    columns.append(.language(name))
                } else {
                    throw InputError(path: path, line: headerLine, column: index + 1, message: "unknown column `\(name)` (expected language tags, LANG_status, id, subject, definition, note, source)")
                }
            }
        }
        var concepts: [Concept] = []
        for (line, row) in rows.dropFirst() {
            if row.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { continue }
            var concept = Concept(id: "row\(line)")
            concept.file = path
            concept.origin = SourcePosition(line: line, column: 1, byteOffset: 0)
            var statuses: [String: [TermStatus]] = [:]
            for (index, cell) in row.enumerated() {
                guard index < columns.count else {
                    throw InputError(path: path, line: line, column: index + 1, message: "more cells than header columns")
                }
                let value = cell.trimmingCharacters(in: .whitespaces)
                if value.isEmpty { continue }
                switch columns[index] {
                case .id: concept.id = value
                case .subject: concept.subject = value
                case .definition: concept.definition = value
                case .note: concept.note = value
                case .source: concept.source = value
                case .language(let tag):
                    concept.terms[tag] = split(value).map { Term(text: $0) }
                case .status(let tag):
                    statuses[tag] = try split(value).map { word in
                        guard let status = TermStatus(rawValue: word.lowercased()) ?? statusWord(word) else {
                            throw InputError(path: path, line: line, column: index + 1, message: "`\(word)` is not a status (preferred, admitted, deprecated, forbidden)")
                        }
                        return status
                    }
                }
            }
            for (tag, list) in statuses {
                guard var terms = concept.terms[tag] else { continue }
                for index in terms.indices {
                    let status = list.count == 1 ? list[0] : (index < list.count ? list[index] : .preferred)
                    terms[index] = Term(text: terms[index].text, status: status)
                }
                concept.terms[tag] = terms
            }
            if !concept.terms.isEmpty { concepts.append(concept) }
        }
        return concepts
    }

    static func statusWord(_ word: String) -> TermStatus? {
        switch word.lowercased() {
        case "superseded", "obsolete": .deprecated
        case "do not use", "banned": .forbidden
        default: nil
        }
    }

    static func split(_ cell: String) -> [String] {
        cell.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// Rows with the 1-based line each starts on.
    static func records(_ text: String, path: String, separator: Character) throws -> [(Int, [String])] {
        var rows: [(Int, [String])] = []
        var row: [String] = []
        var field = ""
        var inQuotes = false
        var line = 1
        var rowLine = 1
        var quoteLine = 1
        var iterator = text.makeIterator()
        var pending: Character? = nil
        func next() -> Character? {
            if let character = pending { pending = nil; return character }
            return iterator.next()
        }
        while let character = next() {
            if inQuotes && separator == "," {
                if character == "\"" {
                    if let following = next() {
                        if following == "\"" { field.append("\"") } else { inQuotes = false; pending = following }
                    } else {
                        inQuotes = false
                    }
                } else {
                    if character == "\n" || character == "\r\n" { line += 1 }
                    field.append(character)
                }
                continue
            }
            switch character {
            case "\"" where separator == "," && field.isEmpty:
                inQuotes = true
                quoteLine = line
            case separator:
                row.append(field)
                field = ""
            case "\n", "\r\n", "\r":
                row.append(field)
                rows.append((rowLine, row))
                row = []
                field = ""
                line += 1
                rowLine = line
            default:
                field.append(character)
            }
        }
        if inQuotes { throw InputError(path: path, line: quoteLine, message: "unterminated quoted field") }
        if !field.isEmpty || !row.isEmpty {
            row.append(field)
            rows.append((rowLine, row))
        }
        return rows
    }

    public static func write(_ concepts: [Concept], separator: Character) -> String {
        let languages = Glossary(concepts: concepts).languages
        var header = ["id", "subject"]
        for tag in languages { header += [tag, "\(tag)_status"] }
        header += ["definition", "note", "source"]
        var out = header.map { cell($0, separator) }.joined(separator: String(separator)) + "\n"
        for concept in concepts {
            var cells = [concept.id, concept.subject ?? ""]
            for tag in languages {
                let terms = concept.terms[tag] ?? []
                cells.append(terms.map(\.text).joined(separator: " | "))
                cells.append(terms.map(\.status.rawValue).joined(separator: " | "))
            }
            cells += [concept.definition ?? "", concept.note ?? "", concept.source ?? ""]
            out += cells.map { cell($0, separator) }.joined(separator: String(separator)) + "\n"
        }
        return out
    }

    static func cell(_ value: String, _ separator: Character) -> String {
        if separator == "\t" {
            return value.replacingOccurrences(of: "\t", with: " ").replacingOccurrences(of: "\n", with: " ")
        }
        if value.contains(",") || value.contains("\"") || value.contains("\n") {
            return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return value
    }
}
