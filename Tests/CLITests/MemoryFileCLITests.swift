import Foundation
import TlumachTestSupport
import XCTest

/// `tlumach tm` on files that are not (yet, or any longer) good memories: one `tlumach:` line naming the file, exit 2,
/// and nothing created or changed.
final class MemoryFileCLITests: XCTestCase {
    var example: String { CLI.packageRoot.appendingPathComponent("examples/memory/newsroom.tmx").path }

    private func entries(_ directory: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
    }

    func testRefusedFirstImportCreatesNothingAndNamesTheWrongFormat() throws {
        let directory = try CLI.temporaryDirectory(for: self)
        let tm = directory.appendingPathComponent("x.tmdb").path
        let po = directory.appendingPathComponent("tar.po")
        try "# Ukrainian\nmsgid \"\"\nmsgstr \"Content-Type: text/plain; charset=UTF-8\\n\"\n\nmsgid \"file\"\nmsgstr \"файл\"\n"
            .write(to: po, atomically: true, encoding: .utf8)
        let xliff = directory.appendingPathComponent("a.xlf")
        try "<?xml version=\"1.0\"?>\n<!-- exported -->\n<xliff version=\"1.2\"><file/></xliff>\n"
            .write(to: xliff, atomically: true, encoding: .utf8)
        let hostile = directory.appendingPathComponent("hostile.tmx")
        try (try String(contentsOfFile: example, encoding: .utf8))
            .replacingOccurrences(of: "<tmx version=\"1.4\">", with: "<!DOCTYPE tmx [<!ENTITY x \"y\">]>\n<tmx version=\"1.4\">")
            .write(to: hostile, atomically: true, encoding: .utf8)
        let expected = [
            (po.path, "\(po.path): not a TMX file (looks like gettext PO); tm import reads TMX\n"),
            (xliff.path, "\(xliff.path): not a TMX file (looks like XLIFF); tm import reads TMX\n"),
            (hostile.path, nil),
        ]
        for (file, message) in expected {
            let result = try CLI.run(["tm", "import", file, "--tm", tm])
            XCTAssertEqual(result.status, 2, file)
            if let message { XCTAssertEqual(result.stderr, "tlumach: " + message) }
            XCTAssertTrue(result.stderr.hasPrefix("tlumach: \(file)"), result.stderr)
            XCTAssertFalse(FileManager.default.fileExists(atPath: tm), "a refused first import creates nothing")
        }
        XCTAssertEqual(try entries(directory), ["a.xlf", "hostile.tmx", "tar.po"])
        // A wrong file among good ones: refused before anything is imported.
        let mixed = try CLI.run(["tm", "import", example, po.path, "--tm", tm])
        XCTAssertEqual(mixed.status, 2)
        XCTAssertFalse(FileManager.default.fileExists(atPath: tm))
    }

    /// UCS-4 read as UTF-16 looked like "an XML document whose root is < ? x m l >": the XML reader names the
    /// encoding instead, with the file's position.
    func testUCS4TMXIsRefusedForItsEncodingNotAsAnotherFormat() throws {
        let directory = try CLI.temporaryDirectory(for: self)
        let tm = directory.appendingPathComponent("x.tmdb").path
        let text = try String(contentsOfFile: example, encoding: .utf8)
        for (name, bom, encoding) in [
            ("le-bom.tmx", Data([0xFF, 0xFE, 0, 0]), String.Encoding.utf32LittleEndian),
            ("le.tmx", Data(), String.Encoding.utf32LittleEndian), ("be.tmx", Data(), String.Encoding.utf32BigEndian),
        ] {
            let file = directory.appendingPathComponent(name)
            try (bom + XCTUnwrap(text.data(using: encoding))).write(to: file)
            let result = try CLI.run(["tm", "import", file.path, "--tm", tm])
            XCTAssertEqual(result.status, 2, name)
            XCTAssertFalse(result.stderr.contains("not a TMX file"), result.stderr)
            XCTAssertTrue(result.stderr.contains("UCS-4"), result.stderr)
            XCTAssertTrue(result.stderr.hasPrefix("tlumach: \(file.path):1"), result.stderr)
            XCTAssertFalse(FileManager.default.fileExists(atPath: tm))
        }
    }

