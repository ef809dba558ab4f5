import Foundation
import TlumachCore
import TlumachXML

/// The output formats of `tlumach check`.
public enum ReportFormat: String, Sendable, CaseIterable {
    case text, json, sarif, junit, github
}

/// Turns a report into text for one format.
public enum Reporter {
    public static let toolName = "tlumach"

    /// `strict`: warnings fail the run (JUnit marks as failed exactly what fails the run).
    public static func render(_ report: CheckReport, as format: ReportFormat, strict: Bool = false) -> String {
        switch format {
        case .text: TextReporter.render(report)
        case .json: JSONReporter.render(report)
        case .sarif: SARIFReporter.render(report)
        case .junit: JUnitReporter.render(report, strict: strict)
        case .github: GitHubReporter.render(report)
        }
    }

    /// The texts `line(i)` makes for `0..<count`, joined in order, made in pieces on all cores.
    static func lines(count: Int, _ line: @Sendable @escaping (Int) -> String) -> String {
        let bytes = JSONBytes.parallel(count: count) { range, output in
            for index in range {
                var text = line(index)
                text.withUTF8 { output.bytes.append(contentsOf: $0) }
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// "2 errors, 1 warning in 3 files (120 units)".
    public static func summary(_ report: CheckReport) -> String {
        func plural(_ count: Int, _ word: String) -> String { "\(count) \(word)\(count == 1 ? "" : "s")" }
        var text = "\(plural(report.errors, "error")), \(plural(report.warnings, "warning"))"
        if report.infos > 0 { text += ", \(plural(report.infos, "note"))" }
        text += " in \(plural(report.files, "file")) (\(plural(report.units, "unit")))"
        if report.suppressed > 0 { text += "; \(report.suppressed) suppressed" }
        return text
    }
}

/// Whether `needle` occurs in `text`, byte for byte (an empty needle never does, as with Foundation's `contains`).
/// Knuth–Morris–Pratt, linear; Foundation's `contains` was quadratic on a megabyte-long repetitive target quoted in
/// both a finding's message and its suggestion (found by the fuzzer: 30 CPU-s for 50,000 characters). (Not memmem:
/// glibc declares it only under _GNU_SOURCE, so Swift on Linux does not see it.)
func containsBytes(_ text: String, _ needle: String) -> Bool {
    var text = text, needle = needle
    return text.withUTF8 { haystack in
        needle.withUTF8 { needle in
            guard !needle.isEmpty, needle.count <= haystack.count else { return false }
            // failure[i]: length of the longest proper border of needle[0...i].
            var failure = [Int](repeating: 0, count: needle.count)
            var border = 0
            for index in 1..<max(1, needle.count) {
                while border > 0 && needle[index] != needle[border] { border = failure[border - 1] }
                if needle[index] == needle[border] { border += 1 }
                failure[index] = border
            }
            var matched = 0
            for byte in haystack {
                while matched > 0 && byte != needle[matched] { matched = failure[matched - 1] }
                if byte == needle[matched] { matched += 1 }
                if matched == needle.count { return true }
            }
            return false
        }
    }
}

/// `path:line:column: severity: message [check-id]`, like compilers, then a summary line.
enum TextReporter {
    static func render(_ report: CheckReport) -> String {
        var output = ""
        let findings = report.findings
        output += Reporter.lines(count: findings.count) { index in
            let finding = findings[index]
            var message = finding.message
            if let suggestion = finding.suggestion, !containsBytes(message, suggestion) { message += " (suggestion: \(suggestion))" }
            return "\(finding.file):\(finding.line):\(finding.column): \(finding.severity.rawValue): \(oneLine(message)) [\(finding.check)]\n"
        }
        output += Reporter.summary(report) + "\n"
        return output
    }

    static func oneLine(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x0A || $0 == 0x0D }) else { return text }
        return text.replacingOccurrences(of: "\r", with: "\\r").replacingOccurrences(of: "\n", with: "\\n")
    }
}

/// JSON string literal escaping (RFC 8259).
func jsonString(_ text: String) -> String { JSONText.quoted(text) }

/// `{"findings": [{"check", "severity", "file", "unit", "line", "column", "message", "source", "target",
/// "suggestion"[, "excerpt": true][, "count": n]}], "summary": {"files", "units", "errors", "warnings"}}` (`count`:
/// the findings one collapsed finding stands for, see `Finding.collapseLimit`) — field names are a
/// contract. A unit's text longer than `Finding.excerptLimit` characters is given as an excerpt (marked
/// `"excerpt": true`), so the report stays linear in the input.
enum JSONReporter {
    static func render(_ report: CheckReport) -> String {
        var output = JSONBytes()
        output.raw("{\n  \"findings\": [")
        let findings = report.findings
        output.bytes += JSONBytes.parallel(count: findings.count) { range, output in
            for index in range {
                let finding = findings[index]
                output.raw(index == 0 ? "\n" : ",\n")
                output.raw("    {\"check\": ")
                output.quoted(finding.check)
                output.raw(", \"severity\": ")
                output.quoted(finding.severity.rawValue)
                output.raw(", \"file\": ")
                output.quoted(finding.file)
                output.raw(", \"unit\": ")
                output.quoted(finding.unit)
                output.raw(", \"line\": ")
                output.number(finding.line)
                output.raw(", \"column\": ")
                output.number(finding.column)
                output.raw(", \"message\": ")
                output.quoted(finding.message)
                output.raw(", \"source\": ")
                output.quoted(finding.shownSource)
                output.raw(", \"target\": ")
                output.quoted(finding.shownTarget)
                output.raw(", \"suggestion\": ")
                output.quoted(finding.suggestion)
                if finding.isExcerpt { output.raw(", \"excerpt\": true") }
                if let collapsed = finding.collapsed {
                    output.raw(", \"count\": ")
                    output.number(collapsed)
                }
                output.raw("}")
            }
        }
        output.raw(report.findings.isEmpty ? "],\n" : "\n  ],\n")
        output.raw("  \"summary\": {\"files\": ")
        output.number(report.files)
        output.raw(", \"units\": ")
        output.number(report.units)
        output.raw(", \"errors\": ")
        output.number(report.errors)
        output.raw(", \"warnings\": ")
        output.number(report.warnings)
        output.raw(", \"infos\": ")
        output.number(report.infos)
        output.raw(", \"suppressed\": ")
        output.number(report.suppressed)
        output.raw("}\n}\n")
        return String(decoding: output.bytes, as: UTF8.self)
    }
}

/// SARIF 2.1.0: one run, rules with help text from the checks' descriptions, columnKind utf16CodeUnits, and
/// partialFingerprints that do not depend on line numbers.
enum SARIFReporter {
    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "note"
        }
    }

    static func uri(_ path: String) -> String {
        var path = path
        while path.hasPrefix("./") { path.removeFirst(2) }
        // Percent-encode what a URI reference may not hold as is.
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: ":")
        return path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path
    }

    static func render(_ report: CheckReport) -> String {
        var descriptions = report.checks
        for finding in report.findings where !descriptions.contains(where: { $0.id == finding.check }) {
            if let type = CheckCatalog.type(for: finding.check) { descriptions.append(type.description) }
        }
        let ruleIndex = Dictionary(uniqueKeysWithValues: descriptions.enumerated().map { ($1.id, $0) })
        var output = "{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n  \"version\": \"2.1.0\",\n"
        output += "  \"runs\": [\n    {\n      \"tool\": {\n        \"driver\": {\n"
        output += "          \"name\": \(jsonString(Reporter.toolName)),\n"
        output += "          \"version\": \(jsonString(TlumachVersion.current)),\n"
        output += "          \"rules\": ["
        for (index, rule) in descriptions.enumerated() {
            output += index == 0 ? "\n" : ",\n"
            let help = "\(rule.summary)\n\n\(rule.rationale)"
            output += "            {\"id\": \(jsonString(rule.id)), \"name\": \(jsonString(ruleName(rule.id))), "
            output += "\"shortDescription\": {\"text\": \(jsonString(rule.name))}, "
            output += "\"fullDescription\": {\"text\": \(jsonString(rule.summary))}, "
            output += "\"help\": {\"text\": \(jsonString(help)), \"markdown\": \(jsonString("**\(rule.name)** — \(help)\n\nSee docs/checks/\(rule.id).md"))}, "
            output += "\"defaultConfiguration\": {\"level\": \(jsonString(level(rule.defaultSeverity)))}}"
        }
        output += descriptions.isEmpty ? "]\n" : "\n          ]\n"
        output += "        }\n      },\n      \"columnKind\": \"utf16CodeUnits\",\n      \"results\": ["
        let findings = report.findings
        // Each file's URI once (percent-encoding is slow on Linux).
        var uris: [String: String] = [:]
        for finding in findings where uris[finding.file] == nil { uris[finding.file] = uri(finding.file) }
        output += Reporter.lines(count: findings.count) { [uris] index in
            let finding = findings[index]
            var output = index == 0 ? "\n" : ",\n"
            output += "        {\"ruleId\": \(jsonString(finding.check)), "
            if let ruleIndex = ruleIndex[finding.check] { output += "\"ruleIndex\": \(ruleIndex), " }
            output += "\"level\": \(jsonString(level(finding.severity))), "
            var message = finding.message
            if let suggestion = finding.suggestion, !containsBytes(message, suggestion) { message += " (suggestion: \(suggestion))" }
            output += "\"message\": {\"text\": \(jsonString(message))}, "
            output += "\"locations\": [{\"physicalLocation\": {\"artifactLocation\": {\"uri\": \(jsonString(uris[finding.file] ?? uri(finding.file)))}, "
            output += "\"region\": {\"startLine\": \(max(1, finding.line)), \"startColumn\": \(max(1, finding.column))}}, "
            output += "\"logicalLocations\": [{\"name\": \(jsonString(finding.unit)), \"kind\": \"element\"}]}], "
            output += "\"partialFingerprints\": {\"tlumachFinding/v1\": \(jsonString(finding.fingerprint))}"
            if let collapsed = finding.collapsed { output += ", \"properties\": {\"count\": \(collapsed)}" }
            output += "}"
            return output
        }
        output += report.findings.isEmpty ? "]\n" : "\n      ]\n"
        output += "    }\n  ]\n}\n"
        return output
    }

    /// "term-missing" → "TermMissing": SARIF's rule names are identifier-like.
    static func ruleName(_ id: String) -> String {
        id.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }
}

