/// Template values for what the plan's rules add to a report: rates per unit (tên miền trên
/// 1.000 dân …) and the ranking and commendation the plan declares. Keys:
/// - `unit_rates` / `has_unit_rates`: one entry per indicator and rate, `{ name, rate_label, rows:
///   [{ unit, value, reference, reference_date, result, is_total }] }`;
/// - `plan_ranking` (absent without a declared ranking): `{ label, rows: [{ rank, unit, value }] }`;
/// - `has_plan_commendation`, `plan_commendation_basis`, `plan_commended` (unit names);
/// - `target_baselines` / `has_target_baselines`: `{ name, text }` for share targets whose baseline is
///   dated or the first report.
extension ReportContext {
    func planRulesContext() -> [String: TemplateValue] {
        let report = self.report
        var context: [String: TemplateValue] = [:]
        var groups: [(key: String, rows: [RateRow])] = []
        for row in report.rateRows {
            let key = "\(row.indicator)|\(row.rate.rawValue)"
            if let index = groups.firstIndex(where: { $0.key == key }) { groups[index].rows.append(row) } else {
                groups.append((key, [row]))
            }
        }
        let rates: [TemplateValue] = groups.map { group in
            let first = group.rows[0]
            return .object([
                "name": .string(indicatorName(first.indicator)),
                "rate_label": .string(Self.rateLabel(first.rate)),
                "rows": .list(group.rows.map { row in
                    .object([
                        "unit": .string(name(row.scope)),
                        "is_total": .bool(row.scope == .total),
                        "value": .string(VietnameseFormat.number(row.value)),
                        "reference": .string(VietnameseFormat.number(row.reference)),
                        "reference_date": .string(VietnameseFormat.shortDate(row.referenceDate)),
                        "result": .string(VietnameseFormat.decimal(row.result, places: 2)),
                    ])
                }),
            ])
        }
        context["unit_rates"] = .list(rates)
        context["has_unit_rates"] = .bool(!rates.isEmpty)
        let baselines = baselineLines()
        context["target_baselines"] = .list(baselines.map { .object(["name": .string($0.name), "text": .string($0.text)]) })
        context["has_target_baselines"] = .bool(!baselines.isEmpty)
        guard let standings = report.ranking else { return context }
        if standings.hasRanking, let rule = report.plan.ranking {
            let isFraction = report.plan.targets.first { $0.id == rule.by }?.kind.isFraction ?? false
            context["plan_ranking"] = .object([
                "label": .string(rule.label),
                "rows": .list(standings.ranked.map { ranked in
                    let value = rule.rate != nil ? VietnameseFormat.decimal(ranked.value, places: 2)
                        : isFraction ? VietnameseFormat.percent(ranked.value)
                        : VietnameseFormat.number(Int64(ranked.value.rounded()))
                    return .object(["rank": .string(String(ranked.rank)), "unit": .string(name(ranked.unit)),
                                    "value": .string(value)])
                }),
            ])
        }
        if standings.hasCommendation {
            context["has_plan_commendation"] = .bool(true)
            context["plan_commendation_basis"] = TemplateValue(report.plan.commendation?.basis)
            context["plan_commended"] = .list(standings.commended.map { .string(name($0)) })
        }
        return context
    }

    /// "Mốc xuất phát: 12,15 % (số liệu báo cáo đầu tiên, Quý II năm 2026)" for every share target whose
    /// baseline is stated with a date or taken from the first report (`target_baselines`).
    func baselineLines() -> [(name: String, text: String)] {
        let plan = report.plan
        return report.targets.filter { $0.scope == .total }.compactMap { result in
            let target = result.target
            let value = target.kind.isFraction ? VietnameseFormat.percent(target.baseline)
                : VietnameseFormat.number(Int64(target.baseline.rounded()))
            if target.baselineFromFirstReport {
                guard let date = target.baselineDate else {
                    return (target.name, "Mốc xuất phát: số liệu báo cáo đầu tiên (chưa có số liệu).")
                }
                let quarter = plan.quarters.first { plan.reporting.window(for: $0).upperBound == date }
                let when = quarter.map { VietnameseFormat.period($0) } ?? VietnameseFormat.shortDate(date)
                return (target.name, "Mốc xuất phát: \(value) (số liệu báo cáo đầu tiên, \(when)).")
            }
            guard let date = target.baselineDate else { return nil }
            return (target.name, "Mốc xuất phát: \(value) (ngày \(VietnameseFormat.shortDate(date))).")
        }
    }

    static func rateLabel(_ rate: Rate) -> String {
        switch rate {
        case .per1000People: "trên 1.000 dân"
        case .perEnterprise: "trên một doanh nghiệp"
        case .perHouseholdBusiness: "trên một hộ kinh doanh"
        case .perStudent: "trên một sinh viên"
        }
    }
}
