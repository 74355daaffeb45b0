/// Counted task quotas ("01 cuộc", "ít nhất 01 lần" with a `quota_indicator`): a task is done
/// only when its leads' figures reach the count, whatever the leads say.
extension ReportEngine {
    /// `progress`: per task id with a counted quota, Σ of the quota indicator's cumulative
    /// figure over the task's leads (summed by `ReportPass`).
    func applyQuotas(_ rows: [TaskRow], progress quotas: [String: Int64], _ period: Period) -> [TaskRow] {
        rows.map { row in
            guard let count = row.task.quotaCount, let progress = quotas[row.task.id] else { return row }
            var row = row
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
