import Foundation
import TlumachFormats
import TlumachLeverage
import TlumachMemory
import TlumachTMX
import XCTest

final class PretranslatePOTests: XCTestCase {
    static let po = """
        # Ukrainian news, English translation.
        msgid ""
        msgstr ""
        "Content-Type: text/plain; charset=UTF-8\\n"
        "Language: en\\n"
        "X-Source-Language: uk\\n"

        #: news.c:10
        msgid "Уряд ухвалив новий бюджет."
        msgstr ""

        #. A fuzzy one.
        #: news.c:11
        #, c-format
        msgid "Міністр представив новий бюджет у парламенті."
        msgstr ""

        #: news.c:12
        msgctxt "menu.open"
        msgid "Відкрити"
        msgstr ""

        #: news.c:13
        msgid "Нічого схожого в пам'яті немає."
        msgstr ""

        #~ msgid "Старе"
        #~ msgstr "Old"

        """

    func memory(_ workspace: Workspace) throws -> TranslationMemory {
        try workspace.memory(
            pairs: PretranslateTests.pairs + [("Рядок з\nдвома лініями.", "A line with\ntwo lines.")],
            units: [tmxUnit(tuid: "menu.open", source: TMXSegment(text: "Відкрити"), target: TMXSegment(text: "Open"))])
    }

    /// A PO in KOI8-U (the header says so) is pretranslated into a UTF-8 file whose header says UTF-8: the fills
    /// are UTF-8, and a file of two encodings would be read wrongly by every tool.
    func testALegacyCharsetPOIsWrittenBackAsUTF8() throws {
        let workspace = try Workspace()
        let source = Self.po.replacingOccurrences(of: "charset=UTF-8", with: "charset=KOI8-U")
            .replacingOccurrences(of: "# Ukrainian news, English translation.", with: "# Новини")
        // KOI8-U bytes of the file: only the comment and the msgids are Cyrillic.
        let koi8u = try XCTUnwrap(koi8UBytes(source))
        let file = workspace.path("news.po")
        try Data(koi8u).write(to: URL(fileURLWithPath: file))
        let result = try workspace.pretranslate(file, memory: try memory(workspace))
        XCTAssertTrue(result.text.hasPrefix("# Новини\n"), result.text)
        XCTAssertTrue(result.text.contains("charset=UTF-8\\n"))
        XCTAssertFalse(result.text.contains("KOI8-U"))
        XCTAssertTrue(result.text.contains("msgid \"Уряд ухвалив новий бюджет.\"\nmsgstr \"The government adopted a new budget.\""), result.text)
    }

    /// KOI8-U for the Ukrainian letters these tests use (the encoding table, not the converter under test).
    private func koi8UBytes(_ text: String) -> [UInt8]? {
        let lower = Array("юабцдефгхийклмнопярстужвьызшэщчъ")
        let upper = Array("ЮАБЦДЕФГХИЙКЛМНОПЯРСТУЖВЬЫЗШЭЩЧЪ")
        let extra: [Character: UInt8] = ["є": 0xA4, "і": 0xA6, "ї": 0xA7, "ґ": 0xAD, "Є": 0xB4, "І": 0xB6, "Ї": 0xB7, "Ґ": 0xBD]
        var bytes: [UInt8] = []
        for character in text {
            if character.isASCII, let ascii = character.asciiValue { bytes.append(ascii); continue }
            if let byte = extra[character] { bytes.append(byte); continue }
            if let index = lower.firstIndex(of: character) { bytes.append(UInt8(0xC0 + index)); continue }
            if let index = upper.firstIndex(of: character) { bytes.append(UInt8(0xE0 + index)); continue }
            return nil
        }
        return bytes
    }

