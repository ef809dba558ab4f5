import Foundation
import ICU
import TlumachCore

/// The compiled form of a glossary (`CompiledTerms`) kept beside the parsed files in the glossary cache folder, so a
/// one-shot command does not key and stem every term again (compiling 10,000 concepts was two thirds of a
/// `terms` run's fixed cost once the parse was cached).
///
/// One entry per set of glossary files (its name is a hash of their absolute paths), so an edited glossary replaces
/// its entry. The entry is keyed by a fingerprint of the glossary as loaded (every field of every concept, in
/// order, after overlays and profiles), the toolkit's and ICU's versions (keys use ICU's case folding and
/// confusable skeletons) and this codec's schema; a stale, damaged or foreign entry is ignored and rewritten
/// (temporary file, then rename). What is read is checked against the glossary (every index in range) before use.
extension GlossaryCache {
    /// Bump when `CompiledTerms`, the key functions or this encoding change within one toolkit version.
    static let matcherSchema: UInt64 = 8
    static let matcherMagic: [UInt8] = Array("TLUMACH-MATCHER-CACHE\n".utf8)

    /// What identifies a loaded glossary and the code that compiles it.
    struct MatcherKey: Equatable {
        var fingerprint: Key
        var icuVersion: String

        init(glossary: Glossary, version: String = TlumachVersion.current, icuVersion: String = ICU.icuVersion) {
            // Every field the parsed-file cache keeps, concept by concept in the loaded order.
            var writer = CacheWriter()
            writer.int(glossary.concepts.count)
            for concept in glossary.concepts { writer.concept(concept, path: "") }
            fingerprint = Key(bytes: writer.bytes, format: "matcher", version: version)
            self.icuVersion = icuVersion
        }
    }

    /// The entry's path for a glossary read from `files`.
    func matcherEntryPath(for files: [String]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for file in files {
            for byte in URL(fileURLWithPath: file).standardizedFileURL.path.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
            hash = (hash ^ 0x0A) &* 0x0000_0100_0000_01B3
        }
        let name = String(hash, radix: 16)
        return (directory as NSString).appendingPathComponent(String(repeating: "0", count: 16 - name.count) + name + ".matcher")
    }

    /// The cached compiled form of `glossary` when its entry matches `key`, else nil (missing, stale, damaged or
    /// foreign).
    func readMatcher(glossary: Glossary, key: MatcherKey) -> CompiledTerms? {
        guard !glossary.files.isEmpty, var reader = sealedEntry(at: matcherEntryPath(for: glossary.files)) else { return nil }
        return reader.compiledTerms(key: key, glossary: glossary)
    }

    /// Writes the entry; a failure (read-only folder, full disk) only costs the next run a compile.
    func writeMatcher(_ compiled: CompiledTerms, glossary: Glossary, key: MatcherKey) {
        guard !glossary.files.isEmpty else { return }
        var writer = CacheWriter()
        writer.compiledTerms(compiled, key: key, conceptCount: glossary.concepts.count)
        writeSealed(writer, to: matcherEntryPath(for: glossary.files))
    }
}

extension TermMatcher {
    /// Compiles `glossary`, or takes its compiled form from `cache` when an entry for this glossary, toolkit and
    /// ICU is there (and writes one after compiling when not). The matcher finds exactly what a freshly compiled
    /// one finds.
    public convenience init(glossary: Glossary, cache: GlossaryCache?) throws {
        let keys = try TermKeys()
        guard let cache, !glossary.files.isEmpty else {
            self.init(glossary: glossary, keys: keys, compiled: CompiledTerms(glossary: glossary, keys: keys))
            return
        }
        let key = GlossaryCache.MatcherKey(glossary: glossary)
        if let compiled = cache.readMatcher(glossary: glossary, key: key) {
            self.init(glossary: glossary, keys: keys, compiled: compiled)
            return
        }
        let compiled = CompiledTerms(glossary: glossary, keys: keys)
        cache.writeMatcher(compiled, glossary: glossary, key: key)
        self.init(glossary: glossary, keys: keys, compiled: compiled)
    }
}

extension CacheWriter {
    mutating func ints(_ values: [Int32]) {
        int(values.count)
        for value in values { int(Int(value)) }
    }

    mutating func compiledTerms(_ compiled: CompiledTerms, key: GlossaryCache.MatcherKey, conceptCount: Int) {
        bytes.append(contentsOf: GlossaryCache.matcherMagic)
        int(GlossaryCache.matcherSchema)
        string(key.fingerprint.version)
        string(key.icuVersion)
        int(key.fingerprint.length)
        int(key.fingerprint.contentHash)
        int(key.fingerprint.contentCheck)
        int(conceptCount)
        strings(compiled.symbolKeys)
        int(compiled.symbolKinds.count)
        for kind in compiled.symbolKinds { bytes.append(kind.rawValue) }
        int(compiled.edges.count)
        for (edge, child) in compiled.edges {
            int(edge)
            int(Int(child))
        }
        ints(compiled.outputStart)
        ints(compiled.outputList)
        let tags = compiled.languageIDs.sorted { $0.value < $1.value }.map(\.key)
        strings(tags)
        int(compiled.patterns.count)
        for pattern in compiled.patterns {
            int(Int(pattern.concept))
            int(pattern.languageID)
            int(Int(pattern.term))
            int(pattern.statusRank)
            int(pattern.languageRank)
            bool(pattern.needsCapital)
            bool(pattern.alsoCommonWord)
            int(pattern.capitals.count)
            for capital in pattern.capitals { bool(capital) }
        }
        let bySymbol = compiled.patternsBySymbol.sorted { $0.key < $1.key }
        int(bySymbol.count)
        for (symbol, list) in bySymbol {
            int(Int(symbol))
            ints(list)
        }
        bool(compiled.needsExact)
        bool(compiled.lowercaseExact)
        int(compiled.prefixKeys.count)
        for prefix in compiled.prefixKeys { int(prefix) }
    }
}

