extension HelpWords {
    /// The Vietnamese help, keyed as `HelpWords` describes.
    static let vietnamese: [String: String] = [
        // Shared options
        "*.option.db": "Tệp cơ sở dữ liệu. Mặc định: hiendien.sqlite trong thư mục hiện tại, hoặc tệp do biến môi trường HIENDIEN_DB chỉ ra.",
        "*.option.period": "Kỳ báo cáo: 2026-Q2 (một quý) hoặc 2026 (một năm); cũng có thể viết Q2/2026, \"Quý II/2026\" hoặc \"Quý II năm 2026\". 'latest' là kỳ gần nhất đã khép sổ số liệu; khi kế hoạch đã kết thúc, đó là quý cuối cùng của kế hoạch.",
        "*.option.as-of": "Tính thời hạn và 'latest' theo ngày này thay cho ngày hôm nay.",

        // init
        "init.abstract": "Tạo cơ sở dữ liệu cho một kế hoạch: các đơn vị, chỉ tiêu, mục tiêu và nhiệm vụ của kế hoạch.",
        "init.discussion": "Đọc kế hoạch từ tệp JSON và kiểm tra theo chính các quy tắc của kế hoạch: mọi đơn vị và chỉ tiêu mà mục tiêu hoặc nhiệm vụ nhắc đến phải có trong kế hoạch, đơn vị không được là cấp trên của chính mình, thời hạn phải nằm trong thời gian của kế hoạch. Mọi lỗi được liệt kê một lượt, và chưa lưu gì cho đến khi kế hoạch hết lỗi.",
        "init.option.plan": "Tệp kế hoạch, dạng JSON.",
        "init.example.0": "Tạo thanh-hoa.sqlite cho Kế hoạch của tỉnh Thanh Hóa giai đoạn 2026 - 2030.",

        // ingest
        "ingest.abstract": "Lưu các báo cáo đơn vị đã gửi (tệp CSV, Excel .xlsx hoặc JSON).",
        "ingest.discussion": "Mỗi tệp được kiểm tra theo kế hoạch và được lưu toàn bộ hoặc không lưu gì: chỉ một ô sai là tệp bị từ chối, kèm dòng, cột và cách sửa. Một tệp có thể chứa nhiều đơn vị và nhiều kỳ.\n\nĐơn vị có thể ghi bằng mã, tên hoặc tên gọi khác (\"SGDDT\", \"Sở GD&ĐT\"). Số liệu là số nguyên: 1.250, 1,250 và 1 250 đều là 1250; ô để trống nghĩa là \"chưa báo cáo\", không bao giờ là 0. Gửi lại báo cáo của cùng đơn vị và kỳ là một bản sửa đổi: số liệu mới thay số liệu cũ, số liệu cũ vẫn được lưu lại.",
        "ingest.argument.FILE": "Các tệp báo cáo: CSV (dạng dọc hoặc dạng ngang, phân cách bằng ',' hoặc ';', có hoặc không có BOM) sổ tính Excel (.xlsx; đọc trang tính \"Báo cáo\" của biểu mẫu, nếu không có thì trang tính đầu tiên đang hiện) hoặc JSON; một thư mục là mọi tệp .csv, .xlsx và .json trong đó, theo thứ tự tên.",
        "ingest.option.received": "Ngày nhận các tệp, dùng cho báo cáo không ghi ngày gửi. Mặc định: hôm nay.",
        "ingest.option.dry-run": "Chạy thử: kiểm tra các tệp và cho biết tệp nào sẽ được lưu hay bị từ chối, không lưu gì.",
        "ingest.option.feedback": "Với mỗi tệp bị từ chối, viết một thư phản hồi gửi đơn vị (vị trí cần sửa, cách sửa, hạn gửi) vào thư mục DIR, dạng .md và .html, sẵn sàng gửi lại.",
        "ingest.example.0": "Lưu báo cáo Quý I/2026 của hai đơn vị, nhận ngày 18/03/2026.",
        "ingest.example.1": "Kiểm tra mọi báo cáo trong một thư mục mà không lưu.",

        // report
        "report.abstract": "Viết báo cáo của một kỳ: Markdown, HTML, Word, CSV và Excel.",
        "report.discussion": "Báo cáo nêu kết quả so với mục tiêu của kế hoạch, số liệu theo đơn vị, tình hình thực hiện nhiệm vụ và đơn vị nào báo cáo đúng hạn, trễ hạn hoặc chưa báo cáo. Các tệp được ghi vào DIR/PERIOD/: report.md, report.html, report.docx (để chỉnh sửa, ký trong Word), data-check.md (các điểm số liệu cần kiểm tra, không đưa vào báo cáo), targets.csv, indicators.csv, submissions.csv, tasks.csv và tables.xlsx. Chạy lại trên cùng số liệu thì được đúng các tệp như cũ, từng byte.",
        "report.option.format": "Các tệp cần viết, cách nhau bằng dấu phẩy: md (report.md), html (report.html), docx (report.docx), csv (bốn tệp CSV), xlsx (tables.xlsx). Mặc định: tất cả.",
        "report.option.out": "Thư mục ghi báo cáo, dạng DIR/PERIOD/.",
        "report.option.templates": "Thư mục mẫu báo cáo riêng, dùng thay cho mẫu có sẵn.",
        "report.option.as-of": "Tính thời hạn và 'latest' theo ngày này thay cho hôm nay, và ghi ngày này trên báo cáo.",
        "report.example.0": "Viết bao-cao/2026-Q2/report.md và bốn tệp CSV cho Quý II năm 2026.",

        // status
        "status.abstract": "Cho biết đơn vị nào đã báo cáo trong một kỳ, đơn vị nào trễ hạn, đơn vị nào chưa báo cáo.",
        "status.discussion": "Liệt kê mọi đơn vị phải báo cáo cùng tình trạng: đúng hạn, trễ hạn, chưa báo cáo (đã quá ngày cuối cùng được gửi) hoặc chưa đến hạn (vẫn còn thời gian).",
        "status.option.letter": "Viết thêm dự thảo công văn đôn đốc gửi các đơn vị chưa báo cáo, dạng .md và .html, kèm biểu mẫu trống của từng đơn vị trong thư mục bieu-mau/ bên cạnh. Không ghi giá trị thì ghi vào thư mục cong-van.",
        "status.example.0": "Cho biết tình hình báo cáo Quý I năm 2026 đến ngày 20/03/2026.",

        // form
        "form.abstract": "Viết biểu mẫu trống (CSV hoặc Excel) của một đơn vị cho một kỳ, để đơn vị điền số liệu.",
        "form.discussion": "Biểu mẫu liệt kê các chỉ tiêu kế hoạch yêu cầu đơn vị báo cáo trong kỳ. Sau khi đơn vị điền, tệp được nạp lại bằng 'hiendien ingest'. Biểu mẫu Excel (--format xlsx) đã điền sẵn và khóa đơn vị, kỳ và chỉ tiêu, cột giá trị chỉ nhận số nguyên, và có trang tính hướng dẫn bằng tiếng Việt.",
        "form.option.unit": "Đơn vị: mã, tên hoặc tên gọi khác (SGDDT, \"Sở GD&ĐT\").",
        "form.option.period": "Kỳ báo cáo: 2026-Q2 (một quý) hoặc 2026 (một năm); cũng có thể viết Q2/2026, \"Quý II/2026\" hoặc \"Quý II năm 2026\".",
        "form.option.format": "csv (mặc định) hoặc xlsx (sổ tính Excel; cũng được chọn khi --out kết thúc bằng .xlsx).",
        "form.option.out": "Ghi biểu mẫu vào tệp FILE thay vì in ra màn hình (biểu mẫu Excel mặc định ghi vào MÃ-ĐƠN-VỊ-KỲ.xlsx).",
        "form.example.0": "Viết biểu mẫu Sở Giáo dục và Đào tạo điền cho Quý II.",
        "form.example.1": "Viết cùng biểu mẫu đó dưới dạng sổ tính Excel SGDDT-2026-Q2.xlsx.",

        // check
        "check.abstract": "Kiểm tra cơ sở dữ liệu và kế hoạch trong đó, không thay đổi gì.",
        "check.example.0": "Kiểm tra thanh-hoa.sqlite và liệt kê các vấn đề tìm thấy.",
        "check.discussion": "Trước hết kiểm tra chính tệp dữ liệu: kiểm tra toàn vẹn và khóa ngoại của SQLite, mọi ngày và mọi lần sửa đổi đã lưu đều đọc được. Cơ sở dữ liệu bị hỏng được liệt kê từng vấn đề và kết thúc với mã 3.\n\nSau đó kiểm tra số liệu: các điểm số liệu bất thường mà báo cáo của kỳ sẽ nêu trong data-check.md (số liệu tích lũy bị giảm, số liệu tăng gấp 10 lần trở lên, tử số lớn hơn mẫu số, báo cáo năm khác tổng các quý), để đối chiếu với đơn vị trước khi viết và trình ký báo cáo. Lệnh cho biết số điểm và liệt kê 10 điểm đầu; tệp data-check.md ghi cạnh report.md có đủ tất cả. Các điểm này dành cho cán bộ tổng hợp và không làm thay đổi mã kết thúc.",
        "check.option.as-of": "Chỉ tính các báo cáo đã nhận đến hết ngày này, và tính 'latest' theo ngày này, thay cho hôm nay.",
        "check.example.1": "Liệt kê thêm các số liệu Quý II năm 2026 mà báo cáo sẽ đề nghị kiểm tra.",

        // demo
        "demo.abstract": "Chạy toàn bộ quy trình trên dữ liệu mẫu để xem hiendien làm gì.",
        "demo.discussion": "Tạo cơ sở dữ liệu từ các kế hoạch mẫu, lưu các báo cáo mẫu của đơn vị và viết báo cáo, tất cả trong DIR.",
        "demo.option.out": "Thư mục làm việc.",
        "demo.example.0": "Chạy thử trong /tmp/hiendien-demo.",

        // help
        "help.abstract": "Hiện hướng dẫn của một lệnh, hoặc phần tóm tắt này.",
        "help.argument.COMMAND": "Lệnh cần giải thích.",
        "help.example.0": "Giải thích lệnh 'ingest' và các tùy chọn của lệnh.",
    ]
}
