import Foundation

/// Reading and writing text files safely: input must be valid UTF-8 (an error names the byte offset of the first
/// bad byte), and output is written to a temporary file in the same folder and renamed over the target, so a
/// reader never sees a half-written file.
public enum TextFile {
    /// Maps the pages of a file mapped into memory (`Data(contentsOf:options: .alwaysMapped)`) into the process
    /// in one call, before they are read: a file of tens of megabytes read page by page costs thousands of page
    /// faults (3–11 ms for 24 MB here), one `madvise(MADV_POPULATE_READ)` about 2 ms. Advice only: memory that is
    /// not a file mapping, or a kernel without it, changes nothing.
    public static func prefault(_ bytes: UnsafeRawBufferPointer) {
        guard bytes.count >= 1 << 20 else { return }
        populate(bytes)
    }

    /// `prefault` for a buffer of any size (a piece of a mapped file).
    public static func populate(_ bytes: UnsafeRawBufferPointer) {
        #if os(Linux)
            guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
            let page = max(Int(sysconf(Int32(_SC_PAGESIZE))), 1)
            let start = Int(bitPattern: base) & ~(page - 1)
            let populateRead: Int32 = 22  // MADV_POPULATE_READ (Linux 5.14)
            _ = madvise(
                UnsafeMutableRawPointer(bitPattern: start), Int(bitPattern: base) - start + bytes.count, populateRead)
        #endif
    }

    /// Reads a whole file as UTF-8. A UTF-8 byte-order mark is dropped.
    public static func read(_ path: String) throws(InputError) -> String {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw InputError(path: path, message: "cannot read file: \(reason(error))")
        }
        return try decode(data, path: path)
    }

    /// Reads a whole file's bytes, not yet validated as UTF-8, with the length of its UTF-8 byte-order mark (0 or 3):
    /// for a reader that validates the text as it goes (see `invalidUTF8(_:path:)` for its error).
    public static func readBytes(_ path: String) throws(InputError) -> (data: Data, byteOrderMark: Int) {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw InputError(path: path, message: "cannot read file: \(reason(error))")
        }
        return (data, ByteOrderMark.utf8Length(data))
    }

    /// The error `read` gives for invalid UTF-8 at `byteOffset` (counted from the file's first byte).
    public static func invalidUTF8(_ byteOffset: Int, path: String) -> InputError {
        InputError(path: path, byteOffset: byteOffset, message: "invalid UTF-8")
    }

    /// Reads all of standard input as UTF-8; `path` names it in errors ("<stdin>").
    public static func readStandardInput(name: String = "<stdin>") throws(InputError) -> String {
        let data = FileHandle.standardInput.readDataToEndOfFile()
        return try decode(data, path: name)
    }

    /// Decodes UTF-8, refusing invalid sequences with the offset of the first bad byte.
    public static func decode(_ data: Data, path: String) throws(InputError) -> String {
        // Valid input (the usual case) is validated and copied once, straight from the data's buffer.
        let bom = ByteOrderMark.utf8Length(data)
        let valid: String? = data.withUnsafeBytes { raw in
            let bytes = raw.assumingMemoryBound(to: UInt8.self)
            return String(validating: UnsafeBufferPointer(rebasing: bytes[bom...]), as: UTF8.self)
        }
        if let valid { return valid }
        let bytes = [UInt8](data.dropFirst(bom))
        if let offset = UTF8Validation.firstInvalidOffset(bytes) {
            throw invalidUTF8(offset + bom, path: path)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Writes `contents` atomically: temporary file in the same directory, then rename.
    public static func writeAtomically(_ contents: String, to path: String) throws(InputError) {
        try writeAtomically(Data(contents.utf8), to: path)
    }

    public static func writeAtomically(_ data: Data, to path: String) throws(InputError) {
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent()
        let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).tlumach-\(UUID().uuidString).tmp")
        do {
            try data.write(to: temporary, options: [])
            // Keep the original file's permissions when replacing it.
            if let attributes = try? FileManager.default.attributesOfItem(atPath: path),
                let permissions = attributes[.posixPermissions]
            {
                try? FileManager.default.setAttributes([.posixPermissions: permissions], ofItemAtPath: temporary.path)
            }
            if rename(temporary.path, url.path) != 0 {
                throw CocoaError(.fileWriteUnknown)
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw InputError(path: path, message: "cannot write file: \(reason(error))")
        }
    }

    private static func reason(_ error: any Error) -> String {
        if let cocoa = error as? CocoaError, let underlying = cocoa.userInfo[NSUnderlyingErrorKey] as? NSError {
            return underlying.localizedDescription
        }
        return (error as NSError).localizedDescription
    }
}
