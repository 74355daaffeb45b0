/// Computes a period's report from the store and writes it in the requested formats.
public enum ReportJob {
    /// Resolves `latest` or any period spelling, and checks it lies within the plan.
    /// See `resolve(_:plan:asOf:)`, which also says when `latest` was taken as the plan's last quarter.
    public static func period(_ text: String, plan: Plan, asOf: Day) throws -> Period {
        try resolve(text, plan: plan, asOf: asOf).period
    }

    /// Resolves a period for a run.
    ///
    /// `latest` is the most recent quarter whose data window has closed as of `asOf`. After the
    /// plan has ended it is the plan's last quarter, with a note saying so; before the plan's
    /// first quarter has closed it is a usage problem that says on which day it will close.
    public static func resolve(_ text: String, plan: Plan, asOf: Day) throws -> (period: Period, note: Message?) {
        if text.trimmingWhitespace().lowercased() == "latest" {
            let latest = plan.reporting.latestClosedQuarter(asOf: asOf)
            if plan.contains(latest) { return (latest, nil) }
            let last = Period.quarter((plan.end.month - 1) / 3 + 1, of: plan.end.year)
            if latest > last { return (last, .latestIsLastQuarter(period: last, planEnd: plan.end)) }
            let first = Period.quarter((plan.start.month - 1) / 3 + 1, of: plan.start.year)
            throw UsageProblem(.noQuarterClosedYet(plan: plan.id, first: first,
                                                   closesOn: plan.reporting.window(for: first).upperBound))
        }
        guard let period = Period(parsing: text) else {
            throw UsageProblem(.notAPeriod(text))
        }
        guard plan.contains(period) else {
            throw UsageProblem(.periodOutsidePlan(period: period, plan: plan.id, start: plan.start, end: plan.end))
        }
        return (period, nil)
    }

    /// Computes and writes one period's report; returns the paths written.
    public static func write(store: Store, plan: Plan, period: Period, asOf: Day, formats: Set<ReportFormat>,
                             out: String, templates: TemplateLibrary) throws -> [String] {
        let report = try ReportEngine(plan: plan).report(for: period, asOf: asOf, store: store)
        return try ReportRenderer(templates: templates).write(report, formats: formats, to: out)
    }
}

/// A request the user can fix by asking differently (exit code 2 in the runner).
///
/// Its words come from the message catalogue (`Message`), so it can be said in either language.
public struct UsageProblem: Error, Sendable, CustomStringConvertible {
    public var phrase: Message
    public init(_ phrase: Message) { self.phrase = phrase }
    /// The problem in English.
    public var description: String { phrase.rendered(in: .english) }

    public func rendered(in language: Language) -> String { phrase.rendered(in: language) }
}
