import Foundation
import TlumachTestSupport
import XCTest

final class AlignCLITests: XCTestCase {
    let source = "examples/align/article.uk.txt"
    let target = "examples/align/article.en.txt"

    func testBeadsOfTheShippedExample() throws {
        let result = try CLI.run(["align", source, target, "--format", "beads"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let expected = try String(contentsOf: CLI.packageRoot.appendingPathComponent("examples/align/article.beads"), encoding: .utf8)
        XCTAssertEqual(result.stdout, expected)
        // The two short first sentences were merged by the translator; the agency reference was dropped inside a 1-1.
        XCTAssertTrue(result.stdout.hasPrefix("1,2\t1\n3\t2\n"))
    }

    func testTSVPairsSentences() throws {
        let result = try CLI.run(["align", source, target, "--source-lang", "uk", "--target-lang", "en"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let lines = result.stdout.split(separator: "\n")
        XCTAssertEqual(lines.first, "uk\ten")
        XCTAssertEqual(lines.count, 9)
        XCTAssertTrue(lines.allSatisfy { $0.split(separator: "\t", omittingEmptySubsequences: false).count == 2 })
        XCTAssertTrue(result.stdout.contains("понад 2 500 українців.\tAccording to him, more than 2,500 Ukrainians"))
    }

    /// The TSV is the bilingual TSV `check` reads: a language header, and a sentence that opens with a straight
    /// quote kept whole (before, `check` refused the file for its missing header).
    func testTSVIsReadByCheck() throws {
        let directory = try CLI.temporaryDirectory(for: self)
        let en = directory.appendingPathComponent("q.en")
        let uk = directory.appendingPathComponent("q.uk")
        try "\"We will not stop,\" he said.\nThe talks continue.\n".write(to: en, atomically: true, encoding: .utf8)
        try "«Ми не зупинимося», — сказав він.\nПереговори тривають.\n".write(to: uk, atomically: true, encoding: .utf8)
        let pairs = directory.appendingPathComponent("pairs.tsv").path
        let aligned = try CLI.run([
            "align", en.path, uk.path, "--presegmented", "--source-lang", "en", "--target-lang", "uk", "--out", pairs,
        ])
        XCTAssertEqual(aligned.status, 0, aligned.stderr)
        XCTAssertTrue(try String(contentsOfFile: pairs, encoding: .utf8).hasPrefix("en\tuk\n\"\"\"We will not stop,\"\" he"))
        let checked = try CLI.run(["check", pairs, "--format", "json", "--no-glossary"])
        XCTAssertEqual(checked.status, 0, checked.stderr + checked.stdout)
        XCTAssertTrue(checked.stdout.contains("\"units\": 2"), checked.stdout)
    }

    func testPresegmentedBeadsUseLineNumbers() throws {
        let directory = try CLI.temporaryDirectory(for: self)
        let uk = directory.appendingPathComponent("a.uk")
        let en = directory.appendingPathComponent("a.en")
        try "Україна повернула 42 захисників.\n\nЦе речення перекладач пропустив, бо воно для місцевих читачів.\nЮсов сказав: обміни тривають.\n"
            .write(to: uk, atomically: true, encoding: .utf8)
        try "Ukraine returned 42 defenders.\nYusov said: exchanges go on.\n".write(to: en, atomically: true, encoding: .utf8)
        let result = try CLI.run(["align", uk.path, en.path, "--presegmented", "--format", "beads"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, "1\t1\n3\t\n4\t2\n")
    }

    func testTMXOutputToAFile() throws {
        let directory = try CLI.temporaryDirectory(for: self)
        let out = directory.appendingPathComponent("aligned.tmx")
        let result = try CLI.run(["align", source, target, "--format", "tmx", "--out", out.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, "")
        let xml = try String(contentsOf: out, encoding: .utf8)
        XCTAssertTrue(xml.contains("<tmx version=\"1.4\">"))
        XCTAssertTrue(xml.contains("srclang=\"uk\""))
        XCTAssertEqual(xml.components(separatedBy: "<tu ").count - 1, 8)
        XCTAssertTrue(xml.contains("<seg>\"Every return is the result of long work,\""), xml)
    }

    func testSourceFromStandardInput() throws {
        let text = try String(contentsOf: CLI.packageRoot.appendingPathComponent(source), encoding: .utf8)
        let result = try CLI.run(["align", "-", target, "--format", "beads"], stdin: text)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.hasPrefix("1,2\t1\n"))
        XCTAssertEqual(try CLI.run(["align", "-", "-"], stdin: "").status, 2)
    }

    func testGlossaryIsOptionalButAnExplicitOneMustExist() throws {
        let directory = try CLI.temporaryDirectory(for: self)
        let uk = CLI.packageRoot.appendingPathComponent(source).path
        let en = CLI.packageRoot.appendingPathComponent(target).path
        // No glossaries/ and no .tlumach.yml here: aligned without term anchors.
        let plain = try CLI.run(["align", uk, en, "--format", "beads"], in: directory)
        XCTAssertEqual(plain.status, 0, plain.stderr)
        let glossary = CLI.packageRoot.appendingPathComponent("glossaries").path
        let withTerms = try CLI.run(["align", uk, en, "--format", "beads", "--glossary", glossary], in: directory)
        XCTAssertEqual(withTerms.status, 0, withTerms.stderr)
        XCTAssertEqual(withTerms.stdout, plain.stdout)
        let missing = try CLI.run(["align", uk, en, "--glossary", "no-such-glossary.yaml"], in: directory)
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.stderr.contains("no-such-glossary.yaml"), missing.stderr)
        let off = try CLI.run(["align", uk, en, "--no-glossary", "--format", "beads"])
        XCTAssertEqual(off.stdout, plain.stdout)
    }

    func testIntoTranslationMemoryAddsPairsOnceAndKeepsTheDirection() throws {
        let directory = try CLI.temporaryDirectory(for: self)
        let memory = directory.appendingPathComponent("news.tm").path
        let first = try CLI.run(["align", source, target, "--into-tm", memory, "--format", "beads"])
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertTrue(first.stderr.contains("8 units read, 8 added, 0 duplicates"), first.stderr)
        let stats = try CLI.run(["tm", "stats", "--tm", memory])
        XCTAssertTrue(stats.stdout.contains("units:      8"), stats.stdout)
        let again = try CLI.run(["align", source, target, "--into-tm", memory])
        XCTAssertTrue(again.stderr.contains("8 units read, 0 added, 8 duplicates (8 of units already stored, 0 within this import)"), again.stderr)
        let reversed = try CLI.run(["align", target, source, "--source-lang", "en", "--target-lang", "uk", "--into-tm", memory])
        XCTAssertEqual(reversed.status, 2)
        XCTAssertTrue(reversed.stderr.contains("uk→en"), reversed.stderr)
    }

    func testMissingFileIsAnInputError() throws {
        let result = try CLI.run(["align", "no-such-file.uk", target])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("no-such-file.uk"), result.stderr)
    }

    func testInvalidUTF8NamesTheByteOffset() throws {
        let directory = try CLI.temporaryDirectory(for: self)
        let bad = directory.appendingPathComponent("bad.en")
        try Data([0x4F, 0x6B, 0x2E, 0x20, 0xFF, 0x0A]).write(to: bad)
        let result = try CLI.run(["align", source, bad.path])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("bad.en: byte 4: invalid UTF-8"), result.stderr)
    }

    func testBadOptionsAreUsageErrors() throws {
        XCTAssertEqual(try CLI.run(["align", source, target, "--format", "xml"]).status, 2)
        let language = try CLI.run(["align", source, target, "--source-lang", "xx"])
        XCTAssertEqual(language.status, 2)
        XCTAssertTrue(language.stderr.contains("--source-lang"), language.stderr)
        XCTAssertEqual(try CLI.run(["align", source]).status, 2)
    }

    /// A copy of the shipped parameters must behave exactly like the shipped ones (its uk-en length model applied).
    func testParametersFileGetsItsLanguagePairModel() throws {
        let shipped = CLI.packageRoot.appendingPathComponent("Sources/TlumachAlign/Data/alignment-parameters.json").path
        let manpage = try CLI.run(["align", source, target, "--format", "beads", "--no-glossary"])
        let copied = try CLI.run(["align", source, target, "--format", "beads", "--no-glossary", "--parameters", shipped])
        XCTAssertEqual(copied.status, 0, copied.stderr)
        XCTAssertEqual(copied.stdout, manpage.stdout)
    }

    func testBadParametersFileIsAnInputError() throws {
        let directory = try CLI.temporaryDirectory(for: self)
        let parameters = directory.appendingPathComponent("params.json")
        try "{\"characterRatio\": 1}".write(to: parameters, atomically: true, encoding: .utf8)
        let result = try CLI.run(["align", source, target, "--parameters", parameters.path])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("params.json"), result.stderr)
        // Decodes, but a zero variance would divide by zero.
        var shipped = try String(
            contentsOf: CLI.packageRoot.appendingPathComponent("Sources/TlumachAlign/Data/alignment-parameters.json"),
            encoding: .utf8)
        shipped = shipped.replacingOccurrences(of: "\"variance\": 6.8", with: "\"variance\": 0")
        try shipped.write(to: parameters, atomically: true, encoding: .utf8)
        let zero = try CLI.run(["align", source, target, "--parameters", parameters.path])
        XCTAssertEqual(zero.status, 2)
        XCTAssertTrue(zero.stderr.contains("variance must be positive"), zero.stderr)
    }
}
