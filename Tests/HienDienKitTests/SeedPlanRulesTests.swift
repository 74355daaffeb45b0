import Foundation
import Testing
@testable import HienDienKit

/// Each point where a plan file once bent its seed, quoted from the seed, and what the plan file
/// (and the engine on the sample reports) now says.
struct SeedPlanRulesTests {
    static func plan(_ id: String) throws -> Plan { try SeedPlanTests.plan(id) }
    static func day(_ text: String) -> Day { Day(parsing: text)! }

    /// The plan with every sample report of SampleData ingested, as `hiendien demo` does.
    static func sample(_ id: String) throws -> (Plan, Store) {
        let plan = try plan(id)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hiendien-seed-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let store = try Store(path: folder.appendingPathComponent("store.sqlite").path)
        let json = String(decoding: try Data(contentsOf: SeedPlanTests.repository.appendingPathComponent("SampleData/plans/\(id).json")),
                          as: UTF8.self)
        try store.load(plan: plan, json: json, file: "\(id).json")
        let ingester = ReportIngester(plan: plan, store: store)
        let reports = SeedPlanTests.repository.appendingPathComponent("SampleData/reports/\(id)")
        for file in try FileManager.default.contentsOfDirectory(atPath: reports.path).sorted()
        where file.hasSuffix(".csv") || file.hasSuffix(".json") {
            _ = try ingester.ingest(path: reports.appendingPathComponent(file).path, label: file,
                                    options: IngestOptions(today: plan.end.adding(days: 1)))
        }
        return (plan, store)
    }

    static func report(_ plan: Plan, _ store: Store, _ period: String, asOf: String) throws -> PeriodReport {
        try ReportEngine(plan: plan).report(for: Period(parsing: period)!, asOf: day(asOf), store: store)
    }

    // MARK: - Issue dates

    /// Cần Thơ: "Kế hoạch số 103/KH-UBND ngày 03/10/2025"; "(Kèm theo Kế hoạch số 103/KH-UBND ngày 03 tháng 10
    /// năm 2025 của Ủy ban nhân dân thành phố Cần Thơ)". Q1–Q3/2025 were due before it: nobody is late or missing.
    @Test func canThoIsIssuedOn3October2025AndOwesNothingBefore() throws {
        let (plan, store) = try Self.sample("can-tho-2025")
        #expect(plan.issued == Self.day("2025-10-03") && plan.issuedAssumed == nil)
        #expect(plan.start == Self.day("2025-01-01"))   // figures still count from January
        for quarter in ["2025-Q1", "2025-Q2", "2025-Q3"] {
            let report = try Self.report(plan, store, quarter, asOf: "2025-12-31")
            #expect(!report.submissions.contains { $0.status == .late || $0.status == .missing }, "\(quarter)")
        }
        let q4 = try Self.report(plan, store, "2025-Q4", asOf: "2025-12-20")
        #expect(!q4.submissions.isEmpty)
    }

    /// Hải Phòng: "Thực hiện Kế hoạch số 276/KH-UBND ngày 22/10/2025 của Ủy ban nhân dân thành phố …
    /// Sở Văn hóa, Thể thao và Du lịch xây dựng kế hoạch triển khai của Sở": issued after 22/10/2025,
    /// the day assumed; Q3/2025 (due 19/9/2025) grades nobody.
    @Test func haiPhongIsIssuedAfter22October2025() throws {
        let (plan, store) = try Self.sample("hai-phong-svhttdl-2025-2026")
        let issued = try #require(plan.issued)
        #expect(issued > Self.day("2025-10-22") && plan.issuedAssumed != nil)
        let q3 = try Self.report(plan, store, "2025-Q3", asOf: "2025-12-31")
        #expect(!q3.submissions.contains { $0.status == .late || $0.status == .missing })
        #expect(q3.submissions.isEmpty)
        #expect(plan.owes(.quarter(4, of: 2025)) && plan.owes(.year(2025)))
    }

