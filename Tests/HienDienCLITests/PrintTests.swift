import Foundation
import Testing
@testable import HienDienKit

/// Every demo report printed as a reader would print it (headless Chromium, A4, no browser
/// header or footer) and read back with poppler: A4 pages, text at its set size, no word
/// outside the printable area, a main body of at most 4 pages (quarterly) or 6 (year-end).
struct PrintTests {
    static let tools = ExternalTool.chromium.isInstalled && ExternalTool.pdftotext.isInstalled && ExternalTool.pdfinfo.isInstalled
    static let skipReason = [ExternalTool.chromium, .pdftotext, .pdfinfo].first { !$0.isInstalled }?.skipReason ?? ""

    struct Word { var x0, y0, x1, y1: Double; var text: String }
    struct Page { var width, height: Double; var words: [Word] }

    static func run(_ tool: ExternalTool, _ arguments: [String]) throws -> String {
        try tool.run(arguments)
    }

    /// Pages and words from `pdftotext -bbox`.
    static func pages(of pdf: String) throws -> [Page] {
        let xml = try run(.pdftotext, ["-bbox", pdf, "-"])
        var pages: [Page] = []
        for line in xml.split(separator: "\n") {
            let text = String(line)
            func number(_ name: String) -> Double {
                guard let range = text.range(of: "\(name)=\"") else { return 0 }
                return Double(text[range.upperBound...].prefix { $0 != "\"" }) ?? 0
            }
            if text.contains("<page ") {
                pages.append(Page(width: number("width"), height: number("height"), words: []))
            } else if text.contains("<word "), !pages.isEmpty {
                let word = text.split(separator: ">").dropFirst().first.map { String($0.prefix { $0 != "<" }) } ?? ""
                pages[pages.count - 1].words.append(Word(x0: number("xMin"), y0: number("yMin"), x1: number("xMax"),
                                                         y1: number("yMax"), text: word))
            }
        }
        return pages
    }

    @Test(.enabled(if: PrintTests.tools, "\(PrintTests.skipReason)"), .timeLimit(.minutes(10)))
    func everyDemoReportPrintsOnA4AtItsSetSizeWithAShortMainBody() throws {
        let (folder, reports) = DemoReportTests.demo
        let profile = folder.appendingPathComponent(".chromium").path
        let millimetre = 72 / 25.4
        for path in reports {
            let shown = path.replacingOccurrences(of: folder.path + "/", with: "")
            let pdf = path.replacingOccurrences(of: ".html", with: ".pdf")
            _ = try Self.run(.chromium, ["--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=\(profile)",
                                         "--no-pdf-header-footer", "--print-to-pdf=\(pdf)", URL(fileURLWithPath: path).absoluteString])
            let info = try Self.run(.pdfinfo, [pdf])
            #expect(info.contains("Pages:"), "\(shown): no PDF")
            let pages = try Self.pages(of: pdf)
            #expect(!pages.isEmpty, "\(shown)")
            var appendixStart: Int?
            for (index, page) in pages.enumerated() {
                let portrait = page.height > page.width
                // A4: 595 × 842 pt, upright or on its side.
                #expect(abs(min(page.width, page.height) - 595) < 2 && abs(max(page.width, page.height) - 842) < 2,
                        "\(shown) page \(index + 1) is \(page.width) × \(page.height)")
                // The printable box of each page kind (styles.html: 20/15/20/30 mm upright, 20/20/15/20 mm on its side).
                let (top, right, bottom, left) = portrait ? (20.0, 15.0, 20.0, 30.0) : (20.0, 20.0, 15.0, 20.0)
                let box = (x0: left * millimetre - 1, y0: top * millimetre - 1,
                           x1: page.width - right * millimetre + 1, y1: page.height - bottom * millimetre + 1)
                for word in page.words {
                    // The page number sits in the top margin, as Decree 30 places it.
                    if word.y1 < box.y0 && Int(word.text) != nil { continue }
                    #expect(word.x0 >= box.x0 && word.x1 <= box.x1 && word.y0 >= box.y0 && word.y1 <= box.y1,
                            "\(shown) page \(index + 1): '\(word.text)' lies outside the printable area")
                }
                // Text at its set size: 11–14 pt (a Liberation/Times word box is 1,107 × the size:
                // 12,2–15,5 pt), never shrunk to fit (76 % of 13 pt would give 10,9 pt boxes). Chart
                // labels are smaller by design, so a page of charts is judged by its captions.
                let heights = page.words.map { $0.y1 - $0.y0 }.sorted()
                #expect(heights.contains { $0 >= 12.1 }, "\(shown) page \(index + 1): no text at 11 pt or more")
                let texts = page.words.map(\.text)
                if appendixStart == nil, let i = texts.firstIndex(of: "PHỤ"), i + 2 < texts.count,
                   texts[i + 1] == "LỤC", texts[i + 2] == "I" {
                    appendixStart = index
                }
            }
            // No heading left alone at a page's foot: the last line of a page that is not the
            // document's last never is a section heading (I.–VI.), and an appendix's title page
            // carries more than the title.
            let headings = ["I.", "II.", "III.", "IV.", "V.", "VI."]
            for (index, page) in pages.enumerated().dropLast() {
                let body = page.words.filter { !($0.y1 < 20 * millimetre && Int($0.text) != nil) }
                guard let bottom = body.map(\.y1).max() else { continue }
                let lastLine = body.filter { abs($0.y1 - bottom) < 3 }.sorted { $0.x0 < $1.x0 }.map(\.text)
                if let first = lastLine.first, headings.contains(first), lastLine.count >= 3,
                   lastLine.dropFirst().first?.first?.isUppercase == true {
                    Issue.record("\(shown) page \(index + 1) ends with the heading '\(lastLine.joined(separator: " "))'")
                }
                let texts = body.map(\.text)
                if texts.starts(with: ["PHỤ", "LỤC"]) || (texts.count > 2 && texts[0...1] == ["PHỤ", "LỤC"]) {
                    #expect(body.count > 25, "\(shown) page \(index + 1): an appendix title alone on its page")
                }
            }
            let mainBody = try #require(appendixStart, "\(shown): no Phụ lục I")
            let limit = shown.contains("-Q") ? 4 : 6
            #expect(mainBody <= limit, "\(shown): the main body takes \(mainBody) pages (at most \(limit))")
            // Body text at 13 pt on every main-body page (word boxes 14,4 pt), and most words at 11 pt or more.
            for index in 0..<mainBody {
                let heights = pages[index].words.map { $0.y1 - $0.y0 }.sorted()
                #expect(heights.contains { abs($0 - 14.4) < 0.5 }, "\(shown) page \(index + 1): no 13 pt text")
                #expect(heights.isEmpty || heights[heights.count / 2] >= 11.8,
                        "\(shown) page \(index + 1): text shrunk (median \(heights[heights.count / 2]) pt)")
            }
        }
    }
}
