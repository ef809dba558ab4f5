/// A rewrite of a glossary term in text: a do-not-use term replaced by the preferred one (Kiev → Kyiv, KIEV →
/// KYIV), a casing rule applied (kyiv → Kyiv; Russia → russia under the house style), or a finding with no safe
/// automatic fix (an inflected deprecated form, a missing "so-called").
public struct TermFix: Sendable, Hashable {
    public enum Reason: String, Sendable, Hashable {
        /// A deprecated or forbidden term.
        case doNotUse = "do-not-use-term"
        /// The term's casing rule.
        case casing = "term-casing"
        /// The term's context rule (reported, never rewritten).
        case context = "term-context"
    }

    public var reason: Reason
    public var conceptID: String
    /// Range in UTF-16 code units, and in UTF-8 bytes, of the original text.
    public var range: Range<Int>
    public var utf8Range: Range<Int>
    public var original: String
    /// nil when there is no safe rewrite.
    public var replacement: String?
    public var message: String
}

/// The `--fix-terms` rule of `tlumach normalize`, as a library type the normaliser calls: finds terms that should
/// be rewritten and rewrites them keeping the case pattern of the text.
public struct TermFixer: Sendable {
    public let matcher: TermMatcher
    public let language: String?

    public init(matcher: TermMatcher, language: String? = nil) {
        self.matcher = matcher
        self.language = language
    }

    public init(glossary: Glossary, language: String? = nil) throws {
        self.init(matcher: try TermMatcher(glossary: glossary), language: language)
    }

    /// Every rewrite (or unfixable finding) in `text`, in text order.
    public func fixes(in text: String) -> [TermFix] {
        var fixes: [TermFix] = []
        let bytes = Array(text.utf8)
        for match in matcher.matches(in: text, language: language) {
            guard let concept = matcher.glossary.concept(id: match.conceptID),
                let term = concept.terms[match.language]?.first(where: { $0.text == match.term })
            else { continue }
            let sentenceStart = bytes.withUnsafeBufferPointer { TermMatcher.startsSentence($0, at: match.utf8Range.lowerBound) }
            if term.status.isDoNotUse {
                let use = concept.replacement(for: term, language: match.language)
                let useTerm = use.flatMap { text in concept.terms[match.language]?.first { $0.text == text && !$0.status.isDoNotUse } }
                var replacement: String?
                if let use, let useTerm {
                    // Keep what follows the term inside the word (Kiev's → Kyiv's); inflected forms have no safe fix.
                    let lowerSurface = match.text.lowercased()
                    let lowerTerm = term.text.lowercased()
                    if lowerSurface.hasPrefix(lowerTerm) {
                        let tail = String(match.text.dropFirst(term.text.count))
                        if tail.isEmpty || tail.hasPrefix("'") || tail.hasPrefix("’") {
                            replacement = CasePattern.carry(
                                from: String(match.text.prefix(term.text.count)), to: use, casing: useTerm.casing,
                                sentenceStart: sentenceStart) + tail
                        }
                    }
                }
                let target = use.map { "“\($0)”" } ?? "the preferred term"
                fixes.append(
                    TermFix(
                        reason: .doNotUse, conceptID: concept.id, range: match.range, utf8Range: match.utf8Range,
                        original: match.text, replacement: replacement,
                        message: "\(term.status.rawValue) term “\(match.text)”: use \(target)"))
                continue
            }
            if match.casingViolated {
                let rewritten = CasePattern.applyCasing(of: term, to: match.text, sentenceStart: sentenceStart)
                if rewritten != match.text {
                    fixes.append(
                        TermFix(
                            reason: .casing, conceptID: concept.id, range: match.range, utf8Range: match.utf8Range,
                            original: match.text, replacement: rewritten,
                            message: "“\(match.text)” should be written “\(rewritten)” (\(term.casing.rawValue) casing of “\(term.text)”)"))
                }
            }
            if let rule = match.contextViolated {
                fixes.append(
                    TermFix(
                        reason: .context, conceptID: concept.id, range: match.range, utf8Range: match.utf8Range,
                        original: match.text, replacement: nil,
                        message: rule.message ?? "“\(match.text)” must be preceded by “\(rule.precededBy.first ?? "")”"))
            }
        }
        return fixes
    }

    /// `text` with every safe fix applied, and the fixes found (applied or not).
    public func apply(to text: String) -> (text: String, fixes: [TermFix]) {
        let fixes = fixes(in: text)
        var bytes = Array(text.utf8)
        for fix in fixes.reversed() {
            guard let replacement = fix.replacement else { continue }
            bytes.replaceSubrange(fix.utf8Range, with: Array(replacement.utf8))
        }
        return (String(decoding: bytes, as: UTF8.self), fixes)
    }
}
