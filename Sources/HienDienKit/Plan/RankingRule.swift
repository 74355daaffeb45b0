/// A rate: a figure set against a reference figure of the same units (Σ value ÷ Σ reference,
/// like every other ratio), as the DTI and EBI indices compare provinces.
public enum Rate: String, Sendable, Hashable, CaseIterable {
    /// Per 1.000 people (reference figure `population`).
    case per1000People = "per_1000_people"
    /// Per enterprise (reference figure `enterprises`).
    case perEnterprise = "per_enterprise"
    /// Per household business (reference figure `household_businesses`).
    case perHouseholdBusiness = "per_household_business"
    /// Per student (reference figure `students`).
    case perStudent = "per_student"

    /// The reference figure the rate divides by.
    public var reference: ReferenceKind {
        switch self {
        case .per1000People: .population
        case .perEnterprise: .enterprises
        case .perHouseholdBusiness: .householdBusinesses
        case .perStudent: .students
        }
    }

    /// What one unit of the rate is: 1.000 people, 1 enterprise.
    public var scale: Double { self == .per1000People ? 1000 : 1 }
}

/// Which indicator or target the plan ranks units by, where the plan says so.
public struct RankingRule: Sendable, Hashable {
    /// An indicator id (ranked by its value over the period) or a target id (by its per-unit result).
    public var by: String
    /// The column heading, in the plan's words ("Số tên miền id.vn đăng ký mới").
    public var label: String
    /// Unit types ranked; empty: every reporting unit.
    public var unitTypes: [String]
    /// Ranked by a rate rather than the raw figure.
    public var rate: Rate?

    public init(by: String, label: String, unitTypes: [String] = [], rate: Rate? = nil) {
        self.by = by
        self.label = label
        self.unitTypes = unitTypes
        self.rate = rate
    }
}

/// Commendation criteria, where the plan states them: target ids a unit must meet.
public struct CommendationRule: Sendable, Hashable {
    public var criteria: [String]
    /// The plan's own words ("đề xuất khen thưởng (nếu có)").
    public var basis: String

    public init(criteria: [String], basis: String) {
        self.criteria = criteria
        self.basis = basis
    }
}
