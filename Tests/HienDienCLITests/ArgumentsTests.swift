import Testing
@testable import HienDienCLI

struct ArgumentsTests {
    /// Runs the parser on a command line and returns what it asked for.
    private func invocation(_ line: String) throws -> Invocation {
        try Arguments.parseCommandLine(words(line))
    }

    /// The usage error a command line makes, if any.
    private func usageError(_ argv: [String]) -> UsageError? {
        do {
            _ = try Arguments.parseCommandLine(argv)
            return nil
        } catch {
            return error
        }
    }

    private func words(_ line: String) -> [String] {
        line.split(separator: " ").map(String.init)
    }

    private func run(_ line: String) throws -> ParsedArguments {
        let result = try invocation(line)
        guard case .run(let parsed) = result else {
            Issue.record("expected a command to run, got \(result)")
            return ParsedArguments(command: "")
        }
        return parsed
    }

    // MARK: - What parses

    @Test func readsPositionalsOptionsAndFlagsInAnyOrder() throws {
        let parsed = try run("ingest a.csv --db x.sqlite b.csv --dry-run c.json")
        #expect(parsed.command == "ingest")
        #expect(parsed.positionals == ["a.csv", "b.csv", "c.json"])
        #expect(parsed.value("db") == "x.sqlite")
        #expect(parsed.flag("dry-run"))
        #expect(!parsed.flag("help"))
        #expect(parsed.value("received") == nil)
    }

    @Test func acceptsTheEqualsForm() throws {
        let parsed = try run("report --period=2026-Q2 --format=md,csv --out=bao-cao --as-of 2026-06-30")
        #expect(parsed.value("period") == "2026-Q2")
        #expect(parsed.list("format") == ["md", "csv"])
        #expect(parsed.value("out") == "bao-cao")
        #expect(parsed.value("as-of") == "2026-06-30")
        // A value may itself contain "=" and spaces.
        let form = try Arguments.parse(["--unit=Sở GD&ĐT", "--period", "Quý II/2026", "--out=a=b.csv"], spec: .form)
        #expect(form.value("unit") == "Sở GD&ĐT")
        #expect(form.value("period") == "Quý II/2026")
        #expect(form.value("out") == "a=b.csv")
    }

    @Test func doubleDashEndsOptions() throws {
        let parsed = try Arguments.parse(["--db", "x", "--", "--odd-name.csv", "-h", "--dry-run"], spec: .ingest)
        #expect(parsed.positionals == ["--odd-name.csv", "-h", "--dry-run"])
        #expect(!parsed.flag("dry-run"))
        #expect(!parsed.isHelpRequested)
        #expect(parsed.value("db") == "x")
    }

    @Test func aSingleDashIsAnArgument() throws {
        #expect(try Arguments.parse(["-"], spec: .ingest).positionals == ["-"])
        #expect(try Arguments.parse(["--out", "-"], spec: .form.withoutRequired()).value("out") == "-")
    }

    @Test func optionsNotGivenFallBackToTheirDefaults() throws {
        let report = try run("report --period 2026-Q2")
        #expect(report.value("out") == "reports")
        #expect(report.list("format") == ["md", "html", "docx", "csv", "xlsx"])
        #expect(!report.wasGiven("out"))
        #expect(report.value("db") == nil)
        #expect(try run("status").value("period") == "latest")
        #expect(try run("status --period 2026").wasGiven("period"))
        #expect(try run("demo").value("out") == "demo-out")
    }

    @Test(arguments: [
        ("", Invocation.help(nil)), ("--help", .help(nil)), ("-h", .help(nil)), ("help", .help(nil)),
        ("help report", .help(.report)), ("help --help", .help(.help)), ("--version", .version),
        ("ingest --help", .help(.ingest)), ("report -h", .help(.report)),
        // Help wins anywhere before "--", even over errors in the rest of the line.
        ("report --perod 2026-Q2 --help", .help(.report)), ("form --unit -h", .help(.form)),
        ("ingest a.csv --dry-run -h", .help(.ingest)),
    ])
    func asksForHelp(line: String, expected: Invocation) throws {
        #expect(try invocation(line) == expected)
    }

    // MARK: - Usage errors

