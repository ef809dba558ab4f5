import Foundation
@testable import TlumachCheck
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

    /// Set B, seed 11 (docs/check-evaluation.md): shared-mime-info's "ICC profile" and "CMU raster image" demanded
    /// the International Criminal Court and the Cabinet of Ministers; an abbreviation kept as it is names a format.
    func testAnAbbreviationKeptAsItIsIsNotTheConcept() throws {
        XCTAssertEqual(try termFindings("ICC profile", "профіль ICC", from: "en", to: "uk"), [])
        XCTAssertEqual(try termFindings("CMU raster image", "растрове зображення CMU", from: "en", to: "uk"), [])
        // The court's abbreviation translated away stays asked for.
        XCTAssertEqual(
            try termFindings("The ICC issued a warrant.", "Суд видав ордер.", from: "en", to: "uk").map { $0.hasPrefix("term-missing") }, [true])
    }

    /// The dictionary round (docs/glossary-evaluation.md, "Third round"): воїни (soldiers) was a form of війна and
    /// Поліна (a name) of полон, so correct translations failed with "expected “war”" and "expected “captivity”".
    func testSoldiersAreNotAWarAndPolinaIsNotCaptivity() throws {
        XCTAssertEqual(try termFindings("Українські воїни звільнили село.", "Ukrainian soldiers liberated a village.", from: "uk", to: "en"), [])
        XCTAssertEqual(try termFindings("Поліна розповіла про обстріл.", "Polina spoke about the shelling.", from: "uk", to: "en"), [])
        // The war itself, in any case, stays asked for.
        XCTAssertEqual(
            try termFindings("Під час війни воїни звільнили село.", "Soldiers liberated a village.", from: "uk", to: "en")
                .map { $0.hasPrefix("term-missing") }, [true])
    }

    /// Set I (engrampa): "Java Web Archive (.war)" → "Java Web Архів (.war)" asked for війна.
    func testATermGluedToADotIsAFileName() throws {
        XCTAssertEqual(try termFindings("Java Web Archive (.war)", "Java Web Архів (.war)", from: "en", to: "uk"), [])
        XCTAssertEqual(try termFindings("Open war.log", "Відкрити war.log", from: "en", to: "uk"), [])
        // The word in a sentence stays asked for.
        XCTAssertEqual(
            try termFindings("The war continues.", "Бойові дії тривають.", from: "en", to: "uk").map { $0.hasPrefix("term-missing") }, [true])
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

    /// Issue 10: "Region"/"Province" in software strings demanded "область" (the oblast concept lists them as a
    /// variant and an admitted term); only a term that demands its concept (preferred, not a variant, or `trigger`)
    /// is asked for.
    func testOnlyATermThatDemandsItsConceptIsMissing() throws {
        XCTAssertEqual(try termFindings("Region", "Регіон", from: "en", to: "uk"), [])
        XCTAssertEqual(try termFindings("Select a province", "Виберіть провінцію", from: "en", to: "uk"), [])
        XCTAssertEqual(try termFindings("Time zone region:", "Регіон часового поясу:", from: "en", to: "uk"), [])
        // The preferred term still demands it…
        XCTAssertEqual(
            try termFindings("the oblast council", "рада регіону", from: "en", to: "uk"),
            ["term-missing: “oblast” has no approved translation in the target (expected “область”)"])
        // (“обласна рада”, a word of the family, is information only: SetSNoiseTests.)
        // …and in the other direction the Ukrainian preferred term accepts any approved English one.
        XCTAssertEqual(try termFindings("Харківська область", "Kharkiv region", from: "uk", to: "en"), [])
    }

    func testTriggerInTheGlossaryDecides() throws {
        let yaml = """
            concepts:
              - id: oblast
                terms:
                  en: [{text: oblast, trigger: false}, {text: region, type: variant, trigger: true}]
                  uk: [область]
            """
        let terms = try GlossaryTermFinder(yaml: yaml)
        let region = try XCTUnwrap(terms.occurrences(in: "Region", language: "en").first)
        XCTAssertTrue(region.demandsTranslation)
        let oblast = try XCTUnwrap(terms.occurrences(in: "oblast", language: "en").first)
        XCTAssertFalse(oblast.demandsTranslation)
        let unit = CheckedUnit(
            unit: BilingualUnit(id: "u", source: "Region and oblast", target: "Регіон"), file: "f", sourceLanguage: "en",
            targetLanguage: "uk", environment: ExampleRunner.environment(terms: terms))
        XCTAssertEqual(
            TermMissingCheck(environment: ExampleRunner.environment(terms: terms)).check(unit).map(\.message),
            ["“Region” has no approved translation in the target (expected “область”)"])
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
