import Foundation
import TlumachCheck
import TlumachFormats
import TlumachLeverage
import TlumachMemory
import TlumachTMX
import XCTest

/// A temporary folder with a memory and input files, removed after the test.
final class Workspace {
    let directory: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("leverage-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: directory) }

    func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    /// A memory with the pairs (added in order, so their ids are consecutive) and then the units.
    func memory(
        source: String = "uk", target: String = "en", pairs: [(String, String)], units: [TMXUnit] = []
    ) throws -> TranslationMemory {
        let memory = try TranslationMemory.open(path: path("memory-\(UUID().uuidString).tmdb"))
        try memory.setLanguages(source: source, target: target)
        if !pairs.isEmpty { _ = try memory.add(pairs: pairs.map { (source: $0.0, target: $0.1) }, origin: "test") }
        if !units.isEmpty { _ = try memory.add(units: units, origin: "test") }
        return memory
    }

    func write(_ name: String, _ text: String) throws -> String {
        let file = path(name)
        try Data(text.utf8).write(to: URL(fileURLWithPath: file))
        return file
    }

    /// Pre-translates one file and returns the new text with the run's summary.
    func pretranslate(
        _ file: String, memory: TranslationMemory, fuzzy: Bool = false, overwrite: Bool = false,
        gate: TermGate? = nil, minimum: Double = 75
    ) throws -> (text: String, summary: PretranslateSummary, fills: [Fill], notes: [String]) {
        let input = try LeverageInput.read(file)
        var options = PretranslateOptions()
        options.fuzzy = fuzzy
        options.overwrite = overwrite
        options.minimum = minimum
        options.origin = "tlumach:test"
        let pretranslator = Pretranslator(leverager: try Leverager(memory: memory, preload: false), options: options, gate: gate)
        let fills = try pretranslator.fills(for: input)
        let bytes = try pretranslator.write(input, fills: fills)
        return (String(decoding: bytes, as: UTF8.self), pretranslator.summary, fills, pretranslator.notes)
    }
}

func tmxUnit(tuid: String? = nil, source: TMXSegment, target: TMXSegment, languages: (String, String) = ("uk", "en")) -> TMXUnit {
    TMXUnit(
        attributes: tuid.map { ["tuid": $0] } ?? [:],
        variants: [
            TMXVariant(language: languages.0, segment: source), TMXVariant(language: languages.1, segment: target),
        ])
}

/// Removes what pretranslate may add or change in an XLIFF file, so that the rest can be compared byte for byte.
func strippedXLIFF(_ text: String) -> String {
    var result = text
    let patterns = [
        #"\n[ \t]*<alt-trans [^>]*>.*?</alt-trans>"#, #"<alt-trans [^>]*>.*?</alt-trans>"#,
        #"\n[ \t]*<mtc:matches [^>]*>.*?</mtc:matches>"#, #"\n[ \t]*<target[^>]*>.*?</target>"#,
        #"\n[ \t]*<target[^>]*/>"#, #"<target[^>]*>.*?</target>"#, #"<target[^>]*/>"#, #" (state|state-qualifier|subState)="[^"]*""#, #" id="tlumach-s\d+""#,
    ]
    for pattern in patterns {
        result = result.replacingOccurrences(of: pattern, with: "", options: .regularExpression)
    }
    return result
}
