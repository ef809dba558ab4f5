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

    /// Aligns the sentences of a source text and its translation (whole texts in, sentence pairs out): for plain
    /// texts whose lines do not correspond. The command passes `tlumach align`'s sentence aligner (TlumachAlign),
    /// which this module does not depend on.
    public typealias TextAligner = @Sendable (_ source: String, _ target: String) throws -> [(source: String, target: String)]

    /// Is `path` a plain text (read two at a time, line by line)?
    public static func isPlainText(_ path: String) -> Bool {
        ["txt", "text"].contains((path as NSString).pathExtension.lowercased())
    }

    /// Units with a non-empty source and target (fuzzy ones left out). With several files, ids are "file:id".
    /// Plain texts (.txt) come in pairs, source then target, aligned line by line (ids "file:line"); texts whose
    /// lines do not correspond (a different number, a line blank on one side only) go through `textAligner`
    /// (ids "file:sN", the Nth sentence pair), and are refused, naming the file and line, without one.
    public static func read(
        files: [String], sourceLanguage: String? = nil, targetLanguage: String? = nil, textAligner: TextAligner? = nil
    ) throws -> Loaded {
        var pairs: [TermPairInput] = []
        var detectedSource: String?
        var detectedTarget: String?
        let texts = files.filter(isPlainText)
        guard texts.count % 2 == 0 else {
            throw InputError(
                path: texts[texts.count - 1],
                message: "plain texts are read in pairs (source text, then its line-aligned translation): this one has no partner")
        }
        for index in stride(from: 0, to: texts.count, by: 2) {
            pairs += try readTexts(source: texts[index], target: texts[index + 1], textAligner: textAligner)
        }
        for path in files where !isPlainText(path) {
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

    /// Two plain texts: line by line where their lines correspond, else sentence-aligned by `textAligner`
    /// (without one, refused at the first line that does not correspond).
    public static func readTexts(source: String, target: String, textAligner: TextAligner?) throws -> [TermPairInput] {
        let sourceText = try TextFile.read(source)
        let targetText = try TextFile.read(target)
        let name = (source as NSString).lastPathComponent
        switch pairLines(source: source, target: target, sourceText: sourceText, targetText: targetText) {
        case .pairs(let pairs):
            return pairs
        case .misaligned(let error):
            guard let textAligner else { throw error }
            return try textAligner(sourceText, targetText).enumerated().compactMap { index, pair in
                let sourceSentence = pair.source.trimmingCharacters(in: .whitespacesAndNewlines)
                let targetSentence = pair.target.trimmingCharacters(in: .whitespacesAndNewlines)
                guard !sourceSentence.isEmpty, !targetSentence.isEmpty else { return nil }
                return TermPairInput(id: "\(name):s\(index + 1)", source: sourceSentence, target: targetSentence)
            }
        }
    }

    /// Two plain texts aligned line by line: line n of the source is translated by line n of the target. Lines
    /// blank on both sides are skipped; a line blank on one side only, or a different number of lines, means the
    /// texts are not line-aligned: refused, naming the file and line, rather than pairing the rest wrongly.
    public static func readLines(source: String, target: String) throws -> [TermPairInput] {
        switch pairLines(
            source: source, target: target, sourceText: try TextFile.read(source), targetText: try TextFile.read(target))
        {
        case .pairs(let pairs): return pairs
        case .misaligned(let error): throw error
        }
    }

    private enum LinePairing {
        case pairs([TermPairInput])
        case misaligned(InputError)
    }

    private static func pairLines(source: String, target: String, sourceText: String, targetText: String) -> LinePairing {
        let sourceLines = lines(of: sourceText)
        let targetLines = lines(of: targetText)
        let name = (source as NSString).lastPathComponent
        var pairs: [TermPairInput] = []
        for index in 0..<max(sourceLines.count, targetLines.count) {
            let sourceLine = index < sourceLines.count ? sourceLines[index] : nil
            let targetLine = index < targetLines.count ? targetLines[index] : nil
            let sourceBlank = sourceLine.map { $0.allSatisfy(\.isWhitespace) } ?? true
            let targetBlank = targetLine.map { $0.allSatisfy(\.isWhitespace) } ?? true
            if sourceBlank && targetBlank { continue }
            guard let sourceLine, let targetLine, sourceBlank == targetBlank else {
                let (path, count) = sourceBlank ? (source, sourceLines.count) : (target, targetLines.count)
                let what = index < count ? "blank line" : "the text ends after \(count) lines"
                return .misaligned(
                    InputError(
                        path: path, line: index + 1,
                        message: "\(what) where the other text has a line: the texts are not line-aligned"))
            }
            pairs.append(
                TermPairInput(
                    id: "\(name):\(index + 1)", source: sourceLine.trimmingCharacters(in: .whitespaces),
                    target: targetLine.trimmingCharacters(in: .whitespaces)))
        }
        return .pairs(pairs)
    }

    /// Lines without their terminators (LF or CRLF); a final terminator ends the last line, it does not start one.
    static func lines(of text: String) -> [Substring] {
        // "\r\n" is one Character in Swift: split on both.
        var result = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
        if result.last?.isEmpty == true { result.removeLast() }
        return result
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
    public static func read(memory path: String, containing terms: [String], limitPerTerm: Int = 150) throws -> Loaded {
        let memory = try openMemory(path)
        var seen = Set<Int64>()
        var pairs: [TermPairInput] = []
        for term in terms {
            for hit in try memory.concordance(term, limit: limitPerTerm, highlighting: false).hits where seen.insert(hit.id).inserted {
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
