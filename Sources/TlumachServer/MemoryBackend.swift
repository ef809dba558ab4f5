import Dispatch
import Foundation
import TlumachCore
import TlumachMemory
import TlumachTMX

/// The one place the server touches a translation memory. Today it sits on the SQLite `TranslationMemory`; when the
/// store protocol of issue 14 lands, only this file changes.
///
/// Searching: the fuzzy index is preloaded once (`searcher(preload: true)`) and shared by one searcher per reader
/// connection (each needs its own candidate marks). The preloaded index cannot be updated in place, so a write
/// through this instance rebuilds it — at once, before the write is answered, for small memories; in the
/// background, swapped in when built, for large ones (searches meanwhile see the index as it was).
///
/// `@unchecked Sendable`: `TranslationMemory` and `MemorySearcher` are not thread-safe; every use below is under
/// `writeLock` (the writer connection) or holds a reader slot checked out of `slots` (one thread per slot).
final class MemoryBackend: @unchecked Sendable {
    let path: String
    private let writer: TranslationMemory
    private let writeLock = NSLock()
    private let readers: [TranslationMemory]
    private let slots = NSCondition()
    private var freeSlots: [Int]
    private var generation: [MemorySearcher]?
    private var indexState: IndexState = .building
    private var rebuildRequested = false
    private var rebuilding = false
    /// Below this many units the index is rebuilt before a write is answered.
    static let synchronousRebuildLimit = 100_000

    enum IndexState: Equatable {
        case building, ready, failed(String)
    }

    init(path: String, readers count: Int) throws {
        self.path = path
        writer = try TranslationMemory.open(path: path, access: .create)
        readers = try (0..<max(1, count)).map { _ in try TranslationMemory.open(path: path, access: .read) }
        freeSlots = Array(readers.indices)
    }

    var state: IndexState { slots.withLock { indexState } }

    /// Builds the index (call once, at start, off the request path).
    func buildIndex() {
        slots.withLock {
            rebuildRequested = true
            rebuilding = true
        }
        rebuildLoop()
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
                let searchers = try makeSearchers()
                slots.withLock {
                    generation = searchers
                    indexState = .ready
                }
            } catch {
                slots.withLock { indexState = .failed(String(describing: error)) }
            }
        }
    }

    private func makeSearchers() throws -> [MemorySearcher]? {
        // A new connection reads the memory's languages afresh (a first import sets them).
        let fresh = try TranslationMemory.open(path: path, access: .read)
        guard fresh.sourceLanguage != nil else { return nil }
        let base = try fresh.guarded { try fresh.searcher(preload: true) }
        return readers.map { base.sharingIndex(through: $0) }
    }

    /// After a write: rebuild now (small memory) or in the background (large one).
    private func indexChanged(units: Int) {
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

    /// Runs `body` with a reader connection and its searcher (nil while the memory is empty).
    private func withReader<T>(_ body: (TranslationMemory, MemorySearcher?) throws -> T) throws -> T {
        slots.lock()
        while freeSlots.isEmpty { slots.wait() }
        let slot = freeSlots.removeLast()
        let searcher = generation?[slot]
        slots.unlock()
        defer {
            slots.lock()
            freeSlots.append(slot)
            slots.signal()
            slots.unlock()
        }
        let reader = readers[slot]
        return try reader.guarded { try body(reader, searcher) }
    }

    // MARK: Operations (each returns the CLI's JSON for it)

    func search(_ queries: [String], minimum: Double, limit: Int) throws -> [String] {
        try withReader { _, searcher in
            try queries.map { query in
                MemoryJSON.result(query: query, try searcher?.search(query, minimum: minimum, limit: limit) ?? [])
            }
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

    private func write<T>(_ body: (TranslationMemory) throws -> T) throws -> T {
        let result = try writeLock.withLock { try writer.guarded { try body(writer) } }
        indexChanged(units: (try? count()) ?? Self.synchronousRebuildLimit)
        return result
    }

    func importTMX(file: String, policy: DuplicatePolicy) throws -> String {
        try ImportFormat.checkTMX(file)
        let summary = try write { memory in
            let summary = try memory.importTMX(path: file, onDuplicate: policy)
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

    func delete(id: Int64) throws -> Bool {
        try write { try $0.deleteUnit(id: id) }
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
