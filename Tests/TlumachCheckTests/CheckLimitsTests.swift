import Foundation
@testable import TlumachCheck
import TlumachCore
import TlumachFormats
import XCTest

/// Issue 17 (reports linear in their input) and issue 11 (baselines by any spelling of a path, configuration
/// numbers out of range), each reproduced first.
final class CheckLimitsTests: XCTestCase {
    func temporaryDirectory() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tlumach-limits-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    /// One unit whose source has `count` distinct brace placeholders the target lacks: `count` findings.
    func report(placeholders count: Int) -> CheckReport {
        let source = (0..<count).map { "{a\($0)}" }.joined(separator: " ")
        let document = BilingualDocument(
            path: "big.po", format: .po, sourceLanguage: "en", targetLanguage: "uk",
            units: [BilingualUnit(id: "u", source: source, target: "ціль")])
        var settings = CheckSettings()
        settings.enabled = ["placeholder-mismatch"]
        return CheckRunner(settings: settings, environment: ExampleRunner.environment()).run([document])
    }

    /// Issue 11: a unit with millions of placeholder findings took 60 s and 2.7 GB. Beyond `Finding.collapseLimit`
    /// findings of one check in one unit, one finding stands for the rest, with their count: the findings made and
    /// the bytes printed stay the same for 10× (and 100×) the findings.
    func testManyFindingsOfOneCheckInOneUnitCollapseIntoOne() {
        let small = report(placeholders: 300)
        let large = report(placeholders: 3_000)
        let huge = report(placeholders: 30_000)
        let limit = Finding.collapseLimit
        XCTAssertEqual(small.findings.count, limit + 1)
        XCTAssertEqual(large.findings.count, limit + 1)
        XCTAssertEqual(huge.findings.count, limit + 1)
        XCTAssertEqual(large.findings.prefix(limit).map(\.collapsed), Array(repeating: nil, count: limit))
        let summary = large.findings[limit]
        XCTAssertEqual(summary.collapsed, 3_000 - limit)
        XCTAssertEqual(summary.check, "placeholder-mismatch")
        XCTAssertEqual(summary.severity, .error)
        XCTAssertEqual(summary.message, "2990 more placeholder-mismatch findings in this unit, not listed one by one")
        XCTAssertEqual(huge.findings[limit].collapsed, 30_000 - limit)
        XCTAssertEqual(large.exitCode(strict: false), 1)
        for format in [ReportFormat.json, .junit, .sarif, .text, .github] {
            let smallSize = Reporter.render(small, as: format).utf8.count
            let hugeSize = Reporter.render(huge, as: format).utf8.count
            // 100× the findings: the same number of lines, a few digits longer.
            XCTAssertLessThan(Double(hugeSize) / Double(smallSize), 1.2, "\(format): \(smallSize) → \(hugeSize)")
            XCTAssertTrue(Reporter.render(large, as: format).contains("2990 more placeholder-mismatch findings"), "\(format)")
        }
        XCTAssertTrue(Reporter.render(large, as: .json).contains("\"count\": 2990}"))
        XCTAssertTrue(Reporter.render(large, as: .sarif).contains("\"properties\": {\"count\": 2990}"))
        // At the limit nothing is collapsed, and an ordinary finding has no count.
        let exact = report(placeholders: limit)
        XCTAssertEqual(exact.findings.count, limit)
        XCTAssertFalse(Reporter.render(exact, as: .json).contains("\"count\""))
        XCTAssertFalse(Reporter.render(exact, as: .sarif).contains("\"properties\""))
        let finding = large.findings[0]
        XCTAssertTrue(finding.isExcerpt)
        XCTAssertLessThanOrEqual(finding.shownSource.unicodeScalars.count, Finding.excerptLimit + 2)
        XCTAssertEqual(finding.source.unicodeScalars.count, large.findings[1].source.unicodeScalars.count)
        // The JSON says it is an excerpt; a short unit is printed whole.
        XCTAssertTrue(Reporter.render(large, as: .json).contains("\"excerpt\": true"))
        XCTAssertFalse(Reporter.render(report(placeholders: 3), as: .json).contains("\"excerpt\""))
    }

