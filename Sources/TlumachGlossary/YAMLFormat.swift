import Foundation
import TlumachCore
import Yams

/// The native format: one YAML file per domain (see docs/glossary-format.md). Every error names the file, line
/// and column; unknown fields are errors (a typo such as `stauts:` must not be silently ignored).
public enum GlossaryYAML {
    /// A glossary file's own header fields.
    public struct FileInfo: Sendable, Equatable {
        public var name: String?
        public var description: String?
        public var source: String?
        /// An overlay amends concepts defined in other files (house style) instead of defining new ones.
        public var overlay: Bool
        /// A file with a profile is read only when that profile is chosen (`--profile`, or `glossaries: {profiles:}`
        /// in `.tlumach.yml`): a house style is switched on by name, not by a file's presence.
        public var profile: String?
        public init(name: String? = nil, description: String? = nil, source: String? = nil, overlay: Bool = false, profile: String? = nil) {
            self.profile = profile
            self.name = name
            self.description = description
            self.source = source
            self.overlay = overlay
        }
    }

    static let fileFields: Set<String> = ["name", "description", "source", "overlay", "profile", "languages", "concepts"]
    static let conceptFields: Set<String> = ["id", "subject", "definition", "note", "source", "terms"]
    static let termFields: Set<String> = [
        "text", "status", "type", "pos", "gender", "casing", "match", "use", "context", "forms", "note", "alsoCommonWord", "trigger",
    ]

    /// Parses a YAML glossary. `path` names the file in errors.
    public static func parse(_ text: String, path: String) throws -> (FileInfo, [Concept]) {
        try parse(text, path: path, unknownField: nil)
    }

