import Foundation
import TlumachTestSupport
import XCTest

/// Issue 17 and 11 as a user meets them: `check`, `tm import` and `glossary lint` refuse a hostile or truncated XML
/// file with one line naming the file and a position, and a refused import leaves no memory behind.
final class HostileXMLCLITests: XCTestCase {
    private func utf16LittleEndianWithoutBOM(_ text: String) -> Data {
        var data = Data()
        for unit in text.utf16 { data.append(contentsOf: [UInt8(unit & 0xFF), UInt8(unit >> 8)]) }
        return data
    }

    private func assertOneLineRefusal(_ result: CLIResult, naming path: String, _ expected: String,
                                      file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(result.status, 2, result.stderr, file: file, line: line)
        let lines = result.stderr.split(separator: "\n")
        XCTAssertEqual(lines.count, 1, result.stderr, file: file, line: line)
        XCTAssertTrue(result.stderr.contains(path + ":"), result.stderr, file: file, line: line)
        XCTAssertTrue(result.stderr.contains(expected), result.stderr, file: file, line: line)
    }

    func testCheckAndImportRefuseEntitiesAfterALongPrologueAndInUTF16WithoutBOM() throws {
        let directory = try CLI.temporaryDirectory(for: self)
        let example = try String(contentsOf: CLI.packageRoot.appendingPathComponent("examples/memory/newsroom.tmx"), encoding: .utf8)
        let hostile = example
            .replacingOccurrences(of: "<tmx ", with: "<!DOCTYPE tmx [<!ENTITY e \"budget\">]>\n<tmx ")
            .replacingOccurrences(of: "budget", with: "&e;")
        XCTAssertNotEqual(hostile, example)
        let long = hostile.replacingOccurrences(of: "<!DOCTYPE", with: "<!--" + String(repeating: "c", count: 1_100_000) + "-->\n<!DOCTYPE")
        let files: [(String, Data)] = [
            ("long.tmx", Data(long.utf8)),
            ("utf16.tmx", utf16LittleEndianWithoutBOM(hostile.replacingOccurrences(of: "UTF-8", with: "UTF-16"))),
        ]
        for (name, data) in files {
            let path = directory.appendingPathComponent(name).path
            try data.write(to: URL(fileURLWithPath: path))
            assertOneLineRefusal(try CLI.run(["check", path, "--no-glossary"]), naming: path, "refused")
            let tm = directory.appendingPathComponent(name + ".tmdb").path
            assertOneLineRefusal(try CLI.run(["tm", "import", path, "--tm", tm]), naming: path, "refused")
        }
        let xliff = try String(contentsOf: CLI.packageRoot.appendingPathComponent("examples/check/article.xlf"), encoding: .utf8)
        let ucs4Path = directory.appendingPathComponent("ucs4.xlf").path
        var ucs4 = Data()
        for scalar in xliff.unicodeScalars { withUnsafeBytes(of: scalar.value.bigEndian) { ucs4.append(contentsOf: $0) } }
        try ucs4.write(to: URL(fileURLWithPath: ucs4Path))
        assertOneLineRefusal(try CLI.run(["check", ucs4Path, "--no-glossary"]), naming: ucs4Path, "UCS-4")
    }

    func testGlossaryLintRefusesEntitiesInUTF16WithoutBOM() throws {
        let directory = try CLI.temporaryDirectory(for: self)
        let fixture = try String(
            contentsOf: CLI.packageRoot.appendingPathComponent("Tests/TlumachGlossaryTests/Fixtures/v2-basic.tbx"), encoding: .utf8)
        let hostile = fixture.replacingOccurrences(
            of: #"StructV02.dtd">"#, with: #"StructV02.dtd" [<!ENTITY e "x">]>"#)
        XCTAssertNotEqual(hostile, fixture)
        let path = directory.appendingPathComponent("g.tbx").path
        try utf16LittleEndianWithoutBOM(hostile.replacingOccurrences(of: "UTF-8", with: "UTF-16")).write(to: URL(fileURLWithPath: path))
        assertOneLineRefusal(try CLI.run(["glossary", "lint", path]), naming: path, "refused")
    }

    func testTruncatedTMXSaysItEndsEarlyWhere() throws {
        let directory = try CLI.temporaryDirectory(for: self)
        let example = try String(contentsOf: CLI.packageRoot.appendingPathComponent("examples/memory/newsroom.tmx"), encoding: .utf8)
        let lines = example.split(separator: "\n", omittingEmptySubsequences: false)
        let head = lines.prefix(lines.count / 2).joined(separator: "\n") + "\n"
        let path = directory.appendingPathComponent("head.tmx").path
        try head.write(toFile: path, atomically: true, encoding: .utf8)
        let result = try CLI.run(["check", path, "--no-glossary"])
        assertOneLineRefusal(result, naming: "\(path):\(lines.count / 2)", "the file ends early")
        XCTAssertFalse(result.stderr.contains("extra content"), result.stderr)
    }
}
