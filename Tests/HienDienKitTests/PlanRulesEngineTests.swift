import Testing
@testable import HienDienKit

/// The engine side of the plan additions, each from a plan's own words, worked out by hand.
struct PlanRulesEngineTests {
    typealias E = ReportEngineTests
    static func day(_ text: String) -> Day { Day(parsing: text)! }
    static func run(_ plan: Plan, _ period: String, asOf: String = "2030-12-31", values: [StoredValue] = [],
                    submissions: [SubmissionRecord] = []) -> PeriodReport {
        ReportEngine(plan: plan).report(for: Period(parsing: period)!, asOf: day(asOf), values: values,
                                        submissions: submissions, taskReports: [], narratives: [])
    }

    /// Cần Thơ: "Kế hoạch số 103/KH-UBND ngày 03/10/2025", program counted from 01/01/2025.
    /// Q3/2025 (due 19/09/2025) is not owed; Q4/2025 (due 19/12/2025) is; figures of Q1 still count.
    @Test func unitsOweReportsOnlyForPeriodsDueAfterThePlanIsIssued() throws {
        var plan = E.plan(start: "2025-01-01", end: "2025-12-31",
                          units: [ReportingUnit(id: "SKHCN", name: "Sở KH&CN", type: "department", reports: false),
                                  ReportingUnit(id: "DHCT", name: "Đại học Cần Thơ", type: "university")],
                          indicators: [Indicator(id: "id_vn_new", name: "id.vn", overTime: .sum)],
                          targets: [Target(id: "n", name: "n", kind: .count(indicators: ["id_vn_new"]), goal: 100,
                                           deadline: Self.day("2025-12-31"))])
        plan.issued = Self.day("2025-10-03")
        let q3 = Self.run(plan, "2025-Q3", asOf: "2025-12-31")
        #expect(q3.submissions.isEmpty)
        let q4 = Self.run(plan, "2025-Q4", asOf: "2025-12-31",
                          values: [E.v("DHCT", "2025-Q1", "id_vn_new", 30), E.v("DHCT", "2025-Q4", "id_vn_new", 10)])
        #expect(q4.submissions.map(\.unit) == ["DHCT"] && q4.submissions[0].status == .missing)
        #expect(q4.targets[0].actual == 40)
        // The expected path runs from 03/10/2025 (0) to 31/12/2025 (100): by 14/12/2025, 72 of 89 days → 81.
        #expect(q4.targets[0].expected == 81)
    }

    /// Thanh Hóa: "Ủy ban MTTQ Việt Nam tỉnh" is only requested ("Đề nghị"): never graded.
    @Test func anInformedUnitIsNeverGraded() {
        var mttq = ReportingUnit(id: "MTTQ", name: "Ủy ban MTTQ Việt Nam tỉnh", type: "mass_org")
        mttq.informed = true
        let plan = E.plan(units: [ReportingUnit(id: "SKHCN", name: "Sở KH&CN", type: "department"), mttq],
                          indicators: [Indicator(id: "x", name: "x", overTime: .sum)])
        #expect(Self.run(plan, "2026-Q2").submissions.map(\.unit) == ["SKHCN"])
    }

