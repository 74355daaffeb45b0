import Foundation
import HienDienKit

/// The command-line entry point: argument arrays in, exit code and output out. The executable
/// calls `main`; tests call `run` with a capturing console.
///
/// Exit codes: 0 success; 1 bad input or data (the message names file, line, column and what to
/// do); 2 wrong usage; 3 the store needs attention (`check` found problems); 70 internal failure.
public enum Runner {
    public static let version = "0.1.0"

    public enum ExitCode {
        public static let success: Int32 = 0
        public static let badInput: Int32 = 1
        public static let usage: Int32 = 2
        public static let unhealthyStore: Int32 = 3
        public static let internalFailure: Int32 = 70
    }

    /// What a run may depend on besides its arguments, so tests can pin it.
    public struct Context: Sendable {
        public var environment: [String: String]
        public var currentDirectory: String
        public var executablePath: String
        /// Today; `--as-of` and `--received` default to it.
        public var today: Day

        public init(environment: [String: String], currentDirectory: String, executablePath: String, today: Day) {
            self.environment = environment
            self.currentDirectory = currentDirectory
            self.executablePath = executablePath
            self.today = today
        }
    }

    /// Runs with the process's real streams and surroundings.
    public static func main(arguments: [String], environment: [String: String]) -> Int32 {
        let context = Context(environment: environment, currentDirectory: FileManager.default.currentDirectoryPath,
                              executablePath: Bundle.main.executablePath ?? CommandLine.arguments.first ?? "hiendien",
                              today: today(environment))
        return run(arguments, context: context, console: .standard())
    }

    /// Today, or the day `HIENDIEN_TODAY` names (`YYYY-MM-DD`): a benchmark or a rehearsal on
    /// data dated in the future runs as if on that day. A value that is no day is ignored.
    static func today(_ environment: [String: String]) -> Day {
        environment["HIENDIEN_TODAY"].flatMap { Day(parsing: $0) } ?? .today()
    }

    public static func run(_ arguments: [String], context: Context, console: Console) -> Int32 {
        let (rest, languageOption) = extractLanguage(arguments)
        if languageOption == "" {
            // `--lang` as the last word, without its value.
            let language = Language.resolve(option: nil, environment: context.environment) ?? .vietnamese
            console.err(UsageError(.missingValue, .missingValue("--lang vi|en")).rendered(in: language))
            return ExitCode.usage
        }
        guard let language = Language.resolve(option: languageOption, environment: context.environment) else {
            let fallback = Language.resolve(option: nil, environment: context.environment) ?? .vietnamese
            console.err("\(Message.error.rendered(in: fallback)): \(Message.notALanguage(languageOption ?? "").rendered(in: fallback))")
            return ExitCode.usage
        }
        let invocation: Invocation
        do {
            invocation = try Arguments.parseCommandLine(rest)
        } catch {
            console.err(error.rendered(in: language))
            return ExitCode.usage
        }
        switch invocation {
        case .version:
            console.out("hiendien \(version)")
            return ExitCode.success
        case .help(let spec):
            console.out(spec?.helpText(in: language) ?? Arguments.helpText(in: language))
            return ExitCode.success
        case .run(let parsed):
            return run(parsed, context: context, console: console, language: language)
        }
    }

    /// Runs a command whose arguments are parsed, and turns what it throws into stderr text and an exit code.
    static func run(_ parsed: ParsedArguments, context: Context, console: Console, language: Language) -> Int32 {
        do {
            let commands = Commands(arguments: parsed, context: context, console: console, language: language)
            return try commands.run()
        } catch {
            return report(error, command: parsed.command, console: console, language: language)
        }
    }

    /// `--lang X` or `--lang=X` anywhere before `--`, taken out of the arguments: every command
    /// (and help) speaks the language it names. A `--lang` with nothing after it gives "".
    static func extractLanguage(_ arguments: [String]) -> (rest: [String], language: String?) {
        var rest: [String] = []
        var language: String?
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if argument == "--" {
                rest += arguments[index...]
                break
            }
            if argument == "--lang" {
                language = index + 1 < arguments.count ? arguments[index + 1] : ""
                index += 2
                continue
            }
            if argument.hasPrefix("--lang=") {
                language = String(argument.dropFirst("--lang=".count))
                index += 1
                continue
            }
            rest.append(argument)
            index += 1
        }
        return (rest, language)
    }

    /// The one place where errors become stderr text and an exit code. An input error says what
    /// the command did not do: `ingest` stored nothing from the file, `init` left the store as it
    /// was, `form` and `report` wrote nothing.
    static func report(_ error: any Error, command: String, console: Console, language: Language) -> Int32 {
        let errorWord = Message.error.rendered(in: language)
        switch error {
        case let error as InputError:
            console.err(error.rendered(in: language))
            let files = Set(error.diagnostics.map(\.location.file)).sorted()
            let problems = error.diagnostics.count + error.omitted
            let outcome: Message = switch command {
            case "ingest": .ingestRefused(file: files.joined(separator: ", "), problems: problems, dryRun: false)
            case "init": .planRefused(files: files, problems: problems)
            case "form": .formNotWritten(problems: problems)
            case "report" where error.diagnostics.contains { $0.code == "report.write" }: .reportIncomplete(problems: problems)
            case "report": .reportNotWritten(problems: problems)
            default: .inputRefused(files: files, problems: problems)
            }
            console.err(outcome.rendered(in: language))
            return ExitCode.badInput
        case let error as UsageError:
            console.err(error.rendered(in: language))
            return ExitCode.usage
        case let error as UsageProblem:
            console.err("\(errorWord): \(error.rendered(in: language))")
            return ExitCode.usage
        case let error as StoreError:
            console.err("\(errorWord): \(error.phrase.rendered(in: language))")
            return ExitCode.badInput
        case let error as OutputError:
            console.err(error.diagnostic.rendered(in: language))
            return ExitCode.badInput
        case let error as SQLiteError:
            console.err("\(errorWord): \(Message.storeUnusable(detail: error.phrase.rendered(in: language)).rendered(in: language))")
            console.err("\(Message.hint.rendered(in: language)): \(Message.storeUnusableHint.rendered(in: language))")
            return ExitCode.badInput
        default:
            console.err(Message.internalError(detail: "\(error)").rendered(in: language))
            return ExitCode.internalFailure
        }
    }
}

extension SQLiteError {
    /// What SQLite said, as a catalogue message (without the statement, as `userDescription`).
    var phrase: Message { .sqliteFailure(code: code, message: message) }
}

extension StoreError {
    /// The store's problem as a catalogue message.
    var phrase: Message {
        switch self {
        case .noPlan(let path): .storeHasNoPlan(path: path)
        case let .newerSchema(found, supported, path): .storeNewerSchema(path: path, found: found, supported: supported)
        case let .otherPlan(stored, given, path): .storeHoldsOtherPlan(path: path, stored: stored, given: given)
        case .backupExists(let path): .storeBackupExists(path: path)
        case let .planDropsData(problems, file): .planWouldOrphanData(file: file, problems: problems)
        case .notAStore(let path): .storeNotHienDien(path: path)
        case let .olderSchema(found, supported, path): .storeOlderSchema(path: path, found: found, supported: supported)
        case let .folderNotWritable(path, folder): .storeFolderNotWritable(path: path, folder: folder)
        case let .damagedRow(table, row, column, text, path):
            .storeDamagedRow(path: path, table: table, row: row, column: column, text: text)
        case let .cannotWrite(path, reason): .cannotWrite(path: path, reason: reason)
        }
    }
}
