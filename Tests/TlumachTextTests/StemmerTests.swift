import TlumachText
import XCTest

final class UkrainianStemmerTests: XCTestCase {
    func key(_ word: String) -> String { UkrainianStemmer.stem(word.lowercased()) }

    func assertSameStem(_ forms: [String], file: StaticString = #filePath, line: UInt = #line) {
        let stems = Set(forms.map(key))
        XCTAssertEqual(stems.count, 1, "\(forms) → \(forms.map(key))", file: file, line: line)
    }

    func testCaseFormsOfNounsShareAStem() {
        assertSameStem(["Київ", "Києва", "Києву", "Києві", "Києвом", "Києве"])
        assertSameStem(["Чернігів", "Чернігова", "Чернігову", "Черніговом", "Чернігові"])
        assertSameStem(["Харків", "Харкова", "Харкову", "Харкові", "Харковом"])
        assertSameStem(["Львів", "Львова", "Львову", "Львові", "Львовом"])
        assertSameStem(["Миколаїв", "Миколаєва", "Миколаєву", "Миколаєві", "Миколаєвом"])
        assertSameStem(["штаб", "штабу", "штабі", "штабом", "штаби", "штабів", "штабам", "штабами", "штабах"])
        assertSameStem(["операція", "операції", "операцію", "операцією", "операцій", "операціям", "операціями", "операціях"])
        assertSameStem(["захисник", "захисника", "захисникові", "захисником", "захисники", "захисників", "захисникам", "захисниками", "захисниках"])
        assertSameStem(["Андрій", "Андрія", "Андрієві", "Андрієм"])
        assertSameStem(["Юсов", "Юсова", "Юсову", "Юсовим", "Юсові"])
    }

    func testAdjectiveAndParticipleForms() {
        assertSameStem(["координаційний", "координаційного", "координаційному", "координаційним", "координаційній", "координаційна", "координаційної", "координаційну", "координаційною", "координаційні", "координаційних", "координаційними"])
        assertSameStem(["військовополонений", "військовополоненого", "військовополоненому", "військовополоненим", "військовополонені", "військовополонених", "військовополоненими"])
        assertSameStem(["окупована", "окупованої", "окупованій", "окуповану", "окупованою", "окуповані", "окупованих", "окупованими"])
    }

    func testDerivedWordsStayApart() {
        XCTAssertNotEqual(key("штабель"), key("штаб"))
        XCTAssertNotEqual(key("штабеля"), key("штабу"))
        XCTAssertNotEqual(key("полонина"), key("полон"))
        XCTAssertNotEqual(key("полонини"), key("полону"))
        XCTAssertNotEqual(key("Київщина"), key("Київ"))
        XCTAssertNotEqual(key("Київщині"), key("Києві"))
        XCTAssertNotEqual(key("захистити"), key("захисник"))
        XCTAssertNotEqual(key("захисниця"), key("захисник"))
    }

    func testWrittenFormsAreFoldedFirst() {
        XCTAssertEqual(UkrainianStemmer.stem(written: "КИЄВІ"), key("Київ"))
        XCTAssertEqual(UkrainianStemmer.stem(written: "політв’язня"), UkrainianStemmer.stem(written: "політв'язнем"))
        XCTAssertEqual(EnglishStemmer.stem(written: "Ukraine’s"), "ukrain")
        XCTAssertEqual(EnglishStemmer.stem(written: "POWs"), "pow")
    }

    func testShortWordsAreKeptWhole() {
        XCTAssertEqual(key("рад"), "рад")
        XCTAssertEqual(key("Рада"), "рад")
    }
}

final class EnglishStemmerTests: XCTestCase {
    func testPorter2Vocabulary() {
        // Outputs of the published Porter2 algorithm (Snowball "english").
        let expected = [
            "prisoners": "prison", "prisoner": "prison", "crimes": "crime", "crime": "crime", "war": "war",
            "wars": "war", "exchanges": "exchang", "exchange": "exchang", "defenders": "defend",
            "hostages": "hostag", "captivity": "captiv", "headquarters": "headquart", "coordination": "coordin",
            "generously": "generous", "running": "run", "happily": "happili", "agreed": "agre", "skies": "sky",
            "news": "news", "caresses": "caress", "ponies": "poni", "ties": "tie", "cats": "cat", "gas": "gas",
            "this": "this", "hopping": "hop", "hoped": "hope", "relational": "relat", "conditional": "condit",
            "rational": "ration", "valency": "valenc", "digitizer": "digit", "operator": "oper",
            "feudalism": "feudal", "decisiveness": "decis", "hopefulness": "hope", "formality": "formal",
            "sensitivity": "sensit", "sensibility": "sensibl", "triplicate": "triplic", "electrical": "electr",
            "adoption": "adopt", "ukraine's": "ukrain", "consign": "consign", "consigned": "consign",
            "knightly": "knight", "generate": "generat", "communism": "communism", "inning": "inning",
        ]
        for (word, stem) in expected {
            XCTAssertEqual(EnglishStemmer.stem(word), stem, word)
        }
    }
}