    /// Trà Vinh: "Thực hiện Quyết định số 826/QĐ-BTTTT ngày 21/5/2024 của Bộ trưởng Bộ Thông tin và Truyền thông
    /// (nay là Bộ Khoa học và Công nghệ)" and tasks for "Sở Tài chính" on new enterprises: issued from 1/3/2025,
    /// by "Ủy ban nhân dân tỉnh" Trà Vinh (until 30/6/2025) — an assumed day in that range.
    @Test func traVinhIsIssuedBetweenMarchAndJune2025() throws {
        let plan = try Self.plan("tra-vinh-2024-2025")
        let issued = try #require(plan.issued)
        #expect(issued >= Self.day("2025-03-01") && issued <= Self.day("2025-06-30"))
        #expect(plan.issuedAssumed?.reason.contains("nay là Bộ Khoa học và Công nghệ") == true)
        #expect(!plan.owes(.quarter(4, of: 2024)) && !plan.owes(.year(2024)))
        #expect(plan.start == Self.day("2024-07-01"))   // "giai đoạn 2024 - 2025" still counts from 2024
    }

    // MARK: - Who issues the report

    /// Trà Vinh → Vĩnh Long on 1/7/2025; the report for a period after 30/6/2025 is issued in Vĩnh Long.
    @Test func traVinhReportsAfterJune2025AreIssuedInVinhLong() throws {
        let plan = try Self.plan("tra-vinh-2024-2025")
        let june = plan.document.issuer(on: plan.reporting.lastAllowedDay(for: .quarter(2, of: 2025)).adding(days: 1))
        #expect(june.authority == "Ủy ban nhân dân tỉnh Trà Vinh" && june.place == "Trà Vinh")
        for period in [Period.quarter(3, of: 2025), .quarter(4, of: 2025), .year(2025)] {
            let issuer = plan.document.issuer(on: plan.reporting.lastAllowedDay(for: period).adding(days: 1))
            #expect(issuer.authority == "Ủy ban nhân dân tỉnh Vĩnh Long" && issuer.place == "Vĩnh Long", "\(period)")
            #expect(issuer.area == "tỉnh Trà Vinh (cũ)")
        }
        // The printed year-end report of 2025 is headed and dated by the issuer of its date.
        let (sample, store) = try Self.sample("tra-vinh-2024-2025")
        let year = try Self.report(sample, store, "2025", asOf: "2025-12-15")
        let renderer = ReportRenderer(templates: TemplateLibrary(directory: SeedPlanTests.repository.appendingPathComponent("Templates")))
        let markdown = try renderer.markdown(year)
        #expect(markdown.contains("ỦY BAN NHÂN DÂN TỈNH VĨNH LONG") && markdown.contains("Vĩnh Long, ngày 15 tháng 12 năm 2025"))
        #expect(!markdown.contains("Trà Vinh, ngày"))
        // Provincial bodies keep their names after 1/7/2025.
        #expect(plan.unit("BAO_TV")?.name == "Báo Trà Vinh" && plan.unit("BAO_TV")?.until == nil)
        #expect(plan.unit("TINH_DOAN")?.name == "Tỉnh Đoàn Trà Vinh")
    }

    /// Hải Phòng: "định kỳ báo cáo (hàng quý, năm) kết quả triển khai kịp thời cho Ủy ban nhân dân thành phố
    /// qua Sở Khoa học và Công nghệ"; units report "về Sở Văn hóa, Thể thao và Du lịch (qua Văn phòng Sở)".
    @Test func haiPhongIsIssuedBySoVHTTDLViaSoKHCN() throws {
        let plan = try Self.plan("hai-phong-svhttdl-2025-2026")
        let issuer = plan.document.issuer(on: Self.day("2026-01-01"))
        #expect(issuer.authority == "Ủy ban nhân dân thành phố Hải Phòng")
        #expect(issuer.body == "Sở Văn hóa, Thể thao và Du lịch" && issuer.number == "…/BC-SVHTTDL")
        #expect(issuer.submittedTo == ["Ủy ban nhân dân thành phố Hải Phòng"] && issuer.via == "Sở Khoa học và Công nghệ")
        #expect(issuer.signerTitle == ["GIÁM ĐỐC"] && issuer.assumed != nil)   // the seed names no signer
        #expect(plan.coordinator == "SVHTTDL")
        let rooms = plan.units.filter { ["office", "school", "agency"].contains($0.type) && $0.id != "VP_SO" }
        #expect(!rooms.isEmpty && rooms.allSatisfy { $0.parent == "SVHTTDL" && $0.via == "VP_SO" })
        // "Phấn đấu đạt chỉ tiêu 50% đến 60% sinh viên đủ điện kiện đăng ký sử dụng tên miền “id.vn”" is its only target.
        #expect(plan.targets.map(\.id) == ["school_id_vn_share"])
    }

