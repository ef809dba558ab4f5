import Foundation
import TlumachCore
import TlumachFormats
import TlumachTMX

/// A file to analyse or pre-translate: its bytes, its units as the project's readers give them, and which units
/// are segments (a PO plural entry counts its msgid and msgid_plural once each, not once per target form).
public struct LeverageInput: Sendable {
    public var path: String
    public var bytes: [UInt8]
    public var document: BilingualDocument
    /// Indices into `document.units`, in file order.
    public var segments: [Int]

    /// Formats `pretranslate` and `analyze` take.
    public static let formats: [BilingualFormat] = [.xliff, .po, .tsv]

    /// Reads `path`; bad input is an `InputError` naming file and line.
    public static func read(_ path: String) throws -> LeverageInput {
        guard let format = BilingualFormat(path: path), formats.contains(format) else {
            throw InputError(path: path, message: "pretranslate and analyze take XLIFF (.xlf, .xliff), PO/POT and bilingual TSV files")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError(path: path, message: "cannot read file")
        }
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            throw InputError(path: path, byteOffset: 0, message: "UTF-16 files are not supported here; convert the file to UTF-8 first")
        }
        let document: BilingualDocument
        if format == .po {
            // Read and decoded once; a PO in a legacy charset is written back as UTF-8, its header saying so (the
            // fills are UTF-8).
            let read = try bytes.withUnsafeBufferPointer { (all) throws(InputError) in try POReader.read(fileBytes: all, path: path) }
            document = read.document
            if let utf8 = read.utf8 { bytes = utf8 }
        } else {
            document = try BilingualReader.read(path, format: format)
        }
        var segments: [Int] = []
        for (index, unit) in document.units.enumerated() {
            if format == .po, let form = Self.pluralForm(unit.id), form >= 2 { continue }
            segments.append(index)
        }
        return LeverageInput(path: path, bytes: bytes, document: document, segments: segments)
    }

    /// The n of a PO unit id ending in `[n]`.
    static func pluralForm(_ id: String) -> Int? {
        guard id.hasSuffix("]"), let open = id.lastIndex(of: "[") else { return nil }
        return Int(id[id.index(after: open)..<id.index(before: id.endIndex)])
    }

    public var isTemplate: Bool { path.lowercased().hasSuffix(".pot") }

    /// The surroundings of the n-th segment.
    public func context(ofSegment position: Int) -> UnitContext {
        let unit = document.units[segments[position]]
        let previous = position > 0 ? document.units[segments[position - 1]].source : nil
        let next = position + 1 < segments.count ? document.units[segments[position + 1]].source : nil
        var key: String?
        switch document.format {
        case .po: key = unit.context
        case .xliff: key = unit.id
        default: key = unit.id.hasPrefix("row ") ? nil : unit.id
        }
        return UnitContext(previous: previous, next: next, key: key)
    }

    /// Refuses a file whose declared languages are not the memory's (primary subtags compared; a side the file
    /// does not declare is not compared).
    public func checkLanguages(memorySource: String, memoryTarget: String) throws {
        let source = document.sourceLanguage.flatMap { $0.isEmpty ? nil : $0 }
        let target = document.targetLanguage.flatMap { $0.isEmpty ? nil : $0 }
        let sourceOK = source.map { TMXLanguage.matches($0, memorySource) } ?? true
        let targetOK = target.map { TMXLanguage.matches($0, memoryTarget) } ?? true
        guard !(sourceOK && targetOK) else { return }
        var message = "the file is \(source ?? "?")→\(target ?? "?") but the memory is \(memorySource)→\(memoryTarget)"
        if let source, let target, TMXLanguage.matches(source, memoryTarget), TMXLanguage.matches(target, memorySource) {
            message += " (the memory cannot be used the other way round; build one with --source-lang \(source))"
        }
        throw InputError(path: path, message: message)
    }
}
