/// Counted task quotas ("01 cuộc", "ít nhất 01 lần" with a `quota_indicator`): a task is done
/// only when its leads' figures reach the count, whatever the leads say.
extension ReportEngine {
    func applyQuotas(_ rows: [TaskRow], _ table: ValueTable, _ period: Period) -> [TaskRow] {
        rows.map { row in
            guard let count = row.task.quotaCount, let id = row.task.quotaIndicator,
                  let i = table.indicatorIndex[id] else { return row }
            var row = row
            let progress = row.task.lead.compactMap { table.unitIndex[$0] }.reduce(Int64(0)) { total, u in
                total + (table.cumulative(u, i, period) ?? 0)
            }
            row.quotaProgress = progress
            if progress < Int64(count) && row.status == .done {
                // Said to be done without the count: in progress, or overdue once its month has passed
                // (as for any task not done).
                let windowEnd = plan.reporting.window(for: period).upperBound
                let overdue = row.task.schedule.dueDay.map { $0 < windowEnd } ?? false
                row.status = overdue ? .overdue : .inProgress
            }
            return row
        }
    }
}
