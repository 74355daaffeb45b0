import Foundation
import Testing
@testable import HienDienKit

/// Phụ lục I of a national report: the Ministry reads it province by province — the province as
/// the heading, its units under it by type, the province's subtotal last — while a province's
/// own plan keeps its tables by unit type (the demo's golden files hold those unchanged).
struct NationalAppendixTests {
    static let q2 = "2026-Q2"

    /// Two provinces, a ministry above them; Hà Nội's department and commune, Cao Bằng's commune.
    static func report() -> PeriodReport {
        let plan = ReportEngineTests.plan(
            units: [
                ReportingUnit(id: "BKHCN", name: "Bộ Khoa học và Công nghệ", type: "ministry", reports: false),
                ReportingUnit(id: "P01", name: "Ủy ban nhân dân thành phố Hà Nội", type: "province", reports: false),
                ReportingUnit(id: "P01_SKHCN", name: "Sở Khoa học và Công nghệ thành phố Hà Nội", type: "department",
                              parent: "P01"),
                ReportingUnit(id: "P01_XA001", name: "Ủy ban nhân dân xã Sóc Sơn", type: "commune", parent: "P01"),
                ReportingUnit(id: "P02", name: "Ủy ban nhân dân tỉnh Cao Bằng", type: "province", reports: false),
                ReportingUnit(id: "P02_XA001", name: "Ủy ban nhân dân xã Hòa An", type: "commune", parent: "P02"),
            ],
            indicators: [Indicator(id: "id_vn_new", name: "Tên miền id.vn đăng ký mới", overTime: .sum)])
        let values = [ReportEngineTests.v("P01_SKHCN", q2, "id_vn_new", 1_200), ReportEngineTests.v("P01_XA001", q2, "id_vn_new", 35),
                      ReportEngineTests.v("P02_XA001", q2, "id_vn_new", 7)]
        return ReportEngine(plan: plan).report(for: Period(parsing: q2)!, asOf: ReportEngineTests.day("2026-07-01"),
                                               values: values, submissions: [], taskReports: [], narratives: [])
    }

    /// Phụ lục I's "2. Số liệu theo đơn vị" up to its next heading.
    static func unitSection(_ markdown: String) throws -> Substring {
        let start = try #require(markdown.range(of: "### 2. Số liệu theo đơn vị"))
        let rest = markdown[start.upperBound...]
        let end = rest.range(of: "\n#")?.lowerBound ?? rest.endIndex
        return rest[..<end]
    }

    @Test func eachProvinceHeadsItsUnitsAndEndsWithItsSubtotal() throws {
        let markdown = try ReportRendererTests.renderer.markdown(Self.report())
        let section = try Self.unitSection(markdown)
        let hanoi = try #require(section.range(of: "**Ủy ban nhân dân thành phố Hà Nội**"))
        let caoBang = try #require(section.range(of: "**Ủy ban nhân dân tỉnh Cao Bằng**"))
        #expect(hanoi.upperBound < caoBang.lowerBound)
        let hanoiBlock = section[hanoi.upperBound..<caoBang.lowerBound]
        let caoBangBlock = section[caoBang.upperBound...]
        // Hà Nội's units, by type, and Hà Nội's own total: 1.200 + 35.
        #expect(hanoiBlock.contains("| Sở Khoa học và Công nghệ thành phố Hà Nội | Tên miền id.vn đăng ký mới | 1.200 |"))
        #expect(hanoiBlock.contains("| Ủy ban nhân dân xã Sóc Sơn | Tên miền id.vn đăng ký mới | 35 |"))
        #expect(hanoiBlock.contains("| *Sở, ban, ngành* |") && hanoiBlock.contains("| *UBND xã, phường, đặc khu* |"))
        #expect(hanoiBlock.contains("| **Cộng** | Tên miền id.vn đăng ký mới | 1.235 |"))
        #expect(!hanoiBlock.contains("Hòa An"))
        // Cao Bằng: its one commune and its total of 7, nothing of Hà Nội's.
        #expect(caoBangBlock.contains("| Ủy ban nhân dân xã Hòa An | Tên miền id.vn đăng ký mới | 7 |"))
        #expect(caoBangBlock.contains("| **Cộng** | Tên miền id.vn đăng ký mới | 7 |"))
        #expect(!caoBangBlock.contains("Sóc Sơn"))
        // No second list of the same units: no table per type across provinces, no subtotal
        // block naming every unit of a province.
        #expect(!section.contains("**UBND xã, phường, đặc khu**"))
        #expect(!markdown.contains("Tổng hợp của Ủy ban nhân dân thành phố Hà Nội"))
    }

    /// After the provinces, the whole country by unit type: every commune of every province
    /// added up (35 + 7), the departments (1.200) — what the provinces' tables cannot show.
    @Test func theCountrysTotalsByUnitTypeFollowTheProvinces() throws {
        let markdown = try ReportRendererTests.renderer.markdown(Self.report())
        let section = try Self.unitSection(markdown)
        let country = try #require(section.range(of: "**Tổng hợp cả nước theo loại đơn vị**"))
        let caoBang = try #require(section.range(of: "**Ủy ban nhân dân tỉnh Cao Bằng**"))
        #expect(caoBang.upperBound < country.lowerBound)
        let block = section[country.upperBound...]
        #expect(block.contains("| Sở, ban, ngành | Tên miền id.vn đăng ký mới | 1.200 |"))
        #expect(block.contains("| UBND xã, phường, đặc khu | Tên miền id.vn đăng ký mới | 42 |"))
        #expect(!block.contains("Sóc Sơn") && !block.contains("Hòa An"))
        let html = try ReportRendererTests.renderer.html(Self.report())
        #expect(html.contains("<th colspan=\"4\" class=\"group\">Tổng hợp cả nước theo loại đơn vị</th>"))
        #expect(html.contains("<td>UBND xã, phường, đặc khu</td><td>Tên miền id.vn đăng ký mới</td><td class=\"num\">42</td>"))
        // A province's own plan has its types' totals in its tables already: no such table.
        #expect(!(try ReportRendererTests.renderer.markdown(ReportRendererTests.quarter)).contains("Tổng hợp cả nước theo loại đơn vị"))
    }

