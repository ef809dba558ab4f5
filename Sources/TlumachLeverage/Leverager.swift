import Foundation
import TlumachCore
import TlumachFormats
import TlumachMemory
import TlumachTMX

/// How a match relates to the unit it was found for.
public enum MatchKind: String, Sendable {
    /// Same text and the same surroundings (neighbouring source units, or the same id/msgctxt): "101%".
    case context
    /// Same text (inline codes may differ in ids and order).
    case exact
    /// Same text once numbers or placeholder names are carried over from the new source ("auto-translatables").
    case adapted
    /// Any other match.
    case fuzzy
    /// Filled from an earlier unit of the same files with the same source.
    case repetition
}

/// One memory match weighed for one unit.
public struct LeverageMatch: Sendable {
    public var memoryID: Int64
    public var tuid: String?
    /// The stored source, plain.
    public var source: String
    /// The stored target mapped onto the unit: its codes are the unit's own, numbers and placeholders carried.
    /// Empty when `usable` is false.
    public var target: [SegmentPiece]
    /// 0–100, or 101 for an in-context match.
    public var percent: Int
    public var kind: MatchKind
    /// False when its codes or placeholders cannot be mapped onto the unit: such a match counts in an analysis
    /// but never fills a target.
    public var usable: Bool

    /// The target's running text (codes left out).
    public var plainTarget: String { Self.plain(target) }

    static func plain(_ pieces: [SegmentPiece]) -> String {
        pieces.reduce(into: "") { result, piece in if case .text(let text) = piece { result += text } }
    }
}

/// What surrounds a unit in its file, for in-context matches.
public struct UnitContext: Sendable {
    public var previous: String?
    public var next: String?
    /// An id that names the unit across versions of its file: XLIFF unit id, PO msgctxt, TSV id column.
    public var key: String?

    public init(previous: String? = nil, next: String? = nil, key: String? = nil) {
        self.previous = previous
        self.next = next
        self.key = key
    }
}

/// Finds and weighs memory matches for the units of bilingual files (the matching policy of `pretranslate` and
/// `analyze`). Results are cached per distinct source, so repeated sources cost one search.
public final class Leverager {
    public let memory: any MemoryStore
    public let tokenizer: MemoryTokenizer
    let searcher: any FuzzySearching
    let sourceLanguage: String
    let targetLanguage: String
    private var cache: [String: [LeverageMatch]] = [:]
    private var neighbours: [Int64: String] = [:]
    /// Searches run (distinct sources), for summaries and tests.
    public private(set) var searches = 0

    /// `preload` loads the memory's index once (worth it from a few hundred distinct sources on).
    public init(memory: any MemoryStore, preload: Bool) throws {
        guard let source = memory.sourceLanguage, let target = memory.targetLanguage else {
            throw InputError(path: memory.location, message: "the memory is empty (import a TMX file first)")
        }
        self.memory = memory
        sourceLanguage = source
        targetLanguage = target
        tokenizer = try MemoryTokenizer(language: source)
        searcher = try memory.fuzzySearcher(preload: preload)
    }

    /// The unit's matches at `minimum` or better, best first (in-context, then exact, then by percent; usable
    /// ones before unusable ones of the same percent).
    public func matches(for unit: BilingualUnit, context: UnitContext, minimum: Double) throws -> [LeverageMatch] {
        let key = Self.cacheKey(unit)
        var found: [LeverageMatch]
        if let cached = cache[key] {
            found = cached
        } else {
            found = try search(unit, minimum: minimum)
            cache[key] = found
        }
        for index in found.indices where found[index].kind == .exact && found[index].usable {
            if try isInContext(found[index], context: context) {
                found[index].kind = .context
                found[index].percent = 101
            }
        }
        return found.filter { Double($0.percent) >= minimum }.sorted { a, b in
            if a.percent != b.percent { return a.percent > b.percent }
            return a.usable && !b.usable
        }
    }

    static func cacheKey(_ unit: BilingualUnit) -> String {
        unit.source + "\u{1}" + unit.sourceCodes.map(\.kind).joined(separator: ",")
    }

