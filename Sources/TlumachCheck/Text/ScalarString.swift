/// A string made from scalars by encoding them straight to UTF-8: appending scalars to a
/// `String.UnicodeScalarView` goes one scalar at a time through the slow path and showed in profiles.
enum ScalarString {
    static func make(_ scalars: some Collection<Unicode.Scalar>) -> String {
        if scalars.isEmpty { return "" }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(scalars.count * 2)
        for scalar in scalars { UTF8.encode(scalar) { bytes.append($0) } }
        return String(decoding: bytes, as: UTF8.self)
    }
}
