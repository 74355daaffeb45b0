extension ReportIngester {
    /// What the rows of one CSV file (or sheet) have established so far.
    struct CSVState {
        var file: String
        var options: IngestOptions
        var columns: ColumnMap
        /// Wide form: the column of each indicator (its position in `Plan.indicators`).
        var indicatorColumns: [(index: Int, indicator: Int)]
        var isLong: Bool
        /// Fields in the header row: a data row must have as many (or more, all empty).
        var headerFields: Int
        var diagnostics: DiagnosticList
        /// What is stored but worth saying (`value.not-counted`, `value.withdraw-nothing`).
        var warnings: DiagnosticList
        /// Units and indicators already warned about in this file: one line each.
        var warned: Set<String> = []
        var assembler: SubmissionAssembler
        /// Caches of what has resolved cleanly in this file (failures are resolved again, so
        /// every failing row gets its own diagnostic).
        var units: [String: ReportingUnit] = [:]
        /// Unit texts that did not resolve: once the list of problems is full, a row naming one
        /// again is only counted (refusing a file costs about what storing it does).
        var unknownUnits: Set<String> = []
        var periods: [String: Period] = [:]
        var indicators: [String: Int] = [:]
        /// The date a row gave each unit and period (`Day.ordinal`), keyed by the unit's
        /// position in the plan and the period's key: one number each, for 84,320 submissions.
        var explicitDates: [Int64: Int32] = [:]
        /// Dates as written that spelled a day (a file repeats a few dates on every submission).
        var days: [String: Day] = [:]
        /// `KnownRow.counted` of each unit type met so far.
        var countedByType: [String: [Bool]] = [:]
        var sawData = false
        var lastProgress = 0

        /// The shortcut's cache: the plan's indicator ids as UTF-8, and the previous row that
        /// went through every rule cleanly — its unit, period and date as bytes, and whether
        /// each indicator counts the unit's type.
        var indicatorBytes: [[UInt8]]
        var last: KnownRow?

        init(file: String, options: IngestOptions, columns: ColumnMap, indicatorColumns: [(index: Int, indicator: Int)],
             isLong: Bool, headerFields: Int, plan: Plan) {
            self.file = file
            self.headerFields = headerFields
            self.options = options
            self.columns = columns
            self.indicatorColumns = indicatorColumns
            self.isLong = isLong
            diagnostics = DiagnosticList(cap: options.maxDiagnostics)
            warnings = DiagnosticList(cap: options.maxDiagnostics)
            assembler = SubmissionAssembler(indicatorCount: plan.indicators.count)
            indicatorBytes = plan.indicators.map { Array($0.id.utf8) }
        }
    }

    /// The previous row that passed every rule, as the shortcut compares it (a class, so that
    /// reading it on every row copies one reference, not four arrays).
    final class KnownRow {
        let unit: [UInt8], period: [UInt8], date: [UInt8]
        /// Whether each indicator counts the unit's type (else the full rules warn).
        let counted: [Bool]

        init(unit: [UInt8], period: [UInt8], date: [UInt8], counted: [Bool]) {
            self.unit = unit
            self.period = period
            self.date = date
            self.counted = counted
        }
    }

    /// The shortcut for the common row of a large long-form file: the same unit, period and
    /// date bytes as the previous row that passed every rule, an indicator id written exactly,
    /// a count, no note, an indicator this submission has not had yet, one that counts the
    /// unit's type. Such a row passes every rule of `ingestFullRow` and gives the same value;
    /// anything else (or anything wrong) returns false and takes the full rules. Tests and the
    /// `csv-reader` fuzz target check that the shortcut changes no outcome.
    private func ingestKnownRow(_ reader: CSVReader, _ state: inout CSVState, _ writer: IngestWriter) throws -> Bool {
        guard usesRowShortcut, let last = state.last, !state.diagnostics.hasErrors,
              let unitIndex = state.columns[.unit], let periodIndex = state.columns[.period],
              let indicatorIndex = state.columns[.indicator], let valueIndex = state.columns[.value],
              reader.fieldCount == state.headerFields else { return false }
        guard reader.field(unitIndex, equals: last.unit), reader.field(periodIndex, equals: last.period) else { return false }
        if let dateIndex = state.columns[.submitted], !reader.field(dateIndex, equals: last.date) { return false }
        if let noteIndex = state.columns[.note], !reader.isEmpty(noteIndex) { return false }
        guard let indicator = reader.field(indicatorIndex, among: state.indicatorBytes),
              last.counted[indicator], !state.assembler.isGiven(indicator) else { return false }
        switch reader.count(valueIndex) {
        case .empty: return true  // not reported: never 0
        case .invalid: return false
        case .value(let count):
            _ = try state.assembler.add(ReportedValue(indicator: indicator, value: count, position: .line(reader.line)),
                                        writer: writer)
            rowsByShortcut += 1
            return true
        }
    }

    func ingestRow(_ reader: CSVReader, _ state: inout CSVState, _ writer: IngestWriter) throws {
        // Blank rows (every cell empty) are skipped, as Excel leaves them.
        var blank = true
        for index in 0..<reader.fieldCount where blank {
            blank = reader.isBlank(index)
        }
        if blank { return }
        state.sawData = true
        if state.isLong, try ingestKnownRow(reader, &state, writer) { return }
        try ingestFullRow(reader, &state, writer)
    }

    /// Every row rule, with a diagnostic for each problem.
    private func ingestFullRow(_ reader: CSVReader, _ state: inout CSVState, _ writer: IngestWriter) throws {
        let file = state.file
        let line = reader.line
        func location(_ column: Column) -> SourceLocation {
            SourceLocation(file: file, line: line, column: state.columns[column].map { reader.column(ofField: $0) })
        }
        func cell(_ column: Column) -> String? {
            guard let index = state.columns[column], index < reader.fieldCount else { return nil }
            return reader.string(index)
        }
        let errorsBefore = state.diagnostics.items.count + state.diagnostics.omitted
        let itemsBefore = state.diagnostics.items.count
        if reader.fieldCount < state.headerFields {
            state.diagnostics.append(Diagnostic(
                at: SourceLocation(file: file, line: line), code: "csv.row-short",
                message: "the row has \(reader.fieldCount) field(s) and the header \(state.headerFields), so a column is missing",
                hint: "give every column, even an empty one (a value left empty means not reported); check for a missing separator",
                lineText: reader.recordText))
        } else if reader.fieldCount > state.headerFields,
                  let extra = (state.headerFields..<reader.fieldCount).first(where: { !reader.string($0).trimmingWhitespace().isEmpty }) {
            state.diagnostics.append(Diagnostic(
                at: SourceLocation(file: file, line: line, column: reader.column(ofField: extra)), code: "csv.row-long",
                message: "the row has \(reader.fieldCount) fields and the header \(state.headerFields); this one has no column",
                offending: reader.string(extra),
                hint: "a separator inside a value needs quotes (\"1,5 triệu\"); or add the column to the header",
                lineText: reader.recordText))
        }
        let unitText = cell(.unit) ?? ""
        var unit = state.units[unitText]
        if unit == nil && state.diagnostics.isFull && state.unknownUnits.contains(unitText) {
            state.diagnostics.countOmitted()
            return
        }
        if unit == nil {
            unit = resolveUnit(unitText, at: location(.unit), lineText: nil, into: &state.diagnostics)
            if let unit { state.units[unitText] = unit } else { state.unknownUnits.insert(unitText) }
        }
        let periodText = cell(.period) ?? ""
        var period: Period?
        if let unit, let known = state.periods[periodText],
           unit.exists(during: plan.reporting.window(for: known)) {
            period = known  // spelling already checked, and within the plan
        } else if let unit {
            period = resolvePeriod(periodText, unit: unit, at: location(.period), lineText: nil, into: &state.diagnostics)
            if let period { state.periods[periodText] = period }
        } else if Period(parsing: periodText) == nil {
            _ = resolvePeriod(periodText, unit: nil, at: location(.period), lineText: nil, into: &state.diagnostics)
        }
        var submitted: Day?
        let submittedText = cell(.submitted)
        if let text = submittedText, !Self.isBlank(text) {
            submitted = resolveSubmitted(text, period: period, options: state.options, at: location(.submitted),
                                         lineText: nil, into: &state.diagnostics, parsed: state.days[text])
            if let submitted { state.days[text] = submitted }
        }
        let note = cell(.note).flatMap { Self.isBlank($0) ? nil : $0 }
        if let problem = nulInText(note, at: location(.note), lineText: nil) { state.diagnostics.append(problem) }
        if submitted == nil, let period, submittedText.map(Self.isBlank) ?? true,
           let problem = receivedOptionProblem(period, options: state.options, at: location(.period), lineText: nil) {
            state.diagnostics.append(problem)
        }

        // The values of the row: one (long form) or one per indicator column (wide form); nil
        // is a withdrawal.
        var values: [(indicator: Int, value: Int64?, column: Int)] = []
        func read(_ index: Int, indicator: Int?) {
            switch reader.count(index) {
            case .empty: break  // not reported: never 0
            case .value(let count): if let indicator { values.append((indicator, count, index)) }
            case .invalid(let reason):
                if Self.isWithdrawal(reader.string(index)) {
                    if let indicator { values.append((indicator, nil, index)) }
                } else {
                    state.diagnostics.append(valueDiagnostic(reason, reader: reader, index: index, file: file))
                }
            }
        }
        if state.isLong {
            let indicatorText = cell(.indicator) ?? ""
            var indicator = state.indicators[indicatorText]
            if indicator == nil {
                indicator = resolveIndicator(indicatorText).flatMap { indicatorIndex[$0] }
                if let indicator { state.indicators[indicatorText] = indicator }
            }
            if indicator == nil {
                state.diagnostics.append(unknownIndicator(indicatorText, at: location(.indicator), lineText: nil,
                                                          suggesting: !state.diagnostics.isFull))
            }
            if let valueIndex = state.columns[.value], valueIndex < reader.fieldCount {
                read(valueIndex, indicator: indicator)
            }
        } else {
            for (index, indicator) in state.indicatorColumns where index < reader.fieldCount {
                read(index, indicator: indicator)
            }
        }
        let errorsAfter = state.diagnostics.items.count + state.diagnostics.omitted
        if errorsAfter > errorsBefore {
            // Attach the row's text to the problems it caused and that are shown, for context.
            let shown = state.diagnostics.items.count - itemsBefore
            if shown > 0 { state.diagnostics.annotateLast(shown, lineText: reader.recordText) }
            return
        }
        // Once anything is wrong the file will be refused: keep checking, stop handing over.
        guard !state.diagnostics.hasErrors, let unit, let period else { return }

        let key = SubmissionKey(unit: unit.id, period: period)
        let number = Int64(unitNumbers[unit.id] ?? -1) << 32 | Int64(period.key)
        if let submitted {
            if let earlier = state.explicitDates[number].map({ Day(ordinal: Int($0)) }), earlier != submitted {
                state.diagnostics.append(Diagnostic(at: location(.submitted), code: "report.received-conflict",
                                                    message: "\(unit.id) \(period) was dated \(earlier) on an earlier row",
                                                    offending: cell(.submitted), hint: "one report, one date: correct the date",
                                                    lineText: reader.recordText).with("earlier", VietnameseFormat.shortDate(earlier)))
                return
            }
            if state.explicitDates[number] == nil { state.explicitDates[number] = Int32(submitted.ordinal) }
        }
        let received = state.explicitDates[number].map { Day(ordinal: Int($0)) } ?? receivedDay(nil, options: state.options)
        try state.assembler.begin(key, received: received, writer: writer)
        for value in values {
            // A value's own position is its line (the column is worked out only for a message:
            // finding it costs a scan of the line, on every row of a large file).
            let position = ValuePosition.line(line)
            func here() -> SourceLocation { SourceLocation(file: file, line: line, column: reader.column(ofField: value.column)) }
            if value.value == nil, !state.assembler.isGiven(value.indicator),
               let warning = try withdrawsNothing(key, indicator: value.indicator, at: here(), writer: writer) {
                state.warn(warning, once: "withdraw \(unit.id) \(period) \(value.indicator)", lineText: reader.recordText)
                continue
            }
            let outcome = try state.assembler.add(ReportedValue(indicator: value.indicator, value: value.value, note: note,
                                                                position: position), writer: writer)
            if case .conflicting(let existing) = outcome {
                let earlier = existing.map(String.init) ?? Self.withdrawalWord
                state.diagnostics.append(Diagnostic(
                    at: here(), code: "value.conflict",
                    message: "\(unit.id) \(period) \(plan.indicators[value.indicator].id) was \(earlier) on an earlier row of this file",
                    offending: reader.string(value.column),
                    hint: "a file may give each unit, period and indicator once; to correct a value, send it again in a later file",
                    lineText: reader.recordText).with("earlier", earlier))
            } else if outcome == .added, value.value != nil, let warning = notCounted(unit, indicator: value.indicator, at: here()) {
                state.warn(warning, once: "count \(unit.id) \(value.indicator)", lineText: reader.recordText)
            }
        }
        if !state.diagnostics.hasErrors, let unitIndex = state.columns[.unit], let periodIndex = state.columns[.period] {
            let date = state.columns[.submitted].map { reader.fieldBytes($0) } ?? []
            let counted = state.countedByType[unit.type] ?? plan.indicators.map { $0.counts(type: unit.type) }
            state.countedByType[unit.type] = counted
            state.last = KnownRow(unit: reader.fieldBytes(unitIndex), period: reader.fieldBytes(periodIndex), date: date,
                                  counted: counted)
        }
    }

    /// Whether `text` is empty once trimmed (`trimmingWhitespace().isEmpty`, without making the copy).
    static func isBlank(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy(\.properties.isWhitespace)
    }

    private func valueDiagnostic(_ reason: CountParser.Reason, reader: CSVReader, index: Int, file: String) -> Diagnostic {
        let text = reader.string(index)
        return Diagnostic(at: SourceLocation(file: file, line: reader.line, column: reader.column(ofField: index)),
                          code: reason.code, message: reason.summary, offending: text,
                          hint: "values are whole, non-negative counts (1250, 1.250 or 1 250); leave the cell empty when not reported",
                          lineText: nil)
    }
}

extension ReportIngester.CSVState {
    /// Adds a warning unless one with the same key was given in this file.
    mutating func warn(_ warning: Diagnostic, once key: String, lineText: String) {
        guard warned.insert(key).inserted else { return }
        var warning = warning
        warning.lineText = lineText
        warnings.append(warning)
    }
}

extension DiagnosticList {
    /// Sets the line text of the last `count` diagnostics that have none.
    mutating func annotateLast(_ count: Int, lineText: String) {
        var remaining = count
        var index = items.count - 1
        while remaining > 0 && index >= 0 {
            if items[index].lineText == nil { setLineText(lineText, at: index) }
            remaining -= 1
            index -= 1
        }
    }
}
