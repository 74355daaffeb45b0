#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension ReportIngester {
    /// The columns a report CSV may have, with their English and Vietnamese headers.
    enum Column: String, CaseIterable {
        case unit, period, indicator, value, note, submitted
        /// Columns for people only (the indicator's name, its unit of count): read past.
        case label

        static let headers: [Column: [String]] = [
            .unit: ["unit", "unit id", "đơn vị", "đơn vị báo cáo", "mã đơn vị", "tên đơn vị"],
            .period: ["period", "kỳ báo cáo", "kỳ", "kỳ bc"],
            .indicator: ["indicator", "chỉ tiêu", "mã chỉ tiêu"],
            .label: ["indicator name", "tên chỉ tiêu", "đơn vị tính", "stt", "số thứ tự"],
            .value: ["value", "giá trị", "số lượng", "số liệu"],
            .note: ["note", "notes", "ghi chú"],
            .submitted: ["submitted", "ngày gửi", "ngày báo cáo", "ngày nộp"],
        ]

        /// A small dense index for `ColumnMap` (a dictionary lookup per cell hashed the enum).
        var slot: Int {
            switch self {
            case .unit: 0
            case .period: 1
            case .indicator: 2
            case .value: 3
            case .note: 4
            case .submitted: 5
            case .label: 6
            }
        }

        static let byKey: [String: Column] = {
            var result: [String: Column] = [:]
            for (column, names) in headers {
                for name in names { result[VietnameseText.matchKey(name)] = column }
            }
            return result
        }()
    }

    /// Which field holds each column, if any.
    struct ColumnMap {
        private var slots = [Int?](repeating: nil, count: 7)

        subscript(column: Column) -> Int? {
            get { slots[column.slot] }
            set { slots[column.slot] = newValue }
        }
    }

    /// CSV reports in long form (one row per value) or wide form (one column per indicator).
    func ingestCSV(path: String, file: String, options: IngestOptions) throws -> IngestSummary {
        try ingestRecords(of: try CSVReader(path: path, fileLabel: file), path: path, file: file, options: options, format: "csv")
    }

    /// The rows of `reader` under the CSV rules; the `.xlsx` path feeds a sheet's rows through here too.
    /// `path` is the file as received, whose bytes identify it (the same file twice is no revision).
    func ingestRecords(of reader: CSVReader, path: String, file: String, options: IngestOptions, format: String) throws -> IngestSummary {
        guard try reader.nextRecord() else {
            throw InputError(Diagnostic(at: SourceLocation(file: file, line: 1), code: "csv.empty",
                                        message: "the file is empty", hint: "export the sheet again, with its header row"))
        }
        var columns = ColumnMap()
        var indicatorColumns: [(index: Int, indicator: String)] = []
        var headerProblems = DiagnosticList(cap: options.maxDiagnostics)
        var unclaimed: [(index: Int, text: String)] = []
        for index in 0..<reader.fieldCount {
            let text = reader.string(index).trimmingWhitespace()
            if text.isEmpty { continue }
            if let column = Column.byKey[VietnameseText.matchKey(text)] {
                if column == .label { continue }
                if columns[column] != nil {
                    headerProblems.append(Diagnostic(at: SourceLocation(file: file, line: reader.line, column: reader.column(ofField: index)),
                                                     code: "csv.header-repeated", message: "this column appears twice",
                                                     offending: text, hint: "keep one column per field", lineText: reader.recordText))
                }
                columns[column] = index
            } else {
                unclaimed.append((index, text))
            }
        }
        let isLong = columns[.indicator] != nil || columns[.value] != nil
        for (index, text) in unclaimed {
            let location = SourceLocation(file: file, line: reader.line, column: reader.column(ofField: index))
            if !isLong, let indicator = resolveIndicator(text) {
                indicatorColumns.append((index, indicator))
            } else if isLong {
                headerProblems.append(Diagnostic(at: location, code: "csv.header-unknown", message: "unknown column", offending: text,
                                                 hint: "a long-form file has the columns unit, period, indicator, value, note, submitted (or đơn vị, kỳ báo cáo, chỉ tiêu, giá trị, ghi chú, ngày gửi)",
                                                 lineText: reader.recordText))
            } else {
                headerProblems.append(unknownIndicator(text, at: location, lineText: reader.recordText))
            }
        }
        for required in isLong ? [Column.unit, .period, .indicator, .value] : [.unit, .period] where columns[required] == nil {
            headerProblems.append(Diagnostic(at: SourceLocation(file: file, line: reader.line), code: "csv.header-missing",
                                             message: "the header has no '\(required.rawValue)' column",
                                             hint: "the first row must name the columns: \(Column.headers[required]!.prefix(2).joined(separator: " or "))",
                                             lineText: reader.recordText).with("column", Column.headers[required]!.first { !$0.allSatisfy(\.isASCII) }))
        }
        if !isLong && indicatorColumns.isEmpty && columns[.unit] != nil && columns[.period] != nil {
            headerProblems.append(Diagnostic(at: SourceLocation(file: file, line: reader.line), code: "csv.header-no-indicator",
                                             message: "the header names no indicator column",
                                             hint: "a wide-form file has one column per indicator id; a long-form file has 'indicator' and 'value' columns",
                                             lineText: reader.recordText))
        }
        let headerIndicators = Dictionary(indicatorColumns.map { ($0.indicator, 0) }, uniquingKeysWith: +)
        for (indicator, _) in headerIndicators where indicatorColumns.filter({ $0.indicator == indicator }).count > 1 {
            headerProblems.append(Diagnostic(at: SourceLocation(file: file, line: reader.line), code: "csv.header-repeated",
                                             message: "two columns are the same indicator", offending: indicator,
                                             lineText: reader.recordText))
        }
        try headerProblems.throwIfAny()
        let headerFields = reader.fieldCount

        return try store.ingest(file: file, ingestedOn: options.today, dryRun: options.dryRun) { writer in
            var state = CSVState(file: file, options: options, columns: columns, indicatorColumns: indicatorColumns,
                                 isLong: isLong, headerFields: headerFields)
            state.indicatorIDs = plan.indicators.map { (Array($0.id.utf8), $0.id, writer.slot(forIndicator: $0.id)) }
            do {
                while try reader.nextRecord() {
                    if let progress, reader.bytesRead - state.lastProgress >= 4 << 20 {
                        state.lastProgress = reader.bytesRead
                        progress(reader.bytesRead, reader.totalBytes ?? 0)
                    }
                    try ingestRow(reader, &state, writer)
                }
            } catch let error as InputError {
                for diagnostic in error.diagnostics { state.diagnostics.append(diagnostic) }
            }
            if !state.sawData && !state.diagnostics.hasErrors {
                state.diagnostics.append(Diagnostic(at: SourceLocation(file: file), code: "csv.no-rows",
                                                    message: "the file has a header but no data rows"))
            }
            try state.diagnostics.throwIfAny()
            try recordDigest(path: path, file: file, writer: writer)
            return summary(of: writer, file: file, format: format + (isLong ? "-long" : "-wide"), tasks: 0, options: options)
        }
    }

    struct CSVState {
        var file: String
        var options: IngestOptions
        var columns: ColumnMap
        var indicatorColumns: [(index: Int, indicator: String)]
        var isLong: Bool
        /// Fields in the header row: a data row must have as many (or more, all empty).
        var headerFields: Int
        var diagnostics: DiagnosticList
        /// Hot-path caches of what has resolved cleanly in this file (failures are resolved again,
        /// so every failing row gets its own diagnostic).
        var units: [String: ReportingUnit] = [:]
        /// Unit texts that did not resolve: once the list of problems is full, a row naming one
        /// again is only counted (refusing a file costs about what storing it does).
        var unknownUnits: Set<String> = []
        var periods: [String: Period] = [:]
        var indicators: [String: String] = [:]
        /// The plan's indicator ids as UTF-8, for matching a cell without making a String.
        var indicatorIDs: [(bytes: [UInt8], id: String, slot: Int)] = []
        /// The previous row that was stored: a row with the same unit, period and date bytes
        /// belongs to the same, already checked, submission.
        var last: (unit: [UInt8], period: [UInt8], date: [UInt8], submission: Int64)?
        var explicitDates: [IngestWriter.SubmissionKey: Day] = [:]
        var sawData = false
        var lastProgress = 0

        init(file: String, options: IngestOptions, columns: ColumnMap, indicatorColumns: [(index: Int, indicator: String)],
             isLong: Bool, headerFields: Int) {
            self.file = file
            self.headerFields = headerFields
            self.options = options
            self.columns = columns
            self.indicatorColumns = indicatorColumns
            self.isLong = isLong
            diagnostics = DiagnosticList(cap: options.maxDiagnostics)
        }

        /// The writer's slot of the indicator whose id is exactly these bytes.
        func indicatorSlot(matching bytes: UnsafeBufferPointer<UInt8>) -> Int? {
            for candidate in indicatorIDs where candidate.bytes.count == bytes.count {
                if candidate.bytes.withUnsafeBufferPointer({ memcmp($0.baseAddress!, bytes.baseAddress!, bytes.count) == 0 }) {
                    return candidate.slot
                }
            }
            return nil
        }
    }

    /// The common row of a large long-form file, stored without making a single String: the
    /// same unit, period and date as the previous stored row, an indicator id, a count, no note.
    /// Returns false when the row needs the full path (anything else, or anything wrong).
    private func ingestFastRow(_ reader: CSVReader, _ state: inout CSVState, _ writer: IngestWriter) throws -> Bool {
        guard let last = state.last, !state.diagnostics.hasErrors,
              let unitIndex = state.columns[.unit], let periodIndex = state.columns[.period],
              let indicatorIndex = state.columns[.indicator], let valueIndex = state.columns[.value],
              reader.fieldCount == state.headerFields else { return false }
        func same(_ index: Int, _ bytes: [UInt8]) -> Bool {
            reader.withField(index) { field in
                field.count == bytes.count && (field.isEmpty || bytes.withUnsafeBufferPointer {
                    memcmp($0.baseAddress!, field.baseAddress!, field.count) == 0
                })
            }
        }
        guard same(unitIndex, last.unit), same(periodIndex, last.period) else { return false }
        if let dateIndex = state.columns[.submitted], !same(dateIndex, last.date) { return false }
        if let noteIndex = state.columns[.note], !reader.isEmpty(noteIndex) { return false }
        guard let slot = reader.withField(indicatorIndex, { $0.isEmpty ? nil : state.indicatorSlot(matching: $0) }) else {
            return false
        }
        switch reader.withField(valueIndex, { CountParser.parse($0) }) {
        case .empty: return true  // not reported: never 0
        case .invalid: return false
        case .value(let count):
            let outcome = try writer.value(count, slot: slot, submission: last.submission)
            if case .conflicting = outcome { return false }  // the full path reports it
            return true
        }
    }

    private func ingestRow(_ reader: CSVReader, _ state: inout CSVState, _ writer: IngestWriter) throws {
        // Blank rows (every cell empty) are skipped, as Excel leaves them.
        var blank = true
        for index in 0..<reader.fieldCount where blank {
            blank = reader.withField(index) { bytes in bytes.allSatisfy { $0 == 0x20 || $0 == 0x09 } }
        }
        if blank { return }
        state.sawData = true
        if state.isLong, try ingestFastRow(reader, &state, writer) { return }
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
        if let text = cell(.submitted), !text.trimmingWhitespace().isEmpty {
            submitted = resolveSubmitted(text, period: period, options: state.options, at: location(.submitted),
                                         lineText: nil, into: &state.diagnostics)
        }
        let note = cell(.note).flatMap { $0.trimmingWhitespace().isEmpty ? nil : $0 }
        if let problem = nulInText(note, at: location(.note), lineText: nil) { state.diagnostics.append(problem) }
        if submitted == nil, let period, cell(.submitted).map({ $0.trimmingWhitespace().isEmpty }) ?? true,
           let problem = receivedOptionProblem(period, options: state.options, at: location(.period), lineText: nil) {
            state.diagnostics.append(problem)
        }

        // The values of the row: one (long form) or one per indicator column (wide form).
        var values: [(indicator: String, value: Int64, column: Int)] = []
        if state.isLong {
            let indicatorText = cell(.indicator) ?? ""
            var indicator = state.indicators[indicatorText]
            if indicator == nil {
                indicator = resolveIndicator(indicatorText)
                if let indicator { state.indicators[indicatorText] = indicator }
            }
            if indicator == nil {
                state.diagnostics.append(unknownIndicator(indicatorText, at: location(.indicator), lineText: nil,
                                                          suggesting: !state.diagnostics.isFull))
            }
            if let valueIndex = state.columns[.value], valueIndex < reader.fieldCount {
                let parsed = reader.withField(valueIndex) { CountParser.parse($0) }
                switch parsed {
                case .empty: break  // not reported: never 0
                case .value(let count): if let indicator { values.append((indicator, count, valueIndex)) }
                case .invalid(let reason):
                    state.diagnostics.append(valueDiagnostic(reason, reader: reader, index: valueIndex, file: file))
                }
            }
        } else {
            for (index, indicator) in state.indicatorColumns where index < reader.fieldCount {
                switch reader.withField(index, { CountParser.parse($0) }) {
                case .empty: continue
                case .value(let count): values.append((indicator, count, index))
                case .invalid(let reason):
                    state.diagnostics.append(valueDiagnostic(reason, reader: reader, index: index, file: file))
                }
            }
        }
        let errorsAfter = state.diagnostics.items.count + state.diagnostics.omitted
        if errorsAfter > errorsBefore {
            // Attach the row's text to the problems it caused and that are shown, for context.
            let shown = state.diagnostics.items.count - itemsBefore
            if shown > 0 { state.diagnostics.annotateLast(shown, lineText: reader.recordText) }
            return
        }
        // Once anything is wrong the file will be refused: keep checking, stop writing.
        guard !state.diagnostics.hasErrors, let unit, let period else { return }

        let key = IngestWriter.SubmissionKey(unit: unit.id, period: period)
        let submission = try writer.submission(unit: unit.id, period: period,
                                               received: receivedDay(submitted, options: state.options))
        if let submitted {
            if let earlier = state.explicitDates[key], earlier != submitted {
                state.diagnostics.append(Diagnostic(at: location(.submitted), code: "report.received-conflict",
                                                    message: "\(unit.id) \(period) was dated \(earlier) on an earlier row",
                                                    offending: cell(.submitted), hint: "one report, one date: correct the date",
                                                    lineText: reader.recordText).with("earlier", VietnameseFormat.shortDate(earlier)))
                return
            }
            if state.explicitDates[key] == nil {
                state.explicitDates[key] = submitted
                if submission.received != submitted { try writer.setReceived(submitted, for: key) }
            }
        }
        for value in values {
            let outcome = note == nil
                ? try writer.value(value.value, slot: writer.slot(forIndicator: value.indicator), submission: submission.id)
                : try writer.value(value.value, indicator: value.indicator, submission: submission.id, note: note)
            if case .conflicting(let existing) = outcome {
                state.diagnostics.append(Diagnostic(
                    at: SourceLocation(file: file, line: line, column: reader.column(ofField: value.column)),
                    code: "value.conflict",
                    message: "\(unit.id) \(period) \(value.indicator) was \(existing) on an earlier row of this file",
                    offending: reader.string(value.column),
                    hint: "a file may give each unit, period and indicator once; to correct a value, send it again in a later file",
                    lineText: reader.recordText).with("earlier", String(existing)))
            }
        }
        if !state.diagnostics.hasErrors, let unitIndex = state.columns[.unit], let periodIndex = state.columns[.period] {
            let date = state.columns[.submitted].map { index in reader.withField(index) { Array($0) } } ?? []
            state.last = (reader.withField(unitIndex) { Array($0) }, reader.withField(periodIndex) { Array($0) }, date,
                          submission.id)
        }
    }

    private func valueDiagnostic(_ reason: CountParser.Reason, reader: CSVReader, index: Int, file: String) -> Diagnostic {
        let text = reader.string(index)
        return Diagnostic(at: SourceLocation(file: file, line: reader.line, column: reader.column(ofField: index)),
                          code: reason.code, message: reason.summary, offending: text,
                          hint: "values are whole, non-negative counts (1250, 1.250 or 1 250); leave the cell empty when not reported",
                          lineText: nil)
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
