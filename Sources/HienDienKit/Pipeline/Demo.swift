import Foundation

/// The whole pipeline on the bundled SampleData: for every plan in `SampleData/plans/`, a fresh
/// store, its sample reports ingested in name order, and quarterly and year-end reports in
/// every format.
public enum Demo {
    public struct PlanRun: Sendable {
        public var planID: String
        public var database: String
        public var asOf: Day
        public var ingested: [IngestSummary]
        /// Files refused, with why (sample data includes none on purpose; a refusal is a defect).
        public var refused: [(file: String, error: InputError)]
        public var reports: [String]
    }

    public static func run(sampleData: String, out: String, templates: TemplateLibrary) throws -> [PlanRun] {
        let files = FileManager.default
        let plansDirectory = (sampleData as NSString).appendingPathComponent("plans")
        let planFiles = try files.contentsOfDirectory(atPath: plansDirectory).filter { $0.hasSuffix(".json") }.sorted()
        var runs: [PlanRun] = []
        for planFile in planFiles {
            let planPath = (plansDirectory as NSString).appendingPathComponent(planFile)
            let json = String(decoding: try FileBytes.read(path: planPath), as: UTF8.self)
            let plan = try Plan.load(path: planPath, label: "SampleData/plans/\(planFile)")
            // The plan's id names its folder: it must be a plain name inside `out`, since the
            // folder's store is deleted and made afresh.
            let directory = try ReportRenderer.periodFolder(plan.id, in: out).path
            try files.createDirectory(atPath: directory, withIntermediateDirectories: true)
            let database = (directory as NSString).appendingPathComponent("hiendien.sqlite")
            for suffix in ["", "-wal", "-shm"] { try? files.removeItem(atPath: database + suffix) }
            let store = try Store(path: database)
            try store.load(plan: plan, json: json, file: "SampleData/plans/\(planFile)")

            // A simulated clock: the sample reports are dated within the plan, so the demo runs
            // "after" the plan; the reports' as-of date is then fixed by the data (reproducible).
            let clock = max(Day.today(), plan.end.adding(days: 1))
            let ingester = ReportIngester(plan: plan, store: store)
            let reportsDirectory = (sampleData as NSString).appendingPathComponent("reports/\(plan.id)")
            let reportFiles = ((try? files.contentsOfDirectory(atPath: reportsDirectory)) ?? [])
                .filter { $0.hasSuffix(".csv") || $0.hasSuffix(".json") }.sorted()
            var ingested: [IngestSummary] = []
            var refused: [(String, InputError)] = []
            for reportFile in reportFiles {
                let path = (reportsDirectory as NSString).appendingPathComponent(reportFile)
                let label = "SampleData/reports/\(plan.id)/\(reportFile)"
                do {
                    ingested.append(try ingester.ingest(path: path, label: label, options: IngestOptions(today: clock)))
                } catch let error as InputError {
                    refused.append((label, error))
                }
            }

            let periods = try store.periodsWithSubmissions()
            let latest = periods.last ?? plan.quarters.first ?? .year(plan.start.year)
            // Each report is dated as a real one would be: a quarterly report the day after its
            // quarter's due date, a year-end report on the year's due date (fixed by the plan,
            // so every run writes the same bytes).
            let asOf = max(plan.reporting.lastAllowedDay(for: latest).adding(days: 1),
                           try store.latestReceipt() ?? plan.start)
            var reportPeriods = Set(periods.filter { !$0.isYear })
            for period in periods { reportPeriods.insert(period.yearPeriod) }
            var written: [String] = []
            for period in reportPeriods.sorted() where plan.contains(period) {
                written += try ReportJob.write(store: store, plan: plan, period: period, asOf: reportDate(period, plan: plan),
                                               formats: Set(ReportFormat.allCases), out: directory, templates: templates)
            }
            runs.append(PlanRun(planID: plan.id, database: database, asOf: asOf, ingested: ingested, refused: refused,
                                reports: written))
        }
        return runs
    }

    /// The date a demo report is written: the day after a quarter's due date; for a year-end
    /// report the year's due date, or the day after its last quarter's due date when that is
    /// later (Decree 09: annual reports by 14/12, the Q4 reports by 19/12 — the year-end report
    /// consolidates both), still before 31/12 so it estimates the year from the pace.
    public static func reportDate(_ period: Period, plan: Plan) -> Day {
        let due = plan.reporting.lastAllowedDay(for: period)
        guard period.isYear, let last = period.quarters.last else { return due.adding(days: 1) }
        return max(due, plan.reporting.lastAllowedDay(for: last).adding(days: 1))
    }
}
