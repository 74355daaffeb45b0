import Foundation
import Testing
@testable import HienDienKit

/// The reports people sign, rendered with the real `Templates/` from a small plan computed
/// by the pure engine: figures in each format, escaping, determinism, files on disk.
struct ReportRendererTests {
    // MARK: - Fixture

    static func day(_ text: String) -> Day { Day(parsing: text)! }
    static func period(_ text: String) -> Period { Period(parsing: text)! }

    /// The repository's `Templates/`, found from this file's place.
    static let templatesFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Templates", isDirectory: true)

    /// Golden files and other fixtures of these tests.
    static let fixturesFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().appendingPathComponent("Fixtures/render", isDirectory: true)

    static let renderer = ReportRenderer(templates: TemplateLibrary(directory: templatesFolder))

    /// A Thanh Hóa-like plan from 01/07/2025 to 31/12/2026: a range ratio target evaluated per
    /// unit, a count target, a one-off and a quarterly task.
    static let plan = Plan(
        id: "thanh-hoa-test", title: "Kế hoạch triển khai Chương trình hỗ trợ hiện diện trực tuyến trên tên miền .vn",
        source: "Kế hoạch số 12/KH-UBND ngày 05/01/2026 của UBND tỉnh",
        issuer: "Ủy ban nhân dân tỉnh Thanh Hóa", coordinator: "SKHCN", place: "Thanh Hóa",
        start: day("2025-07-01"), end: day("2026-12-31"),
        document: DocumentInfo(number: "…/BC-SKHCN", signerName: "Nguyễn Văn An",
                               recipients: ["Bộ Khoa học và Công nghệ (để b/c);", "UBND tỉnh (để b/c);",
                                            "Giám đốc Sở (để b/c);", "Lưu: VT, CNS."]),
        units: [
            ReportingUnit(id: "SKHCN", name: "Sở Khoa học và Công nghệ", type: "department"),
            ReportingUnit(id: "STC", name: "Sở Tài chính", type: "department"),
            ReportingUnit(id: "XA_QP", name: "UBND xã Quảng Phú", type: "commune"),
            ReportingUnit(id: "PH_HT", name: "UBND phường Hạc Thành", type: "commune"),
            ReportingUnit(id: "CDYT", name: "Trường Cao đẳng Y tế Thanh Hóa", type: "college"),
            ReportingUnit(id: "TINHDOAN", name: "Tỉnh Đoàn Thanh Hóa", type: "youth_union"),
        ],
        indicators: [
            Indicator(id: "biz_vn_users", name: "Doanh nghiệp, hộ kinh doanh sử dụng tên miền biz.vn",
                      unit: "cơ sở", overTime: .last),
            Indicator(id: "biz_eligible", name: "Doanh nghiệp, hộ kinh doanh thuộc đối tượng", unit: "cơ sở",
                      overTime: .last),
            Indicator(id: "id_vn_new", name: "Tên miền id.vn đăng ký mới", unit: "tên miền", overTime: .sum),
            Indicator(id: "biz_vn_new", name: "Tên miền biz.vn đăng ký mới", unit: "tên miền", overTime: .sum),
        ],
        targets: [
            Target(id: "biz_share", name: "Tỷ lệ doanh nghiệp, hộ kinh doanh sử dụng biz.vn",
                   kind: .ratio(numerator: "biz_vn_users", denominator: "biz_eligible"),
                   goal: 0.5, goalHigh: 0.6, deadline: day("2026-12-31"), perUnit: true),
            Target(id: "domains", name: "Tên miền id.vn và biz.vn đăng ký mới",
                   kind: .count(indicators: ["id_vn_new", "biz_vn_new"]), goal: 4026, deadline: day("2026-12-31")),
        ],
        tasks: [
            PlanTask(id: "I.1", title: "Ban hành văn bản triển khai thực hiện Kế hoạch", lead: ["SKHCN"],
                     partners: ["STC"], schedule: .due(year: 2026, month: 3), output: "Văn bản triển khai thực hiện"),
            PlanTask(id: "IV.1", title: "Giám sát, báo cáo định kỳ", lead: ["SKHCN"], schedule: .quarterly,
                     output: "Báo cáo quý"),
        ])

    static func v(_ unit: String, _ period: String, _ indicator: String, _ value: Int64) -> StoredValue {
        StoredValue(unit: unit, period: Self.period(period), indicator: indicator, value: value)
    }

