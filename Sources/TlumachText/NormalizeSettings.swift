/// The `normalize` section of `.tlumach.yml`; command-line flags override each field.
///
/// ```yaml
/// normalize:
///   lang: auto          # uk | en | ru | auto (per paragraph)
///   apostrophe: U+2019  # or U+02BC
///   englishDash: closed # or spaced
///   disable: [dashes, no-break-space]
/// ```
public struct NormalizeSettings: Decodable, Sendable, Equatable {
    public var lang: LanguageChoice?
    public var apostrophe: ApostropheStyle?
    public var englishDash: EnglishDashStyle?
    /// Rule names: built-in (`NormalizationRule`) or a rewriter's.
    public var disable: [String]?

    /// The keys the section may have (anything else is reported as a typo).
    public static let keys: Set<String> = ["lang", "apostrophe", "englishDash", "disable"]

    public init(
        lang: LanguageChoice? = nil, apostrophe: ApostropheStyle? = nil, englishDash: EnglishDashStyle? = nil,
        disable: [String]? = nil
    ) {
        self.lang = lang
        self.apostrophe = apostrophe
        self.englishDash = englishDash
        self.disable = disable
    }

    /// Fields set in `overrides` win over these.
    public func merged(with overrides: NormalizeSettings) -> NormalizeSettings {
        NormalizeSettings(
            lang: overrides.lang ?? lang, apostrophe: overrides.apostrophe ?? apostrophe,
            englishDash: overrides.englishDash ?? englishDash, disable: overrides.disable ?? disable)
    }

    /// Normaliser options from these settings. Unknown rule names are an error naming the known ones.
    public func options(rewriters: [any ParagraphRewriter] = []) throws(UnknownRuleError) -> NormalizerOptions {
        var disabled: Set<NormalizationRule> = []
        var disabledRewriter: Set<String> = []
        let rewriterNames = Set(rewriters.flatMap(\.ruleNames))
        for name in disable ?? [] {
            if let rule = NormalizationRule(rawValue: name) {
                disabled.insert(rule)
            } else if rewriterNames.contains(name) {
                disabledRewriter.insert(name)
            } else {
                throw UnknownRuleError(name: name, known: NormalizationRule.allCases.map(\.rawValue) + rewriterNames.sorted())
            }
        }
        return NormalizerOptions(
            language: (lang ?? .auto).language, apostrophe: apostrophe ?? .rightSingleQuotationMark,
            englishDash: englishDash ?? .closed, disabled: disabled, rewriters: rewriters,
            disabledRewriterRules: disabledRewriter)
    }
}

public struct UnknownRuleError: Error, CustomStringConvertible, Sendable {
    public var name: String
    public var known: [String]
    public var description: String { "unknown rule '\(name)' (rules: \(known.joined(separator: ", ")))" }
}

/// A language setting: one language for every paragraph, or detection per paragraph.
public enum LanguageChoice: String, Sendable, Hashable, CaseIterable, Codable {
    case uk, en, ru, auto

    public var language: Language? {
        switch self {
        case .uk: .uk
        case .en: .en
        case .ru: .ru
        case .auto: nil
        }
    }
}

extension ApostropheStyle {
    /// Accepts the same spellings as `init(argument:)` in configuration files.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let style = ApostropheStyle(argument: text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "apostrophe must be U+2019 (’) or U+02BC (ʼ), not '\(text)'")
        }
        self = style
    }
}
