import Foundation

/// Who sent a report file and for which periods, read as far as the file allows — also from a
/// file that was refused, so that the note sent back can be addressed to the unit.
public struct ReportSender: Sendable, Equatable {
    /// The plan's units named in the file, in the order first met.
    public var units: [ReportingUnit]
    /// The periods named in the file, in order.
    public var periods: [Period]
    /// A CSV file's header cells (to name a column in words); empty for JSON.
    public var headers: [String]

    /// Reads `path`: the unit and period columns of a CSV (English or Vietnamese headers), or the
    /// `unit` and `period` fields of a JSON report. What cannot be read is left out; a file that
    /// cannot be read at all gives no unit, and the note is then addressed to "the unit that sent" it.
    public static func read(path: String, label: String, plan: Plan) -> ReportSender {
        guard let bytes = try? FileBytes.read(path: path, label: label) else {
            return ReportSender(units: [], periods: [], headers: [])
        }
        let matcher = UnitMatcher(plan.units.map { UnitMatcher.Entry(id: $0.id, name: $0.name, aliases: $0.aliases) })
        var unitIDs: [String] = []
        var periods = Set<Period>()
        var headers: [String] = []
        func note(unit text: String?, period periodText: String?) {
            if let text, let id = matcher.match(text.trimmingWhitespace()).id, !unitIDs.contains(id) { unitIDs.append(id) }
            if let periodText, let period = Period(parsing: periodText), plan.contains(period) { periods.insert(period) }
        }
        if label.lowercased().hasSuffix(".json") {
            let json = try? JSONParser.parse(bytes, fileLabel: label)
            let objects = json?.arrayValue ?? (json.map { [$0] } ?? [])
            for object in objects {
                note(unit: object["unit"]?.stringValue, period: object["period"]?.stringValue)
            }
        } else {
            let reader = CSVReader(bytes: bytes, fileLabel: label)
            do {
                if try reader.nextRecord() {
                    headers = (0..<reader.fieldCount).map { reader.string($0).trimmingWhitespace() }
                }
                let keys = headers.map { $0.lowercased() }
                let unitColumn = keys.firstIndex { ReportIngester.Column.headers[.unit]!.contains($0) }
                let periodColumn = keys.firstIndex { ReportIngester.Column.headers[.period]!.contains($0) }
                var rows = 0
                while rows < 100_000, try reader.nextRecord() {
                    rows += 1
                    note(unit: unitColumn.flatMap { $0 < reader.fieldCount ? reader.string($0) : nil },
                         period: periodColumn.flatMap { $0 < reader.fieldCount ? reader.string($0) : nil })
                }
            } catch {
                // A file refused for its form is read only as far as it goes.
            }
        }
        return ReportSender(units: unitIDs.compactMap(plan.unit), periods: periods.sorted(), headers: headers)
    }
}
