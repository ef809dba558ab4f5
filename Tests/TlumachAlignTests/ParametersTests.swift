import TlumachAlign
import XCTest

final class ParametersTests: XCTestCase {
    func testLanguagePairModelAndItsReverse() {
        let forward = AlignmentParameters.standard(source: .uk, target: .en)
        XCTAssertEqual(forward.characterRatio, 1.09, accuracy: 1e-9)
        XCTAssertEqual(forward.variance, 3.0, accuracy: 1e-9)
        let reverse = AlignmentParameters.standard(source: .en, target: .uk)
        XCTAssertEqual(reverse.characterRatio, 1 / 1.09, accuracy: 1e-9)
        XCTAssertEqual(reverse.variance, 3.0 / (1.09 * 1.09 * 1.09), accuracy: 1e-9)
        // No model for ru-en: the generic Gale–Church values.
        let generic = AlignmentParameters.standard(source: .ru, target: .en)
        XCTAssertEqual(generic.characterRatio, 1.0, accuracy: 1e-9)
        XCTAssertEqual(generic.variance, 6.8, accuracy: 1e-9)
        XCTAssertNil(forward.problem)
    }

    func testProblemsAreNamed() {
        var parameters = AlignmentParameters.standard()
        parameters.priors["2-1"] = 0
        XCTAssertNotNil(parameters.problem)
        parameters = AlignmentParameters.standard()
        parameters.anchorWeights["number"] = -1
        XCTAssertNotNil(parameters.problem)
    }
}
