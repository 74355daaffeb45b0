import Foundation

extension DiagnosticCatalogue {
    /// A plan file that breaks its own rules: what the analyst who writes the plan reads.
    static let plan: [String: DiagnosticText] = [
        "plan.invalid": DiagnosticText(vi: "tệp này không phải là một kế hoạch", hint: "tệp kế hoạch là một đối tượng JSON { … } như trong docs/PLAN_FORMAT.md"),
        "plan.dates": DiagnosticText(vi: "ngày kết thúc sớm hơn ngày bắt đầu", hint: "kiểm tra lại hai ngày"),
        "plan.id": DiagnosticText(vi: "mã chỉ được dùng chữ cái A–Z không dấu, chữ số, '_', '-' và '.'", hint: "đặt lại mã, ví dụ XA_AN_BINH"),
        "plan.duplicate-id": DiagnosticText(vi: "mã này đã dùng cho một mục khác", hint: "mỗi đơn vị, chỉ tiêu, mục tiêu, nhiệm vụ cần một mã riêng"),
        "plan.unknown-unit": DiagnosticText(vi: { d in
            Wording("kế hoạch không có đơn vị mang mã này", hint: d.hint.flatMap(suggestedID).map { "có phải là '\($0)'?" } ?? "dùng mã của một đơn vị trong danh sách \"units\"")
        }),
        "plan.unknown-indicator": DiagnosticText(vi: { d in
            Wording("kế hoạch không có chỉ tiêu mang mã này", hint: d.hint.flatMap(suggestedID).map { "có phải là '\($0)'?" } ?? "dùng mã của một chỉ tiêu trong danh sách \"indicators\"")
        }),
        "plan.merge": DiagnosticText(vi: "thông tin sáp nhập của đơn vị chưa đúng",
                                     hint: "đơn vị sáp nhập vào đơn vị khác (không phải chính nó) và ghi \"until\" là ngày cuối cùng, ví dụ \"until\": \"2025-06-30\""),
        "plan.unit-type": DiagnosticText(vi: "loại đơn vị không đúng hoặc không có đơn vị nào thuộc loại này",
                                         hint: "loại đơn vị là từ tiếng Anh viết thường đã dùng trong \"units\", ví dụ \"commune\", \"department\""),
        "plan.parent-cycle": DiagnosticText(vi: "các đơn vị trực thuộc lẫn nhau thành vòng", hint: "sửa \"parent\" để mỗi đơn vị chỉ có cấp trên ở ngoài vòng"),
        "plan.sources": DiagnosticText(vi: "danh sách \"sources\" rỗng thì không đơn vị nào được cộng vào tổng", hint: "ghi các loại đơn vị được tính, hoặc bỏ trường này"),
        "plan.over-time": DiagnosticText(vi: "\"over_time\" phải là \"sum\" (cộng dồn qua các kỳ) hoặc \"last\" (lấy số mới nhất)", hint: "sửa lại giá trị"),
        "plan.count-of-stock": DiagnosticText(vi: "mục tiêu dạng đếm cộng dồn các kỳ, nhưng chỉ tiêu này lấy số mới nhất (\"last\")",
                                              hint: "dùng một chỉ tiêu \"sum\", hoặc đổi thành mục tiêu tỷ lệ"),
        "plan.goal": DiagnosticText(vi: "giá trị mục tiêu không hợp lệ", hint: "mục tiêu tỷ lệ ghi số thập phân từ 0 đến 1 (50 % là 0.5); mục tiêu đếm ghi số nguyên không âm"),
        "plan.goal-range": DiagnosticText(vi: "cận trên \"goal_high\" nhỏ hơn \"goal\"", hint: "đổi chỗ hai giá trị"),
        "plan.baseline": DiagnosticText(vi: "giá trị ban đầu \"baseline\" lớn hơn mục tiêu", hint: "kiểm tra lại giá trị ban đầu và mục tiêu"),
        "plan.deadline": DiagnosticText(vi: "thời hạn nằm ngoài thời gian của kế hoạch", hint: "ghi thời hạn trong khoảng \"start\" – \"end\" của kế hoạch"),
        "plan.target": DiagnosticText(vi: "mục tiêu đếm chỉ ghi một trong hai trường \"indicator\" hoặc \"indicators\"", hint: "bỏ một trong hai trường"),
        "plan.target-kind": DiagnosticText(vi: "không nhận ra loại mục tiêu", hint: "dùng \"ratio\" (tỷ lệ), \"count\" (số lượng) hoặc \"coverage\" (độ bao phủ)"),
        "plan.window": DiagnosticText(vi: "không nhận ra cách tính kỳ số liệu", hint: "dùng \"decree-09\" (Nghị định 09/2019/NĐ-CP) hoặc \"calendar\" (theo quý dương lịch)"),
        "plan.due-day": DiagnosticText(vi: "hạn gửi báo cáo không hợp lệ", hint: "\"quarterly_before_day\" là ngày từ 1 đến 28; \"annual_before\" ghi dạng tháng-ngày, ví dụ \"12-15\""),
        "plan.task-due": DiagnosticText(vi: "thời hạn nhiệm vụ phải ghi theo tháng", hint: "ghi dạng năm-tháng, ví dụ \"2026-03\""),
        "plan.task-lead": DiagnosticText(vi: "nhiệm vụ cần ít nhất một đơn vị chủ trì", hint: "ghi mã đơn vị chủ trì trong \"lead\""),
        "plan.task-recurs": DiagnosticText(vi: "không nhận ra chu kỳ lặp lại của nhiệm vụ", hint: "dùng \"quarterly\" (hằng quý) hoặc \"yearly\" (hằng năm)"),
        "plan.task-schedule": DiagnosticText(vi: "nhiệm vụ chỉ ghi một trong hai: thời hạn \"due\" hoặc chu kỳ \"recurs\"", hint: "bỏ một trong hai trường"),
        "plan.task-month": DiagnosticText(vi: "\"month\" phải là tháng từ 1 đến 12 và chỉ dùng với \"recurs\": \"yearly\"", hint: "sửa hoặc bỏ trường \"month\""),
    ]

    /// `x` from an English site hint "did you mean 'x'?" (or "did you mean A or B?"), so a
    /// suggestion carries over unchanged; nil for any other hint.
    static func suggestedID(_ hint: String) -> String? {
        guard hint.hasPrefix("did you mean "), hint.hasSuffix("?") else { return nil }
        let body = hint.dropFirst("did you mean ".count).dropLast()
        if body.hasPrefix("'") && body.hasSuffix("'") && body.count >= 2 { return String(body.dropFirst().dropLast()) }
        return body.replacingOccurrences(of: " or ", with: " hoặc ")
    }
}