extension CacheReader {
    /// An index in `0..<bound` (not bounded by the entry's size, unlike `count()`).
    mutating func index(below bound: Int) -> Int? {
        guard let value = uint(), value < UInt64(max(0, bound)) else { return nil }
        return Int(value)
    }

    /// A count, then that many integers each in `0..<bound`.
    mutating func ints(below bound: Int) -> [Int32]? {
        guard let count = count() else { return nil }
        var values: [Int32] = []
        values.reserveCapacity(count)
        for _ in 0..<count {
            guard let value = index(below: bound) else { return nil }
            values.append(Int32(value))
        }
        return values
    }

    /// What `CacheWriter.compiledTerms` wrote, when it was written for this key and every index fits `glossary`
    /// and the tables themselves (a damaged entry must not send the scan out of bounds).
    mutating func compiledTerms(key: GlossaryCache.MatcherKey, glossary: Glossary) -> CompiledTerms? {
        let magic = GlossaryCache.matcherMagic
        guard bytes.count >= magic.count, bytes[0..<magic.count].elementsEqual(magic) else { return nil }
        position = magic.count
        guard uint() == GlossaryCache.matcherSchema, string() == key.fingerprint.version, string() == key.icuVersion,
            uint() == key.fingerprint.length, uint() == key.fingerprint.contentHash,
            uint() == key.fingerprint.contentCheck, uint() == UInt64(glossary.concepts.count)
        else { return nil }
        // Symbols: the hyphen first, no key twice.
        guard let symbolKeys = strings(), symbolKeys.first == "-", Set(symbolKeys).count == symbolKeys.count,
            let kindCount = count(), kindCount == symbolKeys.count
        else { return nil }
        var kinds: [TermMatcher.SymbolKind] = []
        kinds.reserveCapacity(kindCount)
        for _ in 0..<kindCount {
            guard let raw = byte(), let kind = TermMatcher.SymbolKind(rawValue: raw) else { return nil }
            kinds.append(kind)
        }
        guard kinds.first == .hyphen, let edgeCount = count() else { return nil }
        var edges: [(UInt64, Int32)] = []
        edges.reserveCapacity(edgeCount)
        var seenEdges = Set<UInt64>()
        for _ in 0..<edgeCount {
            guard let edge = uint(), let child = index(below: Int(Int32.max)), child > 0, seenEdges.insert(edge).inserted
            else { return nil }
            edges.append((edge, Int32(child)))
        }
        // outputStart: one more entry than nodes, from 0, never falling, ending at the list's length.
        guard let outputStart = ints(below: Int(Int32.max)), outputStart.count >= 2, outputStart[0] == 0,
            zip(outputStart, outputStart.dropFirst()).allSatisfy({ $0 <= $1 })
        else { return nil }
        let nodeCount = outputStart.count - 1
        for (edge, child) in edges {
            guard Int(edge >> 32) < nodeCount, Int(edge & 0xFFFF_FFFF) < kinds.count, Int(child) < nodeCount else { return nil }
        }
        guard let outputList = ints(below: Int(Int32.max)), outputList.count == Int(outputStart[nodeCount]),
            let tags = strings(), Set(tags).count == tags.count, let patternCount = count(),
            outputList.allSatisfy({ Int($0) < patternCount })
        else { return nil }
        var patterns: [TermMatcher.Pattern] = []
        patterns.reserveCapacity(patternCount)
        for _ in 0..<patternCount {
            guard let concept = index(below: glossary.concepts.count), let languageID = index(below: tags.count),
                let term = index(below: glossary.concepts[concept].terms[tags[languageID]]?.count ?? 0),
                let statusRank = int(), let languageRank = int(), let needsCapital = bool(), let alsoCommonWord = bool(),
                let capitalCount = count()
            else { return nil }
            var capitals: [Bool] = []
            for _ in 0..<capitalCount {
                guard let capital = bool() else { return nil }
                capitals.append(capital)
            }
            patterns.append(
                TermMatcher.Pattern(
                    concept: Int32(concept), language: tags[languageID], term: Int32(term), statusRank: statusRank,
                    languageRank: languageRank, languageID: languageID, needsCapital: needsCapital,
                    alsoCommonWord: alsoCommonWord, capitals: capitals))
        }
        guard let bySymbolCount = count() else { return nil }
        var patternsBySymbol: [Int32: [Int32]] = [:]
        for _ in 0..<bySymbolCount {
            guard let symbol = index(below: kinds.count), patternsBySymbol[Int32(symbol)] == nil,
                let list = ints(below: patternCount)
            else { return nil }
            patternsBySymbol[Int32(symbol)] = list
        }
        guard let needsExact = bool(), let lowercaseExact = bool(), let prefixCount = count() else { return nil }
        var prefixKeys: [Int] = []
        prefixKeys.reserveCapacity(prefixCount)
        for _ in 0..<prefixCount {
            guard let prefix = index(below: PrefixFilter.keyCount) else { return nil }
            prefixKeys.append(prefix)
        }
        // Trailing bytes mean a writer this reader does not know.
        guard position == bytes.count else { return nil }
        var languageIDs: [String: Int] = [:]
        for (id, tag) in tags.enumerated() { languageIDs[tag] = id }
        return CompiledTerms(
            symbolKeys: symbolKeys, symbolKinds: kinds, edges: edges, outputStart: outputStart, outputList: outputList,
            patterns: patterns, patternsBySymbol: patternsBySymbol, needsExact: needsExact,
            lowercaseExact: lowercaseExact, languageIDs: languageIDs, prefixKeys: prefixKeys)
    }
}
