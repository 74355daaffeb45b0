/// Turns a computed report into the values the Markdown and HTML templates lay out: every
/// figure already in Vietnamese format, every unit-supplied text left as text (the template's
/// escaping makes it safe), charts as ready markup.
public struct ReportContext {
    public let report: PeriodReport
    private let unitNames: [String: String]
    private let indicatorNames: [String: Indicator]

    public init(report: PeriodReport) {
        self.report = report
        unitNames = Dictionary(report.plan.units.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        indicatorNames = Dictionary(report.plan.indicators.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    }

    func name(_ unit: String) -> String { unit == totalScope ? "Toàn tỉnh" : unitNames[unit] ?? unit }
    func indicatorName(_ id: String) -> String { indicatorNames[id]?.name ?? id }

    /// The whole template context.
    public func value() -> TemplateValue {
        let plan = report.plan
        // Who speaks is the issuer in force on the report's date (Trà Vinh → Vĩnh Long on 01/7/2025).
        let issuer = plan.issuer(on: report.asOf)
        let coordinator = issuer.body
        let periodText = VietnameseFormat.period(report.period)
        let title = plan.document.reportTitle ?? "Kết quả thực hiện \(plan.title)"
        var context: [String: TemplateValue] = [
            "issuer": .string((issuer.authority ?? plan.issuer).uppercased()),
            "body": .string(coordinator.uppercased()),
            "body_name": .string(coordinator),
            "number": .string(issuer.number),
            "place_date": .string("\(issuer.place), \(VietnameseFormat.longDate(report.asOf))"),
            "title": .string(title),
            "period_text": .string(periodText),
            "period_short": .string(VietnameseFormat.shortPeriod(report.period)),
            "period_id": .string(report.period.description),
            "is_year": .bool(report.isYearEnd),
            "window_from": .string(VietnameseFormat.shortDate(report.window.lowerBound)),
            "window_to": .string(VietnameseFormat.shortDate(report.window.upperBound)),
            "due": .string(VietnameseFormat.shortDate(report.due)),
            "as_of": .string(VietnameseFormat.shortDate(report.asOf)),
            "plan_title": .string(plan.title),
            "plan_id": .string(plan.id),
            "plan_source": TemplateValue(plan.source),
            "plan_note": TemplateValue(plan.note?.publicText),
            "plan_span": .string("\(VietnameseFormat.shortDate(plan.start)) – \(VietnameseFormat.shortDate(plan.end))"),
            "signer_title": .list(issuer.signerTitle.map { .string($0) }),
            "signer_name": .string(issuer.signerName),
            "recipients": .list(issuer.recipients.map { .string($0) }),
            "generated_on": .string(report.asOf.description),
        ]
        context.merge(planRulesContext()) { current, _ in current }
        context["targets"] = .list(targets())
        context["has_targets"] = .bool(!report.plan.targets.isEmpty)
        context["per_unit_targets"] = .list(perUnitTargets())
        context["indicators"] = .list(indicatorSummary())
        context["by_type"] = .list(byType())
        context["has_carried"] = .bool(report.indicators.contains { $0.carried && $0.unit != totalScope })
        context["subtotals"] = .list(subtotals())
        context["tasks"] = .list(tasks())
        context["has_tasks"] = .bool(!report.tasks.isEmpty)
        context.merge(reporting()) { a, _ in a }
        context.merge(narratives()) { a, _ in a }
        context["warnings"] = .list(report.warnings.map { warning in
            .object(["text": .string(VietnameseLabels.warning(warning, unitName: name(warning.unit),
                                                              indicatorName: indicatorName(warning.indicator)))])
        })
        context["trend_charts"] = .list(trendCharts())
        if report.isYearEnd { context.merge(yearEnd()) { a, _ in a } }
        return .object(context)
    }

    // MARK: - Targets

    private func figure(_ value: Double?, _ target: Target) -> String {
        guard let value else { return "—" }
        if target.kind.isFraction { return VietnameseFormat.percent(value) }
        // Counts are of whole things (domains, conferences): a projection of 3.976,1 reads as 3.976.
        return VietnameseFormat.decimal(value, places: 0)
    }

    private func goalText(_ result: TargetResult) -> String {
        let low = figure(result.goal, result.target)
        guard let high = result.goalHigh else { return low }
        return "\(low) – \(figure(high, result.target))"
    }

    private func projectionText(_ result: TargetResult) -> String {
        guard let projection = result.projection, result.actual != nil else { return "" }
        if result.status == .achieved { return "Đã đạt mục tiêu." }
        var text = "Theo tốc độ hiện nay, đến \(VietnameseFormat.shortDate(result.target.deadline)) ước đạt \(figure(projection.atDeadline, result.target))"
        if let needed = projection.neededPerQuarter {
            let step = result.target.kind.isFraction
                ? VietnameseFormat.decimal(needed * 100, places: 2) + " điểm phần trăm"
                : figure(needed, result.target)
            text += "; cần tăng \(step) mỗi quý trong \(projection.quartersLeft) quý còn lại"
        } else if projection.quartersLeft == 0 {
            text += "; đã hết thời hạn"
        }
        return text + "."
    }

    private func targetRow(_ result: TargetResult) -> TemplateValue {
        var detail = ""
        if case .ratio = result.target.kind, let n = result.numerator, let d = result.denominator {
            detail = "\(VietnameseFormat.number(n))/\(VietnameseFormat.number(d))"
        } else if case .coverage = result.target.kind, let n = result.numerator, let d = result.denominator {
            detail = "\(n)/\(d) đơn vị"
        }
        return .object([
            "id": .string(result.target.id),
            "name": .string(result.target.name),
            "scope": .string(name(result.scope)),
            "actual": .string(figure(result.actual, result.target)),
            "detail": .string(detail),
            "expected": .string(figure(result.expected, result.target)),
            "goal": .string(goalText(result)),
            "deadline": .string(VietnameseFormat.shortDate(result.target.deadline)),
            "status": .string(result.status.rawValue),
            "status_label": .string(VietnameseLabels.status(result.status)),
            "projection": .string(projectionText(result)),
            "note": TemplateValue(result.target.note?.publicText),
            "chart": .raw(SVGChart.target(result)),
        ])
    }

    private func targets() -> [TemplateValue] {
        report.targets.filter { $0.scope == totalScope }.map(targetRow)
    }

    private func perUnitTargets() -> [TemplateValue] {
        report.plan.targets.filter(\.perUnit).sorted { $0.id < $1.id }.compactMap { target in
            let rows = report.targets.filter { $0.target.id == target.id && $0.scope != totalScope }
            guard !rows.isEmpty else { return nil }
            return .object(["name": .string(target.name), "rows": .list(rows.map(targetRow))])
        }
    }

    // MARK: - Indicators

    private func number(_ value: Int64?) -> String { value.map(VietnameseFormat.number) ?? "—" }

    private func indicatorSummary() -> [TemplateValue] {
        report.plan.indicators.map { indicator in
            let total = report.total(indicator.id)
            let reporting = report.indicators.filter { $0.indicator == indicator.id && $0.unit != totalScope && $0.value != nil }
            var notes: [String] = []
            if total?.carried == true { notes.append("có số liệu chuyển từ kỳ trước") }
            if let sources = indicator.sources {
                notes.append("chỉ cộng: " + sources.sorted().map(VietnameseLabels.unitType).joined(separator: "; "))
            }
            return .object([
                "id": .string(indicator.id),
                "name": .string(indicator.name),
                "unit": .string(indicator.unit),
                "kind": .string(indicator.overTime == .sum ? "phát sinh" : "hiện có"),
                "value": .string(number(total?.value)),
                "cumulative": .string(indicator.overTime == .sum ? number(total?.cumulative) : "—"),
                "units_reporting": .string(String(reporting.count)),
                "note": .string(notes.joined(separator: "; ")),
            ])
        }
    }

    private func byType() -> [TemplateValue] {
        let typesInOrder = ReportEngine(plan: report.plan).orderedTypes()
        return typesInOrder.compactMap { type in
            let unitIDs = Set(report.plan.units.filter { $0.type == type }.map(\.id))
            let rows = report.indicators.filter { unitIDs.contains($0.unit) && ($0.value != nil || $0.cumulative != nil) }
            guard !rows.isEmpty else { return nil }
            let totals = report.typeTotals.filter { $0.type == type }
            return .object([
                "type": .string(VietnameseLabels.unitType(type)),
                "rows": .list(rows.sorted { ($0.unit, $0.indicator) < ($1.unit, $1.indicator) }.map { row in
                    .object([
                        "unit": .string(name(row.unit)),
                        "indicator": .string(indicatorName(row.indicator)),
                        "value": .string(number(row.value) + (row.carried ? " (*)" : "")),
                        "cumulative": .string(indicatorNames[row.indicator]?.overTime == .sum ? number(row.cumulative) : "—"),
                        "counted": .bool(row.counted),
                    ])
                }),
                "totals": .list(totals.map { total in
                    .object([
                        "indicator": .string(indicatorName(total.indicator)),
                        "value": .string(number(total.value)),
                        "cumulative": .string(indicatorNames[total.indicator]?.overTime == .sum ? number(total.cumulative) : "—"),
                        "counted": .bool(total.counted),
                    ])
                }),
            ])
        }
    }

    private func subtotals() -> [TemplateValue] {
        let parents = Dictionary(grouping: report.subtotals, by: \.unit)
        return parents.keys.sorted().map { parent in
            let rows = parents[parent]!
            return .object([
                "unit": .string(name(parent)),
                "members": .string(rows[0].members.map(name).joined(separator: "; ")),
                "rows": .list(rows.map { row in
                    .object([
                        "indicator": .string(indicatorName(row.indicator)),
                        "value": .string(number(row.value)),
                        "cumulative": .string(indicatorNames[row.indicator]?.overTime == .sum ? number(row.cumulative) : "—"),
                    ])
                }),
            ])
        }
    }

    // MARK: - Tasks, reporting, narrative

    private func tasks() -> [TemplateValue] {
        report.tasks.map { row in
            let evidence = row.evidence.map { item -> TemplateValue in
                .object([
                    "unit": .string(name(item.unit)),
                    "status": .string(VietnameseLabels.taskStatus(item.status)),
                    "period": .string(VietnameseFormat.shortPeriod(item.period)),
                    "text": TemplateValue(item.text),
                ])
            }
            return .object([
                "id": .string(row.task.id),
                "title": .string(row.task.title),
                "lead": .string(row.task.lead.map(name).joined(separator: "; ")),
                "partners": .string(row.task.partners.map(name).joined(separator: "; ")),
                "timeframe": .string(row.task.timeframe ?? timeframe(row.task.schedule)),
                "output": .string(row.task.output ?? ""),
                "quota": TemplateValue(row.task.quota),
                "status": .string(row.status.rawValue),
                "status_label": .string(VietnameseLabels.task(row.status)
                    + (row.notYetDue ? " (chưa đến hạn)" : row.reported ? "" : " (chưa báo cáo)")),
                "evidence": .list(evidence),
            ])
        }
    }

    private func timeframe(_ schedule: PlanTask.Schedule) -> String {
        switch schedule {
        case let .due(year, month): "Tháng \(month)/\(year)"
        case .quarterly: "Hàng quý"
        case .yearly(let month): month.map { "Tháng \($0) hàng năm" } ?? "Hàng năm"
        case .ongoing: "Thường xuyên"
        }
    }

    private func reporting() -> [String: TemplateValue] {
        let rows = report.submissions
        func names(_ status: SubmissionStatus) -> TemplateValue {
            .list(rows.filter { $0.status == status }.map { .string(name($0.unit)) })
        }
        func count(_ status: SubmissionStatus) -> TemplateValue {
            .string(String(rows.filter { $0.status == status }.count))
        }
        let overall = report.rates.last
        return [
            "submissions": .list(rows.map { row in
                .object([
                    "unit": .string(name(row.unit)),
                    "status": .string(row.status.rawValue),
                    "status_label": .string(VietnameseLabels.submission(row.status)),
                    "received": .string(row.received.map(VietnameseFormat.shortDate) ?? "—"),
                    "revisions": .string(row.revisions > 0 ? String(row.revisions) : ""),
                ])
            }),
            "late_units": names(.late),
            "missing_units": names(.missing),
            "pending_units": names(.pending),
            "late_count": count(.late),
            "missing_count": count(.missing),
            "pending_count": count(.pending),
            "has_late": .bool(rows.contains { $0.status == .late }),
            "has_missing": .bool(rows.contains { $0.status == .missing }),
            "has_pending": .bool(rows.contains { $0.status == .pending }),
            "rates": .list(report.rates.map { rate in
                .object([
                    "type": .string(rate.type.map(VietnameseLabels.unitType) ?? "Tổng cộng"),
                    "is_total": .bool(rate.type == nil),
                    "expected": .string(String(rate.expected)),
                    "reported": .string(String(rate.reported)),
                    "on_time": .string(String(rate.onTime)),
                    "completeness": .string(rate.completeness.map { VietnameseFormat.percent($0) } ?? "—"),
                    "timeliness": .string(rate.timeliness.map { VietnameseFormat.percent($0) } ?? "—"),
                ])
            }),
            "expected_count": .string(String(overall?.expected ?? 0)),
            "reported_count": .string(String(overall?.reported ?? 0)),
            "on_time_count": .string(String(overall?.onTime ?? 0)),
            "completeness": .string(overall?.completeness.map { VietnameseFormat.percent($0) } ?? "—"),
            "timeliness": .string(overall?.timeliness.map { VietnameseFormat.percent($0) } ?? "—"),
        ]
    }

    private func narratives() -> [String: TemplateValue] {
        func items(_ keyPath: KeyPath<Narrative, String?>) -> TemplateValue {
            .list(report.narratives.compactMap { narrative in
                narrative[keyPath: keyPath].map { text in
                    .object(["unit": .string(name(narrative.unit)),
                             "period": .string(VietnameseFormat.shortPeriod(narrative.period)),
                             "text": .string(text)])
                }
            })
        }
        return ["difficulties": items(\.difficulties), "proposals": items(\.proposals)]
    }

    private func trendCharts() -> [TemplateValue] {
        guard report.trend.count > 1 else { return [] }
        var chartIndicators: [String] = []
        for target in report.plan.targets {
            if case let .count(ids) = target.kind { chartIndicators += ids.filter { !chartIndicators.contains($0) } }
        }
        if chartIndicators.isEmpty {
            chartIndicators = report.plan.indicators.filter { $0.overTime == .sum }.prefix(2).map(\.id)
        }
        return chartIndicators.map { id in
            let points = report.trend.map { entry in
                let row = entry.rows.first { $0.indicator == id }
                return (entry.period, row?.value, row?.cumulative)
            }
            return .object(["chart": .raw(SVGChart.trend(title: indicatorName(id), points: points))])
        }
    }

    // MARK: - Year-end

    private func yearEnd() -> [String: TemplateValue] {
        let quarters = report.quarterTotals
        let previous = Dictionary(report.previousYearTotals.map { ($0.indicator, $0) }, uniquingKeysWith: { a, _ in a })
        let hasPrevious = !report.previousYearTotals.isEmpty
        var headers: [TemplateValue] = quarters.map { .string(VietnameseFormat.shortPeriod($0.period)) }
        headers.append(.string("Năm \(report.period.year)"))
        if hasPrevious { headers += [.string("Năm \(report.period.year - 1)"), .string("So sánh")] }
        let rows: [TemplateValue] = report.plan.indicators.map { indicator in
            var cells: [TemplateValue] = quarters.map { quarter in
                .string(number(quarter.rows.first { $0.indicator == indicator.id }?.value))
            }
            let current = report.total(indicator.id)?.value
            cells.append(.string(number(current)))
            if hasPrevious {
                let before = previous[indicator.id]?.value
                cells.append(.string(number(before)))
                var change = "—"
                if let current, let before, before > 0 {
                    change = VietnameseFormat.percent(Double(current) / Double(before))
                }
                cells.append(.string(change))
            }
            return .object(["name": .string(indicator.name), "cells": .list(cells)])
        }
        let standings: [TemplateValue] = report.standings.map { standing in
            .object([
                "rank": .string(String(standing.rank)),
                "unit": .string(name(standing.unit)),
                "contribution": .string(VietnameseFormat.number(standing.contribution)),
                "on_time": .string("\(standing.submissionsOnTime)/\(standing.submissionsExpected)"),
                "targets": .string(standing.targetsEvaluated == 0 ? "—" : "\(standing.targetsMet)/\(standing.targetsEvaluated)"),
                "commended": .bool(standing.commended),
            ])
        }
        return [
            "quarter_headers": .list(headers),
            "quarter_rows": .list(rows),
            "has_previous_year": .bool(hasPrevious),
            "previous_year": .string(String(report.period.year - 1)),
            "standings": .list(standings),
            "commended": .list(report.standings.filter(\.commended).map { .string(name($0.unit)) }),
            "has_commended": .bool(report.standings.contains(where: \.commended)),
            "commended_count": .string(String(report.standings.filter(\.commended).count)),
        ]
    }
}
