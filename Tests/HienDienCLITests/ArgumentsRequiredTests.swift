import Foundation
import Testing
@testable import HienDienCLI
@testable import HienDienKit

/// Arguments that did not come through the parser (a caller building `ParsedArguments` itself)
/// may lack an option the command needs: the command refuses them with the parser's own usage
/// error and exit 2, never a crash.
struct ArgumentsRequiredTests {
    private func runParsed(_ parsed: ParsedArguments, in cli: RunnerHarness) -> RunnerHarness.Result {
        let console = Console.capturing()
        let context = Runner.Context(environment: cli.environment, currentDirectory: cli.directory.path,
                                     executablePath: "hiendien", today: cli.today)
        let code = Runner.run(parsed, context: context, console: console, language: .english)
        return RunnerHarness.Result(code: code, output: console.output, errors: console.errors)
    }

    @Test func requiredReadsTheValueOrThrowsTheMissingOptionError() throws {
        let given = ParsedArguments(command: "report", values: ["period": ["2026-Q2"]])
        #expect(try given.required("period") == "2026-Q2")
        let missing = ParsedArguments(command: "report")
        #expect(throws: UsageError(.missingOption, .missingOptions(["--period PERIOD"]), command: "report")) {
            try missing.required("period")
        }
    }

    @Test func aCommandWithoutItsRequiredOptionSaysWhatTheParserWouldSay() throws {
        let cli = try RunnerHarness()
        #expect(cli.run("init", "--plan", RunnerHarness.fixture("plans/thu-2026.json")).code == 0)
        for command in ["init", "report"] {
            let fromParser = cli.run(command)
            let direct = runParsed(ParsedArguments(command: command), in: cli)
            #expect(fromParser.code == 2)
            #expect(direct.code == fromParser.code && direct.errors == fromParser.errors, "\(direct.errors)")
        }
    }

    @Test func aFormWithoutItsUnitOrPeriodIsAUsageError() throws {
        let cli = try RunnerHarness()
        #expect(cli.run("init", "--plan", RunnerHarness.fixture("plans/thu-2026.json")).code == 0)
        let noUnit = runParsed(ParsedArguments(command: "form", values: ["period": ["2026-Q2"]]), in: cli)
        #expect(noUnit.code == 2 && noUnit.errors.contains("Missing required option '--unit UNIT'."), "\(noUnit.errors)")
        let noPeriod = runParsed(ParsedArguments(command: "form", values: ["unit": ["STC"]]), in: cli)
        #expect(noPeriod.code == 2 && noPeriod.errors.contains("Missing required option '--period PERIOD'."), "\(noPeriod.errors)")
    }
}

/// Each command's options are read once into typed values; what does not parse is a usage
/// error naming the option.
struct ArgumentsTypedOptionsTests {
    private func parsed(_ line: String) throws -> ParsedArguments {
        guard case .run(let parsed) = try Arguments.parseCommandLine(line.split(separator: " ").map(String.init)) else {
            throw UsageError(.missingCommand, .missingCommandBefore(line))
        }
        return parsed
    }

    @Test func reportOptionsParseTheirDayAndFormats() throws {
        let options = try ReportOptions(parsed("report --period 2026-Q2 --as-of 2026-07-15 --format MD,html,csv"))
        #expect(options.period == "2026-Q2")
        #expect(options.asOf == Day(year: 2026, month: 7, day: 15))
        #expect(options.formats == [.md, .html, .csv])
        #expect(options.out == "reports")
        let plain = try ReportOptions(parsed("report --period latest --out ra"))
        #expect(plain.asOf == nil && plain.formats == Set(ReportFormat.allCases) && plain.out == "ra")
        #expect(throws: UsageProblem.self) { try ReportOptions(parsed("report --period 2026-Q2 --format pdf")) }
        #expect(throws: UsageProblem.self) { try ReportOptions(parsed("report --period 2026-Q2 --as-of 2026-02-30")) }
    }

    @Test func statusOptionsDefaultToTheLatestPeriod() throws {
        let options = try StatusOptions(parsed("status"))
        #expect(options.period == "latest" && options.asOf == nil && options.letter == nil)
        let dated = try StatusOptions(parsed("status --period 2026-Q1 --as-of 2026-04-20 --letter thu.md"))
        #expect(dated.period == "2026-Q1" && dated.asOf == Day(year: 2026, month: 4, day: 20) && dated.letter == "thu.md")
    }

    @Test func aFormIsAWorkbookWhenItsFileEndsInXlsx() throws {
        #expect(try FormOptions(parsed("form --unit STC --period 2026-Q2")).format == .csv)
        #expect(try FormOptions(parsed("form --unit STC --period 2026-Q2 --out stc.XLSX")).format == .xlsx)
        #expect(try FormOptions(parsed("form --unit STC --period 2026-Q2 --out stc.xlsx --format CSV")).format == .csv)
        #expect(throws: UsageProblem.self) { try FormOptions(parsed("form --unit STC --period 2026-Q2 --format pdf")) }
    }
}
