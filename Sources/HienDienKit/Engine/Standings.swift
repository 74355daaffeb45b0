/// An indicator set against a reference figure for one unit (or the total): Σ cumulative value ÷
/// Σ reference × scale (1.000 for people), like every other ratio.
public struct RateRow: Hashable, Sendable {
    public var scope: Scope
    public var indicator: String
    public var rate: Rate
    /// The indicator's cumulative figure (from the plan's start; the latest value for a stock).
    public var value: Int64
    /// The reference figure (Σ over units for `TOTAL`).
    public var reference: Int64
    /// The reference figure's date (the latest among the units for `TOTAL`).
    public var referenceDate: Day
    /// value × scale ÷ reference, 4 places.
    public var result: Double
}

/// A unit's place in the plan's ranking.
public struct RankedUnit: Hashable, Sendable {
    public var unit: String
    /// What the unit is ranked by: the indicator's value or rate, or the target's per-unit result.
    public var value: Double
    /// 1 for the first; units with equal values share a rank.
    public var rank: Int
}

/// The ranking and commendation a plan declares, worked out for a period.
public struct Standings: Hashable, Sendable {
    /// Ranked units, best first; empty when the plan declares commendation only.
    public var ranked: [RankedUnit]
    /// Ids of the units proposed for commendation (meeting every criterion), in plan order.
    public var commended: [String]
    /// Whether the plan declares a ranking (as opposed to commendation only).
    public var hasRanking: Bool
    /// Whether the plan declares commendation criteria.
    public var hasCommendation: Bool
}
