/// What a reference figure counts.
public enum ReferenceKind: String, Sendable, Hashable, CaseIterable {
    case population
    case enterprises
    case householdBusinesses = "household_businesses"
    case students
}

/// A unit's reference figure (dân số, số doanh nghiệp, hộ kinh doanh, sinh viên) with the day it
/// refers to and its source (a statistical yearbook, the plan). Rates divide by these.
public struct ReferenceFigure: Sendable, Hashable {
    public var kind: ReferenceKind
    public var value: Int64
    /// The day the figure refers to ("2024-12-31" for a yearbook's end-of-year figure).
    public var date: Day
    /// Where it comes from ("Niên giám thống kê tỉnh … 2024"); a sample says so.
    public var source: String
    public var assumed: Assumption?

    public init(kind: ReferenceKind, value: Int64, date: Day, source: String, assumed: Assumption? = nil) {
        self.kind = kind
        self.value = value
        self.date = date
        self.source = source
        self.assumed = assumed
    }
}
