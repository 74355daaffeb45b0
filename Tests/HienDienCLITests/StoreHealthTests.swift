import Foundation
import Testing
@testable import HienDienCLI
@testable import HienDienKit

/// `hiendien check` says what is wrong with a damaged store, and the store is backed up before
/// its schema is upgraded.
struct StoreHealthTests {
    /// A store with the fixture plan and two reports, closed (its WAL folded into the file).
    static func filledStore(_ cli: RunnerHarness, _ name: String = "s.sqlite") -> String {
        #expect(cli.run("init", "--plan", RunnerHarness.fixture("plans/thu-2026.json"), "--db", name).code == 0)
        let ingested = cli.run("ingest", "--db", name, RunnerHarness.fixture("reports/long-excel-vn.csv"),
                               RunnerHarness.fixture("reports/wide.csv"), RunnerHarness.fixture("reports/skhcn-2026-Q1.json"))
        #expect(ingested.code == 0, "\(ingested.errors)")
        return cli.directory.appendingPathComponent(name).path
    }

    /// Overwrites the b-tree page header of every page after the first (which holds the schema).
    static func damagePages(_ path: String) throws {
        let handle = try FileHandle(forUpdating: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        let header = try handle.read(upToCount: 100) ?? Data()
        let pageSize = Int(header[16]) << 8 | Int(header[17])
        let size = Int(try handle.seekToEnd())
        #expect(size / pageSize > 2)
        for offset in stride(from: pageSize, to: size, by: pageSize) {
            try handle.seek(toOffset: UInt64(offset))
            try handle.write(contentsOf: Data(repeating: 0x7E, count: 12))
        }
    }

    @Test func aHealthyStoreIsSaidToBeHealthy() throws {
        let cli = try RunnerHarness()
        _ = Self.filledStore(cli)
        let result = cli.run("check", "--db", "s.sqlite")
        #expect(result.code == 0)
        #expect(result.output.contains("healthy (integrity_check ok"))
    }

    @Test func aStoreWithDamagedPagesIsReportedWithWhatIsWrong() throws {
        let cli = try RunnerHarness()
        let path = Self.filledStore(cli)
        try Self.damagePages(path)
        let result = cli.run("check", "--db", "s.sqlite")
        #expect(result.code == Runner.ExitCode.unhealthyStore, "\(result.errors)")
        #expect(result.output.contains("problem: "), "\(result.output)")
        #expect(result.errors.contains("problem(s) found; restore the latest backup"), "\(result.errors)")
        #expect(!result.errors.contains("`hiendien check` tests its health"), "check must not send the user to itself")
    }

    @Test(arguments: [
        ("random bytes", Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 73 &+ 41) })),
        ("a cut-off header", Data("SQLite format 3\0".utf8)),
        ("a text file", Data("unit,period,indicator,value\n".utf8)),
    ])
    func aFileThatIsNoStoreIsReportedAsDamaged(_ kind: String, _ bytes: Data) throws {
        let cli = try RunnerHarness()
        try bytes.write(to: cli.directory.appendingPathComponent("broken.sqlite"))
        let result = cli.run("check", "--db", "broken.sqlite")
        #expect(result.code == Runner.ExitCode.unhealthyStore, "\(kind): \(result.errors)")
        #expect(result.output.contains("problem: "), "\(kind): \(result.output)")
        #expect(!result.errors.contains("`hiendien check` tests its health"), "\(kind)")
    }

    // MARK: - Backups before migrations

    /// A later schema: the shipped migrations and one more.
    static let nextVersion = Store.migrations + ["CREATE TABLE audit_note (id INTEGER PRIMARY KEY, text TEXT NOT NULL);"]

    @Test func upgradingAStoreBacksItUpFirst() throws {
        let cli = try RunnerHarness()
        let path = Self.filledStore(cli)
        let before = try Store(path: path).currentValues(through: .year(2027))
        #expect(!before.isEmpty)

        let store = try Store(path: path)
        try store.migrate(Self.nextVersion)
        #expect(try store.database.userVersion() == Store.migrations.count + 1)
        #expect(try store.database.prepare("SELECT count(*) FROM audit_note").step())

        let backup = "\(path).v\(Store.migrations.count).bak"
        #expect(FileManager.default.fileExists(atPath: backup))
        let saved = try Database(path: backup, readOnly: true)
        #expect(try saved.userVersion() == Store.migrations.count)
        #expect(try saved.prepare("PRAGMA integrity_check").rows { $0.text(0) } == ["ok"])
        let savedValues = try saved.prepare("SELECT count(*) FROM value").rows { $0.int(0) }
        #expect(savedValues == [before.count])
    }

    @Test func aNewStoreNeedsNoBackup() throws {
        let cli = try RunnerHarness()
        let path = Self.filledStore(cli)
        let files = try FileManager.default.contentsOfDirectory(atPath: cli.directory.path)
        #expect(!files.contains { $0.hasSuffix(".bak") }, "\(files)")
        #expect(FileManager.default.fileExists(atPath: path))
    }

    @Test func aFailedMigrationLeavesTheStoreAsItWasBesideItsBackup() throws {
        let cli = try RunnerHarness()
        let path = Self.filledStore(cli)
        let store = try Store(path: path)
        #expect(throws: SQLiteError.self) {
            try store.migrate(Store.migrations + ["CREATE TABLE value (broken);"])
        }
        #expect(try store.database.userVersion() == Store.migrations.count)
        #expect(try store.healthProblems().isEmpty)
        #expect(FileManager.default.fileExists(atPath: "\(path).v\(Store.migrations.count).bak"))

        // An older backup is never overwritten: the next upgrade is refused, saying why, until it is moved away.
        let refusal = try #require(throws: StoreError.self) { try store.migrate(Self.nextVersion) }
        #expect(refusal.description.contains("already exists, so the store was not upgraded"))
        #expect(try store.database.userVersion() == Store.migrations.count)
        try FileManager.default.removeItem(atPath: "\(path).v\(Store.migrations.count).bak")
        try store.migrate(Self.nextVersion)
        #expect(try store.database.userVersion() == Store.migrations.count + 1)
    }
}

