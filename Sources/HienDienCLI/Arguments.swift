import Foundation
import HienDienKit

// MARK: - Specs

/// One option of a command: `--db FILE`, or a flag such as `--dry-run`.
public struct OptionSpec: Hashable, Sendable {
    /// The long name without its dashes: `db` for `--db`.
    public var name: String
    /// What the value is called in help (`FILE`, `YYYY-MM-DD`); nil for a flag.
    public var valueName: String?
    /// One or two sentences for the options table.
    public var help: String
    /// The command refuses to run without it.
    public var isRequired: Bool
    /// It may be given more than once; otherwise a second time is a usage error.
    public var isRepeatable: Bool
    /// The value used when the option is not given, shown in help as "(default: …)".
    public var defaultValue: String?
    /// The value used when the option is given without one (`--letter` alone); nil when a value is required.
    public var bareValue: String?

    /// An option that takes a value.
    public static func option(
        _ name: String, value valueName: String, help: String,
        required: Bool = false, repeatable: Bool = false, default defaultValue: String? = nil
    ) -> OptionSpec {
        OptionSpec(name: name, valueName: valueName, help: help, isRequired: required,
                   isRepeatable: repeatable, defaultValue: defaultValue)
    }

    /// An option whose value may be left out (`--letter` or `--letter FILE`), taking `bare` then.
    public static func option(_ name: String, optionalValue valueName: String, bare: String, help: String) -> OptionSpec {
        OptionSpec(name: name, valueName: valueName, help: help, isRequired: false, isRepeatable: false,
                   defaultValue: nil, bareValue: bare)
    }

    /// An option that takes no value: present or not.
    public static func flag(_ name: String, help: String) -> OptionSpec {
        OptionSpec(name: name, valueName: nil, help: help, isRequired: false, isRepeatable: true, defaultValue: nil)
    }

    public var isFlag: Bool { valueName == nil }

    /// `--db FILE` or `--dry-run`, as usage lines and messages show it.
    public var synopsis: String {
        guard let valueName else { return "--\(name)" }
        return bareValue == nil ? "--\(name) \(valueName)" : "--\(name) [\(valueName)]"
    }
}

/// An argument given by position rather than by name, such as the files to ingest.
public struct PositionalSpec: Hashable, Sendable {
    /// What it is called in help: `FILE`, `COMMAND`.
    public var name: String
    public var help: String
    public var isRequired: Bool
    /// It takes every remaining argument (`FILE...`); only the last positional may.
    public var isRepeatable: Bool

    public init(_ name: String, help: String, required: Bool = true, repeatable: Bool = false) {
        self.name = name
        self.help = help
        self.isRequired = required
        self.isRepeatable = repeatable
    }

    /// `FILE...`, `COMMAND` or `[COMMAND]`.
    public var synopsis: String {
        let text = isRepeatable ? "\(name)..." : name
        return isRequired ? text : "[\(text)]"
    }
}

/// A command, declared: its name, what it is for, and the arguments it takes.
///
/// The parser reads argument lists against it and `helpText()` renders its help, so the two
/// can never disagree.
public struct CommandSpec: Hashable, Sendable {
    /// A command line that shows the command at work, and what it does.
    public struct Example: Hashable, Sendable {
        public var command: String
        public var explanation: String

        public init(_ command: String, _ explanation: String) {
            self.command = command
            self.explanation = explanation
        }
    }

    /// The word after `hiendien`: `ingest`.
    public var name: String
    /// One line: what the command does.
    public var abstract: String
    /// More about it, in paragraphs separated by blank lines; may be empty.
    public var discussion: String
    public var positionals: [PositionalSpec]
    public var options: [OptionSpec]
    public var examples: [Example]

    public init(
        name: String, abstract: String, discussion: String = "",
        positionals: [PositionalSpec] = [], options: [OptionSpec] = [], examples: [Example] = []
    ) {
        self.name = name
        self.abstract = abstract
        self.discussion = discussion
        self.positionals = positionals
        self.options = options
        self.examples = examples
    }

    /// `hiendien ingest FILE... [--db FILE] [--received YYYY-MM-DD] [--dry-run]`.
    public var usage: String {
        ([Arguments.programName, name] + usageParts).joined(separator: " ")
    }

