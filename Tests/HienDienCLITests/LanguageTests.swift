import Foundation
import Testing
@testable import HienDienCLI
@testable import HienDienKit

/// The runner speaks Vietnamese with no LANG and with a Vietnamese locale, English with
/// `--lang en`; diagnostic codes and exit codes are the same in both.
struct LanguageTests {
    static let plan = RunnerHarness.fixture("plans/thu-2026.json")

    /// A harness with a store of the test plan holding one good report, in `environment`.
    static func harness(_ environment: [String: String]) throws -> RunnerHarness {
        let cli = try RunnerHarness()
        cli.environment = environment
        return cli
    }

    static let vietnameseEnvironments: [[String: String]] = [[:], ["LANG": "vi_VN.UTF-8"]]

    @Test(arguments: vietnameseEnvironments)
    func everyCommandSpeaksVietnamese(environment: [String: String]) throws {
        let cli = try Self.harness(environment)
        let overview = cli.run("--help")
        #expect(overview.code == 0 && overview.output.hasPrefix("TÓM TẮT: Tổng hợp báo cáo định kỳ"))
        #expect(overview.output.contains("CÁC LỆNH:") && overview.output.contains("--lang vi|en"))
        for command in Arguments.commands.map(\.name) {
            let help = cli.run("help", command)
            #expect(help.code == 0 && help.output.contains("CÁCH DÙNG: hiendien \(command)") && help.output.contains("VÍ DỤ:"), "\(command)")
        }

        let created = cli.run("init", "--plan", Self.plan)
        #expect(created.code == 0 && created.output.hasPrefix("Đã tạo ") && created.output.contains("8 đơn vị"))

        let ingested = cli.run("ingest", RunnerHarness.fixture("reports/long-excel-vn.csv"), RunnerHarness.fixture("reports/bad-values.csv"))
        #expect(ingested.code == 1)
        #expect(ingested.output.contains("long-excel-vn.csv: đã lưu 4 số liệu của 2 đơn vị cho Quý II/2026"))
        #expect(ingested.errors.contains("bad-values.csv, dòng 2, cột 28: lỗi: số liệu phải là số nguyên; giá trị này có phần thập phân: '12,5' [value.decimal]"))
        #expect(ingested.errors.contains("cách sửa: ghi số đếm nguyên"))
        #expect(ingested.errors.contains("số liệu không được là số âm: '-3' [value.negative]"))
        #expect(ingested.errors.contains("bad-values.csv: tệp bị từ chối (3 lỗi); không lưu số liệu nào từ tệp này."))
        #expect(ingested.errors.contains("Đã lưu 1/2 tệp, từ chối 1 tệp."))

        let status = cli.run("status", "--period", "2026-Q2", "--as-of", "2026-06-22")
        #expect(status.code == 0)
        let lines = status.output.split(separator: "\n").map(String.init)
        #expect(lines[0] == "thu-2026 — Quý II/2026: hạn gửi báo cáo là hết ngày 19/06/2026; tình hình đến ngày 22/06/2026")
        #expect(lines[1].hasPrefix("Mã đơn vị   Tình trạng    Ngày nhận   Còn (ngày)  Tên đơn vị"))
        #expect(lines.contains { $0.hasPrefix("SGDDT ") && $0.contains("Chưa báo cáo") && $0.contains("quá 3") && $0.hasSuffix("Sở Giáo dục và Đào tạo") })
        #expect(lines.contains { $0.hasPrefix("STC ") && $0.contains("Đúng hạn") && $0.contains("17/06/2026") })
        #expect(lines.last!.hasPrefix("Đã báo cáo 2/8 đơn vị, 2 đơn vị đúng hạn; 6 đơn vị chưa báo cáo (đã quá hạn), 0 đơn vị chưa đến hạn."))

        let badPeriod = cli.run("report", "--period", "2026-Q7")
        #expect(badPeriod.code == 2 && badPeriod.errors.hasPrefix("lỗi: '2026-Q7' không phải là kỳ báo cáo"))
        let form = cli.run("form", "--unit", "Sở Tài chánh", "--period", "2026-Q2")
        #expect(form.code == 1 && form.errors.contains("--unit: lỗi: kế hoạch không có đơn vị nào") && form.errors.contains("[unit.unknown]"))
        #expect(form.errors.contains("Chưa ghi biểu mẫu (1 lỗi).") && !form.errors.contains("không lưu số liệu"))
        #expect(cli.run("check").output.contains("dữ liệu nguyên vẹn"))
        let typo = cli.run("stauts")
        #expect(typo.code == 2 && typo.errors.hasPrefix("lỗi: Không có lệnh 'stauts'. Có phải là lệnh 'status'?\ncách dùng: "))
        let missing = cli.run("form", "--period", "2026-Q2")
        #expect(missing.code == 2 && missing.errors.contains("Thiếu tùy chọn bắt buộc '--unit UNIT'."))
    }

