import ArgumentParser
import Foundation
import TlumachAlign
import TlumachConfig
import TlumachCore
import TlumachGlossary
import TlumachMemory
import TlumachText

struct AlignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "align",
        abstract: "Align the sentences of an article and its translation.",
        discussion: """
            Segments both texts (or reads one sentence per line with --presegmented) and aligns them by dynamic \
            programming over 1-1, 1-0, 0-1, 2-1, 1-2 and 2-2 beads, scoring sentence lengths (Gale–Church) and \
            anchors: numbers by value, names through their Latin key, code kept as written, punctuation. Output: tsv (a language header, then source TAB target), \
            beads (source numbers TAB target numbers, 1-based; line numbers with --presegmented) or tmx. \
            Languages: uk, en or ru; uk → en unless --source-lang/--target-lang say otherwise.
            """)

    @Argument(help: "The source text (UTF-8; - for standard input).") var source: String
    @Argument(help: "Its translation (UTF-8; - for standard input).") var target: String
    @OptionGroup var languages: LanguagePairOptions
    @Flag(help: "Both files hold one sentence per line (blank lines are skipped).") var presegmented = false
    @Option(help: "Output format: tsv, beads or tmx.") var format: Format = .tsv
    @Option(name: .customLong("out"), help: "Write the output to this file (atomically) instead of standard output.")
    var outputPath: String?
    @Option(name: .customLong("into-tm"), help: "Also add the aligned pairs (1-1 and merged) to this translation memory.")
    var memoryPath: String?
    @Option(help: "Alignment parameters (JSON, the format of the shipped alignment-parameters.json).")
    var parameters: String?
    @OptionGroup var glossary: OptionalGlossaryOptions
    @Option(help: "Gold beads (the --format beads layout): print strict precision, recall and F1 to standard error.")
    var gold: String?

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case tsv, beads, tmx
    }

    func run() throws {
        // uk → en unless told: `align` does not take the project's languages (it never did).
        let languages = try (
            language(self.languages.source ?? "uk", option: "--source-lang"),
            language(self.languages.target ?? "en", option: "--target-lang")
        )
        guard !(source == "-" && target == "-") else {
            throw ValidationError("only one of SRC and TGT can be standard input (-)")
        }
        let sourceText = try source == "-" ? TextFile.readStandardInput() : TextFile.read(source)
        let targetText = try target == "-" ? TextFile.readStandardInput() : TextFile.read(target)
        let sourceSentences: [NumberedSentence]
        let targetSentences: [NumberedSentence]
        if presegmented {
            sourceSentences = AlignmentInput.presegmented(sourceText)
            targetSentences = AlignmentInput.presegmented(targetText)
        } else {
            sourceSentences = try AlignmentInput.segment(sourceText, language: languages.0)
            targetSentences = try AlignmentInput.segment(targetText, language: languages.1)
        }
        // Gold beads are checked against the sentences before any aligning, so a bad line fails fast.
        let goldBeads = try gold.map { path in
            try GoldBeads.read(
                TextFile.read(path), path: path, sourceNumbers: numbers(sourceSentences),
                targetNumbers: numbers(targetSentences))
        }
        var tuned: AlignmentParameters?
        if let parameters {
            tuned = try AlignmentParameters.load(path: parameters).resolved(source: languages.0, target: languages.1)
        }
        var anchors = SentenceAligner.standardAnchors
        if let matcher = try glossaryMatcher() { anchors.append(TermAnchors(matcher: matcher)) }
        var aligner = SentenceAligner(source: languages.0, target: languages.1, parameters: tuned, anchors: anchors)
        let progress = AlignmentProgress(sentences: sourceSentences.count)
        if progress.meter.isEnabled { aligner.progress = { row, rows in progress.report(row: row, rows: rows) } }
        let beads = aligner.align(source: sourceSentences.map(\.text), target: targetSentences.map(\.text))
        progress.meter.finish()
        let output = AlignmentOutput(
            source: sourceSentences, target: targetSentences, beads: beads, numberByLine: presegmented)
        if let goldBeads {
            printError("strict: \(AlignmentScore(predicted: beads, gold: goldBeads))")
        }
        if let memoryPath {
            try addToMemory(output, path: memoryPath, languages: languages)
        }
        let text: String
        switch format {
        case .tsv: text = output.tsv(sourceLanguage: languages.0.rawValue, targetLanguage: languages.1.rawValue)
        case .beads: text = output.beadsFormat()
        case .tmx:
            text = output.tmx(
                sourceLanguage: languages.0.rawValue, targetLanguage: languages.1.rawValue,
                creationDate: TranslationMemory.timestamp())
        }
        if let outputPath {
            try TextFile.writeAtomically(text, to: outputPath)
        } else {
            FileHandle.standardOutput.write(Data(text.utf8))
        }
    }

    /// The glossary named by --glossary, else the project's default one if there is one, else none (the policy is
    /// `ProjectSettings.anchorGlossaryPaths`). Settings are read only when they can matter.
    private func glossaryMatcher() throws -> TermMatcher? {
        if glossary.disabled { return nil }
        let settings = try ProjectSettings.current()
        guard let paths = try settings.anchorGlossaryPaths(explicit: glossary.paths, disabled: glossary.disabled) else { return nil }
        return try TermMatcher(
            glossary: try Glossary.load(paths: paths, profiles: settings.glossaryProfiles, cache: GlossaryCache.forCommandLine()),
            cache: GlossaryCache.forCommandLine())
    }

    /// The number each sentence has in the output: 1…n, or its line with --presegmented.
    private func numbers(_ sentences: [NumberedSentence]) -> [Int] {
        presegmented ? sentences.map(\.line) : sentences.indices.map { $0 + 1 }
    }

    private func language(_ code: String, option: String) throws -> Language {
        guard let language = Language(rawValue: code.lowercased()) else {
            throw ValidationError("\(option) must be one of \(Language.allCases.map(\.rawValue).joined(separator: ", ")), not '\(code)'")
        }
        return language
    }

    /// Adds the 1-1 and merged pairs to a translation memory (created if needed) in one transaction.
    private func addToMemory(_ output: AlignmentOutput, path: String, languages: (Language, Language)) throws {
        // Through the store protocol (MemoryLocation); the pairs land in one transaction.
        let memory = try MemoryLocation.open(path, access: .create)
        let summary = try memory.guardedStore {
            try memory.setLanguages(source: languages.0.rawValue, target: languages.1.rawValue)
            return try memory.add(pairs: output.translationPairs, origin: "align")
        }
        // Said as `tm import` says it: a heading repeated in the text is a duplicate within this import, not of a
        // unit the memory held.
        printError(
            MemoryImport.describe(
                summary, file: memory.location, sourceLanguage: languages.0.rawValue, policy: .newest))
    }
}
