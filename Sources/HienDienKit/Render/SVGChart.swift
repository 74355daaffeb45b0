/// Inline SVG charts for the HTML report: no scripts, no fonts or files from outside, every
/// label escaped. Sizes are in CSS pixels and scale with the page when printed.
public enum SVGChart {
    /// A target as a horizontal bar: the actual figure as a filled bar, the expected value
    /// as a dashed marker, the goal as a solid line (a shaded band for a range target).
    public static func target(_ result: TargetResult) -> String {
        let width = 520.0, height = 64.0, left = 8.0, right = 8.0, barY = 14.0, barHeight = 20.0
        let top = max(result.goalHigh ?? result.goal, result.goal, result.actual ?? 0, result.expected) * 1.1
        let scale = top > 0 ? (width - left - right) / top : 0
        func x(_ value: Double) -> Double { left + max(0, value) * scale }
        let fraction = result.target.kind.isFraction
        func label(_ value: Double) -> String {
            fraction ? VietnameseFormat.percent(value) : VietnameseFormat.decimal(value, places: value == value.rounded() ? 0 : 1)
        }
        var svg = """
            <svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 \(f(width)) \(f(height))" width="\(f(width))" height="\(f(height))" role="img" aria-label="\(escape(result.target.name))">
            <rect x="\(f(left))" y="\(f(barY))" width="\(f(width - left - right))" height="\(f(barHeight))" fill="#f2f2f2" stroke="#bbb" stroke-width="0.5"/>
            """
        if let high = result.goalHigh {
            svg += "<rect x=\"\(f(x(result.goal)))\" y=\"\(f(barY - 4))\" width=\"\(f(max(1, x(high) - x(result.goal))))\" height=\"\(f(barHeight + 8))\" fill=\"#cfe3cf\"/>"
        }
        let color: String
        switch result.status {
        case .achieved: color = "#2e7d32"
        case .onTrack: color = "#1565c0"
        case .behind, .notAchieved: color = "#c62828"
        case .noData: color = "#9e9e9e"
        }
        if let actual = result.actual {
            svg += "<rect x=\"\(f(left))\" y=\"\(f(barY + 4))\" width=\"\(f(x(actual) - left))\" height=\"\(f(barHeight - 8))\" fill=\"\(color)\"/>"
        }
        svg += "<line x1=\"\(f(x(result.expected)))\" y1=\"\(f(barY - 6))\" x2=\"\(f(x(result.expected)))\" y2=\"\(f(barY + barHeight + 6))\" stroke=\"#555\" stroke-width=\"1.5\" stroke-dasharray=\"3,2\"/>"
        svg += "<line x1=\"\(f(x(result.goal)))\" y1=\"\(f(barY - 6))\" x2=\"\(f(x(result.goal)))\" y2=\"\(f(barY + barHeight + 6))\" stroke=\"#000\" stroke-width=\"2\"/>"
        let actualText = result.actual.map(label) ?? "chưa có số liệu"
        svg += "<text x=\"\(f(left))\" y=\"\(f(height - 6))\" font-size=\"11\" font-family=\"Times New Roman, serif\">Thực hiện: \(escape(actualText)) · Dự kiến: \(escape(label(result.expected))) · Mục tiêu: \(escape(label(result.goal)))\(result.goalHigh.map { " – " + escape(label($0)) } ?? "")</text>"
        svg += "</svg>"
        return svg
    }

    /// Quarterly trend of one flow indicator's total: bars for each quarter's value and a
    /// line for the cumulative figure, with the last quarter's figures printed.
    public static func trend(title: String, points: [(period: Period, value: Int64?, cumulative: Int64?)]) -> String {
        let width = 520.0, height = 180.0, left = 44.0, right = 12.0, top = 18.0, bottom = 34.0
        let plotWidth = width - left - right, plotHeight = height - top - bottom
        let maximum = Double(max(1, points.map { max($0.value ?? 0, $0.cumulative ?? 0) }.max() ?? 1))
        let step = points.isEmpty ? plotWidth : plotWidth / Double(points.count)
        func y(_ value: Int64) -> Double { top + plotHeight - Double(value) / maximum * plotHeight }
        var svg = """
            <svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 \(f(width)) \(f(height))" width="\(f(width))" height="\(f(height))" role="img" aria-label="\(escape(title))">
            <text x="\(f(left))" y="12" font-size="11" font-weight="bold" font-family="Times New Roman, serif">\(escape(title))</text>
            <line x1="\(f(left))" y1="\(f(top + plotHeight))" x2="\(f(width - right))" y2="\(f(top + plotHeight))" stroke="#000" stroke-width="0.8"/>
            <line x1="\(f(left))" y1="\(f(top))" x2="\(f(left))" y2="\(f(top + plotHeight))" stroke="#000" stroke-width="0.8"/>
            <text x="\(f(left - 4))" y="\(f(top + 4))" font-size="9" text-anchor="end" font-family="Times New Roman, serif">\(VietnameseFormat.number(Int64(maximum)))</text>
            <text x="\(f(left - 4))" y="\(f(top + plotHeight))" font-size="9" text-anchor="end" font-family="Times New Roman, serif">0</text>
            """
        var line: [String] = []
        for (index, point) in points.enumerated() {
            let center = left + step * (Double(index) + 0.5)
            if let value = point.value {
                let barWidth = max(2, step * 0.5)
                svg += "<rect x=\"\(f(center - barWidth / 2))\" y=\"\(f(y(value)))\" width=\"\(f(barWidth))\" height=\"\(f(top + plotHeight - y(value)))\" fill=\"#90a4ae\"/>"
            }
            if let cumulative = point.cumulative { line.append("\(f(center)),\(f(y(cumulative)))") }
            let label = point.period.quarter.map { "Q\($0)/\(point.period.year % 100)" } ?? String(point.period.year)
            svg += "<text x=\"\(f(center))\" y=\"\(f(height - bottom + 12))\" font-size=\"9\" text-anchor=\"middle\" font-family=\"Times New Roman, serif\">\(label)</text>"
        }
        if line.count > 1 {
            svg += "<polyline points=\"\(line.joined(separator: " "))\" fill=\"none\" stroke=\"#1565c0\" stroke-width=\"1.8\"/>"
        }
        svg += "<text x=\"\(f(left))\" y=\"\(f(height - 6))\" font-size=\"9\" font-family=\"Times New Roman, serif\"><tspan fill=\"#607d8b\">■ trong quý</tspan>  <tspan fill=\"#1565c0\">— lũy kế</tspan></text>"
        svg += "</svg>"
        return svg
    }

    /// Escapes text for SVG/XML content and attributes (the same rules as HTML templates).
    public static func escape(_ text: String) -> String {
        TemplateEscaping.html.escaped(text)
    }

    /// Coordinates with at most one decimal, so output is byte-stable and short.
    static func f(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}
