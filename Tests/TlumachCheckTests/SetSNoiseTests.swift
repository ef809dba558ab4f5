import TlumachCheck
import TlumachFormats
import XCTest

/// False classes read in the blind sample of set S (kstars, digikam, freeciv, skrooge and other KDE catalogs;
/// docs/check-evaluation.md), each next to a true finding of the same shape that must stay found.
final class SetSNoiseTests: XCTestCase {
    /// freeciv: "cannot be incited … unhappy about aggression" → "нещасні через агресивні дії", "the defender's
    /// strength" → "сила захисту": the concept said by another word of its family. Reported as info at most.
    func testAConceptSaidByAWordOfItsFamilyIsInfoAtMost() throws {
        func counted(_ source: String, _ target: String) throws -> [String] {
            try shippedGlossaryFindings(source, target).filter { $0.severity != .info }.map(\.check)
        }
        XCTAssertEqual(try counted("An SDI Defense doubles the defender's strength against missile attacks.", "СОІ подвоює силу захисту проти ракетних атак."), [])
        XCTAssertEqual(try counted("unless that citizen is unhappy about aggression", "хіба городяни нещасні через агресивні дії"), [])
        // Nothing of the family: counted.
        XCTAssertEqual(try counted("unless that citizen is unhappy about aggression", "хіба городяни нещасні через військові дії"), ["term-missing"])
    }

    /// kstars: "Reconnecting to PHD2 Host: %1, on port %2. . ." → "…на порту %2…": spaced dots are an ellipsis.
    func testSpacedDotsAreAnEllipsis() {
        XCTAssertEqual(defaultFindings("Reconnecting to PHD2 Host: %1, on port %2. . .", "Встановлюємо повторне з'єднання із вузлом PHD2: %1, на порту %2…"), [])
        XCTAssertEqual(defaultFindings("Reconnecting to host %1. . .", "Встановлюємо з'єднання із вузлом %1."), ["punctuation"])
    }

    /// freeciv: "Save _Map Image As..." → "Зберегти Зображення Мапи як... (_A)": an accelerator in brackets after
    /// the end mark, as some translations place it, is not the end of the text.
    func testAnAcceleratorInBracketsAfterTheEnd() {
        XCTAssertEqual(defaultFindings("Save _Map Image As...", "Зберегти Зображення Мапи як... (_A)"), [])
        XCTAssertEqual(defaultFindings("Save _Map Image As...", "Зберегти Зображення Мапи (_A)"), ["punctuation"])
    }

    /// skrooge: "Did you know ...?" → "Чи знаєте ви, що…": a question that trails off, said as a lead-in.
    func testAQuestionThatTrailsOffSaidAsALeadIn() {
        XCTAssertEqual(defaultFindings("Did you know ...?", "Чи знаєте ви, що…"), [])
        XCTAssertEqual(defaultFindings("Did you know?", "Чи знаєте ви, що…"), ["punctuation"])
    }
}

/// What set S's rules changed elsewhere, read one by one.
final class SetSReadBackTests: XCTestCase {
    /// kgeography: "Autonomous Republic of Crimea" → "Республіка Крим", freeciv: "Cruise Missile" → "Ракета": a
    /// word of a longer term left out is no family: still an error.
    func testAWordOfALongerTermLeftOutIsNoFamily() throws {
        let found = try shippedGlossaryFindings("Autonomous Republic of Crimea", "Республіка Крим")
        XCTAssertEqual(found.map(\.check), ["term-missing"])
        XCTAssertEqual(found.map(\.severity), [.error])
    }

    /// inkscape: msgid "<b>Finite</b> … shared by <b>%d</b> box", msgid_plural with a third <b> pair, msgstr[0]
    /// with the msgid's two: a form that has no more than its own source loses nothing.
    func testAFormWithNoMoreThanItsOwnSource() {
        var unit = BilingualUnit(
            id: "u[0]", source: "<b>Finite</b> vanishing point shared by <b>%d</b> box",
            target: "<b>Скінченна</b> точка сходу для <b>%d</b> об'єкта")
        unit.pluralForm = 0
        unit.pluralSource = "<b>Finite</b> vanishing point shared by <b>%d</b> boxes; drag with <b>Shift</b> to separate selected box(es)"
        XCTAssertEqual(defaultFindings(unit), [])
    }
}

/// False classes read in set T (GNOME games, easytag, pitivi…; docs/check-evaluation.md).
final class SetTNoiseTests: XCTestCase {
    /// tali: "2s [total of 2s]" → "2 [сума двійок]"; gnome-taquin: "A classic 15-puzzle game" → "Класична
    /// п'ятнадцятка": a number's noun (a die's face, the puzzle's name).
    func testANumbersNoun() {
        XCTAssertEqual(defaultFindings("2s [total of 2s]", "2 [сума двійок]"), [])
        XCTAssertEqual(defaultFindings("A classic 15-puzzle game", "Класична п'ятнадцятка"), [])
        XCTAssertEqual(defaultFindings("Try this fun alternative 16-puzzle", "Спробувати альтернативну шістнадцятку"), [])
        XCTAssertEqual(defaultFindings("3s [total of 3s]", "3 [сума двійок]"), ["number-mismatch"])
    }
}
