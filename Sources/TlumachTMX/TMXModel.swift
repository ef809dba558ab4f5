import TlumachCore

/// The TMX 1.4b data model, kept lossless: every attribute, note, prop and inline code of a file survives a
/// read → write → read round trip, and whitespace inside segments, notes and props is kept exactly.

/// A note or a prop, in the order they appear (TMX allows them interleaved).
public enum TMXAnnotation: Sendable, Hashable {
    case note(TMXNote)
    case prop(TMXProp)
}

/// `<note>`: free text; attributes `xml:lang`, `o-encoding` kept as they are.
public struct TMXNote: Sendable, Hashable {
    public var text: String
    public var attributes: [String: String]

    public init(text: String, attributes: [String: String] = [:]) {
        self.text = text
        self.attributes = attributes
    }
}

/// `<prop type="...">`: typed free text.
public struct TMXProp: Sendable, Hashable {
    public var type: String
    public var text: String
    /// Attributes other than `type` (`xml:lang`, `o-encoding`).
    public var attributes: [String: String]

    public init(type: String, text: String, attributes: [String: String] = [:]) {
        self.type = type
        self.text = text
        self.attributes = attributes
    }
}

/// Content of a segment or of an inline element: text and inline elements in order.
public enum TMXInline: Sendable, Hashable {
    case text(String)
    case element(TMXInlineElement)
}

/// An inline element of a segment: `bpt`, `ept`, `it`, `ph`, `hi`, `ut` or `sub` (any other element name found in a
/// segment is kept under its own name too, so nothing is dropped).
public struct TMXInlineElement: Sendable, Hashable {
    public var name: String
    public var attributes: [String: String]
    public var children: [TMXInline]

    public init(name: String, attributes: [String: String] = [:], children: [TMXInline] = []) {
        self.name = name
        self.attributes = attributes
        self.children = children
    }

    /// The element names TMX 1.4b defines inside `<seg>`.
    public static let knownNames: Set<String> = ["bpt", "ept", "it", "ph", "hi", "ut", "sub"]

    /// True for native codes (`bpt`, `ept`, `it`, `ph`, `ut` and unknown elements): their content is markup, not
    /// running text.
    public var isCode: Bool { name != "hi" && name != "sub" }
}

/// `<seg>`: the text of one language variant with its inline codes.
public struct TMXSegment: Sendable, Hashable {
    public var content: [TMXInline]

    public init(_ content: [TMXInline] = []) {
        self.content = content
    }

    public init(text: String) {
        self.content = text.isEmpty ? [] : [.text(text)]
    }

    /// The running text a reader sees: text and highlighted (`hi`) text, without native codes or sub-flows.
    public var plainText: String {
        var result = ""
        func visit(_ items: [TMXInline]) {
            for item in items {
                switch item {
                case .text(let text): result += text
                case .element(let element) where element.name == "hi": visit(element.children)
                case .element: break
                }
            }
        }
        visit(content)
        return result
    }

    /// Native codes in the segment (bpt, ept, it, ph, ut and unknown elements), outermost only, in order.
    public var codes: [TMXInlineElement] {
        var result: [TMXInlineElement] = []
        func visit(_ items: [TMXInline]) {
            for case .element(let element) in items {
                if element.name == "hi" { visit(element.children) } else if element.isCode { result.append(element) }
            }
        }
        visit(content)
        return result
    }
}

/// `<tuv>`: one language of a translation unit.
public struct TMXVariant: Sendable, Hashable {
    /// The language (`xml:lang`, or `lang` in TMX 1.1 files).
    public var language: String
    /// Attributes other than the language (`o-encoding`, `datatype`, `usagecount`, `creationdate`, …).
    public var attributes: [String: String]
    public var annotations: [TMXAnnotation]
    public var segment: TMXSegment

    public init(
        language: String, segment: TMXSegment, attributes: [String: String] = [:], annotations: [TMXAnnotation] = []
    ) {
        self.language = language
        self.segment = segment
        self.attributes = attributes
        self.annotations = annotations
    }

    public var notes: [TMXNote] { annotations.compactMap { if case .note(let n) = $0 { n } else { nil } } }
    public var props: [TMXProp] { annotations.compactMap { if case .prop(let p) = $0 { p } else { nil } } }
}

