import Foundation
import HienDienKit

// The options of `report`, `status` and `form`, each read and checked once, in one place, into
// typed values: a day is a `Day`, a format a case of its enum. The period stays as written,
// since only the plan says what `latest` or `Quý II/2026` is. A value that does not parse is a
// usage error (exit 2) naming the option, as before.

/// `hiendien report`'s options.
struct ReportOptions {
    /// `--period`, as written: a period, or `latest`.
    var period: String
    /// `--as-of`; nil for today.
    var asOf: Day?
    /// `--format`; every format when none was named.
    var formats: Set<ReportFormat>
    /// `--out`: the folder the files go to, as given.
    var out: String
    /// `--templates`: a folder of the user's own templates, as given; nil for the built-in ones.
    var templates: String?

    init(_ arguments: ParsedArguments) throws {
        period = try arguments.required("period")
        asOf = try arguments.day("as-of")
        formats = try arguments.reportFormats()
        out = arguments.value("out") ?? "reports"
        templates = arguments.value("templates")
    }
}

/// `hiendien status`'s options.
struct StatusOptions {
    /// `--period`, as written; `latest` when not given.
    var period: String
    /// `--as-of`; nil for today.
    var asOf: Day?
    /// `--letter`: where the reminder letter goes; nil for no letter.
    var letter: String?

    init(_ arguments: ParsedArguments) throws {
        period = arguments.value("period") ?? "latest"
        asOf = try arguments.day("as-of")
        letter = arguments.value("letter")
    }
}

/// `hiendien form`'s options.
struct FormOptions {
    /// What a blank form is written as.
    enum Format: String {
        case csv, xlsx
    }

    /// `--unit`: the unit's id, name or alias, as written.
    var unit: String
    /// `--period`, as written.
    var period: String
    /// `--format`, else `xlsx` when `--out` ends in `.xlsx`, else `csv`.
    var format: Format
    /// `--out`: the file, as given; nil for stdout.
    var out: String?

    init(_ arguments: ParsedArguments) throws {
        unit = try arguments.required("unit")
        period = try arguments.required("period")
        out = arguments.value("out")
        let name = arguments.value("format")?.lowercased() ?? (out?.lowercased().hasSuffix(".xlsx") == true ? "xlsx" : "csv")
        guard let format = Format(rawValue: name) else { throw UsageProblem(.notAFormFormat(name)) }
        self.format = format
    }
}

extension ParsedArguments {
    /// The option's value as a day (`YYYY-MM-DD`); nil when it was not given.
    func day(_ option: String) throws -> Day? {
        guard let text = value(option) else { return nil }
        guard let day = Day(parsing: text) else {
            throw UsageProblem(.notADate(option: option, text: text))
        }
        return day
    }

    /// `--format`'s report formats, case and spaces ignored; every format when none was named.
    func reportFormats() throws -> Set<ReportFormat> {
        var formats = Set<ReportFormat>()
        for name in list("format") {
            guard let format = ReportFormat(rawValue: name.trimmingCharacters(in: .whitespaces).lowercased()) else {
                throw UsageProblem(.notAFormat(name))
            }
            formats.insert(format)
        }
        return formats.isEmpty ? Set(ReportFormat.allCases) : formats
    }
}
