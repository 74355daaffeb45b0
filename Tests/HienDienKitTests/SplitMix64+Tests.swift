import HienDienKit

/// What the property tests draw from the library's `SplitMix64`, so that a failure replays
/// from its seed.
extension SplitMix64 {
    /// A whole number in `0..<bound` (bound > 0).
    mutating func next(below bound: Int) -> Int { Int(next() % UInt64(bound)) }

    /// One of `items`.
    mutating func pick<T>(_ items: [T]) -> T { items[next(below: items.count)] }

    /// True `percent` times in a hundred.
    mutating func chance(_ percent: UInt64) -> Bool { next() % 100 < percent }
}
