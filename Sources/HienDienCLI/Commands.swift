import Foundation
import HienDienKit

/// The commands: each reads its options, calls HienDienKit, and prints the result.
struct Commands {
    let arguments: ParsedArguments
    let context: Runner.Context
    let console: Console

    func run() throws -> Int32 {
        switch arguments.command {
        case "init": return try initialize()
        case "ingest": return try ingest()
        case "report": return try report()
        case "status": return try status()
        case "form": return try form()
        case "check": return try check()
        case "demo": return try demo()
        default: throw UsageProblem("unknown command '\(arguments.command)'")
        }
    }

    // MARK: - Shared options

    /// `--db`, else `HIENDIEN_DB`, else `hiendien.sqlite` in the working directory.
    var databasePath: String {
        let path = arguments.value("db") ?? context.environment["HIENDIEN_DB"] ?? "hiendien.sqlite"
        return absolute(path)
    }

    func absolute(_ path: String) -> String {
        path.hasPrefix("/") ? path : (context.currentDirectory as NSString).appendingPathComponent(path)
    }

    func day(_ option: String) throws -> Day? {
        guard let text = arguments.value(option) else { return nil }
        guard let day = Day(parsing: text) else {
            throw UsageProblem("--\(option) '\(text)' is not a date: write YYYY-MM-DD, e.g. 2026-06-18")
        }
        return day
    }

    /// Opens the store, which must exist and hold a plan.
    func openStore() throws -> (Store, Plan) {
        let path = databasePath
        guard FileManager.default.fileExists(atPath: path) else {
            throw StoreError.noPlan(path: path)
        }
        let store = try Store(path: path)
        return (store, try store.requirePlan())
    }

