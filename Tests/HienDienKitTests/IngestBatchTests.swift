import Foundation
import Testing
@testable import HienDienKit

/// Large files are stored a batch of rows at a time; these pin that batching changes nothing a
/// user can see: every value stored, every repeat and conflict found on its own row.
struct IngestBatchTests {
    /// A plan with 25 indicators (more than a batch) and three communes.
    static func plan() throws -> (Plan, String) {
        let indicators = (1...25).map { #"{ "id": "i\#($0)", "name": "Chỉ tiêu \#($0)", "over_time": "sum" }"# }
        let json = """
            { "id": "batch", "title": "Thử", "issuer": "UBND tỉnh Thử", "coordinator": "A", "place": "Thử",
              "start": "2026-01-01", "end": "2026-12-31",
              "reporting": { "window": "decree-09", "quarterly_before_day": 20, "annual_before": "12-15" },
              "units": [ { "id": "A", "name": "Xã A", "type": "commune" }, { "id": "B", "name": "Xã B", "type": "commune" },
                         { "id": "C", "name": "Xã C", "type": "commune" } ],
              "indicators": [ \(indicators.joined(separator: ", ")) ] }
            """
        return (try Plan.decode(JSONParser.parse(Array(json.utf8), fileLabel: "batch.json"), file: "batch.json"), json)
    }

    func ingest(_ rows: [String]) throws -> (Store, Result<IngestSummary, InputError>) {
        let (plan, json) = try Self.plan()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("batch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let store = try Store(path: directory.appendingPathComponent("s.sqlite").path)
        try store.load(plan: plan, json: json, file: "batch.json")
        let path = directory.appendingPathComponent("r.csv").path
        try Data((["unit,period,indicator,value,note"] + rows).joined(separator: "\n").utf8).write(to: URL(fileURLWithPath: path))
        let ingester = ReportIngester(plan: plan, store: store)
        do {
            return (store, .success(try ingester.ingest(path: path, label: "r.csv", options: IngestOptions(today: Day(year: 2026, month: 11, day: 23)!))))
        } catch let error as InputError {
            return (store, .failure(error))
        }
    }

    @Test func aRunLongerThanABatchIsStoredWhole() throws {
        let rows = (1...25).map { "A,2026-Q1,i\($0),\($0 * 10)," } + (1...25).map { "B,2026-Q1,i\($0),\($0)," }
        let (store, result) = try ingest(rows)
        let summary = try result.get()
        #expect(summary.values == 50)
        let values = try store.currentValues(through: .quarter(1, of: 2026))
        #expect(values.count == 50)
        #expect(values.first { $0.unit == "A" && $0.indicator == "i25" }?.value == 250)
        #expect(values.filter { $0.unit == "B" }.reduce(0) { $0 + $1.value } == 325)
    }

    @Test func aRepeatAfterABatchWasWrittenIsStillFoundOnItsRow() throws {
        // i3 again on line 24 (header is line 1) with another value, after the first 20 were written.
        var rows = (1...22).map { "A,2026-Q1,i\($0),\($0)," }
        rows.append("A,2026-Q1,i3,3,")       // same value: fine
        rows.append("A,2026-Q1,i3,30,")      // line 25: conflict
        let (store, result) = try ingest(rows)
        guard case .failure(let error) = result else { Issue.record("not refused"); return }
        #expect(error.diagnostics.map(\.code) == ["value.conflict"])
        #expect(error.diagnostics[0].location.line == 25 && error.diagnostics[0].location.column == 14)
        #expect(try store.currentValues(through: .quarter(1, of: 2026)).isEmpty)  // nothing stored
    }

    @Test func aSubmissionResumedLaterInTheFileIsCheckedAgainstWhatCameBefore() throws {
        let rows = ["A,2026-Q1,i1,1,", "A,2026-Q1,i2,2,", "B,2026-Q1,i1,5,", "A,2026-Q1,i3,3,", "A,2026-Q1,i2,2,",
                    "A,2026-Q1,i4,4,có ghi chú", "A,2026-Q1,i5,5,", "A,2026-Q1,i1,9,"]
        let (_, result) = try ingest(rows)
        guard case .failure(let error) = result else { Issue.record("not refused"); return }
        #expect(error.diagnostics.map(\.code) == ["value.conflict"])
        #expect(error.diagnostics[0].location.line == 9)
        // Without the conflicting last row, all of it is stored, the note too.
        let (store, fine) = try ingest(Array(rows.dropLast()))
        #expect(try fine.get().values == 6)
        #expect(try store.currentValues(through: .quarter(1, of: 2026)).count == 6)
    }
}