/// JUnit XML: a test suite per file, a test case per finding with a unique name (GitLab collapses duplicates),
/// failed when the finding fails the run (errors; warnings too with `--strict`), passed with its text in
/// `<system-out>` otherwise; one passing case when there are no findings so a clean run still reports a test.
enum JUnitReporter {
    /// `strict`: whether warnings fail the run (`--strict`). A finding is a failed test case only when it fails
    /// the run; the others pass with their text in `<system-out>`, so a dashboard is red exactly when the gate is.
    static func render(_ report: CheckReport, strict: Bool = false) -> String {
        func fails(_ finding: Finding) -> Bool { finding.severity == .error || (strict && finding.severity == .warning) }
        var byFile: [String: [Finding]] = [:]
        var order: [String] = []
        for finding in report.findings {
            if byFile[finding.file] == nil { order.append(finding.file) }
            byFile[finding.file, default: []].append(finding)
        }
        let failures = report.findings.filter(fails).count
        var output = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        output += "<testsuites name=\"tlumach check\" tests=\"\(max(1, report.findings.count))\" failures=\"\(failures)\" errors=\"0\">\n"
        if report.findings.isEmpty {
            output += "  <testsuite name=\"tlumach check\" tests=\"1\" failures=\"0\" errors=\"0\">\n"
            output += "    <testcase classname=\"tlumach.check\" name=\(attribute("\(report.files) files, \(report.units) units: no findings"))/>\n"
            output += "  </testsuite>\n"
        }
        var names = UniqueNames()
        for file in order {
            let findings = byFile[file] ?? []
            let fileFailures = findings.filter(fails).count
            output += "  <testsuite name=\(attribute(file)) tests=\"\(findings.count)\" failures=\"\(fileFailures)\" errors=\"0\">\n"
            for finding in findings {
                let name = names.claim("\(finding.check) \(finding.file):\(finding.line):\(finding.column) \(finding.unit)")
                output += "    <testcase classname=\(attribute("tlumach.\(finding.check)")) name=\(attribute(name)) file=\(attribute(finding.file))>\n"
                let body = "\(finding.file):\(finding.line):\(finding.column): \(finding.severity.rawValue): \(finding.message)\nsource: \(finding.shownSource)\ntarget: \(finding.shownTarget)"
                    + (finding.suggestion.map { "\nsuggestion: \($0)" } ?? "")
                if !fails(finding) {
                    output += "      <system-out>\(xmlEscaped(cleanXML(body)))</system-out>\n"
                } else {
                    output += "      <failure message=\(attribute(finding.message)) type=\(attribute("\(finding.severity.rawValue): \(finding.check)"))>\(xmlEscaped(cleanXML(body)))</failure>\n"
                }
                output += "    </testcase>\n"
            }
            output += "  </testsuite>\n"
        }
        output += "</testsuites>\n"
        return output
    }

