/// Turns a computed report into the values the Markdown and HTML templates lay out: every
/// figure already in Vietnamese format, every unit-supplied text left as text (the template's
/// escaping makes it safe), charts as ready markup.
///
/// The document has a short main body in the order of a Vietnamese administrative report
/// (header, basis, summary with the verdict, I–VI, recipients and signature) and appendices
/// for everything long (per-unit figures, the full task table, the quarterly trend). No id,
/// key or internal note of the plan reaches the document.
public struct ReportContext: Sendable {
    public let report: PeriodReport
    let unitNames: [String: String]
    let indicatorNames: [String: Indicator]

    public init(report: PeriodReport) {
        self.report = report
        unitNames = Dictionary(report.plan.units.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        indicatorNames = Dictionary(report.plan.indicators.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    }

    func name(_ unit: String) -> String { unitNames[unit] ?? unit }
    func name(_ scope: Scope) -> String { scope.unitID.map(name) ?? "Toàn tỉnh" }
    func indicatorName(_ id: String) -> String { indicatorNames[id]?.name ?? id }

    /// A status as the templates' class names write it: `not_achieved` → `not-achieved`. (Made
    /// for every unit's row each time a template reaches it: bytes, not Foundation's search.)
    static func className(_ rawValue: String) -> String {
        String(decoding: rawValue.utf8.map { $0 == UInt8(ascii: "_") ? UInt8(ascii: "-") : $0 }, as: UTF8.self)
    }

    /// The whole template context.
    public func value() -> TemplateValue {
        let periodText = VietnameseFormat.period(report.period)
        var context = header()
        context["period_text"] = .string(periodText)
        context["period_text_capitalized"] = .string(periodText.prefix(1).uppercased() + periodText.dropFirst())
        context["period_short"] = .string(VietnameseFormat.shortPeriod(report.period))
        context["is_year"] = .bool(report.isYearEnd)
        context["window_from"] = .string(VietnameseFormat.shortDate(report.window.lowerBound))
        context["window_to"] = .string(VietnameseFormat.shortDate(report.window.upperBound))
        context["due"] = .string(VietnameseFormat.shortDate(report.due))
        context["as_of"] = .string(VietnameseFormat.shortDate(report.asOf))
        context["verdict"] = .string(verdict())
        // Rates per unit and dated baselines (ReportContext+PlanRules.swift).
        context.merge(planRulesContext()) { current, _ in current }
        context["targets"] = .list(targets())
        context["has_targets"] = .bool(!report.plan.targets.isEmpty)
        let projections = projections()
        context["projections"] = .list(projections.map { .string($0) })
        context["has_projections"] = .bool(!projections.isEmpty)
        context.merge(comparison(mainOnly: true)) { a, _ in a }
        context.merge(taskSummary()) { a, _ in a }
        context.merge(reporting()) { a, _ in a }
        context.merge(narratives()) { a, _ in a }
        context["own_proposals"] = .list(ownProposals().map { .string($0) })
        context.merge(nextPeriod()) { a, _ in a }
        context.merge(standings()) { a, _ in a }
        // Appendices.
        let figures = unitFigureRows()
        let provinces = provinces()
        let provinceOf = provinceOf(provinces)
        context["unit_groups"] = .list(unitGroups(figures, provinceOf: provinceOf))
        context["province_groups"] = .list(provinceGroups(figures, provinces: provinces, provinceOf: provinceOf))
        let countryTotals = nationalTypeTotals(provinces: provinces)
        context["national_type_totals"] = .list(countryTotals)
        context["has_national_type_totals"] = .bool(!countryTotals.isEmpty)
        context["has_carried"] = .bool(report.indicators.indices.contains { index in
            let row = report.indicators.packed(index)
            return row.isCarried && !row.isTotal
        })
        context["subtotals"] = .list(subtotals())
        context["per_unit_targets"] = .list(perUnitTargets())
        context["indicators"] = .list(indicatorSummary())
        context["all_tasks"] = .list(allTasks())
        context.merge(trend()) { a, _ in a }
        context["appendix_comparison"] = .object(comparison(mainOnly: false))
        context["target_charts"] = .list(report.targets.filter { $0.scope == .total }.map { result in
            .object(["name": .string(result.target.name), "goal": .string(goalText(result)),
                     "chart": .raw(SVGChart.target(result))])
        })
        context["trend_charts"] = .list(trendCharts())
        return .object(context)
    }

    // MARK: - Who speaks

    /// Who speaks: the issuer in force on the report's date (`document.issuers`), so a Trà Vinh
    /// report written after 01/7/2025 is issued in Vĩnh Long and says it covers the former
    /// province; older plan files without issuers fall back to the plan's issuer and coordinator.
    func header() -> [String: TemplateValue] {
        let plan = report.plan
        let issuer = plan.issuer(on: report.asOf)
        let body = issuer.body
        let authority = issuer.authority ?? plan.issuer
        let place = issuer.place
        let title = plan.document.reportTitle ?? "Kết quả thực hiện \(plan.title)"
        return [
            "issuer": .string(authority.uppercased()),
            "body": .string(body.uppercased()),
            "body_name": .string(body),
            "number": .string(issuer.number),
            "place_date": .string("\(place), \(VietnameseFormat.longDate(report.asOf))"),
            "title": .string(title),
            "plan_source": TemplateValue(plan.source),
            "plan_note": TemplateValue(plan.note?.publicText),
            "area": TemplateValue(issuer.area),
            // One "Kính gửi" line, the addressees joined as the Decree 30 samples write them.
            "submitted_to": .list(issuer.submittedTo.isEmpty ? [] : [.string(issuer.submittedTo.joined(separator: "; "))]),
            "via": TemplateValue(issuer.via),
            "signer_title": .list(issuer.signerTitle.map { .string($0) }),
            "signer_name": .string(issuer.signerName),
            "recipients": .list(issuer.recipients.map { .string($0) }),
        ]
    }

    // MARK: - Targets

    func figure(_ value: Double?, _ target: Target) -> String {
        guard let value else { return "—" }
        if target.kind.isFraction { return VietnameseFormat.percent(value) }
        // Counts are of whole things (domains, conferences): a projection of 3.976,1 reads as 3.976.
        return VietnameseFormat.decimal(value, places: 0)
    }

    func goalText(_ result: TargetResult) -> String {
        let low = figure(result.goal, result.target)
        guard let high = result.goalHigh else { return low }
        return "\(low) – \(figure(high, result.target))"
    }

    /// What a count target counts ("tên miền"), from its indicators' unit.
    func countedThing(_ target: Target) -> String {
        target.kind.indicators.compactMap { indicatorNames[$0]?.unit }.first { !$0.isEmpty } ?? ""
    }

    /// "Đạt", "Không đạt — còn thiếu 19 tên miền", "Đúng tiến độ", …
    func verdictLabel(_ result: TargetResult) -> String {
        let label = VietnameseLabels.status(result.status)
        guard result.status == .notAchieved, let actual = result.actual else { return label }
        let gap = result.goal - actual
        if result.target.kind.isFraction {
            return "\(label) — còn thiếu \(VietnameseFormat.decimal(gap * 100, places: 2)) điểm phần trăm"
        }
        let thing = countedThing(result.target)
        return "\(label) — còn thiếu \(VietnameseFormat.decimal(gap.rounded(.up), places: 0))\(thing.isEmpty ? "" : " " + thing)"
    }

    func targetRow(_ result: TargetResult) -> TemplateValue {
        var detail = ""
        if case .ratio = result.target.kind, let n = result.numerator, let d = result.denominator {
            detail = "\(VietnameseFormat.number(n))/\(VietnameseFormat.number(d))"
        } else if case .coverage = result.target.kind, let n = result.numerator, let d = result.denominator {
            detail = "\(n)/\(d) đơn vị"
        }
        return .object([
            "name": .string(result.target.name),
            "scope": .string(name(result.scope)),
            "actual": .string(figure(result.actual, result.target)),
            "detail": .string(detail),
            "expected": .string(result.status == .achieved || result.status == .notAchieved
                                ? "—" : figure(result.expected, result.target)),
            "goal": .string(goalText(result)),
            "deadline": .string(VietnameseFormat.shortDate(result.target.deadline)),
            "status": .string(Self.className(result.status.rawValue)),
            "status_label": .string(verdictLabel(result)),
            "note": TemplateValue(result.target.note?.publicText),
        ])
    }

    func targets() -> [TemplateValue] {
        report.targets.filter { $0.scope == .total }.map(targetRow)
    }

    /// One short sentence per target that still has a way to go: the estimate at the deadline
    /// and the pace needed, by calendar quarters; none when less than one quarter remains.
    /// A year-end report written before 31/12 estimates the year's result from the pace.
    func projections() -> [String] {
        report.targets.filter { $0.scope == .total }.compactMap { result -> String? in
            guard let projection = result.projection, let actual = result.actual else { return nil }
            let target = result.target
            let deadline = VietnameseFormat.shortDate(target.deadline)
            if result.status == .achieved { return nil }
            let quarterDays = 365.25 / 4
            let windowEnd = report.window.upperBound
            if projection.quartersLeft == 0 {
                // Less than a quarter left: no projection, except the estimate to the deadline
                // a year-end report written before the year's end gives.
                guard report.isYearEnd, windowEnd < target.deadline, target.deadline.year == report.period.year else {
                    return nil
                }
                var estimate = actual + projection.pacePerQuarter * Double(windowEnd.days(to: target.deadline)) / quarterDays
                if target.kind.isFraction { estimate = min(1, estimate) }
                let reached = estimate >= result.goal
                return "\(target.name): ước thực hiện đến \(deadline) đạt \(figure(estimate, target))"
                    + (reached ? ", đạt mục tiêu." : ", chưa đạt mục tiêu \(goalText(result)).")
            }
            if projection.exceedsWhole {
                return "\(target.name): nếu giữ tốc độ hiện nay sẽ đạt mục tiêu trước \(deadline)."
            }
            var text = "\(target.name): theo tốc độ hiện nay, đến \(deadline) ước đạt \(figure(projection.atDeadline, target))"
            if let needed = projection.neededPerQuarter {
                let step = target.kind.isFraction
                    ? VietnameseFormat.decimal(needed * 100, places: 2) + " điểm phần trăm"
                    : figure(needed.rounded(.up), target)
                text += projection.quartersLeft == 1
                    ? "; cần tăng thêm \(step) trong quý còn lại"
                    : "; cần tăng bình quân \(step) mỗi quý trong \(projection.quartersLeft) quý còn lại"
            }
            return text + "."
        }
    }

    func perUnitTargets() -> [TemplateValue] {
        report.plan.targets.filter(\.perUnit).compactMap { target in
            let rows = report.targets.filter { $0.target.id == target.id && $0.scope != .total }
            guard !rows.isEmpty else { return nil }
            // One row per unit: made as the template reaches it.
            return .object(["name": .string(target.name),
                            "rows": .lazyList(LazyTemplateList(count: rows.count) { [self] in targetRow(rows[$0]) })])
        }
    }

    // MARK: - Summary

    /// The one-sentence verdict on page 1: "đạt 3/9 chỉ tiêu, 2 đúng tiến độ, 4 chậm tiến độ;
    /// 18/25 đơn vị báo cáo đúng hạn, 2 chưa báo cáo; 5 nhiệm vụ quá hạn".
    func verdict() -> String {
        var parts: [String] = []
        let totals = report.targets.filter { $0.scope == .total }
        if !totals.isEmpty {
            func count(_ status: TargetStatus) -> Int { totals.filter { $0.status == status }.count }
            var clause = "đạt \(count(.achieved))/\(totals.count) chỉ tiêu"
            for (status, words) in [(TargetStatus.notAchieved, "không đạt"), (.onTrack, "đúng tiến độ"),
                                    (.behind, "chậm tiến độ"), (.noData, "chưa có số liệu")] where count(status) > 0 {
                clause += ", \(count(status)) \(words)"
            }
            parts.append(clause)
        }
        let rows = report.submissions
        if !rows.isEmpty {
            func count(_ status: SubmissionStatus) -> Int { rows.filter { $0.status == status }.count }
            var clause = "\(count(.onTime))/\(rows.count) đơn vị báo cáo đúng hạn"
            if count(.late) > 0 { clause += ", \(count(.late)) báo cáo chậm" }
            if count(.missing) > 0 { clause += ", \(count(.missing)) chưa báo cáo" }
            if count(.pending) > 0 { clause += ", \(count(.pending)) chưa đến hạn" }
            parts.append(clause)
        }
        if !report.tasks.isEmpty {
            let overdue = report.tasks.filter { $0.status == .overdue }.count
            let done = report.tasks.filter { $0.status == .done }.count
            parts.append(overdue == 0
                ? "\(done)/\(report.tasks.count) nhiệm vụ hoàn thành, không có nhiệm vụ quá hạn"
                : "\(done)/\(report.tasks.count) nhiệm vụ hoàn thành, \(overdue) nhiệm vụ quá hạn")
        }
        return parts.joined(separator: "; ")
    }
}
