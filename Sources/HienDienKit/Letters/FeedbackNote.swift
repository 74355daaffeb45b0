import Foundation

/// Thư phản hồi: the short note sent back to a unit whose report file was refused — which
/// rows and cells to fix, what to write instead, and the period's deadline — in Vietnamese,
/// as Markdown (for the body of an email) and HTML (to print or attach).
public struct FeedbackNote: Sendable {
    public var plan: Plan
    /// The file as the unit sent it (its name is what the unit knows it by).
    public var file: String
    public var error: InputError
    public var sender: ReportSender
    /// The note's date.
    public var date: Day

    public init(plan: Plan, file: String, error: InputError, sender: ReportSender, date: Day) {
        self.plan = plan
        self.file = file
        self.error = error
        self.sender = sender
        self.date = date
    }

    /// One thing to fix: where, what the cell says, what is wrong, what to write instead.
    public struct Fix: Sendable, Hashable {
        public var place: String
        public var written: String
        public var problem: String
        public var remedy: String
    }

    // MARK: - Content

    var fileName: String { (file as NSString).lastPathComponent }
    /// The body that received the file on the note's date (the plan's issuer of reports then).
    var coordinatorName: String { plan.document.issuer(on: date).body }
    var place: String { plan.document.issuer(on: date).place }

    /// "UBND xã A" or, when the file names no unit the plan knows, the sender of the file.
    public var addressee: String {
        sender.units.isEmpty ? "Đơn vị gửi tệp “\(fileName)”" : sender.units.map(\.name).joined(separator: "; ")
    }

    public var title: String {
        let periods = sender.periods.map(VietnameseFormat.period).joined(separator: ", ")
        return "Đề nghị sửa và gửi lại báo cáo" + (periods.isEmpty ? "" : " \(periods)")
    }

    public var fixes: [Fix] {
        error.diagnostics.map { diagnostic in
            let words = DiagnosticCatalogue.wording(of: diagnostic, in: .vietnamese)
            return Fix(place: place(of: diagnostic.location, lineText: diagnostic.lineText),
                       written: diagnostic.offending.map { Diagnostic.printable($0, limit: 80) } ?? "",
                       problem: Self.sentence(words.message),
                       remedy: Self.sentence(words.hint ?? "sửa lại theo biểu mẫu"))
        }
    }

    var opening: String {
        "\(coordinatorName) đã nhận tệp báo cáo “\(fileName)” của quý đơn vị. Tệp chưa được tiếp nhận vì có "
            + "\(error.diagnostics.count + error.omitted) chỗ chưa đúng nêu dưới đây; toàn bộ số liệu trong tệp chưa được ghi nhận."
    }

    var omittedLine: String? {
        error.omitted > 0 ? "Ngoài ra còn \(error.omitted) chỗ khác chưa liệt kê; đề nghị rà soát toàn bộ tệp." : nil
    }

    var closing: [String] {
        var lines = ["Sau khi sửa, đề nghị quý đơn vị gửi lại toàn bộ tệp (không chỉ những dòng đã sửa), giữ nguyên các cột của biểu mẫu."]
        for period in sender.periods {
            let due = plan.reporting.lastAllowedDay(for: period)
            var line = "Hạn gửi báo cáo \(VietnameseFormat.period(period)) là hết ngày \(VietnameseFormat.shortDate(due))"
            line += date > due ? "; hạn này đã qua, đề nghị quý đơn vị gửi lại ngay sau khi sửa." : "."
            lines.append(line)
        }
        return lines
    }

    /// "Dòng 3, cột 4 (giá trị)", "Mục values.id_vn_new", or "Toàn tệp".
    func place(of location: SourceLocation, lineText: String?) -> String {
        var parts: [String] = []
        if let line = location.line { parts.append("dòng \(line)") }
        if let column = location.column {
            if let lineText, let field = Self.fieldIndex(inLine: lineText, beforeColumn: column),
               field < sender.headers.count, !sender.headers[field].isEmpty {
                parts.append("cột “\(sender.headers[field])”")
            } else {
                parts.append("cột \(column)")
            }
        }
        if let indicator = indicatorName(at: location, lineText: lineText) {
            parts.append("chỉ tiêu “\(indicator)”")
        } else if let path = location.path {
            let shown = path.hasPrefix("$.") ? String(path.dropFirst(2)) : path
            if shown != "$" { parts.append("mục “\(shown)”") }
        }
        guard let first = parts.first else { return "Toàn tệp" }
        return ([first.prefix(1).uppercased() + first.dropFirst()] + parts.dropFirst()).joined(separator: ", ")
    }

