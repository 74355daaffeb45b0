/// A blank report form for one unit and period: the long-form CSV a unit fills in and sends
/// back, which `ingest` reads unchanged once the values are filled in.
///
/// UTF-8 with a byte-order mark and `;` between fields — what Excel with Vietnamese regional
/// settings opens correctly and saves back — with Vietnamese headers and one row per indicator.
public enum BlankForm {
    /// The name of the form's sheet in the `.xlsx` form, which `ingest` reads first.
    public static let sheetName = "Báo cáo"

    public static func csv(plan: Plan, unit: ReportingUnit, period: Period) -> String {
        var text = "\u{FEFF}"
        let header = ["đơn vị", "kỳ báo cáo", "chỉ tiêu", "tên chỉ tiêu", "đơn vị tính", "giá trị", "ghi chú", "ngày gửi"]
        text += header.joined(separator: ";") + "\r\n"
        for indicator in plan.indicators where indicator.counts(type: unit.type) || indicator.sources == nil {
            // The names are read past on ingest, so they can be made formula-safe; the ids are
            // read back and kept as they are (plan ids hold no formula: letters, digits, _ - .).
            let row = [unit.id, period.description, indicator.id, CSVWriter.neutralised(indicator.name),
                       CSVWriter.neutralised(indicator.unit), "", "", ""]
            text += row.map(escape).joined(separator: ";") + "\r\n"
        }
        return text
    }

    private static func escape(_ cell: String) -> String {
        CSVWriter.quoted(cell, delimiter: ";")
    }
}

import Foundation