    func testEmptyFileIsNeverTurnedIntoAMemoryByReading() throws {
        let directory = try CLI.temporaryDirectory(for: self)
        let tm = directory.appendingPathComponent("empty.tmdb").path
        XCTAssertTrue(FileManager.default.createFile(atPath: tm, contents: Data()))
        for arguments in [["search", "x"], ["concord", "x"], ["stats", "--verify"], ["export", "--out", directory.appendingPathComponent("o.tmx").path]] {
            let result = try CLI.run(["tm"] + [arguments[0], "--tm", tm] + arguments.dropFirst())
            XCTAssertEqual(result.status, 2, "\(arguments)")
            XCTAssertEqual(result.stderr, "tlumach: \(tm): an empty file, not a translation memory (import a TMX file to make it one)\n")
        }
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: tm)), Data())
        XCTAssertEqual(try entries(directory), ["empty.tmdb"])
        // An import may make the empty file the user named a memory.
        XCTAssertEqual(try CLI.run(["tm", "import", example, "--tm", tm]).status, 0)
        XCTAssertEqual(try CLI.run(["tm", "stats", "--tm", tm, "--verify"]).status, 0)
    }

    /// A flipped byte, a truncated file, a file that is not SQLite: one line naming the file, saying it is damaged
    /// and how to recover; never SQLite's bare message.
    func testDamagedMemoryFilesSayWhichFileAndHowToRecover() throws {
        let directory = try CLI.temporaryDirectory(for: self)
        let good = directory.appendingPathComponent("good.tmdb").path
        XCTAssertEqual(try CLI.run(["tm", "import", example, "--tm", good]).status, 0)
        let original = try Data(contentsOf: URL(fileURLWithPath: good))
        XCTAssertGreaterThan(original.count, 8192 * 4)
        var flipped = original
        flipped[8192 * 2] ^= 0xFF  // the type byte of a b-tree page
        let damages: [(String, Data, String)] = [
            ("flipped.tmdb", flipped, "the memory file is damaged"),
            ("truncated.tmdb", original.prefix(original.count / 2 + 100), "the memory file is damaged"),
            ("noise.tmdb", Data((0..<5000).map { UInt8(truncatingIfNeeded: $0 &* 7919 &+ 13) }), "not a translation memory (not an SQLite database)"),
        ]
        for (name, data, message) in damages {
            let tm = directory.appendingPathComponent(name).path
            try data.write(to: URL(fileURLWithPath: tm))
            // A flipped byte is found by the integrity check (other commands read only the pages they need, and may
            // not meet it); the other damages by any command.
            let commands = name == "flipped.tmdb" ? [["stats", "--verify"]]
                : [["stats", "--verify"], ["export", "--out", tm + ".tmx"], ["concord", "ухвалив"], ["search", "Уряд"]]
            for arguments in commands {
                let result = try CLI.run(["tm", arguments[0], "--tm", tm] + arguments.dropFirst())
                XCTAssertEqual(result.status, 2, "\(name) \(arguments): \(result.stdout)")
                XCTAssertTrue(result.stderr.hasPrefix("tlumach: \(tm): \(message)"), "\(name): \(result.stderr)")
                XCTAssertEqual(result.stderr.filter { $0 == "\n" }.count, 1, result.stderr)
                XCTAssertTrue(result.stderr.contains("restore"), result.stderr)
                XCTAssertFalse(result.stderr.contains("SQLite error"), result.stderr)
            }
        }
        // What is readable is rescued with the command the message names.
        let flippedPath = directory.appendingPathComponent("flipped.tmdb").path
        let rescued = directory.appendingPathComponent("rescued.tmx").path
        let rescue = try CLI.run(["tm", "export", "--tm", flippedPath, "--skip-damaged", "--out", rescued])
        XCTAssertEqual(rescue.status, 0, rescue.stderr)
        let fresh = directory.appendingPathComponent("fresh.tmdb").path
        XCTAssertEqual(try CLI.run(["tm", "import", rescued, "--tm", fresh]).status, 0)
        XCTAssertEqual(try CLI.run(["tm", "stats", "--tm", fresh, "--verify"]).status, 0)
    }

    func testConcurrentFirstImportsFromTwoProcessesBothLand() throws {
        let directory = try CLI.temporaryDirectory(for: self)
        let tm = directory.appendingPathComponent("c.tmdb").path
        let other = directory.appendingPathComponent("other.tmx").path
        try (try String(contentsOfFile: example, encoding: .utf8)).replacingOccurrences(of: "Уряд", with: "Кабмін")
            .write(toFile: other, atomically: true, encoding: .utf8)
        let processes = [example, other].map { file -> Process in
            let process = Process()
            process.executableURL = CLI.binary
            process.arguments = ["tm", "import", file, "--tm", tm]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            return process
        }
        let exits = processes.map(CLI.exitSignal(of:))
        for process in processes { try process.run() }
        for exited in exits { exited.wait() }
        XCTAssertEqual(processes.map(\.terminationStatus), [0, 0])
        let stats = try CLI.run(["tm", "stats", "--tm", tm, "--verify"])
        XCTAssertTrue(stats.stdout.contains("units:      14"), stats.stdout)
        XCTAssertTrue(stats.stdout.contains("imports:    2"), stats.stdout)
        XCTAssertEqual(try entries(directory).filter { $0.contains("tlumach") }, [])
    }

    func testKilledExportsTemporaryFileIsRemovedByTheNextExport() throws {
        let directory = try CLI.temporaryDirectory(for: self)
        let tm = directory.appendingPathComponent("e.tmdb").path
        XCTAssertEqual(try CLI.run(["tm", "import", example, "--tm", tm]).status, 0)
        let ended = Process()
        ended.executableURL = URL(fileURLWithPath: "/bin/true")
        try ended.run()
        ended.waitUntilExit()
        let stale = directory.appendingPathComponent(".out.tmx.tlumach-\(ended.processIdentifier)-A.tmp").path
        XCTAssertTrue(FileManager.default.createFile(atPath: stale, contents: Data("<tmx".utf8)))
        let out = directory.appendingPathComponent("out.tmx").path
        XCTAssertEqual(try CLI.run(["tm", "export", "--tm", tm, "--out", out]).status, 0)
        XCTAssertEqual(try entries(directory), ["e.tmdb", "out.tmx"])
    }

    func testImportSummarySaysWhatHappenedToDuplicates() throws {
        let directory = try CLI.temporaryDirectory(for: self)
        let tm = directory.appendingPathComponent("s.tmdb").path
        let text = try String(contentsOfFile: example, encoding: .utf8)
        let twice = directory.appendingPathComponent("twice.tmx").path
        // The same units again under other tuids, after the originals: duplicates within one file.
        let body = text.components(separatedBy: "<body>")[1].components(separatedBy: "</body>")[0]
        try text.replacingOccurrences(of: "</body>", with: body.replacingOccurrences(of: "tuid=\"news-", with: "tuid=\"copy-") + "</body>")
            .write(toFile: twice, atomically: true, encoding: .utf8)
        let first = try CLI.run(["tm", "import", twice, "--tm", tm])
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertTrue(
            first.stdout.hasPrefix(
                "\(twice): 24 units read, 12 added, 12 duplicates (0 of units already stored, 12 within this import): "
                    + "0 identical to the unit kept, 12 merged into the unit kept (ids, props and notes recorded on it)"),
            first.stdout)
        let again = try CLI.run(["tm", "import", example, "--tm", tm])
        XCTAssertTrue(again.stdout.contains("12 units read, 0 added, 12 duplicates (12 of units already stored, 0 within this import)"), again.stdout)
        let out = directory.appendingPathComponent("out.tmx").path
        XCTAssertEqual(try CLI.run(["tm", "export", "--tm", tm, "--out", out]).status, 0)
        let exported = try String(contentsOfFile: out, encoding: .utf8)
        for index in 1...12 {
            XCTAssertTrue(exported.contains("tuid=\"news-\(index)\"") != exported.contains("<prop type=\"x-tlumach-merged-tuid\">news-\(index)</prop>"), "news-\(index)")
        }
    }
}
