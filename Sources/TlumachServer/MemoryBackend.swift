import Dispatch
import Foundation
import TlumachCore
import TlumachMemory
import TlumachMemoryPostgres
import TlumachTMX

/// The one place the server touches a translation memory, through the store protocol (`MemoryStore`), on SQLite or
/// PostgreSQL (`MemoryLocation` decides from the location).
///
/// Searching: one reader connection per concurrent search, each with its own searcher (a searcher keeps per-query
/// candidate marks). The fuzzy index is held in this process, loaded once from the store (SQLite:
/// `searcher(preload: true)`; PostgreSQL: `PostgresIndexedSearcher`, in one snapshot) and shared by every reader's
/// searcher; ranking needs no round trip, and the matches' texts come through the reader's connection. A change is
/// applied to it rather than reloading it: the units stored and deleted since it was loaded are read from the store
/// (`IndexFollowing.indexDelta`) and held beside it (`HeldIndex`: an overlay searched with the base, the base's out
/// of date units masked), which searches exactly like a fresh load. When the overlay grows past `overlayLimit` the
/// index is loaded afresh in the background and swapped in (searches meanwhile use base and overlay).
///
/// Writes by others (another instance, `tlumach tm import`) are noticed by polling the store's change sequence
/// (`pollInterval`) and refresh what is held as a write through this instance does.
///
/// `@unchecked Sendable`: stores and searchers are not thread-safe; every use below is under `writeLock` (the
/// writer connection), `pollLock` (the poller's connection) or holds a reader slot checked out of `slots` (one
/// thread per slot).
final class MemoryBackend: @unchecked Sendable {
    let location: String
    private let isPostgres: Bool
    private let readerCount: Int
    private let writer: any MemoryStore
    private let writeLock = NSLock()
    private let poller: any MemoryStore
    private let pollLock = NSLock()
    private var lastSeenChange: Int64 = 0
    private let slots = NSCondition()
    private var readers: [any MemoryStore]
    private var freeSlots: [Int]
    private var generation: [any FuzzySearching]?
    private var indexState: IndexState = .building
    private var rebuildRequested = false
    private var rebuilding = false
    private var polling = false
    /// Serialises changes to the held index (catching up, swapping in a fresh load); searches never take it.
    private let updateLock = NSLock()
    /// Full loads of the index so far (the first and each compaction).
    private var loads = 0
    /// Units the overlay may hold before the index is loaded afresh; nil: a tenth of the memory, at least 10,000.
    let overlayLimit: Int?
    /// Below this many units the SQLite index is rebuilt before a write is answered.
    static let synchronousRebuildLimit = 100_000
    /// How often others' writes are looked for (the issue asks that they appear within a second).
    static let pollInterval = 0.25

    enum IndexState: Equatable {
        case building, ready, failed(String)
    }

