import Foundation
import TlumachCore
import TlumachXML

/// TBX import and export, v2 (`martif` / `termEntry` / `langSet` / `tig`, also `ntig`/`termGrp`) and v3 (ISO
/// 30042:2019: `tbx` / `conceptEntry` / `langSec` / `termSec`), read through the hardened `SafeXMLReader`.
///
/// administrativeStatus (or normativeAuthorization) maps to status: preferred/standardized → preferred, admitted →
/// admitted, deprecated and superseded → deprecated (do not use); the literal words forbidden and obsolete are
/// read too. termType maps to type; partOfSpeech `properNoun` without a termType reads as a proper noun. What TBX
/// has no category for (forbidden, casing, match mode, replacement, context rule, extra forms) is written as
/// `x-tlumach-…` termNotes, so native → TBX → native loses nothing.
public enum GlossaryTBX {
    public static func read(path: String) throws -> [Concept] {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw InputError(path: path, message: "cannot read file: \(error.localizedDescription)")
        }
        return try read(data: data, name: path)
    }

    /// A term being read: its text and the notes seen so far.
    private struct PendingTerm {
        var text = ""
        var notes: [(type: String, value: String)] = []
        var note: String?
        var line = 0
        var column = 0
    }

    public static func read(data: Data, name: String) throws -> [Concept] {
        var concepts: [Concept] = []
        var concept: Concept?
        var language: String?
        var pending: PendingTerm?
        var buffer = ""
        var collecting = false
        var noteType: String?  // type attribute of the descrip/termNote/admin being read
        var sawRoot = false
        var autoID = 0

        func finishTerm() throws {
            guard var term = pending, var current = concept, let language else { return }
            pending = nil
            term.text = term.text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !term.text.isEmpty else {
                throw InputError(path: name, line: term.line, column: term.column, message: "empty <term>")
            }
            current.terms[language, default: []].append(try makeTerm(term.text, notes: term.notes, note: term.note, name: name, line: term.line))
            concept = current
        }

        try SafeXMLReader.parse(data: data, name: name) { event, line, column in
            switch event {
            case .start(let rawName, let attributes):
                let element = rawName.split(separator: ":").last.map(String.init) ?? rawName
                if !sawRoot {
                    sawRoot = true
                    guard element == "martif" || element == "tbx" else {
                        throw InputError(path: name, line: line, column: column, message: "not a TBX file: the root element is <\(rawName)>, expected <martif> (TBX v2) or <tbx> (TBX v3)")
                    }
                }
                switch element {
                case "termEntry", "conceptEntry":
                    autoID += 1
                    var fresh = Concept(id: attributes["id"] ?? "c\(autoID)")
                    fresh.file = name
                    fresh.origin = SourcePosition(line: line, column: column, byteOffset: 0)
                    concept = fresh
                case "langSet", "langSec":
                    language = attributes["xml:lang"] ?? attributes["lang"]
                    if language == nil {
                        throw InputError(path: name, line: line, column: column, message: "<\(rawName)> without xml:lang")
                    }
                case "tig", "ntig", "termSec":
                    pending = PendingTerm(line: line, column: column)
                case "term", "termNote", "descrip", "note", "admin":
                    buffer = ""
                    collecting = true
                    noteType = attributes["type"]
                default:
                    break
                }
            case .text(let text):
                if collecting { buffer += text }
            case .end(let rawName):
                let element = rawName.split(separator: ":").last.map(String.init) ?? rawName
                let value = buffer.trimmingCharacters(in: .whitespacesAndNewlines)
                switch element {
                case "term":
                    if pending == nil { pending = PendingTerm(line: line, column: column) }
                    pending?.text = buffer
                case "termNote":
                    if let type = noteType { pending?.notes.append((type, value)) }
                case "note":
                    if pending != nil { pending?.note = value } else { concept?.note = value }
                case "descrip":
                    switch noteType {
                    case "definition": concept?.definition = value
                    case "subjectField": concept?.subject = value
                    default: break
                    }
                case "admin":
                    if noteType == "source" { concept?.source = value }
                case "tig", "ntig", "termSec":
                    try finishTerm()
                case "langSet", "langSec":
                    try finishTerm()
                    language = nil
                case "termEntry", "conceptEntry":
                    if let finished = concept, !finished.terms.isEmpty { concepts.append(finished) }
                    concept = nil
                default:
                    break
                }
                if ["term", "termNote", "descrip", "note", "admin"].contains(element) { collecting = false }
            }
        }
        return concepts
    }

    static func makeTerm(_ text: String, notes: [(type: String, value: String)], note: String?, name: String, line: Int) throws -> Term {
        var status = TermStatus.preferred
        var type: TermType?
        var pos: String?
        var gender: String?
        var casing: Casing?
        var match: MatchMode?
        var use: String?
        var forms: [String] = []
        var alsoCommonWord = false
        var trigger: Bool?
        var preceded: [String] = []
        var contextMessage: String?
        var explicitType: TermType?
        for (kind, value) in notes {
            switch kind {
            case "administrativeStatus", "normativeAuthorization":
                status = statusFromTBX(value)
            case "termType":
                type = TermType(rawValue: value) ?? (value == "phrase" ? .phrase : .variant)
            case "partOfSpeech":
                pos = value
            case "grammaticalGender":
                gender = value
            case "x-tlumach-status":
                status = TermStatus(rawValue: value) ?? status
            case "x-tlumach-termType":
                explicitType = TermType(rawValue: value)
            case "x-tlumach-casing":
                casing = Casing(rawValue: value)
            case "x-tlumach-match":
                match = MatchMode(rawValue: value)
            case "x-tlumach-use":
                use = value
            case "x-tlumach-form":
                forms.append(value)
            case "x-tlumach-alsoCommonWord":
                alsoCommonWord = value == "true"
            case "x-tlumach-trigger":
                trigger = value == "true"
            case "x-tlumach-precededBy":
                preceded.append(value)
            case "x-tlumach-contextMessage":
                contextMessage = value
            default:
                break
            }
        }
        if let explicitType {
            type = explicitType
            if pos == "properNoun" && explicitType == .properNoun { pos = nil }
        } else if type == nil && pos == "properNoun" {
            type = .properNoun
            pos = nil
        }
        return Term(
            text: text, status: status, type: type, partOfSpeech: pos, gender: gender, casing: casing, match: match,
            use: use, context: preceded.isEmpty ? nil : ContextRule(precededBy: preceded, message: contextMessage),
            forms: forms, note: note, alsoCommonWord: alsoCommonWord, trigger: trigger)
    }

    static func statusFromTBX(_ value: String) -> TermStatus {
        let lowered = value.lowercased()
        if lowered.hasPrefix("preferred") || lowered.hasPrefix("standardized") || lowered.hasPrefix("legal") || lowered.hasPrefix("regulated") { return .preferred }
        if lowered.hasPrefix("admitted") { return .admitted }
        if lowered.hasPrefix("deprecated") || lowered.hasPrefix("superseded") || lowered.hasPrefix("obsolete") { return .deprecated }
        if lowered.hasPrefix("forbidden") { return .forbidden }
        return .admitted
    }

    static func statusToTBX(_ status: TermStatus) -> String {
        switch status {
        case .preferred: "preferredTerm-admn-sts"
        case .admitted: "admittedTerm-admn-sts"
        case .deprecated, .forbidden: "deprecatedTerm-admn-sts"
        }
    }

    // MARK: Writing

    public static func writeV2(_ concepts: [Concept]) -> String {
        write(concepts, root: "<martif type=\"TBX-Basic\" xml:lang=\"en\">", header: "martifHeader", rootEnd: "</martif>",
              entry: "termEntry", language: "langSet", term: "tig")
    }

    public static func writeV3(_ concepts: [Concept]) -> String {
        write(concepts, root: "<tbx type=\"TBX-Basic\" style=\"dca\" xml:lang=\"en\" xmlns=\"urn:iso:std:iso:30042:ed-2\">",
              header: "tbxHeader", rootEnd: "</tbx>", entry: "conceptEntry", language: "langSec", term: "termSec")
    }

    static func write(
        _ concepts: [Concept], root: String, header: String, rootEnd: String, entry: String, language: String, term: String
    ) -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\(root)\n"
        out += "  <\(header)><fileDesc><sourceDesc><p>Written by Tlumach</p></sourceDesc></fileDesc></\(header)>\n"
        out += "  <text>\n    <body>\n"
        func element(_ indent: String, _ name: String, _ type: String?, _ value: String?) {
            guard let value else { return }
            let typeAttribute = type.map { " type=\"\(xmlEscaped($0, attribute: true))\"" } ?? ""
            out += "\(indent)<\(name)\(typeAttribute)>\(xmlEscaped(value))</\(name)>\n"
        }
        for concept in concepts {
            out += "      <\(entry) id=\"\(xmlEscaped(concept.id, attribute: true))\">\n"
            element("        ", "descrip", "subjectField", concept.subject)
            element("        ", "descrip", "definition", concept.definition)
            element("        ", "admin", "source", concept.source)
            element("        ", "note", nil, concept.note)
            for tag in concept.languages {
                out += "        <\(language) xml:lang=\"\(xmlEscaped(tag, attribute: true))\">\n"
                for item in concept.terms[tag] ?? [] {
                    let i = "            "
                    out += "          <\(term)>\n"
                    element(i, "term", nil, item.text)
                    element(i, "termNote", "administrativeStatus", statusToTBX(item.status))
                    if item.status == .forbidden { element(i, "termNote", "x-tlumach-status", "forbidden") }
                    switch item.type {
                    case .properNoun:
                        element(i, "termNote", "x-tlumach-termType", "properNoun")
                        if item.partOfSpeech == nil { element(i, "termNote", "partOfSpeech", "properNoun") }
                    default:
                        element(i, "termNote", "termType", item.type.rawValue)
                    }
                    element(i, "termNote", "partOfSpeech", item.partOfSpeech)
                    element(i, "termNote", "grammaticalGender", item.gender)
                    if item.casing != Term.defaultCasing(item.type) { element(i, "termNote", "x-tlumach-casing", item.casing.rawValue) }
                    if item.match != (item.type.isAbbreviation ? .exact : .inflect) { element(i, "termNote", "x-tlumach-match", item.match.rawValue) }
                    element(i, "termNote", "x-tlumach-use", item.use)
                    for form in item.forms { element(i, "termNote", "x-tlumach-form", form) }
                    if item.alsoCommonWord { element(i, "termNote", "x-tlumach-alsoCommonWord", "true") }
                    if let trigger = item.trigger { element(i, "termNote", "x-tlumach-trigger", "\(trigger)") }
                    for preceded in item.context?.precededBy ?? [] { element(i, "termNote", "x-tlumach-precededBy", preceded) }
                    element(i, "termNote", "x-tlumach-contextMessage", item.context?.message)
                    element(i, "note", nil, item.note)
                    out += "          </\(term)>\n"
                }
                out += "        </\(language)>\n"
            }
            out += "      </\(entry)>\n"
        }
        out += "    </body>\n  </text>\n\(rootEnd)\n"
        return out
    }
}
