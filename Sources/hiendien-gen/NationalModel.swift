import HienDienKit

/// The four kinds of reporting unit under each province.
enum UnitKind: Int, CaseIterable {
    case commune, department, university, massOrg

    var type: String {
        switch self {
        case .commune: "commune"
        case .department: "department"
        case .university: "university"
        case .massOrg: "mass_org"
        }
    }
}

/// One of the 20 indicators and how its generated values behave.
struct IndicatorSpec {
    let id: String
    let name: String
    let unit: String
    let overTime: Indicator.OverTime
    /// Typical size per quarter (flows) or at the start (stocks), by `UnitKind`; 0 = always 0.
    let scale: [Int]
    /// For a "… using .vn" stock: the index of the total it is a share of.
    var shareOf: Int? = nil
}

enum NationalModel {
    /// 14 flows (`sum`) then 6 stocks (`last`); a share stock always follows its total.
    static let indicators: [IndicatorSpec] = [
        .init(id: "id_vn_new", name: "Tên miền id.vn đăng ký mới", unit: "tên miền", overTime: .sum, scale: [25, 8, 150, 40]),
        .init(id: "biz_vn_new", name: "Tên miền biz.vn đăng ký mới", unit: "tên miền", overTime: .sum, scale: [6, 3, 2, 2]),
        .init(id: "websites_created", name: "Website trên tên miền .vn được tạo mới", unit: "website", overTime: .sum, scale: [5, 3, 20, 4]),
        .init(id: "emails_activated", name: "Hộp thư điện tử trên tên miền .vn được kích hoạt", unit: "hộp thư", overTime: .sum, scale: [20, 10, 120, 25]),
        .init(id: "trainings_held", name: "Lớp tập huấn, hướng dẫn đã tổ chức", unit: "lớp", overTime: .sum, scale: [1, 1, 2, 2]),
        .init(id: "training_participants", name: "Lượt người tham dự tập huấn", unit: "lượt người", overTime: .sum, scale: [60, 30, 200, 120]),
        .init(id: "articles_published", name: "Tin, bài tuyên truyền đã đăng", unit: "tin, bài", overTime: .sum, scale: [3, 6, 8, 5]),
        .init(id: "broadcasts_aired", name: "Phóng sự, chương trình phát thanh, truyền hình", unit: "chương trình", overTime: .sum, scale: [0, 2, 1, 1]),
        .init(id: "conferences_held", name: "Hội nghị, hội thảo triển khai Chương trình", unit: "cuộc", overTime: .sum, scale: [0, 1, 1, 1]),
        .init(id: "enterprises_founded", name: "Doanh nghiệp thành lập mới", unit: "doanh nghiệp", overTime: .sum, scale: [3, 12, 0, 0]),
        .init(id: "household_businesses_registered", name: "Hộ kinh doanh đăng ký mới", unit: "hộ kinh doanh", overTime: .sum, scale: [10, 2, 0, 0]),
        .init(id: "students_registered", name: "Sinh viên đăng ký tên miền id.vn", unit: "sinh viên", overTime: .sum, scale: [0, 5, 180, 20]),
        .init(id: "youth_registered", name: "Thanh niên từ 18 đến 23 tuổi đăng ký tên miền id.vn", unit: "người", overTime: .sum, scale: [15, 3, 150, 60]),
        .init(id: "support_requests_handled", name: "Yêu cầu hỗ trợ đã xử lý", unit: "yêu cầu", overTime: .sum, scale: [4, 5, 10, 6]),
        .init(id: "enterprises_total", name: "Doanh nghiệp trong phạm vi quản lý", unit: "doanh nghiệp", overTime: .last, scale: [120, 400, 5, 10]),
        .init(id: "enterprises_with_vn", name: "Doanh nghiệp sử dụng tên miền .vn", unit: "doanh nghiệp", overTime: .last, scale: [0, 0, 0, 0], shareOf: 14),
        .init(id: "household_businesses_total", name: "Hộ kinh doanh trong phạm vi quản lý", unit: "hộ kinh doanh", overTime: .last, scale: [450, 60, 0, 5]),
        .init(id: "household_businesses_with_vn", name: "Hộ kinh doanh sử dụng tên miền .vn", unit: "hộ kinh doanh", overTime: .last, scale: [0, 0, 0, 0], shareOf: 16),
        .init(id: "students_total", name: "Sinh viên đang theo học", unit: "sinh viên", overTime: .last, scale: [0, 200, 9000, 300]),
        .init(id: "digital_teams_active", name: "Tổ công nghệ số cộng đồng đang hoạt động", unit: "tổ", overTime: .last, scale: [8, 1, 1, 2]),
    ]

