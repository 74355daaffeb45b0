extension ReportTables {
    /// The file name of the tables workbook, beside the CSV tables.
    public static let workbookName = "tables.xlsx"

    /// The contract's four tables as one workbook for people: one sheet per table, Vietnamese
    /// headers, each id with its name beside it, counts as numbers, shares as percentages,
    /// dates as dates, the header row frozen and filters on.
    ///
    /// The rows and their order are those of the CSV tables (`targets`, `indicators`,
    /// `submissions`, `tasks`); the workbook adds names, never changes a figure.
    public static func workbook(_ report: PeriodReport) -> [UInt8] {
        workbookSheets(report).bytes()
    }

    /// `workbook(_:)` written into `file` as it is made; throws the first error writing it.
    static func writeWorkbook(_ report: PeriodReport, into file: OutputFiles.NewFile) throws {
        try workbookSheets(report).write(into: file)
    }

    private static func workbookSheets(_ report: PeriodReport) -> Spreadsheet {
        let plan = report.plan
        let unitNames = Dictionary(plan.units.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let indicators = Dictionary(plan.indicators.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        func unitName(_ id: String) -> String { unitNames[id] ?? id }
        func scopeName(_ scope: Scope) -> String { scope.unitID.map(unitName) ?? "Toàn tỉnh" }
        let period = VietnameseFormat.shortPeriod(report.period)
        typealias Cell = Spreadsheet.Cell
        func optional(_ value: Double?, _ style: Spreadsheet.Style) -> Cell { value.map { Cell.number($0, style) } ?? .blank(style) }

        var targets = Spreadsheet.Sheet(name: "Mục tiêu")
        targets.rows = [["Kỳ báo cáo", "Mã mục tiêu", "Mục tiêu", "Mã đơn vị", "Phạm vi", "Thực hiện", "Chỉ tiêu",
                         "Chỉ tiêu phấn đấu", "Yêu cầu đến kỳ", "Thời hạn", "Đánh giá"].map { .text($0, .header) }]
        let targetRows = report.targets.sorted { a, b in
            if a.target.id != b.target.id { return a.target.id < b.target.id }
            return a.scope < b.scope
        }
        targets.generatedRows = .init(count: targetRows.count, width: targets.rows[0].count) { index in
            let row = targetRows[index]
            let style: Spreadsheet.Style = row.target.kind.isFraction ? .percent : .decimal
            return [.text(period), .text(row.target.id), .text(row.target.name), .text(row.scope.tableText), .text(scopeName(row.scope)),
                    optional(row.actual, style), .number(row.goal, style), optional(row.goalHigh, style),
                    .number(row.expected, style), Cell(value: .day(row.target.deadline), style: .date),
                    .text(VietnameseLabels.status(row.status))]
        }
        targets.columnWidths = [12, 18, 40, 14, 28, 12, 12, 12, 12, 12, 16]

        var values = Spreadsheet.Sheet(name: "Số liệu chỉ tiêu")
        values.rows = [["Kỳ báo cáo", "Mã đơn vị", "Đơn vị", "Mã chỉ tiêu", "Chỉ tiêu", "Đơn vị tính", "Giá trị kỳ",
                        "Lũy kế", "Số liệu kỳ trước"].map { .text($0, .header) }]
        let shown = report.indicators.indices.filter { report.indicators[$0].scope == .total || report.indicators[$0].value != nil }
        values.generatedRows = .init(count: shown.count, width: values.rows[0].count) { index in
            let row = report.indicators[shown[index]]
            let indicator = indicators[row.indicator]
            return [.text(period), .text(row.scope.tableText), .text(scopeName(row.scope)), .text(row.indicator),
                    .text(indicator?.name ?? row.indicator), .text(indicator?.unit ?? ""),
                    optional(row.value.map(Double.init), .count), optional(row.cumulative.map(Double.init), .count),
                    .text(row.carried ? "Có" : "")]
        }
        values.columnWidths = [12, 14, 30, 20, 44, 12, 12, 12, 12]

        var submissions = Spreadsheet.Sheet(name: "Tình hình báo cáo")
        submissions.rows = [["Kỳ báo cáo", "Mã đơn vị", "Đơn vị", "Tình trạng", "Ngày nhận", "Hạn báo cáo", "Số lần gửi lại"]
            .map { .text($0, .header) }]
        submissions.generatedRows = .init(count: report.submissions.count, width: submissions.rows[0].count) { index in
            let row = report.submissions[index]
            return [.text(VietnameseFormat.shortPeriod(row.period)), .text(row.unit), .text(unitName(row.unit)),
                    .text(VietnameseLabels.submission(row.status)),
                    row.received.map { Cell(value: .day($0), style: .date) } ?? .blank(.date),
                    Cell(value: .day(row.due), style: .date), .number(Double(row.revisions))]
        }
        submissions.columnWidths = [12, 14, 36, 16, 12, 12, 10]

        var tasks = Spreadsheet.Sheet(name: "Nhiệm vụ")
        tasks.rows = [["Kỳ báo cáo", "Mã nhiệm vụ", "Nhiệm vụ", "Đơn vị chủ trì", "Tình trạng", "Kết quả đơn vị báo cáo"].map { .text($0, .header) }]
        for row in report.tasks {
            let evidence = row.evidence.compactMap { item in item.text.map { "\(unitName(item.unit)): \($0)" } }.joined(separator: "\n")
            tasks.rows.append([.text(period), .text(row.task.id), .text(row.task.title), .text(row.task.lead.map(unitName).joined(separator: "; ")),
                               .text(VietnameseLabels.task(row.status)), .text(evidence)])
        }
        tasks.columnWidths = [12, 14, 44, 30, 16, 60]

        var sheets = [targets, values, submissions, tasks]
        for index in sheets.indices {
            sheets[index].frozenRows = 1
            sheets[index].autoFilter = true
        }
        return Spreadsheet(sheets: sheets)
    }
}