extension StoreHealthTests {
    // MARK: - The plan moved under stored data (issue 15, item 19)

    @Test func movingThePlansStartAfterStoredDataIsRefusedListingWhatWouldBeOrphaned() throws {
        let cli = try RunnerHarness()
        let path = Self.filledStore(cli)
        let moved = try String(contentsOfFile: RunnerHarness.fixture("plans/thu-2026.json"), encoding: .utf8)
            .replacingOccurrences(of: #""start": "2026-01-01""#, with: #""start": "2026-07-01""#)
            .replacingOccurrences(of: #""due": "2026-03""#, with: #""due": "2026-09""#)
        _ = cli.write("moved.json", moved)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let result = cli.run("init", "--plan", "moved.json", "--db", "s.sqlite")
        #expect(result.code == Runner.ExitCode.badInput, "\(result.errors)")
        #expect(result.errors.contains("2026-Q1 has") && result.errors.contains("lies outside the plan (2026-07-01 – 2027-12-31)"),
                "\(result.errors)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    @Test func checkFindsStoredPeriodsOutsideTheStoredPlan() throws {
        let cli = try RunnerHarness()
        let path = Self.filledStore(cli)
        // A plan edited inside the store by hand, past `init`'s refusal.
        let database = try Database(path: path)
        let json = try #require(try database.prepare("SELECT value FROM meta WHERE key = 'plan_json'").rows { $0.text(0) }.first)
        try database.prepare("UPDATE meta SET value = ? WHERE key = 'plan_json'")
            .run(.text(json.replacingOccurrences(of: #""start": "2026-01-01""#, with: #""start": "2026-07-01""#)
                .replacingOccurrences(of: #""due": "2026-03""#, with: #""due": "2026-09""#)))
        let check = cli.run("check", "--db", "s.sqlite")
        #expect(check.code == Runner.ExitCode.unhealthyStore, "\(check.output)")
        #expect(check.output.contains("2026-Q1 has"), "\(check.output)")
    }
}
