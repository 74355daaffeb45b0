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
    func nulInText(_ text: String?, at location: SourceLocation, lineText: String?) -> Diagnostic? {
        guard let text, text.unicodeScalars.contains("\u{0}") else { return nil }
        return Diagnostic(at: location, code: "text.nul",
                          message: "the text holds a NUL character (code 0), which would cut it short",
                          offending: text,
                          hint: "remove the invisible character (copying from another program often brings it), then save again",
                          lineText: lineText)
    }

    /// `--received` used for a report that carries no date: the same range a `submitted` date
    /// must lie in (not before the period began; not after today, checked once per file).
    func receivedOptionProblem(_ period: Period, options: IngestOptions, at location: SourceLocation,
                               lineText: String?) -> Diagnostic? {
        guard let received = options.received else { return nil }
        if received < plan.reporting.window(for: period).lowerBound {
            return Diagnostic(at: location, code: "date.received-before-period",
                              message: "--received \(received) is before \(period) began, so it cannot be the day this report arrived",
                              offending: received.description,
                              hint: "give the day the file arrived with --received, or a 'submitted' date in the file",
                              lineText: lineText)
        }
        return nil
    }
}
