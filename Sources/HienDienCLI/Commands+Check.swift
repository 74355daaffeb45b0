import Foundation
import HienDienKit

extension Commands {
    // MARK: - check

    /// At most this many data checks are listed on the terminal; `data-check.md` has them all.
    static let dataChecksShown = 10

    /// The store's health, then the data checks the report of the period would list.
    func check() throws -> Int32 {
        let options = try CheckOptions(arguments)
        let databasePath = path(of: options.store)
        guard FileManager.default.fileExists(atPath: databasePath) else { throw StoreError.noPlan(path: databasePath) }
        let asOf = options.asOf ?? context.today
        // A store too damaged to open or to check is itself the finding, not a failure of `check`.
        var problems: [String]
        var planID: String?
        var periods = 0
        var assumed: [Diagnostic] = []
        var dataChecks: DataChecks?
        do {
            let store = try Store(readingAt: databasePath)
            problems = try store.healthProblems()
            if problems.isEmpty {
                let plan = try store.requirePlan()
                planID = plan.id
                periods = try store.periodsWithSubmissions().count
                assumed = plan.assumptionNotices(file: text(.planInStore(plan.id)))
                dataChecks = try self.dataChecks(store: store, plan: plan, options: options, asOf: asOf)
            }
        } catch let error as SQLiteError {
            problems = [text(.storeUnreadable(detail: text(error.phrase)))]
        }
        if problems.isEmpty {
            console.out(text(.storeHealthy(path: databasePath, plan: planID, periods: periods)))
            for notice in assumed { console.out(notice.rendered(in: language)) }
            if let dataChecks { show(dataChecks) }
            return Runner.ExitCode.success
        }
        for problem in problems { console.out(text(.storeProblem(problem))) }
        console.err(text(.storeProblemsFound(path: databasePath, count: problems.count)))
        return Runner.ExitCode.unhealthyStore
    }

    /// What the report of a period would list in `data-check.md`.
    struct DataChecks {
        var period: Period
        var asOf: Day
        var warnings: [DataWarning]
        var plan: Plan
    }

    /// The data checks of `--period` (else `latest`) as of `asOf`; nil when no period is given
    /// and no quarter has closed yet (said on stderr), since the store's health is still worth knowing.
    func dataChecks(store: Store, plan: Plan, options: CheckOptions, asOf: Day) throws -> DataChecks? {
        let period: Period
        do {
            period = try resolvePeriod(options.period, plan: plan, asOf: asOf)
        } catch let problem as UsageProblem where !options.periodGiven {
            console.err(problem.rendered(in: language))
            return nil
        }
        let report = try ReportEngine(plan: plan).report(for: period, asOf: asOf, store: store)
        return DataChecks(period: period, asOf: asOf, warnings: report.warnings, plan: plan)
    }

    /// The count, the first few checks as the report words them, and where to read them all.
    func show(_ checks: DataChecks) {
        console.out(text(.dataChecksCounted(period: checks.period, asOf: checks.asOf, count: checks.warnings.count)))
        guard !checks.warnings.isEmpty else { return }
        for warning in checks.warnings.prefix(Self.dataChecksShown) {
            let unitName = checks.plan.unit(warning.unit)?.name ?? warning.unit
            let indicatorName = checks.plan.indicators.first { $0.id == warning.indicator }?.name ?? warning.indicator
            console.out(text(.dataCheck(warning, unitName: unitName, indicatorName: indicatorName)))
        }
        if checks.warnings.count > Self.dataChecksShown {
            console.out(text(.dataChecksNotShown(count: checks.warnings.count - Self.dataChecksShown)))
        }
        console.out(text(.dataChecksListedIn(period: checks.period)))
    }
}