    /// Thanh Hóa: "Hàng năm, phấn đấu truyền thông lan tỏa chương trình tới 100% doanh nghiệp nhỏ
    /// và vừa mới thành lập": in 2027 the target counts 2027's figures against 2027's own goal.
    @Test func aYearlyTargetCountsItsOwnYear() throws {
        var target = Target(id: "new_sme_outreach", name: "SME", kind: .ratio(numerator: "reached", denominator: "founded"),
                            goal: 1.0, deadline: Self.day("2030-12-31"))
        target.recursYearly = true
        target.goals = [2027: 0.9]
        let plan = E.plan(units: [ReportingUnit(id: "STC", name: "Sở Tài chính", type: "department")],
                          indicators: [Indicator(id: "reached", name: "r", overTime: .sum),
                                       Indicator(id: "founded", name: "f", overTime: .sum)],
                          targets: [target])
        let values = [E.v("STC", "2026-Q4", "reached", 500), E.v("STC", "2026-Q4", "founded", 500),
                      E.v("STC", "2027-Q2", "reached", 300), E.v("STC", "2027-Q2", "founded", 400)]
        let year = try #require(Self.run(plan, "2027", values: values).targets.first)
        #expect(year.numerator == 300 && year.denominator == 400 && year.actual == 0.75)
        #expect(year.goal == 0.9 && year.target.deadline == Self.day("2027-12-31"))
        // The 2027 report holds the year's own deadline: the verdict is final (issue 11).
        #expect(year.status == .notAchieved)
        let earlier = try #require(Self.run(plan, "2026", values: values).targets.first)
        #expect(earlier.goal == 1.0 && earlier.actual == 1.0 && earlier.status == .achieved)
    }

    /// Cần Thơ: "10 sinh viên/trường" for "các trường đại học, cao đẳng": 2 universities and 1
    /// college → TOTAL goal 30; a department's volunteers are not in the quota.
    @Test func aQuotaCountsEveryUnitOfItsTypesAtThePeriodsEnd() throws {
        var quota = Target(id: "volunteers", name: "10 sinh viên/trường", kind: .count(indicators: ["volunteers"]),
                           goal: 10, deadline: Self.day("2026-12-31"), perUnit: true)
        quota.unitTypes = ["university", "college"]
        let plan = E.plan(units: [ReportingUnit(id: "SKHCN", name: "Sở", type: "department"),
                                  ReportingUnit(id: "DH1", name: "ĐH 1", type: "university"),
                                  ReportingUnit(id: "DH2", name: "ĐH 2", type: "university"),
                                  ReportingUnit(id: "CD1", name: "CĐ 1", type: "college"),
                                  ReportingUnit(id: "CD2", name: "CĐ 2", type: "college", until: Self.day("2026-06-30"))],
                          indicators: [Indicator(id: "volunteers", name: "v", overTime: .sum)], targets: [quota])
        let report = Self.run(plan, "2026-Q3", values: [E.v("DH1", "2026-Q3", "volunteers", 10),
                                                        E.v("SKHCN", "2026-Q3", "volunteers", 7)])
        let total = try #require(report.targets.first { $0.scope == .total })
        #expect(total.goal == 30 && total.actual == 10)
        #expect(!report.targets.contains { $0.scope == .unit("SKHCN") })
    }

    /// Rates: Σ domains ÷ Σ population × 1.000 over the communes with a population figure.
    @Test func aRateIsTheRatioOfSumsOverUnitsWithTheReference() throws {
        let when = Self.day("2024-12-31")
        var a = ReportingUnit(id: "A", name: "Xã A", type: "commune")
        a.reference = [ReferenceFigure(kind: .population, value: 20_000, date: when, source: "mẫu")]
        var b = ReportingUnit(id: "B", name: "Xã B", type: "commune")
        b.reference = [ReferenceFigure(kind: .population, value: 30_000, date: when, source: "mẫu")]
        let c = ReportingUnit(id: "C", name: "Xã C", type: "commune")
        var indicator = Indicator(id: "id_vn_new", name: "id.vn", overTime: .sum)
        indicator.rates = [.per1000People]
        var plan = E.plan(units: [a, b, c], indicators: [indicator])
        plan.ranking = RankingRule(by: "id_vn_new", label: "Tên miền trên 1.000 dân", unitTypes: ["commune"],
                                   rate: .per1000People)
        let report = Self.run(plan, "2026-Q2", values: [E.v("A", "2026-Q1", "id_vn_new", 30), E.v("A", "2026-Q2", "id_vn_new", 10),
                                                        E.v("B", "2026-Q2", "id_vn_new", 45), E.v("C", "2026-Q2", "id_vn_new", 99)])
        // A: 40 / 20.000 × 1.000 = 2.0; B: 45 / 30.000 × 1.000 = 1.5; TOTAL 85 / 50.000 × 1.000 = 1.7 (C has no figure).
        #expect(report.rateRows.map(\.scope) == [.unit("A"), .unit("B"), .total])
        #expect(report.rateRows.map(\.result) == [2.0, 1.5, 1.7])
        let standings = try #require(report.ranking)
        #expect(standings.ranked.map(\.unit) == ["A", "B"] && standings.ranked.map(\.rank) == [1, 2])
        #expect(standings.commended.isEmpty && !standings.hasCommendation)
        let csv = ReportTables.indicators(report)
        #expect(csv.contains("period,unit,indicator,value,cumulative,carried,per_1000_people\r\n"))
        #expect(csv.contains("2026-Q2,A,id_vn_new,10,40,0,2.0000\r\n"))
        #expect(csv.contains("2026-Q2,C,id_vn_new,99,99,0,\r\n"))
        // TOTAL's rate is over the units with the figure (85 / 50.000), not the whole TOTAL (184).
        #expect(csv.contains("2026-Q2,TOTAL,id_vn_new,154,184,0,1.7000\r\n"))
    }

