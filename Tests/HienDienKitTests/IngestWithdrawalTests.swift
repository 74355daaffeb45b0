import Foundation
import Testing
@testable import HienDienKit

/// A revision takes back a value reported by mistake with `rút` in its value cell (issue 15,
/// item 20; docs/INGEST_RULES.md), and values a plan does not add are stored with a word
/// saying so (issue 15, item 10).
struct IngestWithdrawalTests {
    static let q2 = Period.quarter(2, of: 2026)
    static let q3 = Period.quarter(3, of: 2026)

    func write(_ f: IngestFixture, _ name: String, _ text: String) throws -> String {
        let path = f.directory.appendingPathComponent(name).path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @discardableResult
    func ingest(_ f: IngestFixture, _ name: String, _ text: String) throws -> IngestSummary {
        try ReportIngester(plan: f.plan, store: f.store).ingest(path: try write(f, name, text), label: name, options: f.options)
    }

    func total(_ f: IngestFixture, _ indicator: String, _ period: Period = q2) throws -> Int64? {
        let report = try ReportEngine(plan: f.plan).report(for: period, asOf: Day(year: 2026, month: 11, day: 20)!, store: f.store)
        return report.total(indicator)?.value
    }

    @Test func aWithdrawnValueLeavesTheTotalButTheUnitStillReported() throws {
        // Xã Thiệu Hóa reports 15 new id.vn domains for Quý II/2026 by mistake (they were Long Đức's),
        // then sends a revision that withdraws them.
        let f = try IngestFixture()
        try ingest(f, "hoa.csv", "unit,period,indicator,value,submitted\nXA_HOA,2026-Q2,id_vn_new,15,2026-06-18\nXA_HOA,2026-Q2,biz_vn_new,3,2026-06-18\n")
        try ingest(f, "longduc.csv", "unit,period,indicator,value,submitted\nXA_LONGDUC,2026-Q2,id_vn_new,20,2026-06-19\n")
        #expect(try total(f, "id_vn_new") == 35)

        let summary = try ingest(f, "hoa-sua.csv", "đơn vị;kỳ báo cáo;chỉ tiêu;giá trị;ngày gửi\nXA_HOA;Quý II/2026;id_vn_new;rút;25/06/2026\n")
        #expect(summary.revisions == 1 && summary.withdrawn == 1 && summary.warnings.isEmpty)
        #expect(try total(f, "id_vn_new") == 20)
        #expect(try total(f, "biz_vn_new") == 3)  // what the revision does not carry stays
        #expect(try f.values(Self.q2)["XA_HOA.id_vn_new"] == nil)
        let history = try f.store.history(unit: "XA_HOA", period: Self.q2, indicator: "id_vn_new")
        #expect(history.map(\.value) == [15, nil])

        // Status: the unit still reported, on time, by its first receipt, with one revision.
        let report = try ReportEngine(plan: f.plan).report(for: Self.q2, asOf: Day(year: 2026, month: 11, day: 20)!, store: f.store)
        let row = try #require(report.submissions.first { $0.unit == "XA_HOA" })
        #expect(row.status == .onTime && row.revisions == 1 && row.received?.description == "2026-06-18")

        // A later revision may give the value again.
        try ingest(f, "hoa-sua-2.csv", "unit,period,indicator,value,submitted\nXA_HOA,2026-Q2,id_vn_new,5,2026-06-30\n")
        #expect(try total(f, "id_vn_new") == 25)
    }

    @Test(arguments: ["rút", "Rút", "rut", "RÚT", "RUT", " rút ", "Ru\u{301}t"])
    func theWithdrawalIsRecognisedInAnyCaseWithOrWithoutDiacritics(word: String) throws {
        let f = try IngestFixture()
        try ingest(f, "a.csv", "unit,period,indicator,value,submitted\nXA_HOA,2026-Q2,id_vn_new,15,2026-06-18\n")
        let summary = try ingest(f, "b.csv", "unit,period,indicator,value,submitted\nXA_HOA,2026-Q2,id_vn_new,\"\(word)\",2026-06-25\n")
        #expect(summary.withdrawn == 1)
        #expect(try f.values(Self.q2)["XA_HOA.id_vn_new"] == nil)
    }

    @Test(arguments: ["rút lại", "rutt", "r", "xóa"])
    func otherWordsAreStillNotACount(word: String) throws {
        let f = try IngestFixture()
        let path = try write(f, "b.csv", "unit,period,indicator,value\nXA_HOA,2026-Q2,id_vn_new,\(word)\n")
        let error = try #require(throws: InputError.self) {
            try ReportIngester(plan: f.plan, store: f.store).ingest(path: path, label: "b.csv", options: f.options)
        }
        #expect(error.diagnostics.map(\.code) == ["value.notANumber"])
    }

