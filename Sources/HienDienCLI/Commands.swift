import Foundation
import HienDienKit

/// The commands: each reads its options, calls HienDienKit, and prints the result.
struct Commands {
    let arguments: ParsedArguments
    let context: Runner.Context
    let console: Console
    /// The language every message of the run is written in.
    let language: Language

    /// A catalogue message in the run's language.
    func text(_ message: Message) -> String { message.rendered(in: language) }

    func run() throws -> Int32 {
        switch arguments.command {
        case "init": return try initialize()
        case "ingest": return try ingest()
        case "report": return try report()
        case "status": return try status()
        case "form": return try form()
        case "check": return try check()
        case "demo": return try demo()
        default: throw UsageProblem(.unknownCommand(arguments.command, suggestion: nil))
        }
    }

    // MARK: - Shared options

    /// `--db`, else `HIENDIEN_DB`, else `hiendien.sqlite` in the working directory.
    var databasePath: String { path(of: StoreOption(arguments)) }

    /// The store's path that `--db` (or `HIENDIEN_DB`) names, absolute.
    func path(of store: StoreOption) -> String {
        store.path(environment: context.environment, directory: context.currentDirectory)
    }

    func absolute(_ path: String) -> String {
        path.hasPrefix("/") ? path : (context.currentDirectory as NSString).appendingPathComponent(path)
    }

    /// Opens the store, which must exist and hold a plan: for reading only (nothing in the
    /// file changes) unless the command stores something.
    func openStore(forWriting: Bool = false) throws -> (Store, Plan) {
        try openStore(at: databasePath, forWriting: forWriting)
    }

    /// Opens the store at `path`; see `openStore(forWriting:)`.
    func openStore(at path: String, forWriting: Bool = false) throws -> (Store, Plan) {
        guard FileManager.default.fileExists(atPath: path) else {
            throw StoreError.noPlan(path: path)
        }
        let store = forWriting ? try Store(path: path) : try Store(readingAt: path)
        return (store, try store.requirePlan())
    }

    /// The period the options name; says so on stderr when `latest` was taken as the plan's last quarter.
    func resolvePeriod(_ text: String, plan: Plan, asOf: Day) throws -> Period {
        let (period, note) = try ReportJob.resolve(text, plan: plan, asOf: asOf)
        if let note { console.err(self.text(note)) }
        return period
    }

