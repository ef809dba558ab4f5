import Foundation
import TlumachCheck
import TlumachFormats
import TlumachTestSupport
import XCTest

/// Term checks with the shipped glossaries on the real examples of issue 10 ("Term matching").
final class GlossaryRealTextTests: XCTestCase {
    static let shipped: (any TermFinder)? = {
        try? GlossaryTermFinder(paths: [TestFiles.shippedGlossaries.path])
    }()

    func termFindings(_ source: String, _ target: String, from: String, to: String) throws -> [String] {
        let terms = try XCTUnwrap(Self.shipped)
        let document = BilingualDocument(
            path: "t.po", format: .po, sourceLanguage: from, targetLanguage: to,
            units: [BilingualUnit(id: "u", source: source, target: target)])
        var settings = CheckSettings()
        settings.disabled = ["length-ratio"]
        return CheckRunner(settings: settings, environment: ExampleRunner.environment(terms: terms)).run([document]).findings
            .filter { $0.check.hasPrefix("term") }.map { "\($0.check): \($0.message)" }
    }

    func testALongerTermDoesNotHideTheShorterOne() throws {
        XCTAssertEqual(
            try termFindings("З полону вдалося повернути 2 500 українців", "More than 2,500 Ukrainians were returned from captivity", from: "uk", to: "en"),
            [])
    }

    func testDefendersTranslatesZakhysnykyIZakhysnytsi() throws {
        XCTAssertEqual(
            try termFindings("Україна повернула додому понад 2 500 захисників і захисниць", "Ukraine has returned more than 2,500 defenders", from: "uk", to: "en"),
            [])
    }

    func testCommonWordsAreNotPlaceNames() throws {
        XCTAssertEqual(try termFindings("Checksums of the files", "Суми контрольних сум файлів", from: "en", to: "uk"), [])
        XCTAssertEqual(try termFindings("The total amount doubled", "Загальна сума зросла рівно вдвічі", from: "en", to: "uk"), [])
        XCTAssertEqual(try termFindings("Sum of sizes", "Сума розмірів", from: "en", to: "uk"), [])
    }

    func testOblastIsNotTheRenamedCity() throws {
        XCTAssertEqual(try termFindings("Dnipropetrovsk Oblast", "Дніпропетровська область", from: "en", to: "uk"), [])
        XCTAssertEqual(try termFindings("in Dnipropetrovsk region", "у Дніпропетровській області", from: "en", to: "uk"), [])
    }
}
