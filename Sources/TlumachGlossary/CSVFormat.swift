import Foundation
import TlumachCore

/// CSV and TSV glossaries: one concept per row. The header names the columns: language tags (uk, en, ru, en-GB…)
/// or language names (English, Ukrainian, Українська…) hold terms, several separated by `|`; `LANG_FIELD` columns
/// give a field of each term in the same order (`LANG_status`, `LANG_type`, `LANG_casing`, `LANG_match`, `LANG_use`,
/// `LANG_pos`, `LANG_gender`, `LANG_forms`, `LANG_precededBy`, `LANG_contextMessage`, `LANG_termNote`,
/// `LANG_alsoCommonWord`, `LANG_trigger`; an empty value is the default; lists inside one term are separated by `;`; one value for
/// all terms may be given once); optional `id`, `subject`, `definition`, `note`, `source`. CSV follows RFC 4180
/// quoting with `,` or `;` as the separator (found from the header: Excel in a Ukrainian locale writes `;`); TSV has
/// no quoting. `write` emits every field a concept uses, so native → CSV → native loses nothing; what a cell cannot
/// hold (a `|` inside a value) is listed by `losses`.
public enum GlossaryCSV {
    /// The per-term fields of `LANG_FIELD` columns, in the order written.
    enum TermField: String, CaseIterable {
        case status, type, casing, match, use, pos, gender, forms, precededBy, contextMessage, termNote, alsoCommonWord, trigger

        init?(name: String) {
            let lowered = name.lowercased().replacingOccurrences(of: "-", with: "").replacingOccurrences(of: " ", with: "")
            guard let field = TermField.allCases.first(where: { $0.rawValue.lowercased() == lowered }) else { return nil }
            self = field
        }
    }

    /// Language names accepted in a header for their tag (English and the languages' own names).
    static let languageNames: [String: String] = [
        "english": "en", "англійська": "en", "английский": "en",
        "ukrainian": "uk", "українська": "uk", "украинский": "uk",
        "russian": "ru", "російська": "ru", "русский": "ru",
        "german": "de", "deutsch": "de", "німецька": "de", "french": "fr", "français": "fr", "французька": "fr",
        "polish": "pl", "polski": "pl", "польська": "pl",
    ]

    /// The language tag a header cell names, as a tag or a language name.
    static func languageTag(_ name: String) -> String? {
        if let tag = languageNames[name.lowercased()] { return tag }
        return GlossaryYAML.isLanguageTag(name) ? name : nil
    }

    /// The separator of a CSV file: `;` when the header has more of them than commas outside quotes, else `,`.
    public static func detectSeparator(_ text: String) -> Character {
        var commas = 0, semicolons = 0, inQuotes = false
        for character in text {
            if character == "\"" { inQuotes.toggle() }
            if inQuotes { continue }
            if character == "\n" || character == "\r\n" || character == "\r" { break }
            if character == "," { commas += 1 } else if character == ";" { semicolons += 1 }
        }
        return semicolons > commas ? ";" : ","
    }

