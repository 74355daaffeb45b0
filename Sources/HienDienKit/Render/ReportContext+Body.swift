/// The main body's sections II–VI and the comparisons of section I.
extension ReportContext {
    // MARK: - I. Comparisons

    /// The flows the plan's count targets add up (what a reader compares period to period);
    /// every indicator in the appendix.
    func comparedIndicators(mainOnly: Bool) -> [Indicator] {
        guard mainOnly else { return report.plan.indicators }
        var ids: [String] = []
        for target in report.plan.targets {
            if case let .count(list) = target.kind { ids += list.filter { !ids.contains($0) } }
        }
        // The plan's first flows (registrations, as plans list them first) besides.
        for indicator in report.plan.indicators.filter({ $0.overTime == .sum }).prefix(2) where !ids.contains(indicator.id) {
            ids.append(indicator.id)
        }
        return report.plan.indicators.filter { ids.contains($0.id) }
    }

    /// Quarterly: this quarter, the previous quarter and the same quarter a year before.
    /// Year-end: this year and the previous year, with a ratio only when both years cover the
    /// same quarters of the plan; otherwise the previous year's column says which quarters it holds.
    func comparison(mainOnly: Bool) -> [String: TemplateValue] {
        let plan = report.plan
        var columns: [(header: String, period: Period?, ratio: Bool)] = []
        var notes: [String] = []
        func totals(_ period: Period) -> [String: Int64?]? {
            if period == report.period {
                return Dictionary(report.indicators.filter { $0.scope == .total }.map { ($0.indicator, $0.value) },
                                  uniquingKeysWith: { a, _ in a })
            }
            if period.isYear, period == report.period.previous {
                guard !report.previousYearTotals.isEmpty else { return nil }
                return Dictionary(report.previousYearTotals.map { ($0.indicator, $0.value) }, uniquingKeysWith: { a, _ in a })
            }
            guard let entry = report.trend.first(where: { $0.period == period }) else { return nil }
            return Dictionary(entry.rows.map { ($0.indicator, $0.value) }, uniquingKeysWith: { a, _ in a })
        }
        let current = report.period
        columns.append((VietnameseFormat.shortPeriod(current), current, false))
        if current.isYear {
            let previous = current.previous
            let covered = plan.quarters.filter { $0.year == previous.year }
            if covered.isEmpty {
                notes.append("Năm \(previous.year) chưa thuộc thời gian thực hiện Kế hoạch nên không có số liệu để so sánh.")
            } else if covered.count == 4 {
                columns.append(("Năm \(previous.year)", previous, true))
            } else {
                let names = covered.map { VietnameseFormat.roman($0.quarter!) }.joined(separator: ", ")
                columns.append(("Năm \(previous.year) (Quý \(names))", previous, false))
                notes.append("Năm \(previous.year) Kế hoạch chỉ thực hiện trong Quý \(names) nên không so sánh tỷ lệ giữa hai năm.")
            }
        } else {
            for (previous, words) in [(current.previous, "Quý trước"), (Period.quarter(current.quarter!, of: current.year - 1), "Cùng kỳ năm trước")] {
                if plan.contains(previous) {
                    columns.append(("\(words) (\(VietnameseFormat.shortPeriod(previous)))", previous, true))
                } else {
                    notes.append("\(VietnameseFormat.shortPeriod(previous)) chưa thuộc thời gian thực hiện Kế hoạch nên không so sánh với \(words.lowercased()).")
                }
            }
        }
        let data = columns.map { $0.period.flatMap(totals) }
        var headers: [TemplateValue] = [.string(columns[0].header)]
        for column in columns.dropFirst() {
            headers.append(.string(column.header))
            if column.ratio { headers.append(.string("So sánh (%)")) }
        }
        let rows: [TemplateValue] = comparedIndicators(mainOnly: mainOnly).map { indicator in
            let now = data[0]?[indicator.id] ?? nil
            var cells: [TemplateValue] = [.string(now.map(VietnameseFormat.number) ?? "—")]
            for (index, column) in columns.enumerated().dropFirst() {
                let before = data[index]?[indicator.id] ?? nil
                cells.append(.string(before.map(VietnameseFormat.number) ?? "—"))
                if column.ratio {
                    var change = "—"
                    if let now, let before, before > 0 { change = VietnameseFormat.percent(Double(now) / Double(before)) }
                    cells.append(.string(change))
                }
            }
            let unit = indicator.unit.isEmpty ? "" : " (\(indicator.unit))"
            return .object(["name": .string(indicator.name + unit), "cells": .list(cells)])
        }
        return ["comparison_headers": .list(headers), "comparison_rows": .list(rows),
                "comparison_notes": .list(notes.map { .string($0) }),
                "has_comparison": .bool(!rows.isEmpty && columns.count > 1 || !notes.isEmpty)]
    }

