import TlumachAlign
import XCTest

final class NumberAnchorTests: XCTestCase {
    let numbers = NumberAnchors()

    func testGroupedThousandsAreOneValueInBothConventions() {
        XCTAssertEqual(numbers.keys(in: "повернули 2 500 захисників", language: .uk), ["2500"])
        XCTAssertEqual(numbers.keys(in: "повернули 2\u{00A0}500 захисників", language: .uk), ["2500"])
        XCTAssertEqual(numbers.keys(in: "returned 2,500 defenders", language: .en), ["2500"])
        XCTAssertEqual(numbers.keys(in: "19 546 дітей", language: .uk), numbers.keys(in: "19,546 children", language: .en))
        XCTAssertEqual(numbers.keys(in: "1 234 567 гривень", language: .uk), ["1234567"])
    }

    func testDecimalCommaEqualsDecimalPoint() {
        XCTAssertEqual(numbers.keys(in: "зросла на 2,5 відсотка", language: .uk), ["2.5"])
        XCTAssertEqual(numbers.keys(in: "rose by 2.5 percent", language: .en), ["2.5"])
        XCTAssertEqual(numbers.keys(in: "2,50", language: .uk), ["2.5"])
    }

    func testAUkrainianCommaIsNeverGrouping() {
        // In Ukrainian 2,500 is two and a half.
        XCTAssertEqual(numbers.keys(in: "2,500 тонни", language: .uk), ["2.5"])
    }

    func testSeparateNumbersStaySeparate() {
        XCTAssertEqual(numbers.keys(in: "у 2022 500 людей", language: .uk), ["2022", "500"])
        XCTAssertEqual(numbers.keys(in: "з 9:00 до 18:00", language: .uk), ["9", "0", "18", "0"])
        XCTAssertEqual(numbers.keys(in: "24–27 серпня", language: .uk), ["24", "27"])
        XCTAssertEqual(numbers.keys(in: "the 49th exchange", language: .en), ["49"])
    }

    func testDottedDatesGiveTheirParts() {
        XCTAssertEqual(numbers.keys(in: "15.09.2023", language: .uk), ["15", "9", "2023"])
    }

    func testScaleWordsMultiply() {
        XCTAssertEqual(numbers.keys(in: "понад 41 тис. разів", language: .uk), ["41000"])
        XCTAssertEqual(numbers.keys(in: "more than 41,000 calls", language: .en), ["41000"])
        XCTAssertEqual(numbers.keys(in: "2,5 млн гривень", language: .uk), ["2500000"])
        XCTAssertEqual(numbers.keys(in: "2.5 million hryvnias", language: .en), ["2500000"])
        XCTAssertEqual(numbers.keys(in: "3,75 мільярда", language: .uk), ["3750000000"])
        // A word that merely starts like a scale is not one.
        XCTAssertEqual(numbers.keys(in: "5 тисненнях", language: .uk), ["5"])
    }

    func testNumberWordsCountInEitherLanguage() {
        XCTAssertEqual(numbers.keys(in: "Ще двоє звільнених — цивільні.", language: .uk), ["2"])
        XCTAssertEqual(numbers.keys(in: "two more are civilians", language: .en), ["2"])
        XCTAssertEqual(numbers.keys(in: "Чотирьом із них", language: .uk), ["4"])
        XCTAssertEqual(numbers.keys(in: "п’ять років", language: .uk), ["5"])
        XCTAssertEqual(numbers.keys(in: "сім’я", language: .uk), [])
    }

    func testNoDigitsNoKeys() {
        XCTAssertEqual(numbers.keys(in: "Без чисел.", language: .uk), [])
    }
}

final class NameAnchorTests: XCTestCase {
    let names = NameAnchors()

    func testInflectedUkrainianNamesMatchEnglishSpellings() {
        XCTAssertEqual(names.keys(in: "заявив Юсову", language: .uk), names.keys(in: "told Yusov", language: .en))
        XCTAssertEqual(names.keys(in: "у Києві", language: .uk), names.keys(in: "in Kyiv", language: .en))
        XCTAssertEqual(names.keys(in: "у Києва", language: .uk), names.keys(in: "in Kyiv", language: .en))
        XCTAssertEqual(names.keys(in: "Зеленського", language: .uk), names.keys(in: "Zelenskyy", language: .en))
        XCTAssertEqual(names.keys(in: "Шойгу", language: .uk), names.keys(in: "Shoigu", language: .en))
        XCTAssertEqual(names.keys(in: "Маріуполя", language: .uk), names.keys(in: "Mariupol", language: .en))
    }

