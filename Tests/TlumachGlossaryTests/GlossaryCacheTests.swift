import Foundation
import TlumachCore
@testable import TlumachGlossary
import XCTest

final class GlossaryCacheTests: XCTestCase {
    /// Every field of a file, a concept and a term set to something other than its default.
    static let everyField = """
        name: Every field
        description: a glossary that sets every field
        source: hand-written for the cache test
        profile: strict
        languages: [uk, en]
        concepts:
          - id: svo
            subject: war
            definition: the euphemism
            note: a concept note
            source: concept source
            terms:
              uk:
                - text: спеціальна військова операція
                  status: admitted
                  type: phrase
                  pos: noun
                  gender: feminine
                  casing: lower
                  match: inflect
                  use: війна
                  context:
                    precededBy: [так звана, т. зв.]
                    message: лише як «так звана»
                  forms: [операцій]
                  note: a term note
                  alsoCommonWord: true
                  trigger: false
                - text: СВО
                  status: forbidden
                  trigger: true
                - {text: війна}
              en:
                - {text: SVO, type: acronym, casing: any, match: exact, context: {precededBy: [so-called]}}
          - id: kyiv
            terms:
              uk: [{text: Київ, type: properNoun}]
              en-GB: [{text: Kyiv, type: properNoun, status: deprecated}]

        """

    var folder = ""

    override func setUpWithError() throws {
        folder = NSTemporaryDirectory() + "glossary-cache-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: folder)
    }

    var cache: GlossaryCache { GlossaryCache(directory: folder + "/cache") }

    func write(_ text: String, name: String = "every.yaml") throws -> String {
        let path = folder + "/" + name
        try TextFile.writeAtomically(text, to: path)
        return path
    }

    func assertSame(_ a: GlossaryFile, _ b: GlossaryFile, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(a.path, b.path, file: file, line: line)
        XCTAssertEqual(a.info, b.info, file: file, line: line)
        XCTAssertEqual(a.concepts, b.concepts, file: file, line: line)
        // Equality covers `terms` as a dictionary; the order of terms within a language matters too.
        for (x, y) in zip(a.concepts, b.concepts) {
            for (language, terms) in x.terms { XCTAssertEqual(terms.map(\.text), y.terms[language]?.map(\.text), file: file, line: line) }
        }
    }

    /// The codec writes each field by name: a field added to a model type must be added to it (and then here).
    func testTheCodecKnowsEveryFieldOfTheModel() {
        XCTAssertEqual(Mirror(reflecting: Term(text: "x")).children.count, 13, "Term gained or lost a field: update GlossaryCache's codec")
        XCTAssertEqual(Mirror(reflecting: Concept(id: "x")).children.count, 8, "Concept gained or lost a field: update GlossaryCache's codec")
        XCTAssertEqual(Mirror(reflecting: GlossaryYAML.FileInfo()).children.count, 5, "FileInfo gained or lost a field: update GlossaryCache's codec")
        XCTAssertEqual(Mirror(reflecting: ContextRule(precededBy: [])).children.count, 2)
    }

    func testACacheHitEqualsAFreshParseInEveryField() throws {
        let path = try write(Self.everyField)
        let fresh = try Glossary.readFile(path)
        XCTAssertEqual(fresh.concepts.first?.terms["uk"]?.first?.trigger, false)
        XCTAssertEqual(fresh.info.profile, "strict")
        let first = try Glossary.readFile(path, cache: cache)
        assertSame(first, fresh)
        // The entry exists now and is what the second read returns.
        let key = GlossaryCache.Key(data: try Data(contentsOf: URL(fileURLWithPath: path)), format: .yaml)
        let entry = try XCTUnwrap(cache.read(path: path, key: key))
        assertSame(entry, fresh)
        assertSame(try Glossary.readFile(path, cache: cache), fresh)
    }

