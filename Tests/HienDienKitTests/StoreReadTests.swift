import Testing
@testable import HienDienKit

/// What the engine reads through the store: the same figures whether the values come one unit's
/// report at a time from the store or as a list, status from the submissions alone, and the
/// province total as a scope of its own.
struct StoreReadTests {
    static let q2 = Period.quarter(2, of: 2026)
    static let asOf = Day(year: 2026, month: 7, day: 31)!

    /// The fixture store with Quý II/2026 reports in, one of them revised (Sở Tài chính's
    /// enterprises using .vn: 1.250, then 1.300 on 25/6).
    static func store() throws -> IngestFixture {
        let f = try IngestFixture()
        try f.ingest("long-excel-vn.csv")
        try f.ingest("wide.csv")
        try f.ingest("revision.csv")
        return f
    }

    @Test func theReportWalkedUnitByUnitFromTheStoreHasTheFiguresOfTheListItReplaces() throws {
        let f = try Self.store()
        let engine = ReportEngine(plan: f.plan)
        for period in [Self.q2, .year(2026), .quarter(3, of: 2026)] {
            let streamed = try engine.report(for: period, asOf: Self.asOf, store: f.store)
            let values = try f.store.currentValues(through: period, receivedBy: Self.asOf)
            let records = try f.store.submissions(in: [period], receivedBy: Self.asOf)
            let listed = engine.report(for: period, asOf: Self.asOf, values: values, submissions: records,
                                       taskReports: [], narratives: [])
            #expect(streamed.indicators == listed.indicators)
            #expect(streamed.targets == listed.targets)
            #expect(streamed.subtotals == listed.subtotals && streamed.typeTotals == listed.typeTotals)
            #expect(streamed.warnings == listed.warnings && streamed.rateRows == listed.rateRows)
            #expect(streamed.trend.map(\.rows) == listed.trend.map(\.rows))
        }
        let report = try engine.report(for: Self.q2, asOf: Self.asOf, store: f.store)
        func value(_ unit: String, _ indicator: String) -> Int64?? {
            report.indicators.first { $0.scope == .unit(unit) && $0.indicator == indicator }.map(\.value)
        }
        // The revision counts, not the first version.
        #expect(value("STC", "enterprises_with_vn") == 1300)
        #expect(value("XA_HOA", "id_vn_new") == 1250)
        // Nothing reported is no figure, never 0 (Tỉnh Đoàn left trainings_held empty).
        #expect(value("TINHDOAN", "trainings_held") == nil)
    }

    @Test func statusListsWhatTheReportsSubmissionTableSaysWithoutTheValues() throws {
        let f = try Self.store()
        let engine = ReportEngine(plan: f.plan)
        let status = try engine.reportingStatus(for: Self.q2, asOf: Self.asOf, store: f.store)
        let report = try engine.report(for: Self.q2, asOf: Self.asOf, store: f.store)
        #expect(status.submissions == report.submissions)
        #expect(status.rates == report.rates)
        #expect(status.due == report.due)
        // Sở Tài chính sent its report on 17/6 and revised it on 25/6: on time by the first receipt.
        let finance = try #require(status.submissions.first { $0.unit == "STC" })
        #expect(finance.status == .onTime && finance.revisions == 1 && finance.received?.description == "2026-06-17")
    }

    @Test func aUnitWhoseIdSpellsTotalDoesNotShadowTheProvinceTotal() throws {
        // Plans refuse the id TOTAL; a plan built in code does not, and the total still stands apart.
        let plan = ReportEngineTests.plan(
            units: [ReportingUnit(id: "A", name: "Xã A", type: "commune"), ReportingUnit(id: "TOTAL", name: "Xã T", type: "commune")],
            indicators: [Indicator(id: "id_vn_new", name: "Tên miền id.vn", overTime: .sum)],
            targets: [Target(id: "domains", name: "Tên miền", kind: .count(indicators: ["id_vn_new"]), goal: 100,
                             deadline: ReportEngineTests.day("2030-12-31"), perUnit: true)])
        let report = ReportEngine(plan: plan).report(
            for: Self.q2, asOf: Self.asOf,
            values: [ReportEngineTests.v("A", "2026-Q2", "id_vn_new", 10), ReportEngineTests.v("TOTAL", "2026-Q2", "id_vn_new", 20)],
            submissions: [], taskReports: [], narratives: [])
        #expect(report.total("id_vn_new")?.value == 30)
        #expect(report.indicators.first { $0.scope == .unit("TOTAL") }?.value == 20)
        #expect(report.targets.first { $0.scope == .total }?.actual == 30)
        // The machine table still writes the total as TOTAL, first among a target's rows.
        let targets = ReportTables.targets(report).split(separator: "\r\n").dropFirst().map { $0.split(separator: ",")[2] }
        #expect(targets == ["TOTAL", "A", "TOTAL"])
    }

    @Test(arguments: ["2026-06-17", "2028-02-29", "2026-02-29", "2026-13-01", "2026-6-17", " 2026-06-17", "2026/06/17",
                      "17/06/2026", "0999-01-01", "0000-01-01", "2026-06-1x", "２026-06-17", ""])
    func aStoredDayReadByteByByteIsWhatTheFullParserAccepts(text: String) {
        // What the reads accepted before: Day(parsing:) and written back the same.
        let accepted = Day(parsing: text).flatMap { $0.description == text ? $0 : nil }
        if let fast = Store.isoDay(text) { #expect(fast == accepted) }
        if accepted != nil && text.utf8.count == 10 { #expect(Store.isoDay(text) == accepted) }
    }
}

/// The CSV tables go to their files a piece at a time; the pieces are whole rows and make the
/// same table as the text written at once.
struct ReportTablesPiecesTests {
    @Test func eachTableHandedOnInPiecesOfWholeRowsIsTheTableWrittenAtOnce() throws {
        let f = try StoreReadTests.store()
        let report = try ReportEngine(plan: f.plan).report(for: StoreReadTests.q2, asOf: StoreReadTests.asOf, store: f.store)
        let tables: [(String, (Int, (String) -> Void) -> Void, String)] = [
            ("indicators", { ReportTables.indicators(report, pieceLength: $0, emit: $1) }, ReportTables.indicators(report)),
            ("submissions", { ReportTables.submissions(report, pieceLength: $0, emit: $1) }, ReportTables.submissions(report)),
            ("targets", { ReportTables.targets(report, pieceLength: $0, emit: $1) }, ReportTables.targets(report)),
        ]
        for (name, write, whole) in tables {
            var pieces: [String] = []
            write(1) { pieces.append($0) }
            // Pieces of at least one byte: each row goes on its own (the header with the first),
            // then the empty rest.
            let lines = whole.components(separatedBy: "\r\n").count - 1
            #expect(lines > 2 && pieces.count == lines, "\(name): \(lines) lines in \(pieces.count) pieces")
            #expect(pieces.joined() == whole, "\(name)")
            // A piece ends a row: a spreadsheet opening the file half-written reads whole rows.
            #expect(pieces.allSatisfy { $0.isEmpty || $0.hasSuffix("\r\n") }, "\(name)")
            #expect(whole.hasPrefix("\u{FEFF}period,"))
        }
    }
}
