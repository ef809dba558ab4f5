import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import TlumachMemory
import XCTest

@testable import TlumachServer

/// A memory, a glossary and a service over them in a temporary folder.
struct ServerFixture {
    let folder: URL
    let memoryPath: String
    let glossaryPath: String

    static let tmx = """
        <?xml version="1.0" encoding="UTF-8"?>
        <tmx version="1.4"><header creationtool="test" creationtoolversion="1" segtype="sentence" o-tmf="none" \
        adminlang="en" srclang="en" datatype="plaintext"/><body>
        <tu tuid="a1"><tuv xml:lang="en"><seg>The government adopted the new budget.</seg></tuv>\
        <tuv xml:lang="uk"><seg>Уряд ухвалив новий бюджет.</seg></tuv></tu>
        <tu tuid="a2"><tuv xml:lang="en"><seg>The parliament adopted the new law on Monday.</seg></tuv>\
        <tuv xml:lang="uk"><seg>Парламент ухвалив новий закон у понеділок.</seg></tuv></tu>
        <tu tuid="a3"><tuv xml:lang="en"><seg>Russian troops shelled Kharkiv overnight.</seg></tuv>\
        <tuv xml:lang="uk"><seg>Російські війська вночі обстріляли Харків.</seg></tuv></tu>
        </body></tmx>

        """

    static let glossary = """
        concepts:
          - id: kyiv
            terms:
              uk: [{text: Київ, type: properNoun}]
              en: [{text: Kyiv, type: properNoun}, {text: Kiev, status: forbidden, use: Kyiv}]

        """

    init(withMemory: Bool = true) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("tlumach-serve-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        memoryPath = folder.appendingPathComponent("tm.sqlite").path
        glossaryPath = folder.appendingPathComponent("glossary.yaml").path
        try Self.glossary.write(toFile: glossaryPath, atomically: true, encoding: .utf8)
        if withMemory {
            let tmxPath = folder.appendingPathComponent("seed.tmx").path
            try Self.tmx.write(toFile: tmxPath, atomically: true, encoding: .utf8)
            try TranslationMemory.withMemory(creatingAt: memoryPath) { tm in _ = try tm.importTMX(path: tmxPath) }
        }
    }

    func settings() -> ServeSettings {
        var settings = ServeSettings()
        settings.memoryPath = memoryPath
        settings.glossaryPaths = [glossaryPath]
        settings.port = 0
        settings.readers = 2
        return settings
    }

    func service(_ adjust: (inout ServeSettings) -> Void = { _ in }) async throws -> TlumachService {
        var settings = settings()
        adjust(&settings)
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        let service = try TlumachService(settings: settings, logger: logger)
        await service.buildIndex()
        return service
    }

    func remove() { try? FileManager.default.removeItem(at: folder) }
}

extension TestResponse {
    var text: String { String(buffer: body) }

    /// The body as a JSON object.
    func object(file: StaticString = #filePath, line: UInt = #line) throws -> [String: Any] {
        let value = try JSONSerialization.jsonObject(with: Data(text.utf8))
        return try XCTUnwrap(value as? [String: Any], "not a JSON object: \(text)", file: file, line: line)
    }

    /// The error code of an error body.
    var errorCode: String? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any],
            let error = object["error"] as? [String: Any]
        else { return nil }
        return error["code"] as? String
    }

    var errorMessage: String? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any],
            let error = object["error"] as? [String: Any]
        else { return nil }
        return error["message"] as? String
    }
}

func bearer(_ token: String) -> HTTPFields { [.authorization: "Bearer \(token)"] }

func bodyText(_ text: String) -> ByteBuffer { ByteBuffer(string: text) }
