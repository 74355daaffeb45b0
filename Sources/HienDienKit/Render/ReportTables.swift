/// The contract's machine tables (`targets.csv`, `indicators.csv`, `submissions.csv`,
/// `tasks.csv`), with their exact columns and sort orders.
public enum ReportTables {
    public static let fileNames = ["targets.csv", "indicators.csv", "submissions.csv", "tasks.csv"]

    /// `period,target_id,scope,actual,goal,goal_high,expected,deadline,status`, sorted by
    /// target id, then scope (the total, written `TOTAL`, first, then unit id).
    public static func targets(_ report: PeriodReport) -> String {
        var text = ""
        targets(report) { text += $0 }
        return text
    }

    /// `targets(_:)` handed to `emit` a piece at a time.
    public static func targets(_ report: PeriodReport, pieceLength: Int = pieceLength,
                                    emit: (String) throws -> Void) rethrows {
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
            if csv.text.utf8.count >= pieceLength { try emit(csv.takeText()) }
        }
        try emit(csv.takeText())
    }

    /// `period,unit,indicator,value,cumulative,carried`: per unit with a value, then `TOTAL`;
    /// sorted by indicator, then unit (`TOTAL` last).
    /// A plan whose indicators declare rates adds one column per rate (`per_1000_people`, …):
    /// cumulative ÷ the unit's reference figure, 4 places, empty without the figure.
    public static func indicators(_ report: PeriodReport) -> String {
        var text = ""
        indicators(report) { text += $0 }
        return text
    }

    /// `indicators(_:)` handed to `emit` a piece at a time: the national table (84.000 rows) is
    /// never held whole.
    public static func indicators(_ report: PeriodReport, pieceLength: Int = pieceLength,
                                    emit: (String) throws -> Void) rethrows {
        let kinds = Rate.allCases.filter { kind in report.plan.indicators.contains { $0.rates.contains(kind) } }
        struct Key: Hashable { var scope: Scope, indicator: String, rate: Rate }
        var byKey: [Key: Double] = [:]
        for row in report.rateRows { byKey[Key(scope: row.scope, indicator: row.indicator, rate: row.rate)] = row.result }
        var csv = CSVWriter(header: ["period", "unit", "indicator", "value", "cumulative", "carried"] + kinds.map(\.rawValue))
        for row in report.indicators where row.scope == .total || row.value != nil {
            let rates = kinds.map { kind in byKey[Key(scope: row.scope, indicator: row.indicator, rate: kind)].map(CSVWriter.ratio) ?? "" }
            csv.append([report.period.description, row.scope.tableText, row.indicator, row.value.map(String.init) ?? "",
                        row.cumulative.map(String.init) ?? "", row.carried ? "1" : "0"] + rates)
            if csv.text.utf8.count >= pieceLength { try emit(csv.takeText()) }
        }
        try emit(csv.takeText())
    }

    /// `period,unit,status,received,due,revisions`: one row per unit expected to report.
    public static func submissions(_ report: PeriodReport) -> String {
        var text = ""
        submissions(report) { text += $0 }
        return text
    }

    /// `submissions(_:)` handed to `emit` a piece at a time.
    public static func submissions(_ report: PeriodReport, pieceLength: Int = pieceLength,
                                    emit: (String) throws -> Void) rethrows {
        var csv = CSVWriter(header: ["period", "unit", "status", "received", "due", "revisions"])
        for row in report.submissions {
            csv.append([row.period.description, row.unit, row.status.rawValue, row.received?.description ?? "",
                        row.due.description, String(row.revisions)])
            if csv.text.utf8.count >= pieceLength { try emit(csv.takeText()) }
        }
        try emit(csv.takeText())
    }

    /// `period,task_id,lead,status,evidence`; leads joined with `;`, evidence as `UNIT: text`
    /// joined with ` | `.
    public static func tasks(_ report: PeriodReport) -> String {
        var text = ""
        tasks(report) { text += $0 }
        return text
    }

    /// `tasks(_:)` handed to `emit` a piece at a time.
    public static func tasks(_ report: PeriodReport, pieceLength: Int = pieceLength,
                                    emit: (String) throws -> Void) rethrows {
        var csv = CSVWriter(header: ["period", "task_id", "lead", "status", "evidence"])
        for row in report.tasks {
            let evidence = row.evidence.compactMap { item in item.text.map { "\(item.unit): \($0)" } }.joined(separator: " | ")
            csv.append([report.period.description, row.task.id, row.task.lead.joined(separator: ";"), row.status.rawValue,
                        evidence])
            if csv.text.utf8.count >= pieceLength { try emit(csv.takeText()) }
        }
        try emit(csv.takeText())
    }

    /// All four tables by file name, each handed to `emit` a piece at a time, for its file.
    public static let writers: [(name: String, write: @Sendable (PeriodReport, (String) throws -> Void) throws -> Void)] = [
        ("targets.csv", { try targets($0, emit: $1) }), ("indicators.csv", { try indicators($0, emit: $1) }),
        ("submissions.csv", { try submissions($0, emit: $1) }), ("tasks.csv", { try tasks($0, emit: $1) }),
    ]

    /// How many bytes of whole rows a table gathers before handing them on.
    public static let pieceLength = 256 * 1024

    /// All four tables by file name.
    public static func all(_ report: PeriodReport) -> [(name: String, text: String)] {
        [("targets.csv", targets(report)), ("indicators.csv", indicators(report)),
         ("submissions.csv", submissions(report)), ("tasks.csv", tasks(report))]
    }
}