    func templates() throws -> TemplateLibrary {
        if let directory = arguments.value("templates") {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: absolute(directory), isDirectory: &isDirectory), isDirectory.boolValue else {
                throw UsageProblem("--templates '\(directory)' is not a folder")
            }
            return TemplateLibrary(directory: URL(fileURLWithPath: absolute(directory)))
        }
        guard let directory = ReportRenderer.defaultTemplatesDirectory(
            executablePath: context.executablePath, currentDirectory: context.currentDirectory,
            environment: context.environment) else {
            throw UsageProblem("cannot find the Templates folder; pass --templates DIR or set HIENDIEN_TEMPLATES")
        }
        return TemplateLibrary(directory: URL(fileURLWithPath: directory))
    }

    // MARK: - init

    func initialize() throws -> Int32 {
        let planArgument = arguments.value("plan")!
        let planPath = absolute(planArgument)
        let plan = try Plan.load(path: planPath, label: planArgument)
        let json = String(decoding: try FileBytes.read(path: planPath, label: planArgument), as: UTF8.self)
        let store = try Store(path: databasePath)
        let load = try store.load(plan: plan, json: json, file: planArgument)
        let verb = load.created ? "Created" : "Updated"
        console.out("\(verb) \(databasePath) with plan '\(load.planID)': \(load.units) units, \(load.indicators) indicators, \(load.targets) targets, \(load.tasks) tasks.")
        return Runner.ExitCode.success
    }

    // MARK: - ingest

    func ingest() throws -> Int32 {
        let (store, plan) = try openStore()
        let options = IngestOptions(received: try day("received"), today: context.today, dryRun: arguments.flag("dry-run"))
        let ingester = ReportIngester(plan: plan, store: store)
        if console.errorIsTerminal {
            let console = self.console
            ingester.progress = { read, total in
                let share = total > 0 ? " (\(read * 100 / total) %)" : ""
                console.progress("reading… \(read >> 20) MiB\(share)")
            }
        }
        var failed = 0
        let files = try reportFiles(arguments.positionals)
        for file in files {
            do {
                let summary = try ingester.ingest(path: absolute(file), label: file, options: options)
                console.endProgress()
                let periods = summary.periods.map(\.description).joined(separator: ", ")
                let verb = summary.dryRun ? "would store" : "stored"
                console.out("\(file): \(verb) \(summary.values) values from \(summary.units) unit(s) for \(periods) — \(summary.submissions) submission(s), \(summary.revisions) revision(s), \(summary.taskReports) task report(s) [\(summary.format)\(summary.sheet.map { ", sheet “\($0)”" } ?? "")]")
            } catch let error as InputError {
                console.endProgress()
                failed += 1
                console.err(error.description)
                console.err("\(file): refused (\(error.diagnostics.count + error.omitted) problem(s)); nothing was stored from this file.")
            }
        }
        if files.count > 1 {
            console.err("\(files.count - failed) of \(files.count) file(s) \(options.dryRun ? "would be stored" : "stored"), \(failed) refused.")
        }
        return failed > 0 ? Runner.ExitCode.badInput : Runner.ExitCode.success
    }

    /// The files to ingest: each file as given, and every `.csv`, `.json` and `.xlsx` file in a folder,
    /// in name order (so a revision named after the original is ingested after it).
    func reportFiles(_ arguments: [String]) throws -> [String] {
        var files: [String] = []
        for argument in arguments {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: absolute(argument), isDirectory: &isDirectory), isDirectory.boolValue else {
                files.append(argument)
                continue
            }
            let names = try FileManager.default.contentsOfDirectory(atPath: absolute(argument))
                .filter { name in
                    // `~$…` is the lock file Excel leaves beside an open workbook.
                    !name.hasPrefix(".") && !name.hasPrefix("~$") && [".csv", ".json", ".xlsx"].contains { name.lowercased().hasSuffix($0) }
                }
                .sorted()
            if names.isEmpty { throw UsageProblem("'\(argument)' holds no .csv, .json or .xlsx file") }
            files += names.map { (argument as NSString).appendingPathComponent($0) }
        }
        return files
    }

    // MARK: - report

    func report() throws -> Int32 {
        let (store, plan) = try openStore()
        let asOf = try day("as-of") ?? context.today
        let period = try ReportJob.period(arguments.value("period")!, plan: plan, asOf: asOf)
        var formats = Set<ReportFormat>()
        for name in arguments.list("format") {
            guard let format = ReportFormat(rawValue: name.trimmingCharacters(in: .whitespaces).lowercased()) else {
                throw UsageProblem("--format '\(name)' is not a format: use md, html, docx, csv or xlsx (comma-separated)")
            }
            formats.insert(format)
        }
        if formats.isEmpty { formats = Set(ReportFormat.allCases) }
        let written = try ReportJob.write(store: store, plan: plan, period: period, asOf: asOf, formats: formats,
                                          out: absolute(arguments.value("out") ?? "reports"), templates: try templates())
        for path in written { console.out(path) }
        return Runner.ExitCode.success
    }

    // MARK: - status

    func status() throws -> Int32 {
        let (store, plan) = try openStore()
        let asOf = try day("as-of") ?? context.today
        let period = try ReportJob.period(arguments.value("period") ?? "latest", plan: plan, asOf: asOf)
        let report = try ReportEngine(plan: plan).report(for: period, asOf: asOf, store: store)
        let names = Dictionary(plan.units.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        console.out("\(plan.id) \(period): due \(report.due) (last allowed day), as of \(asOf)")
        let rows = report.submissions.sorted { a, b in
            let order: [SubmissionStatus: Int] = [.missing: 0, .pending: 1, .late: 2, .onTime: 3]
            return (order[a.status]!, a.unit) < (order[b.status]!, b.unit)
        }
        let width = max(4, rows.map(\.unit.count).max() ?? 4)
        console.out("unit".padding(toLength: width, withPad: " ", startingAt: 0) + "  status    received    days_left  name")
        for row in rows {
            let days: String
            switch row.status {
            case .pending: days = String(row.daysLeft)
            case .missing: days = "\(row.daysLeft)"
            default: days = ""
            }
            console.out(row.unit.padding(toLength: width, withPad: " ", startingAt: 0) + "  "
                        + row.status.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0) + "  "
                        + (row.received?.description ?? "—").padding(toLength: 10, withPad: " ", startingAt: 0) + "  "
                        + days.padding(toLength: 9, withPad: " ", startingAt: 0) + "  " + (names[row.unit] ?? ""))
        }
        let overall = report.rates.last
        console.out("\(overall?.reported ?? 0) of \(overall?.expected ?? 0) reported, \(overall?.onTime ?? 0) on time; "
                    + "\(rows.filter { $0.status == .missing }.count) missing, \(rows.filter { $0.status == .pending }.count) pending.")
        return Runner.ExitCode.success
    }

    // MARK: - form

    func form() throws -> Int32 {
        let (_, plan) = try openStore()
        let unitText = arguments.value("unit")!
        let matcher = UnitMatcher(plan.units.map { UnitMatcher.Entry(id: $0.id, name: $0.name, aliases: $0.aliases) })
        let match = matcher.match(unitText)
        if let diagnostic = match.diagnostic(for: unitText, at: SourceLocation(file: "--unit")) {
            throw InputError(diagnostic)
        }
        let unit = plan.unit(match.id!)!
        let period = try ReportJob.period(arguments.value("period")!, plan: plan, asOf: context.today)
        guard unit.exists(during: plan.reporting.window(for: period)) else {
            throw UsageProblem("\(unit.id) did not exist during \(period)")
        }
        let format = arguments.value("format")?.lowercased() ?? (arguments.value("out")?.lowercased().hasSuffix(".xlsx") == true ? "xlsx" : "csv")
        guard format == "csv" || format == "xlsx" else { throw UsageProblem("--format '\(format)' is not a form format: use csv or xlsx") }
        if format == "xlsx" {
            let out = arguments.value("out") ?? "\(unit.id)-\(period).xlsx"
            if out == "-" { throw UsageProblem("an Excel form cannot go to the standard output: give --out FILE.xlsx") }
            try Data(BlankForm.xlsx(plan: plan, unit: unit, period: period)).write(to: URL(fileURLWithPath: absolute(out)), options: .atomic)
            console.err("wrote \(out): the Excel form for \(unit.id) \(period); fill in 'Giá trị' (and 'Ngày gửi'), then `hiendien ingest \(out)`")
            return Runner.ExitCode.success
        }
        let text = BlankForm.csv(plan: plan, unit: unit, period: period)
        if let out = arguments.value("out") {
            try Data(text.utf8).write(to: URL(fileURLWithPath: absolute(out)), options: .atomic)
            console.err("wrote \(out): the form for \(unit.id) \(period); fill in 'giá trị' and 'ngày gửi', then `hiendien ingest \(out)`")
        } else {
            console.out(text.hasSuffix("\r\n") ? String(text.dropLast(2)) : text)
        }
        return Runner.ExitCode.success
    }

    // MARK: - check

    func check() throws -> Int32 {
        guard FileManager.default.fileExists(atPath: databasePath) else { throw StoreError.noPlan(path: databasePath) }
        // A store too damaged to open or to check is itself the finding, not a failure of `check`.
        var problems: [String]
        var summary = ""
        do {
            let store = try Store(path: databasePath)
            problems = try store.healthProblems()
            if problems.isEmpty {
                let plan = try store.requirePlan()
                summary = "; plan '\(plan.id)', \(try store.periodsWithSubmissions().count) period(s) with submissions"
            }
        } catch let error as SQLiteError {
            problems = ["the file cannot be read as a hiendien store: \(error.description)"]
        }
        if problems.isEmpty {
            console.out("\(databasePath): healthy (integrity_check ok, foreign keys ok, revisions consistent)\(summary).")
            return Runner.ExitCode.success
        }
        for problem in problems { console.out("problem: \(problem)") }
        console.err("\(databasePath): \(problems.count) problem(s) found; restore the latest backup (<db>.v<N>.bak) or re-ingest the original files into a new store.")
        return Runner.ExitCode.unhealthyStore
    }

    // MARK: - demo

    func demo() throws -> Int32 {
        guard let sampleData = ResourceLocator.find(folder: "SampleData", marker: "plans",
                                                    environmentVariable: "HIENDIEN_SAMPLEDATA",
                                                    environment: context.environment,
                                                    executablePath: context.executablePath,
                                                    currentDirectory: context.currentDirectory) else {
            throw UsageProblem("cannot find the SampleData folder; run from the repository or set HIENDIEN_SAMPLEDATA")
        }
        let out = absolute(arguments.value("out") ?? "demo-out")
        let runs = try Demo.run(sampleData: sampleData, out: out, templates: try templates())
        var refused = 0
        for run in runs {
            let values = run.ingested.reduce(0) { $0 + $1.values }
            console.err("\(run.planID): \(run.ingested.count) file(s) ingested (\(values) values), \(run.reports.count) report file(s) as of \(run.asOf)")
            for (file, error) in run.refused {
                refused += 1
                console.err(error.description)
                console.err("\(file): refused")
            }
            for path in run.reports { console.out(path) }
        }
        console.err("Reports are in \(out)/<plan>/<period>/ (open report.html in a browser).")
        return refused > 0 ? Runner.ExitCode.badInput : Runner.ExitCode.success
    }
}
