import XCTest

// Tests arrive with the issue that builds this module.
