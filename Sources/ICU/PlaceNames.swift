import CICU

/// CLDR's names of the world's countries and territories, and of the cities that name its time zones, in a
/// language, from the system ICU: what English calls Італія, Пакистан, Мадрид or Токіо, so that a check can tell a
/// foreign place's established English name from a misspelt Ukrainian one.
public enum PlaceNames {
    /// The name of each ISO 3166 region ICU knows, in the order of ICU's list (the same for every language, so two
    /// calls pair up by index); nil where ICU has no name for it in `language`.
    public static func regions(in language: String) -> [String?] {
        let count = tl_region_count()
        var buffer = [UInt16](repeating: 0, count: 128)
        return (0..<count).map { index in
            var status: Int32 = 0
            let length = tl_region_display_name(index, language, &buffer, Int32(buffer.count), &status)
            // A region without a name comes back as its two-letter code.
            guard !failed(status), length > 2, Int(length) <= buffer.count else { return nil }
            return String(decoding: buffer[0..<Int(length)], as: UTF16.self)
        }
    }

    /// The exemplar city of each time zone ICU knows (Europe/Madrid: Madrid, Мадрид), or of those of `region` (an
    /// ISO 3166 code), in the order of ICU's list (pairing up by index as `regions` do); nil where it has none.
    public static func cities(in language: String, region: String? = nil) -> [String?] {
        var buffer = [UInt16](repeating: 0, count: 1 << 16)
        var status: Int32 = 0
        var length = tl_zone_cities(language, region, &buffer, Int32(buffer.count), &status)
        if failed(status) {
            // Only a full buffer fails here: once more with room for every name.
            buffer = [UInt16](repeating: 0, count: 1 << 20)
            status = 0
            length = tl_zone_cities(language, region, &buffer, Int32(buffer.count), &status)
            guard !failed(status) else { return [] }
        }
        return buffer[0..<Int(length)].split(separator: 0, omittingEmptySubsequences: false).dropLast().map {
            $0.isEmpty ? nil : String(decoding: $0, as: UTF16.self)
        }
    }
}
