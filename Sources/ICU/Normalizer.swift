import CICU

/// A Unicode normalisation form.
public enum NormalizationForm: Int32, Sendable, CaseIterable {
    case nfc = 0, nfd, nfkc, nfkd, nfkcCasefold
}

/// An ICU normaliser. Instances wrap ICU singletons, which are immutable and safe to share between threads.
public final class Normalizer: @unchecked Sendable {  // unchecked: an ICU singleton (C pointer), immutable
    // ICU owns the singleton: it is never closed.
    private let handle: UnsafeRawPointer
    public let form: NormalizationForm

    private init(form: NormalizationForm) throws(ICUError) {
        var status: Int32 = 0
        let handle = tl_normalizer_get(form.rawValue, &status)
        guard !failed(status), let handle else {
            throw ICUError(code: status, operation: "opening the \(form) normaliser")
        }
        self.handle = handle
        self.form = form
    }

    public static let nfc = try! Normalizer(form: .nfc)  // ICU's built-in data: cannot fail once ICU loads.
    public static let nfd = try! Normalizer(form: .nfd)
    public static let nfkc = try! Normalizer(form: .nfkc)
    public static let nfkd = try! Normalizer(form: .nfkd)
    public static let nfkcCasefold = try! Normalizer(form: .nfkcCasefold)

    public static func instance(_ form: NormalizationForm) -> Normalizer {
        switch form {
        case .nfc: nfc
        case .nfd: nfd
        case .nfkc: nfkc
        case .nfkd: nfkd
        case .nfkcCasefold: nfkcCasefold
        }
    }

    /// Normalises UTF-16 text.
    package func normalize(utf16 source: UnsafeBufferPointer<UInt16>) throws(ICUError) -> [UInt16] {
        let handle = self.handle
        let form = self.form
        return try withGrowingUTF16(estimate: source.count + source.count / 4 + 8, operation: "normalising to \(form)") {
            dest, capacity, status in
            tl_normalize(handle, source.baseAddress, Int32(source.count), dest, capacity, &status)
        }
    }

    /// Normalises a string; text that quick-checks as already normalised is returned unchanged without copying.
    public func normalize(_ text: String) throws(ICUError) -> String {
        var utf16 = Array(text.utf16)
        return try utf16.withUnsafeMutableBufferPointer { (buffer) throws(ICUError) -> String in
            let source = UnsafeBufferPointer(buffer)
            if try spanOfNormalized(utf16: source) == source.count { return text }
            return String(decoding: try normalize(utf16: source), as: UTF16.self)
        }
    }

    /// ICU's quick check: `true` only when the text is certainly normalised ("maybe" counts as no).
    public func isNormalized(_ text: String) throws(ICUError) -> Bool {
        let utf16 = Array(text.utf16)
        return try utf16.withUnsafeBufferPointer { (buffer) throws(ICUError) -> Bool in
            try spanOfNormalized(utf16: buffer) == buffer.count
        }
    }

    /// Length of the longest prefix that is certainly normalised: the fast path for mostly clean text.
    package func spanOfNormalized(utf16 source: UnsafeBufferPointer<UInt16>) throws(ICUError) -> Int {
        var status: Int32 = 0
        let span = tl_normalize_span_yes(handle, source.baseAddress, Int32(source.count), &status)
        if failed(status) { throw ICUError(code: status, operation: "quick-checking \(form)") }
        return Int(span)
    }
}
