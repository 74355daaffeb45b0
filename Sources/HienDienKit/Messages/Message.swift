/// Every sentence hiendien says to its users outside the reports and the diagnostics' own
/// catalogue (`DiagnosticCatalogue`), with its parameters typed.
///
/// `Message+Vietnamese.swift` and `Message+English.swift` each switch over every case, so a
/// message without both languages does not compile. `rendered(in:)` picks one.
public enum Message: Sendable, Hashable {
    // MARK: Words around diagnostics
    case error
    case warning
    case hint
    case moreProblemsNotShown(Int)

    // MARK: Refusals: what was not done, by command
    /// `ingest`: the file was refused whole; nothing of it was stored.
    case ingestRefused(file: String, problems: Int, dryRun: Bool)
    /// `ingest` of several files: how many were stored and refused.
    case ingestTotals(stored: Int, total: Int, refused: Int, dryRun: Bool)
    /// `init`: the plan was refused; the store was not created or changed.
    case planRefused(files: [String], problems: Int)
    /// `form`: the form was not written.
    case formNotWritten(problems: Int)
    /// `report`: no report file was written.
    case reportNotWritten(problems: Int)
    /// `report`: writing stopped part way (the files before the failure may be new).
    case reportIncomplete(problems: Int)
    /// Any other command refusing its input.
    case inputRefused(files: [String], problems: Int)
    case storeUnusable(detail: String)
    case storeUnusableHint
    case internalError(detail: String)

    // MARK: The store
    case storeHasNoPlan(path: String)
    case storeNewerSchema(path: String, found: Int, supported: Int)
    case storeHoldsOtherPlan(path: String, stored: String, given: String)
    case storeBackupExists(path: String)
    case storeNotHienDien(path: String)
    case storeOlderSchema(path: String, found: Int, supported: Int)
    case storeFolderNotWritable(path: String, folder: String)
    case storeDamagedRow(path: String, table: String, row: String, column: String, text: String)
    case cannotWrite(path: String, reason: String)
    case planWouldOrphanData(file: String, problems: [String])

    // MARK: Usage problems found by the commands
    case notADate(option: String, text: String)
    case notAFolder(option: String, text: String)
    case templatesNotFound
    case sampleDataNotFound
    case folderHoldsNoReports(String)
    case notAFormat(String)
    case notAFormFormat(String)
    /// `form --format xlsx --out -`: a workbook cannot go to the standard output.
    case excelFormNeedsFile
    case notAPeriod(String)
    case periodOutsidePlan(period: Period, plan: String, start: Day, end: Day)
    /// `latest` asked before the plan's first quarter has closed.
    case noQuarterClosedYet(plan: String, first: Period, closesOn: Day)
    /// `latest` asked after the plan has ended: its last quarter is meant.
    case latestIsLastQuarter(period: Period, planEnd: Day)
    case unitDidNotExist(unit: String, name: String, period: Period)
    case notALanguage(String)
    /// A sentence not yet in the catalogue (English only): `MessageCatalogueTests` fails while any
    /// code uses it, so that it is given both languages before a release.
    case untranslated(String)

    // MARK: init
    case planLoaded(created: Bool, path: String, plan: String, units: Int, indicators: Int, targets: Int, tasks: Int)

    // MARK: ingest
    case readingProgress(mebibytes: Int, percent: Int?)
    case ingestSummary(file: String, values: Int, units: Int, periods: [Period], submissions: Int, revisions: Int,
                       taskReports: Int, format: String, dryRun: Bool, sheet: String? = nil)
    /// `ingest`: values the file withdrew (`rút`) from earlier reports; they no longer count.
    case valuesWithdrawn(file: String, count: Int, dryRun: Bool)
    /// `ingest`: the file's exact bytes were stored before (as `as`, on `on`); nothing stored again.
    case alreadyStored(file: String, on: Day, as: String)
    case feedbackWritten(file: String, paths: [String])

    // MARK: form
    case formWrittenXLSX(file: String, unit: String, period: Period)
    case formWritten(file: String, unit: String, period: Period)

    // MARK: status
    case statusHeading(plan: String, period: Period, due: Day, asOf: Day)
    case statusColumnUnit
    case statusColumnStatus
    case statusColumnReceived
    case statusColumnDaysLeft
    case statusColumnName
    case submissionStatus(SubmissionStatus)
    case statusTotals(reported: Int, expected: Int, onTime: Int, missing: Int, pending: Int)
    case letterWritten(paths: [String], forms: Int, formsFolder: String)
    case letterNothingToChase(period: Period)

    // MARK: check
    case storeHealthy(path: String, plan: String?, periods: Int)
    case storeProblem(String)
    case storeUnreadable(detail: String)
    case storeProblemsFound(path: String, count: Int)

    // MARK: demo
    case demoPlanDone(plan: String, files: Int, values: Int, reports: Int, asOf: Day)
    case demoFileRefused(file: String)
    case demoDone(out: String)

    // MARK: The command line
    case unknownCommand(String, suggestion: String?)
    case unknownOption(String, suggestion: String?)
    case optionOfOtherCommands(option: String, command: String, owners: [String])
    case missingOptions([String])
    case missingValue(String)
    case flagTakesNoValue(flag: String, value: String)
    case optionGivenTwice(String)
    case unexpectedArgument(String)
    case missingArgument(String)
    case commandGoesFirst(line: String)
    case missingCommandBefore(String)
    case usageLine(String)
    case seeHelp(String)

    // MARK: check: the report's data checks
    /// `check`: how many data checks the report of `period` would list, as of `asOf`.
    case dataChecksCounted(period: Period, asOf: Day, count: Int)
    /// One data check, worded for the terminal (in Vietnamese as `data-check.md` words it).
    case dataCheck(DataWarning, unitName: String, indicatorName: String)
    /// `check`: `count` data checks beyond those shown.
    case dataChecksNotShown(count: Int)
    /// `check`: where every data check of `period` is listed.
    case dataChecksListedIn(period: Period)
    /// The plan stored in the database, where a notice about it is located: "plan 'thu-2026'".
    case planInStore(String)
    /// What SQLite said when the store could not be used: in Vietnamese, what its code means.
    case sqliteFailure(code: Int32, message: String)

    /// The text in `language`.
    public func rendered(in language: Language) -> String {
        switch language {
        case .vietnamese: vietnamese
        case .english: english
        }
    }
}
