import Foundation
import Testing
@testable import HienDienKit

/// report.docx converted from report.html read back from its file a window at a time (issue 16:
/// a national page is 12 MB): the same events and the same document as from the page held in
/// memory, whatever the window cuts — tags, attributes, comments, a style sheet or a chart, text,
/// a token longer than the window, a table read twice.
struct HTMLReaderWindowTests {
    /// Every window edge case in one page: a comment, the doctype, a style sheet and a chart
    /// (not text), attributes quoted both ways and bare, entities, a long cell, a nested table.
    static let page = """
        <!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>Báo cáo</title>
        <style>@page wide { size: A4 landscape } td.num { text-align: right }</style></head><body>
        <!-- a comment with <tags> and -- dashes - inside --><main>
        <table role="presentation" class="doc-header"><tr><td class="issuer">UBND TỈNH <br/>SỞ KH&amp;CN</td>
        <td class='nation'>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM<span class="rule"></span></td></tr></table>
        <h1 class="doc-title">BÁO CÁO</h1><p data-x=bare>Kết quả quý II năm 2026 của <b>Sở Khoa học và Công nghệ</b>, \
        <i>đơn vị</i> &nbsp;&#7871;&#x1EBF; <em>đúng hạn</em>.</p>
        <figure><svg viewBox="0 0 10 10"><text>4.026</text><rect width="3"/></svg><figcaption>Hình 1</figcaption></figure>
        <section class="appendix"><table class="data"><caption>Phụ lục I. Kết quả của từng đơn vị</caption>
        <colgroup><col style="width: 60%"><col style="width: 40%"></colgroup>
        <thead><tr><th>Đơn vị</th><th>Số tên miền “.vn”</th></tr></thead><tbody>
        \((1...40).map { "<tr class=\"r\($0 % 3)\"><td>Trường Tiểu học số \($0) xã Đông Hòa</td><td class=\"num\">\($0 * 1_003)</td></tr>" }.joined(separator: "\n"))
        <tr><td colspan="2">\(String(repeating: "Ghi chú rất dài của đơn vị ", count: 12))</td></tr>
        <tr><td>Bảng lồng</td><td><table><tr><td>1.000.000</td><td>a</td></tr></table></td></tr>
        </tbody></table></section><ul><li>Một</li><li>Hai <b>ba</b></li></ul><p>Cuối trang &lt;hết&gt;</p></main></body></html>
        """

    func withFile<T>(_ bytes: [UInt8], _ body: (String) throws -> T) throws -> T {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("hiendien-window-\(UUID().uuidString).html").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try body(path)
    }

    /// The events as text: each element with its name, attributes and classes read when it opens.
    func events(_ reader: HTMLReader) -> [String] {
        var reader = reader
        var events: [String] = []
        while true {
            switch reader.next() {
            case .open:
                let attributes = reader.attributes.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
                events.append("open \(reader.tagName) \(attributes) \(reader.classes.isEmpty) \(reader.attribute("class") ?? "-") \(reader.depth)")
            case .text(let range): events.append("text \(range) \(reader.string(range))")
            case .close: events.append("close \(reader.depth)")
            case .end: return events + ["end"]
            }
        }
    }

    static let sizes = [1, 2, 3, 5, 16, 64, 333, 1 << 20]

    @Test(arguments: sizes)
    func theEventsAreThoseOfThePageInMemory(windowSize: Int) throws {
        let bytes = Array(Self.page.utf8)
        let inMemory = events(HTMLReader(bytes))
        #expect(inMemory.count > 400)
        let windowed = try withFile(bytes) { path in events(HTMLReader(FileWindow(try FileWindow.Source(path: path), size: windowSize))) }
        #expect(windowed == inMemory)
    }

    /// Inputs cut short inside each kind of token: the end of the input is read as in memory.
    @Test func aPageCutShortAnywhereGivesTheEventsOfThePageInMemory() throws {
        let bytes = Array(Self.page.utf8.prefix(2_400))
        let cuts = (0...bytes.count).filter { $0 < 700 || $0 % 37 == 0 }
        for cut in cuts {
            var prefix = Array(bytes[..<cut])
            while let last = prefix.last, last & 0xC0 == 0x80 || last >= 0xC0 { prefix.removeLast() }  // whole characters only
            let inMemory = events(HTMLReader(prefix))
            for size in [1, 7, 64] {
                let windowed = try withFile(prefix) { path in events(HTMLReader(FileWindow(try FileWindow.Source(path: path), size: size))) }
                #expect(windowed == inMemory, "cut at \(cut), window \(size)")
            }
        }
    }

