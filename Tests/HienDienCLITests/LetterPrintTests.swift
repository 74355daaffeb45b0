import Foundation
import Testing
@testable import HienDienCLI
@testable import HienDienKit

/// The reminder letter and the feedback note, printed as a clerk would print them.
struct LetterPrintTests {
    /// Runs `tool` with `arguments` and returns its standard output.
    @discardableResult
    static func run(_ tool: ExternalTool, _ arguments: [String]) throws -> String {
        try tool.run(arguments)
    }

    static func printed(_ html: URL) throws -> (text: String, pages: Int) {
        let pdf = html.deletingPathExtension().appendingPathExtension("pdf")
        try run(.chromium, ["--headless", "--no-sandbox", "--no-pdf-header-footer", "--print-to-pdf=\(pdf.path)", html.path])
        let text = try run(.pdftotext, ["-layout", pdf.path, "-"])
        let info = try run(.pdfinfo, [pdf.path])
        let pages = info.split(separator: "\n").first { $0.hasPrefix("Pages:") }
            .flatMap { Int($0.split(separator: " ").last ?? "") } ?? 0
        return (text, pages)
    }

    @Test(.enabled(if: ExternalTool.chromium.isInstalled && ExternalTool.pdftotext.isInstalled && ExternalTool.pdfinfo.isInstalled,
                   "\(ExternalTool.chromium.skipReason); \(ExternalTool.pdftotext.skipReason)"))
    func theLetterAndTheNotePrintOnOnePageEach() throws {
        let cli = try RunnerHarness()
        cli.environment = [:]
        cli.run("init", "--plan", LanguageTests.plan)
        cli.run("ingest", RunnerHarness.fixture("reports/long-excel-vn.csv"))
        #expect(cli.run("status", "--period", "2026-Q2", "--as-of", "2026-06-22", "--letter", "cv").code == 0)
        let letter = try Self.printed(cli.directory.appendingPathComponent("cv/cong-van-don-doc-2026-Q2.html"))
        #expect(letter.pages == 1)
        // The motto stays on one line; the header, "Kính gửi" and the signature all print.
        #expect(letter.text.contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"))
        #expect(letter.text.contains("Độc lập - Tự do - Hạnh phúc"))
        for words in ["SỞ KHOA HỌC VÀ CÔNG NGHỆ", "Kính gửi:", "Sở Giáo dục và Đào tạo;", "Nơi nhận:", "KT. GIÁM ĐỐC"] {
            #expect(letter.text.contains(words), "\(words)")
        }

        cli.run("ingest", RunnerHarness.fixture("reports/bad-values.csv"), "--feedback", "ph")
        let note = try Self.printed(cli.directory.appendingPathComponent("ph/bad-values.phan-hoi.html"))
        #expect(note.pages == 1)
        #expect(note.text.contains("Kính gửi:") && note.text.contains("Sở Tài chính") && note.text.contains("“12,5”"))
    }
}
