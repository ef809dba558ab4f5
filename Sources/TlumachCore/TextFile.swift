import Foundation

/// Reading and writing text files safely: input must be valid UTF-8 (an error names the byte offset of the first
/// bad byte), and output is written to a temporary file in the same folder and renamed over the target, so a
/// reader never sees a half-written file.
public enum TextFile {
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

    /// Reads all of standard input as UTF-8; `path` names it in errors ("<stdin>").
    public static func readStandardInput(name: String = "<stdin>") throws(InputError) -> String {
        let data = FileHandle.standardInput.readDataToEndOfFile()
        return try decode(data, path: name)
    }

    /// Decodes UTF-8, refusing invalid sequences with the offset of the first bad byte.
    public static func decode(_ data: Data, path: String) throws(InputError) -> String {
        // Valid input (the usual case) is validated and copied once, straight from the data's buffer.
        let hasBOM = data.starts(with: [0xEF, 0xBB, 0xBF])
        let valid: String? = data.withUnsafeBytes { raw in
            let bytes = raw.assumingMemoryBound(to: UInt8.self)
            return String(validating: UnsafeBufferPointer(rebasing: bytes[(hasBOM ? 3 : 0)...]), as: UTF8.self)
        }
        if let valid { return valid }
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if let offset = firstInvalidUTF8Offset(bytes) {
            let original = data.starts(with: [0xEF, 0xBB, 0xBF]) ? offset + 3 : offset
            throw InputError(path: path, byteOffset: original, message: "invalid UTF-8")
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The offset of the first byte that does not begin or continue a valid UTF-8 sequence, or nil.
    public static func firstInvalidUTF8Offset(_ bytes: [UInt8]) -> Int? {
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte < 0x80 {
                index += 1
                continue
            }
            let length: Int
            var minimumSecond: UInt8 = 0x80
            var maximumSecond: UInt8 = 0xBF
            switch byte {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; minimumSecond = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; maximumSecond = 0x9F  // no surrogates
            case 0xF0: length = 4; minimumSecond = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; maximumSecond = 0x8F
            default: return index
            }
            guard index + length <= count else { return index }
            let second = bytes[index + 1]
            guard second >= minimumSecond && second <= maximumSecond else { return index }
            for continuation in 2..<length where bytes[index + continuation] & 0xC0 != 0x80 { return index }
            index += length
        }
        return nil
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