    /// As `parse`, but an unknown field is passed to `unknownField` and skipped instead of failing (for lint).
    public static func parse(
        _ text: String, path: String, unknownField: ((InputError) -> Void)?
    ) throws -> (FileInfo, [Concept]) {

        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw inputError(error, path: path)
        }
        guard let root else { return (FileInfo(), []) }
        guard let mapping = root.mapping else {
            throw failure(path, root, "a glossary file is a mapping with a `concepts:` list")
        }
        var info = FileInfo()
        var concepts: [Concept] = []
        var seen: [String: Int] = [:]
        for (key, value) in mapping {
            let field = key.string ?? ""
            switch field {
            case "name": info.name = try string(value, path)
            case "description": info.description = try string(value, path)
            case "source": info.source = try string(value, path)
            case "overlay": info.overlay = try bool(value, path)
            case "profile": info.profile = try string(value, path)
            case "languages": _ = try strings(value, path)
            case "concepts":
                guard let list = value.sequence else {
                    if value.scalar?.string == "" || value.tag.rawValue.hasSuffix("null") { continue }
                    throw failure(path, value, "`concepts` must be a list")
                }
                for node in list {
                    var concept = try parseConcept(node, path: path, unknownField: unknownField)
                    if concept.source == nil { concept.source = info.source }
                    if let line = seen[concept.id] {
                        throw failure(path, node, "duplicate concept id `\(concept.id)` (first at line \(line))")
                    }
                    seen[concept.id] = concept.origin?.line ?? 0
                    concepts.append(concept)
                }
            default:
                try unknown(failure(path, key, "unknown field `\(field)` (expected one of \(fileFields.sorted().joined(separator: ", ")))"), unknownField)
            }
        }
        return (info, concepts)
    }

    static func parseConcept(_ node: Node, path: String, unknownField: ((InputError) -> Void)?) throws -> Concept {
        guard let mapping = node.mapping else { throw failure(path, node, "a concept is a mapping with `id` and `terms`") }
        var concept = Concept(id: "")
        concept.file = path
        if let mark = node.mark { concept.origin = SourcePosition(line: mark.line, column: mark.column, byteOffset: 0) }
        var hasTerms = false
        for (key, value) in mapping {
            let field = key.string ?? ""
            switch field {
            case "id": concept.id = try string(value, path)
            case "subject": concept.subject = try string(value, path)
            case "definition": concept.definition = try string(value, path)
            case "note": concept.note = try string(value, path)
            case "source": concept.source = try string(value, path)
            case "terms":
                hasTerms = true
                guard let languages = value.mapping else {
                    throw failure(path, value, "`terms` maps language tags (uk, en, ru…) to lists of terms")
                }
                for (languageNode, list) in languages {
                    let language = try string(languageNode, path)
                    guard isLanguageTag(language) else {
                        throw failure(path, languageNode, "`\(language)` is not a BCP 47 language tag")
                    }
                    let items: [Node] = list.sequence.map { Array($0) } ?? [list]
                    var terms: [Term] = []
                    for item in items { terms.append(try parseTerm(item, path: path, unknownField: unknownField)) }
                    concept.terms[language] = terms
                }
            default:
                try unknown(failure(path, key, "unknown concept field `\(field)` (expected one of \(conceptFields.sorted().joined(separator: ", ")))"), unknownField)
            }
        }
        if concept.id.isEmpty { throw failure(path, node, "concept without an `id`") }
        if !hasTerms { throw failure(path, node, "concept `\(concept.id)` has no `terms`") }
        return concept
    }

    static func parseTerm(_ node: Node, path: String, unknownField: ((InputError) -> Void)?) throws -> Term {
        if let scalar = node.scalar {
            guard !scalar.string.isEmpty else { throw failure(path, node, "empty term") }
            return Term(text: scalar.string)
        }
        guard let mapping = node.mapping else { throw failure(path, node, "a term is a string or a mapping with `text`") }
        var text: String?
        var status = TermStatus.preferred
        var type: TermType?
        var casing: Casing?
        var match: MatchMode?
        var pos: String?, gender: String?, use: String?, note: String?
        var context: ContextRule?
        var forms: [String] = []
        var alsoCommonWord = false
        var trigger: Bool?
        for (key, value) in mapping {
            let field = key.string ?? ""
            switch field {
            case "text": text = try string(value, path)
            case "alsoCommonWord": alsoCommonWord = try bool(value, path)
            case "trigger": trigger = try bool(value, path)
            case "status": status = try enumValue(value, path, field)
            case "type": type = try enumValue(value, path, field)
            case "casing": casing = try enumValue(value, path, field)
            case "match": match = try enumValue(value, path, field)
            case "pos": pos = try string(value, path)
            case "gender": gender = try string(value, path)
            case "use": use = try string(value, path)
            case "note": note = try string(value, path)
            case "forms": forms = try strings(value, path)
            case "context":
                guard let rule = value.mapping else { throw failure(path, value, "`context` is a mapping: {precededBy: [...]}") }
                var preceded: [String] = []
                var message: String?
                for (ruleKey, ruleValue) in rule {
                    switch ruleKey.string ?? "" {
                    case "precededBy": preceded = try strings(ruleValue, path)
                    case "message": message = try string(ruleValue, path)
                    default: try unknown(failure(path, ruleKey, "unknown context field `\(ruleKey.string ?? "")` (expected precededBy, message)"), unknownField)
                    }
                }
                if preceded.isEmpty { throw failure(path, value, "`context.precededBy` needs at least one entry") }
                context = ContextRule(precededBy: preceded, message: message)
            default:
                try unknown(failure(path, key, "unknown term field `\(field)` (expected one of \(termFields.sorted().joined(separator: ", ")))"), unknownField)
            }
        }
        guard let text, !text.isEmpty else { throw failure(path, node, "term without `text`") }
        return Term(
            text: text, status: status, type: type, partOfSpeech: pos, gender: gender, casing: casing, match: match,
            use: use, context: context, forms: forms, note: note, alsoCommonWord: alsoCommonWord, trigger: trigger)
    }

    // MARK: Writing

    /// Writes concepts as a native YAML file; reading it back gives the same concepts.
    public static func write(_ concepts: [Concept], info: FileInfo = FileInfo()) -> String {
        var out = ""
        if let name = info.name { out += "name: \(quoted(name))\n" }
        if let description = info.description { out += "description: \(quoted(description))\n" }
        if let source = info.source { out += "source: \(quoted(source))\n" }
        if info.overlay { out += "overlay: true\n" }
        if let profile = info.profile { out += "profile: \(quoted(profile))\n" }
        out += concepts.isEmpty ? "concepts: []\n" : "concepts:\n"
        for concept in concepts {
            out += "  - id: \(quoted(concept.id))\n"
            if let subject = concept.subject { out += "    subject: \(quoted(subject))\n" }
            if let definition = concept.definition { out += "    definition: \(quoted(definition))\n" }
            if let note = concept.note { out += "    note: \(quoted(note))\n" }
            if let source = concept.source { out += "    source: \(quoted(source))\n" }
            out += "    terms:\n"
            for language in concept.languages {
                out += "      \(quoted(language)):\n"
                for term in concept.terms[language] ?? [] { out += writeTerm(term) }
            }
        }
        return out
    }

    static func writeTerm(_ term: Term) -> String {
        let plain = Term(text: term.text)
        if term == plain { return "        - \(quoted(term.text))\n" }
        var out = "        - text: \(quoted(term.text))\n"
        func field(_ name: String, _ value: String?) {
            if let value { out += "          \(name): \(quoted(value))\n" }
        }
        if term.status != .preferred { field("status", term.status.rawValue) }
        if term.type != plain.type { field("type", term.type.rawValue) }
        field("pos", term.partOfSpeech)
        field("gender", term.gender)
        if term.casing != Term.defaultCasing(term.type) { field("casing", term.casing.rawValue) }
        if term.match != (term.type.isAbbreviation ? .exact : .inflect) { field("match", term.match.rawValue) }
        field("use", term.use)
        if !term.forms.isEmpty { out += "          forms: [\(term.forms.map(quoted).joined(separator: ", "))]\n" }
        if let context = term.context {
            out += "          context:\n            precededBy: [\(context.precededBy.map(quoted).joined(separator: ", "))]\n"
            if let message = context.message { out += "            message: \(quoted(message))\n" }
        }
        field("note", term.note)
        if term.alsoCommonWord { out += "          alsoCommonWord: true\n" }
        if let trigger = term.trigger { out += "          trigger: \(trigger)\n" }
        return out
    }

    /// A YAML scalar: plain when unambiguous, double-quoted otherwise.
    static func quoted(_ text: String) -> String {
        let reserved: Set<String> = ["true", "false", "yes", "no", "on", "off", "null", "~", "y", "n"]
        let safe = !text.isEmpty && !reserved.contains(text.lowercased())
            && text.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || $0.properties.numericType != nil || " -’'.()".unicodeScalars.contains($0) }
            && text.first.map { !" -'.(".contains($0) && !$0.isNumber } ?? false
            && text.last != " "
        if safe { return text }
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 { out += String(format: "\\x%02X", scalar.value) } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }

    // MARK: Helpers

    /// Unknown fields fail a load; lint collects them through `handler` instead.
    static func unknown(_ error: InputError, _ handler: ((InputError) -> Void)?) throws {
        guard let handler else { throw error }
        handler(error)
    }

    static func isLanguageTag(_ tag: String) -> Bool {
        let parts = tag.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (2...3).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLetter }) else { return false }
        return parts.dropFirst().allSatisfy { (1...8).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }
    }

    static func string(_ node: Node, _ path: String) throws -> String {
        guard let scalar = node.scalar else { throw failure(path, node, "expected a text value") }
        return scalar.string
    }

    static func bool(_ node: Node, _ path: String) throws -> Bool {
        switch node.scalar?.string.lowercased() {
        case "true", "yes": return true
        case "false", "no": return false
        default: throw failure(path, node, "expected true or false")
        }
    }

    static func strings(_ node: Node, _ path: String) throws -> [String] {
        if let scalar = node.scalar { return [scalar.string] }
        guard let list = node.sequence else { throw failure(path, node, "expected a list of texts") }
        return try list.map { try string($0, path) }
    }

    static func enumValue<T: RawRepresentable & CaseIterable>(_ node: Node, _ path: String, _ field: String) throws -> T
    where T.RawValue == String {
        let raw = try string(node, path)
        guard let value = T(rawValue: raw) else {
            throw failure(path, node, "`\(raw)` is not a valid \(field) (expected \(T.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        return value
    }

    static func failure(_ path: String, _ node: Node, _ message: String) -> InputError {
        InputError(path: path, line: node.mark?.line, column: node.mark?.column, message: message)
    }

    static func inputError(_ error: YamlError, path: String) -> InputError {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
            .composer(_, let problem, let mark, _):
            return InputError(path: path, line: mark.line, column: mark.column, message: "invalid YAML: \(problem)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            return InputError(
                path: path, line: context.mark.line, column: context.mark.column,
                message: "duplicate key \(duplicates.joined(separator: ", "))")
        case .reader(let problem, let offset, _, _):
            return InputError(path: path, byteOffset: offset, message: "invalid YAML: \(problem)")
        default:
            return InputError(path: path, message: "invalid YAML: \(error)")
        }
    }
}
