import Foundation
import Testing
@testable import HienDienCLI
@testable import HienDienKit

/// `init`, `ingest`, `check` and `demo` read their options once into typed values; what does not
/// parse is refused there, as a usage error (exit 2) naming the option, before any file is touched.
struct StoreCommandOptionsTests {
    private func parsed(_ words: String...) throws -> ParsedArguments {
        guard case .run(let parsed) = try Arguments.parseCommandLine(words) else {
            throw UsageError(.missingCommand, .missingCommandBefore(words.joined(separator: " ")))
        }
        return parsed
    }

    private func runParsed(_ parsed: ParsedArguments, in cli: RunnerHarness, language: Language = .english) -> RunnerHarness.Result {
        let console = Console.capturing()
        let context = Runner.Context(environment: cli.environment, currentDirectory: cli.directory.path,
                                     executablePath: "hiendien", today: cli.today)
        let code = Runner.run(parsed, context: context, console: console, language: language)
        return RunnerHarness.Result(code: code, output: console.output, errors: console.errors)
    }

    // MARK: - The types

    @Test func theStoreIsDbElseTheEnvironmentElseHiendienSqlite() throws {
        let environment = ["HIENDIEN_DB": "/srv/thanh-hoa.sqlite"]
        let given = StoreOption(try parsed("check", "--db", "so/thanh-hoa.sqlite"))
        #expect(given.given == "so/thanh-hoa.sqlite")
        #expect(given.path(environment: environment, directory: "/home/cv") == "/home/cv/so/thanh-hoa.sqlite")
        let absolute = StoreOption(try parsed("check", "--db", "/tmp/a.sqlite"))
        #expect(absolute.path(environment: environment, directory: "/home/cv") == "/tmp/a.sqlite")
        let none = StoreOption(try parsed("check"))
        #expect(none.given == nil)
        #expect(none.path(environment: environment, directory: "/home/cv") == "/srv/thanh-hoa.sqlite")
        #expect(none.path(environment: [:], directory: "/home/cv") == "/home/cv/hiendien.sqlite")
    }

