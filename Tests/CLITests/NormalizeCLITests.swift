import Foundation
import TlumachTestSupport
import XCTest

final class NormalizeCLITests: XCTestCase {
    func testStandardInputToStandardOutput() throws {
        let result = try CLI.run(["normalize"], stdin: "Він сказав \"так\" - і пішов.  \r\nKиїв, м'ясо\n")
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, "Він сказав «так» — і пішов.\nКиїв, м’ясо\n")
    }

    func testLanguageAndApostropheFlags() throws {
        let english = try CLI.run(["normalize", "--lang", "en"], stdin: "Він сказав \"так\"\n")
        XCTAssertEqual(english.stdout, "Він сказав “так”\n")
        let modifier = try CLI.run(["normalize", "--apostrophe", "U+02BC"], stdin: "м'ясо Ukraine's\n")
        XCTAssertEqual(modifier.stdout, "мʼясо Ukraine’s\n")
        let bad = try CLI.run(["normalize", "--apostrophe", "x"], stdin: "")
        XCTAssertEqual(bad.status, 2)
    }

    func testCheckPrintsPositionsAndExitsOne() throws {
        let directory = try CLI.temporaryDirectory(for: self)
        let messy = directory.appendingPathComponent("messy.md")
        try "Перший рядок.\nДругий  рядок: м'ясо\n".write(to: messy, atomically: true, encoding: .utf8)
        let result = try CLI.run(["normalize", "--check", messy.path])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(
            result.stdout,
            """
            \(messy.path):2:7: space-runs: Другий  рядок: → Другий рядок:
            \(messy.path):2:17: apostrophe: м'ясо → м’ясо

            """)
        // The file is untouched.
        XCTAssertEqual(try String(contentsOf: messy, encoding: .utf8), "Перший рядок.\nДругий  рядок: м'ясо\n")
    }

    func testCheckOnCleanFileExitsZero() throws {
        let directory = try CLI.temporaryDirectory(for: self)
        let clean = directory.appendingPathComponent("clean.md")
        try "Київ — столиця України, «так».\n".write(to: clean, atomically: true, encoding: .utf8)
        let result = try CLI.run(["normalize", "--check", clean.path])
        XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
        XCTAssertEqual(result.stdout, "")
    }

    func testInPlaceRewritesOnlyTheFilesAndKeepsNoTemporaryFiles() throws {
        let directory = try CLI.temporaryDirectory(for: self)
        let first = directory.appendingPathComponent("a.md")
        let second = directory.appendingPathComponent("b.md")
        try "Kиїв - столиця\n".write(to: first, atomically: true, encoding: .utf8)
        try "Вже чисто.\n".write(to: second, atomically: true, encoding: .utf8)
        let result = try CLI.run(["normalize", "--in-place", first.path, second.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, "")
        XCTAssertEqual(try String(contentsOf: first, encoding: .utf8), "Київ — столиця\n")
        XCTAssertEqual(try String(contentsOf: second, encoding: .utf8), "Вже чисто.\n")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted(), ["a.md", "b.md"])
    }

    func testInvalidUTF8ExitsTwoWithOffsetAndWritesNothing() throws {
        let directory = try CLI.temporaryDirectory(for: self)
        let good = directory.appendingPathComponent("good.md")
        let bad = directory.appendingPathComponent("bad.md")
        try "Kиїв - столиця\n".write(to: good, atomically: true, encoding: .utf8)
        try Data([0x41, 0x42, 0xD0, 0x20, 0x43]).write(to: bad)
        let result = try CLI.run(["normalize", "--in-place", good.path, bad.path])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("\(bad.path): byte 2: invalid UTF-8"), result.stderr)
        XCTAssertEqual(try String(contentsOf: good, encoding: .utf8), "Kиїв - столиця\n")  // not half-done
        let piped = try CLI.run(["normalize", good.path, bad.path])
        XCTAssertEqual(piped.status, 2)
        XCTAssertEqual(piped.stdout, "")
    }

    /// A file of 1 MB or more is read ahead while the command line is parsed: the same output as the same text from
    /// standard input (never read ahead), and invalid UTF-8 in its third megabyte reported at the same offset.
    func testLargeFileReadAheadGivesTheSameOutputAndTheSameInvalidOffset() throws {
        let directory = try CLI.temporaryDirectory(for: self)
        let paragraphs = "Він сказав \"так\" - і пішов.  \nKиїв, м'ясо\n\nВже чисто.\n\n"
        // 1.4 MB: over the read-ahead's 1 MB, and small enough for a debug build to normalise twice quickly.
        let text = String(repeating: paragraphs, count: 20_000)
        XCTAssertGreaterThan(text.utf8.count, 1 << 20)  // InputReadAhead.minimumSize
        let big = directory.appendingPathComponent("big.md")
        try text.write(to: big, atomically: true, encoding: .utf8)
        let fromFile = try CLI.run(["normalize", big.path])
        let fromStandardInput = try CLI.run(["normalize"], stdin: text)
        XCTAssertEqual(fromFile.status, 0, fromFile.stderr)
        XCTAssertEqual(fromFile.stdout, fromStandardInput.stdout)
        XCTAssertTrue(fromFile.stdout.hasPrefix("Він сказав «так» — і пішов.\nКиїв, м’ясо\n\nВже чисто.\n\n"))
        // 2.7 MB for the bad byte (refused before any normalising).
        var bytes = Array(String(repeating: paragraphs, count: 40_000).utf8)
        // An ASCII byte of the third megabyte (so every sequence before it is whole) made invalid.
        let offset = try XCTUnwrap(bytes.indices.first { $0 >= (2 << 20) + 7 && bytes[$0] < 0x80 })
        bytes[offset] = 0xFF
        let bad = directory.appendingPathComponent("bad.md")
        try Data(bytes).write(to: bad)
        let result = try CLI.run(["normalize", "--lang", "uk", bad.path])
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.stdout, "")
        XCTAssertTrue(result.stderr.contains("\(bad.path): byte \(offset): invalid UTF-8"), result.stderr)
    }

    /// Round 12: a large file read ahead carries whether it holds a CR, found beside its validation: CRLF lines
    /// in its second megabyte become LF as they do from standard input, and a file without any stays as it is.
    func testLargeFileReadAheadFindsItsCarriageReturns() throws {
        let directory = try CLI.temporaryDirectory(for: self)
        let paragraph = "Зберегти файл «x»?\n\n"
        let text = String(repeating: paragraph, count: 60_000) + "Windows рядок  \r\nще один\r\n\r\n"
            + String(repeating: paragraph, count: 20_000)
        let withCR = directory.appendingPathComponent("crlf.txt")
        try text.write(to: withCR, atomically: true, encoding: .utf8)
        let fromFile = try CLI.run(["normalize", withCR.path])
        XCTAssertEqual(fromFile.status, 0, fromFile.stderr)
        XCTAssertEqual(fromFile.stdout, try CLI.run(["normalize"], stdin: text).stdout)
        XCTAssertTrue(fromFile.stdout.contains("Зберегти файл «x»?\n\nWindows рядок\nще один\n\nЗберегти"))
        let plain = directory.appendingPathComponent("plain.txt")
        let clean = String(repeating: paragraph, count: 80_000)
        try clean.write(to: plain, atomically: true, encoding: .utf8)
        XCTAssertEqual(try CLI.run(["normalize", plain.path]).stdout, clean)
    }

    func testJSONReport() throws {
        let result = try CLI.run(["normalize", "--report", "json"], stdin: "Kиїв - м'ясо\n")
        XCTAssertEqual(result.status, 0, result.stderr)
        struct Report: Decodable {
            struct File: Decodable {
                struct Change: Decodable { var rule: String; var line: Int; var column: Int; var byteOffset: Int }
                var path: String
                var counts: [String: Int]
                var changes: [Change]
            }
            var files: [File]
            var counts: [String: Int]
            var totalChanges: Int
        }
        let report = try JSONDecoder().decode(Report.self, from: Data(result.stdout.utf8))
        XCTAssertEqual(report.counts, ["look-alikes": 1, "dashes": 1, "apostrophe": 1])
        XCTAssertEqual(report.totalChanges, 3)
        XCTAssertEqual(report.files.first?.path, "<stdin>")
        XCTAssertEqual(report.files.first?.changes.map(\.column), [1, 6, 9])
        XCTAssertEqual(report.files.first?.changes.map(\.byteOffset), [0, 8, 12])
    }

    func testDisableRules() throws {
        let result = try CLI.run(["normalize", "--disable", "quotes", "--disable", "dashes"], stdin: "\"так\" - ні\n")
        XCTAssertEqual(result.stdout, "\"так\" - ні\n")
        let commas = try CLI.run(["normalize", "--disable", "quotes,dashes"], stdin: "\"так\" - ні\n")
        XCTAssertEqual(commas.stdout, "\"так\" - ні\n")
        let unknown = try CLI.run(["normalize", "--disable", "dashez"], stdin: "x\n")
        XCTAssertEqual(unknown.status, 2)
        XCTAssertTrue(unknown.stderr.contains("dashez"))
    }

    func testSettingsFromConfigurationFileAndFlagsWin() throws {
        let directory = try CLI.temporaryDirectory(for: self)
        try "normalize:\n  lang: en\n  disable: [dashes]\n".write(
            to: directory.appendingPathComponent(".tlumach.yml"), atomically: true, encoding: .utf8)
        let fromFile = try CLI.run(["normalize"], stdin: "Він сказав \"так\" - і все\n", in: directory)
        XCTAssertEqual(fromFile.stdout, "Він сказав “так” - і все\n", fromFile.stderr)
        let flagsWin = try CLI.run(["normalize", "--lang", "uk", "--disable", "quotes"], stdin: "Він сказав \"так\" - і все\n", in: directory)
        XCTAssertEqual(flagsWin.stdout, "Він сказав \"так\" — і все\n", flagsWin.stderr)
    }

    func testBadConfigurationNamesFileLineAndColumn() throws {
        let directory = try CLI.temporaryDirectory(for: self)
        try "normalize:\n  lang: de\n".write(to: directory.appendingPathComponent(".tlumach.yml"), atomically: true, encoding: .utf8)
        let result = try CLI.run(["normalize"], stdin: "x\n", in: directory)
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains(".tlumach.yml:2:9:"), result.stderr)
    }

    func testShippedExampleNormalisesAndIsThenClean() throws {
        let example = CLI.packageRoot.appendingPathComponent("examples/normalize/article.md").path
        let check = try CLI.run(["normalize", "--check", example])
        XCTAssertEqual(check.status, 1)
        XCTAssertTrue(check.stdout.contains("look-alikes: Kиїв → Київ"), check.stdout)
        let normalized = try CLI.run(["normalize", example])
        XCTAssertEqual(normalized.status, 0)
        XCTAssertTrue(normalized.stdout.contains("«важким, але „чесним“» — і подякувало"))
        XCTAssertTrue(normalized.stdout.contains("The “so-called ‘referendum’” was dismissed—again."))
        XCTAssertTrue(normalized.stdout.contains("`tlumach normalize --check \"file.md\"`"))
        let again = try CLI.run(["normalize", "--check"], stdin: normalized.stdout)
        XCTAssertEqual(again.status, 0, again.stdout)
    }
    /// A file of a few megabytes is normalised in parts on several threads: standard output and `--in-place` write
    /// what the serial path (`--threads 1`) writes, byte for byte, on text whose quotes depend on the language of
    /// the paragraphs before (English, then Cyrillic or digits that decide nothing) and with fenced code.
    func testThreadsWriteWhatTheSerialPathWrites() throws {
        let article = try String(
            contentsOf: CLI.packageRoot.appendingPathComponent("examples/normalize/article.md"), encoding: .utf8)
        let block = article + "\n\nHe said \"yes\" - again.\n\nтак, \"слово\" - слово\n\n\"1234\" - 56\n\n"
            + "```\n\"код\" - 1\n\nще\n```\n\nЭто \"ещё\" - да.\n\n\"так\" - ні\n\n"
        // Parts of 16 KB by default (small enough to be quick in a debug build); real sizes under TLUMACH_LONG_TESTS.
        let size = LongTests.count(long: 4_500_000, short: 160_000)
        let parts = LongTests.enabled ? [] : ["--part-size", "16384"]
        let text = String(repeating: block, count: size / block.utf8.count + 1)
        let directory = try CLI.temporaryDirectory(for: self)
        let file = directory.appendingPathComponent("big.md")
        try text.write(to: file, atomically: true, encoding: .utf8)
        let serial = try CLI.run(["normalize", "--threads", "1", file.path])
        let parallel = try CLI.run(["normalize", "--threads", "3"] + parts + [file.path])
        XCTAssertEqual(serial.status, 0, serial.stderr)
        XCTAssertEqual(parallel.status, 0, parallel.stderr)
        XCTAssertNotEqual(serial.stdout, text)
        XCTAssertTrue(serial.stdout == parallel.stdout, "threads change the output")
        let inPlace = try CLI.run(["normalize", "--in-place"] + parts + [file.path])
        XCTAssertEqual(inPlace.status, 0, inPlace.stderr)
        XCTAssertTrue(try String(contentsOf: file, encoding: .utf8) == serial.stdout, "--in-place differs")
    }
}
