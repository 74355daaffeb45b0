/// The appendices: the subtotals and the summary per indicator of Phụ lục I (its figures per unit
/// are in `ReportContext+Units.swift`), the full task table (Phụ lục II) and the quarterly trend
/// (Phụ lục III).
extension ReportContext {
    func number(_ value: Int64?) -> String { value.map(VietnameseFormat.number) ?? "—" }

    // MARK: - Phụ lục I

    /// Each parent's subtotal, in plan order; a province whose units the appendix groups under
    /// it (`provinceGroups`) has its subtotal there instead.
    func subtotals() -> [TemplateValue] {
        let parents = Dictionary(grouping: report.subtotals, by: \.unit)
        let grouped = Set(provinces().map { report.plan.units[$0].id })
        return report.plan.units.map(\.id).filter { parents[$0] != nil && !grouped.contains($0) }.map { parent in
            let rows = parents[parent]!
            return .object([
                "unit": .string(name(parent)),
                "members": .string(rows[0].members.dropFirst().map(name).joined(separator: "; ")),
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

    func indicatorSummary() -> [TemplateValue] {
        // Units with a figure, per indicator: one walk over the packed rows.
        var counts = Array(repeating: 0, count: report.plan.indicators.count)
        for index in report.indicators.indices {
            let row = report.indicators.packed(index)
            if !row.isTotal && row.optionalValue != nil { counts[Int(row.indicator)] += 1 }
        }
        let reporting = Dictionary(zip(report.plan.indicators.map(\.id), counts), uniquingKeysWith: { a, _ in a })
        return report.plan.indicators.map { indicator in
            let total = report.total(indicator.id)
            var notes: [String] = []
            if total?.carried == true { notes.append("có số liệu chuyển từ kỳ trước") }
            if let sources = indicator.sources {
                notes.append("chỉ cộng: " + sources.sorted().map(VietnameseLabels.unitType).joined(separator: "; "))
            }
            return .object([
                "name": .string(indicator.name),
                "unit": .string(indicator.unit),
                "kind": .string(indicator.overTime == .sum ? "phát sinh" : "hiện có"),
                "value": .string(number(total?.value)),
                "cumulative": .string(indicator.overTime == .sum ? number(total?.cumulative) : "—"),
                "units_reporting": .string(String(reporting[indicator.id] ?? 0)),
                "note": .string(notes.joined(separator: "; ")),
            ])
        }
    }

    // MARK: - Phụ lục II

    func allTasks() -> [TemplateValue] {
        report.tasks.map { row in
            let evidence = row.evidence.map { item -> TemplateValue in
                .object([
                    "unit": .string(name(item.unit)),
                    "status": .string(VietnameseLabels.taskStatus(item.status)),
                    "period": .string(VietnameseFormat.shortPeriod(item.period)),
                    "text": TemplateValue(item.text),
                    // The full stop that ends the entry in report.md, unless the unit's text has one.
                    "end": .string(item.text.map { $0.hasSuffix(".") || $0.hasSuffix("!") || $0.hasSuffix("?") || $0.hasSuffix("…") } == true ? "" : "."),
                ])
            }
            return .object([
                "number": .string(row.task.id),
                "title": .string(row.task.title),
                // A long list of units reads better by kind ("24 đơn vị (Sở, ban, ngành; …)").
                "lead": .string(row.task.lead.count > 6 ? leadText(row.task.lead) : row.task.lead.map(name).joined(separator: "; ")),
                "partners": .string(row.task.partners.count > 6 ? leadText(row.task.partners)
                                    : row.task.partners.map(name).joined(separator: "; ")),
                "timeframe": .string(row.task.timeframe ?? timeframe(row.task.schedule)),
                "output": .string(row.task.output ?? ""),
                "quota": TemplateValue(row.task.quota),
                "status": .string(Self.className(row.status.rawValue)),
                "status_label": .string(VietnameseLabels.task(row.status)
                    + (row.notYetDue ? " (chưa đến hạn)" : row.reported ? "" : " (chưa báo cáo)")),
                "evidence": .list(evidence),
            ])
        }
    }

    // MARK: - Phụ lục III

    func trend() -> [String: TemplateValue] {
        let quarters = report.trend.filter { report.isYearEnd ? $0.period.year == report.period.year : true }
            .suffix(report.isYearEnd ? 4 : 8)
        let headers: [TemplateValue] = quarters.map { .string(VietnameseFormat.shortPeriod($0.period)) }
        let rows: [TemplateValue] = report.plan.indicators.map { indicator in
            .object([
                "name": .string(indicator.name),
                "cells": .list(quarters.map { quarter in
                    .string(number(quarter.rows.first { $0.indicator == indicator.id }?.value))
                }),
            ])
        }
        return ["trend_headers": .list(headers), "trend_rows": .list(rows), "has_trend": .bool(!quarters.isEmpty)]
    }

    func trendCharts() -> [TemplateValue] {
        guard report.trend.count > 1 else { return [] }
        return comparedIndicators(mainOnly: true).map { indicator in
            let points = report.trend.map { entry in
                let row = entry.rows.first { $0.indicator == indicator.id }
                return (entry.period, row?.value, row?.cumulative)
            }
            return .object(["name": .string(indicator.name),
                            "chart": .raw(SVGChart.trend(title: indicator.name, points: points))])
        }
    }
}

// MARK: - Ranking and commendation

extension ReportContext {
    /// Only what the plan declares (`ranking`, `commendation`): nothing when it declares neither.
    func standings() -> [String: TemplateValue] {
        guard let standings = report.ranking else {
            return ["has_ranking": .bool(false), "has_commendation": .bool(false), "ranked": .list([]),
                    "ranking_label": .string(""), "commendation_sentence": .string("")]
        }
        let plan = report.plan
        let rule = plan.ranking
        let isFraction = rule.flatMap { rule in plan.targets.first { $0.id == rule.by } }?.kind.isFraction ?? false
        func shown(_ value: Double) -> String {
            if isFraction { return VietnameseFormat.percent(value) }
            if rule?.rate != nil { return VietnameseFormat.decimal(value, places: 2) }
            return VietnameseFormat.decimal(value, places: 0)
        }
        var sentence = ""
        if let commendation = plan.commendation {
            let names = standings.commended.map(name)
            sentence = names.isEmpty
                ? "Căn cứ \(commendation.basis), chưa có đơn vị đáp ứng đủ các tiêu chí để đề nghị khen thưởng."
                : "Căn cứ \(commendation.basis), đề nghị khen thưởng \(names.count) đơn vị đạt đủ các tiêu chí: "
                    + names.joined(separator: "; ") + "."
        }
        return [
            "has_ranking": .bool(standings.hasRanking && !standings.ranked.isEmpty),
            "has_commendation": .bool(standings.hasCommendation),
            "ranking_label": .string(rule?.label ?? ""),
            "ranked": .list(standings.ranked.map { row in
                .object(["rank": .string(String(row.rank)), "unit": .string(name(row.unit)), "value": .string(shown(row.value))])
            }),
            "commendation_sentence": .string(sentence),
        ]
    }
}
