/// The contract's machine tables (`targets.csv`, `indicators.csv`, `submissions.csv`,
/// `tasks.csv`), with their exact columns and sort orders.
public enum ReportTables {
    public static let fileNames = ["targets.csv", "indicators.csv", "submissions.csv", "tasks.csv"]

    /// `period,target_id,scope,actual,goal,goal_high,expected,deadline,status`, sorted by
    /// target id, then scope (the total, written `TOTAL`, first, then unit id).
    public static func targets(_ report: PeriodReport) -> String {
        var csv = CSVWriter(header: ["period", "target_id", "scope", "actual", "goal", "goal_high", "expected", "deadline", "status"])
        let rows = report.targets.sorted { a, b in
            if a.target.id != b.target.id { return a.target.id < b.target.id }
            return a.scope < b.scope
        }
        for row in rows {
            let isFraction = row.target.kind.isFraction
            func format(_ value: Double) -> String { isFraction ? CSVWriter.ratio(value) : CSVWriter.count(value) }
            csv.append([report.period.description, row.target.id, row.scope.tableText, row.actual.map { format($0) } ?? "",
                        format(row.goal), row.goalHigh.map { format($0) } ?? "", format(row.expected),
                        row.target.deadline.description, row.status.rawValue])
        }
        return csv.text
    }

    /// `period,unit,indicator,value,cumulative,carried`: per unit with a value, then `TOTAL`;
    /// sorted by indicator, then unit (`TOTAL` last).
    /// A plan whose indicators declare rates adds one column per rate (`per_1000_people`, …):
    /// cumulative ÷ the unit's reference figure, 4 places, empty without the figure.
    public static func indicators(_ report: PeriodReport) -> String {
        let kinds = Rate.allCases.filter { kind in report.plan.indicators.contains { $0.rates.contains(kind) } }
        struct Key: Hashable { var scope: Scope, indicator: String, rate: Rate }
        var byKey: [Key: Double] = [:]
        for row in report.rateRows { byKey[Key(scope: row.scope, indicator: row.indicator, rate: row.rate)] = row.result }
        var csv = CSVWriter(header: ["period", "unit", "indicator", "value", "cumulative", "carried"] + kinds.map(\.rawValue))
        for row in report.indicators where row.scope == .total || row.value != nil {
            let rates = kinds.map { kind in byKey[Key(scope: row.scope, indicator: row.indicator, rate: kind)].map(CSVWriter.ratio) ?? "" }
            csv.append([report.period.description, row.scope.tableText, row.indicator, row.value.map(String.init) ?? "",
                        row.cumulative.map(String.init) ?? "", row.carried ? "1" : "0"] + rates)
        }
        return csv.text
    }

    /// `period,unit,status,received,due,revisions`: one row per unit expected to report.
    public static func submissions(_ report: PeriodReport) -> String {
        var csv = CSVWriter(header: ["period", "unit", "status", "received", "due", "revisions"])
        for row in report.submissions {
            csv.append([row.period.description, row.unit, row.status.rawValue, row.received?.description ?? "",
                        row.due.description, String(row.revisions)])
        }
        return csv.text
    }

    /// `period,task_id,lead,status,evidence`; leads joined with `;`, evidence as `UNIT: text`
    /// joined with ` | `.
    public static func tasks(_ report: PeriodReport) -> String {
        var csv = CSVWriter(header: ["period", "task_id", "lead", "status", "evidence"])
        for row in report.tasks {
            let evidence = row.evidence.compactMap { item in item.text.map { "\(item.unit): \($0)" } }.joined(separator: " | ")
            csv.append([report.period.description, row.task.id, row.task.lead.joined(separator: ";"), row.status.rawValue,
                        evidence])
        }
        return csv.text
    }

    /// All four tables by file name.
    public static func all(_ report: PeriodReport) -> [(name: String, text: String)] {
        [("targets.csv", targets(report)), ("indicators.csv", indicators(report)),
         ("submissions.csv", submissions(report)), ("tasks.csv", tasks(report))]
    }
}
