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

    /// The one-pass path finds words on UTF-8 bytes: next to scalars of every UTF-8 length (Latin-1 letters,
    /// combining marks, ʼ and ’ apostrophes, no-break and CJK spaces, CJK letters, emoji) it takes the same names and
    /// words as the phrase-by-phrase reference, which walks scalars.
    func testBytePathFindsTheSameWordsAsTheScalarReference() throws {
        let names = NameSpellings(["Шойгу": "Shoigu", "Сергій Шойгу": "Sergei Shoigu", "Ірпінь": "Irpin City",
            "Café Шойгу": "Cafe Shoigu"])
        let kmu = try SchemeTransliterator(scheme: .kmu2010, names: names)
        let pieces = ["Шойгу", "Сергій Шойгу", "Сергій\u{00A0}Шойгу", "Сергій-Шойгу", "Сергій--Шойгу", "Ірпінь",
            "Café Шойгу", "é", "и\u{0306}", "Шойгуʼ", "ʼШойгу", "Шойгу’я", "’", "\u{3000}", "中文", "😀", "Ш😀ойгу", "2",
            "-", " - ", "\u{2011}", "ШОЙГУ", "шойгу", "\t", "Ірпінь\u{0301}", "Ὀδυσσεύς", "\u{1D400}"]
        var state: UInt64 = 7
        for _ in 0..<300 {
            var text = ""
            for _ in 0..<8 {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                text += pieces[Int((state >> 33) % UInt64(pieces.count))]
                if (state >> 20) % 3 == 0 { text += " " }
            }
            XCTAssertEqual(kmu.transliterate(text, names: names), kmu.transliteratePhraseByPhrase(text, names: names), text)
        }
        XCTAssertEqual(kmu.transliterate("😀 Сергій Шойгу, ШОЙГУ та Ірпінь"), "😀 Sergei Shoigu, SHOIGU ta Irpin City")
    }
}