    /// The words of the usage line after the command's name.
    var usageParts: [String] {
        let positionals = positionals.map(\.synopsis)
        let options = options.map { option in
            let text = option.isRepeatable && !option.isFlag ? "\(option.synopsis) ..." : option.synopsis
            return option.isRequired ? text : "[\(text)]"
        }
        return positionals + options
    }

    /// The option called `name` (without dashes), if the command has it.
    public func option(named name: String) -> OptionSpec? {
        options.first { $0.name == name }
    }
}

// MARK: - Results

/// What a command's arguments said, by name.
public struct ParsedArguments: Hashable, Sendable {
    /// The command's name.
    public var command: String
    /// Positional arguments in order (for `ingest`, the files).
    public var positionals: [String]
    /// The values of options that were given, by name without dashes, in the order given.
    public var values: [String: [String]]
    /// The flags that were given, by name without dashes.
    public var flags: Set<String>
    /// `-h` or `--help` was among the arguments: show the command's help and do nothing else.
    /// Nothing else is checked then, so the other fields may be incomplete.
    public var isHelpRequested: Bool
    /// The spec's defaults, for options that have one.
    public var defaults: [String: String]

    public init(
        command: String, positionals: [String] = [], values: [String: [String]] = [:],
        flags: Set<String> = [], isHelpRequested: Bool = false, defaults: [String: String] = [:]
    ) {
        self.command = command
        self.positionals = positionals
        self.values = values
        self.flags = flags
        self.isHelpRequested = isHelpRequested
        self.defaults = defaults
    }

    /// The option's value — the last one given — or its default.
    public func value(_ name: String) -> String? {
        values[name]?.last ?? defaults[name]
    }

    /// The value of an option the command cannot run without.
    ///
    /// The parser already refuses a command line that lacks it; arguments built another way get
    /// the same usage error (exit 2) instead of a crash.
    public func required(_ name: String) throws(UsageError) -> String {
        if let value = value(name) { return value }
        let synopsis = Arguments.command(named: command)?.option(named: name)?.synopsis ?? "--\(name)"
        throw UsageError(.missingOption, .missingOptions([synopsis]), command: command)
    }

    /// Every value given for a repeatable option, in order; the default when none was given.
    public func allValues(_ name: String) -> [String] {
        values[name] ?? defaults[name].map { [$0] } ?? []
    }

    /// The values as a list, split at commas and trimmed: `--format md,html` gives
    /// `["md", "html"]`, as does `--format md --format html` for a repeatable option.
    public func list(_ name: String) -> [String] {
        allValues(name).flatMap { $0.split(separator: ",") }
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
    }

    /// Whether the flag was given.
    public func flag(_ name: String) -> Bool {
        flags.contains(name)
    }

    /// Whether the option or flag was given, as opposed to defaulted.
    public func wasGiven(_ name: String) -> Bool {
        values[name] != nil || flags.contains(name)
    }
}

/// What the whole command line asks for.
public enum Invocation: Hashable, Sendable {
    /// Run a command with these arguments.
    case run(ParsedArguments)
    /// Print help: a command's, or the overview of every command when nil.
    case help(CommandSpec?)
    /// Print the version.
    case version
}

/// The command line was used wrongly: the message says how, and the usage line shows the right way.
///
/// The runner prints `description` on stderr and exits with `exitCode` (2).
public struct UsageError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Kind: Hashable, Sendable {
        case missingCommand, unknownCommand, unknownOption, missingOption, missingValue
        case flagWithValue, repeatedOption, unexpectedArgument, missingArgument
    }

    public var kind: Kind
    /// One or two sentences, ending with "Did you mean '…'?" when there is a close match.
    public var phrase: Message
    /// The sentence in English.
    public var message: String { phrase.rendered(in: .english) }
    /// The command, option or flag the user probably meant (`--period`, `report`).
    public var suggestion: String?
    /// The command the error is about; nil for the program as a whole.
    public var command: String?

    public static let exitCode: Int32 = 2

    public init(_ kind: Kind, _ phrase: Message, suggestion: String? = nil, command: String? = nil) {
        self.kind = kind
        self.phrase = phrase
        self.suggestion = suggestion
        self.command = command
    }

    /// The usage line of the command, or of the program.
    public var usage: String {
        if let command, let spec = Arguments.command(named: command) { return spec.usage }
        return "\(Arguments.programName) COMMAND [OPTIONS]"
    }

    /// `error: …`, the usage line, and where to find more.
    public var description: String { rendered(in: .english) }

    /// `lỗi: …` / `error: …`, the usage line, and where to find more, in `language`.
    public func rendered(in language: Language) -> String {
        let more = command.map { "\(Arguments.programName) help \($0)" } ?? "\(Arguments.programName) --help"
        return "\(Message.error.rendered(in: language)): \(phrase.rendered(in: language))\n"
            + "\(Message.usageLine(usage).rendered(in: language))\n\(Message.seeHelp(more).rendered(in: language))"
    }
}

