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
                              today: .today())
        return run(arguments, context: context, console: .standard())
    }

    public static func run(_ arguments: [String], context: Context, console: Console) -> Int32 {
        let invocation: Invocation
        do {
            invocation = try Arguments.parseCommandLine(arguments)
        } catch {
            console.err(error.description)
            return ExitCode.usage
        }
        switch invocation {
        case .version:
            console.out("hiendien \(version)")
            return ExitCode.success
        case .help(let spec):
            console.out(spec?.helpText() ?? Arguments.helpText())
            return ExitCode.success
        case .run(let parsed):
            do {
                let commands = Commands(arguments: parsed, context: context, console: console)
                return try commands.run()
            } catch {
                return report(error, console: console)
            }
        }
    }

    /// The one place where errors become stderr text and an exit code.
    static func report(_ error: any Error, console: Console) -> Int32 {
        switch error {
        case let error as InputError:
            console.err(error.description)
            let files = Set(error.diagnostics.map(\.location.file))
            console.err("refused: \(files.sorted().joined(separator: ", ")) (\(error.diagnostics.count + error.omitted) problem(s)); nothing was stored from it.")
            return ExitCode.badInput
        case let error as UsageProblem:
            console.err("error: \(error.description)")
            return ExitCode.usage
        case let error as StoreError:
            console.err("error: \(error.description)")
            return ExitCode.badInput
        case let error as OutputError:
            console.err("error: \(error.description)")
            return ExitCode.badInput
        case let error as SQLiteError:
            console.err("error: the store could not be used: \(error.userDescription)")
            console.err("hint: check that --db names a hiendien store (not another file) and that the disk is not full; `hiendien check` tests its health.")
            return ExitCode.badInput
        default:
            console.err("internal error: \(error)")
            return ExitCode.internalFailure
        }
    }
}
