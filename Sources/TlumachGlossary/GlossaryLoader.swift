import Foundation
import TlumachCore

/// The file formats a glossary may come in, by extension.
public enum GlossaryFormat: String, Sendable, CaseIterable {
    case yaml, tbx, csv, tsv

    public init?(path: String) {
        switch (path as NSString).pathExtension.lowercased() {
        case "yaml", "yml": self = .yaml
        case "tbx": self = .tbx
        case "csv": self = .csv
        case "tsv": self = .tsv
        default: return nil
        }
    }
}

/// One glossary file as read, before files are combined.
public struct GlossaryFile: Sendable {
    public var path: String
    public var info: GlossaryYAML.FileInfo
    public var concepts: [Concept]
}

extension Glossary {
    /// Reads glossaries from files and folders (a folder: every .yaml/.yml/.tbx/.csv/.tsv file in it, sorted by
    /// name). Overlay files (house style) are applied after all others. Unreadable or invalid files, a concept id
    /// defined twice, and an overlay for an unknown concept are `InputError`s.
    ///
    /// A file that names a `profile` (house style) is read only when that profile is in `profiles` (the caller
    /// passes the project's choice, `ProjectSettings.glossaryProfiles`, or the user's). Asking for a profile no file
    /// names is an error listing the known ones.
    ///
    /// With a `cache`, each file's parsed form is taken from it when the file's bytes are unchanged, and stored
    /// there after a parse (see `GlossaryCache`).
    public static func load(paths: [String], profiles: [String] = [], cache: GlossaryCache? = nil) throws -> Glossary {
        let chosen = profiles
        var files = try readFiles(paths: paths, cache: cache)
        let known = Set(files.compactMap(\.info.profile))
        if let unknown = chosen.first(where: { !known.contains($0) }) {
            let list = known.isEmpty ? "none in these glossaries" : "known: \(known.sorted().joined(separator: ", "))"
            throw InputError(path: paths.first ?? "glossaries", message: "unknown glossary profile `\(unknown)` (\(list))")
        }
        files.removeAll { file in file.info.profile.map { !chosen.contains($0) } ?? false }
        var glossary = Glossary(files: files.map(\.path))
        var definedIn: [String: String] = [:]
        for file in files where !file.info.overlay {
            for concept in file.concepts {
                if let other = definedIn[concept.id] {
                    throw InputError(
                        path: file.path, line: concept.origin?.line, column: concept.origin?.column,
                        message: "concept `\(concept.id)` is already defined in \(other)")
                }
                definedIn[concept.id] = file.path
                glossary.add(concept)
            }
        }
        for file in files where file.info.overlay {
            for concept in file.concepts where !glossary.amend(with: concept) {
                throw InputError(
                    path: file.path, line: concept.origin?.line, column: concept.origin?.column,
                    message: "overlay amends concept `\(concept.id)`, which no other glossary defines")
            }
        }
        return glossary
    }

    /// Expands folders and reads each file in its format.
    public static func readFiles(paths: [String], cache: GlossaryCache? = nil) throws -> [GlossaryFile] {
        var files: [GlossaryFile] = []
        for path in try expand(paths) { files.append(try readFile(path, cache: cache)) }
        return files
    }

    /// File paths behind `paths` (folders expanded, sorted).
    public static func expand(_ paths: [String]) throws -> [String] {
        var result: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw InputError(path: path, message: "no such file or folder")
            }
            if isDirectory.boolValue {
                let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
                let found = names.sorted().filter { GlossaryFormat(path: $0) != nil && !$0.hasPrefix(".") }
                if found.isEmpty {
                    throw InputError(path: path, message: "no glossary files (.yaml, .yml, .tbx, .csv, .tsv) in this folder")
                }
                result += found.map { (path as NSString).appendingPathComponent($0) }
            } else {
                guard GlossaryFormat(path: path) != nil else {
                    throw InputError(path: path, message: "unknown glossary format (expected .yaml, .yml, .tbx, .csv or .tsv)")
                }
                result.append(path)
            }
        }
        return result
    }

    public static func readFile(_ path: String, cache: GlossaryCache? = nil) throws -> GlossaryFile {
        guard let format = GlossaryFormat(path: path) else {
            throw InputError(path: path, message: "unknown glossary format (expected .yaml, .yml, .tbx, .csv or .tsv)")
        }
        guard let cache else { return try parseFile(path, format: format, data: nil) }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw InputError(path: path, message: "cannot read file: \((error as NSError).localizedDescription)")
        }
        let key = GlossaryCache.Key(data: data, format: format)
        if let cached = cache.read(path: path, key: key) { return cached }
        let file = try parseFile(path, format: format, data: data)
        cache.write(file, key: key)
        return file
    }

    /// Parses a file in its format, from `data` when the caller has already read it.
    private static func parseFile(_ path: String, format: GlossaryFormat, data: Data?) throws -> GlossaryFile {
        func text() throws -> String { try data.map { try TextFile.decode($0, path: path) } ?? TextFile.read(path) }
        switch format {
        case .yaml:
            let (info, concepts) = try GlossaryYAML.parse(try text(), path: path)
            return GlossaryFile(path: path, info: info, concepts: concepts.map { var c = $0; c.file = path; return c })
        case .tbx:
            let concepts = try data.map { try GlossaryTBX.read(data: $0, name: path) } ?? GlossaryTBX.read(path: path)
            return GlossaryFile(path: path, info: GlossaryYAML.FileInfo(), concepts: concepts)
        case .csv, .tsv:
            let text = try text()
            let concepts = try GlossaryCSV.parse(text, path: path, separator: format == .tsv ? "\t" : GlossaryCSV.detectSeparator(text))
            return GlossaryFile(path: path, info: GlossaryYAML.FileInfo(), concepts: concepts)
        }
    }

    /// Writes concepts to `path` in the format its extension names, atomically.
    public static func write(_ concepts: [Concept], to path: String, info: GlossaryYAML.FileInfo = .init(), tbxVersion: Int = 3) throws {
        guard let format = GlossaryFormat(path: path) else {
            throw InputError(path: path, message: "unknown glossary format (expected .yaml, .yml, .tbx, .csv or .tsv)")
        }
        let text: String
        switch format {
        case .yaml: text = GlossaryYAML.write(concepts, info: info)
        case .tbx: text = tbxVersion == 2 ? GlossaryTBX.writeV2(concepts) : GlossaryTBX.writeV3(concepts)
        case .csv: text = GlossaryCSV.write(concepts, separator: ",")
        case .tsv: text = GlossaryCSV.write(concepts, separator: "\t")
        }
        try TextFile.writeAtomically(text, to: path)
    }
}