    func testAcronymsMatchWhole() {
        XCTAssertEqual(names.keys(in: "саміт НАТО", language: .uk), names.keys(in: "NATO summit", language: .en))
        XCTAssertEqual(names.keys(in: "так звана СВО", language: .uk), names.keys(in: "the so-called SVO", language: .en))
        XCTAssertNotEqual(names.keys(in: "ЗСУ", language: .uk), names.keys(in: "AFU", language: .en))
    }

    func testLowercaseAndShortWordsAreNotNames() {
        XCTAssertEqual(names.keys(in: "росія та її армія", language: .uk), [])
        XCTAssertEqual(names.keys(in: "Він сказав", language: .uk), [])
        XCTAssertEqual(names.keys(in: "He said so", language: .en), [])
    }

    func testApostropheInsideAWordKeepsOneWord() {
        XCTAssertEqual(names.keys(in: "Об’єднані Емірати", language: .uk).count, 2)
    }

    func testDifferentNamesDiffer() {
        XCTAssertNotEqual(names.keys(in: "Харків", language: .uk), names.keys(in: "Odesa", language: .en))
    }
}

final class PunctuationAnchorTests: XCTestCase {
    let punctuation = PunctuationAnchors()

    func testQuotationsOfEachLanguageAreOneKind() {
        XCTAssertEqual(punctuation.keys(in: "«Ми повернемо всіх», — сказав він.", language: .uk), ["quote"])
        XCTAssertEqual(punctuation.keys(in: "“We will bring everyone back,” he said.", language: .en), ["quote"])
        XCTAssertEqual(punctuation.keys(in: "\"We will bring everyone back,\" he said.", language: .en), ["quote"])
        XCTAssertEqual(punctuation.keys(in: "«Він назвав це „ідіотизмом“»", language: .uk), ["quote", "quote"])
    }

    func testQuestionsAndColonsButNotTimes() {
        XCTAssertEqual(MoodAnchors().keys(in: "Скільки ще триватимуть обміни?", language: .uk), ["?"])
        XCTAssertEqual(punctuation.keys(in: "Працює з 9:00 до 18:00.", language: .uk), [])
        XCTAssertEqual(punctuation.keys(in: "Він сказав: досить!", language: .uk), [":"])
        XCTAssertEqual(MoodAnchors().keys(in: "Він сказав: досить!", language: .uk), ["!"])
    }
}

final class TermAnchorTests: XCTestCase {
    func testTermAnchorsReportConceptsOfEitherLanguage() {
        let terms = TermAnchors { sentence, language in
            let needle = language == .uk ? "штаб" : "headquarters"
            return sentence.lowercased().contains(needle) ? ["coordination-hq"] : []
        }
        XCTAssertEqual(terms.keys(in: "Координаційний штаб повідомив", language: .uk), ["coordination-hq"])
        XCTAssertEqual(terms.keys(in: "The Coordination Headquarters said", language: .en), ["coordination-hq"])
        XCTAssertEqual(terms.kind, .term)
    }

    /// The Ubuntu Packaging Guide's sentences (real, with their Ukrainian translation): code kept as written anchors a
    /// pair; words, names and a translated placeholder do not.
    func testCodeBothSidesKeepIsAKey() {
        let code = CodeAnchors()
        XCTAssertEqual(
            code.keys(in: "If debian/rules contains a target with a name like override_dh_command, then dh will run it.", language: .en),
            ["debian/rules", "override_dh_command"])
        XCTAssertEqual(
            code.keys(in: "Якщо в debian/rules є функція з іменем, схожим на override_dh_команда, то dh виконає її.", language: .uk),
            ["debian/rules"])
        XCTAssertEqual(
            code.keys(in: "This will import the code into a branch and add the debian/ packaging directory.", language: .en),
            ["debian/"])
        XCTAssertEqual(code.keys(in: "Це імпортує код у гілку й створить теку debian/.", language: .uk), ["debian/"])
        XCTAssertEqual(
            code.keys(in: "Packages which use Debhelper 7 should add the --with=kde option (see libxml2, $package_name.install).", language: .en),
            ["--with=kde", "libxml2", "$package_name.install"])
        XCTAssertEqual(code.keys(in: "Ukraine, e.g. Kyiv's 2,500 well-known \"defenders\" - and -a.", language: .en), [])
    }
}
