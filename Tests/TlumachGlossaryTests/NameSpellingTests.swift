import TlumachGlossary
import TlumachTranslit
import XCTest

final class NameSpellingTests: XCTestCase {
    static let yaml = """
        concepts:
          - id: zelenskyy
            subject: people
            terms:
              uk: [{text: Володимир Зеленський, type: properNoun}, {text: Зеленський, type: properNoun}]
              en: [{text: Volodymyr Zelenskyy, type: properNoun}, {text: Zelenskyy, type: properNoun}, {text: Zelensky, type: properNoun, status: admitted}, {text: Zelenskiy, type: properNoun, status: deprecated}]
              ru: [{text: Владимир Зеленский, type: properNoun}, {text: Зеленский, type: properNoun}]
          - id: shoigu
            subject: people
            terms:
              uk: [{text: сергій шойгу, type: properNoun, casing: lower}, {text: шойгу, type: properNoun, casing: lower}]
              en: [{text: sergei shoigu, type: properNoun, casing: lower}, {text: shoigu, type: properNoun, casing: lower}]
          - id: ministry
            subject: people
            terms:
              uk: [{text: Міністерство оборони}]
              en: [{text: Ministry of Defence}]
          - id: forbidden-only
            subject: people
            terms:
              uk: [{text: Фальшенко, type: properNoun}]
              en: [{text: Falshenko, type: properNoun, status: forbidden}]
        """

    func names() throws -> GlossaryNameSpellings {
        try GlossaryNameSpellings(glossary: try Support.glossary(Self.yaml))
    }

    func testWholeNamesTakeThePreferredEnglishSpellingOfTheirLength() throws {
        let names = try names()
        XCTAssertEqual(names.longestNameWordCount, 2)
        XCTAssertEqual(names.spelling(of: "Зеленський"), "Zelenskyy")
        XCTAssertEqual(names.spelling(of: "Володимир Зеленський"), "Volodymyr Zelenskyy")
        XCTAssertEqual(names.spelling(of: "Зеленский"), "Zelenskyy")  // Russian term
        // Another grammatical form keeps the scheme's spelling with its case ending (issue 10: у Києві → u Kyievi).
        XCTAssertNil(names.spelling(of: "Зеленського"))
        XCTAssertNil(names.spelling(of: "Володимира Зеленського"))
        // A lower-case word is not the name (зелений is an adjective; the glossary term is capitalised).
        XCTAssertNil(names.spelling(of: "зеленський"))
    }

    func testOnlyPeopleWhoseEnglishTermSpellsTheSameName() throws {
        let names = try GlossaryNameSpellings(glossary: try Support.glossary("""
            concepts:
              - id: crimea
                subject: places
                terms:
                  uk: [{text: Крим, type: properNoun}]
                  en: [{text: Crimea, type: properNoun}]
              - id: agency
                subject: people
                terms:
                  uk: [{text: Українські Новини, type: properNoun}]
                  en: [{text: Ukrainian News Agency, type: properNoun}]
              - id: person
                subject: people
                terms:
                  uk: [{text: Крим, type: properNoun}]
                  en: [{text: Crimea, type: properNoun}]
            """))
        XCTAssertNil(names.spelling(of: "Крим"))
        XCTAssertNil(names.spelling(of: "Українські Новини"))
        XCTAssertTrue(names.isEmpty)
        XCTAssertTrue(GlossaryNameSpellings.sameName("Sergei Shoigu", "Serhii Shoihu"))
        XCTAssertTrue(GlossaryNameSpellings.sameName("Zelenskyy", "Zelenskyi"))
        XCTAssertFalse(GlossaryNameSpellings.sameName("Crimea", "Krym"))
    }

    func testLowerCaseHouseSpellingFollowsTheTextsCapitals() throws {
        let names = try names()
        XCTAssertEqual(names.spelling(of: "Шойгу"), "Shoigu")
        XCTAssertEqual(names.spelling(of: "шойгу"), "shoigu")
        XCTAssertEqual(names.spelling(of: "Сергій Шойгу"), "Sergei Shoigu")
    }

    func testOnlyWholePhrasesOfProperNounsWithAUsableSpelling() throws {
        let names = try names()
        XCTAssertNil(names.spelling(of: "Міністерство оборони"))  // not a proper noun
        XCTAssertNil(names.spelling(of: "Фальшенко"))  // no English spelling that may be used
        XCTAssertNil(names.spelling(of: "Зеленський сказав"))  // more than the name
        XCTAssertNil(names.spelling(of: "Зелений"))
        XCTAssertFalse(names.isEmpty)
        XCTAssertTrue(try GlossaryNameSpellings(glossary: Glossary()).isEmpty)
    }

    func testTransliteratorSpellsKnownNamesBeforeTheScheme() throws {
        let transliterator = try SchemeTransliterator(scheme: .kmu2010, names: try names())
        XCTAssertEqual(
            transliterator.transliterate("Президент Володимир Зеленський зустрівся з Шойгу? Ні, з Андрієм."),
            "Prezydent Volodymyr Zelenskyy zustrivsia z Shoigu? Ni, z Andriiem.")
        XCTAssertEqual(transliterator.transliterate("ЗЕЛЕНСЬКИЙ"), "ZELENSKYY")
        let plain = try SchemeTransliterator(scheme: .kmu2010)
        XCTAssertEqual(plain.transliterate("Зеленський"), "Zelenskyi")
    }
}
