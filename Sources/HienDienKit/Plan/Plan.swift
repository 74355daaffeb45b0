/// Kế hoạch triển khai: a province's implementation plan — its units, indicators, targets,
/// appendix tasks and reporting rule, as decoded from a plan file (see docs/PLAN_FORMAT.md).
public struct Plan: Sendable {
    public var id: String
    public var title: String
    /// The plan's own reference ("Kế hoạch số …/KH-UBND"), if given.
    public var source: String?
    public var note: PlanNote?
    /// The day the plan was issued (ngày ban hành). Units owe reports, and are judged on time,
    /// from the first period whose due date falls after it; figures still count from `start`.
    public var issued: Day?
    /// Set when `issued` is the plan file's assumption (the seed gives no day).
    public var issuedAssumed: Assumption?
    /// Cơ quan ban hành: "Ủy ban nhân dân tỉnh Thanh Hóa".
    public var issuer: String
    /// The id of the unit that consolidates the reports (usually the DOST, SKHCN).
    public var coordinator: String
    /// Place name for the date line ("Thanh Hóa, ngày …").
    public var place: String
    public var start: Day
    public var end: Day
    public var reporting: ReportingRule
    public var document: DocumentInfo
    public var units: [ReportingUnit]
    public var indicators: [Indicator]
    public var targets: [Target]
    public var tasks: [PlanTask]
    /// What to rank units by, where the plan says so; nil: no ranking.
    public var ranking: RankingRule?
    /// Commendation criteria, where the plan states them; nil: no commendation.
    public var commendation: CommendationRule?

    public init(id: String, title: String, source: String? = nil, note: PlanNote? = nil, issuer: String,
                coordinator: String, place: String, start: Day, end: Day,
                reporting: ReportingRule = ReportingRule(), document: DocumentInfo = DocumentInfo(),
                units: [ReportingUnit], indicators: [Indicator], targets: [Target] = [], tasks: [PlanTask] = []) {
        self.id = id
        self.title = title
        self.source = source
        self.note = note
        self.issuer = issuer
        self.coordinator = coordinator
        self.place = place
        self.start = start
        self.end = end
        self.reporting = reporting
        self.document = document
        self.units = units
        self.indicators = indicators
        self.targets = targets
        self.tasks = tasks
    }

    public func unit(_ id: String) -> ReportingUnit? { units.first { $0.id == id } }
    public func indicator(_ id: String) -> Indicator? { indicators.first { $0.id == id } }

    /// Every quarter of the plan, in order.
    public var quarters: [Period] {
        var result: [Period] = []
        var period = Period.quarter(1, of: start.year)
        while period.year <= end.year {
            if contains(period) { result.append(period) }
            period = period.next
        }
        return result
    }

    /// Whether a period belongs to the plan: its calendar months (Quý II = April–June, a year =
    /// January–December) overlap the plan's life. The calendar span, not the data window, decides,
    /// so that a plan ending 31/12/2030 has no "Q1/2031" although Decree 09's Q1/2031 window
    /// opens on 15/12/2030.
    public func contains(_ period: Period) -> Bool {
        let months = ReportingRule(window: .calendar).window(for: period)
        return months.lowerBound <= end && months.upperBound >= start
    }

    /// The units expected to report for a period: none for a period due before the plan was
    /// issued; else those graded (`reports` true, not merely `informed`) that existed during
    /// some part of the period's window.
    public func expectedUnits(for period: Period) -> [ReportingUnit] {
        guard owes(period) else { return [] }
        let window = reporting.window(for: period)
        return units.filter { $0.isGraded && $0.exists(during: window) }
    }

    /// The unit types in the order they first appear among the units: the order of the
    /// appendix's tables, the type totals and the reporting rates.
    public var unitTypes: [String] {
        var seen: Set<String> = []
        return units.map(\.type).filter { seen.insert($0).inserted }
    }

    /// Whether units owe a report for `period`: its due date falls after the plan's issue day
    /// (every period when the plan gives no `issued`).
    public func owes(_ period: Period) -> Bool {
        guard let issued else { return true }
        return reporting.lastAllowedDay(for: period) > issued
    }

    /// Where a target's expected path starts: the plan's issue day (within the program
    /// period), or its start when the plan gives no issue day.
    public var pathStart: Day {
        guard let issued else { return start }
        return min(max(issued, start), end)
    }
}

