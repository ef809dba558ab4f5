import ICU
import TlumachGlossary
import TlumachTranslit
import XCTest

final class MatcherTests: XCTestCase {
    let yaml = """
        concepts:
          - id: hq
            terms:
              uk: [Координаційний штаб з питань поводження з військовополоненими, {text: Координаційний штаб, type: shortForm}]
              en: [Coordination Headquarters]
          - id: svo
            terms:
              uk: [спеціальна військова операція, СВО]
              en: [{text: SVO, context: {precededBy: [so-called]}}, special military operation]
          - id: pow
            terms:
              en: [prisoner of war, POW]
              uk: [військовополонений]
          - id: kyiv
            terms:
              uk: [{text: Київ, type: properNoun}]
              en: [{text: Kyiv, type: properNoun}, {text: Kiev, type: properNoun, status: forbidden}]
          - id: aggressor
            terms:
              uk: [держава-агресор]
          - id: yusov
            terms:
              en: [{text: Andrii Yusov, type: properNoun}]
          - id: russia
            terms:
              en: [{text: russia, type: properNoun, casing: lower}]
        """

    func matcher() throws -> TermMatcher { try TermMatcher(glossary: try Support.glossary(yaml)) }

    func testMultiwordTermWithEveryWordInflected() throws {
        let text = "Звернулися до Координаційного штабу з питань поводження з військовополоненими."
        let matches = try matcher().matches(in: text)
        XCTAssertEqual(matches.count, 1)
        XCTAssertEqual(matches.first?.conceptID, "hq")
        XCTAssertEqual(matches.first?.text, "Координаційного штабу з питань поводження з військовополоненими")
        XCTAssertEqual(matches.first?.kind, .inflection)
        XCTAssertEqual(matches.first?.term, "Координаційний штаб з питань поводження з військовополоненими")
    }

    func testNestedTermsLongestWins() throws {
        let matches = try matcher().matches(in: "Координаційному штабі з питань поводження з військовополоненими і Координаційному штабі")
        XCTAssertEqual(matches.map(\.text), ["Координаційному штабі з питань поводження з військовополоненими", "Координаційному штабі"])
    }

    func testPunctuationBreaksAMultiwordMatch() throws {
        XCTAssertEqual(try matcher().matches(in: "Координаційний, штаб").count, 0)
    }

    func testHyphenatedCompoundInflects() throws {
        let matches = try matcher().matches(in: "військовополонені держави-агресора")
        XCTAssertEqual(matches.map(\.conceptID), ["pow", "aggressor"])
        XCTAssertEqual(matches.last?.text, "держави-агресора")
    }

    func testAbbreviationsMatchByCaseButThroughLookAlikes() throws {
        let m = try matcher()
        XCTAssertEqual(m.matches(in: "мета так званої СВО").map(\.conceptID), ["svo"])
        XCTAssertEqual(m.matches(in: "мета так званої CBO").first?.kind, .homoglyph, "CBO typed in Latin finds СВО")
        XCTAssertEqual(m.matches(in: "мета так званої CBO").first?.conceptID, "svo")
        XCTAssertTrue(m.matches(in: "сво, свої").isEmpty, "the word сво is not the abbreviation")
        XCTAssertEqual(m.matches(in: "hundreds of POWs were exchanged").map(\.text), ["POWs"])
        XCTAssertEqual(m.matches(in: "prisoners of war").first?.conceptID, "pow")
    }

    func testMixedScriptWordIsRepaired() throws {
        let matches = try matcher().matches(in: "у Kиєві")  // Latin K
        XCTAssertEqual(matches.first?.conceptID, "kyiv")
        XCTAssertEqual(matches.first?.kind, .homoglyph)
    }

    func testRangesAreUTF16AndUTF8() throws {
        let text = "🇺🇦 Києві"
        let match = try XCTUnwrap(try matcher().matches(in: text).first)
        XCTAssertEqual(match.range, 5..<10)
        XCTAssertEqual(match.utf8Range, 9..<19)
        XCTAssertEqual((text as NSString).substring(with: NSRange(location: 5, length: 5)), "Києві")
    }

