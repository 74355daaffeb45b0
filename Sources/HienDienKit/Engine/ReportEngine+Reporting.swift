/// Submission timeliness: which units owe a report for a period, whether each came on time, late
/// or not yet (by the plan's last allowed day), and the completeness and timeliness rates per unit
/// type and overall.
extension ReportEngine {
    // MARK: - Status

    /// Who reported for `period` and when, as known on `asOf` (what `hiendien status` lists):
    /// read from the submissions alone, no value is loaded.
    public func reportingStatus(for period: Period, asOf: Day, store: Store) throws -> ReportingStatus {
        let records = try store.read { try $0.submissions(in: [period], receivedBy: asOf) }
        let rows = submissionRows(for: period, asOf: asOf, records: records)
        return ReportingStatus(period: period, due: plan.reporting.lastAllowedDay(for: period), asOf: asOf,
                               submissions: rows, rates: rates(rows))
    }

    // MARK: - Submissions

    /// One row per unit expected to report for `period`, sorted by unit id: on time when first
    /// received by the last allowed day, late after it, missing once `asOf` has passed it without
    /// a report, pending before.
    func submissionRows(for period: Period, asOf: Day, records: [SubmissionRecord]) -> [SubmissionRow] {
        let due = plan.reporting.lastAllowedDay(for: period)
        let byUnit = Dictionary(records.filter { $0.period == period }.map { ($0.unit, $0) },
                                uniquingKeysWith: { a, _ in a })
        // A unit that ended (merged, dissolved) before the report fell due is not asked for it:
        // its last report is the one due while it still existed.
        // (One pass over the expected units, no second copy of them: 4,000 units nationally.)
        let askedUntil = min(due, Self.calendarEnd(of: period))
        // The units `Plan.expectedUnits(for:)` lists, read in place rather than copied.
        let window = plan.reporting.window(for: period)
        let owes = plan.owes(period)
        return plan.units.lazy.filter { owes && $0.isGraded && $0.exists(during: window) }.compactMap { unit -> SubmissionRow? in
            if let until = unit.until, until < askedUntil { return nil }
            let record = byUnit[unit.id]
            let status: SubmissionStatus
            if let record {
                status = record.firstReceived <= due ? .onTime : .late
            } else {
                status = asOf > due ? .missing : .pending
            }
            return SubmissionRow(unit: unit.id, period: period, status: status, received: record?.firstReceived,
                                 due: due, revisions: record?.revisions ?? 0, daysLeft: asOf.days(to: due))
        }.sorted { $0.unit < $1.unit }
    }

    // MARK: - Rates

    /// Completeness and timeliness per unit type (in the plan's order; types without expected
    /// units left out), then overall.
    func rates(_ rows: [SubmissionRow]) -> [ReportingRate] {
        let typeOf = Dictionary(plan.units.map { ($0.id, $0.type) }, uniquingKeysWith: { a, _ in a })
        func rate(_ type: String?, _ rows: [SubmissionRow]) -> ReportingRate {
            ReportingRate(type: type, expected: rows.count,
                          reported: rows.filter { $0.status == .onTime || $0.status == .late }.count,
                          onTime: rows.filter { $0.status == .onTime }.count)
        }
        let byType = plan.unitTypes.compactMap { type -> ReportingRate? in
            let subset = rows.filter { typeOf[$0.unit] == type }
            return subset.isEmpty ? nil : rate(type, subset)
        }
        return byType + [rate(nil, rows)]
    }
}