/// The paperwork of a report: title and the dated issuers (number line, signature block,
/// recipients). The flat `number`/`signer_*`/`recipients` of older plan files read as the only issuer.
public struct DocumentInfo: Sendable, Hashable {
    /// Who issues the report, in date order (at least one once decoded).
    public var issuers: [ReportIssuer] = []
    /// "…/BC-SKHCN"
    public var number: String
    /// The words after "BÁO CÁO" ("Kết quả thực hiện Kế hoạch …").
    public var reportTitle: String?
    /// "KT. GIÁM ĐỐC" / "PHÓ GIÁM ĐỐC"
    public var signerTitle: [String]
    public var signerName: String
    /// Nơi nhận.
    public var recipients: [String]

    public init(number: String = "…/BC-SKHCN", reportTitle: String? = nil,
                signerTitle: [String] = ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"], signerName: String = "",
                recipients: [String] = ["Lưu: VT."]) {
        self.number = number
        self.reportTitle = reportTitle
        self.signerTitle = signerTitle
        self.signerName = signerName
        self.recipients = recipients
    }
}

/// Đơn vị báo cáo: a reporting unit (department, commune, university, Youth Union, …).
public struct ReportingUnit: Sendable, Hashable {
    public var id: String
    public var name: String
    /// ReportingUnit type from the plan's vocabulary: `department`, `commune`, `university`, …
    public var type: String
    /// The unit it reports through; its figures count in the parent's subtotal.
    public var parent: String?
    public var aliases: [String]
    /// False for units named in the plan that are not expected to report.
    public var reports: Bool
    /// First day of existence (a commune formed on 2025-07-01).
    public var from: Day?
    /// Last day of existence.
    public var until: Day?
    /// The successor after `until`.
    public var mergedInto: String?
    /// The unit its reports go through ("qua Sở KH&CN", "qua Văn phòng Sở"), separately from
    /// `parent` (where its figures roll up); nil: straight to the coordinator.
    public var via: String?
    /// Named in the plan only with "đề nghị" (a request, not an assignment): its figures count
    /// when it sends them, but it is never graded late or missing.
    public var informed: Bool = false
    /// Reference figures (population, enterprises, …) that rates divide by.
    public var reference: [ReferenceFigure] = []
    public var note: PlanNote?
    public var assumed: Assumption?
    /// Names the unit had before a rename, each with its last day: the unit keeps one id and one
    /// history; reports under a former name still match (the names are also aliases).
    public var formerNames: [FormerName] = []

    public init(id: String, name: String, type: String, parent: String? = nil, aliases: [String] = [],
                reports: Bool = true, from: Day? = nil, until: Day? = nil, mergedInto: String? = nil) {
        self.id = id
        self.name = name
        self.type = type
        self.parent = parent
        self.aliases = aliases
        self.reports = reports
        self.from = from
        self.until = until
        self.mergedInto = mergedInto
    }

    /// The unit's name on `day`: the first former name still in force, else its present name.
    public func name(on day: Day) -> String {
        formerNames.sorted { $0.until < $1.until }.first { day <= $0.until }?.name ?? name
    }

    /// A name a unit had until a day.
    public struct FormerName: Sendable, Hashable {
        public var name: String
        public var until: Day
        public init(name: String, until: Day) {
            self.name = name
            self.until = until
        }
    }

    /// Whether the unit owes reports and is graded on them.
    public var isGraded: Bool { reports && !informed }

    /// The unit's reference figure of a kind, if the plan gives one.
    public func reference(_ kind: ReferenceKind) -> ReferenceFigure? { reference.first { $0.kind == kind } }

    /// Whether the unit exists on `day`.
    public func exists(on day: Day) -> Bool { exists(during: day...day) }

    /// Whether the unit existed on at least one day of `window`.
    public func exists(during window: ClosedRange<Day>) -> Bool {
        if let from, from > window.upperBound { return false }
        if let until, until < window.lowerBound { return false }
        return true
    }
}

/// Chỉ tiêu theo dõi: a figure units report each period.
public struct Indicator: Sendable, Hashable {
    /// `sum`: a flow, added up over periods; `last`: a stock, the latest value counts.
    public enum OverTime: String, Sendable, Hashable, CaseIterable { case sum, last }

    public var id: String
    public var name: String
    /// What is counted ("tên miền", "doanh nghiệp").
    public var unit: String
    public var overTime: OverTime
    /// ReportingUnit types whose values count in totals; nil means every type.
    public var sources: Set<String>?
    /// Rates worked out for this indicator (per 1.000 people, per enterprise) where units have
    /// the reference figure.
    public var rates: [Rate] = []
    public var note: PlanNote?
    public var assumed: Assumption?

    public init(id: String, name: String, unit: String = "", overTime: OverTime, sources: Set<String>? = nil) {
        self.id = id
        self.name = name
        self.unit = unit
        self.overTime = overTime
        self.sources = sources
    }