    struct Shape {
        var provinces: Int
        var communes: Int
        var departments = 15
        var universities = 8
        var massOrgs = 3
        var firstYear: Int
        var lastYear: Int

        var reportingUnitsPerProvince: Int { communes + departments + universities + massOrgs }
        var quarters: [Period] {
            (firstYear...lastYear).flatMap { year in (1...4).map { Period.quarter($0, of: year) } }
        }
    }

    /// A reporting unit: its id, the province it belongs to, its kind.
    struct ReportingUnit {
        let id: String
        let name: String
        let kind: UnitKind
        let province: Int
    }

    static func provinceID(_ p: Int) -> String { p < 99 ? "P" + pad(p + 1, 2) : "P\(p + 1)" }

    static func pad(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        return String(repeating: "0", count: max(0, width - s.count)) + s
    }

    /// The `index`-th name of a list that repeats with a number once exhausted:
    /// "Sở Tài chính", …, then "Sở Tài chính 2", ….
    static func numbered(_ names: [String], _ index: Int) -> String {
        let base = names[index % names.count]
        return index < names.count ? base : "\(base) \(index / names.count + 1)"
    }

    /// Every reporting unit, province by province, in plan order.
    static func reportingUnits(_ shape: Shape) -> [ReportingUnit] {
        var result: [ReportingUnit] = []
        result.reserveCapacity(shape.provinces * shape.reportingUnitsPerProvince)
        for p in 0..<shape.provinces {
            let pid = provinceID(p)
            let place = Names.province(p)
            for c in 0..<shape.communes {
                result.append(.init(id: "\(pid)_XA\(pad(c + 1, 3))",
                                    name: "Ủy ban nhân dân " + Names.commune(c, province: p),
                                    kind: .commune, province: p))
            }
            for d in 0..<shape.departments {
                let base = numbered(Names.departments, d)
                result.append(.init(id: "\(pid)_SO\(pad(d + 1, 2))", name: "\(base) \(place.full)",
                                    kind: .department, province: p))
            }
            for u in 0..<shape.universities {
                let base = numbered(Names.universities, u)
                result.append(.init(id: "\(pid)_DH\(u + 1)", name: "\(base) \(place.short)",
                                    kind: .university, province: p))
            }
            for m in 0..<shape.massOrgs {
                let base = numbered(Names.massOrgs, m)
                result.append(.init(id: "\(pid)_DT\(m + 1)", name: "\(base) \(place.full)",
                                    kind: .massOrg, province: p))
            }
        }
        return result
    }

    // MARK: The plan