    func testLanguageFilter() throws {
        let m = try matcher()
        XCTAssertEqual(m.matches(in: "Kyiv і Київ", language: "uk").map(\.text), ["Київ"])
        XCTAssertEqual(m.matches(in: "Kyiv і Київ", language: "en").map(\.text), ["Kyiv"])
        XCTAssertEqual(m.matches(in: "Kyiv і Київ").count, 2)
    }

    func testContextRuleAndCasing() throws {
        let m = try matcher()
        XCTAssertNotNil(m.matches(in: "the goals of the SVO").first?.contextViolated)
        XCTAssertNil(m.matches(in: "the goals of the so-called SVO").first?.contextViolated)
        XCTAssertNil(m.matches(in: "the so-called ‘SVO’").first?.contextViolated)
        XCTAssertTrue(m.matches(in: "they said Russia did").first?.casingViolated ?? false)
        XCTAssertFalse(m.matches(in: "Russia did it.").first?.casingViolated ?? true, "a sentence may start with a capital")
        // A name in lower case in running text is another word, not a misspelt name (рівні is not Рівне).
        XCTAssertTrue(m.matches(in: "the kyiv office").isEmpty)
        XCTAssertEqual(m.matches(in: "Kiev's mayor").first?.status, .forbidden)
    }

    func testNamesMatchThroughTheLatinMatchKey() throws {
        let m = try matcher()
        XCTAssertEqual(m.matches(in: "ANDRII YUSOV said").first?.conceptID, "yusov")
        XCTAssertEqual(LatinMatchKey.key("Andriy"), LatinMatchKey.key("Andrii"))
        XCTAssertEqual(m.matches(in: "Andriy Yusov said").first?.kind, .transliteration)
        XCTAssertEqual(m.matches(in: "Andrij Jusov said").first?.conceptID, "yusov")
    }

    func testShippedGlossaryOnSeedSentences() {
        let m = Support.shipped
        let ukrainian = "Представник ГУР Андрій Юсов розповів агентству «Українські новини» про обмін полоненими та про понад 950 цивільних заручників у полоні держави-агресора."
        XCTAssertEqual(
            m.matches(in: ukrainian, language: "uk").map(\.conceptID),
            ["hur", "andrii-yusov", "ukrainian-news-agency", "prisoner-exchange", "civilian-hostages", "captivity", "aggressor-state"])
        let english = "The representative of Defence Intelligence of Ukraine said prisoners of war and civilian hostages remain in russian captivity."
        XCTAssertEqual(
            m.matches(in: english, language: "en").map(\.conceptID),
            ["hur", "prisoner-of-war", "civilian-hostages", "russian", "captivity"])
        XCTAssertEqual(m.matches(in: "Міжнародного комітету Червоного Хреста", language: "uk").map(\.conceptID), ["icrc"])
        XCTAssertEqual(m.matches(in: "на тимчасово окупованих територіях", language: "uk").map(\.conceptID), ["temporarily-occupied-territories"])
    }

    func testTableFoldingAgreesWithICU() throws {
        // The matcher folds Latin and Cyrillic letters by table; it must agree with ICU's case folding on them.
        var scalars: [Unicode.Scalar] = []
        for value in Array(0x41...0x5A) + Array(0x61...0x7A) + Array(0x400...0x45F) + [0x490, 0x491, 0x4E6, 0x4E7] {
            scalars.append(Unicode.Scalar(UInt32(value))!)
        }
        for scalar in scalars {
            let text = String(scalar)
            XCTAssertEqual(try CaseMapping.folded(text), text.lowercased(), "U+\(String(scalar.value, radix: 16))")
        }
        // And the matcher reaches the same key for either case.
        let m = try matcher()
        XCTAssertEqual(m.matches(in: "КИЄВІ").first?.conceptID, "kyiv")
        XCTAssertEqual(m.matches(in: "ҐҐ Київ").first?.conceptID, "kyiv")
    }

    func testCompilesEmptyAndOddText() throws {
        let m = try TermMatcher(glossary: Glossary())
        XCTAssertTrue(m.matches(in: "anything").isEmpty)
        let k = try matcher()
        XCTAssertTrue(k.matches(in: "").isEmpty)
        XCTAssertTrue(k.matches(in: "- ' ’ -- \u{0301}").isEmpty)
        XCTAssertEqual(k.matches(in: "Киї\u{0301}в").count, 1, "a stress mark is ignored")
    }
}
