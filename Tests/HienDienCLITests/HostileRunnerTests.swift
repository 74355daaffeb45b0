import Foundation
import Testing
@testable import HienDienCLI
@testable import HienDienKit

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Hostile input through the runner: names that would lead outside `--out` or `--templates`
/// are refused, and the real executable reads huge or deep files in bounded memory (measured
/// as the child process's peak resident memory) and says why it refuses them.
struct HostileRunnerTests {
    static let plan = RunnerHarness.fixture("plans/thu-2026.json")

    /// Every file under `folder`, relative to it.
    static func files(under folder: URL) -> Set<String> {
        Set(FileManager.default.enumerator(atPath: folder.path)?.compactMap { $0 as? String } ?? [])
    }

    @Test(arguments: ["../../etc", "../2026-Q2", "2026-Q2/../../x", "/tmp/x", "2026-Q2\u{0}", "..", "latest/.."])
    func aPeriodThatIsAPathIsRefusedAndNothingIsWritten(_ period: String) throws {
        let cli = try RunnerHarness()
        #expect(cli.run("init", "--plan", Self.plan, "--db", "s.sqlite").code == 0)
        let result = cli.run("report", "--db", "s.sqlite", "--period", period, "--out", "out/reports", "--as-of", "2026-11-23")
        #expect(result.code == Runner.ExitCode.usage, "\(result.errors)")
        #expect(result.errors.contains("not a period"), "\(result.errors)")
        #expect(Self.files(under: cli.directory).allSatisfy { $0.hasPrefix("s.sqlite") }, "\(Self.files(under: cli.directory))")
    }

    @Test(arguments: ["../../x", "/tmp/x", "SKHCN/../../x", ".."])
    func aUnitThatIsAPathIsOnlyAnUnknownUnit(_ unit: String) throws {
        let cli = try RunnerHarness()
        #expect(cli.run("init", "--plan", Self.plan, "--db", "s.sqlite").code == 0)
        let form = cli.run("form", "--db", "s.sqlite", "--unit", unit, "--period", "2026-Q2")
        #expect(form.code == Runner.ExitCode.badInput && form.output.isEmpty, "\(form.errors)")
        let csv = cli.write("r.csv", "unit,period,indicator,value\n\(unit),2026-Q2,trainings_held,1\n")
        let ingest = cli.run("ingest", "--db", "s.sqlite", csv)
        #expect(ingest.code == Runner.ExitCode.badInput && ingest.errors.contains("[unit.unknown]"), "\(ingest.errors)")
        #expect(Self.files(under: cli.directory).allSatisfy { $0.hasPrefix("s.sqlite") || $0 == "r.csv" })
    }

    @Test(arguments: ["{{> ../secret}}", "{{> /etc/passwd}}", "{{>../../secret}}", "{{> header/../../secret}}"])
    func aTemplateNamingAFileOutsideTheTemplatesFolderIsRefused(_ tag: String) throws {
        let cli = try RunnerHarness()
        #expect(cli.run("init", "--plan", Self.plan, "--db", "s.sqlite").code == 0)
        _ = cli.write("secret.mustache", "SECRET")
        try FileManager.default.createDirectory(at: cli.directory.appendingPathComponent("templates"), withIntermediateDirectories: true)
        _ = cli.write("templates/report.md.mustache", "# {{title}}\n\(tag)\n")
        _ = cli.write("templates/report.html.mustache", "<p>{{title}}</p>\n")
        let result = cli.run("report", "--db", "s.sqlite", "--period", "2026-Q2", "--templates", "templates", "--out", "out",
                             "--as-of", "2026-06-25")
        #expect(result.code == Runner.ExitCode.badInput)
        #expect(result.errors.contains("template.invalid-template-name"), "\(result.errors)")
        #expect(!result.errors.contains("SECRET") && !result.output.contains("SECRET"))
        #expect(!FileManager.default.fileExists(atPath: cli.directory.appendingPathComponent("out/2026-Q2/report.md").path))
    }

