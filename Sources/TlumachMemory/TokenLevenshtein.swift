/// Levenshtein distance over token ids, and the OmegaT-compatible similarity built on it.
package enum TokenLevenshtein {
    /// OmegaT's fuzzy score: 100·(max(n,m) − LD)/max(n,m). Two empty sequences share nothing to compare: 0.
    @inline(__always)
    package static func score(distance: Int, _ n: Int, _ m: Int) -> Double {
        let longest = max(n, m)
        guard longest > 0 else { return 0 }
        return 100 * Double(longest - distance) / Double(longest)
    }

    /// Plain dynamic programming in one row, O(n·m): the reference the bit-parallel version is tested against and
    /// the fallback for patterns longer than 64 tokens.
    package static func distance(_ a: UnsafeBufferPointer<UInt32>, _ b: UnsafeBufferPointer<UInt32>) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var row = Array(0...b.count)
        for i in 1...a.count {
            var diagonal = row[0]
            row[0] = i
            let token = a[i - 1]
            for j in 1...b.count {
                let above = row[j]
                row[j] = token == b[j - 1] ? diagonal : min(diagonal, above, row[j - 1]) + 1
                diagonal = above
            }
        }
        return row[b.count]
    }

    package static func distance(_ a: [UInt32], _ b: [UInt32]) -> Int {
        a.withUnsafeBufferPointer { x in b.withUnsafeBufferPointer { y in distance(x, y) } }
    }
}

/// A query prepared for bit-parallel edit distance (Myers 1999, in Hyyrö's formulation for the global distance):
/// each distinct query token gets a bitmask of its positions, kept in a small open-addressing table of flat arrays
/// (token id → mask), so comparing against a candidate of m tokens costs m steps of a few machine instructions and
/// preparing a query allocates nothing proportional to the vocabulary.
package struct BitParallelPattern: Sendable {
    package let tokens: [UInt32]
    private var keys: [UInt32]
    private var masks: [UInt64]
    private let tableMask: Int

    package init(_ tokens: [UInt32]) {
        self.tokens = tokens
        var size = 64
        while size < tokens.count * 4 { size <<= 1 }
        tableMask = size - 1
        keys = [UInt32](repeating: .max, count: size)
        masks = [UInt64](repeating: 0, count: size)
        guard tokens.count <= 64 else { return }
        for (position, token) in tokens.enumerated() {
            var index = Self.hash(token) & tableMask
            while keys[index] != .max && keys[index] != token { index = (index + 1) & tableMask }
            keys[index] = token
            masks[index] |= 1 << UInt64(position)
        }
    }

    @inline(__always)
    private static func hash(_ token: UInt32) -> Int {
        Int(truncatingIfNeeded: (UInt64(token) &* 0x9E37_79B9_7F4A_7C15) >> 40)
    }

    /// The edit distance between the pattern and `text`.
    package func distance(to text: UnsafeBufferPointer<UInt32>) -> Int {
        let m = tokens.count
        if m == 0 { return text.count }
        if m > 64 { return tokens.withUnsafeBufferPointer { TokenLevenshtein.distance($0, text) } }
        var vp: UInt64 = m == 64 ? ~0 : (1 << UInt64(m)) - 1
        var vn: UInt64 = 0
        let last: UInt64 = 1 << UInt64(m - 1)
        var score = m
        let tableMask = self.tableMask
        return keys.withUnsafeBufferPointer { keys in
            masks.withUnsafeBufferPointer { masks in
                for token in text {
                    var index = Self.hash(token) & tableMask
                    var eq: UInt64 = 0
                    while true {
                        let key = keys[index]
                        if key == token {
                            eq = masks[index]
                            break
                        }
                        if key == .max { break }
                        index = (index + 1) & tableMask
                    }
                    let xv = eq | vn
                    let xh = (((eq & vp) &+ vp) ^ vp) | eq
                    var hp = vn | ~(xh | vp)
                    var hn = vp & xh
                    if hp & last != 0 {
                        score += 1
                    } else if hn & last != 0 {
                        score -= 1
                    }
                    // The top row of the DP matrix grows by one per text token: carry 1 into the horizontal delta.
                    hp = (hp << 1) | 1
                    hn = hn << 1
                    vp = hn | ~(xv | hp)
                    vn = hp & xv
                }
                return score
            }
        }
    }

    package func distance(to text: [UInt32]) -> Int {
        text.withUnsafeBufferPointer { distance(to: $0) }
    }
}