    static let values: [StoredValue] = [
        // 2025: the previous year of the year-end report.
        v("TINHDOAN", "2025-Q3", "id_vn_new", 300), v("TINHDOAN", "2025-Q4", "id_vn_new", 500),
        v("STC", "2025-Q4", "biz_vn_new", 80),
        // 2026-Q1
        v("TINHDOAN", "2026-Q1", "id_vn_new", 700), v("STC", "2026-Q1", "biz_vn_new", 90),
        v("XA_QP", "2026-Q1", "biz_vn_users", 900), v("XA_QP", "2026-Q1", "biz_eligible", 3000),
        v("PH_HT", "2026-Q1", "biz_vn_users", 2500), v("PH_HT", "2026-Q1", "biz_eligible", 7000),
        // 2026-Q2: 1.200/3.000 + 3.121/7.000 = 4.321/10.000 = 43,21 %.
        v("TINHDOAN", "2026-Q2", "id_vn_new", 650), v("CDYT", "2026-Q2", "id_vn_new", 120),
        v("STC", "2026-Q2", "biz_vn_new", 85),
        v("XA_QP", "2026-Q2", "biz_vn_users", 1200), v("XA_QP", "2026-Q2", "biz_eligible", 3000),
        v("PH_HT", "2026-Q2", "biz_vn_users", 3121), v("PH_HT", "2026-Q2", "biz_eligible", 7000),
        // 2026-Q3 and Q4, for the year-end report.
        v("TINHDOAN", "2026-Q3", "id_vn_new", 600), v("STC", "2026-Q3", "biz_vn_new", 70),
        v("XA_QP", "2026-Q3", "biz_vn_users", 1500), v("PH_HT", "2026-Q3", "biz_vn_users", 3500),
        v("TINHDOAN", "2026-Q4", "id_vn_new", 631), v("STC", "2026-Q4", "biz_vn_new", 100),
        v("XA_QP", "2026-Q4", "biz_vn_users", 1700), v("PH_HT", "2026-Q4", "biz_vn_users", 4000),
    ]

    static func submitted(_ unit: String, _ period: String, _ first: String, versions: Int = 1) -> SubmissionRecord {
        SubmissionRecord(unit: unit, period: Self.period(period), firstReceived: day(first), lastReceived: day(first),
                         versions: versions)
    }

    /// Q2/2026 is due by 19/06/2026: Hạc Thành is late, the college never reports. The other
    /// periods of 2026 (for the year-end report): every unit but the college on time.
    static let submissions: [SubmissionRecord] = {
        var records = [
            submitted("SKHCN", "2026-Q2", "2026-06-15"), submitted("STC", "2026-Q2", "2026-06-18", versions: 2),
            submitted("XA_QP", "2026-Q2", "2026-06-19"), submitted("PH_HT", "2026-Q2", "2026-06-22"),
            submitted("TINHDOAN", "2026-Q2", "2026-06-10"),
        ]
        for (period, first) in [("2026-Q1", "2026-03-16"), ("2026-Q3", "2026-09-15"), ("2026-Q4", "2026-12-10"),
                                ("2026", "2026-12-01")] {
            records += ["SKHCN", "STC", "XA_QP", "PH_HT", "TINHDOAN"].map { submitted($0, period, first) }
        }
        return records
    }()

    static let taskReports: [TaskReport] = [
        TaskReport(unit: "SKHCN", period: period("2026-Q1"), task: "I.1", status: .done,
                   evidence: "Công văn số 123/SKHCN-CNS ngày 10/3/2026 hướng dẫn triển khai"),
        TaskReport(unit: "SKHCN", period: period("2026-Q2"), task: "IV.1", status: .inProgress,
                   evidence: "Đã tổng hợp báo cáo của 5/6 đơn vị"),
    ]

    static let difficulty = "Thiếu cán bộ chuyên trách | chưa có kinh phí <script>alert(1)</script>"

    static let narratives: [Narrative] = [
        Narrative(unit: "PH_HT", period: period("2026-Q2"), difficulties: difficulty, proposals: nil),
        Narrative(unit: "STC", period: period("2026-Q2"), difficulties: nil,
                  proposals: "Đề nghị VNNIC tổ chức tập huấn cho cán bộ một cửa cấp xã"),
    ]

    static func report(_ period: String, asOf: String) -> PeriodReport {
        ReportEngine(plan: plan).report(for: Self.period(period), asOf: day(asOf), values: values,
                                        submissions: submissions, taskReports: taskReports, narratives: narratives)
    }

