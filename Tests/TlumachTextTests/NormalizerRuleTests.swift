import Foundation
import XCTest

@testable import TlumachText

/// Every normaliser rule's own examples are its tests (one test walks every rule; each failure names it), and
/// docs/normalizer-rules is generated from them.
final class NormalizerRuleTests: XCTestCase {
    func testEveryRuleHasOneDescriptorWithExamplesBothWays() {
        XCTAssertEqual(NormalizationRuleCatalog.descriptions.map(\.rule).sorted { $0.rawValue < $1.rawValue },
                       NormalizationRule.allCases.sorted { $0.rawValue < $1.rawValue })
        for rule in NormalizationRuleCatalog.descriptions {
            XCTAssertTrue(rule.examples.contains(where: \.changes), "\(rule.id) has no example it changes")
            XCTAssertTrue(rule.examples.contains { !$0.changes }, "\(rule.id) has no example it leaves alone")
            XCTAssertEqual(rule.rule.descriptor.id, rule.id)
        }
    }

    /// The rule alone (every other rule off) turns each example's input into its output, and names itself.
    func testExamples() throws {
        for rule in NormalizationRuleCatalog.descriptions {
            let others = Set(NormalizationRule.allCases).subtracting([rule.rule])
            for example in rule.examples {
                let options = NormalizerOptions(language: example.language, disabled: others)
                let result = try ArticleNormalizer(options: options).normalize(example.input)
                XCTAssertTrue(
                    result.text.unicodeScalars.elementsEqual(example.output.unicodeScalars),
                    "\(rule.id): \(example.input.debugDescription) → \(result.text.debugDescription), expected \(example.output.debugDescription)")
                XCTAssertEqual(Set(result.changes.map(\.rule)), example.changes ? [rule.id] : [], "\(rule.id): \(example.input.debugDescription)")
            }
        }
    }

    var docs: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("docs/normalizer-rules")
    }

    func testDocsAreUpToDate() throws {
        let expected = NormalizationRuleDocumentation.files()
        for file in expected {
            let actual = try? String(contentsOf: docs.appendingPathComponent(file.name), encoding: .utf8)
            XCTAssertEqual(
                actual, file.contents,
                "docs/normalizer-rules/\(file.name) is stale: run `swift run tlumach normalize --write-docs docs/normalizer-rules`")
        }
        let present = try FileManager.default.contentsOfDirectory(atPath: docs.path).filter { $0.hasSuffix(".md") }
        XCTAssertEqual(Set(present), Set(expected.map(\.name)), "docs/normalizer-rules has files no rule generates")
    }
}
