import Foundation
import TlumachCore
import TlumachFormats

/// Finds the bilingual files to check: named files as given; folders walked for XLIFF, PO and TMX files (TSV and
/// CSV files in folders are often other data, so they are taken only when an `include` glob names them); all
/// filtered by `include` and `ignore` globs (`*` within a path segment, `**` across segments, `?` one character)
/// matched against paths relative to the current folder. Hidden folders and `.build` are skipped.
public enum CheckInputs {
    public static func collect(paths: [String], include: [String] = [], ignore: [String] = []) throws(InputError) -> [String] {
        var result: [String] = []
        var seen = Set<String>()
        let includes = include.map(Glob.init)
        let ignores = ignore.map(Glob.init)
        func add(_ path: String, explicit: Bool) {
            let relative = path.hasPrefix("./") ? String(path.dropFirst(2)) : path
            if ignores.contains(where: { $0.matches(relative) }) { return }
            if !explicit && !includes.isEmpty && !includes.contains(where: { $0.matches(relative) }) { return }
            if seen.insert(relative).inserted { result.append(relative) }
        }
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw InputError(path: path, message: "no such file or folder")
            }
            if !isDirectory.boolValue {
                add(path, explicit: true)
                continue
            }
            guard let enumerator = FileManager.default.enumerator(atPath: path) else {
                throw InputError(path: path, message: "cannot read folder")
            }
            var found: [String] = []
            while let item = enumerator.nextObject() as? String {
                let name = (item as NSString).lastPathComponent
                if name.hasPrefix(".") {
                    enumerator.skipDescendants()
                    continue
                }
                if BilingualFormat(path: item) != nil {
                    found.append(path == "." ? item : (path as NSString).appendingPathComponent(item))
                }
            }
            for file in found.sorted() {
                let relative = file.hasPrefix("./") ? String(file.dropFirst(2)) : file
                let format = BilingualFormat(path: file)
                if format == .tsv || format == .csv, !includes.contains(where: { $0.matches(relative) }) { continue }
                add(file, explicit: false)
            }
        }
        return result
    }

    /// Files matching the `include` globs under the current folder (when no paths are given).
    public static func fromGlobs(include: [String], ignore: [String]) throws(InputError) -> [String] {
        try collect(paths: ["."], include: include, ignore: ignore)
    }
}

/// A path glob: `**` matches any number of segments, `*` anything but `/`, `?` one character.
public struct Glob: Sendable {
    let pattern: [Character]

    public init(_ pattern: String) {
        var pattern = pattern
        while pattern.hasPrefix("./") { pattern.removeFirst(2) }
        self.pattern = Array(pattern)
    }

    public func matches(_ path: String) -> Bool {
        Self.match(pattern[...], Array(path)[...])
    }

    static func match(_ pattern: ArraySlice<Character>, _ text: ArraySlice<Character>) -> Bool {
        guard let first = pattern.first else { return text.isEmpty }
        if first == "*" {
            let rest = pattern.dropFirst()
            if rest.first == "*" {
                // `**/` may match nothing; `**` crosses segments.
                var afterStars = rest.dropFirst()
                if afterStars.first == "/" {
                    afterStars = afterStars.dropFirst()
                    if match(afterStars, text) { return true }
                }
                var index = text.startIndex
                while index <= text.endIndex {
                    if match(afterStars, text[index...]) { return true }
                    if index == text.endIndex { break }
                    index += 1
                }
                return false
            }
            var index = text.startIndex
            while true {
                if match(rest, text[index...]) { return true }
                if index == text.endIndex || text[index] == "/" { return false }
                index += 1
            }
        }
        guard let character = text.first else { return false }
        if first == "?" { return character != "/" && match(pattern.dropFirst(), text.dropFirst()) }
        return first == character && match(pattern.dropFirst(), text.dropFirst())
    }
}
