import Foundation
import TlumachCore
import TlumachFormats
import XCTest

final class FormatTests: XCTestCase {
    func xliff(_ text: String) throws -> BilingualDocument {
        try XLIFFReader.parse(data: Data(text.utf8), name: "t.xlf")
    }

    func testXLIFF12WithInlineCodesNotesAndAltTrans() throws {
        let document = try xliff("""
            <?xml version="1.0" encoding="UTF-8"?>
            <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
              <file source-language="en" target-language="uk" datatype="plaintext" original="a">
                <body>
                  <group id="g">
                    <trans-unit id="1">
                      <source>Click <g id="1">Save</g> now<x id="2"/></source>
                      <target state="translated">Натисніть <g id="1">Зберегти</g> зараз</target>
                      <note>tlumach:disable=punctuation</note>
                      <alt-trans><source>ignored</source><target>не те</target></alt-trans>
                    </trans-unit>
                  </group>
                  <trans-unit id="2" translate="no"><source>skip</source></trans-unit>
                  <trans-unit id="3"><source>A <ph id="1">&lt;br/&gt;</ph>B</source></trans-unit>
                </body>
              </file>
            </xliff>
            """)
        XCTAssertEqual(document.sourceLanguage, "en")
        XCTAssertEqual(document.targetLanguage, "uk")
        XCTAssertEqual(document.units.map(\.id), ["1", "3"])
        let first = document.units[0]
        XCTAssertEqual(first.source, "Click Save now")
        XCTAssertEqual(first.target, "Натисніть Зберегти зараз")
        XCTAssertEqual(first.sourceCodes.map(\.key), ["g-open#1", "g-close#1", "x#2"])
        XCTAssertEqual(first.targetCodes.map(\.key), ["g-open#1", "g-close#1"])
        XCTAssertEqual(first.notes, ["tlumach:disable=punctuation"])
        XCTAssertEqual(first.state, "translated")
        XCTAssertEqual(first.line, 8)
        XCTAssertEqual(first.column, 38)  // the first character of the target text
        XCTAssertEqual(document.units[1].source, "A B".replacingOccurrences(of: " ", with: " "))
        XCTAssertNil(document.units[1].target)
    }

    func testXLIFF20SegmentsAndCodes() throws {
        let document = try xliff("""
            <xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="uk">
              <file id="f1">
                <unit id="u1">
                  <notes><note>tlumach:disable=length-ratio,whitespace</note></notes>
                  <segment id="s1" state="translated"><source>Hello <pc id="1">world</pc><ph id="2"/></source><target>Привіт <pc id="1">світе</pc><ph id="2"/></target></segment>
                  <ignorable><source> </source></ignorable>
                  <segment id="s2"><source>Bye</source><target>Бувай</target></segment>
                </unit>
              </file>
            </xliff>
            """)
        XCTAssertEqual(document.sourceLanguage, "en")
        XCTAssertEqual(document.units.map(\.id), ["u1/s1", "u1/s2"])
        XCTAssertEqual(document.units[0].target, "Привіт світе")
        XCTAssertEqual(document.units[0].targetCodes.map(\.key), ["pc-open#1", "pc-close#1", "ph#2"])
        XCTAssertEqual(document.units[0].state, "translated")
        XCTAssertEqual(document.units[0].notes.count, 1)
    }

    func testHostileAndTruncatedXMLAreRefused() {
        let bomb = """
            <?xml version="1.0"?>
            <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>
            <xliff version="1.2"><file><body><trans-unit id="1"><source>&lol2;</source></trans-unit></body></file></xliff>
            """
        XCTAssertThrowsError(try xliff(bomb)) { error in
            XCTAssertTrue("\(error)".contains("refused"), "\(error)")
        }
        let external = """
            <?xml version="1.0"?>
            <!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
            <xliff version="1.2"><file><body><trans-unit id="1"><source>&xxe;</source></trans-unit></body></file></xliff>
            """
        XCTAssertThrowsError(try xliff(external))
        let truncated = """
            <xliff version="1.2"><file source-language="en"><body><trans-unit id="1"><source>Hi</source><target>Прив
            """
        XCTAssertThrowsError(try xliff(truncated)) { error in
            guard let input = error as? InputError else { return XCTFail("\(error)") }
            XCTAssertEqual(input.path, "t.xlf")
            XCTAssertNotNil(input.line)
        }
        XCTAssertThrowsError(try xliff("<tmx version=\"1.4\"><body/></tmx>"))
    }

