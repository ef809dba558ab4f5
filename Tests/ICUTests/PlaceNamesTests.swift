import ICU
import XCTest

final class PlaceNamesTests: XCTestCase {
    /// The two languages' lists pair up by index: the same region, the same zone.
    func testRegionsAndCitiesPairUpAcrossLanguages() throws {
        let regions = Dictionary(
            zip(PlaceNames.regions(in: "uk"), PlaceNames.regions(in: "en")).compactMap { pair in
                pair.0.flatMap { uk in pair.1.map { (uk, $0) } }
            }, uniquingKeysWith: { first, _ in first })
        XCTAssertGreaterThan(regions.count, 200)
        XCTAssertEqual(regions["Італія"], "Italy")
        XCTAssertEqual(regions["Пакистан"], "Pakistan")
        XCTAssertEqual(regions["Україна"], "Ukraine")
        let cities = Dictionary(
            zip(PlaceNames.cities(in: "uk"), PlaceNames.cities(in: "en")).compactMap { pair in
                pair.0.flatMap { uk in pair.1.map { (uk, $0) } }
            }, uniquingKeysWith: { first, _ in first })
        XCTAssertGreaterThan(cities.count, 300)
        XCTAssertEqual(cities["Мадрид"], "Madrid")
        XCTAssertEqual(cities["Токіо"], "Tokyo")
        XCTAssertEqual(PlaceNames.cities(in: "uk").count, PlaceNames.cities(in: "en").count)
        let ukrainian = PlaceNames.cities(in: "uk", region: "UA").compactMap { $0 }
        XCTAssertTrue(ukrainian.contains("Київ"), "\(ukrainian)")
        XCTAssertFalse(ukrainian.contains("Мадрид"))
    }
}