    // MARK: - II. Tasks

    /// Lead units by name, or by kind when there are many ("24 đơn vị: Sở, ban, ngành; …").
    func leadText(_ leads: [String]) -> String {
        guard leads.count > 3 else { return leads.map(name).joined(separator: ", ") }
        var types: [String] = []
        for id in leads {
            let type = report.plan.unit(id).map { VietnameseLabels.unitType($0.type) } ?? ""
            if !type.isEmpty, !types.contains(type) { types.append(type) }
        }
        return "\(leads.count) đơn vị (\(types.joined(separator: "; ")))"
    }

    func taskLine(_ row: TaskRow) -> TemplateValue {
        let when = row.task.timeframe ?? timeframe(row.task.schedule)
        var title = row.task.title.trimmingCharacters(in: .whitespaces)
        while title.hasSuffix(".") || title.hasSuffix(";") { title.removeLast() }
        return .string("\(title) (chủ trì: \(leadText(row.task.lead)); thời gian: \(when.prefix(1).lowercased() + when.dropFirst()))")
    }

    /// A task at risk: not done, not overdue, due by the end of the next period and not started.
    func isAtRisk(_ row: TaskRow) -> Bool {
        guard row.status == .notStarted || row.status == .inProgress && !row.reported else { return false }
        guard let due = row.task.schedule.dueDay else { return false }
        return due <= ReportEngine.calendarEnd(of: report.period.next)
    }

    func taskSummary() -> [String: TemplateValue] {
        let rows = report.tasks
        func count(_ state: TaskState) -> Int { rows.filter { $0.status == state }.count }
        var parts: [String] = []
        for (state, words) in [(TaskState.done, "hoàn thành"), (.inProgress, "đang thực hiện"),
                               (.notStarted, "chưa triển khai"), (.overdue, "quá hạn")] where count(state) > 0 {
            parts.append("\(count(state)) \(words)")
        }
        let unreported = rows.filter { !$0.reported }.count
        var sentence = "Kế hoạch có \(rows.count) nhiệm vụ; đến ngày \(VietnameseFormat.shortDate(report.asOf)): "
            + parts.joined(separator: ", ") + "."
        if unreported > 0 {
            sentence += " Có \(unreported) nhiệm vụ đơn vị chủ trì chưa báo cáo kết quả."
        }
        let overdue = rows.filter { $0.status == .overdue }
        let atRisk = rows.filter(isAtRisk)
        return [
            "task_counts": .string(sentence),
            "overdue_tasks": .list(overdue.map(taskLine)),
            "at_risk_tasks": .list(atRisk.map(taskLine)),
            "has_overdue": .bool(!overdue.isEmpty), "has_at_risk": .bool(!atRisk.isEmpty),
            "has_tasks": .bool(!rows.isEmpty),
        ]
    }

    func timeframe(_ schedule: PlanTask.Schedule) -> String {
        switch schedule {
        case let .due(year, month): "Tháng \(month)/\(year)"
        case .quarterly: "Hằng quý"
        case .yearly(let month): month.map { "Tháng \($0) hằng năm" } ?? "Hằng năm"
        case .ongoing: "Thường xuyên"
        }
    }

    // MARK: - III. Reporting

    func reporting() -> [String: TemplateValue] {
        let rows = report.submissions
        func names(_ status: SubmissionStatus) -> String {
            rows.filter { $0.status == status }.map { name($0.unit) }.joined(separator: "; ")
        }
        func count(_ status: SubmissionStatus) -> Int { rows.filter { $0.status == status }.count }
        let overall = report.rates.last
        var sentence = "Có \(overall?.reported ?? 0)/\(overall?.expected ?? 0) đơn vị đã gửi báo cáo"
        if let completeness = overall?.completeness { sentence += " (đạt \(VietnameseFormat.percent(completeness)))" }
        sentence += ", trong đó \(overall?.onTime ?? 0) đơn vị gửi đúng hạn"
        if let timeliness = overall?.timeliness { sentence += " (\(VietnameseFormat.percent(timeliness)))" }
        sentence += "; hạn gửi báo cáo: \(VietnameseFormat.shortDate(report.due))."
        return [
            "reporting_sentence": .string(sentence),
            "late_names": .string(names(.late)), "late_count": .string(String(count(.late))),
            "missing_names": .string(names(.missing)), "missing_count": .string(String(count(.missing))),
            "pending_names": .string(names(.pending)), "pending_count": .string(String(count(.pending))),
            // One row per unit: made as the template reaches it.
            "submissions": .lazyList(LazyTemplateList(count: rows.count) { [self] index in
                let row = rows[index]
                return .object([
                    "unit": .string(name(row.unit)),
                    "status": .string(Self.className(row.status.rawValue)),
                    "status_label": .string(VietnameseLabels.submission(row.status)),
                    "received": .string(row.received.map(VietnameseFormat.shortDate) ?? "—"),
                    "revisions": .string(row.revisions > 0 ? String(row.revisions) : ""),
                ])
            }),
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
        ]
    }