/// `<tu>`: a translation unit with every language it carries.
public struct TMXUnit: Sendable, Hashable {
    /// All attributes of `<tu>`: tuid, creationdate, creationid, changedate, changeid, usagecount, srclang, ….
    public var attributes: [String: String]
    public var annotations: [TMXAnnotation]
    public var variants: [TMXVariant]

    public init(attributes: [String: String] = [:], annotations: [TMXAnnotation] = [], variants: [TMXVariant] = []) {
        self.attributes = attributes
        self.annotations = annotations
        self.variants = variants
    }

    public var tuid: String? {
        get { attributes["tuid"] }
        set { attributes["tuid"] = newValue }
    }
    public var creationDate: String? { attributes["creationdate"] }
    public var changeDate: String? { attributes["changedate"] }
    /// The later of changedate and creationdate (TMX dates `YYYYMMDDThhmmssZ` sort as text).
    public var latestDate: String? { [changeDate, creationDate].compactMap { $0 }.max() }

    public var notes: [TMXNote] { annotations.compactMap { if case .note(let n) = $0 { n } else { nil } } }
    public var props: [TMXProp] { annotations.compactMap { if case .prop(let p) = $0 { p } else { nil } } }

    /// The variant for `language`: an exact (case-insensitive) tag match first, else the first variant whose
    /// primary language subtag matches ("en" finds "en-GB", "en-US" finds "en" or "en-GB").
    public func variant(for language: String) -> TMXVariant? {
        variantIndex(for: language).map { variants[$0] }
    }

    public func variantIndex(for language: String) -> Int? {
        let wanted = language.lowercased()
        if let exact = variants.firstIndex(where: { $0.language.lowercased() == wanted }) { return exact }
        let primary = LanguageTag.primary(wanted)
        return variants.firstIndex { LanguageTag.primary($0.language) == primary }
    }
}

/// Language tag helpers.
public enum TMXLanguage {
    /// True when two tags name the same language (same primary subtag).
    public static func matches(_ a: String, _ b: String) -> Bool { LanguageTag.primary(a) == LanguageTag.primary(b) }

    /// The `srclang` value for a memory usable in every direction.
    public static let all = "*all*"
}

/// `<ude>` in the header: a user-defined encoding with its `<map>` entries.
public struct TMXUserDefinedEncoding: Sendable, Hashable {
    public var attributes: [String: String]
    public var maps: [[String: String]]

    public init(attributes: [String: String], maps: [[String: String]] = []) {
        self.attributes = attributes
        self.maps = maps
    }
}

/// `<header>`.
public struct TMXHeader: Sendable, Hashable {
    /// creationtool, creationtoolversion, segtype, o-tmf, adminlang, srclang, datatype, and any others.
    public var attributes: [String: String]
    public var annotations: [TMXAnnotation]
    public var userDefinedEncodings: [TMXUserDefinedEncoding]

    public init(
        attributes: [String: String] = [:], annotations: [TMXAnnotation] = [],
        userDefinedEncodings: [TMXUserDefinedEncoding] = []
    ) {
        self.attributes = attributes
        self.annotations = annotations
        self.userDefinedEncodings = userDefinedEncodings
    }

    /// A header with the attributes TMX 1.4b requires.
    public static func tlumach(sourceLanguage: String, version: String = TlumachVersion.current) -> TMXHeader {
        TMXHeader(attributes: [
            "creationtool": "Tlumach", "creationtoolversion": version, "segtype": "sentence",
            "o-tmf": "Tlumach", "adminlang": "en", "srclang": sourceLanguage, "datatype": "plaintext",
        ])
    }

    public var sourceLanguage: String? { attributes["srclang"] }
    public var notes: [TMXNote] { annotations.compactMap { if case .note(let n) = $0 { n } else { nil } } }
    public var props: [TMXProp] { annotations.compactMap { if case .prop(let p) = $0 { p } else { nil } } }
}

/// A whole TMX file in memory (for small files; large ones stream through `TMXReader.read`).
public struct TMXDocument: Sendable, Hashable {
    /// The `version` attribute of `<tmx>` ("1.4", "1.1").
    public var version: String
    public var header: TMXHeader
    public var units: [TMXUnit]

    public init(version: String = "1.4", header: TMXHeader, units: [TMXUnit]) {
        self.version = version
        self.header = header
        self.units = units
    }
}
