import Foundation
import Testing
@testable import HienDienCLI
@testable import HienDienKit

/// The demo's reports as the Department would sign them: nothing internal in their visible
/// text, and, printed by headless Chromium on A4, text at its set size, nothing outside the
/// printable area, a main body of at most 4 (quarterly) or 6 (year-end) pages.
struct DemoReportTests {
    /// One demo run for the suite's tests, in a folder of its own.
    static let demo: (folder: URL, reports: [String]) = {
        let cli = try! RunnerHarness()
        let result = cli.run("demo", "--out", "out")
        precondition(result.code == 0, result.errors)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hiendien-demo-\(UUID().uuidString)")
        try! FileManager.default.copyItem(at: cli.directory.appendingPathComponent("out"), to: folder)
        let reports = result.output.split(separator: "\n").map(String.init)
            .filter { $0.hasSuffix("/report.html") }
            .map { folder.path + "/" + $0.components(separatedBy: "/out/").last! }
        return (folder, reports.sorted())
    }()

    static let plans: [Plan] = {
        let folder = RunnerHarness.repository.appendingPathComponent("SampleData/plans")
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return files.filter { $0.hasSuffix(".json") }.sorted().map {
            try! Plan.load(path: folder.appendingPathComponent($0).path, label: $0)
        }
    }()

