import Foundation

/// Finds the data files a module ships (SwiftPM resource bundles) without SwiftPM's generated `Bundle.module`,
/// which calls `fatalError` when the bundle is not beside the executable: a binary copied on its own to
/// /usr/local/bin must report a broken install, not crash.
///
/// A bundle `NAME` is looked for as `NAME.resources` (Linux) or `NAME.bundle` (macOS, also with
/// `Contents/Resources`) in these folders, in order:
/// 1. `$TLUMACH_RESOURCES` (the folder holding the bundles);
/// 2. the folder of the running executable, symlinks resolved and as invoked;
/// 3. `../share/tlumach` relative to each of those folders (`make install`-style layouts);
/// 4. the folders of the loaded bundles (`Bundle.main`, and the `.xctest` bundles when tests run).
public enum ResourceLocator {
    /// The environment variable naming a folder that holds the `*.resources` folders.
    public static let environmentVariable = "TLUMACH_RESOURCES"

    /// The URL of `resource.ext` in bundle `bundleName` (e.g. "Tlumach_TlumachText"), in `subdirectory` or at the
    /// bundle's top level. Throws `InputError` naming the file and the folders searched when it is nowhere.
    public static func url(
        bundleName: String, resource: String, extension ext: String, subdirectory: String? = nil
    ) throws(InputError) -> URL {
        let fileName = ext.isEmpty ? resource : "\(resource).\(ext)"
        let relativePaths = [subdirectory.map { "\($0)/\(fileName)" }, fileName].compactMap { $0 }
        // The folders in the order of `searchFolders()`; the loaded bundles' folders (Bundle.allBundles, a walk of
        // every loaded image) only when no earlier folder holds the file, which is never for an installed binary.
        var seen: Set<String> = []
        func find(in folders: [(url: URL, path: String)]) -> URL? {
            for folder in folders where seen.insert(folder.path).inserted {
                for bundle in bundleDirectories(named: bundleName, in: folder.url) {
                    for relative in relativePaths {
                        let candidate = bundle.appendingPathComponent(relative)
                        if isReadableFile(candidate) { return candidate }
                    }
                }
            }
            return nil
        }
        if let found = find(in: configuredFolder().map { [$0] } ?? []) { return found }
        if let found = find(in: executableFolders) { return found }
        if let found = find(in: loadedBundleFolders) { return found }
        let shown = relativePaths[0]
        throw InputError(
            path: "\(bundleName).resources",
            message: "data file \(shown) not found; install the *.resources folders next to the binary or in "
                + "../share/tlumach relative to it, or set \(environmentVariable) to the folder that holds them "
                + "(searched: \(searchFolders().map(\.path).joined(separator: ", ")))")
    }

    /// The folders searched, in order, without duplicates.
    public static func searchFolders() -> [URL] {
        var seen: Set<String> = []
        let folders = (configuredFolder().map { [$0] } ?? []) + executableFolders + loadedBundleFolders
        return folders.filter { seen.insert($0.path).inserted }.map { $0.url }
    }

    /// `$TLUMACH_RESOURCES`, read at each search (tests set it while the process runs), with its standardised path.
    private static func configuredFolder() -> (url: URL, path: String)? {
        guard let value = getenv(environmentVariable), value.pointee != 0 else { return nil }
        let url = URL(fileURLWithPath: String(cString: value), isDirectory: true)
        return (url, url.standardizedFileURL.path)
    }

    /// The folders that depend only on where the executable is (standardised, with their paths); computed once
    /// per process.
    private static let executableFolders: [(url: URL, path: String)] = {
        var executableFolders: [URL] = []
        for executable in executablePaths() {
            let url = URL(fileURLWithPath: executable).standardizedFileURL  // ./tlumach: drop the "."
            executableFolders.append(url.deletingLastPathComponent())
            executableFolders.append(url.resolvingSymlinksInPath().deletingLastPathComponent())
        }
        var folders = executableFolders
        folders += executableFolders.map {
            $0.deletingLastPathComponent().appendingPathComponent("share/tlumach", isDirectory: true)
        }
        return folders.map { standardized($0) }
    }()

    /// Where SwiftPM's test runner and `swift run` keep the bundles: beside the main bundle or the .xctest;
    /// computed once per process, the first time a file is not beside the executable.
    private static let loadedBundleFolders: [(url: URL, path: String)] = {
        var folders = [Bundle.main.bundleURL]
        for bundle in Bundle.allBundles {
            folders.append(bundle.bundleURL)
            if bundle.bundlePath.hasSuffix(".xctest") { folders.append(bundle.bundleURL.deletingLastPathComponent()) }
        }
        return folders.map { standardized($0) }
    }()

    private static func standardized(_ url: URL) -> (url: URL, path: String) {
        let standard = url.standardizedFileURL
        return (standard, standard.standardizedFileURL.path)
    }

    /// The running executable's path as the kernel knows it and as it was invoked.
    private static func executablePaths() -> [String] {
        var paths: [String] = []
        #if os(Linux)
            if let real = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
                paths.append(real)
            }
        #endif
        if let main = Bundle.main.executablePath { paths.append(main) }
        if let invoked = CommandLine.arguments.first, invoked.contains("/") {
            paths.append(
                invoked.hasPrefix("/")
                    ? invoked : FileManager.default.currentDirectoryPath + "/" + invoked)
        }
        return paths
    }

    private static func bundleDirectories(named name: String, in folder: URL) -> [URL] {
        let resources = folder.appendingPathComponent("\(name).resources", isDirectory: true)
        let bundle = folder.appendingPathComponent("\(name).bundle", isDirectory: true)
        return [resources, bundle.appendingPathComponent("Contents/Resources", isDirectory: true), bundle]
    }

    private static func isReadableFile(_ url: URL) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && !isDirectory.boolValue
            && FileManager.default.isReadableFile(atPath: url.path)
    }
}
