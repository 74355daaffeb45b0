/// Task status: where each appendix task stands for a period, from its lead units' own words
/// (done, in progress, not started) and its schedule (overdue once its due month has passed).
/// Counted quotas that overrule the leads' word are in `ReportEngine+TaskQuotas.swift`.
extension ReportEngine {
    /// Each task's status as of `asOf` (the report's date): a one-off task not done is overdue
    /// once its due month has passed by that day (README.md, "What the figures mean"), not by the data window's end.
    func taskRows(for period: Period, asOf: Day, reports: [TaskReport]) -> [TaskRow] {
        let windowEnd = plan.reporting.window(for: period).upperBound
        let judgedOn = max(asOf, windowEnd)
        let firstQuarter = period.quarters[0]
        return plan.tasks.map { task in
            let leads = Set(task.lead)
            // One-off and ongoing tasks: a lead's latest word up to the period's end counts;
            // recurring ones: only what was said for this period.
            let relevant = reports.filter { report in
                guard leads.contains(report.unit), report.period <= period else { return false }
                switch task.schedule {
                case .due, .ongoing: return true
                case .quarterly: return report.period >= firstQuarter
                case .yearly: return report.period.year == period.year
                }
            }
            var latest: [String: TaskReport] = [:]
            for report in relevant where report.task == task.id {
                if let existing = latest[report.unit], existing.period > report.period { continue }
                latest[report.unit] = report
            }
            let statuses = task.lead.compactMap { latest[$0]?.status }
            var state: TaskState
            if !statuses.isEmpty && statuses.count == task.lead.count && statuses.allSatisfy({ $0 == .done }) {
                state = .done
            } else if statuses.contains(where: { $0 != .notStarted }) {
                state = .inProgress
            } else {
                state = .notStarted
            }
            if state != .done, let due = task.schedule.dueDay, due < judgedOn { state = .overdue }
            let evidence = task.lead.compactMap { latest[$0] }.map {
                TaskRow.Evidence(unit: $0.unit, period: $0.period, status: $0.status, text: $0.evidence)
            }
            var notYetDue = false
            switch task.schedule {
            case .due: notYetDue = (task.schedule.dueDay ?? judgedOn) >= judgedOn
            case .yearly(let month?): notYetDue = Day.endOf(month: month, year: period.year) >= judgedOn
            default: break
            }
            return TaskRow(task: task, status: state, reported: !latest.isEmpty, notYetDue: notYetDue && state != .done,
                           evidence: evidence)
        }
    }
}