    /// Issue 11 (fuzzing): `check` on a PO unit whose msgstr is two million `%s` peaked at 866 MB, 583 MB of it the
    /// placeholder check's issues (their messages and growing lists) before the runner collapsed them. The check
    /// now builds at most `Finding.collapseLimit` issues and counts the rest: the issues built stay the same for
    /// 10× the placeholders, and the report is the one the runner's collapsing gave.
    func testPlaceholderCheckBuildsTheCollapsedIssuesOnlyForAnyNumberOfPlaceholders() {
        let environment = ExampleRunner.environment()
        let check = PlaceholderMismatchCheck(environment: environment)
        let limit = Finding.collapseLimit
        func issues(_ source: String, _ target: String) -> [Issue] {
            check.check(CheckedUnit(
                unit: BilingualUnit(id: "u", source: source, target: target), file: "f.po",
                sourceLanguage: "en", targetLanguage: "uk", environment: environment))
        }
        for count in [1_000, 10_000] {
            // Printf: two million `%s` in the target (the fuzz input), fewer in the source.
            let printf = issues("Hello %s", String(repeating: "%s", count: count))
            XCTAssertEqual(printf.count, limit + 1, "\(count) %s")
            XCTAssertEqual(printf.last?.collapsed, count - 1 - limit)
            XCTAssertEqual(printf.first?.message, "placeholder %s in the target is not in the source")
            // Braces, tags and inline codes go through the same bound.
            let braces = issues((0..<count).map { "{a\($0)}" }.joined(separator: " "), "ціль")
            XCTAssertEqual(braces.count, limit + 1)
            XCTAssertEqual(braces.last?.collapsed, count - limit)
            let tags = issues(String(repeating: "<br/>", count: count), "ціль")
            XCTAssertEqual(tags.count, limit + 1)
            XCTAssertEqual(tags.last?.collapsed, count - limit)
        }
        // Below the limit nothing changes: each issue, none collapsed.
        XCTAssertEqual(issues("Hello %s", "%s %s %s").map(\.collapsed), [nil, nil])
        // The runner leaves a check's own collapsed list as it is (not "1 more" over its summary).
        let document = BilingualDocument(
            path: "big.po", format: .po, sourceLanguage: "en", targetLanguage: "uk",
            units: [BilingualUnit(id: "u", source: "Hello %s", target: String(repeating: "%s", count: 5_000))])
        var settings = CheckSettings()
        settings.enabled = ["placeholder-mismatch"]
        let report = CheckRunner(settings: settings, environment: environment).run([document])
        // (The ten listed ones are one finding: same message at the unit's place, as the file gives no columns.)
        XCTAssertEqual(report.findings.map(\.collapsed), [nil, 5_000 - 1 - limit])
        XCTAssertEqual(
            report.findings.last?.message, "\(5_000 - 1 - limit) more placeholder-mismatch findings in this unit, not listed one by one")
    }

    /// A unit with thousands of one repeated figure (libgit2, x2…) on both sides, more in the source: matching
    /// them took steps in the square of their count (16,000 figures: 3.9 s in a release build, 54 s in debug).
    func testNumbersOfOneValueAreMatchedInLinearSteps() {
        func probes(_ count: Int) -> Int {
            let source = NumberScanner.scan(AnalyzedText(String(repeating: "x2 ", count: 2 * count), codes: []), language: "en")
            let target = NumberScanner.scan(AnalyzedText(String(repeating: "x2 ", count: count), codes: []), language: "uk")
            let result = NumberMismatchCheck.matchValues(source, target)
            XCTAssertEqual(result.sourceUnmatched.count, count)
            XCTAssertEqual(result.used.filter { $0 }.count, count)
            return result.probes
        }
        let small = probes(1_000)
        let large = probes(10_000)
        XCTAssertLessThan(Double(large) / Double(small), 13, "\(small) → \(large)")
    }

    func testJUnitNamesFindingsAtOnePlaceInLinearSteps() {
        var small = JUnitReporter.UniqueNames()
        for _ in 0..<1_000 { _ = small.claim("same place") }
        var large = JUnitReporter.UniqueNames()
        for _ in 0..<10_000 { _ = large.claim("same place") }
        XCTAssertLessThan(Double(large.probes) / Double(small.probes), 13, "\(small.probes) → \(large.probes)")
        var names = JUnitReporter.UniqueNames()
        XCTAssertEqual((0..<3).map { _ in names.claim("x") }, ["x", "x #2", "x #3"])
        _ = names.claim("x #4")
        XCTAssertEqual(names.claim("x"), "x #5")
    }

