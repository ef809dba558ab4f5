import Foundation
import TlumachCore
import TlumachGlossary
import XCTest

final class YAMLFormatTests: XCTestCase {
    func testShorthandAndDefaults() throws {
        let glossary = try Support.glossary("""
            concepts:
              - id: svo
                terms:
                  uk: [спеціальна військова операція, СВО]
                  en: [{text: Kiev, status: forbidden, use: Kyiv}, {text: Kyiv, type: properNoun}]
            """)
        let concept = try XCTUnwrap(glossary.concept(id: "svo"))
        XCTAssertEqual(concept.terms["uk"]?[1].type, .abbreviation, "all capitals: an abbreviation")
        XCTAssertEqual(concept.terms["uk"]?[1].match, .exact)
        XCTAssertEqual(concept.terms["uk"]?[1].casing, .exact)
        XCTAssertEqual(concept.terms["uk"]?[0].match, .inflect)
        XCTAssertEqual(concept.terms["en"]?[1].casing, .exact, "proper nouns keep their case")
        XCTAssertEqual(concept.terms(in: "en").first?.text, "Kyiv", "preferred first")
        XCTAssertEqual(concept.abbreviations().map(\.term.text), ["СВО"])
        XCTAssertEqual(concept.fullForms().first?.term.text, "спеціальна військова операція")
    }

    func testErrorsNameFileLineAndColumn() {
        let cases: [(String, Int, Int, String)] = [
            ("concepts:\n  - id: a\n    terms:\n      uk: [x]\n      en: [{text: y, stauts: forbidden}]\n", 5, 22, "unknown term field `stauts`"),
            ("concepts:\n  - id: a\n    terms:\n      uk: [{text: y, status: banned}]\n", 4, 30, "`banned` is not a valid status"),
            ("concepts:\n  - id: a\n    terms: {uk: [x]\n", 4, 1, "invalid YAML"),
            ("concepts:\n  - id: a\n    terms: {uk: [x]}\n  - id: a\n    terms: {uk: [z]}\n", 4, 5, "duplicate concept id `a`"),
            ("concepts:\n  - terms: {uk: [x]}\n", 2, 5, "concept without an `id`"),
            ("concepts:\n  - id: a\n    terms: {ukrainian language: [x]}\n", 3, 13, "not a BCP 47 language tag"),
        ]
        for (yaml, line, column, message) in cases {
            XCTAssertThrowsError(try GlossaryYAML.parse(yaml, path: "g.yaml")) { error in
                guard let input = error as? InputError else { return XCTFail("\(error)") }
                XCTAssertEqual(input.path, "g.yaml")
                XCTAssertEqual(input.line, line, "\(message): \(input)")
                XCTAssertEqual(input.column, column, "\(message): \(input)")
                XCTAssertTrue(input.message.contains(message), input.message)
            }
        }
    }

    func testShippedGlossaryRoundTripsThroughYAML() throws {
        let files = try Glossary.readFiles(paths: [Support.packageRoot.appendingPathComponent("glossaries").path])
        for file in files {
            let written = GlossaryYAML.write(file.concepts, info: file.info)
            let (info, again) = try GlossaryYAML.parse(written, path: "again.yaml")
            XCTAssertEqual(info, file.info)
            XCTAssertEqual(strip(again), strip(file.concepts), file.path)
        }
    }
}

/// Concepts without where they were read, for comparing content.
func strip(_ concepts: [Concept]) -> [Concept] {
    concepts.map { var c = $0; c.origin = nil; c.file = nil; return c }
}

final class TBXFormatTests: XCTestCase {
    func testReadsTBXVersion2() throws {
        let concepts = try GlossaryTBX.read(path: Support.fixtures.appendingPathComponent("v2-basic.tbx").path)
        XCTAssertEqual(concepts.map(\.id), ["kyiv", "svo"])
        let kyiv = concepts[0]
        XCTAssertEqual(kyiv.subject, "places")
        XCTAssertEqual(kyiv.terms["uk"]?.first?.type, .properNoun, "partOfSpeech properNoun")
        XCTAssertEqual(kyiv.terms["en"]?.map(\.status), [.preferred, .deprecated], "superseded means do not use")
        XCTAssertEqual(kyiv.terms["en"]?.last?.note, "Russian-derived spelling")
        let svo = concepts[1]
        XCTAssertEqual(svo.definition, "Russia's euphemism for its invasion of Ukraine.")
        XCTAssertEqual(svo.terms["uk"]?.map(\.text), ["СВО", "спеціальна військова операція"], "ntig/termGrp read too")
        XCTAssertEqual(svo.terms["uk"]?.first?.type, .acronym)
        XCTAssertEqual(svo.terms["en"]?.map(\.status), [.admitted, .deprecated])
    }

