import Foundation
import TlumachCore
import XCTest

final class ResourceLocatorTests: XCTestCase {
    private func withResourcesVariable<Result>(_ value: String, _ body: () throws -> Result) rethrows -> Result {
        let previous = ProcessInfo.processInfo.environment[ResourceLocator.environmentVariable]
        setenv(ResourceLocator.environmentVariable, value, 1)
        defer {
            if let previous { setenv(ResourceLocator.environmentVariable, previous, 1) } else {
                unsetenv(ResourceLocator.environmentVariable)
            }
        }
        return try body()
    }

    private func makeFile(_ relative: String, in folder: URL) throws -> URL {
        let url = folder.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try "data\n".write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    private func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("locator-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }

    func testFindsFilesInTheFolderNamedByTheEnvironment() throws {
        let folder = try temporaryFolder()
        let inSubfolder = try makeFile("Demo_Module.resources/Rules/one.txt", in: folder)
        let atTop = try makeFile("Demo_Module.resources/two.txt", in: folder)
        let macBundle = try makeFile("Other_Module.bundle/Contents/Resources/Rules/three.txt", in: folder)
        try withResourcesVariable(folder.path) {
            XCTAssertEqual(
                try ResourceLocator.url(bundleName: "Demo_Module", resource: "one", extension: "txt", subdirectory: "Rules").path,
                inSubfolder.path)
            XCTAssertEqual(
                try ResourceLocator.url(bundleName: "Demo_Module", resource: "two", extension: "txt", subdirectory: "Rules").path,
                atTop.path)
            XCTAssertEqual(
                try ResourceLocator.url(bundleName: "Other_Module", resource: "three", extension: "txt", subdirectory: "Rules").path,
                macBundle.path)
        }
    }

    func testMissingFileIsAnInputErrorSayingWhatToDo() throws {
        let folder = try temporaryFolder()
        _ = try makeFile("Demo_Module.resources/Rules/one.txt", in: folder)
        try withResourcesVariable(folder.path) {
            XCTAssertThrowsError(
                try ResourceLocator.url(bundleName: "Demo_Module", resource: "missing", extension: "txt", subdirectory: "Rules")
            ) { error in
                guard let error = error as? InputError else { return XCTFail("not an InputError: \(error)") }
                XCTAssertEqual(error.path, "Demo_Module.resources")
                XCTAssertTrue(error.message.hasPrefix("data file Rules/missing.txt not found; install the *.resources"),
                              error.message)
                XCTAssertTrue(error.message.contains("TLUMACH_RESOURCES"), error.message)
                XCTAssertTrue(error.message.contains("searched: \(folder.path)"), error.message)
            }
            // A directory with the file's name is not the file.
            try FileManager.default.createDirectory(
                at: folder.appendingPathComponent("Demo_Module.resources/Rules/dir.txt"), withIntermediateDirectories: true)
            XCTAssertThrowsError(
                try ResourceLocator.url(bundleName: "Demo_Module", resource: "dir", extension: "txt", subdirectory: "Rules"))
        }
    }

    func testTheEnvironmentsFolderIsSearchedFirstAndEachFolderOnce() throws {
        let folder = try temporaryFolder()
        withResourcesVariable(folder.path) {
            let folders = ResourceLocator.searchFolders().map(\.standardizedFileURL.path)
            XCTAssertEqual(folders.first, folder.standardizedFileURL.path)
            XCTAssertEqual(folders.count, Set(folders).count, "\(folders)")
        }
        // A folder that is also found another way (beside the test bundle, through TLUMACH_RESOURCES) comes first
        // and once; the files beside it are still found.
        let besideTests = withResourcesVariable("") { ResourceLocator.searchFolders() }
        let shared = try XCTUnwrap(besideTests.last)
        withResourcesVariable(shared.path + "/") {
            let folders = ResourceLocator.searchFolders().map(\.standardizedFileURL.path)
            XCTAssertEqual(folders.first, shared.standardizedFileURL.path)
            XCTAssertEqual(folders.count, Set(folders).count, "\(folders)")
            XCTAssertEqual(folders.count, besideTests.count, "\(folders)")
        }
    }

    func testFindsThePackagesOwnBundlesBesideTheTestBundle() throws {
        // How `swift test` finds the text module's data without Bundle.module.
        try withResourcesVariable("") {
            let url = try ResourceLocator.url(
                bundleName: "Tlumach_TlumachText", resource: "lookalikes", extension: "txt", subdirectory: "Data")
            // Tlumach_TlumachText.resources on Linux, Tlumach_TlumachText.bundle on macOS.
            XCTAssertTrue(url.path.contains("/Tlumach_TlumachText."), url.path)
            XCTAssertTrue(url.path.hasSuffix("/Data/lookalikes.txt"), url.path)
        }
    }
}
