/// The appendices: figures per unit grouped by the unit hierarchy (Phụ lục I), the full task
/// table (Phụ lục II) and the quarterly trend (Phụ lục III).
extension ReportContext {
    func number(_ value: Int64?) -> String { value.map(VietnameseFormat.number) ?? "—" }

    // MARK: - Phụ lục I

    /// Units in the plan's order of types, each parent followed by the units under it (and the
    /// units merged into it), so a district's communes sit below the district.
    func hierarchyOrder(_ units: [ReportingUnit]) -> [(unit: ReportingUnit, depth: Int)] {
        let ids = Set(units.map(\.id))
        var children: [String: [ReportingUnit]] = [:]
        var roots: [ReportingUnit] = []
        for unit in units {
            if let parent = unit.parent ?? unit.mergedInto, ids.contains(parent), parent != unit.id {
                children[parent, default: []].append(unit)
            } else {
                roots.append(unit)
            }
        }
        var result: [(ReportingUnit, Int)] = []
        var seen: Set<String> = []
        func visit(_ unit: ReportingUnit, _ depth: Int) {
            guard seen.insert(unit.id).inserted else { return }
            result.append((unit, depth))
            for child in children[unit.id] ?? [] { visit(child, depth + 1) }
        }
        for root in roots { visit(root, 0) }
        for unit in units where !seen.contains(unit.id) { visit(unit, 0) }
        return result
    }

    /// One table per unit type: every unit with a figure, its indicators in the plan's order.
    func unitGroups() -> [TemplateValue] {
        let plan = report.plan
        let types = plan.unitTypes
        let byUnit = Dictionary(grouping: report.indicators.filter {
            $0.scope != .total && ($0.value != nil || $0.cumulative != nil)
        }, by: { $0.scope.unitID ?? "" })
        let indicatorOrder = Dictionary(plan.indicators.enumerated().map { ($0.element.id, $0.offset) },
                                        uniquingKeysWith: { a, _ in a })
        return types.compactMap { type in
            let units = hierarchyOrder(plan.units.filter { $0.type == type })
            var rows: [TemplateValue] = []
            for (unit, depth) in units {
                let figures = (byUnit[unit.id] ?? []).sorted { (indicatorOrder[$0.indicator] ?? 0) < (indicatorOrder[$1.indicator] ?? 0) }
                for (index, row) in figures.enumerated() {
                    let isSum = indicatorNames[row.indicator]?.overTime == .sum
                    rows.append(.object([
                        "unit": .string(index == 0 ? String(repeating: "– ", count: depth) + unit.name : ""),
                        "first": .bool(index == 0),
                        "indicator": .string(indicatorName(row.indicator)),
                        "counted": .bool(row.counted),
                        "value": .string(number(row.value) + (row.carried ? " (*)" : "")),
                        "cumulative": .string(isSum ? number(row.cumulative) : "—"),
                    ]))
                }
            }
            guard !rows.isEmpty else { return nil }
            let totals = report.typeTotals.filter { $0.type == type }.sorted {
                (indicatorOrder[$0.indicator] ?? 0) < (indicatorOrder[$1.indicator] ?? 0)
            }
            return .object([
                "type": .string(VietnameseLabels.unitType(type)),
                "rows": .list(rows),
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

    func subtotals() -> [TemplateValue] {
        let parents = Dictionary(grouping: report.subtotals, by: \.unit)
        return report.plan.units.map(\.id).filter { parents[$0] != nil }.map { parent in
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
        report.plan.indicators.map { indicator in
            let total = report.total(indicator.id)
            let reporting = report.indicators.filter { $0.indicator == indicator.id && $0.scope != .total && $0.value != nil }
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
                "units_reporting": .string(String(reporting.count)),
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
                "status": .string(row.status.rawValue.replacingOccurrences(of: "_", with: "-")),
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
