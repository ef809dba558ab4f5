import Foundation
import TlumachGlossary
import XCTest

/// Recall and precision of the matcher on inflected forms of the shipped terms (Fixtures/evaluation.tsv), the
/// figures reported in docs/glossary-evaluation.md.
final class EvaluationTests: XCTestCase {
    func testRecallAndPrecisionOnDeclensionTables() throws {
        let matcher = Support.shipped
        let text = try String(contentsOf: Support.fixtures.appendingPathComponent("evaluation.tsv"), encoding: .utf8)
        var truePositives = 0, falseNegatives = 0, falsePositives = 0
        var missed: [String] = [], wrong: [String] = []
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 3 else { continue }
            let parts = fields[1].split(separator: "@").map(String.init)
            let concept = parts[0]
            let language = parts.count > 1 ? parts[1] : "uk"
            let sample = fields[2]
            // Each sample is a text of its own, so a name that is also a common word (Суми) starts a sentence there:
            // ambiguous matches count as found.
            let matches = matcher.matches(in: sample, language: language, options: [.ambiguous])
            if fields[0] == "+" {
                let whole = matches.filter { $0.range == 0..<sample.utf16.count }
                if whole.contains(where: { $0.conceptID == concept }) {
                    truePositives += 1
                } else {
                    falseNegatives += 1
                    missed.append("\(concept): \(sample) → \(matches.map { "\($0.conceptID)[\($0.text)]" })")
                }
                // Any other concept claiming the whole form is a wrong match.
                for match in whole where match.conceptID != concept {
                    falsePositives += 1
                    wrong.append("\(sample) → \(match.conceptID)")
                }
            } else {
                for match in matches where match.conceptID == concept {
                    falsePositives += 1
                    wrong.append("\(sample) → \(match.conceptID)")
                }
            }
        }
        let recall = Double(truePositives) / Double(truePositives + falseNegatives)
        let precision = Double(truePositives) / Double(truePositives + falsePositives)
        print(String(format: "glossary evaluation: %d positives, recall %.4f, precision %.4f", truePositives + falseNegatives, recall, precision))
        for item in missed { print("  missed: \(item)") }
        for item in wrong { print("  wrong: \(item)") }
        XCTAssertGreaterThan(truePositives + falseNegatives, 350)
        // Every form of the table is found and nothing else (docs/glossary-evaluation.md): one miss is a regression
        // (the dictionary round's first version lost "переміщених осіб", the genitive plural of особа, under 0.98's slack).
        XCTAssertEqual(missed, [], "missed")
        XCTAssertEqual(wrong, [], "wrong")
    }
}