    @Test func withdrawingInAWideFileAndInJSON() throws {
        let f = try IngestFixture()
        try ingest(f, "a.csv", "unit,period,submitted,id_vn_new,biz_vn_new\nXA_HOA,2026-Q2,2026-06-18,15,4\n")
        try ingest(f, "b.csv", "unit,period,submitted,id_vn_new,biz_vn_new\nXA_HOA,2026-Q2,2026-06-20,Rút,\n")
        #expect(try f.values(Self.q2) == ["XA_HOA.biz_vn_new": 4])
        let summary = try ingest(f, "c.json", #"{ "unit": "XA_HOA", "period": "2026-Q2", "submitted": "2026-06-22", "values": { "biz_vn_new": "rút" } }"#)
        #expect(summary.withdrawn == 1)
        #expect(try f.values(Self.q2).isEmpty)
    }

    @Test func withdrawingWhatNoEarlierReportHoldsStoresNothingAndSaysSo() throws {
        let f = try IngestFixture()
        try ingest(f, "a.csv", "unit,period,indicator,value,submitted\nXA_HOA,2026-Q2,id_vn_new,15,2026-06-18\n")
        let summary = try ingest(f, "b.csv", "unit,period,indicator,value,submitted\nXA_HOA,2026-Q2,biz_vn_new,rút,2026-06-25\nXA_HOA,2026-Q2,id_vn_new,16,2026-06-25\n")
        #expect(summary.values == 1 && summary.withdrawn == 0)
        let warning = try #require(summary.warnings.first)
        #expect(summary.warnings.count == 1)
        #expect(warning.code == "value.withdraw-nothing" && warning.severity == .warning)
        #expect(warning.location.line == 2 && warning.message.contains("biz_vn_new"))
        #expect(warning.rendered(in: .vietnamese).contains("không có gì để rút"))
        #expect(try f.values(Self.q2) == ["XA_HOA.id_vn_new": 16])
        // Withdrawn once, it cannot be withdrawn again.
        try ingest(f, "c.csv", "unit,period,indicator,value,submitted\nXA_HOA,2026-Q2,id_vn_new,rút,2026-06-26\n")
        let again = try ingest(f, "d.csv", "unit,period,indicator,value,submitted\nXA_HOA,2026-Q2,id_vn_new,rút,2026-06-27\n")
        #expect(again.warnings.map(\.code) == ["value.withdraw-nothing"])
    }

    @Test func aValueAndItsWithdrawalInOneFileConflict() throws {
        let f = try IngestFixture()
        let path = try write(f, "b.csv", "unit,period,indicator,value\nXA_HOA,2026-Q2,id_vn_new,15\nXA_HOA,2026-Q2,id_vn_new,rút\n")
        let error = try #require(throws: InputError.self) {
            try ReportIngester(plan: f.plan, store: f.store).ingest(path: path, label: "b.csv", options: f.options)
        }
        #expect(error.diagnostics.map(\.code) == ["value.conflict"])
        #expect(error.diagnostics[0].location.line == 3 && error.diagnostics[0].argument("earlier") == "15")
    }

    @Test func aWithdrawnStockFallsBackToTheEngineCarryingTheEarlierQuarter() throws {
        // Sở Tài chính manages 12 400 enterprises in Q2; its Q3 figure of 13 000 was a mistake.
        let f = try IngestFixture()
        try ingest(f, "q2.csv", "unit,period,indicator,value,submitted\nSTC,2026-Q2,enterprises_total,12400,2026-06-17\n")
        try ingest(f, "q3.csv", "unit,period,indicator,value,submitted\nSTC,2026-Q3,enterprises_total,13000,2026-09-15\n")
        #expect(try total(f, "enterprises_total", Self.q3) == 13_000)
        try ingest(f, "q3-sua.csv", "unit,period,indicator,value,submitted\nSTC,2026-Q3,enterprises_total,rút,2026-09-18\n")
        let report = try ReportEngine(plan: f.plan).report(for: Self.q3, asOf: Day(year: 2026, month: 11, day: 20)!, store: f.store)
        let row = try #require(report.indicators.first { $0.scope == .unit("STC") && $0.indicator == "enterprises_total" })
        #expect(row.value == 12_400 && row.carried)
    }

    @Test func aDryRunWithdrawsNothing() throws {
        let f = try IngestFixture()
        try ingest(f, "a.csv", "unit,period,indicator,value,submitted\nXA_HOA,2026-Q2,id_vn_new,15,2026-06-18\n")
        let before = try f.closedBytes()
        let readOnly = try Store(readingAt: f.databasePath)
        var options = f.options
        options.dryRun = true
        let summary = try ReportIngester(plan: f.plan, store: readOnly).ingest(
            path: try write(f, "b.csv", "unit,period,indicator,value,submitted\nXA_HOA,2026-Q2,id_vn_new,rút,2026-06-25\n"),
            label: "b.csv", options: options)
        #expect(summary.withdrawn == 1 && summary.warnings.isEmpty && summary.revisions == 1)
        #expect(try f.closedBytes() == before)
    }

