import Foundation
@testable import TlumachCheck
import TlumachConfig
import TlumachCore
import TlumachFormats
import TlumachXML
import XCTest

final class ReporterTests: XCTestCase {
    let findings = [
        Finding(
            check: "number-mismatch", severity: .error, file: "dir/a b.po", unit: "line 4", line: 5, column: 8,
            message: "number 2.5 of the source is missing: 100%, a,b\nnext", source: "2.5", target: "25"),
        Finding(
            check: "number-mismatch", severity: .error, file: "dir/a b.po", unit: "line 4", line: 5, column: 8,
            message: "number 2.5 of the source is missing: 100%, a,b\nnext", source: "2.5", target: "25"),
        Finding(
            check: "punctuation", severity: .warning, file: "x.xlf", unit: "u:1", line: 9, column: 3,
            message: "a space before a comma", source: "a, b", target: "а , б", suggestion: "а, б"),
    ]

    var report: CheckReport {
        CheckReport(findings: findings, files: 2, units: 10, checks: CheckCatalog.all.map { $0.description })
    }

    func testTextFormat() {
        let lines = Reporter.render(report, as: .text).split(separator: "\n")
        XCTAssertEqual(lines[0], "dir/a b.po:5:8: error: number 2.5 of the source is missing: 100%, a,b\\nnext [number-mismatch]")
        XCTAssertEqual(lines[2], "x.xlf:9:3: warning: a space before a comma (suggestion: а, б) [punctuation]")
        XCTAssertEqual(lines.last, "2 errors, 1 warning in 2 files (10 units)")
    }

    func testJSONFieldsAreTheContract() throws {
        let data = Data(Reporter.render(report, as: .json).utf8)
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let list = try XCTUnwrap(object["findings"] as? [[String: Any]])
        XCTAssertEqual(list.count, 3)
        XCTAssertEqual(
            Set(list[0].keys),
            ["check", "severity", "file", "unit", "line", "column", "message", "source", "target", "suggestion"])
        XCTAssertEqual(list[2]["suggestion"] as? String, "а, б")
        XCTAssertTrue(list[0]["suggestion"] is NSNull)
        XCTAssertEqual(list[0]["message"] as? String, findings[0].message)
        let summary = try XCTUnwrap(object["summary"] as? [String: Any])
        XCTAssertEqual(summary["files"] as? Int, 2)
        XCTAssertEqual(summary["units"] as? Int, 10)
        XCTAssertEqual(summary["errors"] as? Int, 2)
        XCTAssertEqual(summary["warnings"] as? Int, 1)
    }

