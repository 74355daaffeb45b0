import Foundation
import Testing
@testable import HienDienKit

/// The four seed plans as shipped in SampleData/plans, checked against figures in the seeds' own words.
struct SeedPlanTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func plan(_ id: String) throws -> Plan {
        try Plan.load(path: repository.appendingPathComponent("SampleData/plans/\(id).json").path)
    }

    static func target(_ plan: Plan, _ id: String) throws -> Target {
        try #require(plan.targets.first { $0.id == id })
    }

    @Test(arguments: ["thanh-hoa-2026-2030", "tra-vinh-2024-2025", "can-tho-2025", "hai-phong-svhttdl-2025-2026"])
    func everySeedPlanLoadsAndFollowsTheReportingRule(id: String) throws {
        let plan = try Self.plan(id)
        #expect(plan.id == id)
        // "trước ngày 20 của tháng cuối quý" and "trước ngày 15/12".
        #expect(plan.reporting == ReportingRule(window: .decree09, quarterlyBeforeDay: 20, annualBeforeMonth: 12, annualBeforeDay: 15))
        #expect(!plan.tasks.isEmpty)
        #expect(plan.unit(plan.coordinator) != nil)
        let ids = Set(plan.units.map(\.id))
        #expect(plan.tasks.allSatisfy { $0.lead.allSatisfy(ids.contains) })
    }

    /// Thanh Hóa: "đến năm 2030 … 50% doanh nghiệp, 50% sinh viên … 30% hộ kinh doanh".
    @Test func thanhHoaSharesBy2030() throws {
        let plan = try Self.plan("thanh-hoa-2026-2030")
        #expect(plan.start == Day(year: 2026, month: 1, day: 1) && plan.end == Day(year: 2030, month: 12, day: 31))
        for (id, goal) in [("enterprise_share", 0.5), ("student_share", 0.5), ("household_share", 0.3)] {
            let target = try Self.target(plan, id)
            #expect(target.goal == goal, "\(id)")
            #expect(target.deadline == Day(year: 2030, month: 12, day: 31), "\(id)")
            guard case .ratio = target.kind else { Issue.record("\(id) is not a ratio"); continue }
        }
        // 100 % of universities and colleges reached; 50 % of eligible students registered.
        #expect(try Self.target(plan, "university_reach").goal == 1)
        #expect(try Self.target(plan, "students_registered_share").goal == 0.5)
    }

    /// Trà Vinh: "4.026 tên miền (gồm: 3.609 id.vn, 417 biz.vn)" by the end of 2025.
    @Test func traVinh4026Is3609Plus417() throws {
        let plan = try Self.plan("tra-vinh-2024-2025")
        let all = try Self.target(plan, "domains_count")
        #expect(all.goal == 4026)
        #expect(all.kind == .count(indicators: ["id_vn_new", "biz_vn_new"]))
        #expect(try Self.target(plan, "id_vn_count").goal == 3609)
        #expect(try Self.target(plan, "biz_vn_count").goal == 417)
        #expect(3609 + 417 == Int(all.goal))
        #expect([all.deadline] == [Day(year: 2025, month: 12, day: 31)])
        // The three schools the plan names.
        let schools = plan.units.filter { $0.type == "university" || $0.type == "college" }.map(\.name)
        for name in ["Trường Đại học Trà Vinh", "Trường Cao đẳng Nghề Trà Vinh", "Trường Cao đẳng Y tế Trà Vinh"] {
            #expect(schools.contains(name), "\(name)")
        }
        // Districts existed until the July 2025 reform; merged communes name their successor.
        #expect(plan.units.filter { $0.type == "district" }.allSatisfy { $0.until == Day(year: 2025, month: 6, day: 30) })
        #expect(plan.units.contains { $0.mergedInto != nil })
    }

    /// Cần Thơ: "70% đến 80%" id.vn, "50% đến 60%" biz.vn, per managing unit, by 12/2025; 10 volunteers per university.
    @Test func canThoRangesPerUnit() throws {
        let plan = try Self.plan("can-tho-2025")
        let idVN = try Self.target(plan, "id_vn_share")
        #expect(idVN.goal == 0.7 && idVN.goalHigh == 0.8 && idVN.perUnit)
        let bizVN = try Self.target(plan, "biz_vn_share")
        #expect(bizVN.goal == 0.5 && bizVN.goalHigh == 0.6 && bizVN.perUnit)
        #expect(idVN.deadline == Day(year: 2025, month: 12, day: 31))
        let volunteers = try Self.target(plan, "volunteers_per_university")
        #expect(volunteers.goal == 10 && volunteers.perUnit)
        #expect(plan.tasks.contains { $0.quota == "01 cuộc" })
    }

    /// Hải Phòng: the school's 50–60 % id.vn target; offices report through the department's office.
    @Test func haiPhongSchoolRangeAndHierarchy() throws {
        let plan = try Self.plan("hai-phong-svhttdl-2025-2026")
        let school = try Self.target(plan, "school_id_vn_share")
        #expect(school.goal == 0.5 && school.goalHigh == 0.6)
        let offices = plan.units.filter { $0.type == "office" || $0.type == "school" }
        #expect(offices.count >= 3)
        // Every office's parent chain reaches the department.
        for unit in offices {
            var current: ReportingUnit? = unit
            var steps = 0
            while let parent = current?.parent, steps < 10 { current = plan.unit(parent); steps += 1 }
            #expect(current?.type == "department", "\(unit.id)")
        }
    }
}
