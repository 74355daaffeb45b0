import HienDienKit

// MARK: - Help text

extension CommandSpec {
    /// The command's help in English. See `helpText(in:)`.
    public func helpText() -> String { helpText(in: .english) }

    /// The command's help: overview, usage, discussion, arguments and options in an aligned
    /// table, and its examples, wrapped to 80 columns, in `language`.
    public func helpText(in language: Language) -> String {
        let words = HelpWords(language)
        var lines = HelpLayout.wrap(words.abstract(of: self), firstPrefix: words.overview, prefix: "  ")
        lines.append("")
        let usagePrefix = "\(words.usage)\(Arguments.programName) \(name) "
        lines += HelpLayout.wrap(
            words: usageParts, firstPrefix: usagePrefix,
            prefix: String(repeating: " ", count: usagePrefix.count))
        let discussion = words.discussion(of: self)
        if !discussion.isEmpty {
            lines.append("")
            lines += HelpLayout.paragraphs(discussion)
        }
        if !positionals.isEmpty {
            lines += ["", words.arguments]
            lines += HelpLayout.table(positionals.map { ($0.synopsis, words.help(of: $0, in: self)) })
        }
        lines += ["", words.options]
        let optionRows = options.map { option -> (String, String) in
            var help = words.help(of: option, in: self)
            if option.isRequired { help += " " + words.required }
            if let value = option.defaultValue { help += " " + words.defaultValue(value) }
            return (option.synopsis, help)
        }
        lines += HelpLayout.table(optionRows + [("-h, --help", words.showHelp)])
        if !examples.isEmpty {
            lines += ["", words.examplesHeading(examples.count)]
            for (index, example) in examples.enumerated() {
                lines.append("  " + example.command)
                lines += HelpLayout.wrap(words.explanation(of: example, number: index, in: self), firstPrefix: "      ", prefix: "      ")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

extension Arguments {
    /// The overview in English. See `helpText(in:)`.
    public static func helpText() -> String { helpText(in: .english) }

    /// The overview: what hiendien is for, every command with its abstract, and a usual quarter.
    public static func helpText(in language: Language) -> String {
        let words = HelpWords(language)
        var lines = HelpLayout.wrap(words.programAbstract, firstPrefix: words.overview, prefix: "  ")
        lines += ["", "\(words.usage)\(programName) \(words.commandPlaceholder)", "", words.commands]
        lines += HelpLayout.table(commands.map { ($0.name, words.abstract(of: $0)) })
        lines += ["", words.options]
        lines += HelpLayout.table([
            ("-h, --help", words.showHelpOverview),
            ("--version", words.showVersion),
            ("--lang vi|en", words.languageOption),
        ])
        lines += ["", words.usualQuarter]
        lines += [
            "  \(programName) init --plan plans/thanh-hoa-2026-2030.json",
            "  \(programName) ingest bao-cao/2026-Q2/*.csv",
            "  \(programName) status --period 2026-Q2",
            "  \(programName) report --period 2026-Q2",
        ]
        lines += ["", words.seeCommandHelp]
        return lines.joined(separator: "\n") + "\n"
    }
}

/// Word wrapping and two-column tables for help text.
enum HelpLayout {
    static let width = 80
    /// Labels longer than this put their text on the next line instead of widening the table.
    static let maximumLabelWidth = 24

    /// `text` wrapped to `width`, the first line starting with `firstPrefix`, the others with `prefix`.
    static func wrap(_ text: String, firstPrefix: String, prefix: String) -> [String] {
        wrap(words: text.split(separator: " ").map(String.init), firstPrefix: firstPrefix, prefix: prefix)
    }

    /// Unbreakable pieces (words, or usage parts such as `[--db FILE]`) joined by spaces into lines.
    static func wrap(words: [String], firstPrefix: String, prefix: String) -> [String] {
        var lines: [String] = []
        var line = firstPrefix
        var lineHasWords = false
        for word in words {
            if lineHasWords, line.count + 1 + word.count > width {
                lines.append(line)
                line = prefix
                lineHasWords = false
            }
            line += (lineHasWords ? " " : "") + word
            lineHasWords = true
        }
        lines.append(line)
        return lines
    }

    /// Paragraphs separated by blank lines, each wrapped; a line starting with "- " is a list item.
    static func paragraphs(_ text: String) -> [String] {
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if paragraph.isEmpty {
                lines.append("")
            } else if paragraph.hasPrefix("- ") {
                lines += wrap(String(paragraph.dropFirst(2)), firstPrefix: "- ", prefix: "  ")
            } else {
                lines += wrap(String(paragraph), firstPrefix: "", prefix: "")
            }
        }
        return lines
    }

    /// Rows of label and text, the texts aligned in one column and wrapped beside it.
    static func table(_ rows: [(label: String, text: String)]) -> [String] {
        let labelWidth = min(rows.map(\.label.count).max() ?? 0, maximumLabelWidth)
        let column = 2 + labelWidth + 2
        let indent = String(repeating: " ", count: column)
        var lines: [String] = []
        for row in rows {
            let label = "  " + row.label
            if row.label.count > labelWidth {
                lines.append(label)
                lines += wrap(row.text, firstPrefix: indent, prefix: indent)
            } else {
                let padded = label + String(repeating: " ", count: column - label.count)
                lines += wrap(row.text, firstPrefix: padded, prefix: indent)
            }
        }
        return lines
    }
}

// MARK: - The commands

extension OptionSpec {
    /// `--db FILE`, which every command that reads or writes the store takes.
    static let database = OptionSpec.option(
        "db", value: "FILE",
        help: "The database file. Default: hiendien.sqlite in the current folder, or the file "
            + "named by the HIENDIEN_DB environment variable.")

    /// `--period PERIOD`, with the spellings the contract accepts; `latest` where it makes sense.
    static func period(required: Bool, latest: Bool = true, default defaultValue: String? = nil) -> OptionSpec {
        var help = "The period: 2026-Q2 (a quarter) or 2026 (a year); Q2/2026, \"Quý II/2026\" and "
            + "\"Quý II năm 2026\" work too."
        if latest {
            help += " 'latest' is the most recent period whose reporting window has closed; after the plan has "
                + "ended, its last quarter."
        }
        return .option("period", value: "PERIOD", help: help, required: required, default: defaultValue)
    }

    /// `--as-of YYYY-MM-DD`.
    static let asOf = OptionSpec.option(
        "as-of", value: "YYYY-MM-DD",
        help: "Judge deadlines and 'latest' as of this day instead of today.")
}

extension CommandSpec {
    /// `hiendien init`.
    public static let initialize = CommandSpec(
        name: "init",
        abstract: "Set up a database for a plan: its units, indicators, targets and tasks.",
        discussion: """
            Reads the plan (kế hoạch) from a JSON file and checks it against its own rules: every \
            unit and indicator that a target or task names must exist, units must not be their own \
            parents, and deadlines must fall inside the plan. Every problem found is listed at \
            once, and nothing is stored until the plan is clean.
            """,
        options: [
            .option("plan", value: "PLAN.json", help: "The plan file, in JSON.", required: true),
            .database,
        ],
        examples: [
            Example(
                "hiendien init --plan plans/thanh-hoa-2026-2030.json --db thanh-hoa.sqlite",
                "Sets up thanh-hoa.sqlite for the Thanh Hóa plan for 2026-2030."),
        ])

    /// `hiendien ingest`.
    public static let ingest = CommandSpec(
        name: "ingest",
        abstract: "Store the reports that units have sent (CSV, Excel .xlsx or JSON files).",
        discussion: """
            Each file is checked against the plan and stored whole or not at all: one bad cell \
            refuses the file, with its line, column and what to fix. A file may hold many units \
            and periods.

            Units may be named by id, name or alias ("SGDDT", "Sở GD&ĐT"). Values are whole \
            counts: 1.250, 1,250 and 1 250 all mean 1250, and an empty cell means "not \
            reported", never 0. Sending a unit's period again is a revision: its values replace \
            the earlier ones, which stay in the history.
            """,
        positionals: [
            PositionalSpec(
                "FILE",
                help: "Report files: CSV (long or wide form, ',' or ';' between fields, with or "
                    + "without BOM), Excel .xlsx (the form's sheet, else the first visible one) or JSON; "
                    + "a folder stands for its .csv, .xlsx and .json files, in name order.",
                repeatable: true),
        ],
        options: [
            .database,
            .option(
                "received", value: "YYYY-MM-DD",
                help: "The day the files arrived, for reports that carry no 'submitted' date. "
                    + "Default: today."),
            .flag("dry-run", help: "Check the files and show what would be stored or refused, storing nothing."),
            .option(
                "feedback", value: "DIR",
                help: "For every refused file, write a note to the unit that sent it (in Vietnamese: where, what to "
                    + "fix, the deadline) into DIR, as .md and .html, ready to send back."),
        ],
        examples: [
            Example(
                "hiendien ingest SGDDT-2026-Q1.csv SKHCN-2026-Q1.json --received 2026-03-18",
                "Stores two units' reports for the first quarter of 2026, received on 18 March 2026."),
            Example("hiendien ingest inbox/2026-Q2 --dry-run", "Checks every report in a folder without storing any."),
        ])

    /// `hiendien report`.
    public static let report = CommandSpec(
        name: "report",
        abstract: "Write the reports for a period: Markdown, HTML, Word, CSV and Excel.",
        discussion: """
            The reports give results against the plan's targets, figures by unit, the status of \
            tasks, and who reported on time, late or not at all. Files go into DIR/PERIOD/: \
            report.md, report.html, report.docx (the same report for Word, in Decree 30's page \
            setup, to edit and sign), targets.csv, indicators.csv, submissions.csv, tasks.csv and \
            tables.xlsx (the four tables with names beside ids, for Excel). \
            Running it again on the same data writes the same files, byte for byte.
            """,
        options: [
            .period(required: true),
            .option(
                "format", value: "FORMATS",
                help: "Which files to write, separated by commas: md (report.md), html "
                    + "(report.html), docx (report.docx), csv (the four CSV files), xlsx (tables.xlsx: "
                    + "the four tables for Excel).",
                default: "md,html,docx,csv,xlsx"),
            .option("out", value: "DIR", help: "The folder to write into, as DIR/PERIOD/.", default: "reports"),
            .database,
            .option("templates", value: "DIR", help: "A folder of your own templates, used instead of the built-in ones."),
            .option(
                "as-of", value: "YYYY-MM-DD",
                help: "Judge deadlines and 'latest' as of this day instead of today, and date the report with it."),
        ],
        examples: [
            Example(
                "hiendien report --period 2026-Q2 --format md,csv --out bao-cao",
                "Writes bao-cao/2026-Q2/report.md and the four CSV files for the second quarter of 2026."),
        ])

    /// `hiendien status`.
    public static let status = CommandSpec(
        name: "status",
        abstract: "Show who has reported for a period, who is late and who is missing.",
        discussion: """
            Lists every unit expected to report, with its status: on time, late, missing (the \
            last allowed day has passed) or pending (there is still time).
            """,
        options: [
            .period(required: false, default: "latest"), .asOf, .database,
            .option(
                "letter", optionalValue: "FILE|DIR", bare: "cong-van",
                help: "Also write a draft reminder letter (công văn đôn đốc) to the units that have not reported, "
                    + "as .md and .html, with their blank forms in bieu-mau/ beside it. Without a value: the "
                    + "folder cong-van."),
        ],
        examples: [
            Example(
                "hiendien status --period 2026-Q1 --as-of 2026-03-20",
                "Shows who had reported for the first quarter of 2026 by 20 March 2026."),
        ])

    /// `hiendien form`.
    public static let form = CommandSpec(
        name: "form",
        abstract: "Write a blank form (CSV or Excel) for one unit and period, ready to fill in.",
        discussion: """
            The form lists what the plan asks the unit to report for the period. Filled in, it \
            goes back in with 'hiendien ingest'. The Excel form (--format xlsx) has the unit, \
            period and indicators filled in and locked, only whole numbers allowed in the value \
            column, and a second sheet with instructions in Vietnamese.
            """,
        options: [
            .option(
                "unit", value: "UNIT",
                help: "The unit: its id, name or alias (SGDDT, \"Sở GD&ĐT\").", required: true),
            .period(required: true, latest: false),
            .database,
            .option("format", value: "csv|xlsx", help: "csv (the default) or xlsx (an Excel workbook; also chosen by an --out ending in .xlsx)."),
            .option("out", value: "FILE", help: "Write the form to FILE instead of the standard output (an xlsx form goes to UNIT-PERIOD.xlsx)."),
        ],
        examples: [
            Example(
                "hiendien form --unit SGDDT --period 2026-Q2 --out SGDDT-2026-Q2.csv",
                "Writes the form the Department of Education and Training fills in for the second quarter."),
            Example(
                "hiendien form --unit SGDDT --period 2026-Q2 --format xlsx",
                "Writes the same form as the Excel workbook SGDDT-2026-Q2.xlsx."),
        ])

    /// `hiendien check`.
    public static let check = CommandSpec(
        name: "check",
        abstract: "Check the database and its plan for problems, changing nothing.",
        discussion: """
            First the file itself: SQLite's integrity and foreign key checks, and every stored \
            day and revision readable. A damaged store is listed problem by problem and exits \
            with 3.

            Then the figures: the data checks that the period's report would list in \
            data-check.md (a stock that fell, a tenfold jump, a numerator above its \
            denominator, a year's report that differs from its quarters), so that they can be \
            checked with the units before the report is written and signed. The count is given \
            and the first ten are listed; data-check.md, written beside report.md, has them \
            all. Data checks are for the analyst and never change the exit code.
            """,
        options: [
            .period(required: false, default: "latest"),
            .option(
                "as-of", value: "YYYY-MM-DD",
                help: "Count only the reports received by this day, and judge 'latest' as of it, instead of today."),
            .database,
        ],
        examples: [
            Example("hiendien check --db thanh-hoa.sqlite", "Checks thanh-hoa.sqlite and lists any problems found."),
            Example(
                "hiendien check --period 2026-Q2",
                "Also lists the figures of the second quarter of 2026 that the report would ask to check."),
        ])

    /// `hiendien demo`.
    public static let demo = CommandSpec(
        name: "demo",
        abstract: "Run the whole pipeline on the sample data, to see what hiendien does.",
        discussion: """
            Sets up a database from a sample plan, stores the sample unit reports and writes the \
            reports, all inside DIR.
            """,
        options: [.option("out", value: "DIR", help: "The folder to work in.", default: "demo-out")],
        examples: [
            Example("hiendien demo --out /tmp/hiendien-demo", "Runs the demo in /tmp/hiendien-demo."),
        ])

    /// `hiendien help`.
    public static let help = CommandSpec(
        name: "help",
        abstract: "Show help for a command, or this overview.",
        positionals: [PositionalSpec("COMMAND", help: "The command to explain.", required: false)],
        examples: [Example("hiendien help ingest", "Explains 'ingest' and its options.")])
}
