import XCTest

@testable import TlumachTranslit

final class OtherSchemesTests: XCTestCase {
    func testRussianSimpleNewsSpellings() throws {
        let simple = try SchemeTransliterator(scheme: .ruSimple)
        let expected: [(String, String)] = [
            ("Сергей", "Sergei"), ("Дмитрий", "Dmitry"), ("Шойгу", "Shoigu"), ("Песков", "Peskov"),
            ("Медведев", "Medvedev"), ("Навальный", "Navalny"), ("Евгений Пригожин", "Yevgeny Prigozhin"),
            ("Мария Захарова", "Maria Zakharova"), ("Юлия", "Yulia"), ("Горбачёв", "Gorbachev"), ("Пётр", "Pyotr"),
            ("Соловьёв", "Solovyov"), ("Матвиенко", "Matviyenko"), ("Вячеслав Володин", "Vyacheslav Volodin"),
            ("Николай Патрушев", "Nikolai Patrushev"), ("Валерий Герасимов", "Valery Gerasimov"),
            ("Ельцин", "Yeltsin"), ("Хрущёв", "Khrushchev"), ("подъезд", "podyezd"), ("Ильин", "Ilyin"),
            ("СЕРГЕЙ ШОЙГУ", "SERGEI SHOIGU"), ("Щукин", "Shchukin"), ("ЩУКИН", "SHCHUKIN"),
        ]
        for (cyrillic, latin) in expected {
            XCTAssertEqual(simple.transliterate(cyrillic), latin, cyrillic)
        }
        // No diacritics and no apostrophes, whatever the input.
        let output = simple.transliterate("Объявление: съезд, льгота, Ёж, Эмма, ы, подъём")
        XCTAssertTrue(output.unicodeScalars.allSatisfy { $0.isASCII }, output)
        XCTAssertFalse(output.contains("'"), output)
    }

    func testRussianBGNIsICUsTransform() throws {
        let bgn = try SchemeTransliterator(scheme: .ruBGN)
        XCTAssertEqual(bgn.transliterate("Сергей Щукин"), "Sergey Shchukin")
        XCTAssertEqual(bgn.transliterate("Шойгу"), "Shoygu")
    }

    func testISO9OneToOne() throws {
        let iso = try SchemeTransliterator(scheme: .iso9)
        XCTAssertEqual(iso.transliterate("Київ"), "Kiïv")
        XCTAssertEqual(iso.transliterate("Щербухи"), "Ŝerbuhi")
        XCTAssertEqual(iso.transliterate("Юрій"), "Ûrìj")
        XCTAssertEqual(iso.transliterate("ЩУКА"), "ŜUKA")
        XCTAssertEqual(iso.transliterate("Ґалаґан"), "G\u{0300}alag\u{0300}an")
        XCTAssertEqual(iso.transliterate("объём Эрмитаж"), "obʺëm Èrmitaž")
        XCTAssertEqual(iso.transliterate("м’ясо"), "m’âso")
    }

    func testSchemeNamesAndListing() {
        XCTAssertEqual(TransliterationScheme(name: "KMU2010"), .kmu2010)
        XCTAssertEqual(TransliterationScheme(name: "ru-simple"), .ruSimple)
        XCTAssertNil(TransliterationScheme(name: "kmu1996"))
        for scheme in TransliterationScheme.allCases {
            XCTAssertTrue(TransliterationScheme.listing.contains(scheme.name))
            XCTAssertFalse(scheme.summary.isEmpty)
        }
    }
}

final class NameSpellingTests: XCTestCase {
    func testKnownNamesWinBeforeTheScheme() throws {
        let names = NameSpellings([
            "Зеленський": "Zelenskyy", "Володимир Зеленський": "Volodymyr Zelenskyy",
            "Сергій Шойгу": "Sergei Shoigu",
        ])
        let kmu = try SchemeTransliterator(scheme: .kmu2010, names: names)
        XCTAssertEqual(
            kmu.transliterate("Президент Володимир Зеленський зустрівся з Андрієм."),
            "Prezydent Volodymyr Zelenskyy zustrivsia z Andriiem.")
        XCTAssertEqual(kmu.transliterate("Зеленський"), "Zelenskyy")
        XCTAssertEqual(kmu.transliterate("ЗЕЛЕНСЬКИЙ"), "ZELENSKYY")
        XCTAssertEqual(kmu.transliterate("Сергій Шойгу і Сергій Лавров"), "Sergei Shoigu i Serhii Lavrov")
        // Not a name: the scheme; a name inside a longer word is not a match.
        XCTAssertEqual(kmu.transliterate("Зеленськийград"), "Zelenskyihrad")
        // Without names, the scheme.
        XCTAssertEqual(try SchemeTransliterator(scheme: .kmu2010).transliterate("Зеленський"), "Zelenskyi")
    }

    func testTextAroundNamesKeepsItsContexts() throws {
        let names = NameSpellings(["Шойгу": "Shoigu"])
        let kmu = try SchemeTransliterator(scheme: .kmu2010, names: names)
        XCTAssertEqual(kmu.transliterate("«Шойгу» — ЄС, Юрій-Євген, п’ять"), "«Shoigu» — YES, Yurii-Yevhen, piat")
    }

    /// A source the glossary might provide: decides by itself how loosely it matches (here: inflected forms).
    func testCustomSourceIsConsultedPerPhrase() throws {
        struct Inflecting: NameSpellingSource {
            let longestNameWordCount = 2
            func spelling(of phrase: String) -> String? {
                phrase.hasPrefix("Зеленськ") ? "Zelenskyy" : nil
            }
        }
        let kmu = try SchemeTransliterator(scheme: .kmu2010, names: Inflecting())
        XCTAssertEqual(kmu.transliterate("зустріч із Зеленським"), "zustrich iz Zelenskyy")
    }
}
