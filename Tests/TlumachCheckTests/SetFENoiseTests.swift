import TlumachCheck
import XCTest

/// The twenty-second round's prose (docs/check-evaluation.md): Debian Edu's Audacity manual in English and
/// Ukrainian, paragraphs aligned. Its translation keeps the GPL appendix in English, and its untranslated
/// paragraphs of the manual itself must stay found.
final class SetFENoiseTests: XCTestCase {
    private let notice =
        "This program is free software; you can redistribute it and/or modify it under the terms of the GNU General Public License as published by the Free Software Foundation; either version 2 of the License, or (at your option) any later version."
    private let clauses = [
        "Copyright (C) 2008,2009 Alf Tonny Bätz < alfton@gmail.com > and others, see the Copyright chapter for the full list of copyright owners.",
        "You may charge a fee for the physical act of transferring a copy, and you may at your option offer warranty protection in exchange for a fee.",
        "a) You must cause the modified files to carry prominent notices stating that you changed the files and the date of any change.",
    ]
    private let untranslated =
        "5. Then you choose the whole record by clicking CTRL + A, and choose noise removal again from menu, but this time press OK."

    /// The ids (u0, u1…) of the units reported untranslated.
    private func untranslatedUnits(_ pairs: [(String, String)]) -> [String] {
        documentFindings(pairs, path: "audacity.tsv").filter { $0.check == "untranslated" }.map(\.unit)
    }

    /// The copyright line, the notice and the licence's clauses, copied one after another: the licence kept whole.
    func testALicencesTextKeptInEnglishIsNotUntranslated() {
        let appendix = [clauses[0], notice, clauses[1], clauses[2]].map { ($0, $0) }
        XCTAssertEqual(untranslatedUnits([("Copyright and authors", "Авторське право та автори")] + appendix), [])
    }

    /// The manual's own paragraph left in English is found, also when the appendix follows it after a translated
    /// heading; the same clause without a notice in its run is found too.
    func testTheManualsOwnCopiedParagraphsStayFound() {
        let pairs = [
            (untranslated, untranslated), ("7.1. Audacity manual", "7.1. Audacity посібник"), (notice, notice),
            (clauses[1], clauses[1]),
        ]
        XCTAssertEqual(untranslatedUnits(pairs), ["u0"])
        XCTAssertEqual(untranslatedUnits([(clauses[1], clauses[1]), ("Version 2", "Версія 2")]), ["u0"])
    }
}
