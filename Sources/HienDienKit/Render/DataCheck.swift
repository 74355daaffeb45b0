/// `data-check.md`: the figures that look wrong (a stock that fell, a tenfold jump, a
/// numerator above its denominator, a year's report that differs from its quarters), for the
/// analyst to check with the units before signing. Never part of the signed report.
public enum DataCheck {
    public static let fileName = "data-check.md"

    public static func markdown(_ report: PeriodReport) -> String {
        let context = ReportContext(report: report)
        var text = "# Kiểm tra số liệu — \(VietnameseFormat.period(report.period))\n\n"
        text += "Tài liệu nội bộ để cán bộ tổng hợp đối chiếu với các đơn vị trước khi trình ký; "
        text += "không gửi kèm báo cáo. Số liệu tổng hợp đến ngày \(VietnameseFormat.shortDate(report.asOf)).\n\n"
        if report.warnings.isEmpty {
            return text + "Không phát hiện số liệu bất thường.\n"
        }
        for warning in report.warnings {
            let line = VietnameseLabels.warning(warning, unitName: context.name(warning.unit),
                                                indicatorName: context.indicatorName(warning.indicator))
            text += "- " + TemplateEscaping.markdown.escaped(line) + "\n"
        }
        return text
    }
}
