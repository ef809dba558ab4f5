import Foundation
import TlumachTestSupport
import XCTest

/// `tlumach` copied somewhere on its own must report the missing data files (exit 2, what to install, where it
/// looked), never crash; with its `*.resources` folders beside it, in ../share/tlumach, or named by
/// TLUMACH_RESOURCES it must work.
final class InstallCLITests: XCTestCase {
    /// The build folder: the binary and the resource folders SwiftPM made for it.
    private var buildFolder: URL { CLI.binary.deletingLastPathComponent() }

    /// TLUMACH_RESOURCES emptied, so a value in the developer's environment cannot make a test pass.
    private let noOverride = ["TLUMACH_RESOURCES": ""]

    private func copyBinary(into folder: URL) throws -> URL {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let copy = folder.appendingPathComponent("tlumach")
        try FileManager.default.copyItem(at: CLI.binary, to: copy)
        return copy
    }

    private func copyResources(into folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let names = try FileManager.default.contentsOfDirectory(atPath: buildFolder.path)
            .filter { $0.hasSuffix(".resources") }
        XCTAssertTrue(names.contains("Tlumach_TlumachText.resources"), "\(names)")
        XCTAssertTrue(names.contains("Tlumach_TlumachTranslit.resources"), "\(names)")
        for name in names {
            try FileManager.default.copyItem(
                at: buildFolder.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
    }

    /// translit (rules file) and normalize (text data files) both work.
    private func assertWorks(
        _ binary: URL, in folder: URL, environment: [String: String], file: StaticString = #filePath,
        line: UInt = #line
    ) throws {
        let kmu = try CLI.run(executable: binary, ["translit", "Київ"], in: folder, environment: environment)
        XCTAssertEqual(kmu.status, 0, kmu.stderr, file: file, line: line)
        XCTAssertEqual(kmu.stdout, "Kyiv\n", file: file, line: line)
        let iso = try CLI.run(
            executable: binary, ["translit", "--scheme", "iso9", "Київ"], in: folder, environment: environment)
        XCTAssertEqual(iso.stdout, "Kiïv\n", iso.stderr, file: file, line: line)
        let normalized = try CLI.run(
            executable: binary, ["normalize"], stdin: "Він сказав \"так\" - і пішов. Mr. Smith\n", in: folder,
            environment: environment)
        XCTAssertEqual(normalized.status, 0, normalized.stderr, file: file, line: line)
        XCTAssertEqual(normalized.stdout, "Він сказав «так» — і пішов. Mr. Smith\n", file: file, line: line)
        // check reads its own word lists (number words: "two" is 2) from its bundle, found the same way.
        let po = folder.appendingPathComponent("numbers.po")
        try "msgid \"two files\"\nmsgstr \"2 файли\"\n".write(to: po, atomically: true, encoding: .utf8)
        let check = try CLI.run(executable: binary, ["check", "--no-glossary", po.path], in: folder, environment: environment)
        XCTAssertEqual(check.status, 0, check.stdout + check.stderr, file: file, line: line)
    }

    func testBinaryAloneExitsTwoWithInstructionsAndWritesNothing() throws {
        let folder = try CLI.temporaryDirectory(for: self)
        let binary = try copyBinary(into: folder)

        let translit = try CLI.run(executable: binary, ["translit", "Київ"], in: folder, environment: noOverride)
        XCTAssertEqual(translit.status, 2, translit.stderr)
        XCTAssertEqual(translit.stdout, "")
        // Every command first checks the text module's data (the first missing file is named).
        XCTAssertTrue(translit.stderr.hasPrefix("tlumach: Tlumach_TlumachText.resources: data file Data/"), translit.stderr)
        XCTAssertEqual(translit.stderr.split(separator: "\n").count, 1, translit.stderr)
        XCTAssertTrue(translit.stderr.contains("install the *.resources folders next to the binary"), translit.stderr)
        XCTAssertTrue(translit.stderr.contains("set TLUMACH_RESOURCES"), translit.stderr)
        XCTAssertTrue(translit.stderr.contains(folder.standardizedFileURL.path), translit.stderr)

        let iso = try CLI.run(executable: binary, ["translit", "--scheme", "iso9"], stdin: "Київ\n", in: folder,
                              environment: noOverride)
        XCTAssertEqual(iso.status, 2, iso.stderr)
        XCTAssertTrue(iso.stderr.contains("not found; install the *.resources"), iso.stderr)

        let normalize = try CLI.run(executable: binary, ["normalize"], stdin: "м'ясо\n", in: folder,
                                    environment: noOverride)
        XCTAssertEqual(normalize.status, 2, normalize.stderr)
        XCTAssertEqual(normalize.stdout, "")
        XCTAssertTrue(normalize.stderr.hasPrefix("tlumach: Tlumach_TlumachText.resources: data file Data/"),
                      normalize.stderr)
        XCTAssertTrue(normalize.stderr.contains("TLUMACH_RESOURCES"), normalize.stderr)

        // check reads the same look-alike table: without it, it stops too rather than check with less.
        let xliff = TestFiles.packageRoot("examples/check/article.xlf").path
        let check = try CLI.run(executable: binary, ["check", xliff], in: folder, environment: noOverride)
        XCTAssertEqual(check.status, 2, check.stderr)
        XCTAssertEqual(check.stdout, "")
        XCTAssertTrue(check.stderr.hasPrefix("tlumach: Tlumach_TlumachText.resources: data file Data/"), check.stderr)

        // --in-place leaves the file as it was.
        let article = folder.appendingPathComponent("article.md")
        try "м'ясо\n".write(to: article, atomically: true, encoding: .utf8)
        let inPlace = try CLI.run(executable: binary, ["normalize", "--in-place", article.path], in: folder,
                                  environment: noOverride)
        XCTAssertEqual(inPlace.status, 2, inPlace.stderr)
        XCTAssertEqual(try String(contentsOf: article, encoding: .utf8), "м'ясо\n")
    }

    func testAMissingSchemeIsNamedWhenTheTextDataIsThere() throws {
        let folder = try CLI.temporaryDirectory(for: self)
        let binary = try copyBinary(into: folder)
        try FileManager.default.copyItem(
            at: buildFolder.appendingPathComponent("Tlumach_TlumachText.resources"),
            to: folder.appendingPathComponent("Tlumach_TlumachText.resources"))
        let translit = try CLI.run(executable: binary, ["translit", "Київ"], in: folder, environment: noOverride)
        XCTAssertEqual(translit.status, 2, translit.stderr)
        XCTAssertTrue(translit.stderr.hasPrefix("tlumach: Tlumach_TlumachTranslit.resources: "), translit.stderr)
        XCTAssertTrue(translit.stderr.contains("data file Schemes/kmu2010.txt not found"), translit.stderr)
        XCTAssertTrue(translit.stderr.contains(folder.standardizedFileURL.path), translit.stderr)
    }

    /// An install missing one module's bundle (here check's word lists) stops at once with that bundle named,
    /// as a missing text module does; SwiftPM's `Bundle.module` would have crashed (`fatalError`) without the
    /// build folder, or quietly used it with it.
    func testAMissingModuleBundleIsNamed() throws {
        let prefix = try CLI.temporaryDirectory(for: self)
        let binary = try copyBinary(into: prefix.appendingPathComponent("bin"))
        let share = prefix.appendingPathComponent("share/tlumach")
        try copyResources(into: share)
        try FileManager.default.removeItem(at: share.appendingPathComponent("Tlumach_TlumachCheck.resources"))
        let xliff = TestFiles.packageRoot("examples/check/article.xlf").path
        let check = try CLI.run(executable: binary, ["check", xliff], in: prefix, environment: noOverride)
        XCTAssertEqual(check.status, 2, check.stderr)
        XCTAssertEqual(check.stdout, "")
        XCTAssertTrue(check.stderr.hasPrefix("tlumach: Tlumach_TlumachCheck.resources: data file Data/number-words.tsv not found"), check.stderr)
        XCTAssertEqual(check.stderr.split(separator: "\n").count, 1, check.stderr)
    }

    func testEnvironmentVariableNamesTheResourceFolder() throws {
        let folder = try CLI.temporaryDirectory(for: self)
        let binary = try copyBinary(into: folder)
        try assertWorks(binary, in: folder, environment: ["TLUMACH_RESOURCES": buildFolder.path])
    }

    func testWrongEnvironmentVariableIsListedInTheError() throws {
        let folder = try CLI.temporaryDirectory(for: self)
        let binary = try copyBinary(into: folder.appendingPathComponent("bin"))
        let empty = folder.appendingPathComponent("empty")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        let result = try CLI.run(
            executable: binary, ["translit", "Київ"], in: folder, environment: ["TLUMACH_RESOURCES": empty.path])
        XCTAssertEqual(result.status, 2, result.stderr)
        XCTAssertTrue(result.stderr.contains("searched: \(empty.path), "), result.stderr)
    }

    func testResourceFoldersBesideTheBinary() throws {
        let folder = try CLI.temporaryDirectory(for: self)
        let binary = try copyBinary(into: folder)
        try copyResources(into: folder)
        try assertWorks(binary, in: folder, environment: noOverride)
    }

    func testPrefixLayoutThroughASymlink() throws {
        // PREFIX/bin/tlumach with PREFIX/share/tlumach/*.resources, run through a symlink elsewhere on PATH.
        let prefix = try CLI.temporaryDirectory(for: self)
        let binary = try copyBinary(into: prefix.appendingPathComponent("bin"))
        try copyResources(into: prefix.appendingPathComponent("share/tlumach"))
        try assertWorks(binary, in: prefix, environment: noOverride)

        let links = prefix.appendingPathComponent("links")
        try FileManager.default.createDirectory(at: links, withIntermediateDirectories: true)
        let link = links.appendingPathComponent("tlumach")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: binary)
        try assertWorks(link, in: prefix, environment: noOverride)
    }
}
