import Foundation
import Testing
@testable import HienDienKit

struct PlanTests {
    static let minimal = """
        {
          "id": "thu-2026", "title": "Kế hoạch thử", "issuer": "Ủy ban nhân dân tỉnh Thử",
          "coordinator": "SKHCN", "place": "Thử", "start": "2026-01-01", "end": "2030-12-31",
          "reporting": { "window": "decree-09", "quarterly_before_day": 20, "annual_before": "12-15" },
          "units": [
            { "id": "SKHCN", "name": "Sở Khoa học và Công nghệ", "type": "department" },
            { "id": "SVHTTDL", "name": "Sở Văn hóa, Thể thao và Du lịch", "type": "department" },
            { "id": "TRUONG", "name": "Trường Trung cấp Văn hóa, Nghệ thuật và Du lịch", "type": "school",
              "parent": "SVHTTDL", "aliases": ["Trường TC VHNT&DL"] },
            { "id": "XA_A", "name": "UBND xã A", "type": "commune", "until": "2025-06-30", "merged_into": "XA_AB" },
            { "id": "XA_AB", "name": "UBND xã AB", "type": "commune", "from": "2025-07-01" }
          ],
          "indicators": [
            { "id": "biz_vn_new", "name": "Tên miền biz.vn đăng ký mới", "unit": "tên miền", "over_time": "sum" },
            { "id": "enterprises_total", "name": "Doanh nghiệp", "unit": "doanh nghiệp", "over_time": "last",
              "sources": ["department"] },
            { "id": "enterprises_with_vn", "name": "Doanh nghiệp dùng .vn", "over_time": "last" }
          ],
          "targets": [
            { "id": "enterprise_share", "name": "Tỷ lệ doanh nghiệp", "kind": "ratio", "numerator": "enterprises_with_vn",
              "denominator": "enterprises_total", "goal": 0.5, "goal_high": 0.6, "deadline": "2030-12-31", "per_unit": true },
            { "id": "biz_count", "kind": "count", "indicator": "biz_vn_new", "goal": 417, "deadline": "2030-12-31" }
          ],
          "tasks": [
            { "id": "I.1", "title": "Tổ chức triển khai", "lead": ["SKHCN"], "partners": ["SVHTTDL"], "due": "2026-03",
              "output": "Văn bản triển khai thực hiện" },
            { "id": "IV.1", "title": "Báo cáo định kỳ", "lead": ["SKHCN"], "recurs": "quarterly" }
          ]
        }
        """

    static func decode(_ text: String) throws -> Plan {
        try Plan.decode(JSONParser.parse(Array(text.utf8), fileLabel: "plan.json"), file: "plan.json")
    }

    @Test func decodesEveryPartOfTheContractExample() throws {
        let plan = try Self.decode(Self.minimal)
        #expect(plan.units.count == 5)
        #expect(plan.unit("TRUONG")?.parent == "SVHTTDL")
        #expect(plan.unit("XA_A")?.mergedInto == "XA_AB")
        #expect(plan.indicator("enterprises_total")?.sources == ["department"])
        #expect(plan.targets[0].goalHigh == 0.6 && plan.targets[0].perUnit)
        #expect(plan.targets[1].kind == .count(indicators: ["biz_vn_new"]))
        #expect(plan.tasks[0].schedule == .due(year: 2026, month: 3))
        #expect(plan.tasks[1].schedule == .quarterly)
        #expect(plan.reporting.lastAllowedDay(for: .quarter(2, of: 2026)) == Day(year: 2026, month: 6, day: 19))
    }