    /// Unique test case names: a repeated name gets " #2", " #3"… The next free number of each name is remembered,
    /// so thousands of findings at one place cost linear steps (`probes` counts them), not quadratic.
    struct UniqueNames {
        private var used = Set<String>()
        private var next: [String: Int] = [:]
        private(set) var probes = 0

        mutating func claim(_ name: String) -> String {
            probes += 1
            if used.insert(name).inserted { return name }
            var counter = next[name] ?? 2
            while true {
                probes += 1
                let candidate = "\(name) #\(counter)"
                counter += 1
                if used.insert(candidate).inserted {
                    next[name] = counter
                    return candidate
                }
            }
        }
    }

    static func attribute(_ text: String) -> String { "\"" + xmlEscaped(cleanXML(text), attribute: true) + "\"" }

    /// XML 1.0 cannot carry most control characters, even escaped: they become U+FFFD.
    static func cleanXML(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0.value < 0x20 && $0 != "\n" && $0 != "\t" && $0 != "\r" }) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            if scalar.value < 0x20 && scalar != "\n" && scalar != "\t" && scalar != "\r" {
                result.unicodeScalars.append("\u{FFFD}")
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}

/// GitHub Actions workflow commands (`::error file=…,line=…,col=…,title=…::message`) with the escaping GitHub
/// requires, then a summary (GitHub shows only about ten annotations of each kind per step).
enum GitHubReporter {
    static func escapeData(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    static func escapeProperty(_ text: String) -> String {
        escapeData(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }

    static func command(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "notice"
        }
    }

    static func render(_ report: CheckReport) -> String {
        var output = ""
        let findings = report.findings
        output += Reporter.lines(count: findings.count) { index in
            let finding = findings[index]
            var message = finding.message
            if let suggestion = finding.suggestion, !containsBytes(message, suggestion) { message += " (suggestion: \(suggestion))" }
            var output = "::\(command(finding.severity)) file=\(escapeProperty(finding.file)),line=\(finding.line),col=\(finding.column),"
            output += "endLine=\(finding.line),endColumn=\(finding.column),"
            output += "title=\(escapeProperty("tlumach \(finding.check) (\(finding.unit))"))::\(escapeData(message))\n"
            return output
        }
        output += "tlumach check: \(Reporter.summary(report))\n"
        let byCheck = Dictionary(grouping: report.findings, by: \.check).sorted { $0.key < $1.key }
        for (check, findings) in byCheck {
            output += "  \(check): \(findings.count)\n"
        }
        return output
    }

    /// A Markdown summary for `$GITHUB_STEP_SUMMARY`.
    public static func stepSummary(_ report: CheckReport) -> String {
        var output = "### tlumach check\n\n\(Reporter.summary(report))\n\n"
        guard !report.findings.isEmpty else { return output }
        output += "| check | errors | warnings |\n|---|---:|---:|\n"
        for (check, findings) in Dictionary(grouping: report.findings, by: \.check).sorted(by: { $0.key < $1.key }) {
            output += "| \(check) | \(findings.filter { $0.severity == .error }.count) | \(findings.filter { $0.severity == .warning }.count) |\n"
        }
        return output
    }
}

extension Reporter {
    /// Markdown for `$GITHUB_STEP_SUMMARY`.
    public static func githubStepSummary(_ report: CheckReport) -> String { GitHubReporter.stepSummary(report) }
}
