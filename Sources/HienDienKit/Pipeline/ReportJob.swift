/// Computes a period's report from the store and writes it in the requested formats.
public enum ReportJob {
    /// Resolves `latest` (the most recent quarter whose window has closed as of `asOf`) or any
    /// period spelling, and checks it lies within the plan.
    public static func period(_ text: String, plan: Plan, asOf: Day) throws -> Period {
        if text.trimmingWhitespace().lowercased() == "latest" {
            let latest = plan.reporting.latestClosedQuarter(asOf: asOf)
            guard plan.contains(latest) else {
                throw UsageProblem("no quarter of plan '\(plan.id)' has closed by \(asOf) (the plan runs \(plan.start) – \(plan.end))")
            }
            return latest
        }
        guard let period = Period(parsing: text) else {
            throw UsageProblem("'\(text)' is not a period: write 2026-Q2, 2026, Q2/2026, Quý II/2026 or latest")
        }
        guard plan.contains(period) else {
            throw UsageProblem("\(period) lies outside plan '\(plan.id)' (\(plan.start) – \(plan.end))")
        }
        return period
    }

    /// Computes and writes one period's report; returns the paths written.
    public static func write(store: Store, plan: Plan, period: Period, asOf: Day, formats: Set<ReportFormat>,
                             out: String, templates: TemplateLibrary) throws -> [String] {
        let report = try ReportEngine(plan: plan).report(for: period, asOf: asOf, store: store)
        return try ReportRenderer(templates: templates).write(report, formats: formats, to: out)
    }
}

/// A request the user can fix by asking differently (exit code 2 in the runner).
public struct UsageProblem: Error, Sendable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
