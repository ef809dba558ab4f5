import XCTest

@testable import TlumachTranslit

final class KMU2010Tests: XCTestCase {
    static let kmu = try! SchemeTransliterator(scheme: .kmu2010)  // shipped rules; a failure here fails every test

    /// Checks both the fast path and the ICU rules.
    func assertKMU(_ cyrillic: String, _ latin: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(Self.kmu.transliterate(cyrillic), latin, "fast path: \(cyrillic)", file: file, line: line)
        XCTAssertEqual(Self.kmu.transliterateWithRules(cyrillic), latin, "ICU rules: \(cyrillic)", file: file, line: line)
    }

    func testEveryPublishedExample() {
        XCTAssertEqual(KMU2010Examples.official.count, 76)
        for (cyrillic, latin) in KMU2010Examples.official { assertKMU(cyrillic, latin) }
    }

    func testFurtherNames() {
        for (cyrillic, latin) in KMU2010Examples.further { assertKMU(cyrillic, latin) }
    }

    /// Real names nobody here wrote: the 27 ISO 3166-2:UA subdivisions as Debian's iso-codes 4.15 spells them in
    /// English (`iso_3166-2.json`, romanised in Ukraine's national system) beside their Ukrainian names in its `uk`
    /// catalog (`iso_3166-2.mo`). Every one comes out letter for letter.
    func testISO31662SubdivisionsOfUkraine() {
        let subdivisions: [(String, String)] = [
            ("Вінницька область", "Vinnytska oblast"),
            ("Волинська область", "Volynska oblast"),
            ("Луганська область", "Luhanska oblast"),
            ("Дніпропетровська область", "Dnipropetrovska oblast"),
            ("Донецька область", "Donetska oblast"),
            ("Житомирська область", "Zhytomyrska oblast"),
            ("Закарпатська область", "Zakarpatska oblast"),
            ("Запорізька область", "Zaporizka oblast"),
            ("Івано-Франківська область", "Ivano-Frankivska oblast"),
            ("Київ", "Kyiv"),
            ("Київська область", "Kyivska oblast"),
            ("Кіровоградська область", "Kirovohradska oblast"),
            ("Севастополь", "Sevastopol"),
            ("Автономна Республіка Крим", "Avtonomna Respublika Krym"),
            ("Львівська область", "Lvivska oblast"),
            ("Миколаївська область", "Mykolaivska oblast"),
            ("Одеська область", "Odeska oblast"),
            ("Полтавська область", "Poltavska oblast"),
            ("Рівненська область", "Rivnenska oblast"),
            ("Сумська область", "Sumska oblast"),
            ("Тернопільська область", "Ternopilska oblast"),
            ("Харківська область", "Kharkivska oblast"),
            ("Херсонська область", "Khersonska oblast"),
            ("Хмельницька область", "Khmelnytska oblast"),
            ("Черкаська область", "Cherkaska oblast"),
            ("Чернігівська область", "Chernihivska oblast"),
            ("Чернівецька область", "Chernivetska oblast"),
        ]
        XCTAssertEqual(subdivisions.count, 27)
        for (cyrillic, latin) in subdivisions { assertKMU(cyrillic, latin) }
    }

    func testCaseFollowsInput() {
        assertKMU("Щука", "Shchuka")
        assertKMU("ЩУКА", "SHCHUKA")
        assertKMU("Ярослав ЯРОШЕНКО", "Yaroslav YAROSHENKO")
        assertKMU("ЛЮЩ", "LIUSHCH")  // all-capitals word ending in a digraph letter
        assertKMU("ЗГОРАНИ", "ZGHORANY")
        assertKMU("ЄВГЕН ЇЖАКЕВИЧ", "YEVHEN YIZHAKEVYCH")
        assertKMU("ЖИТОМИР, ХАРКІВ, ЧЕРНІВЦІ", "ZHYTOMYR, KHARKIV, CHERNIVTSI")
        assertKMU("Ж", "Zh")  // a lone capital is a title
        assertKMU("Ю. Шевченко", "Yu. Shevchenko")
        assertKMU("ЗСУ", "ZSU")
        assertKMU("СБУ і ГУР", "SBU i HUR")
        assertKMU("щука", "shchuka")
    }

    func testApostrophesInsideCyrillicWordsVanish() {
        for apostrophe in ["'", "\u{2019}", "\u{02BC}", "`", "\u{00B4}", "\u{2018}", "\u{02B9}", "\u{2032}"] {
            assertKMU("Знам\(apostrophe)янка", "Znamianka")
            assertKMU("п\(apostrophe)ятниця", "piatnytsia")
            assertKMU("П\(apostrophe)ЯТНИЦЯ", "PIATNYTSIA")
        }
    }

    func testLatinTextKeepsItsApostrophes() {
        assertKMU("Ukraine’s ЗСУ", "Ukraine’s ZSU")
        assertKMU("don't", "don't")
        assertKMU("'Київ'", "'Kyiv'")  // quotes around a word are not inside it
        assertKMU("‘Юрій’", "‘Yurii’")
        assertKMU("Київ’s", "Kyiv’s")  // an apostrophe between Cyrillic and Latin stays
    }

    func testDecomposedShortIAndYi() {
        assertKMU("Андріи\u{0306}", "Andrii")
        assertKMU("и\u{0306}ти", "yty")
        assertKMU("Киі\u{0308}в", "Kyiv")
        assertKMU("І\u{0308}жакевич", "Yizhakevych")
        assertKMU("Мар’і\u{0308}не", "Marine")
    }

    func testPunctuationDigitsQuotesAndForeignLettersStay() {
        assertKMU("«Київ» — 2024 р., №5; (так)!", "«Kyiv» — 2024 r., №5; (tak)!")
        assertKMU("ёлка, ыы, эх, объём", "ёlka, ыы, эkh, obъёm")
        assertKMU("COVID-19 та iPhone", "COVID-19 ta iPhone")
        assertKMU("", "")
        assertKMU("\t \n", "\t \n")
    }

    /// Documented choices (docs/transliteration.md): any character that is not a letter or mark starts a word.
    func testWordStartAfterHyphenAndDigit() {
        assertKMU("Юрій-Євген", "Yurii-Yevhen")
        assertKMU("Ганна-Ярина", "Hanna-Yaryna")
        assertKMU("5-й", "5-y")
        assertKMU("2Я", "2Ya")
        assertKMU("ЄС", "YES")  // an all-capitals word
    }

    func testWordStartInsideAWord() {
        assertKMU("Короп’є", "Koropie")  // after an apostrophe: not a word start
        assertKMU("Ньютон", "Niuton")  // after a soft sign
        assertKMU("Олексій", "Oleksii")  // after a vowel
        assertKMU("Стрий", "Stryi")  // final й
        assertKMU("зйомка", "ziomka")
        assertKMU("ья", "ya")  // a soft sign that starts the text is dropped before the context is decided
    }

    func testZghOnlyForZeHe() {
        assertKMU("Згорани", "Zghorany")
        assertKMU("розгін", "rozghin")
        assertKMU("з Гаврилом", "z Havrylom")  // separate words
        assertKMU("Zг", "Zh")  // Latin z is not з
    }
}