    static let quarter = report("2026-Q2", asOf: "2026-06-25")
    static let year = report("2026", asOf: "2026-12-18")

    /// A fresh folder for one test, removed after it.
    @discardableResult
    func withTemporaryFolder<T>(_ body: (URL) throws -> T) throws -> T {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("hiendien-render-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        return try body(folder)
    }

    // MARK: - Markdown

    @Test func markdownStatesTheFiguresInVietnameseForm() throws {
        let markdown = try Self.renderer.markdown(Self.quarter)
        let lines = markdown.split(separator: "\n").map(String.init)
        #expect(lines.contains(
            "**Kết quả thực hiện Kế hoạch triển khai Chương trình hỗ trợ hiện diện trực tuyến trên tên miền .vn Quý II năm 2026**"))
        #expect(markdown.contains("| Số: …/BC-SKHCN | *Thanh Hóa, ngày 25 tháng 6 năm 2026* |"))
        #expect(markdown.contains("| ỦY BAN NHÂN DÂN TỈNH THANH HÓA | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |"))
        // The ratio of sums and its parts; the count goal with a thousands dot.
        #expect(markdown.contains("| 43,21 % (4.321/10.000) |"))
        #expect(markdown.contains("| 50,00 % – 60,00 % (đến 31/12/2026) |"))
        #expect(markdown.contains("| 4.026 (đến 31/12/2026) |"))
        // Page 1's one-sentence verdict.
        #expect(markdown.contains("**Tóm tắt:** Quý II năm 2026, đạt 0/2 chỉ tiêu, 1 đúng tiến độ, 1 chậm tiến độ; "
            + "4/6 đơn vị báo cáo đúng hạn, 1 báo cáo chậm, 1 chưa báo cáo; 1/2 nhiệm vụ hoàn thành, không có nhiệm vụ quá hạn."))
        // The late unit and the missing one are named.
        #expect(markdown.contains("Đơn vị gửi báo cáo chậm (1): UBND phường Hạc Thành."))
        #expect(markdown.contains("Đơn vị đã quá hạn nhưng chưa gửi báo cáo (1): Trường Cao đẳng Y tế Thanh Hóa."))
        // Quarterly comparison: the previous quarter; the same quarter of 2025 lies before the plan.
        #expect(markdown.contains("| Tên miền id.vn đăng ký mới (tên miền) | 770 | 700 | 110,00 % |"))
        #expect(markdown.contains("Quý II/2025 chưa thuộc thời gian thực hiện Kế hoạch"))
        // Task evidence (appendix), the difficulty with its pipe escaped, the signature block.
        #expect(markdown.contains("Công văn số 123/SKHCN-CNS"))
        #expect(markdown.contains("Thiếu cán bộ chuyên trách \\| chưa có kinh phí &lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(!markdown.contains("<script"))
        #expect(markdown.contains("**KT. GIÁM ĐỐC**\n\n**PHÓ GIÁM ĐỐC**\n\n**Nguyễn Văn An**\n"))
        // The main body in the order of an administrative report, then the appendices.
        let headings = ["## I. Kết quả thực hiện các chỉ tiêu", "## II. Tình hình thực hiện nhiệm vụ",
                        "## III. Tình hình báo cáo của các đơn vị", "## IV. Khó khăn, vướng mắc",
                        "## V. Đề xuất, kiến nghị", "## VI. Nhiệm vụ trọng tâm Quý III/2026",
                        "## PHỤ LỤC I. SỐ LIỆU VÀ TÌNH HÌNH BÁO CÁO CỦA CÁC ĐƠN VỊ",
                        "## PHỤ LỤC II. TÌNH HÌNH THỰC HIỆN CÁC NHIỆM VỤ", "## PHỤ LỤC III. KẾT QUẢ THEO QUÝ"]
        let positions = headings.map { heading in lines.firstIndex(of: heading) }
        #expect(!positions.contains(nil), "missing heading among \(headings)")
        #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted())
        #expect(lines.firstIndex(of: "**Nơi nhận:**")! < lines.firstIndex(of: headings[6])!)
        // Data checks are not the signed report's business.
        #expect(!markdown.contains("Cảnh báo số liệu"))
    }

    @Test func markdownMatchesItsGoldenFile() throws {
        let markdown = try Self.renderer.markdown(Self.quarter)
        let golden = Self.fixturesFolder.appendingPathComponent("report-2026-Q2.md")
        // Re-record on purpose only: HIENDIEN_RECORD_GOLDEN=1 swift test --filter ReportRendererTests
        if ProcessInfo.processInfo.environment["HIENDIEN_RECORD_GOLDEN"] == "1" {
            try Data(markdown.utf8).write(to: golden)
        }
        let expected = try String(contentsOf: golden, encoding: .utf8)
        #expect(markdown == expected)
    }

    @Test func emptyListsAreSaidInWords() throws {
        let calm = ReportEngine(plan: Self.plan).report(
            for: Self.period("2026-Q2"), asOf: Self.day("2026-06-25"), values: [],
            submissions: Self.plan.units.map { Self.submitted($0.id, "2026-Q2", "2026-06-01") },
            taskReports: [], narratives: [])
        let markdown = try Self.renderer.markdown(calm)
        #expect(markdown.contains("Có 6/6 đơn vị đã gửi báo cáo (đạt 100,00 %), trong đó 6 đơn vị gửi đúng hạn (100,00 %)"))
        #expect(!markdown.contains("báo cáo chậm ("))
        #expect(markdown.contains("Các đơn vị không báo cáo khó khăn, vướng mắc."))
        #expect(markdown.contains("Chưa có đơn vị nào gửi số liệu trong kỳ."))
        #expect(DataCheck.markdown(calm).contains("Không phát hiện số liệu bất thường."))
        let html = try Self.renderer.html(calm)
        #expect(html.contains("Các đơn vị không báo cáo khó khăn, vướng mắc."))
        #expect(!html.contains("<tbody>\n  </tbody>"))
    }

    // MARK: - HTML

    @Test func htmlIsOneSafeSelfContainedPage() throws {
        let html = try Self.renderer.html(Self.quarter)
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"vi\">"))
        #expect(html.contains("<meta charset=\"utf-8\">"))
        // The unit's text is escaped; the only markup that is not is the charts.
        #expect(html.contains("Thiếu cán bộ chuyên trách | chưa có kinh phí &lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(!html.lowercased().contains("<script"))
        #expect(html.contains("<svg"))
        // No address outside the file but the SVG namespace; nothing loaded from anywhere.
        var rest = Substring(html)
        while let match = rest.range(of: "http") {
            let after = rest[match.upperBound...]
            if after.hasPrefix("://") || after.hasPrefix("s://") {
                #expect(after.hasPrefix("://www.w3.org/2000/svg\""), "external reference: \(after.prefix(60))")
            }
            rest = after
        }
        for forbidden in ["<link", "<img", "<iframe", "<object", "url(", "@import", "src="] {
            #expect(!html.contains(forbidden), "found \(forbidden)")
        }
        // Decree 30 page and type.
        #expect(html.contains("@page"))
        #expect(html.contains("size: A4 portrait;"))
        #expect(html.contains("margin: 20mm 15mm 20mm 30mm;"))
        #expect(html.contains("\"Times New Roman\""))
        #expect(html.contains("thead { display: table-header-group; }"))
        #expect(html.contains("<div class=\"place-date\">Thanh Hóa, ngày 25 tháng 6 năm 2026</div>"))
        #expect(html.contains("<p class=\"doc-subject\">Kết quả thực hiện Kế hoạch triển khai Chương trình hỗ trợ hiện diện trực tuyến trên tên miền .vn Quý II năm 2026</p>"))
        // Appendices start a page; the wide ones print on landscape pages, never shrunk.
        #expect(html.contains("@page landscape {\n  size: A4 landscape;"))
        #expect(html.contains("<section class=\"appendix landscape\">"))
        // Statuses are words, with a class for colour.
        #expect(html.contains("<td class=\"status status-late\">Trễ hạn</td>"))
        #expect(html.contains("<td class=\"status status-missing\">Chưa báo cáo</td>"))
        #expect(html.contains("<p>Đơn vị gửi báo cáo chậm (1): UBND phường Hạc Thành.</p>"))
        #expect(html.contains("43,21 %"))
    }

    @Test func renderingTwiceGivesTheSameBytes() throws {
        let fresh = ReportRenderer(templates: TemplateLibrary(directory: Self.templatesFolder))
        #expect(try Self.renderer.markdown(Self.quarter) == fresh.markdown(Self.report("2026-Q2", asOf: "2026-06-25")))
        #expect(try Self.renderer.html(Self.quarter) == fresh.html(Self.report("2026-Q2", asOf: "2026-06-25")))
        #expect(try Self.renderer.html(Self.year) == Self.renderer.html(Self.year))
    }

    // MARK: - Year-end

    @Test func yearEndReportHasQuartersAndComparesWithTheWholePreviousYearOnlyWhenItIsWhole() throws {
        let markdown = try Self.renderer.markdown(Self.year)
        #expect(markdown.contains("**Kết quả thực hiện Kế hoạch triển khai Chương trình hỗ trợ hiện diện trực tuyến trên tên miền .vn năm 2026**"))
        #expect(markdown.contains("## PHỤ LỤC III. KẾT QUẢ THEO QUÝ"))
        #expect(markdown.contains("| Chỉ tiêu theo dõi | Quý I/2026 | Quý II/2026 | Quý III/2026 | Quý IV/2026 |"))
        #expect(markdown.contains("| Tên miền id.vn đăng ký mới | 700 | 770 | 600 | 631 |"))
        // The plan began on 01/07/2025: 2025 holds Q3–Q4 only, so no ratio between the years
        // (2.701 against 800 would read as 337,63 %), and the column says which quarters.
        #expect(markdown.contains("| Chỉ tiêu theo dõi | Năm 2026 | Năm 2025 (Quý III, IV) |"))
        #expect(markdown.contains("| Tên miền id.vn đăng ký mới (tên miền) | 2.701 | 800 |"))
        #expect(!markdown.contains("337,63 %"))
        #expect(markdown.contains("Năm 2025 Kế hoạch chỉ thực hiện trong Quý III, IV nên không so sánh tỷ lệ giữa hai năm."))
        // No seed plan here declares a ranking or commendation: no such section.
        #expect(!markdown.contains("Xếp hạng"))
        #expect(!markdown.contains("khen thưởng"))
        let html = try Self.renderer.html(Self.year)
        #expect(html.contains("<th>Quý IV/2026</th>"))
    }

    // MARK: - Files

    @Test func writeCreatesThePeriodFolderWithEveryFile() throws {
        try withTemporaryFolder { folder in
            // HIENDIEN_RENDER_CHECK=DIR also writes the fixture reports into DIR, for a look in a browser.
            let out = ProcessInfo.processInfo.environment["HIENDIEN_RENDER_CHECK"] ?? folder.path
            let paths = try Self.renderer.write(Self.quarter, formats: Set(ReportFormat.allCases), to: out)
            _ = try Self.renderer.write(Self.year, formats: [.md, .html], to: out)
            let names = ["report.md", "report.html", "report.docx", "data-check.md", "targets.csv", "indicators.csv",
                         "submissions.csv", "tasks.csv", "tables.xlsx"]
            #expect(paths == names.map { "\(out)/2026-Q2/\($0)" })
            let written = try FileManager.default.contentsOfDirectory(atPath: "\(out)/2026-Q2")
            #expect(Set(written) == Set(names), "no temporary file may be left behind")
            #expect(try String(contentsOfFile: paths[0], encoding: .utf8) == Self.renderer.markdown(Self.quarter))

            let headers = [
                "targets.csv": "period,target_id,scope,actual,goal,goal_high,expected,deadline,status",
                "indicators.csv": "period,unit,indicator,value,cumulative,carried",
                "submissions.csv": "period,unit,status,received,due,revisions",
                "tasks.csv": "period,task_id,lead,status,evidence",
            ]
            for (name, header) in headers {
                let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: "\(out)/2026-Q2/\(name)")))
                #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF], "\(name) needs a BOM")
                let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
                #expect(text.hasPrefix(header + "\r\n"), "\(name) header")
            }
            let targets = try String(contentsOfFile: "\(out)/2026-Q2/targets.csv", encoding: .utf8)
            #expect(targets.contains("2026-Q2,biz_share,TOTAL,0.4321,0.5000,0.6000,"))
            let submissions = try String(contentsOfFile: "\(out)/2026-Q2/submissions.csv", encoding: .utf8)
            #expect(submissions.contains("2026-Q2,PH_HT,late,2026-06-22,2026-06-19,0\r\n"))
            #expect(submissions.contains("2026-Q2,CDYT,missing,,2026-06-19,0\r\n"))

            // Writing again replaces the files with the same bytes.
            let before = try Data(contentsOf: URL(fileURLWithPath: paths[1]))
            _ = try Self.renderer.write(Self.quarter, formats: [.html], to: out)
            #expect(try Data(contentsOf: URL(fileURLWithPath: paths[1])) == before)
            #expect(FileManager.default.fileExists(atPath: "\(out)/2026/report.html"))
        }
    }

    @Test(arguments: ["../escaped", "..", ".", "a/b", "/etc", ""])
    func periodFolderOutsideTheOutDirectoryIsRefused(name: String) throws {
        try withTemporaryFolder { folder in
            #expect(throws: InputError.self) { try ReportRenderer.periodFolder(name, in: folder.path) }
        }
    }

    @Test func writeRefusesAPeriodFolderLinkedOutside() throws {
        try withTemporaryFolder { folder in
            let out = folder.appendingPathComponent("reports").path
            let elsewhere = folder.appendingPathComponent("elsewhere").path
            try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
            try FileManager.default.createDirectory(atPath: elsewhere, withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(atPath: "\(out)/2026-Q2", withDestinationPath: elsewhere)
            let error = #expect(throws: InputError.self) {
                try Self.renderer.write(Self.quarter, formats: [.md], to: out)
            }
            #expect(error?.diagnostics.first?.code == "report.outside-out-directory")
            #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere).isEmpty)
        }
    }

    @Test func aBrokenTemplateNamesItsFileAndLine() throws {
        try withTemporaryFolder { folder in
            let source = "# Báo cáo\n\n{{#targets}}\n| {{name} |\n{{/targets}}\n"
            try Data(source.utf8).write(to: folder.appendingPathComponent("report.md.mustache"))
            let renderer = ReportRenderer(templates: TemplateLibrary(directory: folder))
            let error = #expect(throws: InputError.self) { try renderer.markdown(Self.quarter) }
            let message = error.map(String.init(describing:)) ?? ""
            #expect(message.contains("report.md.mustache:4:3"), "message: \(message)")
            // Nothing is written when a template fails.
            let out = folder.appendingPathComponent("out").path
            #expect(throws: InputError.self) { try renderer.write(Self.quarter, formats: [.md, .csv], to: out) }
            #expect(!FileManager.default.fileExists(atPath: out))
        }
    }

    // MARK: - Finding the templates

    @Test func templatesAreFoundFromTheEnvironmentTheExecutableOrTheWorkingDirectory() throws {
        try withTemporaryFolder { folder in
            let repository = folder.appendingPathComponent("repo").path
            let binary = "\(repository)/.build/x86_64-unknown-linux-gnu/debug/hiendien"
            try FileManager.default.createDirectory(atPath: "\(repository)/Templates", withIntermediateDirectories: true)
            try FileManager.default.createDirectory(atPath: (binary as NSString).deletingLastPathComponent,
                                                    withIntermediateDirectories: true)
            try Data("x".utf8).write(to: URL(fileURLWithPath: "\(repository)/Templates/report.md.mustache"))
            let elsewhere = folder.appendingPathComponent("work").path
            try FileManager.default.createDirectory(atPath: elsewhere, withIntermediateDirectories: true)

            // `swift run` from the repository: walk up from the binary.
            #expect(ReportRenderer.defaultTemplatesDirectory(
                executablePath: binary, currentDirectory: elsewhere, environment: [:]) == "\(repository)/Templates")
            // Relative to the working directory.
            #expect(ReportRenderer.defaultTemplatesDirectory(
                executablePath: ".build/x86_64-unknown-linux-gnu/debug/hiendien", currentDirectory: repository,
                environment: [:]) == "\(repository)/Templates")
            // The environment wins.
            #expect(ReportRenderer.defaultTemplatesDirectory(
                executablePath: binary, currentDirectory: elsewhere,
                environment: ["HIENDIEN_TEMPLATES": "my-templates"]) == "\(elsewhere)/my-templates")
            // A binary elsewhere: ./Templates if there is one, else nothing.
            #expect(ReportRenderer.defaultTemplatesDirectory(
                executablePath: "/nonexistent/bin/hiendien", currentDirectory: elsewhere, environment: [:]) == nil)
            try FileManager.default.createDirectory(atPath: "\(elsewhere)/Templates", withIntermediateDirectories: true)
            #expect(ReportRenderer.defaultTemplatesDirectory(
                executablePath: "/nonexistent/bin/hiendien", currentDirectory: elsewhere, environment: [:])
                == "\(elsewhere)/Templates")
        }
    }
}