    /// No ranking and no commendation unless the plan declares them.
    @Test func noStandingsWithoutTheirRules() {
        let plan = E.plan(units: [ReportingUnit(id: "A", name: "Xã A", type: "commune")],
                          indicators: [Indicator(id: "x", name: "x", overTime: .sum)])
        #expect(Self.run(plan, "2026").ranking == nil)
    }

    /// Commendation: every criterion achieved, nothing behind, and the unit exists at the period's end.
    @Test func aCommendedUnitMeetsEveryCriterionAndStillExists() throws {
        let share = Target(id: "share", name: "Tỷ lệ", kind: .ratio(numerator: "with_vn", denominator: "total"),
                           goal: 0.3, deadline: Self.day("2030-12-31"), perUnit: true)
        var plan = E.plan(units: [ReportingUnit(id: "A", name: "Xã A", type: "commune"),
                                  ReportingUnit(id: "B", name: "Xã B", type: "commune"),
                                  ReportingUnit(id: "C", name: "Xã C", type: "commune", until: Self.day("2026-06-30"))],
                          indicators: [Indicator(id: "with_vn", name: "n", overTime: .last),
                                       Indicator(id: "total", name: "d", overTime: .last)], targets: [share])
        plan.commendation = CommendationRule(criteria: ["share"], basis: "đề xuất khen thưởng (nếu có)")
        let values = ["A": (40, 100), "B": (10, 100), "C": (90, 100)].flatMap { unit, pair in
            [E.v(unit, "2026-Q1", "with_vn", Int64(pair.0)), E.v(unit, "2026-Q1", "total", Int64(pair.1))]
        }
        let standings = try #require(Self.run(plan, "2026", values: values).ranking)
        #expect(standings.commended == ["A"])
        #expect(standings.ranked.isEmpty && !standings.hasRanking)
    }

    /// A share target with "first_report" as baseline starts its path there (Thanh Hóa's 12,15 %).
    @Test func aFirstReportBaselineIsTheFirstReportedShare() throws {
        var share = Target(id: "share", name: "Tỷ lệ", kind: .ratio(numerator: "with_vn", denominator: "total"),
                           goal: 0.5, deadline: Self.day("2030-12-31"))
        share.baselineFromFirstReport = true
        let plan = E.plan(units: [ReportingUnit(id: "STC", name: "Sở Tài chính", type: "department")],
                          indicators: [Indicator(id: "with_vn", name: "n", overTime: .last),
                                       Indicator(id: "total", name: "d", overTime: .last)], targets: [share])
        let values = [E.v("STC", "2026-Q2", "with_vn", 1215), E.v("STC", "2026-Q2", "total", 10000),
                      E.v("STC", "2026-Q3", "with_vn", 1300), E.v("STC", "2026-Q3", "total", 10000)]
        let q2 = try #require(Self.run(plan, "2026-Q2", values: values).targets.first)
        #expect(q2.target.baseline == 0.1215 && q2.target.baselineDate == Self.day("2026-06-14"))
        #expect(q2.expected == 0.1215)
        let q3 = try #require(Self.run(plan, "2026-Q3", values: values).targets.first)
        #expect(q3.target.baseline == 0.1215 && q3.expected > 0.1215 && q3.expected < 0.15)
    }
}

