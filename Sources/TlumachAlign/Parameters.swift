import Foundation
import TlumachCore
import TlumachText

/// Everything the aligner weighs, loaded from Data/alignment-parameters.json (calibrated on the uk–en evaluation
/// set, see docs/alignment.md). Costs are in nats (negative log probabilities).
public struct AlignmentParameters: Sendable, Codable, Equatable {
    /// Gale–Church length model: target characters per source character, and the variance per source character.
    public var characterRatio: Double
    public var variance: Double
    /// Take the character ratio from the two documents themselves (total target ÷ total source characters, as
    /// hunalign does) when the source has at least this many characters; the calibrated ratio depends on the genre
    /// (news translations run 1.09 in English per Ukrainian character, software manuals about 0.8). Nil: never.
    public var documentRatioMinimumCharacters: Int?
    /// If set, instead of the threshold: the ratio is (target + k·c₀) / (source + k) with k this many characters
    /// and c₀ the calibrated ratio — the document's own ratio shrunk towards the calibration, so short texts lean
    /// on it and long ones on themselves.
    public var documentRatioPriorCharacters: Int?
    /// Prior probability of each bead shape ("1-1", "2-1", "1-2", "2-2"); omissions are priced separately.
    public var priors: [String: Double]
    /// Cost of leaving one sentence unaligned (1-0 or 0-1), plus a small cost per character left out.
    public var omissionCost: Double
    public var omissionCostPerCharacter: Double
    /// Per matched anchor (weighted) a bead gains `anchorReward`; per anchor left without a partner in its bead it
    /// pays `anchorPenalty`.
    public var anchorReward: Double
    public var anchorPenalty: Double
    /// Weight of each anchor kind ("number", "name", "term", "mood", "punctuation", "custom").
    public var anchorWeights: [String: Double]
    /// Weight of an anchor left without a partner, for kinds where it differs from `anchorWeights`: a glossary
    /// finds a term on one side only whenever it lacks the other side's wording, so a missing partner says less
    /// than a found one.
    public var anchorPenaltyWeights: [String: Double]?
    /// Half-width of the first band around the diagonal, in sentences; it doubles while the best path touches
    /// the band's edge.
    public var initialBand: Int
    /// Upper bound on back-pointer cells (bytes) for one alignment; bounds memory on huge inputs.
    public var maximumBandCells: Int
    /// Length models per language pair ("uk-en"): ratio and variance. The reverse pair is derived.
    public var lengthModels: [String: LengthModel]

    public struct LengthModel: Sendable, Codable, Equatable {
        public var characterRatio: Double
        public var variance: Double
        public init(characterRatio: Double, variance: Double) {
            self.characterRatio = characterRatio
            self.variance = variance
        }
    }

    /// The shipped parameters with the length model of a language pair (or the generic one if none is known).
    public static func standard(source: Language = .uk, target: Language = .en) -> AlignmentParameters {
        shipped.resolved(source: source, target: target)
    }

    /// These parameters with the length model of a language pair applied (when the file has one).
    public func resolved(source: Language, target: Language) -> AlignmentParameters {
        var parameters = self
        if let model = parameters.lengthModels["\(source.rawValue)-\(target.rawValue)"] {
            parameters.characterRatio = model.characterRatio
            parameters.variance = model.variance
        } else if let model = parameters.lengthModels["\(target.rawValue)-\(source.rawValue)"] {
            // l2 − c·l1 ~ N(0, s²·l1)  ⇒  l1 − l2/c ~ N(0, (s²/c³)·l2).
            parameters.characterRatio = 1 / model.characterRatio
            parameters.variance = model.variance / pow(model.characterRatio, 3)
        }
        return parameters
    }

    /// Reads parameters from a JSON file of the shipped format, refusing values the search cannot use.
    /// Every failure is one `InputError` naming the file and, for JSON problems, the line and column.
    public static func load(path: String) throws(InputError) -> AlignmentParameters {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw InputError(path: path, message: "cannot read file: \((error as NSError).localizedDescription)")
        }
        let parameters: AlignmentParameters
        do {
            parameters = try JSONDecoder().decode(AlignmentParameters.self, from: data)
        } catch {
            throw JSONInputError.make(error, data: data, path: path, what: "alignment parameters")
        }
        if let problem = parameters.problem { throw InputError(path: path, message: problem) }
        return parameters
    }

    /// Why these parameters cannot be used, or nil.
    public var problem: String? {
        func positive(_ value: Double) -> Bool { value.isFinite && value > 0 }
        func nonNegative(_ value: Double) -> Bool { value.isFinite && value >= 0 }
        if !positive(characterRatio) || !positive(variance) { return "characterRatio and variance must be positive" }
        for (pair, model) in lengthModels where !positive(model.characterRatio) || !positive(model.variance) {
            return "the length model \(pair) needs a positive ratio and variance"
        }
        for (shape, prior) in priors where !(prior > 0 && prior <= 1) {
            return "the prior of \(shape) must be in (0, 1]"
        }
        if !nonNegative(omissionCost) || !nonNegative(omissionCostPerCharacter) || !nonNegative(anchorReward)
            || !nonNegative(anchorPenalty) || !anchorWeights.values.allSatisfy(nonNegative)
            || !(anchorPenaltyWeights ?? [:]).values.allSatisfy(nonNegative)
        {
            return "costs, rewards and weights must be finite and not negative"
        }
        if initialBand < 1 || maximumBandCells < 1 { return "initialBand and maximumBandCells must be positive" }
        return nil
    }

    static let shipped: AlignmentParameters = {
        guard let url = try? ResourceLocator.url(bundleName: "Tlumach_TlumachAlign", resource: "alignment-parameters", extension: "json", subdirectory: "Data"),
            let data = try? Data(contentsOf: url),
            let parameters = try? JSONDecoder().decode(AlignmentParameters.self, from: data)
        else {
            fatalError("TlumachAlign: the shipped Data/alignment-parameters.json is missing or invalid")
        }
        return parameters
    }()

    func weight(of kind: AnchorKind) -> Double {
        anchorWeights["\(kind)"] ?? 1
    }

    func penaltyWeight(of kind: AnchorKind) -> Double {
        anchorPenaltyWeights?["\(kind)"] ?? weight(of: kind)
    }

    func prior(_ shape: String) -> Double { priors[shape] ?? 1e-4 }
}
