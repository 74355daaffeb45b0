import Foundation
import HienDienKit

extension Commands {
    // MARK: - status

    func status() throws -> Int32 {
        let (store, plan) = try openStore()
        let options = try StatusOptions(arguments)
        let asOf = options.asOf ?? context.today
        let period = try resolvePeriod(options.period, plan: plan, asOf: asOf)
        let report = try ReportEngine(plan: plan).reportingStatus(for: period, asOf: asOf, store: store)
        let names = Dictionary(plan.units.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        console.out(text(.statusHeading(plan: plan.id, period: period, due: report.due, asOf: asOf)))
        let rows = report.submissions.sorted { a, b in (a.status.listingRank, a.unit) < (b.status.listingRank, b.unit) }
        let table: [[String]] = rows.map { row in
            let days = switch row.status {
            case .pending: String(row.daysLeft)
            case .missing: language == .vietnamese ? "quá \(-row.daysLeft)" : String(row.daysLeft)
            default: ""
            }
            let received = row.received.map { language == .vietnamese ? VietnameseFormat.shortDate($0) : $0.description } ?? "—"
            return [row.unit, text(.submissionStatus(row.status)), received, days, names[row.unit] ?? ""]
        }
        let header = [text(.statusColumnUnit), text(.statusColumnStatus), text(.statusColumnReceived),
                      text(.statusColumnDaysLeft), text(.statusColumnName)]
        let widths = (0..<4).map { column in ([header] + table).map { $0[column].count }.max() ?? 0 }
        for line in [header] + table {
            let padded = (0..<4).map { line[$0].padded(to: widths[$0]) }
            console.out((padded + [line[4]]).joined(separator: "  "))
        }
        let overall = report.rates.last
        console.out(text(.statusTotals(reported: overall?.reported ?? 0, expected: overall?.expected ?? 0, onTime: overall?.onTime ?? 0,
                                       missing: rows.filter { $0.status == .missing }.count,
                                       pending: rows.filter { $0.status == .pending }.count)))
        if let target = options.letter {
            // The coordinator writes the letter; it does not remind itself.
            let chased = rows.filter { ($0.status == .missing || $0.status == .pending) && $0.unit != plan.coordinator }
                .compactMap { plan.unit($0.unit) }
            guard !chased.isEmpty else {
                console.err(text(.letterNothingToChase(period: period)))
                return Runner.ExitCode.success
            }
            let letter = ReminderLetter(plan: plan, period: period, units: chased, due: report.due, date: asOf)
            let (paths, forms) = try write(letter, to: target)
            console.err(text(.letterWritten(paths: paths, forms: letter.units.count, formsFolder: forms)))
        }
        return Runner.ExitCode.success
    }

    /// Writes the letter as `.md`, `.html` and `.docx` — at `FILE` (`letter.md` gives `letter.md`,
    /// `letter.html` and `letter.docx`) or in a folder as `cong-van-don-doc-PERIOD` — with the blank form of every
    /// unit it reminds in `bieu-mau/` beside it, which the letter says are enclosed.
    func write(_ letter: ReminderLetter, to target: String) throws -> (letter: [String], forms: String) {
        let path = absolute(target)
        let lowered = path.lowercased()
        let base: String
        if lowered.hasSuffix(".md") || lowered.hasSuffix(".html") || lowered.hasSuffix(".docx") {
            base = (path as NSString).deletingPathExtension
        } else {
            base = (path as NSString).appendingPathComponent("cong-van-don-doc-\(letter.period)")
        }
        let directory = (base as NSString).deletingLastPathComponent
        let forms = (directory as NSString).appendingPathComponent("bieu-mau")
        // Through OutputFiles, as every file hiendien writes: a folder that cannot be made or a
        // file in the way is an output error saying where and what, not an internal error.
        try OutputFiles.makeFolder(forms)
        var written: [String] = []
        for (suffix, content) in [("md", Data(letter.markdown().utf8)), ("html", Data(letter.html().utf8)), ("docx", letter.docx())] {
            try OutputFiles.write(content, to: "\(base).\(suffix)")
            written.append("\(base).\(suffix)")
        }
        for unit in letter.units {
            let form = (forms as NSString).appendingPathComponent("\(unit.id)-\(letter.period).csv")
            try OutputFiles.write(Data(BlankForm.csv(plan: letter.plan, unit: unit, period: letter.period).utf8), to: form)
        }
        return (written, forms)
    }
}

extension String {
    /// The text followed by spaces up to `width` UTF-16 units, or cut there — what Foundation's
    /// `padding(toLength:withPad:startingAt:)` gives, without bridging every cell to NSString.
    func padded(to width: Int) -> String {
        let length = utf16.count
        if length >= width { return length == width ? self : String(decoding: Array(utf16.prefix(width)), as: UTF16.self) }
        return self + String(repeating: " ", count: width - length)
    }
}

extension SubmissionStatus {
    /// Where `status` lists a unit: those still to chase first, those on time last.
    var listingRank: Int {
        switch self {
        case .missing: 0
        case .pending: 1
        case .late: 2
        case .onTime: 3
        }
    }
}
