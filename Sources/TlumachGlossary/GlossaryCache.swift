import Foundation
import TlumachCore

/// A compiled form of glossary files, kept in a cache folder so that a one-shot command does not parse a large
/// YAML/TBX/CSV glossary again (Yams takes ~0.3 s for 10,000 concepts; decoding this form a few milliseconds).
///
/// One cache file per glossary path (its name is a hash of the absolute path), so an edited glossary replaces its
/// entry instead of adding one. The entry records a hash and the length of the file's bytes, the format, the
/// toolkit's version and this codec's schema: when any differs the entry is stale, the file is parsed and the entry
/// rewritten (temporary file, then rename). A damaged or foreign entry reads as no entry. Only successful parses
/// are cached: a file with an error is parsed (and reported) every time.
public struct GlossaryCache: Sendable {
    /// The folder holding the entries (created when first written).
    public let directory: String

    public init(directory: String) {
        self.directory = directory
    }

    /// Bump when the encoding or what the parsers produce changes within one toolkit version.
    static let schema: UInt64 = 1
    static let magic: [UInt8] = Array("TLUMACH-GLOSSARY-CACHE\n".utf8)

    /// What identifies a file's content, format and the code that read it.
    struct Key: Equatable {
        var contentHash: UInt64
        var contentCheck: UInt64
        var length: UInt64
        var format: String
        var version: String

        init(data: Data, format: GlossaryFormat, version: String = TlumachVersion.current) {
            self = data.withUnsafeBytes { Key(raw: $0, format: format.rawValue, version: version) }
        }

        init(bytes: [UInt8], format: String, version: String = TlumachVersion.current) {
            self = bytes.withUnsafeBytes { Key(raw: $0, format: format, version: version) }
        }

        private init(raw: UnsafeRawBufferPointer, format: String, version: String) {
            // Two independent 64-bit hashes of the bytes (FNV-1a and a multiply–rotate mix) and the length.
            var fnv: UInt64 = 0xcbf2_9ce4_8422_2325
            var mix: UInt64 = 0x9E37_79B9_7F4A_7C15
            for byte in raw {
                fnv = (fnv ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
                mix = ((mix ^ UInt64(byte)) &* 0xBF58_476D_1CE4_E5B9)
                mix = (mix << 27) | (mix >> 37)
            }
            contentHash = fnv
            contentCheck = mix
            length = UInt64(raw.count)
            self.format = format
            self.version = version
        }
    }

    static func checksum(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return hash
    }

    /// The entry's path for a glossary file.
    func entryPath(for path: String) -> String {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in absolute.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        let name = String(hash, radix: 16)
        return (directory as NSString).appendingPathComponent(String(repeating: "0", count: 16 - name.count) + name + ".glossary")
    }

    /// The cached file for `path` when its entry matches `key`, else nil (missing, stale, damaged or foreign).
    func read(path: String, key: Key) -> GlossaryFile? {
        guard var reader = sealedEntry(at: entryPath(for: path)) else { return nil }
        return reader.file(path: path, key: key)
    }

    /// Writes the entry for `path`; a failure (read-only folder, full disk) only costs the next run a parse.
    func write(_ file: GlossaryFile, key: Key) {
        var writer = CacheWriter()
        writer.file(file, key: key)
        writeSealed(writer, to: entryPath(for: file.path))
    }

    /// A reader over an entry's bytes when its checksum holds, else nil (missing or damaged).
    func sealedEntry(at path: String) -> CacheReader? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        let bytes = [UInt8](data)
        guard bytes.count >= 8 else { return nil }
        var stored: UInt64 = 0
        for (index, byte) in bytes.suffix(8).enumerated() { stored |= UInt64(byte) << UInt64(8 * index) }
        guard stored == Self.checksum(bytes.dropLast(8)) else { return nil }
        return CacheReader(bytes: Array(bytes.dropLast(8)))
    }

    /// Seals what `writer` holds with its checksum and writes it to `path` (temporary file, then rename); a failure
    /// (read-only folder, full disk) only costs the next run the work the entry saves.
    func writeSealed(_ writer: CacheWriter, to path: String) {
        var writer = writer
        writer.sealWithChecksum()
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            try TextFile.writeAtomically(Data(writer.bytes), to: path)
        } catch {
            return
        }
    }
}

