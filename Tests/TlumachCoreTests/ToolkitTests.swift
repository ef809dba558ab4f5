import Dispatch
import TlumachCore
import XCTest

/// The shared helpers every module uses instead of its own copy.
final class ToolkitTests: XCTestCase {
    func testResultSlotsKeepEachTasksValueInItsSlot() {
        let slots = ResultSlots<[Int]>(count: 64)
        DispatchQueue.concurrentPerform(iterations: 64) { index in
            if index != 5 { slots.set(index, [index, index * index]) }
        }
        XCTAssertEqual(slots.count, 64)
        XCTAssertEqual(slots.values.count, 63, "an unfilled slot is left out of the values")
        XCTAssertEqual(slots.values.map { $0[0] }, (0..<64).filter { $0 != 5 })
        XCTAssertNil(slots.value(5))
        XCTAssertEqual(slots.value(7), [7, 49])
        XCTAssertEqual(slots.take(7), [7, 49])
        XCTAssertNil(slots.value(7), "taking empties the slot")
    }

    func testPrimaryLanguageSubtag() {
        XCTAssertEqual(LanguageTag.primary("en-GB"), "en")
        XCTAssertEqual(LanguageTag.primary("UK_ua"), "uk")
        XCTAssertEqual(LanguageTag.primary("uk"), "uk")
        XCTAssertEqual(LanguageTag.primary("en_US_POSIX"), "en")
        XCTAssertEqual(LanguageTag.primary(""), "")
    }

    func testUTF8ByteOrderMark() {
        XCTAssertEqual(ByteOrderMark.utf8Length([0xEF, 0xBB, 0xBF, 0x41]), 3)
        XCTAssertEqual(ByteOrderMark.utf8Length([0xEF, 0xBB, 0xBF]), 3)
        XCTAssertEqual(ByteOrderMark.utf8Length([0xEF, 0xBB]), 0)
        XCTAssertEqual(ByteOrderMark.utf8Length([0x41, 0xEF, 0xBB, 0xBF]), 0)
        XCTAssertEqual(ByteOrderMark.utf8Length([UInt8]()), 0)
        XCTAssertEqual(ByteOrderMark.utf8Length([0x20, 0xEF, 0xBB, 0xBF][1...]), 3, "a slice counts from its own start")
    }
}