    func testReadsTBXVersion3() throws {
        let concepts = try GlossaryTBX.read(path: Support.fixtures.appendingPathComponent("v3-basic.tbx").path)
        XCTAssertEqual(concepts.map(\.id), ["c-hur", "c-odesa"])
        XCTAssertEqual(concepts[0].terms["uk"]?.map(\.text), ["Головне управління розвідки", "ГУР"])
        XCTAssertEqual(concepts[0].terms["en-GB"]?.first?.gender, "neuter")
        XCTAssertEqual(concepts[0].terms["en-GB"]?.last?.status, .deprecated)
        XCTAssertEqual(concepts[1].terms["en"]?.last?.status, .deprecated)
        // The imported glossary works for matching and replacement.
        let matcher = try TermMatcher(glossary: Glossary(concepts: concepts))
        XCTAssertEqual(matcher.matches(in: "Головного управління розвідки").first?.conceptID, "c-hur")
        XCTAssertEqual(concepts[1].replacement(for: concepts[1].terms["en"]![1], language: "en"), "Odesa")
    }

    func testNativeToTBXToNativeLosesNothing() throws {
        let files = try Glossary.readFiles(paths: [Support.packageRoot.appendingPathComponent("glossaries").path])
        let concepts = files.flatMap(\.concepts).filter { c in files.first { $0.concepts.contains(c) }?.info.overlay == false }
        for (version, text) in [(2, GlossaryTBX.writeV2(concepts)), (3, GlossaryTBX.writeV3(concepts))] {
            let again = try GlossaryTBX.read(data: Data(text.utf8), name: "v\(version).tbx")
            XCTAssertEqual(again.count, concepts.count)
            for (a, b) in zip(strip(again), strip(concepts)) { XCTAssertEqual(a, b, "TBX v\(version): \(b.id)") }
        }
    }

    func testMalformedAndHostileTBXAreInputErrors() throws {
        let truncated = try Support.temporaryFile("t.tbx", "<tbx><text><body><conceptEntry id=\"a\"><langSec xml:lang=\"en\">", test: self)
        XCTAssertThrowsError(try GlossaryTBX.read(path: truncated)) { XCTAssertTrue($0 is InputError) }
        let entities = try Support.temporaryFile("e.tbx", "<?xml version=\"1.0\"?><!DOCTYPE tbx [<!ENTITY a \"aaaa\">]><tbx>&a;</tbx>", test: self)
        XCTAssertThrowsError(try GlossaryTBX.read(path: entities)) { XCTAssertTrue("\($0)".contains("entities"), "\($0)") }
        let notTBX = try Support.temporaryFile("n.tbx", "<tmx version=\"1.4\"></tmx>", test: self)
        XCTAssertThrowsError(try GlossaryTBX.read(path: notTBX)) { XCTAssertTrue("\($0)".contains("not a TBX file"), "\($0)") }
    }
}

final class CSVFormatTests: XCTestCase {
    func testReadsHeaderOfLanguagesWithStatusAndNote() throws {
        let csv = "id,uk,en,en_status,note\nkyiv,Київ,\"Kyiv | Kiev\",preferred | forbidden,\"city, capital\"\n,Одеса,Odesa,,\n"
        let concepts = try GlossaryCSV.parse(csv, path: "g.csv", separator: ",")
        XCTAssertEqual(concepts.count, 2)
        XCTAssertEqual(concepts[0].terms["en"]?.map(\.status), [.preferred, .forbidden])
        XCTAssertEqual(concepts[0].note, "city, capital")
        XCTAssertEqual(concepts[1].id, "row3", "rows without id are named by line")
    }

    func testTSVRoundTripKeepsTermsAndStatuses() throws {
        let glossary = try Support.glossary("""
            concepts:
              - id: kyiv
                note: capital
                terms: {uk: [Київ], en: [Kyiv, {text: Kiev, status: forbidden}]}
              - id: pow
                terms: {en: [prisoner of war]}
            """)
        let tsv = GlossaryCSV.write(glossary.concepts, separator: "\t")
        let again = try GlossaryCSV.parse(tsv, path: "g.tsv", separator: "\t")
        XCTAssertEqual(again.map(\.id), ["kyiv", "pow"])
        XCTAssertEqual(again[0].terms["en"]?.map(\.text), ["Kyiv", "Kiev"])
        XCTAssertEqual(again[0].terms["en"]?.map(\.status), [.preferred, .forbidden])
        XCTAssertEqual(again[0].note, "capital")
        XCTAssertNil(again[1].terms["uk"])
    }

    /// Issue 11: YAML → CSV → YAML loses nothing (term types, casing, context rules, forms…) on the shipped glossary.
    func testShippedGlossaryRoundTripsThroughCSVAndTSV() throws {
        let file = try Glossary.readFile(Support.packageRoot.appendingPathComponent("glossaries/news-war.yaml").path)
        XCTAssertEqual(GlossaryCSV.losses(file.concepts, info: file.info), [])
        for separator: Character in [",", ";", "\t"] {
            let written = GlossaryCSV.write(file.concepts, separator: separator)
            let again = try GlossaryCSV.parse(written, path: "again.csv", separator: separator)
            XCTAssertEqual(strip(again), strip(file.concepts), "separator \(separator)")
        }
        let csv = GlossaryCSV.write(file.concepts, separator: ",")
        let again = try GlossaryCSV.parse(csv, path: "again.csv", separator: ",")
        XCTAssertEqual(again.flatMap { $0.terms.values.joined() }.filter { $0.type == .properNoun }.count,
            file.concepts.flatMap { $0.terms.values.joined() }.filter { $0.type == .properNoun }.count)
        XCTAssertNotNil(again.first { $0.id == "svo" }?.terms["en"]?.first { $0.text == "SVO" }?.context)
    }

