/// A blank report form for one unit and period: the long-form CSV a unit fills in and sends
/// back, which `ingest` reads unchanged once the values are filled in.
///
/// UTF-8 with a byte-order mark and `;` between fields — what Excel with Vietnamese regional
/// settings opens correctly and saves back — with Vietnamese headers and one row per indicator.
/// Written by `CSVWriter`, so every cell a spreadsheet would run as a formula is neutralised;
/// the ids it reads back never need it (a plan id begins with a letter or digit).
public enum BlankForm {
    /// The name of the form's sheet in the `.xlsx` form, which `ingest` reads first.
    public static let sheetName = "Báo cáo"

    public static func csv(plan: Plan, unit: ReportingUnit, period: Period) -> String {
        var writer = CSVWriter(header: ["đơn vị", "kỳ báo cáo", "chỉ tiêu", "tên chỉ tiêu", "đơn vị tính", "giá trị", "ghi chú", "ngày gửi"],
                               delimiter: ";")
        for indicator in plan.indicators where indicator.counts(type: unit.type) || indicator.sources == nil {
            writer.append([unit.id, period.description, indicator.id, indicator.name, indicator.unit, "", "", ""])
        }
        return writer.text
    }
}
