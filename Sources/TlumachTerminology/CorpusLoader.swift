import Foundation
import TlumachCore
import TlumachFormats
import TlumachMemory
import TlumachTMX

/// Reads translation pairs for terminology alignment from bilingual files (as `check` reads them) or a memory.
public enum TermCorpusLoader {
    public struct Loaded: Sendable {
        public var pairs: [TermPairInput]
        public var sourceLanguage: String?
        public var targetLanguage: String?
    }

    /// Units with a non-empty source and target (fuzzy ones left out). With several files, ids are "file:id".
    public static func read(
        files: [String], sourceLanguage: String? = nil, targetLanguage: String? = nil
    ) throws -> Loaded {
        var pairs: [TermPairInput] = []
        var detectedSource: String?
        var detectedTarget: String?
        for path in files {
            let document = try BilingualReader.read(path, sourceLanguage: sourceLanguage, targetLanguage: targetLanguage)
            detectedSource = detectedSource ?? document.sourceLanguage
            detectedTarget = detectedTarget ?? document.targetLanguage
            let prefix = files.count > 1 ? (path as NSString).lastPathComponent + ":" : ""
            for unit in document.units {
                guard let target = unit.target, !target.isEmpty, !unit.source.isEmpty, unit.state != "fuzzy",
                    !unit.flags.contains("fuzzy")
                else { continue }
                pairs.append(TermPairInput(id: prefix + unit.id, source: unit.source, target: target))
            }
        }
        return Loaded(pairs: pairs, sourceLanguage: detectedSource, targetLanguage: detectedTarget)
    }

    /// Every unit of a memory, ids as the memory numbers them.
    public static func read(memory path: String) throws -> Loaded {
        let memory = try openMemory(path)
        guard let source = memory.sourceLanguage, let target = memory.targetLanguage else {
            return Loaded(pairs: [], sourceLanguage: nil, targetLanguage: nil)
        }
        var pairs: [TermPairInput] = []
        try memory.forEachUnit { id, unit in
            guard let sourceText = text(of: unit, language: source), let targetText = text(of: unit, language: target),
                !sourceText.isEmpty, !targetText.isEmpty
            else { return }
            pairs.append(TermPairInput(id: String(id), source: sourceText, target: targetText))
        }
        return Loaded(pairs: pairs, sourceLanguage: source, targetLanguage: target)
    }

    /// The units of a memory that contain a term's words (in either language), for query mode: the memory's own
    /// index finds them, so a query reads only these.
    public static func read(memory path: String, containing terms: [String], limitPerTerm: Int = 300) throws -> Loaded {
        let memory = try openMemory(path)
        var seen = Set<Int64>()
        var pairs: [TermPairInput] = []
        for term in terms {
            for hit in try memory.concordance(term, limit: limitPerTerm).hits where seen.insert(hit.id).inserted {
                guard !hit.source.isEmpty, !hit.target.isEmpty else { continue }
                pairs.append(TermPairInput(id: String(hit.id), source: hit.source, target: hit.target))
            }
        }
        return Loaded(pairs: pairs, sourceLanguage: memory.sourceLanguage, targetLanguage: memory.targetLanguage)
    }

    private static func openMemory(_ path: String) throws -> TranslationMemory {
        guard FileManager.default.fileExists(atPath: path) else {
            throw InputError(path: path, message: "no such memory")
        }
        return try TranslationMemory.open(path: path, create: false)
    }

    private static func text(of unit: TMXUnit, language: String) -> String? {
        let wanted = language.lowercased()
        let variant = unit.variants.first { $0.language.lowercased() == wanted }
            ?? unit.variants.first { $0.language.lowercased().hasPrefix(wanted.prefix(2)) }
        return variant?.segment.plainText
    }
}