// MARK: - Parsing

/// The hand-written command-line parser: argument lists in, `Invocation`s or `UsageError`s out.
public enum Arguments {
    public static let programName = "hiendien"

    /// Every command, in the order help lists them.
    public static let commands: [CommandSpec] = [
        .initialize, .ingest, .report, .status, .form, .check, .demo, .help,
    ]

    /// The command called `name`, exactly.
    public static func command(named name: String) -> CommandSpec? {
        commands.first { $0.name == name }
    }

    /// Reads a whole command line (without the program's name).
    ///
    /// `hiendien`, `hiendien --help` and `hiendien help` ask for the overview; `hiendien help
    /// COMMAND` and `-h`/`--help` anywhere after a command ask for that command's help.
    public static func parseCommandLine(_ argv: [String]) throws(UsageError) -> Invocation {
        guard let first = argv.first else { return .help(nil) }
        switch first {
        case "-h", "--help":
            return .help(nil)
        case "--version":
            return .version
        case CommandSpec.help.name:
            let parsed = try parse(Array(argv.dropFirst()), spec: .help)
            if parsed.isHelpRequested { return .help(.help) }
            guard let name = parsed.positionals.first else { return .help(nil) }
            return .help(try command(called: name))
        default:
            if first.hasPrefix("-") { throw misplacedOption(first, in: argv) }
            let spec = try command(called: first)
            let parsed = try parse(Array(argv.dropFirst()), spec: spec)
            return parsed.isHelpRequested ? .help(spec) : .run(parsed)
        }
    }

    /// Reads a command's arguments (those after its name) against its spec.
    ///
    /// Accepts `--option value`, `--option=value`, flags, positionals anywhere, and `--` to end
    /// options (everything after it is positional). `-h` or `--help` before `--` returns at
    /// once with `isHelpRequested` set.
    public static func parse(_ argv: [String], spec: CommandSpec) throws(UsageError) -> ParsedArguments {
        var result = ParsedArguments(
            command: spec.name,
            defaults: Dictionary(uniqueKeysWithValues: spec.options.compactMap { option in
                option.defaultValue.map { (option.name, $0) }
            }))
        for argument in argv {
            if argument == "--" { break }
            if argument == "-h" || argument == "--help" {
                result.isHelpRequested = true
                return result
            }
        }

        var positionals: [String] = []
        var index = 0
        var optionsEnded = false
        while index < argv.count {
            let argument = argv[index]
            index += 1
            if optionsEnded || argument == "-" || !argument.hasPrefix("-") {
                positionals.append(argument)
                continue
            }
            if argument == "--" {
                optionsEnded = true
                continue
            }

            let (name, inlineValue) = split(argument)
            guard argument.hasPrefix("--"), let option = spec.option(named: name) ?? helpFlag(named: name) else {
                throw unknownOption(argument, name: name, in: spec)
            }
            if option.isFlag {
                if let inlineValue {
                    throw UsageError(
                        .flagWithValue, .flagTakesNoValue(flag: option.name, value: inlineValue), command: spec.name)
                }
                result.flags.insert(option.name)
                continue
            }

            var value = inlineValue
            if value == nil, index < argv.count, !argv[index].hasPrefix("--") {
                value = argv[index]
                index += 1
            }
            if value == nil, let bare = option.bareValue { value = bare }
            guard let value, !value.isEmpty else {
                throw UsageError(.missingValue, .missingValue(option.synopsis), command: spec.name)
            }
            if result.values[option.name] != nil, !option.isRepeatable {
                throw UsageError(.repeatedOption, .optionGivenTwice(option.name), command: spec.name)
            }
            result.values[option.name, default: []].append(value)
        }

        result.positionals = try checkPositionals(positionals, of: spec)
        let missing = spec.options.filter { $0.isRequired && result.values[$0.name] == nil }
        if !missing.isEmpty {
            throw UsageError(.missingOption, .missingOptions(missing.map(\.synopsis)), command: spec.name)
        }
        return result
    }