// MARK: - Encoding

/// Integers as LEB128, strings as length + UTF-8, optionals behind a presence byte, enums by raw value (a
/// renamed case makes the entry unreadable, never misread).
struct CacheWriter {
    var bytes: [UInt8] = []

    mutating func int(_ value: UInt64) {
        var rest = value
        while rest >= 0x80 {
            bytes.append(UInt8(rest & 0x7F) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    mutating func int(_ value: Int) { int(UInt64(bitPattern: Int64(value))) }

    /// Appends a checksum of everything written, so a flipped byte inside a text is not read as another text.
    mutating func sealWithChecksum() {
        let sum = GlossaryCache.checksum(bytes[...])
        for shift in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8(truncatingIfNeeded: sum >> UInt64(shift))) }
    }

    mutating func string(_ value: String) {
        int(value.utf8.count)
        bytes.append(contentsOf: value.utf8)
    }

    mutating func optional(_ value: String?) {
        if let value {
            bytes.append(1)
            string(value)
        } else {
            bytes.append(0)
        }
    }

    mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }

    mutating func optional(_ value: Bool?) { bytes.append(value.map { $0 ? 2 : 1 } ?? 0) }

    mutating func strings(_ values: [String]) {
        int(values.count)
        for value in values { string(value) }
    }

    mutating func file(_ file: GlossaryFile, key: GlossaryCache.Key) {
        bytes.append(contentsOf: GlossaryCache.magic)
        int(GlossaryCache.schema)
        string(key.version)
        string(key.format)
        int(key.length)
        int(key.contentHash)
        int(key.contentCheck)
        optional(file.info.name)
        optional(file.info.description)
        optional(file.info.source)
        bool(file.info.overlay)
        optional(file.info.profile)
        int(file.concepts.count)
        for concept in file.concepts { self.concept(concept, path: file.path) }
    }

    mutating func concept(_ concept: Concept, path: String) {
        string(concept.id)
        optional(concept.subject)
        optional(concept.definition)
        optional(concept.note)
        optional(concept.source)
        if let origin = concept.origin {
            bytes.append(1)
            int(origin.line)
            int(origin.column)
            int(origin.byteOffset)
        } else {
            bytes.append(0)
        }
        // The file is the glossary's path (set by the reader), another text, or none.
        switch concept.file {
        case nil: bytes.append(0)
        case path?: bytes.append(1)
        case let other?:
            bytes.append(2)
            string(other)
        }
        let languages = concept.terms.keys.sorted()
        int(languages.count)
        for language in languages {
            string(language)
            let terms = concept.terms[language] ?? []
            int(terms.count)
            for term in terms { self.term(term) }
        }
    }

    mutating func term(_ term: Term) {
        string(term.text)
        string(term.status.rawValue)
        string(term.type.rawValue)
        optional(term.partOfSpeech)
        optional(term.gender)
        string(term.casing.rawValue)
        string(term.match.rawValue)
        optional(term.use)
        if let context = term.context {
            bytes.append(1)
            strings(context.precededBy)
            optional(context.message)
        } else {
            bytes.append(0)
        }
        strings(term.forms)
        optional(term.note)
        bool(term.alsoCommonWord)
        optional(term.trigger)
    }
}

/// Reads what `CacheWriter` wrote; every read is bounds-checked and any surprise ends in nil.
struct CacheReader {
    let bytes: [UInt8]
    var position = 0

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    mutating func byte() -> UInt8? {
        guard position < bytes.count else { return nil }
        defer { position += 1 }
        return bytes[position]
    }

    mutating func uint() -> UInt64? {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while shift < 64 {
            guard let byte = byte() else { return nil }
            value |= UInt64(byte & 0x7F) << shift
            if byte & 0x80 == 0 { return value }
            shift += 7
        }
        return nil
    }

    /// A non-negative count or offset no larger than the bytes left could hold (a damaged count cannot make the
    /// reader reserve gigabytes).
    mutating func count() -> Int? {
        guard let value = uint(), value <= UInt64(bytes.count) else { return nil }
        return Int(value)
    }

    mutating func int() -> Int? {
        guard let value = uint() else { return nil }
        return Int(Int64(bitPattern: value))
    }

