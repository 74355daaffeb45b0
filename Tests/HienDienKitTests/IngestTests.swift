import Foundation
import Testing
@testable import HienDienKit

/// A fresh store with the fixture plan, in a temporary folder of its own.
final class IngestFixture {
    let directory: URL
    let databasePath: String
    var store: Store!
    let plan: Plan
    let options = IngestOptions(today: Day(year: 2026, month: 11, day: 23)!)

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("hiendien-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        databasePath = directory.appendingPathComponent("store.sqlite").path
        let planPath = IngestFixture.fixture("plans/thu-2026.json")
        plan = try Plan.load(path: planPath, label: "thu-2026.json")
        store = try Store(path: databasePath)
        try store.load(plan: plan, json: String(decoding: try FileBytes.read(path: planPath), as: UTF8.self), file: "thu-2026.json")
    }

    deinit {
        store = nil
        try? FileManager.default.removeItem(at: directory)
    }

    static func fixture(_ name: String) -> String {
        Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: nil)!.path
    }

    @discardableResult
    func ingest(_ name: String, options: IngestOptions? = nil) throws -> IngestSummary {
        try ReportIngester(plan: plan, store: store).ingest(path: Self.fixture("reports/\(name)"), label: name,
                                                            options: options ?? self.options)
    }

    func refused(_ name: String) throws -> InputError {
        do {
            try ingest(name)
        } catch let error as InputError {
            return error
        }
        throw InputError(Diagnostic(at: SourceLocation(file: name), code: "test", message: "was not refused"))
    }

    /// Closes the store so SQLite checkpoints the WAL into the main file, and returns its bytes.
    func closedBytes() throws -> Data {
        store = nil
        let data = try Data(contentsOf: URL(fileURLWithPath: databasePath))
        store = try Store(path: databasePath)
        return data
    }

    func values(_ period: Period) throws -> [String: Int64] {
        Dictionary(uniqueKeysWithValues: try store.currentValues(through: period).filter { $0.period == period }
            .map { ("\($0.unit).\($0.indicator)", $0.value) })
    }
}

struct IngestTests {
    let q2 = Period.quarter(2, of: 2026)

    @Test func excelVietnameseLongFormWithEveryQuirk() throws {
        let f = try IngestFixture()
        let summary = try f.ingest("long-excel-vn.csv")
        #expect(summary.format == "csv-long")
        #expect(summary.units == 2 && summary.values == 4 && summary.revisions == 0)
        let values = try f.values(q2)
        #expect(values["XA_HOA.id_vn_new"] == 1250)        // "1.250", NFD "Hoá"
        #expect(values["XA_HOA.biz_vn_new"] == 35)         // "  35 "
        #expect(values["STC.enterprises_total"] == 12_400)  // "12 400"
        #expect(values["STC.enterprises_with_vn"] == 1250)  // "1,250"
        #expect(values["STC.trainings_held"] == nil)        // empty: not reported, never 0
        let received = try f.store.submissions(in: [q2]).map { "\($0.unit) \($0.firstReceived)" }
        #expect(received == ["STC 2026-06-17", "XA_HOA 2026-06-18"])
    }

    @Test func wideFormLeavesEmptyCellsUnreported() throws {
        let f = try IngestFixture()
        let summary = try f.ingest("wide.csv")
        #expect(summary.format == "csv-wide" && summary.values == 4)
        let values = try f.values(q2)
        #expect(values["DHTHU.biz_vn_new"] == nil)
        #expect(values["TINHDOAN.biz_vn_new"] == 0)   // an explicit 0 is a value
        #expect(values["TINHDOAN.trainings_held"] == nil)
    }

    @Test func jsonReportCarriesTasksAndNarrative() throws {
        let f = try IngestFixture()
        let summary = try f.ingest("skhcn-2026-Q1.json")
        #expect(summary.values == 2 && summary.taskReports == 2)
        let q1 = Period.quarter(1, of: 2026)
        #expect(try f.values(q1)["SKHCN.id_vn_new"] == 1000)
        let tasks = try f.store.taskReports(in: q1...q1)
        #expect(tasks.map(\.task) == ["I.1", "IV.1"])
        #expect(tasks[0].status == .inProgress && tasks[0].evidence == "Dự thảo Kế hoạch trình UBND tỉnh")
        let narrative = try #require(try f.store.narratives(in: q1...q1).first)
        #expect(narrative.proposals == "Đề nghị VNNIC hỗ trợ tài liệu tập huấn.\nBổ sung kinh phí tuyên truyền.")
    }

    @Test func badValuesAreAllListedWithLineAndColumn() throws {
        let f = try IngestFixture()
        let error = try f.refused("bad-values.csv")
        let found = error.diagnostics.map { "\($0.location.line ?? 0):\($0.location.column ?? 0) \($0.code) \($0.offending ?? "")" }
        #expect(found == ["2:28 value.decimal 12,5", "3:24 value.negative -3", "4:23 value.notANumber abc"])
        #expect(error.diagnostics.allSatisfy { $0.location.file == "bad-values.csv" && $0.hint != nil && $0.lineText != nil })
    }

    @Test func unknownAndAmbiguousUnitsNameTheirCandidates() throws {
        let f = try IngestFixture()
        let error = try f.refused("unknown-unit.csv")
        let unknown = try #require(error.diagnostics.first { $0.code == "unit.unknown" })
        #expect(unknown.location.line == 2 && unknown.location.column == 1)
        #expect(unknown.hint?.contains("STC") == true)
        let ambiguous = try #require(error.diagnostics.first { $0.code == "unit.ambiguous" })
        #expect(ambiguous.message.contains("XA_LONGDUC") && ambiguous.message.contains("XA_LONGHOA"))
        let indicator = try #require(error.diagnostics.first { $0.code == "indicator.unknown" })
        #expect(indicator.hint == "did you mean 'trainings_held'?")
    }

