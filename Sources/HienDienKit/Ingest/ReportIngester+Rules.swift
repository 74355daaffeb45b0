import Foundation

extension ReportIngester {
    /// `--received` after today: refused before a file is read.
    func checkReceivedOption(_ options: IngestOptions, file: String) throws {
        guard let received = options.received, received > options.today else { return }
        throw InputError(Diagnostic(at: SourceLocation(file: file), code: "date.future",
                                    message: "the day given with --received is after today (\(options.today))",
                                    offending: received.description, hint: "check the year and the month of --received"))
    }

    // MARK: - Who may report what (docs/INGEST_RULES.md)

    /// A task status from a unit that does not lead the task (cơ quan chủ trì reports it).
    func notTheLead(_ unit: ReportingUnit, _ taskID: String, at location: SourceLocation) -> Diagnostic? {
        guard let task = plan.tasks.first(where: { $0.id == taskID }), !task.lead.contains(unit.id) else { return nil }
        return Diagnostic(at: location, code: "task.not-lead",
                          message: "\(unit.id) does not lead task \(task.id); its lead (\(task.lead.joined(separator: ", "))) reports its status",
                          offending: taskID,
                          hint: "leave this task out; send what \(unit.id) did to the lead unit, or report it under \"difficulties\" or \"proposals\"")
    }

    /// Text that holds a NUL character, which SQLite and every report would cut there.
    func nulInText(_ text: String?, at location: @autoclosure () -> SourceLocation, lineText: String?) -> Diagnostic? {
        guard let text, text.unicodeScalars.contains("\u{0}") else { return nil }
        return Diagnostic(at: location(), code: "text.nul",
                          message: "the text holds a NUL character (code 0), which would cut it short",
                          offending: text,
                          hint: "remove the invisible character (copying from another program often brings it), then save again",
                          lineText: lineText)
    }

    /// `--received` used for a report that carries no date: the same range a `submitted` date
    /// must lie in (not before the period began; not after today, checked once per file).
    func receivedOptionProblem(_ period: Period, options: IngestOptions, at location: @autoclosure () -> SourceLocation,
                               lineText: String?) -> Diagnostic? {
        guard let received = options.received else { return nil }
        if received < plan.reporting.window(for: period).lowerBound {
            return Diagnostic(at: location(), code: "date.received-before-period",
                              message: "--received \(received) is before \(period) began, so it cannot be the day this report arrived",
                              offending: received.description,
                              hint: "give the day the file arrived with --received, or a 'submitted' date in the file",
                              lineText: lineText)
        }
        return nil
    }

    // MARK: - Withdrawing a value (docs/INGEST_RULES.md)

    /// The word a unit writes in a value cell to withdraw a value an earlier version gave.
    static let withdrawalWord = "rút"

    /// `rút` in any case, with or without its diacritics ("Rút", "rut", "RÚT"), spaces around.
    static func isWithdrawal(_ text: String) -> Bool {
        let trimmed = text.trimmingWhitespace()
        guard trimmed.utf8.count <= 8 else { return false }
        return trimmed.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil) == "rut"
    }

    /// A withdrawal where no earlier version holds a value (never given, or already withdrawn):
    /// nothing to take back, so nothing is stored; said as a warning, since the unit may have
    /// meant another indicator or period.
    func withdrawsNothing(_ key: SubmissionKey, indicator: Int, at location: @autoclosure () -> SourceLocation,
                          writer: IngestWriter) throws -> Diagnostic? {
        if case .some(.some) = try writer.earlierValue(key, indicator: indicator) { return nil }
        let id = plan.indicators[indicator].id
        return Diagnostic(.warning, at: location(), code: "value.withdraw-nothing",
                          message: "\(key.unit) \(key.period) \(id): no earlier report holds a value to withdraw, so nothing was withdrawn",
                          offending: Self.withdrawalWord,
                          hint: "check the unit, period and indicator; '\(Self.withdrawalWord)' takes back a value an earlier file stored")
            .with("unit", key.unit).with("indicator", id).with("period", key.period.description)
            .with("unitName", plan.unit(key.unit)?.name ?? key.unit).with("indicatorName", plan.indicators[indicator].name)
            .with("periodName", VietnameseFormat.shortPeriod(key.period))
    }

    // MARK: - Values that are stored but not added (docs/INGEST_RULES.md)

    /// A value for an indicator whose `sources` leave out the unit's type: stored and shown,
    /// not added to totals (the contract's "shown but not added"); said once per unit and indicator.
    func notCounted(_ unit: ReportingUnit, indicator: Int, at location: @autoclosure () -> SourceLocation) -> Diagnostic? {
        let definition = plan.indicators[indicator]
        guard let sources = definition.sources, !sources.contains(unit.type) else { return nil }
        let types = sources.sorted().joined(separator: ", ")
        return Diagnostic(.warning, at: location(), code: "value.not-counted",
                          message: "\(unit.id) (type \(unit.type)) reports \(definition.id), which counts only units of type \(types): the value is stored and shown, not added to the totals",
                          offending: definition.id,
                          hint: "nothing to do if the figure is for information; if \(unit.type) should count, add it to the indicator's \"sources\" in the plan")
            .with("unit", unit.id).with("indicator", definition.id).with("types", types).with("type", unit.type)
            .with("unitName", unit.name).with("indicatorName", definition.name)
            .with("typeName", VietnameseLabels.unitType(unit.type))
            .with("typeNames", sources.sorted().map(VietnameseLabels.unitType).joined(separator: "; "))
    }
}
