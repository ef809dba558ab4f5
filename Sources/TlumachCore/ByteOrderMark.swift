/// The UTF-8 byte-order mark (EF BB BF), which readers drop and normalisers report.
package enum ByteOrderMark {
    package static let utf8: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// 3 when `bytes` begin with the UTF-8 mark, else 0.
    @inlinable
    package static func utf8Length<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> Int {
        var index = bytes.startIndex
        for expected: UInt8 in [0xEF, 0xBB, 0xBF] {
            guard index != bytes.endIndex, bytes[index] == expected else { return 0 }
            index = bytes.index(after: index)
        }
        return 3
    }
}
