extension Period {
    /// The integer the store sorts periods by: `year × 10 + quarter`, `year × 10 + 5` for a year.
    public var key: Int { year * 10 + (quarter ?? 5) }

    public init?(key: Int) {
        let year = key / 10, rest = key % 10
        switch rest {
        case 1...4: self = .quarter(rest, of: year)
        case 5: self = .year(year)
        default: return nil
        }
    }
}

extension Store {
    /// Runs `body` in one IMMEDIATE transaction for one input file. Commits when `body`
    /// returns normally and `dryRun` is false; rolls back on a throw or a dry run, leaving
    /// the store exactly as it was. On a store opened read-only only a dry run is possible:
    /// it writes into temporary tables that shadow the store's, never into the file.
    ///
    /// - Parameter indicators: the plan's indicator ids, in the order `ReportedValue.indicator` counts.
    public func ingest<T>(file: String, sha256: String? = nil, ingestedOn: Day, dryRun: Bool, indicators: [String],
                          _ body: (IngestWriter) throws -> T) throws -> T {
        precondition(dryRun || !isReadOnly, "a store opened for reading only takes dry runs")
        // Every unit, indicator and submission a file refers to has been checked against the
        // plan before it is written, so SQLite's per-row foreign-key lookups only slow a large
        // file down; `hiendien check` runs `PRAGMA foreign_key_check` over the whole store.
        try database.execute("PRAGMA foreign_keys = OFF")
        defer { try? database.execute("PRAGMA foreign_keys = ON") }
        return try database.inTransaction(isReadOnly ? .deferred : .immediate) { () throws -> (Database.Completion, T) in
            if isReadOnly { try database.execute(Store.dryRunShadow) }
            let writer = try IngestWriter(database: database, file: file, sha256: sha256, ingestedOn: ingestedOn,
                                          indicators: indicators)
            let result = try body(writer)
            try writer.flush()
            return (dryRun ? .rollback : .commit, result)
        }
    }
}