    public static func parse(_ text: String, path: String, separator: Character) throws -> [Concept] {
        let rows = try records(text, path: path, separator: separator)
        guard let (headerLine, header) = rows.first else { return [] }
        enum Column { case id, subject, definition, note, source, language(String), field(String, TermField) }
        var columns: [Column] = []
        for (index, raw) in header.enumerated() {
            let name = raw.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\u{FEFF}"))
            let lowered = name.lowercased()
            switch lowered {
            case "id": columns.append(.id)
            case "subject", "domain": columns.append(.subject)
            case "definition": columns.append(.definition)
            case "note", "notes", "comment": columns.append(.note)
            case "source": columns.append(.source)
            default:
                if let tag = languageTag(name) {
                    columns.append(.language(tag))
                    continue
                }
                // LANG_FIELD, LANG:FIELD or LANG FIELD.
                if let split = name.lastIndex(where: { $0 == "_" || $0 == ":" || $0 == " " }),
                    let tag = languageTag(String(name[..<split])), let field = TermField(name: String(name[name.index(after: split)...]))
                {
                    columns.append(.field(tag, field))
                    continue
                }
                throw InputError(
                    path: path, line: headerLine, column: index + 1,
                    message: "unknown column `\(name)` (expected language tags or names, LANG_status and other LANG_FIELD columns, id, subject, definition, note, source)")
            }
        }
        var concepts: [Concept] = []
        for (line, row) in rows.dropFirst() {
            if row.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { continue }
            var concept = Concept(id: "row\(line)")
            concept.file = path
            concept.origin = SourcePosition(line: line, column: 1, byteOffset: 0)
            var fields: [(tag: String, field: TermField, values: [String], column: Int)] = []
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
                case .field(let tag, let field):
                    // Values are checked even where the language has no terms in this row.
                    for raw in value.split(separator: "|").map({ $0.trimmingCharacters(in: .whitespaces) }) where !raw.isEmpty {
                        let valid: Bool
                        switch field {
                        case .status: valid = TermStatus(rawValue: raw.lowercased()) != nil || statusWord(raw) != nil
                        case .type: valid = TermType(rawValue: raw) != nil
                        case .casing: valid = Casing(rawValue: raw) != nil
                        case .match: valid = MatchMode(rawValue: raw) != nil
                        case .alsoCommonWord, .trigger: valid = GlossaryCSV.flag(raw) != nil
                        default: valid = true
                        }
                        if !valid {
                            throw InputError(path: path, line: line, column: index + 1, message: "`\(raw)` is not a valid \(field.rawValue)")
                        }
                    }
                    fields.append((tag, field, value.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }, index + 1))
                }
            }
            var byLanguage: [String: [TermField: ([String], Int)]] = [:]
            for entry in fields { byLanguage[entry.tag, default: [:]][entry.field] = (entry.values, entry.column) }
            for (tag, given) in byLanguage {
                guard let texts = concept.terms[tag]?.map(\.text) else { continue }
                var terms: [Term] = []
                for (position, text) in texts.enumerated() {
                    func value(_ field: TermField) -> (String, Int)? {
                        guard let (values, column) = given[field] else { return nil }
                        let chosen = values.count == 1 ? values[0] : (position < values.count ? values[position] : "")
                        return chosen.isEmpty ? nil : (chosen, column)
                    }
                    func parsed<T: RawRepresentable>(_ field: TermField, _ type: T.Type) throws -> T? where T.RawValue == String {
                        guard let (raw, column) = value(field) else { return nil }
                        if let parsed = T(rawValue: raw) { return parsed }
                        if field == .status, let status = TermStatus(rawValue: raw.lowercased()) ?? statusWord(raw) { return status as? T }
                        throw InputError(path: path, line: line, column: column, message: "`\(raw)` is not a valid \(field.rawValue)")
                    }
                    func list(_ field: TermField) -> [String] {
                        value(field).map { $0.0.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } } ?? []
                    }
                    let preceded = list(.precededBy)
                    func flag(_ field: TermField) throws -> Bool? {
                        guard let (raw, column) = value(field) else { return nil }
                        guard let flag = GlossaryCSV.flag(raw) else {
                            throw InputError(path: path, line: line, column: column, message: "`\(raw)` is not true or false")
                        }
                        return flag
                    }
                    let alsoCommon = try flag(.alsoCommonWord) ?? false
                    terms.append(
                        Term(
                            text: text, status: try parsed(.status, TermStatus.self) ?? .preferred, type: try parsed(.type, TermType.self),
                            partOfSpeech: value(.pos)?.0, gender: value(.gender)?.0, casing: try parsed(.casing, Casing.self),
                            match: try parsed(.match, MatchMode.self), use: value(.use)?.0,
                            context: preceded.isEmpty ? nil : ContextRule(precededBy: preceded, message: value(.contextMessage)?.0),
                            forms: list(.forms), note: value(.termNote)?.0, alsoCommonWord: alsoCommon,
                            trigger: try flag(.trigger)))
                }
                concept.terms[tag] = terms
            }
            if !concept.terms.isEmpty { concepts.append(concept) }
        }
        return concepts
    }

    /// The value of a term field as written in a cell ("" for the default).
    static func cellValue(_ term: Term, _ field: TermField) -> String {
        switch field {
        case .status: term.status == .preferred ? "" : term.status.rawValue
        case .type: term.type == Term.inferredType(term.text) ? "" : term.type.rawValue
        case .casing: term.casing == Term.defaultCasing(term.type) ? "" : term.casing.rawValue
        case .match: term.match == (term.type.isAbbreviation ? .exact : .inflect) ? "" : term.match.rawValue
        case .use: term.use ?? ""
        case .pos: term.partOfSpeech ?? ""
        case .gender: term.gender ?? ""
        case .forms: term.forms.joined(separator: "; ")
        case .precededBy: term.context?.precededBy.joined(separator: "; ") ?? ""
        case .contextMessage: term.context?.message ?? ""
        case .termNote: term.note ?? ""
        case .alsoCommonWord: term.alsoCommonWord ? "true" : ""
        // Three states: unset (the default rule), true, false.
        case .trigger: term.trigger.map { $0 ? "true" : "false" } ?? ""
        }
    }

    /// A true/false cell value (also yes/no, 1/0); nil for anything else.
    static func flag(_ raw: String) -> Bool? {
        switch raw.lowercased() {
        case "true", "yes", "1": true
        case "false", "no", "0": false
        default: nil
        }
    }

    /// What a CSV/TSV file cannot hold of these concepts and file header that changes what the glossary means, one
    /// line each (empty: lossless). The file's `name` and `description` (for messages and readers) are not carried
    /// either; `convert` says so without refusing.
    public static func losses(_ concepts: [Concept], info: GlossaryYAML.FileInfo) -> [String] {
        var lost: [String] = []
        if info.overlay { lost.append("the file is an overlay (overlay: true)") }
        if let profile = info.profile { lost.append("the file's profile `\(profile)`") }
        for concept in concepts {
            for (language, terms) in concept.terms {
                for term in terms {
                    if term.text.contains("|") { lost.append("\(concept.id): \(language) term “\(term.text)” contains `|`") }
                    for field in TermField.allCases {
                        let value = cellValue(term, field)
                        if value.contains("|") { lost.append("\(concept.id): \(field.rawValue) of “\(term.text)” contains `|`") }
                    }
                    for item in term.forms + (term.context?.precededBy ?? []) where item.contains(";") {
                        lost.append("\(concept.id): list item “\(item)” of “\(term.text)” contains `;`")
                    }
                }
                if terms.count > 1, terms.contains(where: { $0.text.isEmpty }) { lost.append("\(concept.id): an empty term") }
            }
        }
        return lost
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
            if inQuotes && separator != "\t" {
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
            case "\"" where separator != "\t" && field.isEmpty:
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
        // Per language, the term fields some term sets (status always, so a plain file keeps its usual shape).
        var usedFields: [String: [TermField]] = [:]
        for tag in languages {
            let terms = concepts.flatMap { $0.terms[tag] ?? [] }
            usedFields[tag] = TermField.allCases.filter { field in field == .status || terms.contains { !cellValue($0, field).isEmpty } }
        }
        var header = ["id", "subject"]
        for tag in languages { header += [tag] + (usedFields[tag] ?? []).map { "\(tag)_\($0.rawValue)" } }
        header += ["definition", "note", "source"]
        var out = header.map { cell($0, separator) }.joined(separator: String(separator)) + "\n"
        for concept in concepts {
            var cells = [concept.id, concept.subject ?? ""]
            for tag in languages {
                let terms = concept.terms[tag] ?? []
                cells.append(terms.map(\.text).joined(separator: " | "))
                for field in usedFields[tag] ?? [] {
                    let values = terms.map { field == .status ? $0.status.rawValue : cellValue($0, field) }
                    cells.append(values.allSatisfy(\.isEmpty) ? "" : values.joined(separator: " | "))
                }
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
        if value.contains(separator) || value.contains("\"") || value.contains("\n") || value.contains("\r") {
            return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return value
    }
}
