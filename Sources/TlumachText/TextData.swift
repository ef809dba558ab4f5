import Foundation

/// The module's data files (Sources/TlumachText/Data), read once. Rules live in these files, not in code.
enum TextData {
    /// The lines of a data file without comments and blank lines; empty when the file is missing.
    static func lines(_ name: String) -> [String] {
        guard let url = Bundle.module.url(forResource: name, withExtension: "txt", subdirectory: "Data")
            ?? Bundle.module.url(forResource: name, withExtension: "txt"),
            let text = try? String(contentsOf: url, encoding: .utf8)
        else { return [] }
        return text.split(whereSeparator: \.isNewline).map(String.init).filter {
            !$0.isEmpty && !$0.hasPrefix("#")
        }
    }

    /// Latin → Cyrillic and Cyrillic → Latin look-alike letters.
    static let lookAlikes: (toCyrillic: [Unicode.Scalar: Unicode.Scalar], toLatin: [Unicode.Scalar: Unicode.Scalar]) = {
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

    /// The no-break space policy: signs after which, and units before which, a no-break space stays.
    static let noBreakSpacePolicy: (after: Set<String>, units: Set<String>) = {
        var after: Set<String> = []
        var units: Set<String> = []
        var section = ""
        for line in lines("no-break-space") {
            let entry = line.trimmingCharacters(in: .whitespaces)
            if entry.hasPrefix("[") {
                section = entry
            } else if section == "[after]" {
                after.insert(entry)
            } else if section == "[units]" {
                units.insert(entry)
            }
        }
        return (after, units)
    }()
}
