import Foundation

extension DiagnosticCatalogue {
    /// Writing reports and reading the templates they are written with.
    static let output: [String: DiagnosticText] = [
        "report.write": DiagnosticText(vi: "không ghi được tệp báo cáo", hint: "kiểm tra thư mục --out có tồn tại và có quyền ghi"),
        "report.outside-out-directory": DiagnosticText(
            vi: "thư mục của kỳ báo cáo sẽ nằm ngoài thư mục --out",
            hint: "báo cáo được ghi vào thư mục mang tên kỳ bên trong --out; hãy xóa liên kết tượng trưng trùng tên hoặc chọn --out khác"),
        "template.not-found": DiagnosticText(vi: "không tìm thấy mẫu báo cáo", hint: "kiểm tra thư mục --templates có đủ các tệp *.mustache"),
        "template.unreadable": DiagnosticText(vi: "không đọc được mẫu báo cáo", hint: "kiểm tra quyền đọc và bảng mã UTF-8 của tệp mẫu"),
        "template.unreadable-partial": DiagnosticText(vi: "không đọc được mẫu con được chèn vào", hint: "kiểm tra quyền đọc và bảng mã UTF-8 của tệp mẫu con"),
        "template.missing-partial": DiagnosticText(vi: "không có mẫu con mang tên này", hint: "kiểm tra tên sau {{> …}} và tệp .mustache tương ứng"),
        "template.partial-depth": DiagnosticText(vi: "các mẫu con chèn lồng nhau quá nhiều tầng", hint: "kiểm tra mẫu con có tự chèn chính nó không"),
        "template.invalid-template-name": DiagnosticText(vi: "tên mẫu không hợp lệ", hint: "tên mẫu chỉ gồm chữ cái không dấu, chữ số, '-', '_' và '.'"),
        "template.missing-key": DiagnosticText(vi: "mẫu dùng một tên không có trong dữ liệu báo cáo", hint: "kiểm tra chính tả tên trong thẻ {{…}}; các tên có sẵn xem trong mẫu gốc"),
        "template.wrong-kind": DiagnosticText(vi: "tên trong thẻ chỉ một loại dữ liệu khác với cách mẫu dùng nó", hint: "kiểm tra thẻ: mục {{#…}} dùng cho danh sách hoặc điều kiện, {{…}} dùng cho chữ và số"),
        "template.unclosed-tag": DiagnosticText(vi: "thẻ chưa được đóng", hint: "kết thúc thẻ bằng '}}'"),
        "template.empty-tag": DiagnosticText(vi: "thẻ không có tên", hint: "ghi tên vào giữa {{ và }}"),
        "template.unknown-sigil": DiagnosticText(vi: "không nhận ra loại thẻ", hint: "dùng {{tên}}, {{#mục}}…{{/mục}}, {{^mục}}…{{/mục}}, {{> mẫu con}} hoặc {{! ghi chú}}"),
        "template.invalid-name": DiagnosticText(vi: "tên trong thẻ không hợp lệ", hint: "tên gồm chữ cái không dấu, chữ số và '_', nối với nhau bằng '.'"),
        "template.unopened-close": DiagnosticText(vi: "thẻ đóng không có mục nào đang mở", hint: "xóa thẻ đóng thừa hoặc thêm thẻ mở {{#…}}"),
        "template.mismatched-close": DiagnosticText(vi: "mục được đóng bằng thẻ của mục khác", hint: "đóng các mục theo đúng thứ tự đã mở"),
        "template.outside-folder": DiagnosticText(
            vi: "mẫu báo cáo là liên kết tượng trưng trỏ ra ngoài thư mục mẫu",
            hint: "chép tệp mẫu vào thư mục --templates thay cho liên kết"),
        "template.unclosed-section": DiagnosticText(vi: "mục chưa bao giờ được đóng", hint: "thêm thẻ đóng {{/…}} cùng tên"),
        "output.no-folder": DiagnosticText(vi: "thư mục cần ghi vào không tồn tại", hint: "tạo thư mục trước, hoặc chọn đường dẫn trong một thư mục đã có"),
        "output.is-folder": DiagnosticText(vi: "đường dẫn này là một thư mục, không phải tên tệp", hint: "ghi tên tệp, ví dụ bieu-mau.csv, sau tên thư mục"),
        "output.symbolic-link": DiagnosticText(vi: "đường dẫn này là liên kết tượng trưng, chương trình không ghi qua liên kết", hint: "xóa liên kết hoặc chọn tên tệp khác"),
        "output.dangling-link": DiagnosticText(vi: "đường dẫn này là liên kết tượng trưng trỏ đến nơi không tồn tại", hint: "tạo nơi mà liên kết trỏ đến, xóa liên kết, hoặc chọn --out khác"),
        "output.not-a-folder": DiagnosticText(vi: "đường dẫn này là một tệp, không phải thư mục", hint: "chỉ --out đến một thư mục"),
        "output.write-failed": DiagnosticText(vi: { d in
            let (cause, hint) = writeFailure(errno: d.argument("errno").flatMap { Int32($0) })
            return Wording("không ghi được" + (cause.map { ": \($0)" } ?? ""), hint: hint)
        }),
        "output.read-back-failed": DiagnosticText(vi: { d in
            let number = d.argument("errno").flatMap { Int32($0) }
            let cause = number.map { $0 == EIO ? "lỗi đọc ổ đĩa" : "lỗi hệ thống số \($0)" } ?? "tệp đã bị thay đổi trong lúc đọc"
            return Wording("không đọc lại được trang HTML vừa ghi để chuyển sang tệp Word: \(cause)",
                           hint: "kiểm tra ổ đĩa và bảo đảm không chương trình nào khác ghi vào thư mục kết quả, rồi chạy lại lệnh")
        }),
    ]

    /// Why a write failed, in words a clerk reads (the system's own text is English), and what to do.
    static func writeFailure(errno number: Int32?) -> (cause: String?, hint: String) {
        let check = "kiểm tra quyền ghi và dung lượng còn trống của ổ đĩa, rồi chạy lại lệnh"
        guard let number else { return (nil, check) }
        switch number {
        case ENOSPC: return ("ổ đĩa đã đầy", "giải phóng dung lượng ổ đĩa, rồi chạy lại lệnh")
        case EDQUOT: return ("đã hết hạn mức dung lượng được cấp", "xóa bớt tệp hoặc đề nghị tăng hạn mức, rồi chạy lại lệnh")
        case EACCES, EPERM: return ("không có quyền ghi vào đây", "chọn một thư mục có quyền ghi, hoặc đề nghị được cấp quyền")
        case EROFS: return ("ổ đĩa này chỉ cho phép đọc", "chọn một thư mục trên ổ đĩa ghi được")
        case ENOTDIR: return ("một phần của đường dẫn là tệp, không phải thư mục", "kiểm tra lại đường dẫn: các thư mục trên đường dẫn không được trùng tên với tệp")
        case ENOENT: return ("thư mục chứa nó không tồn tại", "kiểm tra lại đường dẫn, hoặc tạo thư mục trước")
        case EISDIR: return ("ở đó đã có một thư mục cùng tên", "chọn tên khác, hoặc xóa thư mục đó")
        case ENAMETOOLONG: return ("tên tệp hoặc đường dẫn quá dài", "chọn tên ngắn hơn")
        default: return ("lỗi hệ thống số \(number)", check)
        }
    }
}
