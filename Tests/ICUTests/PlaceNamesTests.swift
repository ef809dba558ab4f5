import ICU
import XCTest

final class PlaceNamesTests: XCTestCase {
    /// Ukrainian name → English name, pairing two lists by index (the first of a repeated Ukrainian name kept).
    private func paired(_ ukrainian: [String?], _ english: [String?]) -> [String: String] {
        let pairs = zip(ukrainian, english).compactMap { pair in pair.0.flatMap { uk in pair.1.map { (uk, $0) } } }
        return Dictionary(pairs, uniquingKeysWith: { first, _ in first })
    }

    /// The two languages' lists pair up by index: the same region, the same zone.
    func testRegionsAndCitiesPairUpAcrossLanguages() throws {
        let regions = paired(PlaceNames.regions(in: "uk"), PlaceNames.regions(in: "en"))
        XCTAssertGreaterThan(regions.count, 200)
        XCTAssertEqual(regions["Італія"], "Italy")
        XCTAssertEqual(regions["Пакистан"], "Pakistan")
        XCTAssertEqual(regions["Україна"], "Ukraine")
        let cities = paired(PlaceNames.cities(in: "uk"), PlaceNames.cities(in: "en"))
        XCTAssertGreaterThan(cities.count, 300)
        XCTAssertEqual(cities["Мадрид"], "Madrid")
        XCTAssertEqual(cities["Токіо"], "Tokyo")
        XCTAssertEqual(PlaceNames.cities(in: "uk").count, PlaceNames.cities(in: "en").count)
        let ukrainian = PlaceNames.cities(in: "uk", region: "UA").compactMap { $0 }
        XCTAssertTrue(ukrainian.contains("Київ"), "\(ukrainian)")
        XCTAssertFalse(ukrainian.contains("Мадрид"))
    }
}
