import Foundation
import Testing
@testable import HienDienCLI
@testable import HienDienKit

/// Commands that only read leave the store's bytes as they were, and a file that is not a
/// hiendien store is refused untouched (issue 15, items 1, 12 and 2).
struct ReadOnlyStoreTests {
    static func bytes(_ path: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }

    /// The commands that must not change the store, with their options.
    static let readingCommands: [[String]] = [
        ["check"],
        ["status", "--period", "2026-Q2", "--as-of", "2026-06-25"],
        ["report", "--period", "2026-Q2", "--as-of", "2026-06-25", "--out", "out", "--format", "csv"],
        ["form", "--unit", "STC", "--period", "2026-Q3", "--out", "form.csv"],
        ["ingest", "--dry-run", RunnerHarness.fixture("reports/revision.csv")],
    ]

    @Test(arguments: readingCommands)
    func aReadingCommandLeavesTheStoreByteIdentical(_ command: [String]) throws {
        let cli = try RunnerHarness()
        let path = StoreHealthTests.filledStore(cli)
        let before = try Self.bytes(path)
        let result = cli.run([command[0], "--db", "s.sqlite"] + command.dropFirst())
        #expect(result.code == 0, "\(command[0]): \(result.errors)")
        #expect(try Self.bytes(path) == before, "\(command[0]) changed the store")
    }

    @Test func aDryRunCountsRevisionsAgainstTheStoreWithoutWriting() throws {
        let cli = try RunnerHarness()
        let path = StoreHealthTests.filledStore(cli)
        let before = try Self.bytes(path)
        let dry = cli.run("ingest", "--dry-run", "--db", "s.sqlite", RunnerHarness.fixture("reports/revision.csv"))
        #expect(dry.code == 0, "\(dry.errors)")
        #expect(dry.output.contains("would store"), "\(dry.output)")
        #expect(try Self.bytes(path) == before)
        // The same file for real: the dry run said what it would do.
        let real = cli.run("ingest", "--db", "s.sqlite", RunnerHarness.fixture("reports/revision.csv"))
        #expect(real.code == 0, "\(real.errors)")
        #expect(dry.output.replacingOccurrences(of: "would store", with: "stored") == real.output)
    }

    /// Another program's SQLite file, with its own table and row.
    static func foreignFile(_ cli: RunnerHarness) throws -> String {
        let path = cli.directory.appendingPathComponent("other.sqlite").path
        let database = try Database(path: path)
        try database.execute("PRAGMA journal_mode = DELETE; CREATE TABLE t(x); INSERT INTO t VALUES (42);")
        return path
    }

    @Test(arguments: readingCommands + [["init", "--plan", HostileRunnerTests.plan], ["ingest", RunnerHarness.fixture("reports/wide.csv")]])
    func aForeignSQLiteFileIsRefusedUntouched(_ command: [String]) throws {
        let cli = try RunnerHarness()
        let path = try Self.foreignFile(cli)
        let before = try Self.bytes(path)
        let result = cli.run([command[0], "--db", "other.sqlite"] + command.dropFirst())
        #expect(result.code == Runner.ExitCode.badInput, "\(command[0]): \(result.errors)")
        #expect(result.errors.contains("not a hiendien store") && result.errors.contains("[store.not-hiendien]"),
                "\(command[0]): \(result.errors)")
        #expect(try Self.bytes(path) == before, "\(command[0]) changed another program's file")
        let files = try FileManager.default.contentsOfDirectory(atPath: cli.directory.path)
        #expect(!files.contains { $0.hasPrefix("other.sqlite-") }, "\(command[0]): \(files)")
    }

    @Test(arguments: ["check", "status"])
    func anEmptyFileStaysEmpty(_ command: String) throws {
        let cli = try RunnerHarness()
        _ = cli.write("empty.sqlite", "")
        let result = cli.run([command, "--db", "empty.sqlite"] + (command == "status" ? ["--period", "2026-Q2"] : []))
        #expect(result.code != 0)
        #expect(result.errors.contains("has no plan yet"), "\(result.errors)")
        #expect(try Self.bytes(cli.directory.appendingPathComponent("empty.sqlite").path).isEmpty)
    }

    // MARK: - Damaged rows (item 2)

    /// Edits one stored `received` to a day that does not exist, as a hand edit might.
    static func damageReceived(_ path: String, to text: String) throws {
        let database = try Database(path: path)
        try database.prepare("UPDATE submission SET received = ? WHERE id = (SELECT min(id) FROM submission)").run(.text(text))
    }

    @Test func aStoredDayThatDoesNotExistIsAClearErrorNotACrash() throws {
        let cli = try RunnerHarness()
        let path = StoreHealthTests.filledStore(cli)
        try Self.damageReceived(path, to: "2026-02-30")
        let report = cli.run("report", "--db", "s.sqlite", "--period", "2026-Q2", "--as-of", "2026-06-25", "--out", "out")
        #expect(report.code == Runner.ExitCode.badInput, "\(report.errors)")
        #expect(report.errors.contains("table submission") && report.errors.contains("'2026-02-30'")
                && report.errors.contains("[store.damaged-row]"), "\(report.errors)")
        let status = cli.run("status", "--db", "s.sqlite", "--period", "2026-Q2", "--as-of", "2026-06-25")
        #expect(status.code == Runner.ExitCode.badInput, "\(status.errors)")
    }

    @Test func checkFindsTheDamagedDay() throws {
        let cli = try RunnerHarness()
        let path = StoreHealthTests.filledStore(cli)
        try Self.damageReceived(path, to: "2026-02-30")
        let check = cli.run("check", "--db", "s.sqlite")
        #expect(check.code == Runner.ExitCode.unhealthyStore, "\(check.output)")
        #expect(check.output.contains("received '2026-02-30' is not a day"), "\(check.output)")
    }
}

extension ReadOnlyStoreTests {
    // MARK: - Messages (items 13, 20)

    @Test func aDamagedStoreIsReportedWithoutSQLStatements() throws {
        let cli = try RunnerHarness()
        let path = StoreHealthTests.filledStore(cli)
        try StoreHealthTests.damagePages(path)
        let report = cli.run("report", "--db", "s.sqlite", "--period", "2026-Q2", "--as-of", "2026-06-25", "--out", "out")
        #expect(report.code == Runner.ExitCode.badInput, "\(report.errors)")
        #expect(report.errors.contains("SQLite error"), "\(report.errors)")
        #expect(!report.errors.contains("while executing") && !report.errors.contains("SELECT"), "\(report.errors)")
    }

    @Test(.enabled(if: getuid() != 0, "root may write into any folder, so the folder cannot be made read-only for it"))
    func aStoreInAReadOnlyFolderSaysTheFolderMustBeWritable() throws {
        let cli = try RunnerHarness()
        try FileManager.default.createDirectory(at: cli.directory.appendingPathComponent("ro"), withIntermediateDirectories: true)
        _ = StoreHealthTests.filledStore(cli, "ro/s.sqlite")
        let folder = cli.directory.appendingPathComponent("ro").path
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: folder)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder) }
        let status = cli.run("status", "--db", "ro/s.sqlite", "--period", "2026-Q2", "--as-of", "2026-06-25")
        #expect(status.code == Runner.ExitCode.badInput, "\(status.errors)")
        #expect(status.errors.contains("[store.folder-read-only]") && !status.errors.contains("disk is not full"), "\(status.errors)")
    }
}