    @Test(arguments: sizes)
    func theDocumentIsThatOfThePageInMemory(windowSize: Int) throws {
        let expected = WordDocument.make(fromHTML: Self.page)
        let made = try withFile(Array(Self.page.utf8)) { path in
            try WordDocument.make(fromHTMLFile: path, shownAs: "report.docx", windowSize: windowSize)
        }
        #expect(made == expected)
    }

    /// report.docx written into its file as it is made (the body's header completed once the
    /// body is written) is the document made in memory.
    @Test(arguments: [16, 1 << 18])
    func theWordFileWrittenAsItIsMadeIsTheDocumentInMemory(windowSize: Int) throws {
        let html = try ReportRendererTests.renderer.html(ReportRendererTests.quarter) + Self.page
        let docx = FileManager.default.temporaryDirectory.appendingPathComponent("hiendien-\(UUID().uuidString).docx").path
        defer { try? FileManager.default.removeItem(atPath: docx) }
        try withFile(Array(html.utf8)) { path in
            let file = try OutputFiles.NewFile(docx)
            try WordDocument.write(fromHTMLFile: path, into: file, windowSize: windowSize)
            try file.close()
        }
        #expect(try [UInt8](Data(contentsOf: URL(fileURLWithPath: docx))) == WordDocument.make(fromHTML: html))
    }

    /// The quarter's real page and a 6.000-unit appendix (rows held as ranges, a table read
    /// twice across many windows) through a 64-byte window.
    @Test func theReportAndALongAppendixThroughASmallWindow() throws {
        let rows = (1...6_000).map { "<tr><td>Đơn vị số \($0)</td><td class=\"num\">\($0 * 3)</td></tr>" }.joined()
        let appendix = "<section class=\"appendix\"><table class=\"data\"><caption>Phụ lục II</caption>"
            + "<thead><tr><th>Đơn vị</th><th>Số tên miền</th></tr></thead><tbody>\(rows)</tbody></table></section>"
        for html in [try ReportRendererTests.renderer.html(ReportRendererTests.quarter), appendix] {
            let made = try withFile(Array(html.utf8)) { path in
                try WordDocument.make(fromHTMLFile: path, shownAs: "report.docx", windowSize: 64)
            }
            #expect(made == WordDocument.make(fromHTML: html))
        }
    }

    /// Text held as ranges until its paragraph is written is read again from the file once the
    /// window has moved past it.
    @Test func textBehindTheWindowIsReadFromTheFile() throws {
        let html = "<p>Sở Khoa học <b>và</b> Công nghệ tỉnh Đồng Tháp</p>"
        try withFile(Array(html.utf8)) { path in
            var reader = HTMLReader(FileWindow(try FileWindow.Source(path: path), size: 4))
            var texts: [Range<Int>] = []
            while true {
                let event = reader.next()
                if case .text(let range) = event { texts.append(range) }
                if event == .end { break }
            }
            #expect(texts.map { reader.string($0) } == ["Sở Khoa học ", "và", " Công nghệ tỉnh Đồng Tháp"])
        }
    }

    /// A page that cannot be read back is an error naming the Word file, not a short document.
    @Test func aPageThatCannotBeReadIsAnError() throws {
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent("hiendien-no-\(UUID().uuidString).html").path
        let error = #expect(throws: OutputError.self) {
            try WordDocument.make(fromHTMLFile: missing, shownAs: "bao-cao/2026-Q2/report.docx")
        }
        #expect(error?.code == "output.read-back-failed" && error?.path == "bao-cao/2026-Q2/report.docx")
        #expect(error?.errorNumber == ENOENT)
        let vietnamese = try #require(DiagnosticCatalogue.entries["output.read-back-failed"]).vietnamese(try #require(error?.diagnostic))
        #expect(vietnamese.message.contains("không đọc lại được trang HTML"))

        // Cut short while it is read (another program wrote into the folder): not a shorter document.
        try withFile(Array(Self.page.utf8)) { path in
            let source = try FileWindow.Source(path: path)
            var reader = HTMLReader(FileWindow(source, size: 64))
            _ = reader.next()
            truncate(path, 100)
            while reader.next() != .end {}
            let failure = try #require(source.failure)
            #expect(failure.errorNumber == nil && failure.offset >= 100)
        }
    }
}
