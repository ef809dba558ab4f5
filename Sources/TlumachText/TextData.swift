import Foundation
import Synchronization
import TlumachCore

/// Checks that the text module's data files are installed. The normaliser and segmenter cannot throw this from
/// their initialisers (their errors are `ICUError`), so a program calls it first, as `tlumach normalize` does.
public enum TextDataFiles {
    /// The names of every data file in Data/ (without `.txt`).
    public static let names = ["lookalikes", "no-break-space", "english-function-words"] + Language.allCases.map { "abbreviations-\($0.rawValue)" }

    /// Throws `InputError` naming the first data file that cannot be found or read (a binary installed without its
    /// `Tlumach_TlumachText.resources` folder); see `ResourceLocator` for where it looks.
    public static func verify() throws(InputError) {
        for name in names { _ = try TextData.loadLines(name) }
    }

    /// Start-up work that needs no argument, for another thread while the command line is parsed: the data files
    /// read as `verify` reads them (a missing one is left to `verify` to report: failures are not kept) and the
    /// character class table built.
    public static func warmUp() {
        for name in names { _ = try? TextData.loadLines(name) }
        _ = classTable
    }
}

/// The module's data files (Sources/TlumachText/Data), read once. Rules live in these files, not in code.
package enum TextData {
    static let bundleName = "Tlumach_TlumachText"

    /// The lines of a data file without comments and blank lines; empty when the file is missing (which
    /// `TextDataFiles.verify()` reports).
    static func lines(_ name: String) -> [String] {
        (try? loadLines(name)) ?? []
    }

    /// Files already read (`verify()` at a command's start reads each one; the modules then take them from here).
    private static let loaded = Mutex<[String: [String]]>([:])

    /// The lines of a data file without comments and blank lines, read once per process.
    static func loadLines(_ name: String) throws(InputError) -> [String] {
        if let lines = loaded.withLock({ $0[name] }) { return lines }
        let lines = try readLines(name)
        loaded.withLock { $0[name] = lines }
        return lines
    }

    private static func readLines(_ name: String) throws(InputError) -> [String] {
        let url = try ResourceLocator.url(bundleName: bundleName, resource: name, extension: "txt", subdirectory: "Data")
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw InputError(path: url.path, message: "cannot read data file (not UTF-8 or unreadable)")
        }
        return text.split(whereSeparator: \.isNewline).map(String.init).filter {
            !$0.isEmpty && !$0.hasPrefix("#")
        }
    }

    /// Latin → Cyrillic and Cyrillic → Latin look-alike letters.
    package static let lookAlikes: (toCyrillic: [Unicode.Scalar: Unicode.Scalar], toLatin: [Unicode.Scalar: Unicode.Scalar]) = {
        var toCyrillic: [Unicode.Scalar: Unicode.Scalar] = [:]
        var toLatin: [Unicode.Scalar: Unicode.Scalar] = [:]
        for line in lines("lookalikes") {
            let parts = line.split(separator: " ")
            guard parts.count == 2, let latin = parts[0].unicodeScalars.first, let cyrillic = parts[1].unicodeScalars.first,
                parts[0].unicodeScalars.count == 1, parts[1].unicodeScalars.count == 1
            else { continue }
            toCyrillic[latin] = cyrillic
            toLatin[cyrillic] = latin
        }
        return (toCyrillic, toLatin)
    }()

    /// English function words (`LanguageEvidence.paragraphLanguage`).
    /// (Keyed as `LanguageEvidence.functionWordKey` packs them: words of lower-case ASCII letters, up to six.)
    nonisolated(unsafe) static let englishFunctionWords: Set<UInt64> = Set(
        lines("english-function-words").compactMap { word -> UInt64? in
            let bytes = Array(word.utf8)
            guard (1...6).contains(bytes.count), bytes.allSatisfy({ $0 &- 0x61 < 26 }) else { return nil }
            return LanguageEvidence.functionWordKey(0, bytes.count) { UInt32(bytes[$0]) }
        })

    /// The no-break space policy: signs after which, and units before which, a no-break space stays.
    static let noBreakSpacePolicy: (after: Set<String>, beside: Set<String>, units: Set<String>) = {
        var after: Set<String> = []
        var beside: Set<String> = []
        var units: Set<String> = []
        var section = ""
        for line in lines("no-break-space") {
            let entry = trimmingSpaces(line)
            if entry.hasPrefix("[") {
                section = entry
            } else if section == "[after]" {
                after.insert(entry)
            } else if section == "[beside]" {
                beside.insert(entry)
            } else if section == "[units]" {
                units.insert(entry)
            }
        }
        return (after, beside, units)
    }()

    /// `line` without the spaces (general category Zs) and tabs at either end: what Foundation's
    /// `trimmingCharacters(in: .whitespaces)` removes, without bridging to NSString when a command starts.
    static func trimmingSpaces(_ line: String) -> String {
        func isSpace(_ scalar: Unicode.Scalar) -> Bool {
            scalar == "\t" || scalar.properties.generalCategory == .spaceSeparator
        }
        let scalars = line.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isSpace($0) }),
            let last = scalars.lastIndex(where: { !isSpace($0) })
        else { return "" }
        return String(scalars[first...last])
    }
}