    func testJUnitFailsOnlyWhatFailsTheRun() throws {
        let findings = [
            Finding(check: "punctuation", severity: .warning, file: "a.po", unit: "1", line: 3, column: 1, message: "w", source: "s", target: "t"),
            Finding(check: "number-mismatch", severity: .error, file: "a.po", unit: "2", line: 5, column: 1, message: "e", source: "s", target: "t"),
        ]
        let report = CheckReport(findings: findings, files: 1, units: 2)
        let lenient = Reporter.render(report, as: .junit)
        XCTAssertEqual(lenient.components(separatedBy: "<failure ").count - 1, 1)
        XCTAssertTrue(lenient.contains("failures=\"1\""))
        XCTAssertTrue(lenient.contains("<system-out>a.po:3:1: warning: w"))
        let strict = Reporter.render(report, as: .junit, strict: true)
        XCTAssertEqual(strict.components(separatedBy: "<failure ").count - 1, 2)
        XCTAssertEqual(report.exitCode(strict: false), 1)
        let warningsOnly = CheckReport(findings: [findings[0]], files: 1, units: 2)
        XCTAssertEqual(warningsOnly.exitCode(strict: false), 0)
        XCTAssertFalse(Reporter.render(warningsOnly, as: .junit).contains("<failure"))
    }

    func testBaselineHoldsWhicheverWayTheFileIsTyped() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let po = directory.appendingPathComponent("a.po").path
        try "msgid \"2.5 points\"\nmsgstr \"25 балів\"\n".write(toFile: po, atomically: true, encoding: .utf8)
        let config = directory.appendingPathComponent(".tlumach.yml").path
        try "check:\n  source-lang: en\n  target-lang: uk\n".write(toFile: config, atomically: true, encoding: .utf8)
        let baseline = directory.appendingPathComponent("baseline.json").path
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("x"), withIntermediateDirectories: true)

        func request(_ path: String) -> CheckRequest {
            var request = CheckRequest()
            request.paths = [path]
            request.configPath = config
            request.noGlossary = true
            return request
        }
        var write = request(po)
        write.writeBaselinePath = baseline
        let written = try CheckPipeline.run(write, environment: [:])
        XCTAssertGreaterThan(written.report.findings.count, 0)
        let stored = try String(contentsOfFile: baseline, encoding: .utf8)
        XCTAssertTrue(stored.contains("\"file\" : \"a.po\""), stored)

        // The same file from the current folder by a relative path with detours, and by another absolute spelling.
        let current = FileManager.default.currentDirectoryPath.split(separator: "/").count
        let relative = String(repeating: "../", count: current) + String(directory.path.dropFirst()) + "/./x/../a.po"
        for spelling in [relative, directory.path + "//a.po"] {
            var read = request(spelling)
            read.baselinePath = baseline
            let outcome = try CheckPipeline.run(read, environment: [:])
            XCTAssertEqual(outcome.report.findings.map(\.message), [], spelling)
            XCTAssertEqual(outcome.report.suppressed, written.report.findings.count, spelling)
        }
    }

    func testOutOfRangeOptionNumbersAreErrorsWithTheirLine() {
        for text in [
            "check:\n  options: {length-ratio-min-source: 1e300}\n", "check:\n  options: {length-ratio-min-source: -5}\n",
            "check:\n  options:\n    length-ratio-max: .nan\n",
        ] {
            XCTAssertThrowsError(try CheckConfiguration.parse(text, path: ".tlumach.yml"), text) { error in
                guard let input = error as? InputError else { return XCTFail("\(error)") }
                XCTAssertNotNil(input.line, "\(input)")
                XCTAssertTrue("\(input)".contains(".tlumach.yml:"), "\(input)")
            }
        }
    }

    func testABadBaselineNamesItsLine() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("baseline.json").path
        try "{\n  \"version\": 1,\n  \"findings\": [\n    {\"check\": x}\n  ]\n}\n".write(toFile: path, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try Baseline.read(path)) { error in
            guard let input = error as? InputError else { return XCTFail("\(error)") }
            XCTAssertEqual(input.line, 4, "\(input)")
            XCTAssertFalse("\(input)".contains("\n"), "one line: \(input)")
        }
        try "{\"version\": 1, \"findings\": [{\"check\": \"x\"}]}".write(toFile: path, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try Baseline.read(path)) { error in
            XCTAssertTrue("\(error)".contains("baseline.json"), "\(error)")
        }
    }
}