    @Test func theSameRunInEnglishWithLangEn() throws {
        let cli = try Self.harness(["LANG": "vi_VN.UTF-8"])
        #expect(cli.run("--lang", "en", "--help").output.hasPrefix("OVERVIEW: "))
        #expect(cli.run("help", "status", "--lang=en").output.contains("USAGE: hiendien status"))
        cli.run("init", "--plan", Self.plan)
        let ingested = cli.run("ingest", "--lang", "en", RunnerHarness.fixture("reports/bad-values.csv"))
        #expect(ingested.code == 1)
        #expect(ingested.errors.contains("bad-values.csv:2:28: error: counts must be whole numbers; this looks like a decimal: '12,5' [value.decimal]"))
        #expect(ingested.errors.contains("nothing was stored from this file"))
        let status = cli.run("status", "--period", "2026-Q2", "--as-of", "2026-06-22", "--lang", "en")
        #expect(status.output.contains("unit") && status.output.contains("missing") && status.output.contains("0 of 8 reported"))
        let wrong = cli.run("status", "--lang", "fr")
        #expect(wrong.code == 2 && wrong.errors.contains("--lang 'fr'"))
    }

    @Test func aPlanThatHasEndedReportsItsLastQuarter() throws {
        // The Trà Vinh plan ran 2024–2025; on 23/11/2026 every quarter has closed.
        let cli = try Self.harness([:])
        cli.run("init", "--plan", RunnerHarness.repository.appendingPathComponent("SampleData/plans/tra-vinh-2024-2025.json").path)
        let status = cli.run("status")
        #expect(status.code == 0, "\(status.errors)")
        #expect(status.errors.contains("Kế hoạch đã kết thúc ngày 31/12/2025; 'latest' là quý cuối cùng của kế hoạch: Quý IV/2025."))
        #expect(status.output.hasPrefix("tra-vinh-2024-2025 — Quý IV/2025:"))
        #expect(cli.run("status", "--lang", "en").errors.contains("'latest' is its last quarter, 2025-Q4."))
    }

    @Test func beforeTheFirstQuarterClosesLatestSaysWhen() throws {
        let cli = try Self.harness([:])
        cli.run("init", "--plan", Self.plan)
        let early = cli.run("status", "--as-of", "2026-02-01")
        #expect(early.code == 2)
        // Decree 09: Q1/2026's data runs to 14/03/2026.
        #expect(early.errors.contains("kỳ số liệu Quý I/2026 kết thúc ngày 14/03/2026; từ ngày 15/03/2026, 'latest' sẽ là quý này"))
        #expect(cli.run("status", "--as-of", "2026-03-15").code == 0)
    }

