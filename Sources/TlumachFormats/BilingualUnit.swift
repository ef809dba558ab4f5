import TlumachCore

/// An inline code inside a segment (XLIFF `<x/>`, `<g>`, `<ph>`, `<pc>`, TMX `<bpt>`…): markup the translator
/// must carry over. Codes are compared by `key` (kind and id), shown by `display`.
public struct InlineCode: Sendable, Hashable {
    /// Element name plus its role: "x", "g-open", "g-close", "ph", "bpt", "ept", "pc-open", "sc", "ec"…
    public var kind: String
    /// The `id` (or `startRef`/`i` for closing codes); empty when the file gives none.
    public var id: String
    /// UTF-16 offset in the segment's plain text where the code stands.
    public var offset: Int

    public init(kind: String, id: String, offset: Int) {
        self.kind = kind
        self.id = id
        self.offset = offset
    }

    /// What must match between source and target.
    public var key: String { id.isEmpty ? kind : "\(kind)#\(id)" }
    /// How a finding shows the code: `<x id="1"/>`.
    public var display: String {
        switch kind {
        case let kind where kind.hasSuffix("-open"): "<\(kind.dropLast(5))\(id.isEmpty ? "" : " id=\"\(id)\"")>"
        case let kind where kind.hasSuffix("-close"): "</\(kind.dropLast(6))>"
        default: "<\(kind)\(id.isEmpty ? "" : " id=\"\(id)\"")/>"
        }
    }
}

/// Where stretches of a target's text stand in its file, so a finding can point at a word inside the target.
public enum TextLayout: Sendable, Hashable {
    /// Only the unit's `line`/`column` is known.
    case unknown
    /// The text stands verbatim (no escapes, one line) from this line and column (UTF-16, 1-based).
    case verbatim(line: Int, column: Int)
    /// From each anchor's UTF-16 offset of the text on, the text runs verbatim from its line and column (up to the
    /// next anchor): continuation lines and escapes start new anchors.
    case anchored([TextAnchor])

    /// The file position of a UTF-16 offset of the text, when known.
    public func position(utf16Offset offset: Int) -> (line: Int, column: Int)? {
        switch self {
        case .unknown: return nil
        case .verbatim(let line, let column): return (line, column + offset)
        case .anchored(let anchors):
            // Anchors are in offset order: binary search for the last one at or before `offset` (a text with
            // thousands of lines and a finding on each stays linear overall).
            var low = 0
            var high = anchors.count
            while low < high {
                let middle = (low + high) / 2
                if anchors[middle].offset <= offset { low = middle + 1 } else { high = middle }
            }
            guard low > 0 else { return nil }
            let anchor = anchors[low - 1]
            return (anchor.line, anchor.column + offset - anchor.offset)
        }
    }
}

/// A UTF-16 offset of a text and the file line and column where the text from there on stands.
public struct TextAnchor: Sendable, Hashable {
    public var offset: Int
    public var line: Int
    public var column: Int

    public init(offset: Int, line: Int, column: Int) {
        self.offset = offset
        self.line = line
        self.column = column
    }
}

/// One translation unit of a bilingual file: a source text, its translation, and where it stands.
///
/// Texts are plain: inline codes are taken out of `source`/`target` and listed in `sourceCodes`/`targetCodes`
/// (with their offsets), and PO escapes are decoded. `line`/`column` point at the target (or at the unit when
/// there is no target), 1-based, columns in UTF-16 code units.
public struct BilingualUnit: Sendable, Hashable {
    /// The id a user sees: XLIFF/TMX id, PO msgctxt (else "line N" of the msgid), TSV id column (else the row).
    public var id: String
    /// A key that survives lines moving (baselines use it): the id when the file gives one, else the source text.
    public var stableKey: String
    public var source: String
    /// nil when the file has no target at all; "" when it is empty.
    public var target: String?
    public var sourceCodes: [InlineCode]
    public var targetCodes: [InlineCode]
    public var line: Int
    public var column: Int
    /// XLIFF notes, PO translator and extracted comments: where `tlumach:disable=…` lives.
    public var notes: [String]
    /// PO flags (fuzzy, c-format…).
    public var flags: [String]
    /// XLIFF state, or "fuzzy" for PO entries flagged fuzzy.
    public var state: String?
    /// A disambiguating context (PO msgctxt): units with the same source but different contexts may differ.
    public var context: String?
    /// The plural form (PO msgstr[n]) this unit is, nil when the entry has no plural.
    public var pluralForm: Int?
    /// The entry's plural source (PO msgid_plural) for every one of its forms, nil when it has no plural: a
    /// singular that says "one" in words ("One file") leaves the count to it.
    public var pluralSource: String?