    @Test(arguments: [
        // Unknown commands, with the closest one when it is close.
        ("reprot", .unknownCommand, "Unknown command 'reprot'. Did you mean 'report'?"),
        ("statsu", .unknownCommand, "Unknown command 'statsu'. Did you mean 'status'?"),
        ("Ingest a.csv", .unknownCommand, "Unknown command 'Ingest'. Did you mean 'ingest'?"),
        ("publish", .unknownCommand, "Unknown command 'publish'."),
        ("help ingets", .unknownCommand, "Unknown command 'ingets'. Did you mean 'ingest'?"),
        // Unknown options: a typo, a single dash, an option of another command, nothing like it.
        ("report --perod 2026-Q2", .unknownOption, "Unknown option '--perod'. Did you mean '--period'?"),
        ("report --period 2026-Q2 --fromat md", .unknownOption, "Unknown option '--fromat'. Did you mean '--format'?"),
        ("ingest -db x.sqlite a.csv", .unknownOption, "Unknown option '-db'. Did you mean '--db'?"),
        ("ingest a.csv --dryrun", .unknownOption, "Unknown option '--dryrun'. Did you mean '--dry-run'?"),
        ("ingest a.csv --period 2026-Q1", .unknownOption, "'ingest' does not take '--period'; report, status, form and check do."),
        ("check --plan p.json", .unknownOption, "'check' does not take '--plan'; init does."),
        ("check --verbose", .unknownOption, "Unknown option '--verbose'."),
        ("ingest -x a.csv", .unknownOption, "Unknown option '-x'."),
        ("--verison", .unknownOption, "Unknown option '--verison'. Did you mean '--version'?"),
        // Options before the command.
        ("--db x.sqlite status", .missingCommand, "The command goes first: 'hiendien status --db x.sqlite'."),
        ("--as-of 2026-01-01", .missingCommand, "Missing command before '--as-of'."),
        // Required options and values.
        ("report", .missingOption, "Missing required option '--period PERIOD'."),
        ("report --out x", .missingOption, "Missing required option '--period PERIOD'."),
        ("form", .missingOption, "Missing required options '--unit UNIT' and '--period PERIOD'."),
        ("status --db", .missingValue, "Missing value for '--db FILE'."),
        ("status --db --as-of 2026-01-01", .missingValue, "Missing value for '--db FILE'."),
        ("report --period=", .missingValue, "Missing value for '--period PERIOD'."),
        ("init --plan", .missingValue, "Missing value for '--plan PLAN.json'."),
        ("report --period 2026-Q1 --period 2026-Q2", .repeatedOption, "The option '--period' can be given only once."),
        // Flags given values.
        ("ingest a.csv --dry-run=yes", .flagWithValue, "The flag '--dry-run' takes no value, but 'yes' was given."),
        ("status --help=no", .flagWithValue, "The flag '--help' takes no value, but 'no' was given."),
        // Positionals.
        ("check extra.sqlite", .unexpectedArgument, "Unexpected argument 'extra.sqlite'."),
        ("report 2026-Q2 --period 2026-Q2", .unexpectedArgument, "Unexpected argument '2026-Q2'."),
        ("help ingest report", .unexpectedArgument, "Unexpected argument 'report'."),
        ("ingest", .missingArgument, "Missing expected argument 'FILE...'."),
        ("ingest --dry-run --db x", .missingArgument, "Missing expected argument 'FILE...'."),
    ] as [(String, UsageError.Kind, String)])
    func refusesWrongUsageWithAClearMessage(line: String, kind: UsageError.Kind, message: String) throws {
        let error = try #require(usageError(words(line)))
        #expect(error.kind == kind)
        #expect(error.message == message)
    }

    @Test func suggestionsAreAlsoData() throws {
        #expect(usageError(["reprot"])?.suggestion == "report")
        #expect(usageError(["report", "--perod", "x"])?.suggestion == "--period")
        #expect(usageError(["publish"])?.suggestion == nil)
    }

