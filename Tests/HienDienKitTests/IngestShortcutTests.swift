import Foundation
import Testing
@testable import HienDienKit

/// The byte-level shortcut for the common row of a large file (`ingestKnownRow`) is only a
/// cache of the full row rules: with it and without it, the same file gives the same outcome —
/// the same stored rows, or the same problems — and the same warnings.
struct IngestShortcutTests {

    // Mostly what a good file holds (the shortcut's case), now and then what the full rules
    // treat otherwise: names and aliases, other periods, notes, withdrawals, bad values,
    // unknown units and indicators, short and blank rows, a second date.
    static let units = ["XA_HOA", "STC", "XA_LONGDUC", "DHTHU"]
    static let otherUnits = ["UBND xã Thiệu Hóa", "Sở TC", "XA_NOWHERE", "BKHCN"]
    static let periods = ["2026-Q2", "2026-Q3", "Quý II/2026"]
    static let indicators = ["id_vn_new", "biz_vn_new", "trainings_held", "enterprises_total", "enterprises_with_vn",
                             "students_total"]
    static let otherIndicators = ["ID_VN_NEW", "Tên miền id.vn đăng ký mới", "articles", ""]
    static let values = ["1", "15", "1.250", "12 400", "", "0", "7"]
    static let otherValues = ["rút", "RUT", "abc", "-3", "2,5", "1e3"]
    static let dates = ["2026-06-18", "18/06/2026", "", "2026-09-20"]

    /// A long-form file: runs of rows for one unit, period and date (the shortcut's case), with
    /// every kind of row the full rules treat otherwise mixed in.
    static func file(seed: UInt64) -> String {
        var random = SplitMix64(seed: seed)
        var lines = ["unit,period,indicator,value,note,submitted"]
        for _ in 0..<(2 + random.next() % 5) {
            let unit = random.chance(8) ? random.pick(otherUnits) : random.pick(units)
            let period = random.chance(5) ? "2031-Q1" : random.pick(periods)
            let date = random.chance(80) ? (period == "2026-Q3" ? "2026-09-20" : random.pick(["2026-06-18", "18/06/2026"]))
                : random.pick(dates)
            let start = Int(random.next() % UInt64(indicators.count))
            for row in 0..<(1 + Int(random.next() % 7)) {
                // Each indicator once, now and then one again.
                let indicator = random.chance(4) ? random.pick(otherIndicators)
                    : random.chance(5) ? random.pick(indicators) : indicators[(start + row) % indicators.count]
                let value = random.chance(4) ? random.pick(otherValues) : random.pick(values)
                var row = [unit, period, indicator, value, random.chance(5) ? "ghi chú" : "", date]
                if random.chance(2) { row[5] = random.pick(dates) }
                if random.chance(1) { row.removeLast() }
                if random.chance(2) { row = ["", "", "", "", "", ""] }
                lines.append(row.map { $0.contains(",") ? "\"\($0)\"" : $0 }.joined(separator: ","))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The outcome and every stored row after ingesting `text` on top of a first report.
    static func outcome(of text: String, shortcut: Bool) throws -> (outcome: String, rows: [String], byShortcut: Int) {
        let f = try IngestFixture()
        let base = f.directory.appendingPathComponent("base.csv").path
        try Data("unit,period,indicator,value,submitted\nXA_HOA,2026-Q2,id_vn_new,15,2026-06-10\nSTC,2026-Q2,enterprises_total,40,2026-06-10\n".utf8)
            .write(to: URL(fileURLWithPath: base))
        try ReportIngester(plan: f.plan, store: f.store).ingest(path: base, label: "base.csv", options: f.options)
        let path = f.directory.appendingPathComponent("r.csv").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let ingester = ReportIngester(plan: f.plan, store: f.store)
        ingester.usesRowShortcut = shortcut
        var outcome: String
        do {
            let summary = try ingester.ingest(path: path, label: "r.csv", options: f.options)
            outcome = "\(summary.values) \(summary.withdrawn) \(summary.submissions) \(summary.revisions) \(summary.periods)\n"
                + summary.warnings.map(\.description).joined(separator: "\n")
        } catch let error as InputError {
            outcome = error.description
        }
        let rows = try f.store.database.prepare("""
            SELECT s.unit_id, s.period_key, s.version, s.received, i.id, v.value, v.note
            FROM submission s LEFT JOIN value v ON v.submission_id = s.id LEFT JOIN indicator i ON i.key = v.indicator_key
            ORDER BY s.id, i.id
            """).rows { row in
            "\(row.text(0)) \(row.int(1)) v\(row.int(2)) \(row.text(3)) \(row.optionalText(4) ?? "-") \(row.optionalInt64(5).map(String.init) ?? "null") \(row.optionalText(6) ?? "")"
        }
        return (outcome, rows, ingester.rowsByShortcut)
    }

    @Test func theShortcutChangesNoOutcome() throws {
        var exercised = 0, stored = 0
        for seed in UInt64(1)...80 {
            let text = Self.file(seed: seed)
            let full = try Self.outcome(of: text, shortcut: false)
            let fast = try Self.outcome(of: text, shortcut: true)
            #expect(full.byShortcut == 0)
            #expect(fast.outcome == full.outcome, "seed \(seed):\n\(text)")
            #expect(fast.rows == full.rows, "seed \(seed):\n\(text)")
            exercised += fast.byShortcut
            if !full.outcome.contains("error:") { stored += 1 }
        }
        // The files must both exercise the shortcut and be stored often enough to prove anything.
        #expect(exercised > 50 && stored > 5, "shortcut rows \(exercised), files stored \(stored)")
    }

    /// Found by the fuzz target's comparison (`crash-suggestion-tie-order`): two communes
    /// that say as much as each other were suggested in either order, depending on the
    /// ingester — the same file gave two different messages.
    @Test func theSameFileGetsTheSameMessagesFromEveryIngester() throws {
        let path = FuzzFindingsTests.corpus.appendingPathComponent("csv-reader/crash-suggestion-tie-order").path
        let text = String(decoding: try FileBytes.read(path: path), as: UTF8.self)
        var outcomes = Set<String>()
        for round in 0..<12 {
            outcomes.insert(try Self.outcome(of: text, shortcut: round % 2 == 0).outcome)
        }
        #expect(outcomes.count == 1)
    }

    /// Found by the fuzz target's comparison (`crash-repeated-indicator-columns-order`): the
    /// repeated columns of a header were listed in a dictionary's order, which changes from one
    /// run to the next.
    @Test func repeatedIndicatorColumnsAreListedInTheHeadersOrder() throws {
        let header = "unit,period,biz_vn_new,id_vn_new,students_total,biz_vn_new,id_vn_new,students_total,trainings_held,id_vn_new\n"
        for shortcut in [true, false] {
            let outcome = try Self.outcome(of: header + "XA_HOA,2026-Q2,1,2,3,1,2,3,4,2\n", shortcut: shortcut).outcome
            let repeated = outcome.split(separator: "\n").filter { $0.contains("csv.header-repeated") }
            #expect(repeated.map { $0.split(separator: "'")[1] } == ["biz_vn_new", "id_vn_new", "students_total"])
        }
    }
}
