/// SplitMix64 (Steele, Lea, Flood 2014): a tiny, fast, well-mixed generator.
///
/// The benchmark data (`hiendien-gen`) and the property tests must be byte-identical for the
/// same seed on every machine and every Swift version, so nothing here touches Foundation's or
/// the standard library's random sources (whose algorithms are unspecified).
public struct SplitMix64: Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A whole number in `0...bound` (bound ≥ 0). The modulo bias is irrelevant for
    /// benchmark data and keeps the sequence trivially reproducible in other languages.
    public mutating func upTo(_ bound: Int) -> Int {
        bound <= 0 ? 0 : Int(next() % UInt64(bound + 1))
    }

    /// A whole number in `range`.
    public mutating func within(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + upTo(range.upperBound - range.lowerBound)
    }

    /// A fraction in [0, 1) with 53 bits of precision.
    public mutating func fraction() -> Double {
        Double(next() >> 11) * (1.0 / 9_007_199_254_740_992.0)
    }
}