    func testPOExactFuzzyAndInContextEntries() throws {
        let workspace = try Workspace()
        let file = try workspace.write("news.po", Self.po)
        let result = try workspace.pretranslate(file, memory: try memory(workspace), fuzzy: true)
        let expected = """
            # Ukrainian news, English translation.
            msgid ""
            msgstr ""
            "Content-Type: text/plain; charset=UTF-8\\n"
            "Language: en\\n"
            "X-Source-Language: uk\\n"

            # tlumach: 100% memory match
            #: news.c:10
            msgid "Уряд ухвалив новий бюджет."
            msgstr "The government adopted a new budget."

            # tlumach: 83% fuzzy memory match
            #. A fuzzy one.
            #: news.c:11
            #, fuzzy, c-format
            msgid "Міністр представив новий бюджет у парламенті."
            msgstr "The minister presented the budget in parliament."

            # tlumach: 101% in-context memory match
            #: news.c:12
            msgctxt "menu.open"
            msgid "Відкрити"
            msgstr "Open"

            #: news.c:13
            msgid "Нічого схожого в пам'яті немає."
            msgstr ""

            #~ msgid "Старе"
            #~ msgstr "Old"

            """
        XCTAssertEqual(result.text, expected)
        let document = try POReader.parse(result.text, path: "out.po")
        XCTAssertEqual(document.units.map(\.state), [nil, "fuzzy", nil, nil])
    }

    func testPOExactReplacesAFuzzyEntryWithOverwriteAndDropsTheFlag() throws {
        let workspace = try Workspace()
        let text = """
            #, fuzzy
            msgid "Уряд ухвалив новий бюджет."
            msgstr "Old guess."

            msgid "Рядок з\\nдвома лініями."
            msgstr ""

            """
        let file = try workspace.write("o.po", text)
        let kept = try workspace.pretranslate(file, memory: try memory(workspace))
        XCTAssertEqual(kept.summary.kept, 1)
        let result = try workspace.pretranslate(file, memory: try memory(workspace), overwrite: true)
        XCTAssertEqual(
            result.text,
            """
            # tlumach: 100% memory match
            msgid "Уряд ухвалив новий бюджет."
            msgstr "The government adopted a new budget."

            # tlumach: 100% memory match
            msgid "Рядок з\\nдвома лініями."
            msgstr ""
            "A line with\\n"
            "two lines."

            """)
    }

    func testPOTBecomesAPOForTheMemorysTargetLanguage() throws {
        let workspace = try Workspace()
        let memory = try workspace.memory(
            source: "en", target: "uk", pairs: [("Print version information and exit.", "Показати дані щодо версії і завершити роботу.")])
        let pot = """
            # SOME DESCRIPTIVE TITLE.
            #, fuzzy
            msgid ""
            msgstr ""
            "Project-Id-Version: demo\\n"
            "Language: \\n"
            "Content-Type: text/plain; charset=CHARSET\\n"
            "Plural-Forms: nplurals=INTEGER; plural=EXPRESSION;\\n"

            msgid "Print version information and exit."
            msgstr ""

            msgid "%d file"
            msgid_plural "%d files"
            msgstr[0] ""
            msgstr[1] ""

            """
        let file = try workspace.write("demo.pot", pot)
        let result = try workspace.pretranslate(file, memory: memory)
        XCTAssertEqual(
            result.text,
            """
            # SOME DESCRIPTIVE TITLE.
            msgid ""
            msgstr ""
            "Project-Id-Version: demo\\n"
            "Language: uk\\n"
            "Content-Type: text/plain; charset=UTF-8\\n"
            "Plural-Forms: nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);\\n"

            # tlumach: 100% memory match
            msgid "Print version information and exit."
            msgstr "Показати дані щодо версії і завершити роботу."

            msgid "%d file"
            msgid_plural "%d files"
            msgstr[0] ""
            msgstr[1] ""
            msgstr[2] ""

            """)
        XCTAssertEqual(result.summary.pluralsSkipped, 2)
        XCTAssertNoThrow(try POReader.parse(result.text, path: "demo.po"))
    }
}
