import TlumachTranslit
import XCTest

final class LatinMatchKeyTests: XCTestCase {
    func testSpellingsOfOneNameCollide() {
        let groups: [[String]] = [
            ["Andrii", "Andriy", "Andrij", "ANDRII", "andriy"],
            ["Kyiv", "Kyyiv", "Kyïv"],
            ["Zelenskyy", "Zelenskyi", "Zelensky", "Zelenskiy", "Zelenskij", "Zelenśkyj"],
            ["Yusov", "Jusov", "Iusov"],
            ["Yuliia", "Yulia", "Yuliya", "Julija"],
            ["Zhytomyr", "Žytomyr"],
            ["Zghorany", "Z·horany"],
            ["Yenakiieve", "Yenakiyeve", "Jenakijeve"],
            ["Kriukivka", "Kryukivka"],
            ["Volodymyr Zelenskyy", "Volodymyr  Zelenskyi", "Wolodymyr Zelenskyj"],
            ["Oleksandr", "Olexandr"], ["Oleksii", "Oleksiy", "Olexiy", "Oleksij"], ["Maksym", "Maxym", "Maksim"],
            ["Kam’ianets-Podilskyi", "Kamianets-Podilskyi", "Kam'yanets-Podil's'kyy"],
        ]
        for group in groups {
            let keys = Set(group.map(LatinMatchKey.key))
            XCTAssertEqual(keys.count, 1, "\(group) gave \(keys)")
        }
    }

    func testDifferentNamesDoNotCollide() {
        let pairs: [(String, String)] = [
            ("Ivan", "Ivana"), ("Lviv", "Lev"), ("Kharkov", "Kharkiv"), ("Kiev", "Kyiv"), ("Odessa", "Odesa"),
            ("Lvov", "Lviv"), ("Zelenskyy", "Zelenska"), ("Mykola", "Mykolaiv"), ("Zhorany", "Zghorany"),
            ("Oleksii", "Oleksa"), ("Nikolaev", "Mykolaiv"), ("Yusov", "Usov"),
        ]
        for (a, b) in pairs {
            XCTAssertNotEqual(LatinMatchKey.key(a), LatinMatchKey.key(b), "\(a) / \(b)")
        }
    }

    func testKeyShape() {
        XCTAssertEqual(LatinMatchKey.key("  Andriy   Kyyiv "), "andri kiv")
        XCTAssertEqual(LatinMatchKey.key("Zelenskyy’s"), "zelenskis")
        XCTAssertEqual(LatinMatchKey.key(""), "")
    }
}