    // MARK: - Helpers

    /// `--name=value` into its name and value; `--name` into its name and nil.
    private static func split(_ argument: String) -> (name: String, value: String?) {
        let body = argument.drop { $0 == "-" }
        guard let equals = body.firstIndex(of: "=") else { return (String(body), nil) }
        return (String(body[..<equals]), String(body[body.index(after: equals)...]))
    }

    /// `--help` as an option every command has, so that `--help=x` is a flag given a value.
    private static func helpFlag(named name: String) -> OptionSpec? {
        name == "help" ? .flag("help", help: "Show this help.") : nil
    }

    private static func checkPositionals(_ values: [String], of spec: CommandSpec) throws(UsageError) -> [String] {
        var remaining = values[...]
        for positional in spec.positionals {
            if positional.isRepeatable {
                if remaining.isEmpty, positional.isRequired { throw missingArgument(positional, in: spec) }
                remaining.removeAll()
            } else if remaining.popFirst() == nil, positional.isRequired {
                throw missingArgument(positional, in: spec)
            }
        }
        if let extra = remaining.first {
            throw UsageError(.unexpectedArgument, .unexpectedArgument(extra), command: spec.name)
        }
        return values
    }

    private static func missingArgument(_ positional: PositionalSpec, in spec: CommandSpec) -> UsageError {
        let name = positional.isRepeatable ? "\(positional.name)..." : positional.name
        return UsageError(.missingArgument, .missingArgument(name), command: spec.name)
    }

    /// The spec for `name`, or an error suggesting the closest command.
    private static func command(called name: String) throws(UsageError) -> CommandSpec {
        if let spec = command(named: name) { return spec }
        let suggestion = EditDistance.closest(
            to: name.lowercased(), among: commands.map(\.name), limit: EditDistance.typoLimit(for: name))
        throw UsageError(.unknownCommand, .unknownCommand(name, suggestion: suggestion), suggestion: suggestion)
    }

    /// An option the command does not have: a close one of its own, or the commands that take it.
    private static func unknownOption(_ argument: String, name: String, in spec: CommandSpec) -> UsageError {
        let names = spec.options.map(\.name) + ["help"]
        if let close = EditDistance.closest(to: name, among: names, limit: EditDistance.typoLimit(for: name)) {
            return UsageError(
                .unknownOption, .unknownOption(argument, suggestion: "--\(close)"), suggestion: "--\(close)", command: spec.name)
        }
        let owners = commands.filter { $0.option(named: name) != nil }.map(\.name)
        if argument.hasPrefix("--"), !owners.isEmpty {
            return UsageError(
                .unknownOption, .optionOfOtherCommands(option: argument, command: spec.name, owners: owners), command: spec.name)
        }
        return UsageError(.unknownOption, .unknownOption(argument, suggestion: nil), command: spec.name)
    }

    /// An option before any command: `hiendien --db x status`, or a typo of `--help`/`--version`.
    private static func misplacedOption(_ argument: String, in argv: [String]) -> UsageError {
        let (name, _) = split(argument)
        if let close = EditDistance.closest(
            to: name, among: ["help", "version"], limit: EditDistance.typoLimit(for: name)) {
            return UsageError(.unknownOption, .unknownOption(argument, suggestion: "--\(close)"), suggestion: "--\(close)")
        }
        if let position = argv.firstIndex(where: { command(named: $0) != nil }) {
            let reordered = [argv[position]] + argv[..<position] + argv[(position + 1)...]
            let line = ([programName] + reordered).joined(separator: " ")
            return UsageError(.missingCommand, .commandGoesFirst(line: line), suggestion: argv[position])
        }
        return UsageError(.missingCommand, .missingCommandBefore(argument))
    }
}