    /// The templates `--templates` names, else the built-in ones. (`report` may pass
    /// `ReportOptions.templates` to `templates(folder:)` instead; only it takes the option.)
    /// `folder` (`--templates`, as written), else the built-in templates found beside the program.
    func templates(folder: String?) throws -> TemplateLibrary {
        if let directory = folder {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: absolute(directory), isDirectory: &isDirectory), isDirectory.boolValue else {
                throw UsageProblem(.notAFolder(option: "templates", text: directory))
            }
            return TemplateLibrary(directory: URL(fileURLWithPath: absolute(directory)))
        }
        guard let directory = ReportRenderer.defaultTemplatesDirectory(
            executablePath: context.executablePath, currentDirectory: context.currentDirectory,
            environment: context.environment) else {
            throw UsageProblem(.templatesNotFound)
        }
        return TemplateLibrary(directory: URL(fileURLWithPath: directory))
    }

    // MARK: - init

    func initialize() throws -> Int32 {
        let options = try InitOptions(arguments)
        let planPath = absolute(options.plan)
        let plan = try Plan.load(path: planPath, label: options.plan)
        let json = String(decoding: try FileBytes.read(path: planPath, label: options.plan), as: UTF8.self)
        let databasePath = path(of: options.store)
        let store = try Store(path: databasePath)
        let load = try store.load(plan: plan, json: json, file: options.plan)
        console.out(text(.planLoaded(created: load.created, path: databasePath, plan: load.planID, units: load.units,
                                     indicators: load.indicators, targets: load.targets, tasks: load.tasks)))
        // What the plan file assumed beyond its seed's words, so that the author sees it every time.
        for notice in plan.assumptionNotices(file: options.plan) { console.err(notice.rendered(in: language)) }
        return Runner.ExitCode.success
    }

    // MARK: - report

    func report() throws -> Int32 {
        let (store, plan) = try openStore()
        let options = try ReportOptions(arguments)
        let asOf = options.asOf ?? context.today
        let period = try resolvePeriod(options.period, plan: plan, asOf: asOf)
        let written = try ReportJob.write(store: store, plan: plan, period: period, asOf: asOf, formats: options.formats,
                                          out: absolute(options.out), templates: try templates(folder: options.templates))
        for path in written { console.out(path) }
        return Runner.ExitCode.success
    }

    // MARK: - form

    func form() throws -> Int32 {
        let (_, plan) = try openStore()
        let options = try FormOptions(arguments)
        let unit = try unit(named: options.unit, in: plan)
        let period = try ReportJob.period(options.period, plan: plan, asOf: context.today)
        guard unit.exists(during: plan.reporting.window(for: period)) else {
            throw UsageProblem(.unitDidNotExist(unit: unit.id, name: unit.name, period: period))
        }
        if options.format == .xlsx {
            let out = options.out ?? "\(unit.id)-\(period).xlsx"
            if out == "-" { throw UsageProblem(.excelFormNeedsFile) }
            try OutputFiles.write(Data(BlankForm.xlsx(plan: plan, unit: unit, period: period)), to: absolute(out))
            console.err(text(.formWrittenXLSX(file: out, unit: unit.id, period: period)))
            return Runner.ExitCode.success
        }
        let csv = BlankForm.csv(plan: plan, unit: unit, period: period)
        if let out = options.out {
            try OutputFiles.write(Data(csv.utf8), to: absolute(out))
            console.err(text(.formWritten(file: out, unit: unit.id, period: period)))
        } else {
            console.out(csv.hasSuffix("\r\n") ? String(csv.dropLast(2)) : csv)
        }
        return Runner.ExitCode.success
    }

    /// The plan's unit that `--unit` names by id, name or alias; an input error when it names none or several.
    func unit(named text: String, in plan: Plan) throws -> ReportingUnit {
        let matcher = UnitMatcher(plan.units.map { UnitMatcher.Entry(id: $0.id, name: $0.name, aliases: $0.aliases) })
        let match = matcher.match(text)
        if let id = match.id, let unit = plan.unit(id) { return unit }
        // A unique match names a unit of the same plan, so only an ambiguous or unknown text gets here.
        let refusal: UnitMatcher.Match = match.id == nil ? match : .unknown(suggestions: [])
        throw InputError(refusal.diagnostic(for: text, at: SourceLocation(file: "--unit")).map { [$0] } ?? [])
    }

    // MARK: - demo

    func demo() throws -> Int32 {
        let options = DemoOptions(arguments)
        guard let sampleData = ResourceLocator.find(folder: "SampleData", marker: "plans",
                                                    environmentVariable: "HIENDIEN_SAMPLEDATA",
                                                    environment: context.environment,
                                                    executablePath: context.executablePath,
                                                    currentDirectory: context.currentDirectory) else {
            throw UsageProblem(.sampleDataNotFound)
        }
        let out = absolute(options.out)
        // A folder that cannot be made is said as for any output, before the demo starts.
        try OutputFiles.makeFolder(out)
        let runs = try Demo.run(sampleData: sampleData, out: out, templates: try templates(folder: nil))
        var refused = 0
        for run in runs {
            let values = run.ingested.reduce(0) { $0 + $1.values }
            console.err(text(.demoPlanDone(plan: run.planID, files: run.ingested.count, values: values,
                                           reports: run.reports.count, asOf: run.asOf)))
            for (file, error) in run.refused {
                refused += 1
                console.err(error.rendered(in: language))
                console.err(text(.demoFileRefused(file: file)))
            }
            for path in run.reports { console.out(path) }
        }
        console.err(text(.demoDone(out: out)))
        return refused > 0 ? Runner.ExitCode.badInput : Runner.ExitCode.success
    }
}
