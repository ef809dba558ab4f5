import ICU
import XCTest

final class TransliteratorTests: XCTestCase {
    func testOpensSystemTransformByID() throws {
        let latin = try Transliterator(id: "Russian-Latin/BGN")
        XCTAssertEqual(try latin.transform("Москва"), "Moskva")
        XCTAssertEqual(try Transliterator(id: "Any-NFC").transform("и\u{0306}").unicodeScalars.map(\.value), [0x439])
        XCTAssertEqual(try latin.transform(""), "")
    }

    func testUnknownIDNamesTheICUError() {
        XCTAssertThrowsError(try Transliterator(id: "No-Such-Transform")) { error in
            let icu = error as? ICUError
            XCTAssertEqual(icu?.name, "U_INVALID_ID")
            XCTAssertTrue(String(describing: error).contains("No-Such-Transform"))
        }
    }

    func testCompilesRules() throws {
        let rules = """
            $wb = [^[:L:][:M:]] ;
            $wb { Є > Ye ;
            Є > Ie ;
            є > ie ;
            К > K ; и > y ; в > v ; ї > i ;
            """
        let transliterator = try Transliterator(rules: rules, id: "Test-KMU")
        XCTAssertEqual(try transliterator.transform("Київ Є Єє"), "Kyiv Ye Yeie")
    }

    func testRulesSyntaxErrorNamesTheICUErrorAndPlace() {
        let broken = "a > b ;\nc > ;\n[ > d ;"
        XCTAssertThrowsError(try Transliterator(rules: broken, id: "Broken")) { error in
            guard let icu = error as? ICUError else { return XCTFail("\(error)") }
            XCTAssertEqual(icu.name, "U_MALFORMED_SET")  // the unclosed [ on line 3
            XCTAssertEqual(icu.ruleLine, 3)
            XCTAssertEqual(icu.ruleText, "[ > d ;")
            XCTAssertTrue(icu.description.contains(icu.name))
            XCTAssertTrue(icu.description.contains("Broken"))
        }
    }

    func testConcurrentUseFromManyTasks() async throws {
        let transliterator = try Transliterator(id: "Cyrillic-Latin")
        let inputs = (0..<64).map { "Київ \($0) Щербухи Згорани" }
        let expected = try inputs.map { try transliterator.transform($0) }
        let results = try await withThrowingTaskGroup(of: (Int, String).self) { group in
            for (index, input) in inputs.enumerated() {
                group.addTask { (index, try transliterator.transform(input)) }
            }
            var results = [String](repeating: "", count: inputs.count)
            for try await (index, output) in group { results[index] = output }
            return results
        }
        XCTAssertEqual(results, expected)
    }

    func testLongTextGrowsTheBuffer() throws {
        let text = String(repeating: "Щ", count: 5000)
        XCTAssertEqual(try Transliterator(id: "Cyrillic-Latin").transform(text).count, 5000 * "Ŝ".count)
    }

    func testAvailableIDsIncludeUkrainianBGN() {
        XCTAssertTrue(Transliterator.availableIDs.contains("Ukrainian-Latin/BGN"))
    }
}
