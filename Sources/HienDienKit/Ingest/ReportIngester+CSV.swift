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
        var indicatorColumns: [(index: Int, indicator: Int)] = []
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
            if !isLong, let indicator = resolveIndicator(text).flatMap({ indicatorIndex[$0] }) {
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
        // In the header's order (a dictionary's order changes from one run to the next).
        var repeated = Set<Int>()
        for (_, indicator) in indicatorColumns
        where indicatorColumns.filter({ $0.indicator == indicator }).count > 1 && repeated.insert(indicator).inserted {
            headerProblems.append(Diagnostic(at: SourceLocation(file: file, line: reader.line), code: "csv.header-repeated",
                                             message: "two columns are the same indicator", offending: plan.indicators[indicator].id,
                                             lineText: reader.recordText))
        }
        try headerProblems.throwIfAny()
        let headerFields = reader.fieldCount

        // The digest that recognises the same file sent twice is computed alongside the reading.
        let digest = FileDigest(path: path, label: file)
        defer { digest.cancel() }
        return try store.ingest(file: file, ingestedOn: options.today, dryRun: options.dryRun,
                                indicators: plan.indicators.map(\.id)) { writer in
            var state = CSVState(file: file, options: options, columns: columns, indicatorColumns: indicatorColumns,
                                 isLong: isLong, headerFields: headerFields, plan: plan)
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
            try state.assembler.finish(writer)
            try recordDigest(try digest.value(), writer: writer)
            return summary(of: writer, file: file, format: format + (isLong ? "-long" : "-wide"), tasks: 0,
                           warnings: state.warnings, options: options)
        }
    }
}
