import Foundation
import GRDB
import TlumachCore
import TlumachTMX

/// What every translation-memory store does, whatever holds it: the SQLite file (`TranslationMemory`) or a
/// database server (TlumachMemoryPostgres). Commands and the server work against this and never ask which.
///
/// Each write (an import, a batch of added units) is one transaction: it lands whole or not at all.
public protocol MemoryStore: AnyObject {
    /// Where the memory is, as shown in messages: a path, or a URL without its password.
    var location: String { get }
    var sourceLanguage: String? { get }
    var targetLanguage: String? { get }

    /// Sets the languages of an empty memory; a memory keeps the pair it was created with.
    func setLanguages(source: String, target: String) throws

    /// Imports a TMX file in one transaction (see `TranslationMemory.importTMX`).
    @discardableResult
    func importTMX(
        path file: String, sourceLanguage source: String?, targetLanguage target: String?,
        onDuplicate policy: DuplicatePolicy, progress: ((_ units: Int, _ line: Int) -> Void)?
    ) throws -> ImportSummary

    /// Adds units in one transaction, merged like an import.
    @discardableResult
    func add(units: [TMXUnit], origin: String, onDuplicate policy: DuplicatePolicy) throws -> ImportSummary

    func count() throws -> Int
    func unit(id: Int64) throws -> TMXUnit?

    /// Removes one unit with its share of the index and of the document frequencies, in one transaction. False when
    /// there is no unit with this id (nothing changes).
    @discardableResult
    func deleteUnit(id: Int64) throws -> Bool

    /// Writes the memory as TMX 1.4b (atomically); the same units give the same bytes in every store.
    @discardableResult
    func export(to file: String, languages: [String]?) throws -> Int

    /// A fuzzy searcher; `preload` asks for the whole index in memory (for batches) where the store can.
    func fuzzySearcher(preload: Bool) throws -> any FuzzySearching

    /// Units containing every word of `phrase` in any inflection, in source or target, oldest first.
    func concordance(_ phrase: String, limit: Int) throws -> (total: Int, hits: [ConcordanceHit])

    func statistics() throws -> MemoryStatistics

    /// Checks that the stored units, their token arrays and the index agree and that every unit reads back; one line
    /// per kind of problem, empty when all is well (`tm stats --verify`).
    func verify() throws -> [String]

    /// A number that grows with every committed write (never decreases), so a long-running reader can tell that
    /// others wrote and catch up from where it was.
    func changeSequence() throws -> Int64

    /// Turns a failure of the store into one line naming the memory (bad input errors pass through).
    func describeFailure(_ error: any Error) -> any Error
}

/// A fuzzy searcher over one store (see `MemorySearcher`).
public protocol FuzzySearching: AnyObject {
    /// Ranked matches with their text, differences and numbers.
    func search(_ query: String, minimum: Double, limit: Int) throws -> [MemoryMatch]
    /// Ids and scores of the best units (see `MemorySearcher.rank`).
    func rank(_ query: String, minimum: Double, limit: Int) throws -> [RankedMatch]
    /// The same ranking by scoring every unit: the reference the index is checked against.
    func rankExhaustively(_ query: String, minimum: Double, limit: Int) throws -> [RankedMatch]
    /// `search` of each query, in order; a store that pays per round trip answers them together.
    func search(batch queries: [String], minimum: Double, limit: Int) throws -> [[MemoryMatch]]
}

extension FuzzySearching {
    public func search(batch queries: [String], minimum: Double, limit: Int) throws -> [[MemoryMatch]] {
        try queries.map { try search($0, minimum: minimum, limit: limit) }
    }
}

extension MemoryStore {
    /// Runs `body`, turning the store's failures into one-line errors naming the memory.
    public func guardedStore<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch {
            throw describeFailure(error)
        }
    }

    /// Adds plain source/target sentence pairs (what alignment produces), dated now.
    @discardableResult
    public func add(
        pairs: [(source: String, target: String)], origin: String = "align", creationTool: String = "Tlumach",
        onDuplicate policy: DuplicatePolicy = .newest
    ) throws -> ImportSummary {
        guard let sourceLanguage, let targetLanguage else {
            throw InputError(path: location, message: "set the memory's languages before adding units")
        }
        let units = TranslationMemory.units(
            pairs: pairs, sourceLanguage: sourceLanguage, targetLanguage: targetLanguage, creationTool: creationTool)
        return try add(units: units, origin: origin, onDuplicate: policy)
    }
}

extension MemorySearcher: FuzzySearching {}

extension TranslationMemory: MemoryStore {
    public var location: String { path }

    public func fuzzySearcher(preload: Bool) throws -> any FuzzySearching { try searcher(preload: preload) }

    /// The last import's number (every import and added batch records one) plus the deletions made.
    public func changeSequence() throws -> Int64 {
        try database.read { try Self.changeSequence($0) }
    }

    public func describeFailure(_ error: any Error) -> any Error { Self.describeFailure(error, path: path) }

    /// Units for plain pairs, dated now (shared by every store so that they are stored alike).
    package static func units(
        pairs: [(source: String, target: String)], sourceLanguage: String, targetLanguage: String, creationTool: String
    ) -> [TMXUnit] {
        let now = timestamp()
        return pairs.map { pair in
            TMXUnit(
                attributes: ["creationdate": now, "creationid": creationTool],
                variants: [
                    TMXVariant(language: sourceLanguage, segment: TMXSegment(text: pair.source)),
                    TMXVariant(language: targetLanguage, segment: TMXSegment(text: pair.target)),
                ])
        }
    }
}