    /// `trigger` (set true, set false, or unset: the default rule) survives YAML → CSV/TSV → YAML; before, CSV had no
    /// column for it and a silenced source term demanded its concept again after a round trip.
    func testTriggerRoundTripsThroughCSVAndTSV() throws {
        let yaml = """
            concepts:
              - id: oblast
                terms:
                  uk: [{text: область}, {text: обл., trigger: false}]
                  en: [oblast, {text: region, status: admitted, trigger: true}]
              - id: shell
                terms:
                  uk: [{text: обстріл, trigger: false}]
                  en: [shelling]
            """
        let (info, concepts) = try GlossaryYAML.parse(yaml, path: "t.yaml")
        for separator: Character in [",", ";", "\t"] {
            let written = GlossaryCSV.write(concepts, separator: separator)
            XCTAssertTrue(written.split(separator: "\n")[0].contains("uk_trigger"), written)
            let again = try GlossaryCSV.parse(written, path: "again.csv", separator: separator)
            XCTAssertEqual(strip(again), strip(concepts), "separator \(separator)")
            XCTAssertEqual(again[0].terms["uk"]?.map(\.trigger), [nil, false])
            XCTAssertEqual(again[0].terms["en"]?.map(\.trigger), [nil, true])
            XCTAssertEqual(again[0].terms["en"]?.map(\.demandsTranslation), [true, true])
            XCTAssertEqual(again[1].terms["uk"]?.map(\.demandsTranslation), [false])
            let yamlAgain = GlossaryYAML.write(again, info: info)
            XCTAssertEqual(strip(try GlossaryYAML.parse(yamlAgain, path: "again.yaml").1), strip(concepts))
        }
        XCTAssertEqual(GlossaryCSV.losses(concepts, info: info), [])
        XCTAssertThrowsError(try GlossaryCSV.parse("uk,uk_trigger\nобласть,maybe\n", path: "g.csv", separator: ",")) {
            XCTAssertEqual(($0 as? InputError)?.line, 2)
            XCTAssertTrue("\($0)".contains("maybe"), "\($0)")
        }
        let plain = try GlossaryCSV.parse("uk,uk_trigger\nобласть | обл.,yes | no\n", path: "g.csv", separator: ",")
        XCTAssertEqual(plain.first?.terms["uk"]?.map(\.trigger), [true, false])
    }

    func testLossesAreListed() throws {
        let house = try Glossary.readFile(Support.packageRoot.appendingPathComponent("glossaries/house-style.yaml").path)
        XCTAssertTrue(GlossaryCSV.losses(house.concepts, info: house.info).contains { $0.contains("overlay") })
        let piped = [Concept(id: "x", terms: ["en": [Term(text: "a | b")]])]
        XCTAssertEqual(GlossaryCSV.losses(piped, info: .init()).count, 1)
    }

    /// Issue 11: Excel in a Ukrainian locale writes `;`; headers may name languages instead of tags.
    func testSemicolonSeparatorAndLanguageNames() throws {
        let csv = "id;Українська;English;English status\nkyiv;Київ;\"Kyiv | Kiev\";preferred | forbidden\n"
        XCTAssertEqual(GlossaryCSV.detectSeparator(csv), ";")
        let concepts = try GlossaryCSV.parse(csv, path: "g.csv", separator: GlossaryCSV.detectSeparator(csv))
        XCTAssertEqual(concepts.first?.terms["uk"]?.map(\.text), ["Київ"])
        XCTAssertEqual(concepts.first?.terms["en"]?.map(\.status), [.preferred, .forbidden])
        let english = try GlossaryCSV.parse("Ukrainian,English,Russian\nКиїв,Kyiv,Киев\n", path: "g.csv", separator: ",")
        XCTAssertEqual(english.first?.languages, ["uk", "en", "ru"])
        XCTAssertEqual(GlossaryCSV.detectSeparator("uk,en\n\"a;b\",c\n"), ",")
    }

    func testBadCSVNamesLineAndColumn() {
        XCTAssertThrowsError(try GlossaryCSV.parse("uk,colour\nКиїв,x\n", path: "g.csv", separator: ",")) { error in
            XCTAssertEqual((error as? InputError)?.line, 1)
            XCTAssertEqual((error as? InputError)?.column, 2)
        }
        XCTAssertThrowsError(try GlossaryCSV.parse("uk,en_status\nКиїв,banned-ish\n", path: "g.csv", separator: ",")) { error in
            XCTAssertEqual((error as? InputError)?.line, 2)
        }
        XCTAssertThrowsError(try GlossaryCSV.parse("uk\n\"Київ\n", path: "g.csv", separator: ",")) { error in
            XCTAssertTrue("\(error)".contains("unterminated"))
        }
    }
}
