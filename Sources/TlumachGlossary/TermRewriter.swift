import TlumachText

/// The glossary's rules for `tlumach normalize --fix-terms`, plugged into the normaliser's extension point:
/// `forbidden-terms` replaces deprecated and forbidden terms by the preferred one keeping the case pattern
/// (Kiev → Kyiv, KIEV → KYIV), `term-casing` applies casing rules (kyiv → Kyiv; Russia → russia under the house
/// style). Idempotent: its own output contains nothing it would rewrite. Findings with no safe rewrite (an
/// inflected do-not-use form, a missing "so-called") are not rewrites: `TermFixer.fixes(in:)` reports them.
public struct TermRewriter: ParagraphRewriter {
    public static let forbiddenTermsRule = "forbidden-terms"
    public static let casingRule = "term-casing"

    public let matcher: TermMatcher

    public init(matcher: TermMatcher) {
        self.matcher = matcher
    }

    public var ruleNames: [String] { [TermRewriter.forbiddenTermsRule, TermRewriter.casingRule] }

    public func rewrites(in paragraph: ParagraphContext) -> [ParagraphRewrite] {
        let fixer = TermFixer(matcher: matcher, language: paragraph.language.rawValue)
        return fixer.fixes(in: paragraph.text).compactMap { fix in
            guard let replacement = fix.replacement, replacement != fix.original else { return nil }
            switch fix.reason {
            case .doNotUse:
                return ParagraphRewrite(utf8Range: fix.utf8Range, replacement: replacement, rule: TermRewriter.forbiddenTermsRule)
            case .casing:
                return ParagraphRewrite(utf8Range: fix.utf8Range, replacement: replacement, rule: TermRewriter.casingRule)
            case .context:
                return nil
            }
        }
    }
}