    /// States that mean the translator has not finished the unit: PO fuzzy, XLIFF 1.2 new and needs-*, XLIFF 2.0
    /// initial.
    public var isUnfinished: Bool {
        guard let state else { return false }
        return state == "fuzzy" || state == "new" || state == "initial" || state.hasPrefix("needs-")
    }
    /// Where the target's words stand in the file (PO and XLIFF know; other formats give only the target's start).
    public var targetLayout: TextLayout = .unknown

    public init(
        id: String, stableKey: String? = nil, source: String, target: String?, sourceCodes: [InlineCode] = [],
        targetCodes: [InlineCode] = [], line: Int = 1, column: Int = 1, notes: [String] = [], flags: [String] = [],
        state: String? = nil, context: String? = nil, targetLayout: TextLayout = .unknown
    ) {
        self.targetLayout = targetLayout
        self.id = id
        self.stableKey = stableKey ?? id
        self.source = source
        self.target = target
        self.sourceCodes = sourceCodes
        self.targetCodes = targetCodes
        self.line = line
        self.column = column
        self.notes = notes
        self.flags = flags
        self.state = state
        self.context = context
    }
}

/// The bilingual file formats Tlumach reads.
public enum BilingualFormat: String, Sendable, CaseIterable {
    case xliff, po, tmx, tsv, csv, text

    /// The format a file name implies, or nil.
    public init?(path: String) {
        let lower = path.lowercased()
        guard let dot = lower.lastIndex(of: ".") else { return nil }
        switch lower[lower.index(after: dot)...] {
        case "xlf", "xliff", "sdlxliff", "mxliff": self = .xliff
        case "po", "pot": self = .po
        case "tmx": self = .tmx
        case "tsv", "tab": self = .tsv
        case "csv": self = .csv
        default: return nil
        }
    }
}

/// A bilingual file read into units.
public struct BilingualDocument: Sendable {
    /// The path findings name (for a text pair, the target file).
    public var path: String
    public var format: BilingualFormat
    /// Languages the file declares (BCP 47 as written), if any.
    public var sourceLanguage: String?
    public var targetLanguage: String?
    public var units: [BilingualUnit]

    public init(
        path: String, format: BilingualFormat, sourceLanguage: String? = nil, targetLanguage: String? = nil,
        units: [BilingualUnit] = []
    ) {
        self.path = path
        self.format = format
        self.sourceLanguage = sourceLanguage
        self.targetLanguage = targetLanguage
        self.units = units
    }
}

/// Reads any supported bilingual file, choosing the reader by extension.
public enum BilingualReader {
    /// Reads `path`; the format comes from the extension unless given. Unreadable, malformed, truncated or
    /// hostile input throws `InputError` naming the file and line. The language hints choose the sides of
    /// multilingual files (TMX); other formats declare their own or take them from the caller later.
    public static func read(
        _ path: String, format: BilingualFormat? = nil, sourceLanguage: String? = nil, targetLanguage: String? = nil
    ) throws -> BilingualDocument {
        guard let format = format ?? BilingualFormat(path: path) else {
            throw InputError(path: path, message: "unknown bilingual format (expected .xlf, .xliff, .po, .tmx, .tsv or .csv)")
        }
        switch format {
        case .xliff: return try XLIFFReader.read(path: path)
        case .po: return try POReader.read(path: path)
        case .tsv: return try DelimitedReader.parse(TextFile.read(path), path: path, separator: "\t")
        case .csv: return try DelimitedReader.parse(TextFile.read(path), path: path, separator: ",")
        case .tmx: return try TMXAdapter.read(path: path, sourceLanguage: sourceLanguage, targetLanguage: targetLanguage)
        case .text:
            throw InputError(path: path, message: "plain texts are read in pairs (--source and --target)")
        }
    }
}