    @Test func anErrorRendersWithTheUsageLineAndWhereToLookFurther() throws {
        let error = try #require(usageError(["report", "--perod", "2026-Q2"]))
        #expect(error.command == "report")
        #expect(error.description == """
            error: Unknown option '--perod'. Did you mean '--period'?
            usage: hiendien report --period PERIOD [--format FORMATS] [--out DIR] [--db FILE] \
            [--templates DIR] [--as-of YYYY-MM-DD]
            See 'hiendien help report' for more.
            """)
        #expect(UsageError.exitCode == 2)

        let unknown = try #require(usageError(["reprot"]))
        #expect(unknown.description == """
            error: Unknown command 'reprot'. Did you mean 'report'?
            usage: hiendien COMMAND [OPTIONS]
            See 'hiendien --help' for more.
            """)
    }

    // MARK: - Specs and help

    @Test(arguments: [
        (CommandSpec.initialize, "hiendien init --plan PLAN.json [--db FILE]"),
        (.ingest, "hiendien ingest FILE... [--db FILE] [--received YYYY-MM-DD] [--dry-run] [--feedback DIR]"),
        (.report, "hiendien report --period PERIOD [--format FORMATS] [--out DIR] [--db FILE] "
            + "[--templates DIR] [--as-of YYYY-MM-DD]"),
        (.status, "hiendien status [--period PERIOD] [--as-of YYYY-MM-DD] [--db FILE] [--letter [FILE|DIR]]"),
        (.form, "hiendien form --unit UNIT --period PERIOD [--db FILE] [--format csv|xlsx] [--out FILE]"),
        (.check, "hiendien check [--period PERIOD] [--as-of YYYY-MM-DD] [--db FILE]"),
        (.demo, "hiendien demo [--out DIR]"),
        (.help, "hiendien help [COMMAND]"),
    ])
    func usageLinesMatchTheContract(spec: CommandSpec, usage: String) {
        #expect(spec.usage == usage)
    }

    @Test(arguments: Arguments.commands)
    func helpShowsUsageOptionsAndAnExampleThatParses(spec: CommandSpec) throws {
        let text = spec.helpText()
        #expect(text.hasPrefix("OVERVIEW: "))
        #expect(text.contains("USAGE: hiendien \(spec.name)"))
        #expect(text.contains("EXAMPLE"))
        for option in spec.options {
            #expect(text.contains("  \(option.synopsis)  "))
        }
        #expect(text.contains("  -h, --help  "))
        for line in text.split(separator: "\n") {
            #expect(line.count <= 80, "\(line)")
        }
        let example = try #require(spec.examples.first)
        #expect(text.contains("  " + example.command + "\n"))

        let argv = Array(words(example.command).dropFirst())
        let result = try Arguments.parseCommandLine(argv)
        switch result {
        case .run(let parsed): #expect(parsed.command == spec.name)
        case .help(let shown): #expect(spec == .help && shown == .ingest)
        case .version: Issue.record("example of \(spec.name) asked for the version")
        }
    }

    @Test func helpTextIsLaidOutInAlignedSections() {
        #expect(CommandSpec.check.helpText() == """
            OVERVIEW: Check the database and its plan for problems, changing nothing.

            USAGE: hiendien check [--period PERIOD] [--as-of YYYY-MM-DD] [--db FILE]

            First the file itself: SQLite's integrity and foreign key checks, and every
            stored day and revision readable. A damaged store is listed problem by problem
            and exits with 3.

            Then the figures: the data checks that the period's report would list in
            data-check.md (a stock that fell, a tenfold jump, a numerator above its
            denominator, a year's report that differs from its quarters), so that they can
            be checked with the units before the report is written and signed. The count is
            given and the first ten are listed; data-check.md, written beside report.md, has
            them all. Data checks are for the analyst and never change the exit code.

            OPTIONS:
              --period PERIOD     The period: 2026-Q2 (a quarter) or 2026 (a year); Q2/2026,
                                  "Quý II/2026" and "Quý II năm 2026" work too. 'latest' is
                                  the most recent period whose reporting window has closed;
                                  after the plan has ended, its last quarter. Default:
                                  latest.
              --as-of YYYY-MM-DD  Count only the reports received by this day, and judge
                                  'latest' as of it, instead of today.
              --db FILE           The database file. Default: hiendien.sqlite in the current
                                  folder, or the file named by the HIENDIEN_DB environment
                                  variable.
              -h, --help          Show this help.

            EXAMPLES:
              hiendien check --db thanh-hoa.sqlite
                  Checks thanh-hoa.sqlite and lists any problems found.
              hiendien check --period 2026-Q2
                  Also lists the figures of the second quarter of 2026 that the report would
                  ask to check.

            """)
        let report = CommandSpec.report.helpText()
        #expect(report.contains("""
            USAGE: hiendien report --period PERIOD [--format FORMATS] [--out DIR]
                                   [--db FILE] [--templates DIR] [--as-of YYYY-MM-DD]
            """))
        #expect(report.contains("  --out DIR           The folder to write into, as DIR/PERIOD/. Default:\n"))
    }

    @Test func overviewListsEveryCommand() {
        let text = Arguments.helpText()
        #expect(text.contains("USAGE: hiendien COMMAND [OPTIONS]"))
        for spec in Arguments.commands {
            #expect(text.contains("  \(spec.name.padding(toLength: 8, withPad: " ", startingAt: 0))\(spec.abstract.prefix(20))"))
        }
        #expect(text.contains("--version"))
        #expect(text.hasSuffix("See 'hiendien help COMMAND' for a command's options and an example.\n"))
    }
}

private extension CommandSpec {
    /// The same command with no option required, to test values on their own.
    func withoutRequired() -> CommandSpec {
        var copy = self
        copy.options = options.map { option in
            var option = option
            option.isRequired = false
            return option
        }
        return copy
    }
}
