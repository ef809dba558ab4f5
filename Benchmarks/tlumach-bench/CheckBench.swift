import TlumachCore
import Foundation
import TlumachCheck
import TlumachFormats

/// Check benchmarks: a deterministic 100,000-unit en→uk PO built from sentence templates (numbers in both locales'
/// styles, placeholders, quotes, URLs, a few deliberate errors), then PO parsing and all checks, in units/s.
func checkBenchmarks() throws {
    var generator = SeededGenerator(seed: 5)
    // %N a number in each locale's style, %Y a year, %S a day of the month.
    let templates: [(String, String)] = [
        ("More than %N defenders returned home.", "Додому повернулися понад %N захисників."),
        ("The rate rose by %N%% in %Y.", "Ставка зросла на %N %% у %Y р."),
        ("Deleted %d files from %s", "Видалено %d файлів з %s"),
        ("He said: \\\"We are ready.\\\"", "Він сказав: «Ми готові»."),
        ("See https://example.org/report/%Y for details.", "Подробиці: https://example.org/report/%Y."),
        ("The Coordination Headquarters is working, exchanges are ongoing.", "Координаційний штаб працює, обміни тривають."),
        ("<b>Warning:</b> {count} prisoners", "<b>Увага:</b> {count} полонених"),
        ("On August %S, %Y, the exchange took place.", "%S серпня %Y р. відбувся обмін."),
    ]
    var po = "msgid \"\"\nmsgstr \"\"\n\"Language: uk\\n\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n\n"
    let count = 100_000
    for index in 0..<count {
        let (source, target) = templates[Int(generator.next() % UInt64(templates.count))]
        let number = Int(generator.next() % 9_000) + 1_000
        let day = Int(generator.next() % 28) + 1
        let year = 2014 + Int(generator.next() % 12)
        let thousands = "\(number / 1000)"
        let rest = String(number % 1000).leftPadded(3)
        func fill(_ template: String, english: Bool) -> String {
            template.replacingOccurrences(of: "%N", with: english ? "\(thousands),\(rest)" : "\(thousands)\u{A0}\(rest)")
                .replacingOccurrences(of: "%Y", with: "\(year)").replacingOccurrences(of: "%S", with: "\(day)")
                .replacingOccurrences(of: "%%", with: "%")
        }
        var translated = fill(target, english: false)
        if index % 97 == 0 { translated = translated.replacingOccurrences(of: "%d", with: "") }  // deliberate errors
        po += "#: src/file\(index % 50).c:\(index)\nmsgctxt \"u\(index)\"\nmsgid \"\(fill(source, english: true))\"\nmsgstr \"\(translated)\"\n\n"
    }
    let megabytes = Double(po.utf8.count) / 1_000_000
    // Kept for timing the CLI on the same corpus (scripts/bench-check.sh, perf).
    try? FileManager.default.createDirectory(atPath: "bench-out/check", withIntermediateDirectories: true)
    try? po.write(toFile: "bench-out/check/synthetic.po", atomically: true, encoding: .utf8)
    print("check corpus: \(count) units, \(String(format: "%.1f", megabytes)) MB of PO")

    var document = BilingualDocument(path: "bench.po", format: .po)
    let parse = try bestTime { document = try POReader.parse(po, path: "bench.po") }
    report("check.po-parse", Double(document.units.count) / parse, "units/s")

    var settings = CheckSettings()
    settings.sourceLanguage = "en"
    settings.targetLanguage = "uk"
    let runner = CheckRunner(settings: settings, environment: CheckEnvironment())
    var findings = 0
    var byCheck: [String: Int] = [:]
    let checks = bestTime {
        let result = runner.run([document])
        findings = result.findings.count
        byCheck = Dictionary(grouping: result.findings, by: \.check).mapValues(\.count)
    }
    report("check.all-checks", Double(document.units.count) / checks, "units/s")
    report("check.parse+checks", Double(document.units.count) / (parse + checks), "units/s")
    print("check findings: \(findings) \(byCheck.sorted { $0.key < $1.key })")
    // The default configuration of the CLI: the shipped glossaries and house style (run from the repository root).
    if FileManager.default.fileExists(atPath: "glossaries") {
        let terms = try GlossaryTermFinder(paths: ["glossaries"])
        let withGlossary = CheckRunner(settings: settings, environment: CheckEnvironment(terms: terms))
        var last: CheckReport?
        let time = bestTime { last = withGlossary.run([document]) }
        report("check.all-checks+glossary", Double(document.units.count) / time, "units/s")
        if let last {
            let render = bestTime { _ = Reporter.render(last, as: .json) }
            report("check.json-report", Double(last.findings.count) / render, "findings/s")
        }
    }
    for type in CheckCatalog.all {
        var single = CheckSettings()
        single.enabled = [type.description.id]
        let one = CheckRunner(settings: single, environment: CheckEnvironment())
        let time = bestTime(repetitions: 1) { _ = one.run([document]) }
        report("check.\(type.description.id)", Double(document.units.count) / time, "units/s")
    }
}

extension String {
    fileprivate func leftPadded(_ width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