    /// Whether values of a unit of `type` count in totals.
    public func counts(type: String) -> Bool {
        sources?.contains(type) ?? true
    }
}

/// Chỉ tiêu (mục tiêu): a target the plan sets, with its goal and deadline.
public struct Target: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// Σ numerator ÷ Σ denominator over units.
        case ratio(numerator: String, denominator: String)
        /// Cumulative sum of flow indicators from the plan's start.
        case count(indicators: [String])
        /// Share of the units of a type that reported a value > 0 for an indicator.
        case coverage(indicator: String, unitType: String)

        public var name: String {
            switch self {
            case .ratio: "ratio"
            case .count: "count"
            case .coverage: "coverage"
            }
        }

        /// Indicators the target reads.
        public var indicators: [String] {
            switch self {
            case let .ratio(numerator, denominator): [numerator, denominator]
            case let .count(indicators): indicators
            case let .coverage(indicator, _): [indicator]
            }
        }

        /// Ratios and coverage are fractions (0.5 = 50 %); counts are whole numbers.
        public var isFraction: Bool {
            if case .count = self { return false }
            return true
        }
    }

    public var id: String
    public var name: String
    public var kind: Kind
    public var goal: Double
    /// Upper end of a range target ("70 % to 80 %").
    public var goalHigh: Double?
    public var baseline: Double
    public var deadline: Day
    public var perUnit: Bool
    public var note: PlanNote?
    /// `yearly`: the goal applies to each calendar year on its own (figures from 1 January,
    /// deadline 31 December), as "Hàng năm, phấn đấu … 100 %" says.
    public var recursYearly: Bool = false
    /// Per-year goals of a yearly target (year → goal); a year not listed takes `goal`.
    public var goals: [Int: Double] = [:]
    /// The day the baseline value refers to, when the plan states one.
    public var baselineDate: Day?
    /// The baseline is the first reported value (the plan states none), said so in the report.
    public var baselineFromFirstReport: Bool = false
    /// Quota scope: the unit types a per-unit count applies to ("trường đại học, cao đẳng");
    /// empty: every type the indicator counts.
    public var unitTypes: [String] = []
    public var assumed: Assumption?
    /// Set on a yearly target in force for one year: the first day its figures count (1 January).
    public var periodStart: Day?

    public init(id: String, name: String, kind: Kind, goal: Double, goalHigh: Double? = nil, baseline: Double = 0,
                deadline: Day, perUnit: Bool = false, note: PlanNote? = nil) {
        self.id = id
        self.name = name
        self.kind = kind
        self.goal = goal
        self.goalHigh = goalHigh
        self.baseline = baseline
        self.deadline = deadline
        self.perUnit = perUnit
        self.note = note
    }
}

/// Nhiệm vụ: a task from the plan's appendix.
public struct PlanTask: Sendable, Hashable {
    public enum Schedule: Sendable, Hashable {
        /// Due by the end of a month ("Tháng 3/2026").
        case due(year: Int, month: Int)
        /// Owed every quarter ("Hàng quý").
        case quarterly
        /// Owed every year, in a given month if stated ("Tháng 11 hàng năm").
        case yearly(month: Int?)
        /// Ongoing ("Thường xuyên").
        case ongoing

        /// The last day of a one-off task's due month.
        public var dueDay: Day? {
            if case let .due(year, month) = self { return Day.endOf(month: month, year: year) }
            return nil
        }
    }

    public var id: String
    public var title: String
    /// Cơ quan chủ trì.
    public var lead: [String]
    /// Cơ quan phối hợp.
    public var partners: [String]
    public var schedule: Schedule
    /// The appendix's own wording of the time frame.
    public var timeframe: String?
    /// Expected output (kết quả, sản phẩm).
    public var output: String?
    public var quota: String?
    /// The quota as a count ("01 cuộc" → 1, "ít nhất 01 lần" → 1) that the task's status checks.
    public var quotaCount: Int?
    /// The flow indicator whose sum over the task's leads must reach `quotaCount`
    /// ("01 cuộc" hội nghị → `trainings_held`).
    public var quotaIndicator: String?
    public var note: PlanNote?
    public var assumed: Assumption?

    public init(id: String, title: String, lead: [String], partners: [String] = [], schedule: Schedule,
                timeframe: String? = nil, output: String? = nil, quota: String? = nil) {
        self.id = id
        self.title = title
        self.lead = lead
        self.partners = partners
        self.schedule = schedule
        self.timeframe = timeframe
        self.output = output
        self.quota = quota
    }
}