    /// Every report has a signer's name; none of the four seeds names the report's signer, so each is marked assumed.
    @Test(arguments: ["thanh-hoa-2026-2030", "tra-vinh-2024-2025", "can-tho-2025", "hai-phong-svhttdl-2025-2026"])
    func everyIssuerHasASignerNameMarkedAssumed(id: String) throws {
        let plan = try Self.plan(id)
        #expect(plan.document.issuers.allSatisfy { !$0.signerName.isEmpty && $0.assumed != nil })
    }

    // MARK: - Who reports, through whom

    /// Thanh Hóa: sở, UBND xã "báo cáo Ủy ban nhân dân tỉnh kết quả triển khai (qua Sở Khoa học và Công nghệ)";
    /// trường "(qua Sở Khoa học và Công nghệ, Sở Giáo dục và Đào tạo)"; "7. Đề nghị Ủy ban Mặt trận Tổ quốc Việt
    /// Nam tỉnh và các tổ chức thành viên … định kỳ thông tin".
    @Test func thanhHoaReportsViaSoKHCNAndOnlyRequestsTheFront() throws {
        let (plan, store) = try Self.sample("thanh-hoa-2026-2030")
        #expect(plan.units.filter { $0.type == "commune" }.allSatisfy { $0.via == "SKHCN" })
        #expect(plan.units.filter { ["university", "college"].contains($0.type) }.allSatisfy { $0.via == "SGDDT" })
        #expect(plan.unit("MTTQ")?.informed == true && plan.unit("TINH_DOAN")?.informed == true)
        // Units the plan gives no reporting duty (and the consolidating Sở KH&CN) send figures but are not graded.
        for id in ["SKHCN", "SVHTTDL", "BAO_PTTH", "CONG_TTDT", "HHDN", "VNPT_TH", "VIETTEL_TH"] {
            #expect(plan.unit(id)?.reports == true && plan.unit(id)?.informed == true, "\(id)")
        }
        let q2 = try Self.report(plan, store, "2026-Q2", asOf: "2026-06-20")
        let graded = Set(q2.submissions.map(\.unit))
        #expect(!graded.contains("MTTQ") && !graded.contains("SKHCN") && graded.contains("STC"))
        // Its figures still count: the Front's report is stored and shows in the indicators.
        #expect(q2.indicators.contains { $0.scope == .unit("MTTQ") })
    }

    // MARK: - Targets

    /// Thanh Hóa: "Hàng năm, phấn đấu truyền thông lan tỏa chương trình tới 100% doanh nghiệp nhỏ và vừa mới
    /// thành lập; hộ kinh doanh có giấy đăng ký kinh doanh": 2027's year-end has 2027's own targets.
    @Test func thanhHoa2027HasItsOwnYearlyTargets() throws {
        let plan = try Self.plan("thanh-hoa-2026-2030")
        for id in ["new_sme_outreach", "household_outreach"] {
            let target = try SeedPlanTests.target(plan, id)
            #expect(target.recursYearly && (2026...2030).allSatisfy { target.goals[$0] == 1.0 }, "\(id)")
        }
        let v = { (unit: String, period: String, indicator: String, value: Int64) in
            StoredValue(unit: unit, period: Period(parsing: period)!, indicator: indicator, value: value)
        }
        let values = [v("STC", "2026-Q3", "new_smes_year", 900), v("STC", "2026-Q3", "new_smes_reached", 900),
                      v("STC", "2027-Q3", "new_smes_year", 1000), v("STC", "2027-Q3", "new_smes_reached", 640)]
        let report = ReportEngine(plan: plan).report(for: .year(2027), asOf: Self.day("2027-12-15"), values: values,
                                                     submissions: [], taskReports: [], narratives: [])
        let sme = try #require(report.targets.first { $0.target.id == "new_sme_outreach" && $0.scope == .total })
        #expect(sme.target.deadline == Self.day("2027-12-31") && sme.goal == 1.0)
        // The year-end report of 2027 holds the year's own deadline: a final verdict (issue 11).
        #expect(sme.actual == 0.64 && sme.status == .notAchieved)
    }

