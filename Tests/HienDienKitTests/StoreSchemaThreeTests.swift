import Foundation
import Testing
@testable import HienDienKit

/// Schema 3 keys each stored value by its indicator's integer key instead of the indicator's
/// text id (issue 16: half the bytes a national ingest writes). An older store is upgraded
/// with every value kept and a backup first, and keys are never reused.
struct StoreSchemaThreeTests {
    static let q2 = Period.quarter(2, of: 2026)
    static let asOf = Day(year: 2026, month: 11, day: 20)!

    /// Xã Thiệu Hóa reports 15 new id.vn domains and 3 for enterprises for Quý II/2026, Long Đức 20;
    /// Thiệu Hóa's revision then withdraws the 15 (`rút`) — written straight into a schema-2 store.
    static func schemaTwoStore(at path: String, plan: Plan, planJSON: String) throws {
        let database = try Database(path: path)
        try database.execute(Store.migrations[0])
        try database.execute(Store.migrations[1])
        try database.execute("PRAGMA user_version = 2")
        let meta = try database.prepare("INSERT INTO meta(key, value) VALUES (?, ?)")
        try meta.run(.text("plan_id"), .text(plan.id))
        try meta.run(.text("plan_json"), .text(planJSON))
        try meta.run(.text("plan_file"), .text("thu-2026.json"))
        let unit = try database.prepare("""
            INSERT INTO unit(id, name, type, parent, reports, from_day, until_day, merged_into) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for u in plan.units {
            try unit.run(.text(u.id), .text(u.name), .text(u.type), .optional(u.parent), .int(u.reports ? 1 : 0),
                         .optional(u.from?.description), .optional(u.until?.description), .optional(u.mergedInto))
        }
        let indicator = try database.prepare("INSERT INTO indicator(id, name, over_time) VALUES (?, ?, ?)")
        for i in plan.indicators { try indicator.run(.text(i.id), .text(i.name), .text(i.overTime.rawValue)) }
        try database.execute("""
            INSERT INTO batch(id, file, sha256, ingested_on) VALUES (1, 'hoa.csv', NULL, '2026-06-20'),
                (2, 'longduc.csv', NULL, '2026-06-20'), (3, 'hoa-sua.csv', NULL, '2026-06-26');
            INSERT INTO submission(id, batch_id, unit_id, period_key, version, received) VALUES
                (1, 1, 'XA_HOA', 20262, 1, '2026-06-18'), (2, 2, 'XA_LONGDUC', 20262, 1, '2026-06-19'),
                (3, 3, 'XA_HOA', 20262, 2, '2026-06-25');
            INSERT INTO value(submission_id, indicator_id, value, note) VALUES
                (1, 'id_vn_new', 15, NULL), (1, 'biz_vn_new', 3, 'ước tính'), (2, 'id_vn_new', 20, NULL),
                (3, 'id_vn_new', NULL, NULL);
            """)
    }

    func ingest(_ f: IngestFixture, _ name: String, _ text: String) throws {
        let path = f.directory.appendingPathComponent(name).path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        _ = try ReportIngester(plan: f.plan, store: f.store).ingest(path: path, label: name, options: f.options)
    }

    /// Every figure of the quarter's report: each indicator's province total.
    func totals(_ store: Store, _ plan: Plan) throws -> [String: Int64?] {
        let report = try ReportEngine(plan: plan).report(for: Self.q2, asOf: Self.asOf, store: store)
        return Dictionary(uniqueKeysWithValues: plan.indicators.map { ($0.id, report.total($0.id)?.value) })
    }

    @Test func aSchemaTwoStoreIsUpgradedWithEveryValueAndTheSameReport() throws {
        // The same reports ingested into a new (schema 3) store: the figures to match.
        let fresh = try IngestFixture()
        try ingest(fresh, "hoa.csv", "unit,period,indicator,value,note,submitted\nXA_HOA,2026-Q2,id_vn_new,15,,2026-06-18\nXA_HOA,2026-Q2,biz_vn_new,3,ước tính,2026-06-18\n")
        try ingest(fresh, "longduc.csv", "unit,period,indicator,value,submitted\nXA_LONGDUC,2026-Q2,id_vn_new,20,2026-06-19\n")
        try ingest(fresh, "hoa-sua.csv", "unit,period,indicator,value,submitted\nXA_HOA,2026-Q2,id_vn_new,rút,2026-06-25\n")
        let expected = try totals(fresh.store, fresh.plan)
        #expect(expected["id_vn_new"] == .some(20) && expected["biz_vn_new"] == .some(3))

        let f = try IngestFixture()
        f.store = nil
        let path = f.directory.appendingPathComponent("old.sqlite").path
        let planJSON = String(decoding: try FileBytes.read(path: IngestFixture.fixture("plans/thu-2026.json")), as: UTF8.self)
        try Self.schemaTwoStore(at: path, plan: f.plan, planJSON: planJSON)

        // A command that only reads does not upgrade it, and says how to.
        let refusal = try #require(throws: StoreError.self) { try Store(readingAt: path) }
        #expect(refusal.description.contains("schema 2"))

        let store = try Store(path: path)
        #expect(try store.database.userVersion() == 3)
        let backup = try Database(path: path + ".v2.bak", readOnly: true)
        #expect(try backup.userVersion() == 2)
        #expect(try backup.prepare("SELECT count(*) FROM value").rows { $0.int(0) } == [4])

        let rows = try store.database.prepare("""
            SELECT v.submission_id, i.id, v.value, v.note FROM value v JOIN indicator i ON i.key = v.indicator_key
            ORDER BY v.submission_id, i.id
            """).rows { "\($0.int(0)) \($0.text(1)) \($0.optionalInt64(2).map(String.init) ?? "rút") \($0.optionalText(3) ?? "-")" }
        #expect(rows == ["1 biz_vn_new 3 ước tính", "1 id_vn_new 15 -", "2 id_vn_new 20 -", "3 id_vn_new rút -"])
        #expect(try store.healthProblems().isEmpty)
        // The pages the old value table held are given back: the upgraded file is not left
        // at the old size with free pages (a national store would stay 89 MB instead of 32).
        #expect(try store.database.prepare("PRAGMA freelist_count").rows { $0.int(0) } == [0])
        #expect(try totals(store, f.plan) == expected)
        let trail = try store.history(unit: "XA_HOA", period: Self.q2, indicator: "id_vn_new")
        #expect(trail.map(\.version) == [1, 2] && trail.map(\.value) == [15, nil])
        #expect(try Set(store.currentValues(through: Self.q2)) == Set(fresh.store.currentValues(through: Self.q2)))

        // And it takes a new file: Long Đức revises to 22.
        f.store = store
        try ingest(f, "longduc-sua.csv", "unit,period,indicator,value,submitted\nXA_LONGDUC,2026-Q2,id_vn_new,22,2026-06-28\n")
        #expect(try totals(store, f.plan)["id_vn_new"] == .some(22))
    }

    func keys(_ store: Store) throws -> [String: Int64] {
        Dictionary(uniqueKeysWithValues: try store.database.prepare("SELECT id, key FROM indicator").rows { ($0.text(0), $0.int64(1)) })
    }

    @Test func anIndicatorAddedLaterGetsANewKeyAndNoKeyIsGivenTwice() throws {
        let f = try IngestFixture()
        try ingest(f, "hoa.csv", "unit,period,indicator,value,submitted\nXA_HOA,2026-Q2,id_vn_new,15,2026-06-18\n")
        let before = try keys(f.store)
        #expect(Set(before.keys) == Set(f.plan.indicators.map(\.id)) && Set(before.values).count == before.count)
        let json = String(decoding: try FileBytes.read(path: IngestFixture.fixture("plans/thu-2026.json")), as: UTF8.self)

        // The plan adds "số tên miền .vn của trường học": a new key, above every earlier one; the others keep theirs.
        var edited = f.plan
        edited.indicators.append(Indicator(id: "school_vn_new", name: "Số tên miền .vn của trường học", overTime: .sum))
        try f.store.load(plan: edited, json: json, file: "thu-2026.json")
        let added = try keys(f.store)
        let schoolKey = try #require(added["school_vn_new"])
        #expect(schoolKey > before.values.max()!)
        #expect(added.filter { $0.key != "school_vn_new" } == before)

        // Dropped again (no value refers to it), then another added: that one never gets its key.
        try f.store.load(plan: f.plan, json: json, file: "thu-2026.json")
        #expect(try keys(f.store)["school_vn_new"] == nil)
        edited = f.plan
        edited.indicators.append(Indicator(id: "gov_vn_new", name: "Số tên miền .gov.vn mới", overTime: .sum))
        try f.store.load(plan: edited, json: json, file: "thu-2026.json")
        let govKey = try #require(try keys(f.store)["gov_vn_new"])
        #expect(govKey > schoolKey)
        #expect(try f.values(Self.q2)["XA_HOA.id_vn_new"] == 15)
    }

    @Test func aValueWhoseKeyNoIndicatorHasIsADamagedRowNotACrash() throws {
        let f = try IngestFixture()
        try ingest(f, "hoa.csv", "unit,period,indicator,value,submitted\nXA_HOA,2026-Q2,id_vn_new,15,2026-06-18\n")
        try f.store.database.execute("""
            PRAGMA foreign_keys = OFF;
            INSERT INTO value(submission_id, indicator_key, value) SELECT id, 9999, 7 FROM submission;
            PRAGMA foreign_keys = ON;
            """)
        let error = try #require(throws: StoreError.self) { try f.store.currentValues(through: Self.q2) }
        #expect(error.description.contains("indicator_key") && error.description.contains("9999")
                && error.description.contains("XA_HOA"))
        #expect(try f.store.healthProblems().contains { $0.contains("value") })
    }
}
