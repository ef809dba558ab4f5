import Foundation
import TlumachCore
import TlumachConfig

/// Where glossaries come from when none is named: `glossaries` in `.tlumach.yml` in the current folder (a path, a
/// list of paths, or `{paths: [...]}`; relative to the file; read by TlumachConfig like every other setting), else a
/// `glossaries/` folder.
public enum GlossarySources {
    public static func defaultPaths(directory: String = FileManager.default.currentDirectoryPath) throws -> [String] {
        if let file = try ConfigurationFile.load(directory: directory), let paths = try file.glossaryPaths() {
            return file.resolved(paths)
        }
        let folder = (directory as NSString).appendingPathComponent("glossaries")
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue {
            return ["glossaries"]
        }
        throw InputError(path: directory, message: "no glossary: pass --glossary PATH, add a glossaries/ folder, or name one in .tlumach.yml (glossaries:)")
    }

    /// The glossary profiles `.tlumach.yml` in `directory` chooses (`glossaries: {profiles: [house-style]}`), or none.
    public static func configuredProfiles(directory: String = FileManager.default.currentDirectoryPath) throws -> [String] {
        guard let file = try ConfigurationFile.load(directory: directory) else { return [] }
        return try file.glossaryProfiles() ?? []
    }

    /// The language of a text by its letters: uk (Cyrillic), ru (Cyrillic with ы э ё ъ and no і ї є ґ), en (Latin).
    public static func detectLanguage(_ text: String) -> String {
        var cyrillic = 0, latin = 0, ukrainian = 0, russian = 0
        for scalar in text.unicodeScalars.prefix(200_000) {
            switch scalar.value {
            case 0x41...0x5A, 0x61...0x7A: latin += 1
            case 0x456, 0x457, 0x454, 0x491, 0x406, 0x407, 0x404, 0x490: cyrillic += 1; ukrainian += 1
            case 0x44B, 0x44D, 0x451, 0x44A, 0x42B, 0x42D, 0x401, 0x42A: cyrillic += 1; russian += 1
            case 0x400...0x4FF: cyrillic += 1
            default: break
            }
        }
        if cyrillic >= latin && cyrillic > 0 { return russian > ukrainian ? "ru" : "uk" }
        return "en"
    }
}