    // MARK: - IV–V. Difficulties and proposals

    /// The same words from several units (or the same unit in several quarters) once, with
    /// the units that said them.
    func deduplicated(_ keyPath: KeyPath<Narrative, String?>) -> [TemplateValue] {
        var order: [String] = []
        var texts: [String: String] = [:]
        var units: [String: [String]] = [:]
        for narrative in report.narratives {
            guard let raw = narrative[keyPath: keyPath] else { continue }
            let text = raw.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            guard !text.isEmpty else { continue }
            let key = text.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: " .;"))
            if texts[key] == nil { order.append(key); texts[key] = text }
            let unit = name(narrative.unit)
            if !(units[key]?.contains(unit) ?? false) { units[key, default: []].append(unit) }
        }
        return order.map { key in
            .object(["text": .string(texts[key]!), "units": .string(units[key]!.joined(separator: "; "))])
        }
    }

    func narratives() -> [String: TemplateValue] {
        ["difficulties": .list(deduplicated(\.difficulties)), "proposals": .list(deduplicated(\.proposals))]
    }

    /// What the consolidating department itself proposes from the figures: chasing missing
    /// reports and overdue tasks, and speeding up targets behind their road map.
    func ownProposals() -> [String] {
        var items: [String] = []
        let behind = report.targets.filter { $0.scope == .total && $0.status == .behind }
        if !behind.isEmpty {
            items.append("Đề nghị các đơn vị được giao tập trung đẩy nhanh tiến độ \(behind.count) chỉ tiêu đang chậm so với lộ trình nêu tại mục I.")
        }
        let missing = report.submissions.filter { $0.status == .missing }.count
        if missing > 0 {
            items.append("Đề nghị \(missing) đơn vị chưa gửi báo cáo khẩn trương gửi báo cáo để tổng hợp.")
        }
        let overdue = report.tasks.filter { $0.status == .overdue }.count
        if overdue > 0 {
            items.append("Đề nghị các cơ quan chủ trì khẩn trương hoàn thành \(overdue) nhiệm vụ quá hạn.")
        }
        return items
    }

    // MARK: - VI. Next period

    func nextPeriod() -> [String: TemplateValue] {
        let next = report.period.next
        let plan = report.plan
        let nextText = report.isYearEnd ? "năm \(next.year)" : VietnameseFormat.shortPeriod(next)
        guard plan.contains(next) else {
            return ["next_text": .string(nextText), "next_tasks": .list([]),
                    "next_sentence": .string("Kế hoạch kết thúc ngày \(VietnameseFormat.shortDate(plan.end)); "
                        + "tổng kết, đánh giá kết quả thực hiện Kế hoạch và đề xuất nhiệm vụ giai đoạn tiếp theo.")]
        }
        let span = ReportingRule(window: .calendar).window(for: next)
        var due: [TemplateValue] = []
        var recurring = 0
        var atRisk = 0
        for row in report.tasks where row.status != .done {
            // Tasks already named at risk in section II are referred to, not repeated.
            if isAtRisk(row) { atRisk += 1; continue }
            switch row.task.schedule {
            case .due:
                if let day = row.task.schedule.dueDay, span.contains(day) { due.append(taskLine(row)) }
            case .yearly(let month?):
                let day = Day.endOf(month: month, year: next.year)
                if span.contains(day) { due.append(taskLine(row)) } else { recurring += 1 }
            case .yearly(nil), .quarterly, .ongoing:
                recurring += 1
            }
        }
        var sentence = ""
        let overdue = report.tasks.filter { $0.status == .overdue }.count
        if overdue > 0 { sentence += "Hoàn thành \(overdue) nhiệm vụ quá hạn nêu tại mục II. " }
        if atRisk > 0 { sentence += "Triển khai ngay \(atRisk) nhiệm vụ có nguy cơ chậm nêu tại mục II. " }
        if recurring > 0 { sentence += "Tiếp tục thực hiện \(recurring) nhiệm vụ thường xuyên, định kỳ theo Phụ lục II. " }
        sentence += "Đôn đốc các đơn vị báo cáo đúng hạn \(nextText)."
        return ["next_text": .string(nextText), "next_tasks": .list(due), "next_sentence": .string(sentence)]
    }
}

import Foundation
