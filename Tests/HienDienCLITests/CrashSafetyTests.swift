import Foundation
import Testing
@testable import HienDienKit

/// `hiendien ingest` killed with SIGKILL at any moment — a power cut, an impatient Ctrl-\, the
/// OOM killer — leaves a store that opens, passes `PRAGMA integrity_check`, and holds either
/// all of the file or none of it.
struct CrashSafetyTests {
    static let units = 4_000
    static let indicators = 10
    static let killPoints = 30

    @Test(.timeLimit(.minutes(10)))
    func anIngestKilledAtAnyMomentStoresAllOfTheFileOrNone() throws {
        let folder = try TemporaryFolder("crash")
        let plan = try folder.write("plan.json", GeneratedData.plan(units: Self.units, indicators: Self.indicators))
        let report = try folder.write("large.csv", GeneratedData.longCSV(units: 0..<Self.units, indicators: Self.indicators))
        let expected = GeneratedData.rows(units: Self.units, indicators: Self.indicators)

        // A store with the plan and nothing else, copied afresh for every kill point.
        let pristine = folder.path("pristine.sqlite")
        let initialized = try ChildProcess.run(["init", "--plan", plan, "--db", pristine], in: folder.url)
        #expect(initialized.exitCode == 0, "\(initialized.errors)")
        let arguments = { (db: String) in ["ingest", report, "--db", db, "--received", "2026-11-02"] }

        // One uninterrupted run, to know how long an ingest takes.
        let whole = folder.path("whole.sqlite")
        try FileManager.default.copyItem(atPath: pristine, toPath: whole)
        let uninterrupted = try ChildProcess.run(arguments(whole), in: folder.url)
        #expect(uninterrupted.exitCode == 0, "\(uninterrupted.errors)")
        #expect(try Self.storedValues(whole) == expected)
        // The estimate follows what later runs show (one that ends before its kill, one still
        // running past it): other tests share the CPUs, so one run's time may be far from the next.
        var duration = uninterrupted.seconds

        // Kill points spread from the start-up to past the end, a little jitter on each.
        var outcomes: [(delay: Double, killed: Bool, values: Int)] = []
        for point in 0..<Self.killPoints {
            let fraction = 0.02 + 1.18 * Double(point) / Double(Self.killPoints - 1)
            let delay = duration * fraction * Double.random(in: 0.97...1.03)
            let db = folder.path("killed-\(point).sqlite")
            try FileManager.default.copyItem(atPath: pristine, toPath: db)

            let child = try ChildProcess.start(arguments(db), in: folder.url)
            Thread.sleep(forTimeInterval: delay)
            child.kill()
            let ended = try child.wait()
            let killed = ended.signal == SIGKILL
            if !killed {
                #expect(ended.exitCode == 0, "kill point \(point): \(ended.errors)")
                duration = ended.seconds
            } else if delay > duration * 0.9 {
                duration = delay * 1.1
            }

            let problems = try Self.health(db)
            #expect(problems.isEmpty, "kill point \(point) at \(delay) s: \(problems)")
            let values = try Self.storedValues(db)
            #expect(values == 0 || values == expected, "kill point \(point) at \(delay) s: \(values) of \(expected) values")
            outcomes.append((delay, killed, values))

            // The store is usable afterwards: the same file goes in whole (every tenth point).
            if point % 10 == 4 {
                let again = try ChildProcess.run(arguments(db), in: folder.url)
                #expect(again.exitCode == 0, "re-ingest after kill point \(point): \(again.errors)")
                // Into an empty store; or, when the first copy was committed, recognised as stored.
                #expect(try Self.storedValues(db) == expected)
                #expect(values == 0 || again.output.contains("already stored on"), "\(again.output)")
            }
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: db + suffix) }
        }

        // The test means something only if many kills landed while the ingest was running.
        let midRun = outcomes.filter { $0.killed && $0.values == 0 }.count
        let afterCommit = outcomes.filter { $0.values == expected }.count
        print("crash safety: \(Self.killPoints) kill points over an ingest of \(expected) rows taking \(String(format: "%.2f", duration)) s; "
              + "\(outcomes.filter(\.killed).count) killed, \(midRun) left nothing, \(afterCommit) left the whole file")
        #expect(midRun >= Self.killPoints / 3, "only \(midRun) kills landed before the commit")
    }

    /// Opens the store as `hiendien` would (after a crash: recovering the WAL) and runs its checks.
    static func health(_ path: String) throws -> [String] {
        let store = try Store(path: path)
        return try store.healthProblems()
    }

    /// Values stored for the current versions of every unit and period.
    static func storedValues(_ path: String) throws -> Int {
        let store = try Store(path: path)
        let statement = try store.database.prepare("SELECT count(*) FROM value")
        return try statement.step() ? statement.int(0) : 0
    }
}