    @Test func theHTMLRepeatsTheProvinceAsItsTablesHeading() throws {
        let html = try ReportRendererTests.renderer.html(Self.report())
        let heading = "<tr><th colspan=\"4\" class=\"group\">Ủy ban nhân dân thành phố Hà Nội</th></tr>"
        let head = try #require(html.range(of: heading))
        // In the table's head, so that a printed page that continues the province names it again.
        let before = html[..<head.lowerBound]
        #expect(before.hasSuffix("<thead>\n    "))
        let block = html[head.upperBound...]
        let table = try #require(block.range(of: "</table>"))
        let hanoi = block[..<table.lowerBound]
        #expect(hanoi.contains("<td>Ủy ban nhân dân xã Sóc Sơn</td>"))
        #expect(hanoi.contains("<tr class=\"total\"><td>Cộng</td><td>Tên miền id.vn đăng ký mới</td><td class=\"num\">1.235</td>"))
    }

    // MARK: - Rows made when reached

    /// A ministry's office under no province, and `communes` communes of Hà Nội, each with a figure
    /// and held to a target of its own.
    static func report(communes: Int) -> PeriodReport {
        var units = [
            ReportingUnit(id: "BKHCN", name: "Bộ Khoa học và Công nghệ", type: "ministry", reports: false),
            ReportingUnit(id: "BKHCN_VP", name: "Văn phòng Bộ", type: "department", parent: "BKHCN"),
            ReportingUnit(id: "P01", name: "Ủy ban nhân dân thành phố Hà Nội", type: "province", reports: false),
        ]
        var values = [ReportEngineTests.v("BKHCN_VP", q2, "id_vn_new", 4)]
        for n in 1...communes {
            let id = "P01_XA\(n)"
            units.append(ReportingUnit(id: id, name: "Ủy ban nhân dân xã số \(n)", type: "commune", parent: "P01"))
            values.append(ReportEngineTests.v(id, q2, "id_vn_new", Int64(n)))
        }
        // A target each unit is held to: one row per unit in its table.
        let plan = ReportEngineTests.plan(
            units: units, indicators: [Indicator(id: "id_vn_new", name: "Tên miền id.vn đăng ký mới", overTime: .sum)],
            targets: [Target(id: "domains", name: "Tên miền id.vn đăng ký mới của mỗi đơn vị",
                             kind: .count(indicators: ["id_vn_new"]), goal: 1_000,
                             deadline: ReportEngineTests.day("2026-12-31"), perUnit: true)])
        return ReportEngine(plan: plan).report(for: Period(parsing: q2)!, asOf: ReportEngineTests.day("2026-07-01"),
                                               values: values, submissions: [], taskReports: [], narratives: [])
    }

    /// How many values the context holds before a template reaches them: a lazy list counts as one.
    static func heldValues(_ value: TemplateValue) -> Int {
        switch value {
        case .list(let items): 1 + items.map(heldValues).reduce(0, +)
        case .object(let fields): 1 + fields.values.map(heldValues).reduce(0, +)
        default: 1
        }
    }

    @Test func phuLucIRowsAreMadeWhenATemplateReachesThem() throws {
        let context = ReportContext(report: Self.report(communes: 3)).value()
        guard case .object(let fields) = context,
              let provinces = fields["province_groups"]?.items, let units = fields["unit_groups"]?.items,
              case .object(let hanoi) = provinces.first, let types = hanoi["types"]?.items,
              case .object(let communes) = types.first, case .object(let office) = units.first else {
            Issue.record("no province or unit table in \(context)")
            return
        }
        guard case .lazyList(let rows) = communes["rows"], case .lazyList(let officeRows) = office["rows"] else {
            Issue.record("Phụ lục I's rows are held whole: \(communes["rows"] ?? .null), \(office["rows"] ?? .null)")
            return
        }
        // Made, they are the appendix's rows: each commune named on its first row, its figure.
        #expect(rows.count == 3)
        #expect(rows[1] == ["unit": "Ủy ban nhân dân xã số 2", "first": true, "indicator": "Tên miền id.vn đăng ký mới",
                            "counted": true, "value": "2", "cumulative": "2"])
        #expect(officeRows.map { $0 } == [["unit": "Văn phòng Bộ", "first": true, "indicator": "Tên miền id.vn đăng ký mới",
                                          "counted": true, "value": "4", "cumulative": "4"]])
    }

    /// 4.250 units in a national report: what the templates' data holds before rendering must not
    /// grow with them (Phụ lục I's rows, the submissions table, the per-unit target tables), only what
    /// a template reaches.
    @Test func theHeldContextDoesNotGrowWithTheUnits() throws {
        let few = Self.heldValues(ReportContext(report: Self.report(communes: 2)).value())
        let many = Self.heldValues(ReportContext(report: Self.report(communes: 60)).value())
        #expect(many == few)
        // Rendered, the 60 communes are all there.
        let markdown = try ReportRendererTests.renderer.markdown(Self.report(communes: 60))
        #expect(markdown.contains("| Ủy ban nhân dân xã số 60 | Tên miền id.vn đăng ký mới | 60 |"))
        #expect(markdown.contains("| Ủy ban nhân dân xã số 60 | 60 |"))
    }
}