    func testPOEntriesPluralsContextsEscapesAndHeader() throws {
        let text = """
            # translator comment
            msgid ""
            msgstr ""
            "Language: uk\\n"
            "Plural-Forms: nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : 1);\\n"

            #. tlumach:disable=number-mismatch
            #: src/a.c:10
            #, fuzzy, c-format
            msgctxt "menu"
            msgid "Open\\tfile \\"%s\\""
            msgstr "Відкрити\\t"
            "файл «%s»"

            msgid "%d file"
            msgid_plural "%d files"
            msgstr[0] "%d файл"
            msgstr[1] "%d файли"
            msgstr[2] "%d файлів"

            #~ msgid "old"
            #~ msgstr "старе"
            msgid "Octal \\101 and hex \\x42"
            msgstr "Вісімкове \\101"
            """
        let document = try POReader.parse(text, path: "t.po")
        XCTAssertEqual(document.targetLanguage, "uk")
        XCTAssertEqual(document.units.count, 5)
        let first = document.units[0]
        XCTAssertEqual(first.id, "menu")
        XCTAssertEqual(first.source, "Open\tfile \"%s\"")
        XCTAssertEqual(first.target, "Відкрити\tфайл «%s»")
        XCTAssertEqual(first.flags, ["fuzzy", "c-format"])
        XCTAssertEqual(first.state, "fuzzy")
        XCTAssertEqual(first.notes, ["tlumach:disable=number-mismatch"])
        XCTAssertEqual(first.line, 12)
        XCTAssertEqual(first.column, 8)
        XCTAssertEqual(document.units[1].id, "line 15[0]")
        XCTAssertEqual(document.units[1].source, "%d file")
        XCTAssertEqual(document.units[2].source, "%d files")
        XCTAssertEqual(document.units[3].target, "%d файлів")
        XCTAssertEqual(document.units[4].source, "Octal A and hex B")
        XCTAssertEqual(document.units[4].stableKey, "Octal A and hex B")
    }

    func testPOWithCRLFLineEnds() throws {
        let document = try POReader.parse("msgid \"a\"\r\nmsgstr \"б\"\r\n\r\nmsgid \"c\"\r\nmsgstr \"д\"\r\n", path: "crlf.po")
        XCTAssertEqual(document.units.map(\.target), ["б", "д"])
        XCTAssertEqual(document.units.map(\.line), [2, 5])
    }

    func testXLIFFInUTF16WithBOM() throws {
        let text = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><xliff version=\"1.2\"><file source-language=\"en\" target-language=\"uk\"><body><trans-unit id=\"1\"><source>Kyiv</source><target>Київ</target></trans-unit></body></file></xliff>"
        var data = Data([0xFF, 0xFE])
        for unit in text.utf16 { data.append(contentsOf: [UInt8(unit & 0xFF), UInt8(unit >> 8)]) }
        let document = try XLIFFReader.parse(data: data, name: "utf16.xlf")
        XCTAssertEqual(document.units.first?.target, "Київ")
    }

