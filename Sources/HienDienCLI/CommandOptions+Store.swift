import Foundation
import HienDienKit

// The options of `init`, `ingest`, `check` and `demo`, read and checked once, in one place, into
// typed values, as `CommandOptions.swift` does for `report`, `status` and `form`. Paths stay as
// written (messages show them so); `Commands.absolute(_:)` makes them absolute where they are used.

/// `--db FILE`, as written; nil when not given (then `HIENDIEN_DB`, then `hiendien.sqlite`).
struct StoreOption: Equatable {
    var given: String?

    init(_ arguments: ParsedArguments) {
        given = arguments.value("db")
    }

    /// The store's path: `--db`, else `HIENDIEN_DB`, else `hiendien.sqlite`, relative to `directory`.
    func path(environment: [String: String], directory: String) -> String {
        let path = given ?? environment["HIENDIEN_DB"] ?? "hiendien.sqlite"
        return path.hasPrefix("/") ? path : (directory as NSString).appendingPathComponent(path)
    }
}

/// `hiendien init`'s options.
struct InitOptions {
    /// `--plan`: the plan file, as written (messages name it so).
    var plan: String
    var store: StoreOption

    init(_ arguments: ParsedArguments) throws {
        plan = try arguments.required("plan")
        store = StoreOption(arguments)
    }
}

/// `hiendien ingest`'s options. (`IngestOptions` is the library's: what every file of a run is
/// ingested with; `options(today:)` makes it.)
struct IngestCommandOptions {
    /// The files and folders to ingest, as written; at least one.
    var files: [String]
    /// `--received`; nil for the report's own date, else today.
    var received: Day?
    /// `--dry-run`: check, store nothing (the store is opened for reading only).
    var dryRun: Bool
    /// `--feedback`: the folder for notes on refused files; nil for none.
    var feedback: String?
    var store: StoreOption

    init(_ arguments: ParsedArguments) throws {
        files = arguments.positionals
        if files.isEmpty {
            // The parser refuses `ingest` without a file; arguments built another way get its words.
            throw UsageError(.missingArgument, .missingArgument("FILE..."), command: arguments.command)
        }
        received = try arguments.day("received")
        dryRun = arguments.flag("dry-run")
        feedback = arguments.value("feedback")
        store = StoreOption(arguments)
    }

    /// The library's options for every file of the run.
    func options(today: Day) -> IngestOptions {
        IngestOptions(received: received, today: today, dryRun: dryRun)
    }
}

/// `hiendien check`'s options.
struct CheckOptions {
    /// `--period`, as written; `latest` when not given.
    var period: String
    /// Whether `--period` was given: a period that cannot be resolved is then a usage error,
    /// whereas a `latest` that does not exist yet (no quarter has closed) only skips the data checks.
    var periodGiven: Bool
    /// `--as-of`; nil for today.
    var asOf: Day?
    var store: StoreOption

    init(_ arguments: ParsedArguments) throws {
        period = arguments.value("period") ?? "latest"
        periodGiven = arguments.wasGiven("period")
        asOf = try arguments.day("as-of")
        store = StoreOption(arguments)
    }
}

/// `hiendien demo`'s options.
struct DemoOptions {
    /// `--out`: the folder the demo works in, as written.
    var out: String

    init(_ arguments: ParsedArguments) {
        out = arguments.value("out") ?? "demo-out"
    }
}
