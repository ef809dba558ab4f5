import ArgumentParser
import Dispatch
import Foundation
import Synchronization
import TlumachConfig
import TlumachCore
import TlumachGlossary
import TlumachText

struct TermsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "terms", abstract: "List every glossary term found in texts, in any grammatical form.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, summary }

    @Argument(help: "Text files (UTF-8); - or none reads standard input.") var files: [String] = []
    @OptionGroup var glossary: GlossaryOptions
    @Option(help: "Language of the terms to find: uk, en, ru, another tag, or auto (by the text's letters).") var lang: String = "auto"
    @Option(help: "text, json or summary (counts per concept)") var format: Format = .text

    func run() throws {
        // A one-file summary (the one-shot case): the file is read and checked to be UTF-8 on another core while
        // the glossary loads on this one. The glossary's errors still come first.
        let early = format == .summary && lang != "auto" && files.count == 1 && files[0] != "-" ? EarlyText(path: files[0]) : nil
        let matcher = try glossary.loadMatcher(settings: ProjectSettings.current())
        var jsonMatches: [String] = []
        var counts: [String: Int] = [:]
        for file in files.isEmpty ? ["-"] : files {
            if let early {
                let read = try early.wait().get()
                if let invalid = read.invalidOffset { throw TextFile.invalidUTF8(invalid + read.byteOrderMark, path: file) }
                let found = read.data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
                    let bytes = raw.assumingMemoryBound(to: UInt8.self)
                    return matcher.counts(inValidUTF8: UnsafeBufferPointer(rebasing: bytes[read.byteOrderMark...]), language: lang)
                }
                for (concept, count) in found { counts[concept, default: 0] += count }
                continue
            }
            if format == .summary && lang != "auto" && file != "-" {
                // No String of the file: the matcher validates the bytes as it scans them, on every core.
                let (data, bom) = try TextFile.readBytes(file)
                let found: Result<[String: Int], InvalidUTF8> = data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
                    let bytes = raw.assumingMemoryBound(to: UInt8.self)
                    return Result { () throws(InvalidUTF8) in
                        try matcher.counts(inUnvalidatedUTF8: UnsafeBufferPointer(rebasing: bytes[bom...]), language: lang)
                    }
                }
                guard case .success(let found) = found else {
                    if case .failure(let error) = found { throw TextFile.invalidUTF8(error.byteOffset + bom, path: file) }
                    continue
                }
                for (concept, count) in found { counts[concept, default: 0] += count }
                continue
            }
            let text = file == "-" ? try TextFile.readStandardInput() : try TextFile.read(file)
            let name = file == "-" ? "<stdin>" : file
            let language = lang == "auto" ? LanguageDetector.documentLanguage(text).rawValue : lang
            if format == .summary {
                for (concept, count) in matcher.counts(in: text, language: language) { counts[concept, default: 0] += count }
                continue
            }
            let lines = LineIndex(text)
            // A sentence-initial name that may be an ordinary word (Сума допомоги…) is listed, marked ambiguous.
            for match in matcher.matches(in: text, language: language, options: [.ambiguous]) {
                let position = lines.position(ofByte: match.utf8Range.lowerBound)
                switch format {
                case .text:
                    var line = "\(name):\(position.line):\(position.column): \(match.text) → \(match.conceptID) (\(match.language) “\(match.term)”, \(match.status.rawValue)"
                    if match.kind != .exact { line += ", \(match.kind.rawValue)" }
                    if match.ambiguous { line += ", ambiguous: also an ordinary word" }
                    print(line + ")")
                case .json:
                    jsonMatches.append(
                        GlossaryJSON.termMatch(file: name, line: position.line, column: position.column, match))
                case .summary:
                    break
                }
            }
        }
        switch format {
        case .json:
            print(GlossaryJSON.terms(jsonMatches))
        case .summary:
            for (concept, count) in counts.sorted(by: { ($1.value, $0.key) < ($0.value, $1.key) }) {
                print("\(count)\t\(concept)")
            }
        case .text:
            break
        }
    }
}

/// The bytes of a file read (mapped) and checked to be UTF-8 on a thread of its own, for `wait()` later.
final class EarlyText: Sendable {
    struct Read: Sendable {
        var data: Data
        var byteOrderMark: Int
        /// The first invalid byte after the byte-order mark, or nil when the text is valid UTF-8.
        var invalidOffset: Int?
    }

    private let result = Mutex<Result<Read, InputError>?>(nil)
    private let done = DispatchSemaphore(value: 0)

    init(path: String) {
        DispatchQueue.global().async { [self] in
            let read = Result { () throws(InputError) -> Read in
                let (data, bom) = try TextFile.readBytes(path)
                let invalid = data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
                    UTF8Validation.firstInvalidOffset(UnsafeBufferPointer(rebasing: raw.assumingMemoryBound(to: UInt8.self)[bom...]))
                }
                return Read(data: data, byteOrderMark: bom, invalidOffset: invalid)
            }
            result.withLock { $0 = read }
            done.signal()
        }
    }

    /// The file as read, or the error reading it gave.
    func wait() -> Result<Read, InputError> {
        done.wait()
        done.signal()  // a second wait returns at once
        return result.withLock { $0 } ?? .failure(InputError(path: "", message: "not read"))
    }
}
