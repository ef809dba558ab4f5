import ArgumentParser
import Foundation
import TlumachAlign
import TlumachConfig
import TlumachCore
import TlumachGlossary
import TlumachTerminology
import TlumachText

/// Where the pairs come from and which way they are read; shared by `glossary suggest` and `glossary extract`.
struct TermCorpusOptions: ParsableArguments {
    @Option(name: .customLong("source-lang"), help: "Language of the terms (default: the corpus's source language).")
    var sourceLanguage: String?
    @Option(name: .customLong("target-lang"), help: "Language of the translations (default: the corpus's target language).")
    var targetLanguage: String?
    @Option(name: .customLong("without"), help: ArgumentHelp("Switch a part of the method off (ablations): alignment, dice, names, abbreviations, dictionary-form, position-prior, symmetrise, termhood, inflections, ordinary-words, whole-units, form-agreement; repeatable.", visibility: .hidden))
    var without: [String] = []
    @Option(name: .customLong("association"), help: ArgumentHelp("Co-occurrence measure in the score: dice or llr (log-likelihood, normalised).", visibility: .hidden))
    var association: String = "dice"

    func features() throws -> TerminologyFeatures {
        var features = TerminologyFeatures()
        guard let measure = Association(rawValue: association) else {
            throw ValidationError("--association must be dice or llr")
        }
        features.association = measure
        for name in without {
            switch name {
            case "alignment": features.alignment = false
            case "dice": features.dice = false
            case "names": features.names = false
            case "abbreviations": features.abbreviations = false
            case "dictionary-form": features.dictionaryForm = false
            case "position-prior": features.positionPrior = false
            case "symmetrise": features.symmetrise = false
            case "termhood": features.termhood = false
            case "inflections": features.inflections = false
            case "ordinary-words": features.ordinaryWords = false
            case "whole-units": features.wholeUnits = false
            case "form-agreement": features.formAgreement = false
            default: throw ValidationError("unknown --without \(name)")
            }
        }
        return features
    }

    /// Pairs turned so that `source` is in the wanted source language, with both language tags.
    func oriented(_ loaded: TermCorpusLoader.Loaded) -> (pairs: [TermPairInput], source: String, target: String) {
        let scriptSource = Self.isMostlyCyrillic(loaded.pairs.prefix(500).map(\.source)) ? "uk" : "en"
        let fileSource = loaded.sourceLanguage ?? scriptSource
        let fileTarget = loaded.targetLanguage ?? (scriptSource == "uk" ? "en" : "uk")
        func same(_ a: String, _ b: String) -> Bool { a.lowercased().prefix(2) == b.lowercased().prefix(2) }
        let wantsSwap =
            (sourceLanguage.map { same($0, fileTarget) && !same($0, fileSource) } ?? false)
            || (targetLanguage.map { same($0, fileSource) && !same($0, fileTarget) } ?? false)
        if wantsSwap {
            return (loaded.pairs.map { TermPairInput(id: $0.id, source: $0.target, target: $0.source) }, fileTarget, fileSource)
        }
        return (loaded.pairs, fileSource, fileTarget)
    }

    /// `tlumach align`'s sentence aligner (standard anchors, standard parameters), for plain texts whose lines do
    /// not correspond; each text's language by its script (Cyrillic: uk, else en).
    static let sentenceAligner: TermCorpusLoader.TextAligner = { source, target in
        let sourceLanguage: Language = isMostlyCyrillic([source]) ? .uk : .en
        let targetLanguage: Language = isMostlyCyrillic([target]) ? .uk : .en
        let sourceSentences = try AlignmentInput.segment(source, language: sourceLanguage)
        let targetSentences = try AlignmentInput.segment(target, language: targetLanguage)
        let beads = SentenceAligner(source: sourceLanguage, target: targetLanguage)
            .align(source: sourceSentences.map(\.text), target: targetSentences.map(\.text))
        return AlignmentOutput(source: sourceSentences, target: targetSentences, beads: beads, numberByLine: false)
            .translationPairs
    }

    static func isMostlyCyrillic(_ texts: [String]) -> Bool {
        var cyrillic = 0
        var latin = 0
        for text in texts {
            for scalar in text.unicodeScalars where TermTokenizer.isLetter(scalar) {
                if (0x0400...0x052F).contains(scalar.value) { cyrillic += 1 } else if scalar.isASCII { latin += 1 }
            }
        }
        return cyrillic > latin
    }
}

enum TermOutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, tsv, yaml, tbx
}

private func scoreText(_ score: Double) -> String { String(format: "%.3f", score) }

private func examplesJSON(_ examples: [String]) -> String {
    "[" + examples.map { JSONText.quoted($0) }.joined(separator: ",") + "]"
}

