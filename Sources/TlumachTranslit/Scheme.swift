import Foundation
import ICU
import TlumachCore

/// A transliteration scheme Tlumach ships. Each is ICU transform rules: a data file in Schemes/ or, for `ruBGN`,
/// ICU's own transform.
public enum TransliterationScheme: String, CaseIterable, Sendable, CustomStringConvertible {
    /// Ukraine's national system (Cabinet of Ministers Resolution No. 55, 27 January 2010; BGN/PCGN 2019, UNGEGN).
    case kmu2010
    /// Russian, BGN/PCGN (ICU's Russian-Latin/BGN).
    case ruBGN = "ru-bgn"
    /// Russian as English-language news spells it: Sergei, Dmitry, Shoigu; no diacritics or apostrophes.
    case ruSimple = "ru-simple"
    /// ISO 9:1995, the scholarly one-to-one system for Cyrillic.
    case iso9

    /// The name users type (`--scheme kmu2010`).
    public var name: String { rawValue }
    public var description: String { rawValue }

    /// One line for `--list`.
    public var summary: String {
        switch self {
        case .kmu2010:
            return "Ukrainian, national system (KMU Resolution No. 55 of 2010; BGN/PCGN 2019): Київ Kyiv, Андрій Andrii"
        case .ruBGN:
            return "Russian, BGN/PCGN (ICU Russian-Latin/BGN): Сергей Sergey, Щукин Shchukin"
        case .ruSimple:
            return "Russian, English news spelling, no diacritics: Сергей Sergei, Дмитрий Dmitry, Шойгу Shoigu"
        case .iso9:
            return "ISO 9:1995 scholarly one-to-one (Ukrainian and Russian): Київ Kiïv, Щука Ŝuka"
        }
    }

    /// Looks a scheme up by the name users type; case-insensitive.
    public init?(name: String) {
        guard let scheme = TransliterationScheme(rawValue: name.lowercased()) else { return nil }
        self = scheme
    }

    /// `name  summary` lines, one per scheme.
    public static var listing: String {
        let width = allCases.map(\.name.count).max() ?? 0
        return allCases.map { $0.name.padding(toLength: width + 2, withPad: " ", startingAt: 0) + $0.summary }
            .joined(separator: "\n")
    }

    /// The ICU rules text shipped for this scheme (nil for a scheme that is one of ICU's own transforms). Throws
    /// `InputError` when the rules file is not installed (the binary was copied without its `*.resources` folders).
    public func rulesText() throws -> String? {
        guard let url = try rulesFileURL() else { return nil }
        return try String(contentsOf: url, encoding: .utf8)
    }

    /// Where the scheme's rules file is installed (nil for ICU's own transforms); `InputError` when it is missing.
    func rulesFileURL() throws(InputError) -> URL? {
        guard let file = rulesFileName else { return nil }
        return try ResourceLocator.url(
            bundleName: "Tlumach_TlumachTranslit", resource: file, extension: "txt", subdirectory: "Schemes")
    }

    var rulesFileName: String? {
        switch self {
        case .kmu2010: return "kmu2010"
        case .ruSimple: return "ru-simple"
        case .iso9: return "iso9"
        case .ruBGN: return nil
        }
    }

    /// ICU's own transform ID for schemes that use one.
    var icuID: String? { self == .ruBGN ? "Russian-Latin/BGN" : nil }

    /// Compiles the scheme's ICU transliterator (about a millisecond for the rule files).
    func makeICUTransliterator() throws -> ICU.Transliterator {
        if let icuID { return try ICU.Transliterator(id: icuID) }
        guard let rules = try rulesText() else { throw TransliterationError.missingRules(scheme: self) }
        return try ICU.Transliterator(rules: rules, id: "Tlumach-\(rawValue)")
    }
}

/// Failures of the transliteration module itself (not of the user's input).
public enum TransliterationError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The package's rule file for the scheme is missing from the bundle.
    case missingRules(scheme: TransliterationScheme)
    /// Input bytes are not UTF-8; the offset is 0-based.
    case invalidUTF8(byteOffset: Int)

    public var description: String {
        switch self {
        case .missingRules(let scheme): return "the rules for scheme \(scheme.name) are missing from the bundle"
        case .invalidUTF8(let offset): return "invalid UTF-8 at byte \(offset)"
        }
    }
}