    /// Thanh Hóa: "Đến năm 2030 đạt tối thiểu 50% doanh nghiệp …": no baseline stated, so the first report is it.
    @Test func thanhHoaSharesStartFromTheFirstReport() throws {
        let (plan, store) = try Self.sample("thanh-hoa-2026-2030")
        for id in ["enterprise_share", "student_share", "household_share"] {
            #expect(try SeedPlanTests.target(plan, id).baselineFromFirstReport, "\(id)")
        }
        let q2 = try Self.report(plan, store, "2026-Q2", asOf: "2026-06-20")
        let share = try #require(q2.targets.first { $0.target.id == "enterprise_share" && $0.scope == .total })
        #expect(share.target.baseline > 0 && share.target.baselineDate != nil)
        #expect(share.expected >= share.target.baseline && share.expected < 0.2)
        // Printed as such: the value, and that it is the first report's.
        let line = try #require(ReportContext(report: q2).baselineLines().first { $0.name == share.target.name })
        #expect(line.text == "Mốc xuất phát: 11,98 % (số liệu báo cáo đầu tiên, Quý I năm 2026).")
    }

    /// Cần Thơ: "Đại học Cần Thơ và các trường đại học, cao đẳng … Lập danh sách cử sinh viên (10 sinh viên/trường)":
    /// 5 universities and 3 colleges → 80.
    @Test func canThoTenVolunteersPerUniversityAndCollege() throws {
        let (plan, store) = try Self.sample("can-tho-2025")
        let quota = try SeedPlanTests.target(plan, "volunteers_per_university")
        #expect(quota.goal == 10 && quota.perUnit && Set(quota.unitTypes) == ["university", "college"])
        let q4 = try Self.report(plan, store, "2025-Q4", asOf: "2025-12-20")
        let total = try #require(q4.targets.first { $0.target.id == quota.id && $0.scope == .total })
        #expect(total.goal == 80)
        #expect(q4.targets.contains { $0.target.id == quota.id && $0.scope == .unit("CD_CAN_THO") && $0.status == .achieved })
        // Appendix I.1 "Tổ chức Hội nghị hướng dẫn triển khai thực hiện Kế hoạch này …", "01 cuộc": counted.
        let conference = try #require(plan.tasks.first { $0.id == "I.1" })
        #expect(conference.quota == "01 cuộc" && conference.quotaCount == 1 && conference.quotaIndicator == "trainings_held")
        #expect(q4.tasks.first { $0.task.id == "I.1" }.flatMap(\.quotaProgress).map { $0 >= 1 } == true)
    }

    /// Trà Vinh: the tasks of sections IV and VI the file had left out, in the seed's words.
    @Test func traVinhHasEveryTaskOfSectionsIVAndVI() throws {
        let plan = try Self.plan("tra-vinh-2024-2025")
        let quotes = [
            "IV.1.a": "Bám sát tài liệu truyền thông của Chương trình",
            "IV.1.b": "chủ động triển khai truyền thông về chương trình ưu đãi",
            "IV.1.c": "Tổ chức tập huấn, hướng dẫn cho doanh nghiệp, hộ kinh doanh, người dân",
            "IV.1.d": "Sử dụng các tư liệu truyền thông thống nhất",
            "IV.3.b": "Thực hiện các báo cáo định kỳ về tiến độ và kết quả triển khai",
            "VI.4.c": "Sử dụng các tư liệu truyền thông thống nhất của chương trình",
            "VI.5.d": "Sử dụng các tư liệu truyền thông thống nhất",
            "VI.7.c": "tư liệu truyền thông của chương trình",
            "VI.12.c": "Chủ động rà soát, nâng cao chất lượng dịch vụ, trải nghiệm khách hàng",
        ]
        for (id, words) in quotes {
            let task = try #require(plan.tasks.first { $0.id == id }, "\(id)")
            #expect(task.title.contains(words), "\(id)")
        }
        #expect(plan.tasks.first { $0.id == "IV.3.b" }?.schedule == .quarterly)
    }