    @Test func initNeedsItsPlanFile() throws {
        let options = try InitOptions(parsed("init", "--plan", "plans/thanh-hoa-2026-2030.json", "--db", "th.sqlite"))
        #expect(options.plan == "plans/thanh-hoa-2026-2030.json" && options.store.given == "th.sqlite")
        #expect(throws: UsageError(.missingOption, .missingOptions(["--plan PLAN.json"]), command: "init")) {
            try InitOptions(ParsedArguments(command: "init"))
        }
    }

    @Test func ingestReadsItsFilesDayAndFlags() throws {
        let options = try IngestCommandOptions(parsed(
            "ingest", "SGDDT-2026-Q1.csv", "inbox", "--received", "2026-03-18", "--dry-run", "--feedback", "phan-hoi"))
        #expect(options.files == ["SGDDT-2026-Q1.csv", "inbox"])
        #expect(options.received == Day(year: 2026, month: 3, day: 18))
        #expect(options.dryRun && options.feedback == "phan-hoi" && options.store.given == nil)
        let library = options.options(today: Day(year: 2026, month: 3, day: 20)!)
        #expect(library.received == options.received && library.dryRun && library.today == Day(year: 2026, month: 3, day: 20))

        let plain = try IngestCommandOptions(parsed("ingest", "a.csv"))
        #expect(plain.received == nil && !plain.dryRun && plain.feedback == nil)
        // 30 February is no day: refused in the type, with the option's name.
        #expect(throws: UsageProblem.self) { try IngestCommandOptions(parsed("ingest", "a.csv", "--received", "2026-02-30")) }
        #expect(throws: UsageError(.missingArgument, .missingArgument("FILE..."), command: "ingest")) {
            try IngestCommandOptions(ParsedArguments(command: "ingest"))
        }
    }

    @Test func checkTakesThePeriodAndDayLikeReport() throws {
        let plain = try CheckOptions(parsed("check"))
        #expect(plain.period == "latest" && !plain.periodGiven && plain.asOf == nil)
        let dated = try CheckOptions(parsed("check", "--period", "Quý II/2026", "--as-of", "2026-06-25", "--db", "s.sqlite"))
        #expect(dated.period == "Quý II/2026" && dated.periodGiven)
        #expect(dated.asOf == Day(year: 2026, month: 6, day: 25) && dated.store.given == "s.sqlite")
        #expect(try CheckOptions(parsed("check", "--period", "latest")).periodGiven)
        #expect(throws: UsageProblem.self) { try CheckOptions(parsed("check", "--as-of", "2026-13-01")) }
    }

    @Test func reportKeepsItsTemplatesFolderAsWritten() throws {
        #expect(try ReportOptions(parsed("report", "--period", "2026-Q2")).templates == nil)
        #expect(try ReportOptions(parsed("report", "--period", "2026-Q2", "--templates", "mau-rieng")).templates == "mau-rieng")
    }

    @Test func theDemoWorksInDemoOutUnlessToldOtherwise() throws {
        #expect(DemoOptions(try parsed("demo")).out == "demo-out")
        #expect(DemoOptions(try parsed("demo", "--out", "/tmp/hiendien-demo")).out == "/tmp/hiendien-demo")
    }

    // MARK: - Through the runner: the same words and exit codes as before

    @Test func aDayThatIsNoDayIsAUsageErrorBeforeTheStoreIsOpened() throws {
        let cli = try RunnerHarness()
        // No store exists: the wrong day is what the user hears about, with exit 2.
        let english = cli.run("ingest", RunnerHarness.fixture("reports/wide.csv"), "--received", "2026-02-30")
        #expect(english.code == 2, "\(english.errors)")
        #expect(english.errors == "error: --received '2026-02-30' is not a date: write YYYY-MM-DD, e.g. 2026-06-18\n")
        #expect(!FileManager.default.fileExists(atPath: cli.directory.appendingPathComponent("hiendien.sqlite").path))
        cli.environment = [:]
        let vietnamese = cli.run("check", "--as-of", "2026-02-30")
        #expect(vietnamese.code == 2)
        #expect(vietnamese.errors == "lỗi: --as-of '2026-02-30' không phải là ngày: hãy viết theo dạng năm-tháng-ngày, ví dụ 2026-06-18\n")
    }

    @Test func aMisspeltOptionOfTheseCommandsSuggestsTheRightOne() throws {
        let cli = try RunnerHarness()
        for (command, typo, meant) in [("ingest", "--recieved", "--received"), ("ingest", "--dryrun", "--dry-run"),
                                       ("init", "--plna", "--plan"), ("check", "--perod", "--period"),
                                       ("check", "--asof", "--as-of"), ("demo", "--outt", "--out")] {
            let result = cli.run(command, typo, "x")
            #expect(result.code == 2, "\(command) \(typo)")
            #expect(result.errors.contains("Unknown option '\(typo)'. Did you mean '\(meant)'?"), "\(result.errors)")
        }
    }

    @Test func ingestWithoutFilesSaysWhatTheParserWouldSay() throws {
        let cli = try RunnerHarness()
        let fromParser = cli.run("ingest")
        let direct = runParsed(ParsedArguments(command: "ingest"), in: cli)
        #expect(fromParser.code == 2 && fromParser.errors.contains("Missing expected argument 'FILE...'."))
        #expect(direct.code == fromParser.code && direct.errors == fromParser.errors, "\(direct.errors)")
    }

    @Test func aFeedbackFolderThatIsAFileIsRefusedBeforeAnythingIsStored() throws {
        let cli = try RunnerHarness()
        #expect(cli.run("init", "--plan", RunnerHarness.fixture("plans/thu-2026.json")).code == 0)
        _ = cli.write("phan-hoi", "a file, not a folder")
        let result = cli.run("ingest", "--feedback", "phan-hoi", RunnerHarness.fixture("reports/wide.csv"),
                             RunnerHarness.fixture("reports/bad-values.csv"))
        #expect(result.code == 2, "\(result.errors)")
        #expect(result.errors == "error: --feedback 'phan-hoi' is not a folder\n")
        #expect(result.output.isEmpty)
        // Nothing was stored: the good file goes in afterwards as new.
        let again = cli.run("ingest", RunnerHarness.fixture("reports/wide.csv"))
        #expect(again.output.contains("wide.csv: stored 4 values"), "\(again.output)")
    }

    @Test func langWithoutItsValueIsAMissingValueInTheUsersLanguage() throws {
        let cli = try RunnerHarness()
        cli.environment = [:]
        for line in [["status", "--lang"], ["check", "--lang="]] {
            let result = cli.run(line)
            #expect(result.code == 2)
            #expect(result.errors.hasPrefix("lỗi: Thiếu giá trị cho '--lang vi|en'.\ncách dùng: "), "\(result.errors)")
        }
    }

    @Test func aDemoFolderThatCannotBeMadeIsAnOutputErrorNotAnInternalOne() throws {
        let cli = try RunnerHarness()
        _ = cli.write("demo-out", "a file where the demo's folder should go")
        let result = cli.run("demo")
        #expect(result.code == 1, "\(result.errors)")
        #expect(result.errors.contains("[output.not-a-folder]") && !result.errors.contains("internal error"), "\(result.errors)")
    }

    @Test func theFeedbackNotesStillGoIntoANewFolder() throws {
        let cli = try RunnerHarness()
        #expect(cli.run("init", "--plan", RunnerHarness.fixture("plans/thu-2026.json")).code == 0)
        let result = cli.run("ingest", "--feedback", "phan-hoi/2026-Q2", RunnerHarness.fixture("reports/bad-values.csv"))
        #expect(result.code == 1)
        let notes = try FileManager.default.contentsOfDirectory(atPath: cli.directory.appendingPathComponent("phan-hoi/2026-Q2").path)
        #expect(notes.sorted() == ["bad-values.phan-hoi.docx", "bad-values.phan-hoi.html", "bad-values.phan-hoi.md"])
    }
}
