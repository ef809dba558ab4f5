import Foundation

/// A decision to fill one unit's target, which each format's writer expresses in its own terms.
public struct Fill: Sendable {
    /// Index of the unit in its document.
    public var unit: Int
    public var target: [SegmentPiece]
    public var kind: MatchKind
    /// 101 for in context, 100 for exact and adapted, else the fuzzy percent; for repetitions the first
    /// occurrence's.
    public var percent: Int
    /// True when a translator must look at it (fuzzy, demoted by a term conflict, or repeating such a fill).
    public var needsReview: Bool
    /// Why it was demoted, if it was (the term checks' messages).
    public var demotion: String?
    /// The best candidates, for XLIFF's `<alt-trans>`/`<mtc:match>`.
    public var candidates: [LeverageMatch]

    public var plainTarget: String { LeverageMatch.plain(target) }

    /// XLIFF 1.2's state-qualifier.
    var stateQualifier: String {
        switch kind {
        case .context, .exact: "exact-match"
        case .adapted: "leveraged-tm"
        case .fuzzy: "fuzzy-match"
        case .repetition: "leveraged-inherited"
        }
    }

    /// How PO's translator comment and summaries name the fill.
    var describe: String {
        var text: String
        switch kind {
        case .context: text = "101% in-context memory match"
        case .exact: text = "100% memory match"
        case .adapted: text = "100% memory match, numbers or placeholders carried from the source"
        case .fuzzy: text = "\(percent)% fuzzy memory match"
        case .repetition: text = "repetition of an earlier unit"
        }
        if let demotion { text += "; review: \(demotion)" }
        return text
    }
}