    /// Opens the memory at `location` (a path or a `postgres://` URL), creating it when missing.
    init(
        location: String, readers count: Int, overlayLimit: Int? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws {
        self.location = location
        self.overlayLimit = overlayLimit
        isPostgres = PostgresLocation.isURL(location)
        readerCount = max(1, count)
        writer = try MemoryLocation.open(location, access: .create, environment: environment)
        poller = try MemoryLocation.open(location, access: .read, environment: environment)
        readers = try (0..<readerCount).map { _ in try MemoryLocation.open(location, access: .read, environment: environment) }
        freeSlots = Array(readers.indices)
        lastSeenChange = try poller.guardedStore { try poller.changeSequence() }
    }

    /// The writer's connection (tokens are kept beside the memory, in the same store).
    var store: any MemoryStore { writer }

    var state: IndexState { slots.withLock { indexState } }

    /// Units in the loaded base, units in the overlay, and full loads so far (for tests and logs).
    var indexStatus: (base: Int, overlay: Int, loads: Int) {
        slots.withLock {
            let held = (generation?.first as? any IndexHoldingSearcher)?.heldIndex
            return (held?.baseUnits ?? 0, held?.overlaySize ?? 0, loads)
        }
    }

    /// Builds the index (call once, at start, off the request path), then starts looking for others' writes.
    func buildIndex() {
        slots.withLock {
            rebuildRequested = true
            rebuilding = true
        }
        rebuildLoop()
        let start: Bool = slots.withLock {
            defer { polling = true }
            return !polling
        }
        if start { Self.startPolling(self) }
    }

    private func rebuildLoop() {
        while true {
            let go: Bool = slots.withLock {
                if rebuildRequested {
                    rebuildRequested = false
                    return true
                }
                rebuilding = false
                return false
            }
            guard go else { return }
            do {
                let (newReaders, built) = try makeSearchers()
                // Writes made while it loaded are applied before it replaces what searches use.
                updateLock.withLock {
                    var searchers = built
                    if let held = (built?.first as? any IndexHoldingSearcher)?.heldIndex {
                        if let next = try? delta(after: held) {
                            searchers = built?.map { ($0 as? any IndexHoldingSearcher)?.replacingIndex(next) ?? $0 }
                        } else {
                            slots.withLock { rebuildRequested = true }
                        }
                    }
                    slots.withLock {
                        if let newReaders { readers = newReaders }
                        generation = searchers
                        indexState = .ready
                        loads += 1
                    }
                }
            } catch {
                slots.withLock { indexState = .failed(String(describing: error)) }
            }
        }
    }

    /// Searchers for every reader slot (nil while the memory has no languages), and new readers when they change.
    private func makeSearchers() throws -> (readers: [any MemoryStore]?, searchers: [any FuzzySearching]?) {
        if isPostgres {
            // A reader opened before the memory had languages does not know them: open fresh ones then.
            var current = slots.withLock { readers }
            var replaced: [any MemoryStore]?
            if current.first?.sourceLanguage == nil {
                current = try (0..<readerCount).map { _ in try MemoryLocation.open(location, access: .read) }
                replaced = current
            }
            guard current.first?.sourceLanguage != nil else { return (replaced, nil) }
            // The index is loaded through a connection of its own (the readers may be searching meanwhile) and
            // shared by every reader's searcher.
            let loader = try MemoryLocation.open(location, access: .read)
            guard let loader = loader as? PostgresMemory else { return (replaced, nil) }
            let base = try loader.guardedStore { try PostgresIndexedSearcher(loading: loader) }
            return (replaced, current.compactMap { ($0 as? PostgresMemory).map { base.sharingIndex(through: $0) } })
        }
        // SQLite: a new connection reads the memory's languages afresh (a first import sets them).
        let fresh = try TranslationMemory.open(path: location, access: .read)
        guard fresh.sourceLanguage != nil else { return (nil, nil) }
        let base = try fresh.guarded { try fresh.searcher(preload: true) }
        let current = slots.withLock { readers }
        return (nil, current.compactMap { ($0 as? TranslationMemory).map { base.sharingIndex(through: $0) } })
    }

    /// The held index with the writes made after its position applied.
    private func delta(after held: HeldIndex) throws -> HeldIndex {
        guard let follower = poller as? any IndexFollowing else { throw CancellationError() }
        return try pollLock.withLock { try follower.catchUp(held) }
    }

    /// After a change: apply it to the held index; load the index when there is none yet (now for a small memory,
    /// in the background for a large one).
    private func indexChanged() {
        if catchUp() { return }
        reload(units: (try? count()) ?? Self.synchronousRebuildLimit)
    }

    /// Applies the writes made since the held index's position to it; false when no index is held yet (or the
    /// store could not say what changed): then it is loaded afresh.
    private func catchUp() -> Bool {
        updateLock.withLock {
            guard let held = slots.withLock({ (generation?.first as? any IndexHoldingSearcher)?.heldIndex }),
                let next = try? delta(after: held)
            else { return false }
            slots.withLock {
                generation = generation?.map { ($0 as? any IndexHoldingSearcher)?.replacingIndex(next) ?? $0 }
            }
            if next.overlaySize > (overlayLimit ?? max(10_000, next.baseUnits / 10)), !slots.withLock({ rebuilding }) {
                // Compaction: searches use base and overlay until the fresh index is swapped in.
                reload(units: Self.synchronousRebuildLimit)
            }
            return true
        }
    }

    private func reload(units: Int) {
        let startThread: Bool = slots.withLock {
            rebuildRequested = true
            if rebuilding { return false }
            rebuilding = true
            return true
        }
        guard startThread else { return }
        if units < Self.synchronousRebuildLimit {
            rebuildLoop()
        } else {
            Thread.detachNewThread { [self] in rebuildLoop() }
        }
    }

    /// Looks for writes by others every `pollInterval` for as long as the backend exists.
    private static func startPolling(_ backend: MemoryBackend) {
        Thread.detachNewThread { [weak backend] in
            while true {
                Thread.sleep(forTimeInterval: pollInterval)
                guard let backend else { return }
                backend.pollChanges()
            }
        }
    }

    /// Refreshes when the store's change sequence moved past what this instance last saw.
    func pollChanges() {
        let moved: Bool = pollLock.withLock {
            guard let sequence = try? poller.changeSequence(), sequence != lastSeenChange else { return false }
            lastSeenChange = sequence
            return true
        }
        guard moved else { return }
        indexChanged()
    }

    /// Runs `body` with a reader connection and its searcher (nil while the memory is empty).
    private func withReader<T>(_ body: (any MemoryStore, (any FuzzySearching)?) throws -> T) throws -> T {
        slots.lock()
        while freeSlots.isEmpty { slots.wait() }
        let slot = freeSlots.removeLast()
        let searcher = generation?[slot]
        let reader = readers[slot]
        slots.unlock()
        defer {
            slots.lock()
            freeSlots.append(slot)
            slots.signal()
            slots.unlock()
        }
        return try reader.guardedStore { try body(reader, searcher) }
    }

    // MARK: Operations (each returns the CLI's JSON for it)

    func search(_ queries: [String], minimum: Double, limit: Int) throws -> [String] {
        try withReader { _, searcher in
            let results = try searcher?.search(batch: queries, minimum: minimum, limit: limit)
            return queries.enumerated().map { index, query in MemoryJSON.result(query: query, results?[index] ?? []) }
        }
    }

    func concordance(_ phrase: String, limit: Int) throws -> String {
        try withReader { reader, _ in
            let (total, hits) = try reader.concordance(phrase, limit: limit)
            return MemoryJSON.concordance(query: phrase, total: total, hits)
        }
    }

    func statistics() throws -> String {
        try withReader { reader, _ in MemoryJSON.statistics(try reader.statistics()) }
    }

    /// Writes the memory as TMX into `file`.
    func export(to file: String, languages: [String]?) throws -> Int {
        try withReader { reader, _ in try reader.export(to: file, languages: languages) }
    }

    func count() throws -> Int {
        try withReader { reader, _ in try reader.count() }
    }

    private func write<T>(_ body: (any MemoryStore) throws -> T) throws -> T {
        let result = try writeLock.withLock {
            do {
                return try body(writer)
            } catch let error as APIError {
                throw error  // already what the client gets
            } catch {
                throw writer.describeFailure(error)
            }
        }
        // This instance's own write is applied now; the poller then sees the sequence it already holds.
        pollLock.withLock { lastSeenChange = (try? poller.changeSequence()) ?? lastSeenChange }
        indexChanged()
        return result
    }

    func importTMX(file: String, policy: DuplicatePolicy) throws -> String {
        try ImportFormat.checkTMX(file)
        let summary = try write { memory in
            let summary = try memory.importTMX(
                path: file, sourceLanguage: nil, targetLanguage: nil, onDuplicate: policy, progress: nil)
            if memory.sourceLanguage == nil {
                throw InputError(path: "body", message: "no translation units: nothing imported")
            }
            return summary
        }
        return MemoryJSON.importSummary(summary)
    }

    /// Adds units given as plain pairs; languages default to the memory's and set an empty memory's.
    func add(_ units: [NewUnit], policy: DuplicatePolicy) throws -> String {
        for (index, unit) in units.enumerated() { try unit.checkXMLCharacters(at: index) }
        let summary = try write { memory in
            if memory.sourceLanguage == nil {
                guard let first = units.first, let source = first.sourceLang, let target = first.targetLang else {
                    throw APIError.badBody("units[0]: sourceLang and targetLang are needed: the memory has no languages yet")
                }
                try memory.setLanguages(source: source, target: target)
            }
            guard let memorySource = memory.sourceLanguage, let memoryTarget = memory.targetLanguage else {
                throw APIError.badBody("the memory has no languages")
            }
            let now = TranslationMemory.timestamp()
            let tmx = units.map { unit in
                var attributes = ["creationdate": now, "creationid": "tlumach-serve"]
                if let tuid = unit.tuid { attributes["tuid"] = tuid }
                return TMXUnit(
                    attributes: attributes,
                    annotations: unit.properties.sorted { $0.key < $1.key }.map { .prop(TMXProp(type: $0.key, text: $0.value)) },
                    variants: [
                        TMXVariant(language: unit.sourceLang ?? memorySource, segment: TMXSegment(text: unit.source)),
                        TMXVariant(language: unit.targetLang ?? memoryTarget, segment: TMXSegment(text: unit.target)),
                    ])
            }
            return try memory.add(units: tmx, origin: "serve", onDuplicate: policy)
        }
        return MemoryJSON.importSummary(summary)
    }

    /// Deletes one unit; false when there is none.
    func delete(id: Int64) throws -> Bool {
        try write { memory in try memory.deleteUnit(id: id) }
    }
}

/// One unit of `POST /v1/tm/units`.
struct NewUnit: Sendable, Decodable {
    var source: String
    var target: String
    var sourceLang: String?
    var targetLang: String?
    var tuid: String?
    var properties: [String: String] = [:]