    @Test func aSampleDataPlanWhoseIdIsAPathCannotMakeDemoWriteOutsideOut() throws {
        let cli = try RunnerHarness()
        let sample = cli.directory.appendingPathComponent("sample")
        try FileManager.default.createDirectory(at: sample.appendingPathComponent("plans"), withIntermediateDirectories: true)
        let plan = try String(contentsOfFile: Self.plan, encoding: .utf8)
            .replacingOccurrences(of: #""id": "thu-2026""#, with: #""id": "../../escaped""#)
        _ = cli.write("sample/plans/plan.json", plan)
        // Where the plan's id points from out/: a store there would be deleted and rewritten.
        try FileManager.default.createDirectory(at: cli.directory.appendingPathComponent("escaped"), withIntermediateDirectories: true)
        _ = cli.write("escaped/hiendien.sqlite", "not to be touched")
        cli.environment["HIENDIEN_SAMPLEDATA"] = sample.path
        let result = cli.run("demo", "--out", "demo/out")
        #expect(result.code != 0)
        #expect(try String(contentsOfFile: cli.directory.appendingPathComponent("escaped/hiendien.sqlite").path, encoding: .utf8)
                == "not to be touched")
        #expect(Self.files(under: cli.directory.appendingPathComponent("escaped")) == ["hiendien.sqlite"])
    }

    // MARK: - Bounded memory, measured

    /// A folder with a store holding the fixture plan, for child processes.
    static func storeFolder() throws -> (TemporaryFolder, String) {
        let folder = try TemporaryFolder("hostile")
        let db = folder.path("s.sqlite")
        let initialized = try ChildProcess.run(["init", "--plan", plan, "--db", db], in: folder.url)
        #expect(initialized.exitCode == 0, "\(initialized.errors)")
        return (folder, db)
    }

    /// Runs `hiendien ingest` on `path` and checks it is refused with `code` within `megabytes`.
    static func refusedWithin(_ megabytes: Int, _ path: String, code: String, db: String, in folder: TemporaryFolder) throws {
        let outcome = try ChildProcess.run(["ingest", path, "--db", db], in: folder.url, measuringMemory: true)
        #expect(outcome.exitCode == Runner.ExitCode.badInput, "\(outcome.errors)")
        #expect(outcome.errors.contains("[\(code)]"), "\(outcome.errors.prefix(2_000))")
        #expect(outcome.errors.contains("nothing was stored from this file"))
        #expect(outcome.errors.utf8.count < 20_000, "a message of \(outcome.errors.utf8.count) bytes")
        #expect(outcome.peakMemory > 0 && outcome.peakMemory < megabytes << 20, "\(code): peak memory \(outcome.peakMemory >> 20) MiB")
        print("hostile: \((path as NSString).lastPathComponent) refused with \(code): peak \(outcome.peakMemory >> 20) MiB, \(String(format: "%.2f", outcome.seconds)) s")
    }

    @Test func hugeLinesAndFilesAreRefusedInBoundedMemory() throws {
        let (folder, db) = try Self.storeFolder()
        let header = "unit,period,indicator,value,note\n"

        let line = try folder.write("line.csv", header + "SKHCN,2026-Q2,trainings_held,1," + String(repeating: "x", count: 10_000_000) + "\n")
        try Self.refusedWithin(100, line, code: "csv.field-too-long", db: db, in: folder)

        let field = String(repeating: "y", count: 1_000_000)
        let row = try folder.write("row.csv", header + Array(repeating: field, count: 12).joined(separator: ",") + "\n")
        try Self.refusedWithin(100, row, code: "csv.record-too-long", db: db, in: folder)

        let columns = try folder.write("columns.csv", "unit,period," + String(repeating: "c,", count: 1_000_000) + "c\n")
        try Self.refusedWithin(100, columns, code: "csv.too-many-fields", db: db, in: folder)

        let rows = String(repeating: "SKHCN,2026-Q2,trainings_held,1\n", count: 1_000)
        let huge = try folder.write("huge.csv", "unit,period,indicator,value\n" + rows)
        #expect(truncate(huge, off_t(1) << 30) == 0)
        try Self.refusedWithin(100, huge, code: "csv.field-too-long", db: db, in: folder)

        let hugeJSON = try folder.write("huge.json", "{\"unit\": \"")
        #expect(truncate(hugeJSON, off_t(1) << 30) == 0)
        try Self.refusedWithin(100, hugeJSON, code: "file.too-large", db: db, in: folder)
    }

    @Test func deepOrDenseJSONIsRefusedInBoundedMemory() throws {
        let (folder, db) = try Self.storeFolder()
        let deep = try folder.write("deep.json", String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000))
        try Self.refusedWithin(100, deep, code: "json.too-deep", db: db, in: folder)

        // The worst shape allowed: the largest file, all one-digit items (each costs the most).
        let dense = try folder.write("dense.json", "[" + String(repeating: "0,", count: FileBytes.defaultLimit / 2 - 2) + "0]")
        try Self.refusedWithin(600, dense, code: "json.type", db: db, in: folder)
    }
}
