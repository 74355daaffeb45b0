// Fuzz target: the plan loader (`Plan.load`: JSON parsing, decoding and validation).
//
// A plan that is accepted must be one the rest of hiendien can use: for its first quarter, its
// last quarter and its last year, the engine computes a report (with a value for every unit and
// indicator), the report renders through the real templates in Markdown and HTML, and the four
// CSV tables are written. None of that may crash; rendering may only fail with a diagnostic.

import Foundation
@testable import HienDienKit

let templates = TemplateLibrary(directory: URL(fileURLWithPath: FuzzSupport.repository + "/Templates"))

func exercise(_ plan: Plan) {
    let quarters = plan.quarters
    guard let first = quarters.first, let last = quarters.last else { return }
    var periods = [first, last]
    if plan.contains(.year(last.year)) { periods.append(.year(last.year)) }
    var values: [StoredValue] = []
    for (u, unit) in plan.units.prefix(64).enumerated() {
        for (i, indicator) in plan.indicators.prefix(64).enumerated() {
            values.append(StoredValue(unit: unit.id, period: first, indicator: indicator.id, value: Int64((u * 7 + i * 3) % 11)))
        }
    }
    let engine = ReportEngine(plan: plan)
    for period in periods {
        let asOf = plan.reporting.lastAllowedDay(for: period)
        let report = engine.report(for: period, asOf: asOf, values: values, submissions: [], taskReports: [], narratives: [])
        let context = ReportContext(report: report).value()
        for (name, escaping) in [("report.md", TemplateEscaping.markdown), ("report.html", .html)] {
            do {
                _ = try templates.rendered(name, with: context, escaping: escaping)
            } catch let error as InputError {
                FuzzSupport.check(false, "the real template \(name) failed on an accepted plan: \(error)")
            } catch {
                FuzzSupport.check(false, "unexpected error \(error)")
            }
        }
        for (_, text) in ReportTables.all(report) { _ = text.utf8.count }
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPlan(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let input = UnsafeBufferPointer(start: data, count: size)
    let path = FuzzSupport.write(input, named: "plan.json")
    do {
        let plan = try Plan.load(path: path, label: "plan.json")
        exercise(plan)
    } catch let error as InputError {
        FuzzSupport.check(!error.diagnostics.isEmpty, "a plan refused without a diagnostic")
        _ = error.description
    } catch {
        FuzzSupport.check(false, "unexpected error \(error)")
    }
    return 0
}
