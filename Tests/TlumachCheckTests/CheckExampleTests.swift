import TlumachCheck
import XCTest

/// Every check's own examples are its tests: triggering examples must be reported, the others must not.
final class CheckExampleTests: XCTestCase {
    func testEveryCheckHasExamplesBothWays() {
        for type in CheckCatalog.all {
            let description = type.description
            XCTAssertTrue(description.examples.contains(where: \.triggers), "\(description.id) has no triggering example")
            XCTAssertTrue(description.examples.contains { !$0.triggers }, "\(description.id) has no passing example")
            XCTAssertFalse(description.rationale.isEmpty, description.id)
        }
    }

    func testIdentifiersAreTheContract() {
        XCTAssertEqual(
            Set(CheckCatalog.identifiers),
            [
                "term-missing", "term-forbidden", "term-casing", "term-context", "number-mismatch", "placeholder-mismatch",
                "untranslated", "inconsistent-translation", "inconsistent-source", "mixed-script", "punctuation",
                "transliteration", "not-normalized", "whitespace", "length-ratio", "url-mismatch", "cyrillic-alphabet",
            ])
        XCTAssertEqual(CheckCatalog.identifiers.count, 17)
    }

    func testExamples() {
        for type in CheckCatalog.all {
            let id = type.description.id
            for example in type.description.examples {
                let issues = ExampleRunner.issues(type, on: example)
                if example.triggers {
                    XCTAssertFalse(issues.isEmpty, "\(id) must report: \(example.source) → \(example.target)")
                } else {
                    XCTAssertTrue(
                        issues.isEmpty,
                        "\(id) must not report: \(example.source) → \(example.target); got \(issues.map(\.message))")
                }
            }
        }
    }
}