    // MARK: - Rates, ranking, commendation

    /// .vn domains per 1.000 people for every commune with a population figure, and communes ranked by it
    /// (Thanh Hóa: "nâng cao chỉ số kinh tế số của tỉnh trong bộ chỉ số chuyển đổi số của tỉnh (DTI)").
    @Test func thanhHoaRanksCommunesByDomainsPer1000People() throws {
        let (plan, store) = try Self.sample("thanh-hoa-2026-2030")
        let report = try Self.report(plan, store, "2026-Q3", asOf: "2026-09-20")
        let withPopulation = plan.units.filter { $0.type == "commune" && $0.reference(.population) != nil }
        #expect(withPopulation.count == 10 && withPopulation.allSatisfy { $0.reference(.population)?.assumed != nil })
        let reporting = withPopulation.filter { unit in report.indicators.contains { $0.scope == .unit(unit.id) && $0.indicator == "id_vn_new" } }
        #expect(!reporting.isEmpty)
        for unit in reporting {
            let row = try #require(report.rateRows.first { $0.scope == .unit(unit.id) && $0.indicator == "id_vn_new" })
            #expect(row.result == exactRatio(row.value * 1000, unit.reference(.population)!.value))
        }
        let standings = try #require(report.ranking)
        #expect(Set(standings.ranked.map(\.unit)) == Set(reporting.map(\.id)))
        #expect(zip(standings.ranked, standings.ranked.dropFirst()).allSatisfy { $0.value >= $1.value })
        let csv = ReportTables.indicators(report)
        #expect(csv.contains(",per_1000_people\r\n"))
        // The report's values: the rate in Vietnamese form ("1,21") and the ranking under the plan's label.
        let context = ReportContext(report: report).planRulesContext()
        #expect(context["has_unit_rates"] == .bool(true))
        guard case let .object(ranking)? = context["plan_ranking"], case let .list(rows)? = ranking["rows"] else {
            Issue.record("no ranking in the report's values"); return
        }
        #expect(ranking["label"] == .string("Tên miền id.vn đăng ký mới trên 1.000 dân"))
        #expect(rows.count == standings.ranked.count)
        let best = try #require(standings.ranked.first)
        let bestName = try #require(plan.unit(best.unit)?.name)
        #expect(rows.first == .object(["rank": .string("1"), "unit": .string(bestName),
                                       "value": .string(VietnameseFormat.decimal(best.value, places: 2))]))
    }

    /// Only Thanh Hóa's seed asks for commendation ("đề xuất khen thưởng (nếu có)"); the others rank nothing.
    @Test func onlyThanhHoaDeclaresRankingAndCommendation() throws {
        for id in ["tra-vinh-2024-2025", "can-tho-2025", "hai-phong-svhttdl-2025-2026"] {
            let plan = try Self.plan(id)
            #expect(plan.ranking == nil && plan.commendation == nil, "\(id)")
        }
        let (plan, store) = try Self.sample("thanh-hoa-2026-2030")
        #expect(plan.commendation?.basis.contains("đề xuất khen thưởng (nếu có)") == true)
        let year = try Self.report(plan, store, "2026", asOf: "2026-12-15")
        let standings = try #require(year.ranking)
        // Phường Hàm Rồng reached all 2.222 of its household businesses in 2026.
        #expect(standings.commended == ["P_HAM_RONG"])
        let unit = year.targets.filter { $0.scope == .unit("P_HAM_RONG") }
        #expect(!unit.contains { $0.status == .behind })
    }
}