private func tsvField(_ text: String) -> String {
    text.replacingOccurrences(of: "\t", with: " ").replacingOccurrences(of: "\n", with: " ")
}

struct GlossarySuggest: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "suggest",
        abstract: "Likely translations of terms, best first, learned from a bilingual corpus or a memory.")

    @Option(name: .customLong("corpus"), help: "A bilingual file (TMX, XLIFF, PO, TSV, CSV), or two plain texts (.txt, source then target: line by line where their lines correspond, else sentence-aligned as `tlumach align` does); repeatable.")
    var corpus: [String] = []
    @Option(name: .customLong("tm"), help: "A translation memory (tlumach tm) instead of --corpus.")
    var memory: String?
    @Option(name: .customLong("batch"), help: "A file with one term a line, instead of TERM arguments.")
    var batch: String?
    @Option(help: "Candidates per term.") var limit: Int = 5
    @Option(help: "text, json (JSON Lines) or tsv") var format: TermOutputFormat = .text
    @OptionGroup var direction: TermCorpusOptions
    @Argument(help: "Terms to translate.") var terms: [String] = []

    func validate() throws {
        guard (corpus.isEmpty) != (memory == nil) else { throw ValidationError("give either --corpus FILE… or --tm STORE") }
        guard limit > 0 else { throw ValidationError("--limit must be positive") }
        guard [.text, .json, .tsv].contains(format) else { throw ValidationError("--format must be text, json or tsv") }
        guard terms.isEmpty != (batch == nil) else { throw ValidationError("give TERM… or --batch FILE") }
    }

    func run() throws {
        var queries = terms
        if let batch {
            queries = try TextFile.read(batch).split(whereSeparator: \.isNewline)
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        let loaded = try memory.map { try TermCorpusLoader.read(memory: $0, containing: queries) }
            ?? TermCorpusLoader.read(
                files: corpus, sourceLanguage: direction.sourceLanguage, targetLanguage: direction.targetLanguage,
                textAligner: TermCorpusOptions.sentenceAligner)
        let oriented = direction.oriented(loaded)
        let sourceIsCyrillic = TermCorpusOptions.isMostlyCyrillic(oriented.pairs.prefix(500).map(\.source))
        // A term written in the other script is looked up the other way round.
        var forward: TermAligner?
        var backward: TermAligner?
        for query in queries {
            let queryIsCyrillic = TermCorpusOptions.isMostlyCyrillic([query])
            let aligner: TermAligner
            if queryIsCyrillic == sourceIsCyrillic || direction.sourceLanguage != nil {
                let built = try forward ?? TermAligner(pairs: oriented.pairs, features: direction.features())
                forward = built
                aligner = built
            } else {
                let built =
                    try backward
                    ?? TermAligner(
                        pairs: oriented.pairs.map { TermPairInput(id: $0.id, source: $0.target, target: $0.source) },
                        features: direction.features())
                backward = built
                aligner = built
            }
            let candidates = aligner.suggest(query, limit: limit)
            switch format {
            case .json:
                let list = candidates.map { candidate in
                    "{\"text\":\(JSONText.quoted(candidate.text)),\"score\":\(scoreText(candidate.score)),\"count\":\(candidate.count),\"kind\":\"\(candidate.kind.rawValue)\",\"examples\":\(examplesJSON(candidate.examples))}"
                }
                print("{\"term\":\(JSONText.quoted(query)),\"candidates\":[\(list.joined(separator: ","))]}")
            case .tsv:
                for (rank, candidate) in candidates.enumerated() {
                    print([tsvField(query), String(rank + 1), tsvField(candidate.text), scoreText(candidate.score), String(candidate.count), candidate.kind.rawValue, candidate.examples.joined(separator: " ")].joined(separator: "\t"))
                }
            default:
                print(query)
                if candidates.isEmpty { print("  (not found in the corpus)") }
                for candidate in candidates {
                    print("  \(candidate.text)  \(scoreText(candidate.score))  ×\(candidate.count)  \(candidate.kind.rawValue)  [\(candidate.examples.joined(separator: ", "))]")
                }
            }
        }
    }
}

