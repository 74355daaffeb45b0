extension BlankForm {
    /// The name of the instructions sheet of the `.xlsx` form.
    public static let instructionsSheetName = "Hướng dẫn"

    /// The blank form as an Excel workbook: the sheet `Báo cáo` with the CSV form's columns —
    /// unit, period and indicator filled in and locked, the indicator's name and unit of count
    /// beside its id, the value column open and limited to whole numbers ≥ 0 (blank allowed),
    /// note and date open — and a second sheet `Hướng dẫn` saying how to fill it in.
    ///
    /// `ingest` reads it unchanged once filled in (the sheet is found by its name).
    public static func xlsx(plan: Plan, unit: ReportingUnit, period: Period) -> [UInt8] {
        let header = ["Đơn vị", "Kỳ báo cáo", "Chỉ tiêu", "Tên chỉ tiêu", "Đơn vị tính", "Giá trị", "Ghi chú", "Ngày gửi"]
        var form = Spreadsheet.Sheet(name: sheetName)
        form.rows.append(header.map { .text($0, .header) })
        for indicator in plan.indicators where indicator.counts(type: unit.type) || indicator.sources == nil {
            form.rows.append([.text(unit.id), .text(period.description), .text(indicator.id), .text(indicator.name),
                              .text(indicator.unit), .blank(.inputCount), .blank(.inputText), .blank(.inputDate)])
        }
        form.columnWidths = [14, 12, 24, 48, 12, 14, 30, 14]
        form.frozenRows = 1
        form.isProtected = true
        if form.rows.count > 1 {
            form.validations = [Spreadsheet.Validation(
                range: "F2:F\(form.rows.count)", minimum: 0, title: "Giá trị",
                message: "Nhập số nguyên không âm (ví dụ 1250). Để trống nếu chưa có số liệu; không ghi 0 thay cho ô trống.")]
        }
        let lines = [
            ("BIỂU MẪU BÁO CÁO — HƯỚNG DẪN ĐIỀN", Spreadsheet.Style.title),
            ("Đơn vị: \(unit.name) (\(unit.id)). Kỳ báo cáo: \(VietnameseFormat.shortPeriod(period)).", .wrapped),
            ("1. Chỉ điền vào các cột “Giá trị”, “Ghi chú” và “Ngày gửi” của trang “\(sheetName)”. Các cột đơn vị, kỳ báo cáo và chỉ tiêu đã được điền sẵn và khóa; không sửa, không thêm hoặc xóa dòng, không đổi tên trang.", .wrapped),
            ("2. “Giá trị” là số nguyên không âm, theo đơn vị tính ghi bên cạnh (ví dụ 1250 hoặc 1.250). Chỉ tiêu chưa có số liệu thì để trống, không ghi 0.", .wrapped),
            ("3. “Ngày gửi” ghi theo dạng ngày/tháng/năm (ví dụ 18/06/2026); có thể để trống.", .wrapped),
            ("4. Nếu dùng công thức, lưu tệp sau khi Excel đã tính xong để tệp có giá trị của công thức.", .wrapped),
            ("5. Lưu tệp dạng Excel Workbook (.xlsx), không đặt mật khẩu, và gửi lại cho Sở Khoa học và Công nghệ.", .wrapped),
        ]
        var instructions = Spreadsheet.Sheet(name: instructionsSheetName)
        instructions.rows = lines.map { [.text($0.0, $0.1)] }
        instructions.columnWidths = [110]
        return Spreadsheet(sheets: [form, instructions]).bytes()
    }
}