    @Test func aRefusedFileGetsANoteForTheUnit() throws {
        let cli = try Self.harness([:])
        cli.run("init", "--plan", Self.plan)
        let file = cli.write("xa-thieu-hoa-2026-Q2.csv", """
            đơn vị;kỳ báo cáo;chỉ tiêu;giá trị;ngày gửi
            Ủy ban nhân dân xã Thiệu Hóa;Quý II/2026;trainings_held;12,5;15/06/2026
            Ủy ban nhân dân xã Thiệu Hóa;Quý II/2026;id_vn_new;1.250;15/06/2026

            """)
        cli.today = Day(year: 2026, month: 6, day: 16)!
        let result = cli.run("ingest", file, "--feedback", "phan-hoi")
        #expect(result.code == 1)
        #expect(result.errors.contains("đã viết thư phản hồi gửi đơn vị"))
        let note = try String(contentsOf: cli.directory.appendingPathComponent("phan-hoi/xa-thieu-hoa-2026-Q2.phan-hoi.md"), encoding: .utf8)
        #expect(note.contains("Kính gửi: Ủy ban nhân dân xã Thiệu Hóa."))
        #expect(note.contains("“xa-thieu-hoa-2026-Q2.csv”"))
        #expect(note.contains("| 1 | Dòng 2, cột “giá trị”, chỉ tiêu “Số lớp tập huấn” | “12,5” | Số liệu phải là số nguyên; giá trị này có phần thập phân. | Ghi số đếm nguyên"))
        #expect(note.contains("Hạn gửi báo cáo Quý II năm 2026 là hết ngày 19/06/2026."))
        #expect(!note.contains("value.decimal") && !note.contains("error"))
        let html = try String(contentsOf: cli.directory.appendingPathComponent("phan-hoi/xa-thieu-hoa-2026-Q2.phan-hoi.html"), encoding: .utf8)
        #expect(html.contains("<td>“12,5”</td>") && html.contains("Kính gửi:"))
        // The same note for Word, to edit and send.
        let word = try Self.wordText(cli.directory.appendingPathComponent("phan-hoi/xa-thieu-hoa-2026-Q2.phan-hoi.docx"))
        #expect(word.contains("Kính gửi:") && word.contains("Ủy ban nhân dân xã Thiệu Hóa.") && word.contains("“12,5”"),
                "\(word.prefix(400))")
    }

    /// The text of a `.docx`'s body (word/document.xml), runs joined.
    static func wordText(_ url: URL) throws -> String {
        var archive = try ZipArchive(bytes: Array(try Data(contentsOf: url)), label: url.lastPathComponent)
        let xml = String(decoding: try #require(try archive.data("word/document.xml")), as: UTF8.self)
        return xml.replacingOccurrences(of: "<[^>]+>", with: "", options: .regularExpression)
    }

    /// `--letter` onto a path under a file is an output error that says where, in Vietnamese,
    /// with exit 1 — it was an internal error quoting Foundation's English.
    @Test func aLetterThatCannotBeWrittenIsAnOutputErrorNotAnInternalOne() throws {
        let cli = try Self.harness([:])
        cli.run("init", "--plan", Self.plan)
        try Data("x".utf8).write(to: cli.directory.appendingPathComponent("a-file"))
        let result = cli.run("status", "--period", "2026-Q2", "--as-of", "2026-06-22", "--letter", "a-file/cong-van")
        #expect(result.code == 1)
        #expect(result.errors.contains("a-file/cong-van/bieu-mau: lỗi: không ghi được: một phần của đường dẫn là tệp, không phải thư mục"))
        #expect(!result.errors.contains("lỗi nội bộ") && !result.errors.contains("NSCocoaErrorDomain"))
    }

    @Test func theChaseListBecomesAReminderLetter() throws {
        let cli = try Self.harness([:])
        cli.run("init", "--plan", Self.plan)
        cli.run("ingest", RunnerHarness.fixture("reports/long-excel-vn.csv"))
        let result = cli.run("status", "--period", "2026-Q2", "--as-of", "2026-06-22", "--letter", "don-doc")
        #expect(result.code == 0, "\(result.errors)")
        #expect(result.errors.contains("Đã viết dự thảo công văn đôn đốc"))
        let letter = try String(contentsOf: cli.directory.appendingPathComponent("don-doc/cong-van-don-doc-2026-Q2.md"), encoding: .utf8)
        for line in ["UBND TỈNH THỬ", "**SỞ KHOA HỌC VÀ CÔNG NGHỆ**", "**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**",
                     "**Độc lập - Tự do - Hạnh phúc**", "*Thử, ngày 22 tháng 6 năm 2026*",
                     "V/v đôn đốc báo cáo kết quả thực hiện Kế hoạch Quý II năm 2026",
                     "- Sở Giáo dục và Đào tạo;", "Hạn gửi báo cáo Quý II năm 2026 là hết ngày 19/06/2026.",
                     "***Nơi nhận:***", "- Như trên;", "**KT. GIÁM ĐỐC**"] {
            #expect(letter.contains(line), "\(line)")
        }
        // Those who reported, and the Sở that writes the letter, are not reminded.
        #expect(!letter.contains("- Sở Tài chính") && !letter.contains("- Sở Khoa học và Công nghệ"))
        #expect(!letter.contains("SGDDT") && !letter.contains("thu-2026"))
        let form = try String(contentsOf: cli.directory.appendingPathComponent("don-doc/bieu-mau/SGDDT-2026-Q2.csv"), encoding: .utf8)
        #expect(form.contains("đơn vị;kỳ báo cáo;chỉ tiêu"))
        #expect(FileManager.default.fileExists(atPath: cli.directory.appendingPathComponent("don-doc/cong-van-don-doc-2026-Q2.html").path))
        let word = try Self.wordText(cli.directory.appendingPathComponent("don-doc/cong-van-don-doc-2026-Q2.docx"))
        #expect(word.contains("V/v đôn đốc báo cáo kết quả thực hiện Kế hoạch Quý II năm 2026") && word.contains("Sở Giáo dục và Đào tạo"),
                "\(word.prefix(400))")
    }
}