    func testTheShippedGlossariesAndOtherFormatsReadTheSameFromTheCache() throws {
        let shipped = Support.packageRoot.appendingPathComponent("glossaries").path
        let tbx = folder + "/every.tbx"
        let csv = folder + "/every.csv"
        let concepts = try Glossary.readFile(try write(Self.everyField)).concepts
        try Glossary.write(concepts, to: tbx)
        try Glossary.write(concepts, to: csv)
        for path in try Glossary.expand([shipped]) + [tbx, csv] {
            let fresh = try Glossary.readFile(path)
            _ = try Glossary.readFile(path, cache: cache)
            let key = GlossaryCache.Key(data: try Data(contentsOf: URL(fileURLWithPath: path)), format: try XCTUnwrap(GlossaryFormat(path: path)))
            assertSame(try XCTUnwrap(cache.read(path: path, key: key), path), fresh)
        }
        let plain = try Glossary.load(paths: [shipped], profiles: ["house-style"])
        let cached = try Glossary.load(paths: [shipped], profiles: ["house-style"], cache: cache)
        XCTAssertEqual(cached.concepts, plain.concepts)
        XCTAssertEqual(cached.files, plain.files)
    }

    func testAnEditedFileIsParsedAgainNotTakenFromTheStaleEntry() throws {
        let path = try write(Self.everyField)
        _ = try Glossary.readFile(path, cache: cache)
        // Same length, one letter changed: only the content tells the entries apart.
        let edited = Self.everyField.replacingOccurrences(of: "text: війна", with: "text: війна")
        XCTAssertEqual(edited.utf8.count, Self.everyField.utf8.count)
        _ = try write(edited)
        let read = try Glossary.readFile(path, cache: cache)
        XCTAssertEqual(read.concepts.first?.terms["uk"]?.last?.text, "війна")
        assertSame(read, try Glossary.readFile(path))
        // An error in the edited file is reported, not hidden by the old entry.
        _ = try write(Self.everyField.replacingOccurrences(of: "status: admitted", with: "stauts: admitted"))
        XCTAssertThrowsError(try Glossary.readFile(path, cache: cache)) { error in
            XCTAssertTrue("\(error)".contains("stauts"), "\(error)")
        }
    }

    func testAnotherToolkitVersionOrSchemaDoesNotUseTheEntry() throws {
        let path = try write(Self.everyField)
        _ = try Glossary.readFile(path, cache: cache)
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        XCTAssertNotNil(cache.read(path: path, key: GlossaryCache.Key(data: data, format: .yaml)))
        XCTAssertNil(cache.read(path: path, key: GlossaryCache.Key(data: data, format: .yaml, version: "0.0.0-other")))
        XCTAssertNil(cache.read(path: path, key: GlossaryCache.Key(data: data, format: .csv)))
    }

    func testADamagedOrForeignEntryIsIgnoredAndRebuilt() throws {
        let path = try write(Self.everyField)
        let fresh = try Glossary.readFile(path)
        _ = try Glossary.readFile(path, cache: cache)
        let entry = cache.entryPath(for: path)
        let good = try Data(contentsOf: URL(fileURLWithPath: entry))
        let key = GlossaryCache.Key(data: try Data(contentsOf: URL(fileURLWithPath: path)), format: .yaml)
        var damaged: [Data] = [Data(), Data("not a cache".utf8), good.prefix(good.count / 2), good + Data([0])]
        // A flipped byte anywhere, and counts blown up to huge values.
        for offset in stride(from: GlossaryCache.magic.count, to: good.count, by: max(1, good.count / 97)) {
            var bytes = good
            bytes[offset] ^= 0xFF
            damaged.append(bytes)
        }
        for (index, bytes) in damaged.enumerated() {
            try bytes.write(to: URL(fileURLWithPath: entry))
            XCTAssertNil(cache.read(path: path, key: key), "damage \(index) was read as an entry")
            assertSame(try Glossary.readFile(path, cache: cache), fresh)
            XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: entry)), good, "damage \(index): entry not rebuilt")
        }
    }

    func testAnUnwritableCacheFolderOnlyCostsAParse() throws {
        let path = try write(Self.everyField)
        let blocker = try write("a file where the cache folder should be", name: "blocker.yaml")
        let file = try Glossary.readFile(path, cache: GlossaryCache(directory: blocker + "/cache"))
        assertSame(file, try Glossary.readFile(path))
    }

    func testTheCacheEntryIsPerPathSoEditsReplaceIt() throws {
        let path = try write(Self.everyField)
        _ = try Glossary.readFile(path, cache: cache)
        _ = try write(Self.everyField.replacingOccurrences(of: "війна", with: "війни"))
        _ = try Glossary.readFile(path, cache: cache)
        let entries = try FileManager.default.contentsOfDirectory(atPath: folder + "/cache")
        XCTAssertEqual(entries.count, 1, "\(entries)")
    }
}
