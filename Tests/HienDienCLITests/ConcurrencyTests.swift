import Foundation
import Testing
@testable import HienDienKit

/// Two ingests and a report started at once on one store — two clerks and a scheduled job —
/// all succeed (waiting for each other, never failing with "database is locked"), and the
/// store ends as if they had run one after the other.
struct ConcurrencyTests {
    static let units = 400
    static let indicators = 10
    static let rounds = 4

    @Test(.timeLimit(.minutes(10)))
    func twoIngestsAndAReportAtOnceEqualTheSequentialRun() throws {
        let folder = try TemporaryFolder("concurrency")
        let plan = try folder.write("plan.json", GeneratedData.plan(units: Self.units, indicators: Self.indicators))
        let half = Self.units / 2
        let first = try folder.write("first.csv", GeneratedData.longCSV(units: 0..<half, indicators: Self.indicators, seed: 1))
        let second = try folder.write("second.csv", GeneratedData.longCSV(units: half..<Self.units, indicators: Self.indicators, seed: 2))
        let templates = RunnerHarness.repository.appendingPathComponent("Templates").path

        let pristine = folder.path("pristine.sqlite")
        let initialized = try ChildProcess.run(["init", "--plan", plan, "--db", pristine], in: folder.url)
        #expect(initialized.exitCode == 0, "\(initialized.errors)")

        func ingest(_ file: String, into db: String) -> [String] { ["ingest", file, "--db", db, "--received", "2026-11-02"] }
        func report(_ db: String, out: String) -> [String] {
            ["report", "--period", "2026", "--format", "csv", "--as-of", "2026-12-20", "--db", db, "--out", folder.path(out),
             "--templates", templates]
        }
        func tables(_ out: String) throws -> String {
            try ["targets.csv", "indicators.csv", "submissions.csv"].map {
                try String(contentsOfFile: folder.path("\(out)/2026/\($0)"), encoding: .utf8)
            }.joined(separator: "\n")
        }
        func copy(_ name: String) throws -> String {
            let path = folder.path(name)
            try FileManager.default.copyItem(atPath: pristine, toPath: path)
            return path
        }

        // Sequential references: the report with nothing, either file, and both.
        var references: [String: String] = [:]
        var ingestSeconds = 0.0
        for (name, files) in [("none", []), ("first", [first]), ("second", [second]), ("both", [first, second])] {
            let db = try copy("\(name).sqlite")
            for file in files {
                let done = try ChildProcess.run(ingest(file, into: db), in: folder.url)
                #expect(done.exitCode == 0, "\(done.errors)")
                ingestSeconds = max(ingestSeconds, done.seconds)
            }
            let reported = try ChildProcess.run(report(db, out: "ref-\(name)"), in: folder.url)
            #expect(reported.exitCode == 0, "\(reported.errors)")
            references[name] = try tables("ref-\(name)")
        }
        #expect(Set(references.values).count == 4, "the four sequential states must differ for the test to mean anything")

        var seenStates: [String] = []
        for round in 0..<Self.rounds {
            let db = try copy("round-\(round).sqlite")
            // The report starts at a different moment of the ingests in each round.
            let reportDelay = ingestSeconds * Double(round) / Double(Self.rounds - 1) * 1.2
            let a = try ChildProcess.start(ingest(first, into: db), in: folder.url)
            let b = try ChildProcess.start(ingest(second, into: db), in: folder.url)
            Thread.sleep(forTimeInterval: reportDelay)
            let r = try ChildProcess.start(report(db, out: "during-\(round)"), in: folder.url)
            let outcomes = [try a.wait(), try b.wait(), try r.wait()]
            for (name, outcome) in zip(["first ingest", "second ingest", "report"], outcomes) {
                #expect(outcome.exitCode == 0, "round \(round), \(name): \(outcome.errors)")
                #expect(!outcome.errors.contains("locked") && !outcome.errors.contains("busy"), "round \(round), \(name): \(outcome.errors)")
            }

            // What the report saw is one of the sequential states, never a mixture.
            let during = try tables("during-\(round)")
            let state = references.first { $0.value == during }?.key
            #expect(state != nil, "round \(round): the report running beside the ingests saw a state no sequential run has")
            seenStates.append(state ?? "mixed")

            // And the store ends as the sequential run does.
            let after = try ChildProcess.run(report(db, out: "after-\(round)"), in: folder.url)
            #expect(after.exitCode == 0, "\(after.errors)")
            #expect(try tables("after-\(round)") == references["both"], "round \(round): the store differs from the sequential run")
            #expect(try Store(path: db).healthProblems().isEmpty)
        }
        print("concurrency: \(Self.rounds) rounds of two ingests and a report at once; the report saw: \(seenStates.joined(separator: ", "))")
    }

    /// A report computed while other processes commit reads one state of the store: every unit
    /// it shows values for has its submission counted, and the other way round — never values
    /// from after a commit beside submissions from before it.
    @Test(.timeLimit(.minutes(5)))
    func aReportReadsOneStateWhileIngestsCommit() throws {
        let folder = try TemporaryFolder("snapshot")
        let plan = try folder.write("plan.json", GeneratedData.plan(units: Self.units, indicators: Self.indicators))
        let db = folder.path("store.sqlite")
        let initialized = try ChildProcess.run(["init", "--plan", plan, "--db", db], in: folder.url)
        #expect(initialized.exitCode == 0, "\(initialized.errors)")
        let slices = 8
        let files = try (0..<slices).map { slice in
            let units = (slice * Self.units / slices)..<((slice + 1) * Self.units / slices)
            return try folder.write("slice-\(slice).csv", GeneratedData.longCSV(units: units, indicators: Self.indicators))
        }

        let store = try Store(path: db)
        let loaded = try #require(try store.plan())
        let engine = ReportEngine(plan: loaded)
        let quarter = Period.quarter(1, of: 2026)
        let asOf = Day(year: 2026, month: 12, day: 20)!
        let children = try files.map { try ChildProcess.start(["ingest", $0, "--db", db, "--received", "2026-11-02"], in: folder.url) }
        var reports = 0
        var states = Set<Int>()
        var finished = false
        while !finished {
            // Polling the children's exit without reaping them: kill(pid, 0) succeeds for a zombie,
            // so look at /proc instead.
            finished = children.allSatisfy { child in
                let stat = (try? String(contentsOfFile: "/proc/\(child.pid)/stat", encoding: .utf8)) ?? ""
                return stat.isEmpty || stat.contains(") Z ")
            }
            let report = try engine.report(for: quarter, asOf: asOf, store: store)
            let withValues = Set(report.indicators.filter { $0.value != nil }.compactMap(\.scope.unitID))
            let submitted = Set(report.submissions.filter { $0.received != nil }.map(\.unit))
            let isOneState = withValues == submitted
            #expect(isOneState, "report \(reports): values for \(withValues.count) units but \(submitted.count) submissions")
            states.insert(submitted.count)
            reports += 1
        }
        for child in children {
            let outcome = try child.wait()
            #expect(outcome.exitCode == 0, "\(outcome.errors)")
        }
        print("snapshot: \(reports) reports computed while \(slices) ingests committed; states seen: \(states.sorted())")
    }
}
