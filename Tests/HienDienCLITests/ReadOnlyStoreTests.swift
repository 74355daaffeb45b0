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

    /// A writable store in a folder its user may not write: WAL needs the folder for its `-wal`
    /// and `-shm` files. Root may write into any folder, so as root (CI) the real `hiendien` runs
    /// as `nobody` through util-linux's `setpriv`, on a store `nobody` owns in a folder of root's.
    @Test(.enabled(if: getuid() != 0 || ExternalTool.setpriv.isInstalled,
                   "as root, needs `setpriv` (Debian package util-linux) to run hiendien as another user: root may write into any folder"))
    func aStoreInAReadOnlyFolderSaysTheFolderMustBeWritable() throws {
        let status: RunnerHarness.Result
        if getuid() != 0 {
            let cli = try RunnerHarness()
            try FileManager.default.createDirectory(at: cli.directory.appendingPathComponent("ro"), withIntermediateDirectories: true)
            _ = StoreHealthTests.filledStore(cli, "ro/s.sqlite")
            let folder = cli.directory.appendingPathComponent("ro").path
            try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: folder)
            defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder) }
            status = cli.run("status", "--db", "ro/s.sqlite", "--period", "2026-Q2", "--as-of", "2026-06-25")
        } else {
            status = try Self.statusAsNobodyOnAStoreInARootFolder()
        }
        #expect(status.code == Runner.ExitCode.badInput, "\(status.errors)")
        #expect(status.errors.contains("[store.folder-read-only]") && !status.errors.contains("disk is not full"), "\(status.errors)")
    }

    /// The unprivileged user and group (`nobody`, `nogroup` on Debian and Ubuntu).
    static let nobody = 65534

    /// As root: fills a store, gives it to `nobody`, makes its folder read-only (root's, 0555)
    /// and runs a copy of the built `hiendien` as `nobody` with `status` on it.
    ///
    /// Everything the child reaches is made reachable by `nobody`: the folders are 0755 and sit
    /// in /tmp rather than `$TMPDIR` (which may lie in root's home), and the executable is copied
    /// beside them (the checkout may lie in root's home too).
    static func statusAsNobodyOnAStoreInARootFolder() throws -> RunnerHarness.Result {
        let cli = try RunnerHarness()
        let top = URL(fileURLWithPath: "/tmp").appendingPathComponent("hiendien-nobody-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: top, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o755])
        defer { try? FileManager.default.removeItem(at: top) }
        let folder = top.appendingPathComponent("ro")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o755])
        let filled = StoreHealthTests.filledStore(cli)
        let store = folder.appendingPathComponent("s.sqlite").path
        try FileManager.default.copyItem(atPath: filled, toPath: store)
        try FileManager.default.setAttributes([.ownerAccountID: nobody, .groupOwnerAccountID: nobody,
                                               .posixPermissions: 0o644], ofItemAtPath: store)
        let executable = top.appendingPathComponent("hiendien").path
        try FileManager.default.copyItem(atPath: ChildProcess.executable, toPath: executable)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: executable)
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: folder.path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.path) }

        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(ExternalTool.setpriv.path))
        process.arguments = ["--reuid=\(nobody)", "--regid=\(nobody)", "--clear-groups", executable,
                             "status", "--db", store, "--period", "2026-Q2", "--as-of", "2026-06-25"]
        process.currentDirectoryURL = top
        process.environment = ["LANG": "en_US.UTF-8", "PATH": "/usr/bin:/bin", "HOME": top.path, "SWIFT_BACKTRACE": "enable=no"]
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let errorText = errors.fileHandleForReading.readDataToEndOfFile()
        let outputText = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return RunnerHarness.Result(code: process.terminationStatus, output: String(decoding: outputText, as: UTF8.self),
                                    errors: String(decoding: errorText, as: UTF8.self))
    }
}

extension ExternalTool {
    /// util-linux's `setpriv`, to run a command as another user (essential in Debian and Ubuntu).
    static let setpriv = ExternalTool(command: "setpriv", package: "util-linux")
}
