import Foundation

/// Công văn đôn đốc: the draft letter reminding the units that have not reported for a period,
/// laid out as Decree 30/2020/NĐ-CP sets out an administrative letter — issuing body, national
/// motto, number, place and date, subject line ("V/v …"), "Kính gửi", body, "Nơi nhận" and the
/// signature block of the plan's signer.
public struct ReminderLetter: Sendable {
    public var plan: Plan
    public var period: Period
    /// The units to remind, in the order they are listed under "Kính gửi".
    public var units: [ReportingUnit]
    /// The last day allowed for the period's reports.
    public var due: Day
    /// The letter's date (`--as-of`).
    public var date: Day

    public init(plan: Plan, period: Period, units: [ReportingUnit], due: Day, date: Day) {
        self.plan = plan
        self.period = period
        self.units = units
        self.due = due
        self.date = date
    }

    // MARK: - Content

    /// Who writes on the letter's date: the plan's issuer then (its body, authority, place, signer).
    var issuer: ReportIssuer { plan.document.issuer(on: date) }
    var body: String { issuer.body }
    /// The issuing body's superior ("ỦY BAN NHÂN DÂN TỈNH THANH HÓA"), unless it is the body itself.
    /// Decree 30 lets the superior's name be shortened: "Ủy ban nhân dân tỉnh X" becomes "UBND TỈNH X".
    var authority: String? {
        guard let name = issuer.authority, name != body else { return nil }
        let prefix = "Ủy ban nhân dân "
        return (name.hasPrefix(prefix) ? "UBND " + name.dropFirst(prefix.count) : name).uppercased()
    }

    /// "Số: …/SKHCN": the issuer's report number without its document type (a letter has none).
    var number: String { "Số: " + issuer.number.replacingOccurrences(of: "/BC-", with: "/") }

    var periodWords: String { VietnameseFormat.period(period) }
    var overdue: Bool { date > due }

    public var subject: String { "V/v đôn đốc báo cáo kết quả thực hiện Kế hoạch \(periodWords)" }

    var paragraphs: [String] {
        let dueText = "hết ngày \(VietnameseFormat.shortDate(due))"
        let asOf = VietnameseFormat.shortDate(date)
        var result = [
            "Thực hiện \(plan.title), các cơ quan, đơn vị báo cáo định kỳ kết quả thực hiện về \(body) để tổng hợp.",
        ]
        if overdue {
            result.append("Hạn gửi báo cáo \(periodWords) là \(dueText). Đến ngày \(asOf), \(body) chưa nhận được báo cáo của \(units.count == 1 ? "đơn vị" : "các đơn vị") nêu trên.")
            result.append("Để kịp thời tổng hợp, báo cáo kết quả thực hiện Kế hoạch, \(body) đề nghị \(units.count == 1 ? "đơn vị" : "các đơn vị") khẩn trương gửi báo cáo \(periodWords).")
        } else {
            result.append("Hạn gửi báo cáo \(periodWords) là \(dueText). Đến ngày \(asOf), \(body) chưa nhận được báo cáo của \(units.count == 1 ? "đơn vị" : "các đơn vị") nêu trên.")
            result.append("Để kịp thời tổng hợp, báo cáo kết quả thực hiện Kế hoạch, \(body) đề nghị \(units.count == 1 ? "đơn vị" : "các đơn vị") gửi báo cáo \(periodWords) đúng hạn.")
        }
        result.append("Báo cáo lập theo biểu mẫu gửi kèm Công văn này (mỗi đơn vị một tệp bảng tính): đơn vị điền số liệu vào cột “giá trị”, ngày gửi vào cột “ngày gửi”, giữ nguyên các cột khác, lưu tệp và gửi về \(body).")
        result.append("Đề nghị \(units.count == 1 ? "đơn vị" : "các đơn vị") quan tâm, phối hợp thực hiện./.")
        return result
    }

    var recipients: [String] { ["Như trên;", "Lưu: VT."] }

    // MARK: - Output

    public func markdown() -> String {
        let m = LetterPage.markdown
        var lines: [String] = []
        if let authority { lines += [m(authority), ""] }
        lines += ["**\(m(body.uppercased()))**", "", m(number), "", m(subject), "",
                  "**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**", "", "**Độc lập - Tự do - Hạnh phúc**", "",
                  "*\(m(issuer.place)), \(VietnameseFormat.longDate(date))*", ""]
        if units.count == 1 {
            lines += ["Kính gửi: \(m(units[0].name)).", ""]
        } else {
            lines.append("Kính gửi:")
            lines.append("")
            for (index, unit) in units.enumerated() {
                lines.append("- \(m(unit.name))\(index == units.count - 1 ? "." : ";")")
            }
            lines.append("")
        }
        for paragraph in paragraphs { lines += [m(paragraph), ""] }
        lines += ["***Nơi nhận:***", ""]
        lines += recipients.map { "- \(m($0))" }
        lines.append("")
        for title in issuer.signerTitle { lines += ["**\(m(title))**", ""] }
        lines.append(issuer.signerName.isEmpty ? "" : "**\(m(issuer.signerName))**")
        return lines.joined(separator: "\n") + "\n"
    }

    public func html() -> String {
        let e = LetterPage.escape
        var html = """
            <table class="doc-header" role="presentation"><colgroup><col class="left"><col class="right"></colgroup><tr>
            <td>\(authority.map { "<div class=\"issuer\">\(e($0))</div>" } ?? "")<div class="body-name"><span class="rule-short">\(e(body.uppercased()))</span></div><div class="number">\(e(number))</div><div class="subject">\(e(subject))</div></td>
            <td><div class="nation">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</div><div class="motto"><span class="rule-full">Độc lập - Tự do - Hạnh phúc</span></div><div class="place-date">\(e(issuer.place)), \(e(VietnameseFormat.longDate(date)))</div></td>
            </tr></table>

            """
        if units.count == 1 {
            html += LetterPage.addressees(e(units[0].name) + ".")
        } else {
            let list = units.enumerated().map { index, unit in
                "- \(e(unit.name))\(index == units.count - 1 ? "." : ";")"
            }.joined(separator: "<br>")
            html += LetterPage.addressees(list)
        }
        for paragraph in paragraphs { html += "<p>\(e(paragraph))</p>\n" }
        let signer = issuer.signerTitle.map(e).joined(separator: "<br>")
        html += """
            <table class="footer" role="presentation"><colgroup><col style="width: 50%"><col style="width: 50%"></colgroup><tr>
            <td class="recipients"><div class="recipients-title">Nơi nhận:</div>\(recipients.map { "- " + e($0) }.joined(separator: "<br>"))</td>
            <td class="signer-title">\(signer)<div class="signature-space"></div>\(e(issuer.signerName))</td>
            </tr></table>

            """
        return LetterPage.html(title: subject, body: html)
    }
}
