extension DiagnosticCatalogue {
    /// Unit reports and the files they come in: what a clerk in a commune reads.
    static let input: [String: DiagnosticText] = [
        // MARK: Values
        "value.decimal": DiagnosticText(
            vi: "số liệu phải là số nguyên; giá trị này có phần thập phân",
            hint: "ghi số đếm nguyên (ví dụ 12 hoặc 13, không ghi 12,5); dấu chấm, dấu phẩy và dấu cách chỉ dùng để tách hàng nghìn (1.250 là một nghìn hai trăm năm mươi)"),
        "value.negative": DiagnosticText(
            vi: "số liệu không được là số âm",
            hint: "ghi số từ 0 trở lên; muốn sửa số đã gửi trước đó thì gửi lại số đúng cho cùng đơn vị và kỳ báo cáo"),
        "value.plusSign": DiagnosticText(vi: "số liệu không ghi dấu", hint: "ghi số không có dấu '+'"),
        "value.scientific": DiagnosticText(
            vi: "số này đang ở dạng lũy thừa (Excel tự rút gọn), không phải số chính xác",
            hint: "trong Excel, định dạng cột là Number với 0 chữ số thập phân, lưu lại tệp và kiểm tra lại số"),
        "value.percentage": DiagnosticText(
            vi: "số liệu là số lượng, không được ghi tỷ lệ phần trăm",
            hint: "ghi số lượng (bao nhiêu), không ghi tỷ lệ; tỷ lệ do chương trình tự tính từ các số lượng"),
        "value.badGrouping": DiagnosticText(
            vi: "dấu tách hàng nghìn không chia chữ số thành từng nhóm ba",
            hint: "tách hàng nghìn theo nhóm ba chữ số bằng một loại dấu (1.250.000 hoặc 1 250 000), hoặc không tách (1250000)"),
        "value.tooLarge": DiagnosticText(
            vi: "số này quá lớn đối với một số liệu đếm",
            hint: "kiểm tra lại số; số trên một nghìn tỷ được coi là gõ nhầm"),
        "value.notANumber": DiagnosticText(
            vi: "đây không phải là số",
            hint: "ghi số lượng bằng chữ số (1250 hoặc 1.250), không kèm chữ; nếu không có số liệu thì để trống ô"),
        "value.conflict": DiagnosticText(vi: { d in
            Wording("cùng một đơn vị, kỳ báo cáo và chỉ tiêu được ghi hai lần trong tệp với hai số khác nhau"
                        + (d.argument("earlier").map { " (dòng trước ghi \($0))" } ?? ""),
                    hint: "mỗi chỉ tiêu chỉ ghi một lần cho mỗi đơn vị và kỳ; giữ lại một số đúng. Muốn sửa số đã gửi thì gửi lại trong một tệp sau")
        }),

        "value.withdraw-nothing": DiagnosticText(vi: { d in
            Wording("\(d.argument("unitName") ?? d.argument("unit") ?? ""), \(d.argument("periodName") ?? d.argument("period") ?? ""), chỉ tiêu “\(d.argument("indicatorName") ?? d.argument("indicator") ?? "")”: chưa có báo cáo nào trước đây ghi số liệu này nên không có gì để rút; không lưu gì cho ô này",
                    hint: "kiểm tra lại đơn vị, kỳ báo cáo và chỉ tiêu; chữ 'rút' dùng để rút lại số liệu đã gửi trong một tệp trước")
        }),
        "value.not-counted": DiagnosticText(vi: { d in
            Wording("\(d.argument("unitName") ?? d.argument("unit") ?? "") (\(d.argument("typeName") ?? d.argument("type") ?? "")) báo cáo chỉ tiêu “\(d.argument("indicatorName") ?? d.argument("indicator") ?? "")”, nhưng chỉ tiêu này chỉ cộng số liệu của: \(d.argument("typeNames") ?? d.argument("types") ?? ""); số liệu được lưu và hiển thị trong phụ lục, không cộng vào tổng",
                    hint: "không cần làm gì nếu số liệu chỉ để tham khảo; nếu loại đơn vị này cũng được tính thì thêm \"\(d.argument("type") ?? "")\" vào danh sách \"sources\" của chỉ tiêu \"\(d.argument("indicator") ?? "")\" trong tệp kế hoạch rồi chạy lại hiendien init")
        }),

        // MARK: Units, periods, dates, indicators, tasks
        "unit.empty": DiagnosticText(vi: "chưa ghi tên đơn vị", hint: "ghi mã hoặc tên đơn vị đúng như trong kế hoạch"),
        "unit.unknown": DiagnosticText(vi: { d in
            Wording("kế hoạch không có đơn vị nào mang mã, tên hoặc tên gọi khác này",
                    hint: d.hint.flatMap(suggestedID).map { "có phải là \($0)? Ghi đúng tên hoặc mã đơn vị như trong kế hoạch" }
                        ?? "ghi mã, tên hoặc tên gọi khác của đơn vị đúng như trong kế hoạch")
        }),
        "unit.ambiguous": DiagnosticText(vi: { d in
            Wording("tên này khớp với nhiều đơn vị" + (d.argument("units").map { " (\($0))" } ?? ""),
                    hint: "ghi mã đơn vị thay cho tên")
        }),
        "period.invalid": DiagnosticText(
            vi: "không phải là kỳ báo cáo",
            hint: "ghi quý theo dạng 2026-Q2 (hoặc Q2/2026, Quý II/2026) và năm theo dạng 2026"),
        "period.outside-plan": DiagnosticText(vi: { d in
            Wording("kỳ báo cáo nằm ngoài thời gian của kế hoạch" + (d.argument("plan-span").map { " (\($0))" } ?? ""),
                    hint: "kiểm tra lại năm; báo cáo này có phải của một kế hoạch khác không?")
        }),
        "period.outside-unit": DiagnosticText(vi: { d in
            Wording("đơn vị không tồn tại trong kỳ báo cáo này" + (d.argument("unit-life").map { " (đơn vị tồn tại \($0))" } ?? ""),
                    hint: "đơn vị chỉ báo cáo cho các kỳ mà đơn vị còn tồn tại"
                        + (d.argument("successor").map { "; sau khi sáp nhập, số liệu thuộc về \($0)" } ?? ""))
        }),
        "date.invalid": DiagnosticText(vi: "không phải là ngày", hint: "ghi ngày theo dạng ngày/tháng/năm (18/03/2026) hoặc 2026-03-18"),
        "date.future": DiagnosticText(vi: { d in
            Wording("ngày gửi báo cáo sau ngày hôm nay" + (d.argument("today").map { " (\($0))" } ?? ""),
                    hint: "kiểm tra lại năm và thứ tự ngày/tháng (ngày/tháng/năm)")
        }),
        "date.before-period": DiagnosticText(vi: "ngày gửi báo cáo sớm hơn ngày bắt đầu của kỳ báo cáo",
                                             hint: "kiểm tra lại kỳ báo cáo và ngày gửi"),
        "indicator.unknown": DiagnosticText(vi: { d in
            Wording("kế hoạch không có chỉ tiêu nào mang mã hoặc tên này",
                    hint: d.hint.flatMap(suggestedID).map { "có phải là '\($0)'?" }
                        ?? "dùng mã chỉ tiêu như trong biểu mẫu (lệnh `hiendien form` in ra biểu mẫu của đơn vị)")
        }),
        "task.unknown": DiagnosticText(vi: { d in
            Wording("phụ lục nhiệm vụ của kế hoạch không có nhiệm vụ mang số này",
                    hint: d.hint.flatMap(suggestedID).map { "có phải là '\($0)'?" } ?? "dùng số thứ tự nhiệm vụ như trong phụ lục của kế hoạch")
        }),
        "task.status": DiagnosticText(
            vi: "không phải là tình trạng nhiệm vụ",
            hint: "ghi \"done\" (hoàn thành), \"in_progress\" (đang thực hiện) hoặc \"not_started\" (chưa triển khai)"),
        "task.repeated": DiagnosticText(vi: "cùng một đơn vị, kỳ báo cáo và nhiệm vụ được ghi hai lần trong tệp",
                                        hint: "giữ lại một lần báo cáo cho mỗi nhiệm vụ"),
        "report.received-conflict": DiagnosticText(vi: { d in
            Wording("cùng một báo cáo (đơn vị và kỳ) được ghi hai ngày gửi khác nhau"
                        + (d.argument("earlier").map { " (dòng trước ghi ngày \($0))" } ?? ""),
                    hint: "mỗi báo cáo chỉ có một ngày gửi: sửa lại cho thống nhất, hoặc tách thành hai tệp")
        }),
        "report.empty": DiagnosticText(vi: "tệp không có báo cáo nào", hint: "gửi tệp có số liệu của đơn vị"),

        // MARK: CSV
        "csv.empty": DiagnosticText(vi: "tệp rỗng", hint: "xuất lại bảng tính, có cả dòng tiêu đề"),
        "csv.no-rows": DiagnosticText(vi: "tệp chỉ có dòng tiêu đề, không có dòng số liệu nào",
                                      hint: "điền số liệu vào các dòng dưới dòng tiêu đề rồi lưu lại"),
        "csv.header-missing": DiagnosticText(vi: { d in
            Wording("dòng tiêu đề thiếu cột" + (d.argument("column").map { " '\($0)'" } ?? ""),
                    hint: "dòng đầu tiên phải ghi tên các cột: đơn vị; kỳ báo cáo; chỉ tiêu; giá trị (như trong biểu mẫu)")
        }),
        "csv.header-unknown": DiagnosticText(
            vi: "không nhận ra tên cột này",
            hint: "dùng đúng các cột của biểu mẫu: đơn vị; kỳ báo cáo; chỉ tiêu; giá trị; ghi chú; ngày gửi"),
        "csv.header-repeated": DiagnosticText(vi: "cột này xuất hiện hai lần", hint: "mỗi cột chỉ giữ một lần; xóa cột trùng"),
        "csv.header-no-indicator": DiagnosticText(
            vi: "dòng tiêu đề không có cột chỉ tiêu nào",
            hint: "bảng dạng ngang có mỗi chỉ tiêu một cột; bảng dạng dọc có cột 'chỉ tiêu' và cột 'giá trị'"),
        "csv.unterminated-quote": DiagnosticText(
            vi: "một ô mở dấu nháy kép (\") nhưng không đóng lại trước cuối tệp",
            hint: "thêm dấu nháy kép đóng; dấu nháy kép nằm trong nội dung ô thì ghi hai lần (\"\")"),
        "csv.text-after-quote": DiagnosticText(
            vi: "có chữ nằm sau dấu nháy kép đóng của một ô",
            hint: "kết thúc ô ngay sau dấu nháy kép đóng; nếu dấu nháy là một phần nội dung thì đặt cả ô trong nháy kép và ghi mỗi dấu nháy bên trong hai lần"),
        "csv.field-too-long": DiagnosticText(vi: "một ô quá dài", hint: "kiểm tra đây có đúng là tệp báo cáo không, và dấu phân cách giữa các cột"),
        "csv.record-too-long": DiagnosticText(vi: "một dòng quá dài",
                                              hint: "kiểm tra đây có đúng là tệp báo cáo, mỗi dòng một số liệu (hoặc một đơn vị và kỳ) không"),
        "csv.too-many-fields": DiagnosticText(vi: "một dòng có quá nhiều cột", hint: "kiểm tra dấu phân cách giữa các cột (dấu phẩy hay dấu chấm phẩy)"),
        "csv.invalid-utf8": encoding(for: "bảng tính", save: excelSave),

        // MARK: Encodings and files
        "encoding.invalid-utf8": encoding(for: "tệp", save: excelSave),
        "json.invalid-utf8": encoding(for: "tệp JSON", save: "mở tệp bằng trình soạn thảo văn bản và lưu với bảng mã “UTF-8”"),
        "encoding.utf16": DiagnosticText(
            vi: "tệp được lưu dạng Unicode UTF-16 (Excel gọi là “Unicode Text”), không phải UTF-8",
            hint: excelSave),
        "encoding.workbook": DiagnosticText(
            vi: "đây là tệp bảng tính Excel (.xlsx hoặc .xls), không phải tệp CSV hay JSON",
            hint: excelSave),
        "file.directory": DiagnosticText(vi: "đây là thư mục, không phải tệp", hint: "chỉ rõ tên tệp"),
        "file.open": DiagnosticText(vi: "không mở được tệp", hint: "kiểm tra đường dẫn và quyền đọc tệp"),
        "file.read": DiagnosticText(vi: "không đọc được tệp", hint: "kiểm tra tệp còn nguyên và đọc được"),
        "file.unreadable": DiagnosticText(vi: "không đọc được tệp", hint: "kiểm tra tên tệp và quyền đọc tệp"),
        "file.too-large": DiagnosticText(
            vi: "tệp quá lớn",
            hint: "kiểm tra có đúng tệp không; kế hoạch và báo cáo JSON đều nhỏ, dữ liệu lớn nên gửi dạng CSV"),

        // MARK: JSON
        "json.syntax": DiagnosticText(
            vi: "tệp JSON sai cú pháp tại vị trí này",
            hint: "mở tệp bằng trình soạn thảo văn bản, sửa tại dòng và cột đã nêu (thường là thiếu hoặc thừa dấu phẩy, ngoặc, dấu nháy kép)"),
        "json.duplicate-key": DiagnosticText(vi: "một trường được ghi hai lần trong cùng một đối tượng", hint: "chỉ giữ lại một lần"),
        "json.too-deep": DiagnosticText(vi: "các ngoặc lồng nhau quá nhiều tầng", hint: "kiểm tra các ngoặc đã mở mà chưa đóng"),
        "json.missing": DiagnosticText(vi: { d in
            Wording("thiếu trường bắt buộc", hint: d.argument("field").map { "thêm trường \"\($0)\"" } ?? "thêm trường này")
        }),
        "json.type": DiagnosticText(vi: "giá trị không đúng kiểu (ví dụ cần số mà lại ghi chữ, cần chữ mà lại ghi số)",
                                    hint: "ghi giá trị đúng kiểu như trong mẫu"),
        "json.unknown-key": DiagnosticText(vi: { d in
            Wording("không nhận ra trường này",
                    hint: d.hint.flatMap(suggestedID).map { "có phải là '\($0)'?" } ?? "dùng đúng tên trường như trong mẫu")
        }),
        "json.empty": DiagnosticText(vi: "trường này không được để trống", hint: "điền nội dung cho trường"),
        "json.date": DiagnosticText(vi: "không phải là ngày hợp lệ", hint: "ghi ngày theo dạng năm-tháng-ngày, ví dụ 2026-03-31"),

        // MARK: Rows, texts and who may report (added with the reliability work)
        "csv.row-short": DiagnosticText(
            vi: "dòng này có ít cột hơn dòng tiêu đề, nên thiếu một cột",
            hint: "ghi đủ các cột, kể cả cột để trống (ô để trống nghĩa là không báo cáo); kiểm tra xem có thiếu dấu phân cách không"),
        "csv.row-long": DiagnosticText(
            vi: "dòng này có nhiều cột hơn dòng tiêu đề; giá trị này không thuộc cột nào",
            hint: "giá trị có dấu phân cách bên trong phải đặt trong ngoặc kép (\"1,5 triệu\"); hoặc thêm cột đó vào dòng tiêu đề"),
        "text.nul": DiagnosticText(
            vi: "đoạn chữ có một ký tự vô hình (mã 0) làm mất phần chữ phía sau",
            hint: "xóa ký tự vô hình đó (thường đi theo khi sao chép từ chương trình khác), rồi lưu lại tệp"),
        "date.received-before-period": DiagnosticText(
            vi: "ngày nhận (--received) trước khi kỳ báo cáo bắt đầu, nên không thể là ngày nhận báo cáo này",
            hint: "ghi đúng ngày nhận tệp bằng --received, hoặc ghi ngày gửi trong tệp"),
        "unit.not-reporting": DiagnosticText(
            vi: "đơn vị này không thuộc diện báo cáo theo kế hoạch và không được giao nhiệm vụ nào, nên số liệu của đơn vị không được tính vào đâu",
            hint: "kiểm tra lại đơn vị; nếu nay đơn vị có báo cáo, sửa kế hoạch (\"reports\": true) rồi chạy lại `hiendien init`"),
        "task.not-lead": DiagnosticText(vi: { d in
            Wording("đơn vị này không chủ trì nhiệm vụ này; tình hình thực hiện nhiệm vụ do đơn vị chủ trì báo cáo",
                    hint: "bỏ nhiệm vụ này khỏi báo cáo; gửi kết quả phối hợp cho đơn vị chủ trì, hoặc ghi vào mục khó khăn hay đề xuất")
        }),
        "report.notes-not-stored": DiagnosticText(
            vi: "báo cáo không có mục \"notes\", nên phần ghi chú này sẽ bị mất",
            hint: "ghi ý kiến vào mục \"difficulties\" (khó khăn) hoặc \"proposals\" (đề xuất), là các mục được đưa vào báo cáo"),

        // MARK: Excel workbooks (.xlsx)
        "xlsx.not-zip": DiagnosticText(
            vi: "tệp không phải là tệp Excel (.xlsx) hay Word (.docx) dạng Office Open XML",
            hint: "mở bằng Excel hoặc LibreOffice rồi lưu dưới dạng Excel Workbook (.xlsx), hoặc gửi báo cáo dạng CSV"),
        "xlsx.encrypted": DiagnosticText(
            vi: "tệp được đặt mật khẩu (mã hóa) hoặc là tệp Excel 97–2003, không phải tệp .xlsx",
            hint: "mở bằng Excel, bỏ mật khẩu (File → Info → Protect Workbook → Encrypt with Password, để trống) rồi lưu dưới dạng Excel Workbook (.xlsx)"),
        "xlsx.corrupt": DiagnosticText(
            vi: "tệp bị hỏng, không đọc được",
            hint: "mở bằng Excel hoặc LibreOffice rồi lưu lại; nếu không mở được, đề nghị đơn vị gửi lại tệp"),
        "xlsx.zip64": DiagnosticText(
            vi: "tệp được nén theo kiểu ZIP64, chương trình không đọc kiểu này",
            hint: "báo cáo của đơn vị không cần ZIP64: mở bằng Excel hoặc LibreOffice rồi lưu lại"),
        "xlsx.unsupported-compression": DiagnosticText(
            vi: "một phần của tệp được nén theo cách chương trình không đọc được",
            hint: "mở bằng Excel hoặc LibreOffice rồi lưu lại"),
        "xlsx.too-large": DiagnosticText(
            vi: "khi giải nén, tệp lớn vượt giới hạn cho phép nên bị từ chối (có thể là tệp độc hại)",
            hint: "báo cáo của một đơn vị chỉ vài kilobyte: chỉ gửi trang tính báo cáo, hoặc gửi dạng CSV"),
        "xlsx.xml-invalid": DiagnosticText(
            vi: "nội dung bên trong tệp bị lỗi cấu trúc, không đọc được",
            hint: "mở bằng Excel hoặc LibreOffice rồi lưu lại"),
        "xlsx.not-workbook": DiagnosticText(
            vi: "tệp không phải là sổ tính Excel (có thể là văn bản Word)",
            hint: "gửi báo cáo dạng Excel Workbook (.xlsx) hoặc CSV"),
        "xlsx.no-sheet": DiagnosticText(
            vi: "sổ tính không có trang tính nào đang hiện",
            hint: "hiện lại trang tính báo cáo (nhấp chuột phải vào thẻ trang tính → Unhide) rồi lưu lại"),
        "xlsx.sheet-empty": DiagnosticText(
            vi: "trang tính được đọc không có dữ liệu",
            hint: "điền vào trang tính của biểu mẫu, hoặc đặt báo cáo ở trang tính đầu tiên"),
        "xlsx.cell-invalid": DiagnosticText(
            vi: "một ô trong trang tính bị lỗi, không đọc được",
            hint: "mở bằng Excel hoặc LibreOffice rồi lưu lại"),
        "xlsx.formula-no-value": DiagnosticText(
            vi: "ô có công thức nhưng kết quả chưa được tính và lưu lại",
            hint: "mở sổ tính bằng Excel hoặc LibreOffice để chương trình tính, lưu lại rồi gửi; hoặc gõ thẳng con số thay cho công thức"),
    ]

    static let excelSave = "trong Excel chọn File → Save As → “CSV UTF-8 (Comma delimited) (*.csv)” rồi gửi lại tệp"

    /// A file not saved in UTF-8; when the site guessed an old Vietnamese font encoding, say which.
    static func encoding(for what: String, save: String) -> DiagnosticText {
        DiagnosticText(vi: { d in
            guard let legacy = d.argument("encoding") else {
                return Wording("\(what) không được lưu bằng bảng mã Unicode UTF-8", hint: save)
            }
            return Wording("\(what) không được lưu bằng bảng mã Unicode UTF-8; có lẽ đang dùng bảng mã \(legacy)",
                           hint: legacy == "Windows-1258" ? save
                               : "chuyển văn bản sang Unicode trước (ví dụ bằng “Công cụ chuyển mã” của UniKey, từ \(legacy) sang Unicode), rồi \(save)")
        })
    }
}