struct GlossaryExtract: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Propose glossary entries (terms, names, abbreviations) from a bilingual corpus, best first.")

    @Argument(help: "Bilingual files (TMX, XLIFF, PO, TSV, CSV), or pairs of plain texts (.txt, source then target: line by line where their lines correspond, else sentence-aligned as `tlumach align` does).") var corpus: [String] = []
    @Option(name: .customLong("tm"), help: "A translation memory instead of files.") var memory: String?
    @Option(name: .customLong("min-count"), help: "Least number of units a term pair must be found in (names: any).")
    var minCount: Int = 2
    @Option(help: "At most this many pairs.") var limit: Int?
    @Option(name: .customLong("against"), help: "A glossary file or folder; repeatable. Known pairs are left out, conflicts reported.")
    var against: [String] = []
    @Option(help: "json, tsv, yaml or tbx (a glossary draft for review)") var format: TermOutputFormat = .json
    @Option(name: .customLong("output"), help: "Write to this file (atomically) instead of standard output.")
    var output: String?
    @OptionGroup var direction: TermCorpusOptions

    func validate() throws {
        guard corpus.isEmpty != (memory == nil) else { throw ValidationError("give CORPUS files or --tm STORE") }
        guard minCount >= 1 else { throw ValidationError("--min-count must be at least 1") }
        if let limit, limit < 1 { throw ValidationError("--limit must be positive") }
        guard format != .text else { throw ValidationError("--format must be json, tsv, yaml or tbx") }
    }

    func run() throws {
        let glossary = against.isEmpty ? nil : try Glossary.load(paths: against, profiles: ProjectSettings.current().glossaryProfiles)
        let loaded = try memory.map { try TermCorpusLoader.read(memory: $0) }
            ?? TermCorpusLoader.read(
                files: corpus, sourceLanguage: direction.sourceLanguage, targetLanguage: direction.targetLanguage,
                textAligner: TermCorpusOptions.sentenceAligner)
        let oriented = direction.oriented(loaded)
        let aligner = TermAligner(pairs: oriented.pairs, features: try direction.features())
        var pairs = aligner.extract(minCount: minCount, limit: nil)
        var conflicts: [TermConflict] = []
        if let glossary {
            (pairs, conflicts) = GlossaryDraft.compare(
                pairs, with: glossary, sourceLanguage: oriented.source, targetLanguage: oriented.target)
        }
        if let limit { pairs = Array(pairs.prefix(limit)) }
        let text: String
        switch format {
        case .json:
            let list = pairs.map { pair in
                "{\"source\":\(JSONText.quoted(pair.source)),\"target\":\(JSONText.quoted(pair.target)),\"score\":\(scoreText(pair.score)),\"count\":\(pair.count),\"kind\":\"\(pair.kind.rawValue)\",\"examples\":\(examplesJSON(pair.examples))}"
            }
            var body = "{\"sourceLanguage\":\(JSONText.quoted(oriented.source)),\"targetLanguage\":\(JSONText.quoted(oriented.target)),\"pairs\":[\n"
                + list.joined(separator: ",\n") + "\n]"
            if glossary != nil {
                let items = conflicts.map { conflict in
                    "{\"source\":\(JSONText.quoted(conflict.pair.source)),\"target\":\(JSONText.quoted(conflict.pair.target)),\"count\":\(conflict.pair.count),\"concept\":\(JSONText.quoted(conflict.conceptID)),\"approved\":[\(conflict.approved.map { JSONText.quoted($0) }.joined(separator: ","))],\"reason\":\(JSONText.quoted(conflict.reason)),\"examples\":\(examplesJSON(conflict.pair.examples))}"
                }
                body += ",\"conflicts\":[\n" + items.joined(separator: ",\n") + "\n]"
            }
            text = body + "}\n"
        case .tsv:
            var lines = ["source\ttarget\tscore\tcount\tkind\texamples"]
            for pair in pairs {
                lines.append([tsvField(pair.source), tsvField(pair.target), scoreText(pair.score), String(pair.count), pair.kind.rawValue, pair.examples.joined(separator: " ")].joined(separator: "\t"))
            }
            for conflict in conflicts {
                lines.append("# conflict\t\(tsvField(conflict.pair.source))\t\(tsvField(conflict.pair.target))\t\(conflict.conceptID)\t\(tsvField(conflict.reason))")
            }
            text = lines.joined(separator: "\n") + "\n"
        case .yaml, .tbx:
            let concepts = GlossaryDraft.concepts(pairs, sourceLanguage: oriented.source, targetLanguage: oriented.target)
            let info = GlossaryYAML.FileInfo(
                name: "extracted", description: "Draft from tlumach glossary extract: review every entry before use")
            text = format == .yaml ? GlossaryYAML.write(concepts, info: info) : GlossaryTBX.writeV3(concepts)
            for conflict in conflicts {
                printError("conflict: \(conflict.conceptID): \(conflict.reason)")
            }
        case .text:
            text = ""
        }
        if let output {
            try TextFile.writeAtomically(text, to: output)
            printError("\(pairs.count) pair(s)\(glossary == nil ? "" : ", \(conflicts.count) conflict(s)") → \(output)")
        } else {
            FileHandle.standardOutput.write(Data(text.utf8))
        }
    }
}
