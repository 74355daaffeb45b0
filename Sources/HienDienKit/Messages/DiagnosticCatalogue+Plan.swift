import Foundation

extension DiagnosticCatalogue {
    /// A plan file that breaks its own rules: what the analyst who writes the plan reads.
    static let plan: [String: DiagnosticText] = [
        "plan.invalid": DiagnosticText(vi: "tệp này không phải là một kế hoạch", hint: "tệp kế hoạch là một đối tượng JSON { … } như trong docs/PLAN_FORMAT.md"),
        "plan.dates": DiagnosticText(vi: "ngày kết thúc sớm hơn ngày bắt đầu", hint: "kiểm tra lại hai ngày"),
        "plan.id": DiagnosticText(vi: "mã chỉ được dùng chữ cái A–Z không dấu, chữ số, '_', '-' và '.'", hint: "đặt lại mã, ví dụ XA_AN_BINH"),
        "plan.plan-id": DiagnosticText(
            vi: "mã kế hoạch chỉ gồm chữ cái A–Z không dấu, chữ số, '_' và '-', bắt đầu bằng chữ cái hoặc chữ số, tối đa 64 ký tự",
            hint: "mã kế hoạch dùng để đặt tên thư mục báo cáo, ví dụ \"tra-vinh-2024-2025\""),
        "plan.reserved-id": DiagnosticText(
            vi: "mã này dành riêng cho dòng tổng của cả tỉnh trong các bảng báo cáo",
            hint: "đặt cho đơn vị một mã khác"),
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
        "plan.assumed": DiagnosticText(vi: { d in
            let reason = d.message.components(separatedBy: "plan's text: ").dropFirst().first
            return Wording("giá trị do người lập tệp kế hoạch giả định, không có trong văn bản kế hoạch" + (reason.map { ": \($0)" } ?? ""),
                    hint: "đối chiếu với văn bản kế hoạch; khi văn bản nêu rõ thì ghi theo văn bản và bỏ \"assumed\"")
        }),
        "plan.issued": DiagnosticText(vi: "ngày ban hành kế hoạch sau ngày kết thúc kế hoạch", hint: "kiểm tra lại \"issued\" và \"end\""),
        "plan.issuers": DiagnosticText(vi: "danh sách cơ quan ban hành báo cáo (\"issuers\") rỗng", hint: "bỏ trường \"issuers\", hoặc ghi ít nhất một cơ quan"),
        "plan.issuer-from": DiagnosticText(vi: "từ cơ quan thứ hai trở đi phải ghi ngày bắt đầu \"from\"", hint: "ghi ngày cơ quan mới bắt đầu đảm nhận, ví dụ \"2025-07-01\""),
        "plan.issuer-gap": DiagnosticText(vi: "có khoảng thời gian không có cơ quan ban hành báo cáo", hint: "bỏ \"from\" của cơ quan đầu tiên, hoặc ghi bằng ngày bắt đầu kế hoạch"),
        "plan.issuer-order": DiagnosticText(vi: "các cơ quan ban hành phải ghi theo thứ tự thời gian", hint: "sắp xếp lại theo ngày \"from\""),
        "plan.issuer-range": DiagnosticText(vi: "ngày đổi cơ quan ban hành nằm ngoài thời gian của kế hoạch", hint: "ghi ngày trong khoảng \"start\" – \"end\" của kế hoạch"),
        "plan.informed": DiagnosticText(vi: "\"informed\" chỉ dùng cho đơn vị có báo cáo; đơn vị này ghi \"reports\": false", hint: "bỏ \"informed\" hoặc \"reports\": false"),
        "plan.via": DiagnosticText(vi: "đơn vị không thể báo cáo qua chính mình", hint: "ghi mã đơn vị tổng hợp báo cáo hộ trong \"via\""),
        "plan.via-cycle": DiagnosticText(vi: "báo cáo được gửi vòng quanh giữa các đơn vị, không đến được cơ quan tổng hợp", hint: "sửa \"via\" để đường gửi báo cáo kết thúc ở cơ quan tổng hợp"),
        "plan.via-silent": DiagnosticText(vi: "báo cáo được gửi qua một đơn vị không báo cáo", hint: "cho đơn vị đó \"reports\": true, hoặc gửi báo cáo qua đơn vị khác"),
        "plan.quota": DiagnosticText(vi: "mục tiêu độ bao phủ đã có loại đơn vị \"unit_type\" riêng", hint: "bỏ \"unit_types\" của mục tiêu này"),
        "plan.task-quota": DiagnosticText(vi: "chỉ tiêu số lượng của nhiệm vụ phải từ 1 trở lên", hint: "sửa \"quota_count\""),
        "plan.ranking": DiagnosticText(vi: { d in
            Wording("xếp hạng phải theo một chỉ tiêu hoặc mục tiêu của kế hoạch",
                    hint: d.hint.flatMap(suggestedID).map { "có phải là '\($0)'?" } ?? "ghi mã chỉ tiêu hoặc mục tiêu trong \"by\"")
        }),
        "plan.commendation": DiagnosticText(vi: "tiêu chí khen thưởng được xét theo từng đơn vị, nên mục tiêu cần \"per_unit\": true", hint: "thêm \"per_unit\": true cho mục tiêu đó"),
        "plan.unknown-target": DiagnosticText(vi: { d in
            Wording("kế hoạch không có mục tiêu mang mã này",
                    hint: d.hint.flatMap(suggestedID).map { "có phải là '\($0)'?" } ?? "dùng mã của một mục tiêu trong danh sách \"targets\"")
        }),
        "plan.rate": DiagnosticText(vi: "không nhận ra cách tính tỷ lệ này", hint: "dùng một trong các cách tính đã nêu trong docs/PLAN_FORMAT.md"),
        "plan.rate-reference": DiagnosticText(vi: "không đơn vị nào có số liệu tham chiếu làm mẫu số cho tỷ lệ này", hint: "ghi số liệu tham chiếu \"reference\" (giá trị, ngày, nguồn) cho các đơn vị"),
        "plan.reference-kind": DiagnosticText(vi: "không nhận ra loại số liệu tham chiếu", hint: "dùng một trong các loại đã nêu trong docs/PLAN_FORMAT.md"),
        "plan.reference-value": DiagnosticText(vi: "số liệu tham chiếu phải là số nguyên dương", hint: "sửa lại giá trị"),
        "plan.target-goals": DiagnosticText(vi: "mục tiêu ghi cho một năm nằm ngoài thời gian của kế hoạch", hint: "chỉ ghi mục tiêu cho các năm của kế hoạch"),
        "plan.target-recurs": DiagnosticText(vi: "mục tiêu chỉ lặp lại hằng năm (\"yearly\")", hint: "ghi \"recurs\": \"yearly\" hoặc bỏ trường này"),
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