    static func plan(_ shape: Shape, units: [ReportingUnit]) -> JSONValue {
        let y0 = shape.firstYear, y1 = shape.lastYear
        let start = Day(year: y0, month: 1, day: 1)!.description
        let end = Day(year: y1, month: 12, day: 31)!.description

        func s(_ text: String) -> JSONValue { .string(text) }
        func n(_ value: Int) -> JSONValue { .number(String(value)) }
        func obj(_ members: [(String, JSONValue)]) -> JSONValue { .object(members.map { (key: $0.0, value: $0.1) }) }

        var unitValues: [JSONValue] = [
            obj([("id", s("BKHCN")), ("name", s("Bộ Khoa học và Công nghệ")), ("type", s("ministry")),
                 ("aliases", .array([s("Bộ KH&CN")])), ("reports", .bool(false))]),
        ]
        var unitIndex = 0
        for p in 0..<shape.provinces {
            let place = Names.province(p)
            unitValues.append(obj([("id", s(provinceID(p))), ("name", s("Ủy ban nhân dân " + place.full)),
                                   ("type", s("province")), ("reports", .bool(false))]))
            while unitIndex < units.count, units[unitIndex].province == p {
                let u = units[unitIndex]
                unitValues.append(obj([("id", s(u.id)), ("name", s(u.name)), ("type", s(u.kind.type)),
                                       ("parent", s(provinceID(p)))]))
                unitIndex += 1
            }
        }

        let indicatorValues: [JSONValue] = indicators.map {
            obj([("id", s($0.id)), ("name", s($0.name)), ("unit", s($0.unit)), ("over_time", s($0.overTime.rawValue))])
        }

        let targets: [JSONValue] = [
            obj([("id", s("domains_count")), ("name", s("Tên miền id.vn và biz.vn đăng ký mới")), ("kind", s("count")),
                 ("indicators", .array([s("id_vn_new"), s("biz_vn_new")])),
                 ("goal", n(90_000 * shape.provinces * (y1 - y0 + 1) / 5)), ("deadline", s(end))]),
            obj([("id", s("enterprise_share")), ("name", s("Tỷ lệ doanh nghiệp sử dụng tên miền .vn")), ("kind", s("ratio")),
                 ("numerator", s("enterprises_with_vn")), ("denominator", s("enterprises_total")),
                 ("goal", .number("0.5")), ("deadline", s(end)), ("per_unit", .bool(true))]),
            obj([("id", s("household_share")), ("name", s("Tỷ lệ hộ kinh doanh sử dụng tên miền .vn")), ("kind", s("ratio")),
                 ("numerator", s("household_businesses_with_vn")), ("denominator", s("household_businesses_total")),
                 ("goal", .number("0.3")), ("deadline", s(end))]),
            obj([("id", s("university_coverage")), ("name", s("Trường đại học có sinh viên đăng ký tên miền id.vn")),
                 ("kind", s("coverage")), ("indicator", s("students_registered")), ("unit_type", s("university")),
                 ("goal", n(1)), ("deadline", s(end))]),
        ]

        let tasks: [JSONValue] = [
            obj([("id", s("I.1")), ("title", s("Tổ chức triển khai thực hiện Kế hoạch")), ("lead", .array([s("BKHCN")])),
                 ("due", s("\(y0)-03")), ("output", s("Văn bản triển khai thực hiện"))]),
            obj([("id", s("II.1")), ("title", s("Tuyên truyền, phổ biến Chương trình trên các phương tiện thông tin đại chúng")),
                 ("lead", .array([s("BKHCN")])), ("recurs", s("ongoing")), ("timeframe", s("Thường xuyên")),
                 ("output", s("Tin, bài, phóng sự"))]),
            obj([("id", s("IV.1")), ("title", s("Giám sát, báo cáo định kỳ")), ("lead", .array([s("BKHCN")])),
                 ("recurs", s("quarterly")), ("timeframe", s("Hàng quý")), ("output", s("Kết quả, số lượng đăng ký"))]),
            obj([("id", s("IV.2")), ("title", s("Sơ kết, tổng kết thực hiện Kế hoạch")), ("lead", .array([s("BKHCN")])),
                 ("recurs", s("yearly")), ("month", n(11)), ("timeframe", s("Tháng 11 hàng năm")),
                 ("output", s("Báo cáo tổng kết"))]),
        ]

        return obj([
            ("id", s("national-\(y0)-\(y1)")),
            ("title", s("Kế hoạch triển khai Chương trình hỗ trợ người dân, doanh nghiệp hiện diện trực tuyến trên tên miền quốc gia \".vn\" giai đoạn \(y0) - \(y1) (dữ liệu mẫu toàn quốc)")),
            ("note", s("Dữ liệu sinh tự động bởi hiendien-gen để đo hiệu năng; tên đơn vị và số liệu là giả định.")),
            ("issuer", s("Bộ Khoa học và Công nghệ")),
            ("coordinator", s("BKHCN")),
            ("place", s("Hà Nội")),
            ("start", s(start)),
            ("end", s(end)),
            ("reporting", obj([("window", s("decree-09")), ("quarterly_before_day", n(20)), ("annual_before", s("12-15"))])),
            ("document", obj([("number", s("…/BC-BKHCN")), ("signer_title", .array([s("KT. BỘ TRƯỞNG"), s("THỨ TRƯỞNG")])),
                              ("recipients", .array([s("Thủ tướng Chính phủ (để b/c);"), s("UBND các tỉnh, thành phố;"),
                                                     s("Lưu: VT, VNNIC.")]))])),
            ("units", .array(unitValues)),
            ("indicators", .array(indicatorValues)),
            ("targets", .array(targets)),
            ("tasks", .array(tasks)),
        ])
    }
}