    private func search(_ unit: BilingualUnit, minimum: Double) throws -> [LeverageMatch] {
        guard !unit.source.isEmpty else { return [] }
        searches += 1
        // Numbers and placeholder names are words to the memory's score ("3:0" against "2:1" is two changed words),
        // so such a source is searched lower to find the matches that differ only there; the percent is then the
        // filter.
        let adaptable = unit.source.unicodeScalars.contains { Placeables.isDigit($0) }
            || !Placeables.placeholders(unit.source).isEmpty
        let floor = adaptable ? Swift.min(minimum, 50) : minimum
        let hits = try searcher.search(unit.source, minimum: floor, limit: 5)
        return try hits.map { try weigh($0, for: unit) }
    }

    /// Maps one hit onto the unit and rates it.
    func weigh(_ hit: MemoryMatch, for unit: BilingualUnit) throws -> LeverageMatch {
        var pieces: [SegmentPiece]?
        if !unit.sourceCodes.isEmpty || hit.sourceCodes > 0 {
            if let stored = try memory.unit(id: hit.id), let source = stored.variant(for: sourceLanguage),
                let target = stored.variant(for: targetLanguage)
            {
                pieces = Placeables.mapCodes(query: unit.sourceCodes, matchSource: source.segment, matchTarget: target.segment)
            }
        } else {
            pieces = [.text(hit.target)]
        }
        if let current = pieces, let map = Placeables.placeholderMap(query: unit.source, matchSource: hit.source) {
            var mapped: [SegmentPiece] = []
            for piece in current {
                if case .text(let text) = piece {
                    guard let replaced = Placeables.applyPlaceholders(map, to: text) else {
                        pieces = nil
                        break
                    }
                    mapped.append(.text(replaced))
                } else {
                    mapped.append(piece)
                }
            }
            if pieces != nil { pieces = mapped }
        } else {
            pieces = nil
        }
        let sameText = Placeables.normalized(unit.source) == Placeables.normalized(hit.source)
        let maskedQuery = Placeables.normalized(Placeables.masked(unit.source))
        let maskedMatch = Placeables.normalized(Placeables.masked(hit.source))
        var kind = MatchKind.fuzzy
        var percent = min(99, Int(hit.score.rounded(.down)))
        if let current = pieces {
            if sameText, let adjusted = Placeables.carryEdges(from: unit.source, matchSource: hit.source, into: current) {
                // Same words, other leading or trailing white space ("Options:" against "\nOptions:\n"): the
                // target takes the new source's edges.
                pieces = adjusted
                kind = .adapted
                percent = 100
            } else if sameText {
                kind = .exact
                percent = 100
            } else if maskedQuery == maskedMatch {
                kind = .adapted
                percent = 100
            } else if let changes = Placeables.numberChanges(
                query: tokenizer.analyze(maskedQuery), match: tokenizer.analyze(maskedMatch))
            {
                let texts = current.compactMap { piece -> String? in if case .text(let text) = piece { text } else { nil } }
                if let carried = Placeables.carryNumbers(changes, into: texts) {
                    var next = carried.makeIterator()
                    pieces = current.map { piece in
                        if case .text = piece, let text = next.next() { return .text(text) }
                        return piece
                    }
                    kind = .adapted
                    percent = 100
                }
            }
        } else if sameText {
            percent = 99
        }
        return LeverageMatch(
            memoryID: hit.id, tuid: hit.tuid, source: hit.source, target: pieces ?? [], percent: percent, kind: kind,
            usable: pieces != nil)
    }

    /// Same text and either the same id (the stored unit's tuid is the unit's key) or the same neighbours: the
    /// stored units just before and after (ids are consecutive within an import, in file order) have the sources
    /// of the unit's neighbours in its file. A side the file lacks (first or last unit) is not compared; at least
    /// one side must be.
    func isInContext(_ match: LeverageMatch, context: UnitContext) throws -> Bool {
        if let key = context.key, !key.isEmpty, match.tuid == key { return true }
        guard context.previous != nil || context.next != nil else { return false }
        if let previous = context.previous {
            guard try neighbourSource(match.memoryID - 1) == Placeables.normalized(previous) else { return false }
        }
        if let next = context.next {
            guard try neighbourSource(match.memoryID + 1) == Placeables.normalized(next) else { return false }
        }
        return true
    }

    private func neighbourSource(_ id: Int64) throws -> String {
        if let known = neighbours[id] { return known }
        var text = "\u{0}"
        if id > 0, let unit = try memory.unit(id: id), let variant = unit.variant(for: sourceLanguage) {
            text = Placeables.normalized(variant.segment.plainText)
        }
        neighbours[id] = text
        return text
    }
}
