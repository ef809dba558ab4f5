import Foundation

/// Where tests find files: everything is resolved from the package root (this file's place in the source tree), so
/// fixtures, shipped glossaries and docs are read where they are, without resource bundles or the current folder.
public enum TestFiles {
    /// The package root (the folder holding Package.swift).
    public static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
    }

    /// A file or folder under the package root, e.g. `packageRoot("docs/checks")`.
    public static func packageRoot(_ relativePath: String) -> URL {
        packageRoot.appendingPathComponent(relativePath)
    }

    /// The shipped glossaries folder (glossaries/).
    public static var shippedGlossaries: URL { packageRoot("glossaries") }

    /// A test target's own fixtures: Tests/<target>/Fixtures (excluded from the target's sources in Package.swift).
    public static func fixtures(of target: String) -> URL {
        packageRoot("Tests").appendingPathComponent(target).appendingPathComponent("Fixtures")
    }
}