    func testSARIFStructure() throws {
        let data = Data(Reporter.render(report, as: .sarif).utf8)
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        XCTAssertEqual(object["version"] as? String, "2.1.0")
        let run = try XCTUnwrap((object["runs"] as? [[String: Any]])?.first)
        XCTAssertEqual(run["columnKind"] as? String, "utf16CodeUnits")
        let driver = try XCTUnwrap((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        let rules = try XCTUnwrap(driver["rules"] as? [[String: Any]])
        XCTAssertEqual(rules.count, 17)
        XCTAssertNotNil((rules[0]["help"] as? [String: Any])?["text"])
        let results = try XCTUnwrap(run["results"] as? [[String: Any]])
        XCTAssertEqual(results.count, 3)
        XCTAssertEqual(results[2]["level"] as? String, "warning")
        let location = try XCTUnwrap(((results[0]["locations"] as? [[String: Any]])?.first?["physicalLocation"]) as? [String: Any])
        XCTAssertEqual((location["artifactLocation"] as? [String: Any])?["uri"] as? String, "dir/a%20b.po")
        XCTAssertEqual((location["region"] as? [String: Any])?["startLine"] as? Int, 5)
        let fingerprints = try XCTUnwrap(results[0]["partialFingerprints"] as? [String: String])
        XCTAssertEqual(fingerprints.values.first?.count, 16)
        // The index of each result's rule points at the rule with its id.
        for result in results {
            let index = try XCTUnwrap(result["ruleIndex"] as? Int)
            XCTAssertEqual(rules[index]["id"] as? String, result["ruleId"] as? String)
        }
    }

    func testFingerprintIgnoresLines() {
        var moved = findings[0]
        moved.line = 500
        XCTAssertEqual(moved.fingerprint, findings[0].fingerprint)
        var changed = findings[0]
        changed.target = "26"
        XCTAssertNotEqual(changed.fingerprint, findings[0].fingerprint)
    }

    func testJUnitNamesAreUniqueAndXMLIsWellFormed() throws {
        let xml = Reporter.render(report, as: .junit)
        let names = xml.components(separatedBy: "name=\"").dropFirst().map { $0.prefix { $0 != "\"" } }
            .filter { $0.hasPrefix("number-mismatch") || $0.hasPrefix("punctuation") }
        XCTAssertEqual(names.count, 3)
        XCTAssertEqual(Set(names).count, 3)
        // The warning passes (the run's exit status is 0 for it); the two errors fail.
        XCTAssertTrue(xml.contains("failures=\"2\""))
        XCTAssertTrue(Reporter.render(report, as: .junit, strict: true).contains("failures=\"3\""))
        var testcases = 0
        XCTAssertNoThrow(try SafeXMLReader.parse(data: Data(xml.utf8), name: "junit.xml") { event, _, _ in
            if case .start(let name, _) = event, name == "testcase" { testcases += 1 }
        })
        XCTAssertEqual(testcases, 3)
        let clean = Reporter.render(CheckReport(findings: [], files: 1, units: 3), as: .junit)
        XCTAssertTrue(clean.contains("tests=\"1\" failures=\"0\""))
    }

    func testGitHubAnnotationsEscapeAndSummarise() {
        let output = Reporter.render(report, as: .github)
        let lines = output.split(separator: "\n")
        XCTAssertEqual(
            lines[0],
            "::error file=dir/a b.po,line=5,col=8,endLine=5,endColumn=8,title=tlumach number-mismatch (line 4)::number 2.5 of the source is missing: 100%25, a,b%0Anext")
        XCTAssertTrue(lines[2].hasPrefix("::warning file=x.xlf,line=9,col=3,"))
        XCTAssertTrue(lines[2].contains("title=tlumach punctuation (u%3A1)::"))
        XCTAssertTrue(output.contains("tlumach check: 2 errors, 1 warning in 2 files (10 units)"))
        XCTAssertTrue(Reporter.githubStepSummary(report).contains("| number-mismatch | 2 | 0 |"))
    }

    func testExitCodes() {
        XCTAssertEqual(report.exitCode(strict: false), 1)
        let warningsOnly = CheckReport(findings: [findings[2]], files: 1, units: 1)
        XCTAssertEqual(warningsOnly.exitCode(strict: false), 0)
        XCTAssertEqual(warningsOnly.exitCode(strict: true), 1)
        XCTAssertEqual(CheckReport(findings: [], files: 1, units: 1).exitCode(strict: true), 0)
    }
}

final class ConfigurationAndBaselineTests: XCTestCase {
    func testConfigurationSection() throws {
        let text = """
            glossaries: [glossaries/]
            source-lang: en
            check:
              target-lang: uk
              disable: [length-ratio]
              severity: {punctuation: error, inconsistent-source: off}
              include: ["**/*.po"]
              ignore: ["vendor/**"]
              strict: true
              options: {length-ratio-max: 3}
            """
        let configuration = try CheckConfiguration.parse(text, path: ".tlumach.yml")
        // Glossaries and languages come from the settings layer, the section's own keys winning.
        let project = try ProjectSettings(file: ConfigurationFile(path: ".tlumach.yml", text: text))
        XCTAssertEqual(try project.glossaryPaths(section: "check"), ["glossaries/"])
        let languages = try project.languages(section: "check")
        XCTAssertEqual(languages.source, "en")
        XCTAssertEqual(languages.target, "uk")
        XCTAssertEqual(Set(configuration.disabled), ["length-ratio", "inconsistent-source"])
        XCTAssertEqual(configuration.severities["punctuation"], .error)
        XCTAssertEqual(configuration.strict, true)
        XCTAssertEqual(configuration.options.checks.options(for: LengthRatioCheck.self).maximumLengthRatio, 3)
    }

    func testGlossaryPathsInTheGlossaryModulesForm() throws {
        let project = try ProjectSettings(file: ConfigurationFile(path: ".tlumach.yml", text: "glossaries: {paths: [a.yaml, b/]}\n"))
        XCTAssertEqual(try project.glossaryPaths(section: "check"), ["a.yaml", "b/"])
    }

    func testConfigurationErrorsNameLineAndColumn() {
        let cases: [(String, Int)] = [
            ("check:\n  disable: [no-such-check]\n", 2),
            ("check:\n  severity:\n    punctuation: loud\n", 3),
            ("check:\n  colour: red\n", 2),
            ("check:\n  disable: [a\n", 3),
        ]
        for (text, line) in cases {
            XCTAssertThrowsError(try CheckConfiguration.parse(text, path: ".tlumach.yml"), text) { error in
                guard let input = error as? InputError else { return XCTFail("\(error)") }
                XCTAssertEqual(input.line, line, "\(text): \(input)")
            }
        }
    }

    func document(_ units: [BilingualUnit]) -> BilingualDocument {
        BilingualDocument(path: "a.po", format: .po, sourceLanguage: "en", targetLanguage: "uk", units: units)
    }

    func testBaselineSurvivesLinesMovingButNotTextChanging() throws {
        let runner = CheckRunner(settings: CheckSettings(), environment: ExampleRunner.environment())
        let before = document([BilingualUnit(id: "k", source: "2.5 points", target: "25 балів", line: 10)])
        let first = runner.run([before])
        XCTAssertEqual(first.findings.count, 2)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tlumach-baseline-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("baseline.json").path
        try Baseline(findings: first.findings).write(to: path)
        let baseline = try Baseline.read(path)
        let moved = document([
            BilingualUnit(id: "new", source: "Hello", target: "Привіт", line: 3),
            BilingualUnit(id: "k", source: "2.5 points", target: "25 балів", line: 40),
        ])
        let second = runner.run([moved], baseline: baseline)
        XCTAssertEqual(second.findings.count, 0)
        XCTAssertEqual(second.suppressed, 2)
        let changed = document([BilingualUnit(id: "k", source: "2.5 points", target: "24 бали", line: 40)])
        XCTAssertEqual(runner.run([changed], baseline: baseline).findings.count, 2)
        try "{\"version\": 1, \"findings\": [{\"check\": \"x\"}]}".write(toFile: path, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try Baseline.read(path))
    }

    func testInlineSuppression() {
        let runner = CheckRunner(settings: CheckSettings(), environment: ExampleRunner.environment())
        let units = [
            BilingualUnit(id: "a", source: "2.5 points", target: "25 балів", notes: ["tlumach:disable=number-mismatch"]),
            BilingualUnit(id: "b", source: "2.5 points", target: "25 балів", notes: ["reviewed; tlumach:disable=all"]),
            BilingualUnit(id: "c", source: "2.5 points", target: "25 балів", notes: ["tlumach:disable=punctuation,untranslated"]),
        ]
        let report = runner.run([document(units)])
        XCTAssertEqual(Set(report.findings.map(\.unit)), ["c"])
        XCTAssertEqual(report.suppressed, 4)
    }

    func testSeveritiesAndEnabledSet() {
        var settings = CheckSettings()
        settings.enabled = ["number-mismatch"]
        settings.severities = ["number-mismatch": .warning]
        let report = CheckRunner(settings: settings, environment: ExampleRunner.environment())
            .run([document([BilingualUnit(id: "a", source: "2.5 points.", target: "25 балів")])])
        XCTAssertEqual(Set(report.findings.map(\.check)), ["number-mismatch"])
        XCTAssertEqual(Set(report.findings.map(\.severity)), [.warning])
    }

    func testGlobs() {
        XCTAssertTrue(Glob("**/*.po").matches("a/b/c.po"))
        XCTAssertTrue(Glob("**/*.po").matches("c.po"))
        XCTAssertFalse(Glob("*.po").matches("a/c.po"))
        XCTAssertTrue(Glob("vendor/**").matches("vendor/x/y.xlf"))
        XCTAssertTrue(Glob("po/?k.po").matches("po/uk.po"))
    }
}