extension PlanRulesEngineTests {
    /// Cần Thơ's appendix I.1: "Tổ chức Hội nghị hướng dẫn triển khai thực hiện Kế hoạch", "01 cuộc": a lead
    /// saying "done" with no conference counted is not done.
    @Test func aCountedQuotaDecidesWhetherATaskIsDone() throws {
        var task = PlanTask(id: "I.1", title: "Tổ chức Hội nghị hướng dẫn triển khai", lead: ["SKHCN"],
                            schedule: .due(year: 2026, month: 10), quota: "01 cuộc")
        task.quotaCount = 1
        task.quotaIndicator = "trainings_held"
        let plan = E.plan(units: [ReportingUnit(id: "SKHCN", name: "Sở KH&CN", type: "department")],
                          indicators: [Indicator(id: "trainings_held", name: "Hội nghị", overTime: .sum)], tasks: [task])
        let said = [TaskReport(unit: "SKHCN", period: .quarter(4, of: 2026), task: "I.1", status: .done, evidence: "Đã tổ chức")]
        let none = ReportEngine(plan: plan).report(for: .quarter(4, of: 2026), asOf: Self.day("2026-12-20"), values: [],
                                                   submissions: [], taskReports: said, narratives: [])
        #expect(none.tasks[0].status == .overdue && none.tasks[0].quotaProgress == 0)
        let held = ReportEngine(plan: plan).report(for: .quarter(4, of: 2026), asOf: Self.day("2026-12-20"),
                                                   values: [E.v("SKHCN", "2026-Q4", "trainings_held", 1)],
                                                   submissions: [], taskReports: said, narratives: [])
        #expect(held.tasks[0].status == .done && held.tasks[0].quotaProgress == 1)
    }
}

extension PlanRulesEngineTests {
    /// Ranking by a target ranks its per-unit results; equal values share a rank.
    @Test func rankingByATargetUsesItsPerUnitResults() throws {
        let share = Target(id: "household_share", name: "Tỷ lệ hộ kinh doanh", kind: .ratio(numerator: "with_vn", denominator: "total"),
                           goal: 0.3, deadline: Self.day("2030-12-31"), perUnit: true)
        var plan = E.plan(units: [ReportingUnit(id: "A", name: "Xã A", type: "commune"),
                                  ReportingUnit(id: "B", name: "Xã B", type: "commune"),
                                  ReportingUnit(id: "C", name: "Xã C", type: "commune")],
                          indicators: [Indicator(id: "with_vn", name: "n", overTime: .last),
                                       Indicator(id: "total", name: "d", overTime: .last)], targets: [share])
        plan.ranking = RankingRule(by: "household_share", label: "Tỷ lệ hộ kinh doanh dùng .vn")
        // A 20/100, B 10/50 (both 0.2), C 3/100.
        let values = [("A", 20, 100), ("B", 10, 50), ("C", 3, 100)].flatMap { unit, n, d in
            [E.v(unit, "2026-Q2", "with_vn", Int64(n)), E.v(unit, "2026-Q2", "total", Int64(d))]
        }
        let standings = try #require(Self.run(plan, "2026-Q2", values: values).ranking)
        #expect(standings.ranked.map(\.unit) == ["A", "B", "C"])
        #expect(standings.ranked.map(\.rank) == [1, 1, 3])
        #expect(standings.ranked.map(\.value) == [0.2, 0.2, 0.03])
    }
}