    /// A broken plan is refused with every problem listed, each with its JSON path.
    @Test func refusesABrokenPlanWithEveryProblemListed() throws {
        var text = Self.minimal
        text = text.replacingOccurrences(of: #""parent": "SVHTTDL""#, with: #""parent": "TRUONG""#)       // cycle (self)
        text = text.replacingOccurrences(of: #""goal_high": 0.6"#, with: #""goal_high": 0.4"#)           // below goal
        text = text.replacingOccurrences(of: #""goal": 417, "deadline": "2030-12-31""#,
                                         with: #""goal": 417, "deadline": "2031-06-30""#)                // outside plan
        text = text.replacingOccurrences(of: #""partners": ["SVHTTDL"]"#, with: #""partners": ["SO_KHONG_CO"]"#)
        text = text.replacingOccurrences(of: #"{ "id": "XA_AB""#, with: #"{ "id": "XA_A""#)               // duplicate id
        text = text.replacingOccurrences(of: #""numerator": "enterprises_with_vn""#, with: #""numerator": "enterprise_with_vn""#)
        let error = try #require(throws: InputError.self) { try Self.decode(text) }
        let found = Set(error.diagnostics.map { "\($0.location.path ?? ""): \($0.code)" })
        #expect(found.contains("$.units[2].parent: plan.parent-cycle"))
        #expect(found.contains("$.targets[0].goal_high: plan.goal-range"))
        #expect(found.contains("$.targets[1].deadline: plan.deadline"))
        #expect(found.contains("$.tasks[0].partners[0]: plan.unknown-unit"))
        #expect(found.contains("$.units[4].id: plan.duplicate-id"))
        #expect(found.contains("$.targets[0].numerator: plan.unknown-indicator"))
        let typo = try #require(error.diagnostics.first { $0.code == "plan.unknown-indicator" })
        #expect(typo.hint == "did you mean 'enterprises_with_vn'?")
        #expect(error.diagnostics.allSatisfy { $0.location.file == "plan.json" })
    }

    @Test func aLongerParentCycleIsReportedOnce() throws {
        let text = Self.minimal.replacingOccurrences(
            of: #"{ "id": "SVHTTDL", "name": "Sở Văn hóa, Thể thao và Du lịch", "type": "department" }"#,
            with: #"{ "id": "SVHTTDL", "name": "Sở Văn hóa, Thể thao và Du lịch", "type": "department", "parent": "TRUONG" }"#)
        let error = try #require(throws: InputError.self) { try Self.decode(text) }
        let cycles = error.diagnostics.filter { $0.code == "plan.parent-cycle" }
        #expect(cycles.count == 1)
    }

    @Test(arguments: [
        (#""goal": 0.5, "goal_high""#, #""goal": 50, "goal_high""#, "plan.goal"),
        (#""over_time": "sum""#, #""over_time": "flow""#, "plan.over-time"),
        (#""kind": "count""#, #""kind": "tally""#, "plan.target-kind"),
        (#""due": "2026-03""#, #""due": "Tháng 3/2026""#, "plan.task-due"),
        (#""recurs": "quarterly""#, #""recurs": "quarterly", "due": "2026-06""#, "plan.task-schedule"),
        (#""window": "decree-09""#, #""window": "decree-9""#, "plan.window"),
        (#""start": "2026-01-01""#, #""start": "2026-01-01", "ends": "2030""#, "json.unknown-key"),
        (#""sources": ["department"]"#, #""sources": ["deparment"]"#, "plan.unit-type"),
        (#""indicator": "biz_vn_new""#, #""indicator": "enterprises_total""#, "plan.count-of-stock"),
    ])
    func namesTheRuleThatBroke(original: String, replacement: String, code: String) throws {
        let text = Self.minimal.replacingOccurrences(of: original, with: replacement)
        #expect(text != Self.minimal)
        let error = try #require(throws: InputError.self) { try Self.decode(text) }
        #expect(error.diagnostics.contains { $0.code == code }, "\(error)")
    }

    @Test func theQuartersOfAPlanFollowItsWindows() throws {
        let plan = try Self.decode(Self.minimal)
        #expect(plan.quarters.first == .quarter(1, of: 2026))
        // Decree 09's Q1/2031 window opens 15/12/2030, inside the plan's last days, but Q1/2031
        // is not a quarter of a plan that ends 31/12/2030.
        #expect(plan.quarters.last == .quarter(4, of: 2030))
        #expect(plan.quarters.count == 20)
        #expect(plan.contains(.year(2026)))
        #expect(!plan.contains(.quarter(1, of: 2031)))
        #expect(!plan.contains(.year(2025)))
    }
}