    /// The plan's name of the indicator a problem is about, so the clerk finds the row by what it
    /// counts: from a JSON path (`$.values.id_vn_new`), a CSV row's indicator cell, or a wide
    /// file's column header.
    func indicatorName(at location: SourceLocation, lineText: String?) -> String? {
        var id: String?
        if let path = location.path, let range = path.range(of: ".values.") {
            id = String(path[range.upperBound...])
        } else if let lineText, let column = location.column {
            let fields = Self.fields(of: lineText)
            let keys = sender.headers.map { $0.lowercased() }
            if let index = keys.firstIndex(where: { ReportIngester.Column.headers[.indicator]!.contains($0) }), index < fields.count {
                id = fields[index]
            } else if let field = Self.fieldIndex(inLine: lineText, beforeColumn: column), field < sender.headers.count {
                id = sender.headers[field]
            }
        }
        guard let id = id?.trimmingWhitespace() else { return nil }
        return (plan.indicator(id) ?? plan.indicators.first { $0.name == id || $0.id.lowercased() == id.lowercased() })?.name
    }

    /// A CSV line's fields (`;` if it has one, else `,`), unquoted.
    static func fields(of line: String) -> [String] {
        let delimiter: Character = line.contains(";") ? ";" : ","
        var fields: [String] = [], current = "", quoted = false
        for character in line {
            if character == "\"" { quoted.toggle() } else if character == delimiter && !quoted {
                fields.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        return fields + [current]
    }

    /// The 0-based field of a CSV line that the character at `column` (1-based) lies in.
    static func fieldIndex(inLine line: String, beforeColumn column: Int) -> Int? {
        let delimiter: Character = line.contains(";") ? ";" : ","
        var field = 0
        var quoted = false
        for (index, character) in line.enumerated() {
            if index >= column - 1 { return field }
            if character == "\"" { quoted.toggle() } else if character == delimiter && !quoted { field += 1 }
        }
        return column - 1 <= line.count ? field : nil
    }

    /// A catalogue phrase as a sentence: capital first letter, final full stop.
    static func sentence(_ text: String) -> String {
        guard let first = text.first else { return text }
        var result = String(first).uppercased() + text.dropFirst()
        if !(result.hasSuffix(".") || result.hasSuffix("?") || result.hasSuffix("!")) { result += "." }
        return result
    }

    // MARK: - Output

    public func markdown() -> String {
        var lines = [
            "**\(LetterPage.markdown(coordinatorName.uppercased()))**", "",
            "*\(LetterPage.markdown(place)), \(VietnameseFormat.longDate(date))*", "",
            "## \(LetterPage.markdown(title))", "",
            "Kính gửi: \(LetterPage.markdown(addressee)).", "",
            LetterPage.markdown(opening), "",
            "| STT | Vị trí trong tệp | Nội dung đang ghi | Chưa đúng | Đề nghị sửa |",
            "|---:|---|---|---|---|",
        ]
        for (index, fix) in fixes.enumerated() {
            let cells = [String(index + 1), fix.place, fix.written.isEmpty ? "" : "“\(fix.written)”", fix.problem, fix.remedy]
            lines.append("| " + cells.map(LetterPage.markdown).joined(separator: " | ") + " |")
        }
        lines.append("")
        if let omittedLine { lines += [LetterPage.markdown(omittedLine), ""] }
        for line in closing { lines += [LetterPage.markdown(line), ""] }
        lines += ["Trân trọng./.", "", "**\(LetterPage.markdown(coordinatorName.uppercased()))**", ""]
        return lines.joined(separator: "\n")
    }

    public func html() -> String {
        let e = LetterPage.escape
        var body = """
            <table class="doc-header" role="presentation"><colgroup><col class="left"><col class="right"></colgroup><tr>
            <td><div class="body-name"><span class="rule-short">\(e(coordinatorName.uppercased()))</span></div></td>
            <td><div class="place-date">\(e(place)), \(e(VietnameseFormat.longDate(date)))</div></td>
            </tr></table>
            <h1>\(e(title.uppercased()))</h1>
            \(LetterPage.addressees(e(addressee) + "."))
            <p>\(e(opening))</p>
            <table class="fix"><colgroup><col style="width: 8%"><col style="width: 21%"><col style="width: 18%"><col style="width: 24%"><col style="width: 29%"></colgroup>
            <tr><th>STT</th><th>Vị trí trong tệp</th><th>Nội dung đang ghi</th><th>Chưa đúng</th><th>Đề nghị sửa</th></tr>

            """
        for (index, fix) in fixes.enumerated() {
            let written = fix.written.isEmpty ? "" : "“\(fix.written)”"
            body += "<tr><td style=\"text-align:center\">\(index + 1)</td><td>\(e(fix.place))</td><td>\(e(written))</td>"
                + "<td>\(e(fix.problem))</td><td>\(e(fix.remedy))</td></tr>\n"
        }
        body += "</table>\n"
        if let omittedLine { body += "<p>\(e(omittedLine))</p>\n" }
        for line in closing { body += "<p>\(e(line))</p>\n" }
        body += "<p>Trân trọng./.</p>\n"
        body += "<table class=\"footer\" role=\"presentation\"><colgroup><col style=\"width: 50%\"><col style=\"width: 50%\"></colgroup>"
            + "<tr><td></td><td class=\"signer-title\">\(e(coordinatorName.uppercased()))</td></tr></table>\n"
        return LetterPage.html(title: title, body: body)
    }
}