    /// lynx's Ukrainian catalog (Debian 12) is KOI8-U, as its header says; gettext and pofilter read it.
    func testPOInTheCharsetItsHeaderDeclares() throws {
        let koi8u: [UInt8] = [245, 211, 166, 32, 203, 207, 210, 214, 201, 203, 201, 32, 218, 32, 106, 97, 114, 32, 218, 39,
            167, 196, 197, 206, 207, 33]  // "Усі коржики з jar з'їдено!"
        func po(charset: String, target: [UInt8]) -> [UInt8] {
            Array("""
                msgid ""
                msgstr ""
                "Language: uk\\n"
                "Content-Type: text/plain; charset=\(charset)\\n"

                msgid "All of the cookies in the jar have been eaten!"
                msgstr "
                """.utf8) + target + Array("\"\n".utf8)
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tlumach-po-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        func read(_ bytes: [UInt8]) throws -> BilingualDocument {
            let path = directory.appendingPathComponent("lynx.po").path
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            return try POReader.read(path: path)
        }
        XCTAssertEqual(try read(po(charset: "koi8-u", target: koi8u)).units.map(\.target), ["Усі коржики з jar з'їдено!"])
        // The same bytes labelled UTF-8 are refused at the first bad byte, as before.
        XCTAssertThrowsError(try read(po(charset: "UTF-8", target: koi8u))) { error in
            XCTAssertEqual((error as? InputError)?.message, "invalid UTF-8")
        }
        // ISO-8859-3 leaves 0xA5 unmapped: refused with its offset, not read as a replacement character.
        let latin3 = po(charset: "ISO-8859-3", target: [0x61, 0x20, 0xA5, 0x20, 0x62])
        XCTAssertThrowsError(try read(latin3)) { error in
            guard let input = error as? InputError else { return XCTFail("\(error)") }
            XCTAssertEqual(input.byteOffset, latin3.firstIndex(of: 0xA5))
            XCTAssertEqual(input.message, "not valid ISO-8859-3 text (the header's charset)")
        }
        XCTAssertThrowsError(try read(po(charset: "bogus-42", target: koi8u))) { error in
            XCTAssertEqual((error as? InputError)?.message, "the header's charset “bogus-42” is not one ICU knows")
        }
    }

    func testPOErrorsNameTheLine() {
        let cases: [(String, Int)] = [
            ("msgid \"a\"\nmsgstr \"b", 2),  // unterminated string
            ("msgid \"a\"\nmsgstr \"b\"\n\nmsgid \"c\"\n", 4),  // truncated: no msgstr
            ("msgid \"a\"\nmsgstr \"\\q\"\n", 2),  // unknown escape
            ("msgid \"a\"\nbogus \"b\"\n", 2),
        ]
        for (text, line) in cases {
            XCTAssertThrowsError(try POReader.parse(text, path: "bad.po"), text) { error in
                guard let input = error as? InputError else { return XCTFail("\(error)") }
                XCTAssertEqual(input.path, "bad.po")
                XCTAssertEqual(input.line, line, "\(text): \(input)")
            }
        }
    }

    func testTSVAndCSV() throws {
        let tsv = try DelimitedReader.parse("id\tsource\ttarget\na1\tPrisoners\tПолонені\n\tExchange\tОбмін\n", path: "t.tsv", separator: "\t")
        XCTAssertEqual(tsv.units.map(\.id), ["a1", "row 3"])
        XCTAssertEqual(tsv.units[1].column, 11)
        let csv = try DelimitedReader.parse("en,uk,note\n\"Say \"\"hi\"\"\",\"Скажи\n«привіт»\",n\nB,Б,\n", path: "t.csv", separator: ",")
        XCTAssertEqual(csv.sourceLanguage, "en")
        XCTAssertEqual(csv.targetLanguage, "uk")
        XCTAssertEqual(csv.units.first?.source, "Say \"hi\"")
        XCTAssertEqual(csv.units.first?.target, "Скажи\n«привіт»")
        XCTAssertEqual(csv.units.first?.notes, ["n"])
        XCTAssertEqual(csv.units.last?.line, 4)
        XCTAssertThrowsError(try DelimitedReader.parse("source,target\n\"open,x\n", path: "t.csv", separator: ","))
        XCTAssertThrowsError(try DelimitedReader.parse("a,b\nx,y\n", path: "t.csv", separator: ",")) { error in
            XCTAssertEqual((error as? InputError)?.line, 1)
        }
    }

    func testTMXUnitsWithCodesIdsAndDirection() throws {
        let tmx = """
            <?xml version="1.0" encoding="UTF-8"?>
            <tmx version="1.4">
              <header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="none" adminlang="en" srclang="en" datatype="plaintext"/>
              <body>
                <tu tuid="a1">
                  <note>tlumach:disable=punctuation</note>
                  <tuv xml:lang="en"><seg>Read <bpt i="1">&lt;b&gt;</bpt>this<ept i="1">&lt;/b&gt;</ept>.</seg></tuv>
                  <tuv xml:lang="uk-UA"><seg>Прочитайте <bpt i="1">&lt;b&gt;</bpt>це.</seg></tuv>
                </tu>
                <tu>
                  <tuv xml:lang="en"><seg>Exchange</seg></tuv>
                </tu>
              </body>
            </tmx>
            """
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tlumach-tmx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("m.tmx").path
        try tmx.write(toFile: path, atomically: true, encoding: .utf8)
        let document = try BilingualReader.read(path)
        XCTAssertEqual(document.format, .tmx)
        XCTAssertEqual(document.sourceLanguage, "en")
        XCTAssertEqual(document.targetLanguage, "uk-UA")
        XCTAssertEqual(document.units.map(\.id), ["a1", "tu 2"])
        XCTAssertEqual(document.units[0].source, "Read this.")
        XCTAssertEqual(document.units[0].target, "Прочитайте це.")
        XCTAssertEqual(document.units[0].sourceCodes.map(\.key), ["bpt#1", "ept#1"])
        XCTAssertEqual(document.units[0].targetCodes.map(\.key), ["bpt#1"])
        XCTAssertEqual(document.units[0].notes, ["tlumach:disable=punctuation"])
        XCTAssertNil(document.units[1].target)
        // The other direction, by the caller's languages.
        let reversed = try BilingualReader.read(path, sourceLanguage: "uk", targetLanguage: "en")
        XCTAssertEqual(reversed.units.first?.source, "Прочитайте це.")
        XCTAssertEqual(reversed.units.count, 1)
        // Hostile TMX is refused.
        try "<?xml version=\"1.0\"?>\n<!DOCTYPE tmx [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<tmx version=\"1.4\"><header/><body/></tmx>".write(toFile: path, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try BilingualReader.read(path))
    }

    /// A CMS export: one paragraph a line, no blank line, as many lines on both sides.
    func testTextsOfOneParagraphALinePairByLine() {
        let document = TextPairReader.pair(
            source: "First.\nSecond.\nThird.\n", target: "Перший.\nДругий.\nТретій.\n", targetPath: "t.txt")
        XCTAssertEqual(document.units.map(\.target), ["Перший.", "Другий.", "Третій."])
        XCTAssertEqual(document.units.map(\.source), ["First.", "Second.", "Third."])
        XCTAssertEqual(document.units.map(\.line), [1, 2, 3])
        // A paragraph wrapped into lines that do not correspond stays one unit.
        let wrapped = TextPairReader.pair(
            source: "One long sentence\nwrapped here.", target: "Одне довге речення, перенесене тут.", targetPath: "t.txt")
        XCTAssertEqual(wrapped.units.count, 1)
    }

    func testTextPairByParagraph() {
        let document = TextPairReader.pair(
            source: "First.\n\nSecond\nline.\n\nThird.", target: "Перший.\n\n\nДругий\nрядок.", targetPath: "t.txt")
        XCTAssertEqual(document.units.count, 3)
        XCTAssertEqual(document.units[1].target, "Другий\nрядок.")
        XCTAssertEqual(document.units[1].line, 4)
        XCTAssertEqual(document.units[2].target, "")
        // Words inside a paragraph map to their own line and column; a missing paragraph has no layout.
        XCTAssertEqual(document.units[0].targetLayout, .verbatim(line: 1, column: 1))
        let layout = document.units[1].targetLayout
        XCTAssertEqual(layout.position(utf16Offset: 3).map { [$0.line, $0.column] }, [4, 4])
        XCTAssertEqual(layout.position(utf16Offset: 9).map { [$0.line, $0.column] }, [5, 3])  // "д" of рядок
        XCTAssertEqual(document.units[2].targetLayout, .unknown)
    }
}