    @Test func theSameValueTwiceIsFineADifferentOneIsAnError() throws {
        let f = try IngestFixture()
        let error = try f.refused("conflict.csv")
        #expect(error.diagnostics.map(\.code) == ["value.conflict"])
        #expect(error.diagnostics[0].location.line == 4)
    }

    @Test func periodsOutsideThePlanOrTheUnitsLifeAreRefused() throws {
        let f = try IngestFixture()
        let codes = try f.refused("outside.csv").diagnostics.map { "\($0.location.line!) \($0.code)" }
        #expect(codes == ["2 period.outside-plan", "3 period.outside-unit", "4 period.invalid"])
    }

    @Test func aLegacyEncodingIsRefusedWithHowToResave() throws {
        let f = try IngestFixture()
        let error = try f.refused("windows-1258.csv")
        let diagnostic = try #require(error.diagnostics.first)
        #expect(diagnostic.code.contains("utf8") || diagnostic.code.contains("encoding"))
        #expect(diagnostic.message.contains("UTF-8") || (diagnostic.hint ?? "").contains("UTF-8"))
    }

    @Test func badJSONReportsEveryProblemWithItsPath() throws {
        let f = try IngestFixture()
        let paths = Set(try f.refused("bad-report.json").diagnostics.map { "\($0.location.path ?? "") \($0.code)" })
        #expect(paths.contains("$[0].values.trainings_held value.decimal"))
        #expect(paths.contains("$[0].values.id_vn_new value.negative"))
        #expect(paths.contains("$[0].values.articles indicator.unknown"))
        #expect(paths.contains("$[0].tasks.I.9 task.unknown"))
        #expect(paths.contains("$[0].tasks.I.1.status task.status"))
        #expect(paths.contains("$[1].period period.outside-plan"))
        // Each problem also has the line and column of the value in the file.
        let decimal = try #require(try f.refused("bad-report.json").diagnostics.first { $0.code == "value.decimal" })
        #expect(decimal.location.line == 3 && decimal.location.column == 35)
    }

    /// Every refused file leaves the store byte-for-byte as it was.
    @Test(arguments: ["bad-values.csv", "unknown-unit.csv", "conflict.csv", "outside.csv", "windows-1258.csv", "bad-report.json"])
    func aRefusedFileLeavesTheStoreByteForByteUnchanged(name: String) throws {
        let f = try IngestFixture()
        try f.ingest("long-excel-vn.csv")
        let before = try f.closedBytes()
        _ = try f.refused(name)
        let after = try f.closedBytes()
        #expect(before == after)
    }

    @Test func aRevisionReplacesOnlyTheValuesItCarriesAndKeepsHistory() throws {
        let f = try IngestFixture()
        try f.ingest("long-excel-vn.csv")
        let summary = try f.ingest("revision.csv")
        #expect(summary.revisions == 1)
        let values = try f.values(q2)
        #expect(values["STC.enterprises_with_vn"] == 1300)
        #expect(values["STC.enterprises_total"] == 12_400)  // not carried by the revision: kept
        let history = try f.store.history(unit: "STC", period: q2, indicator: "enterprises_with_vn")
        #expect(history.map(\.value) == [1250, 1300])
        #expect(history.map(\.received.description) == ["2026-06-17", "2026-06-25"])
        // Timeliness is judged by the first receipt.
        let record = try #require(try f.store.submissions(in: [q2]).first { $0.unit == "STC" })
        #expect(record.firstReceived.description == "2026-06-17" && record.versions == 2)
    }

    @Test func aDryRunStoresNothing() throws {
        let f = try IngestFixture()
        let before = try f.closedBytes()
        var options = f.options
        options.dryRun = true
        let summary = try f.ingest("long-excel-vn.csv", options: options)
        #expect(summary.values == 4 && summary.dryRun)
        #expect(try f.closedBytes() == before)
    }

    @Test func aFilledInBlankFormIngestsUnchanged() throws {
        let f = try IngestFixture()
        let form = BlankForm.csv(plan: f.plan, unit: f.plan.unit("STC")!, period: q2)
        #expect(form.hasPrefix("\u{FEFF}đơn vị;kỳ báo cáo;chỉ tiêu;tên chỉ tiêu"))
        let filled = form.replacingOccurrences(of: "STC;2026-Q2;trainings_held;Số lớp tập huấn;lớp;;;",
                                               with: "STC;2026-Q2;trainings_held;Số lớp tập huấn;lớp;7;;19/06/2026")
        #expect(filled != form)
        let path = f.directory.appendingPathComponent("form.csv").path
        try Data(filled.utf8).write(to: URL(fileURLWithPath: path))
        let summary = try ReportIngester(plan: f.plan, store: f.store).ingest(path: path, options: f.options)
        #expect(summary.values == 1)
        #expect(try f.values(q2)["STC.trainings_held"] == 7)
        // An untouched form is fine too: nothing reported yet.
        let blank = f.directory.appendingPathComponent("blank.csv").path
        try Data(form.utf8).write(to: URL(fileURLWithPath: blank))
        #expect(try ReportIngester(plan: f.plan, store: f.store).ingest(path: blank, options: f.options).values == 0)
    }
}
