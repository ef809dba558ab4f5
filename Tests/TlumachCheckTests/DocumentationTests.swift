import Foundation
import TlumachCheck
import TlumachTestSupport
import XCTest

/// docs/checks is generated from the checks' descriptions and examples; this fails when it is stale.
/// Regenerate with `swift run tlumach check --write-docs docs/checks`.
final class DocumentationTests: XCTestCase {
    var docs: URL { TestFiles.packageRoot("docs/checks") }

    func testDocsAreUpToDate() throws {
        let expected = CheckDocumentation.files()
        for file in expected {
            let url = docs.appendingPathComponent(file.name)
            let actual = try? String(contentsOf: url, encoding: .utf8)
            XCTAssertEqual(actual, file.contents, "docs/checks/\(file.name) is stale: run `swift run tlumach check --write-docs docs/checks`")
        }
        let present = try FileManager.default.contentsOfDirectory(atPath: docs.path).filter { $0.hasSuffix(".md") }
        XCTAssertEqual(Set(present), Set(expected.map(\.name)), "docs/checks has files no check generates")
    }

    func testEveryPageShowsItsExamplesAndFindings() {
        for type in CheckCatalog.all {
            let page = CheckDocumentation.page(for: type.description)
            XCTAssertTrue(page.contains("# `\(type.description.id)`"))
            XCTAssertTrue(page.contains("## Reported"))
            XCTAssertTrue(page.contains("## Not reported"))
        }
    }
}