    enum CodingKeys: String, CodingKey { case source, target, sourceLang, targetLang, tuid, properties }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        source = try container.decode(String.self, forKey: .source)
        target = try container.decode(String.self, forKey: .target)
        sourceLang = try container.decodeIfPresent(String.self, forKey: .sourceLang)
        targetLang = try container.decodeIfPresent(String.self, forKey: .targetLang)
        tuid = try container.decodeIfPresent(String.self, forKey: .tuid)
        properties = try container.decodeIfPresent([String: String].self, forKey: .properties) ?? [:]
    }
}

extension NewUnit {
    /// Text a TMX file cannot carry (C0 controls other than tab and line breaks, U+FFFE, U+FFFF) is refused: stored,
    /// it would make the unit unreadable and the memory "damaged".
    func checkXMLCharacters(at index: Int) throws {
        var fields = [("source", source), ("target", target)]
        if let tuid { fields.append(("tuid", tuid)) }
        for (key, value) in properties.sorted(by: { $0.key < $1.key }) {
            fields.append(("properties.\(key)", value))
            fields.append(("properties (a key)", key))
        }
        for (name, text) in fields {
            if let bad = text.unicodeScalars.first(where: { !Self.allowedInXML($0) }) {
                throw APIError.badBody(
                    "units[\(index)].\(name): U+\(String(format: "%04X", bad.value)) is not allowed in TMX (XML 1.0)")
            }
        }
    }

    static func allowedInXML(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }
}

/// Runs blocking work (SQLite, parsing) on a Dispatch thread, off Swift's cooperative pool, so a slow import or a
/// full scan never starves the event handling.
func blocking<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        DispatchQueue.global().async { continuation.resume(with: Result { try body() }) }
    }
}