    // MARK: - Values a plan does not add (issue 15, item 10)

    @Test func aValueOutsideTheIndicatorsSourcesIsStoredWithAWarningNamingTheTypesThatCount() throws {
        // enterprises_total counts departments only; a commune's figure is shown, not added.
        let f = try IngestFixture()
        let summary = try ingest(f, "hoa.csv", """
            unit,period,indicator,value,submitted
            XA_HOA,2026-Q2,enterprises_total,40,2026-06-18
            XA_HOA,2026-Q2,id_vn_new,15,2026-06-18
            XA_HOA,2026-Q3,enterprises_total,41,2026-09-18
            STC,2026-Q2,enterprises_total,12400,2026-06-17
            """)
        #expect(summary.values == 4)
        #expect(summary.warnings.map(\.code) == ["value.not-counted"])  // once per unit and indicator
        let warning = try #require(summary.warnings.first)
        #expect(warning.location.line == 2)
        #expect(warning.message.contains("XA_HOA") && warning.message.contains("enterprises_total") && warning.message.contains("department"))
        let vietnamese = warning.rendered(in: .vietnamese)
        // In the clerk's words: the unit's and indicator's names and the types in Vietnamese;
        // the plan's keys only in the hint, where the analyst edits the plan file.
        #expect(vietnamese.contains("không cộng vào tổng") && vietnamese.contains("Sở, ban, ngành"))
        #expect(vietnamese.contains("Ủy ban nhân dân xã Thiệu Hóa (UBND xã, phường, đặc khu)"))
        let sentence = vietnamese.components(separatedBy: "\n")[0]  // not the quoted line, not the hint
        #expect(!sentence.contains("department") && !sentence.contains("XA_HOA"))
        #expect(try f.values(Self.q2)["XA_HOA.enterprises_total"] == 40)
        #expect(try total(f, "enterprises_total") == 12_400)
    }

    // MARK: - Stores from before withdrawals

    @Test func aSchemaOneStoreIsLeftAsItIsByAReadAndUpgradedByTheFirstWrite() throws {
        let f = try IngestFixture()
        try ingest(f, "a.csv", "unit,period,indicator,value,submitted\nXA_HOA,2026-Q2,id_vn_new,15,2026-06-18\n")
        f.store = nil
        // Turn the store back into schema 1: values keyed by the indicator's text id, the value
        // column NOT NULL again.
        let database = try Database(path: f.databasePath)
        try database.execute("""
            CREATE TABLE indicator_v1 (
                id        TEXT PRIMARY KEY,
                name      TEXT NOT NULL,
                over_time TEXT NOT NULL CHECK (over_time IN ('sum', 'last'))
            ) WITHOUT ROWID;
            INSERT INTO indicator_v1 SELECT id, name, over_time FROM indicator;
            CREATE TABLE value_v1 (
                submission_id INTEGER NOT NULL REFERENCES submission(id),
                indicator_id  TEXT NOT NULL REFERENCES indicator_v1(id),
                value         INTEGER NOT NULL CHECK (value >= 0),
                note          TEXT,
                PRIMARY KEY (submission_id, indicator_id)
            ) WITHOUT ROWID;
            INSERT INTO value_v1 SELECT v.submission_id, i.id, v.value, v.note FROM value v JOIN indicator i ON i.key = v.indicator_key;
            DROP TABLE value;
            DROP TABLE indicator;
            ALTER TABLE indicator_v1 RENAME TO indicator;
            ALTER TABLE value_v1 RENAME TO value;
            PRAGMA user_version = 1;
            """)
        let before = try Data(contentsOf: URL(fileURLWithPath: f.databasePath))
        // Schema 3 keys values by an integer indicator key: a read-only command cannot read
        // schema 1 as it is, so it refuses, saying how to upgrade, and changes nothing.
        let refusal = try #require(throws: StoreError.self) { try Store(readingAt: f.databasePath) }
        #expect(refusal.description.contains("schema 1") && refusal.description.contains("hiendien init"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: f.databasePath)) == before)

        f.store = try Store(path: f.databasePath)
        #expect(try f.store.database.userVersion() == Store.migrations.count)
        #expect(FileManager.default.fileExists(atPath: f.databasePath + ".v1.bak"))
        #expect(try f.values(Self.q2)["XA_HOA.id_vn_new"] == 15)
        try ingest(f, "b.csv", "unit,period,indicator,value,submitted\nXA_HOA,2026-Q2,id_vn_new,rút,2026-06-25\n")
        #expect(try f.values(Self.q2).isEmpty)
        #expect(try f.store.healthProblems().isEmpty)
    }
}