    mutating func string() -> String? {
        guard let length = count(), length <= bytes.count - position else { return nil }
        defer { position += length }
        return String(validating: bytes[position..<position + length], as: UTF8.self)
    }

    /// nil: damaged; .some(nil): absent.
    mutating func optionalString() -> String?? {
        switch byte() {
        case 0: return .some(nil)
        case 1: return string().map { .some($0) }
        default: return nil
        }
    }

    mutating func bool() -> Bool? {
        switch byte() {
        case 0: false
        case 1: true
        default: nil
        }
    }

    mutating func optionalBool() -> Bool?? {
        switch byte() {
        case 0: .some(nil)
        case 1: .some(false)
        case 2: .some(true)
        default: nil
        }
    }

    mutating func strings() -> [String]? {
        guard let count = count() else { return nil }
        var values: [String] = []
        values.reserveCapacity(count)
        for _ in 0..<count {
            guard let value = string() else { return nil }
            values.append(value)
        }
        return values
    }

    mutating func file(path: String, key: GlossaryCache.Key) -> GlossaryFile? {
        let magic = GlossaryCache.magic
        guard bytes.count >= magic.count, bytes[0..<magic.count].elementsEqual(magic) else { return nil }
        position = magic.count
        guard uint() == GlossaryCache.schema, string() == key.version, string() == key.format, uint() == key.length,
            uint() == key.contentHash, uint() == key.contentCheck
        else { return nil }
        guard let name = optionalString(), let description = optionalString(), let source = optionalString(),
            let overlay = bool(), let profile = optionalString(), let conceptCount = count()
        else { return nil }
        var concepts: [Concept] = []
        concepts.reserveCapacity(conceptCount)
        for _ in 0..<conceptCount {
            guard let concept = concept(path: path) else { return nil }
            concepts.append(concept)
        }
        // Trailing bytes mean a writer this reader does not know.
        guard position == bytes.count else { return nil }
        let info = GlossaryYAML.FileInfo(name: name, description: description, source: source, overlay: overlay, profile: profile)
        return GlossaryFile(path: path, info: info, concepts: concepts)
    }

    mutating func concept(path: String) -> Concept? {
        guard let id = string(), let subject = optionalString(), let definition = optionalString(),
            let note = optionalString(), let source = optionalString()
        else { return nil }
        var origin: SourcePosition?
        switch byte() {
        case 0: origin = nil
        case 1:
            guard let line = int(), let column = int(), let offset = int() else { return nil }
            origin = SourcePosition(line: line, column: column, byteOffset: offset)
        default: return nil
        }
        let file: String?
        switch byte() {
        case 0: file = nil
        case 1: file = path
        case 2:
            guard let other = string() else { return nil }
            file = other
        default: return nil
        }
        guard let languageCount = count() else { return nil }
        var terms: [String: [Term]] = [:]
        for _ in 0..<languageCount {
            guard let language = string(), let termCount = count() else { return nil }
            var list: [Term] = []
            list.reserveCapacity(termCount)
            for _ in 0..<termCount {
                guard let term = term() else { return nil }
                list.append(term)
            }
            terms[language] = list
        }
        var concept = Concept(id: id, subject: subject, definition: definition, note: note, source: source, terms: terms)
        concept.origin = origin
        concept.file = file
        return concept
    }

    mutating func term() -> Term? {
        guard let text = string(), let status = string().flatMap(TermStatus.init(rawValue:)),
            let type = string().flatMap(TermType.init(rawValue:)), let partOfSpeech = optionalString(),
            let gender = optionalString(), let casing = string().flatMap(Casing.init(rawValue:)),
            let match = string().flatMap(MatchMode.init(rawValue:)), let use = optionalString()
        else { return nil }
        var context: ContextRule?
        switch byte() {
        case 0: context = nil
        case 1:
            guard let precededBy = strings(), let message = optionalString() else { return nil }
            context = ContextRule(precededBy: precededBy, message: message)
        default: return nil
        }
        guard let forms = strings(), let note = optionalString(), let alsoCommonWord = bool(),
            let trigger = optionalBool()
        else { return nil }
        return Term(
            text: text, status: status, type: type, partOfSpeech: partOfSpeech, gender: gender, casing: casing,
            match: match, use: use, context: context, forms: forms, note: note, alsoCommonWord: alsoCommonWord,
            trigger: trigger)
    }
}
