extension Store {
    // MARK: - Health

    /// `PRAGMA integrity_check` plus the store's own consistency checks; empty when healthy.
    /// When the file itself is damaged, only what `integrity_check` found: the other checks
    /// would read the damaged pages.
    public func healthProblems() throws -> [String] {
        var problems = try database.prepare("PRAGMA integrity_check").rows { $0.text(0) }.filter { $0 != "ok" }
        guard problems.isEmpty else { return problems }
        problems += try database.prepare("PRAGMA foreign_key_check").rows { row in
            "foreign key broken in table \(row.text(0)) (row \(row.int(1))) → \(row.text(2))"
        }
        problems += try database.prepare("""
            SELECT unit_id, period_key, count(*), max(version) FROM submission
            GROUP BY unit_id, period_key HAVING count(*) != max(version)
            """).rows { row in
            "unit \(row.text(0)) period \(Period(key: row.int(1))?.description ?? "?") has \(row.int(2)) versions numbered up to \(row.int(3))"
        }
        problems += try storedRowProblems()
        if let plan = try? plan() { problems += try periodProblems(under: plan) }
        return problems
    }

    /// Stored rows that the reads could not decode: a `received` or `ingested_on` that is no
    /// day, a `period_key` that is no period. The same rules the reads apply, so a store that
    /// `check` calls healthy can be reported on.
    func storedRowProblems() throws -> [String] {
        var problems: [String] = []
        let submissions = try database.prepare("SELECT id, unit_id, period_key, received FROM submission ORDER BY id")
        while try submissions.step() {
            let row = "submission row \(submissions.int64(0)) (unit \(submissions.text(1)))"
            let received = submissions.text(3)
            if Day(parsing: received)?.description != received {
                problems.append("\(row): received '\(received)' is not a day (YYYY-MM-DD)")
            }
            if Period(key: submissions.int(2)) == nil {
                problems.append("\(row): period_key \(submissions.int(2)) is not a period")
            }
        }
        submissions.reset()
        problems += try database.prepare("SELECT id, ingested_on FROM batch ORDER BY id").rows { row in
            Day(parsing: row.text(1))?.description == row.text(1) ? nil
                : "batch row \(row.int64(0)): ingested_on '\(row.text(1))' is not a day (YYYY-MM-DD)"
        }.compactMap { $0 }
        return problems
    }
}
