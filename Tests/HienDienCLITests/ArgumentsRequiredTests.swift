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
