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