    /// What a reader sees of an HTML report: no style sheet, no tags, entities decoded.
    static func visibleText(html: String) -> String {
        var text = html
        while let start = text.range(of: "<style>"), let end = text.range(of: "</style>", range: start.upperBound..<text.endIndex) {
            text.removeSubrange(start.lowerBound..<end.upperBound)
        }
        text = text.replacingOccurrences(of: "<[^>]*>", with: " ", options: .regularExpression)
        for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")] {
            text = text.replacingOccurrences(of: entity, with: character)
        }
        return text
    }

    /// Tokens as a reader would pick them out: letters, digits, '_' '-' '/' '.' kept together,
    /// so "…/BC-SKHCN" is one token and never mistaken for the unit id SKHCN.
    static func tokens(_ text: String) -> Set<String> {
        Set(text.split { !($0.isLetter || $0.isNumber || "_-/.".contains($0)) }.map {
            String($0).trimmingCharacters(in: CharacterSet(charactersIn: "."))
        })
    }

    @Test func noReportShowsAnIdAKeyTOTALOrAnInternalNote() throws {
        let (folder, reports) = Self.demo
        #expect(reports.count >= 20)
        for plan in Self.plans {
            // An id that is also one of the unit's own public names (VNNIC, "MTTQ tỉnh") is a name.
            let names = Set(plan.units.flatMap { $0.aliases.flatMap { Self.tokens($0) } })
            let ids = Set(plan.units.map(\.id) + plan.indicators.map(\.id) + plan.targets.map(\.id))
                .filter { $0.count >= 3 && !names.contains($0) }
            let internalNotes = ([plan.note] + plan.targets.map(\.note) + plan.indicators.map(\.note) + plan.units.map(\.note))
                .compactMap { $0 }.filter { !$0.isPublic }.map(\.text).filter { $0.count >= 12 }
            let mine = reports.filter { $0.contains("/\(plan.id)/") }
            #expect(!mine.isEmpty, "\(plan.id)")
            for path in mine {
                let html = Self.visibleText(html: try String(contentsOfFile: path, encoding: .utf8))
                let markdown = try String(contentsOfFile: path.replacingOccurrences(of: "report.html", with: "report.md"),
                                          encoding: .utf8)
                let shown = path.replacingOccurrences(of: folder.path + "/", with: "")
                for (kind, text) in [("html", html), ("md", markdown)] {
                    let words = Self.tokens(text)
                    let leaked = words.filter { word in
                        ids.contains(word) || word == "TOTAL" || word.range(of: "^[a-z]+_[a-z0-9_]+$", options: .regularExpression) != nil
                    }
                    #expect(leaked.isEmpty, "\(shown) (\(kind)) shows \(leaked.sorted())")
                    for english in ["goal", "status", "per_unit", "null", "true", "false", "achieved", "on track"] {
                        #expect(!words.contains(english), "\(shown) (\(kind)) shows the English word '\(english)'")
                    }
                    for note in internalNotes {
                        #expect(!text.contains(note), "\(shown) (\(kind)) prints an internal note: \(note.prefix(60))")
                    }
                    // Data checks live in data-check.md, never in the signed report.
                    #expect(!text.contains("Cảnh báo số liệu") && !text.contains("đề nghị kiểm tra lại"), "\(shown)")
                }
            }
        }
    }

    /// A unit's evidence that already ends its sentence gets no second full stop in report.md
    /// ("…trên Cổng thông tin điện tử của Sở.. Sở Văn hóa…" read as a typing slip).
    @Test func noSentenceEndsWithTwoFullStops() throws {
        let (_, reports) = Self.demo
        for html in reports {
            let markdown = try String(contentsOfFile: html.replacingOccurrences(of: "report.html", with: "report.md"), encoding: .utf8)
            #expect(markdown.range(of: #"[^.]\.\.(\s|$)"#, options: .regularExpression) == nil, "\(html)")
        }
    }

    @Test func demoReportsAreDatedAsRealOnes() throws {
        // Hải Phòng's Q4/2025 report was dated 20/9/2026 (the demo's last day): now the day after its due date.
        let (folder, _) = Self.demo
        let q4 = try String(contentsOf: folder.appendingPathComponent("hai-phong-svhttdl-2025-2026/2025-Q4/report.md"),
                            encoding: .utf8)
        #expect(q4.contains("ngày 20 tháng 12 năm 2025"))
        // Thanh Hóa's Q2/2026 report: the day after 19/06/2026, not 15/12/2026.
        let q2 = try String(contentsOf: folder.appendingPathComponent("thanh-hoa-2026-2030/2026-Q2/report.md"),
                            encoding: .utf8)
        #expect(q2.contains("ngày 20 tháng 6 năm 2026"))
        // Trà Vinh's 2025 year-end report: 4.007 of 4.026 before 31/12 is a final "Không đạt" with the
        // shortfall, and the estimate to the deadline from the pace; no projection over "1 quý còn lại".
        let year = try String(contentsOf: folder.appendingPathComponent("tra-vinh-2024-2025/2025/report.md"), encoding: .utf8)
        #expect(year.contains("| 4.007 | — | Không đạt — còn thiếu 19 tên miền |"))
        #expect(year.contains("ước thực hiện đến 31/12/2025 đạt"))
        #expect(!year.contains("1 quý còn lại"))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("tra-vinh-2024-2025/2025/data-check.md").path))
    }

    @Test func whoSpeaksComesFromThePlan() throws {
        let (folder, reports) = Self.demo
        func markdown(_ path: String) throws -> String {
            try String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8)
        }
        // Hải Phòng: the plan of the Sở VHTTDL, under UBND thành phố, reported via the Sở KH&CN.
        let haiPhong = try markdown("hai-phong-svhttdl-2025-2026/2026-Q3/report.md")
        #expect(haiPhong.hasPrefix("| ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n|:---:|:---:|\n"
            + "| **SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH** |"))
        #expect(haiPhong.contains("| Số: …/BC-SVHTTDL |"))
        #expect(haiPhong.contains("(qua Sở Khoa học và Công nghệ)"))
        // Trà Vinh: from 01/7/2025 part of Vĩnh Long; the 2025 year-end report is issued there and
        // covers the former province; the Q2/2025 report is still Trà Vinh's.
        let year = try markdown("tra-vinh-2024-2025/2025/report.md")
        #expect(year.hasPrefix("| ỦY BAN NHÂN DÂN TỈNH VĨNH LONG |"))
        #expect(year.contains("*Vĩnh Long, ngày 20 tháng 12 năm 2025*"))
        #expect(year.contains("trên địa bàn tỉnh Trà Vinh (cũ)"))
        let q2 = try markdown("tra-vinh-2024-2025/2025-Q2/report.md")
        #expect(q2.hasPrefix("| ỦY BAN NHÂN DÂN TỈNH TRÀ VINH |") && q2.contains("*Trà Vinh, ngày 20 tháng 6 năm 2025*"))
        // Every report is signed by a named person from the plan.
        for plan in Self.plans {
            for path in reports where path.contains("/\(plan.id)/") {
                let text = try String(contentsOfFile: path.replacingOccurrences(of: "report.html", with: "report.md"), encoding: .utf8)
                let signer = plan.document.issuers.map(\.signerName).filter { !$0.isEmpty }
                #expect(!signer.isEmpty && signer.contains { text.contains("**\($0)**") }, "\(path): no signer's name")
            }
        }
    }
}
