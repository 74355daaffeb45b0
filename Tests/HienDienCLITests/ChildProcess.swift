import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs the real `hiendien` executable as a child process, for what an in-process run cannot
/// show: being killed, racing another process on the same store, its peak memory.
///
/// Spawned with `posix_spawn` and reaped with `wait4` on its own pid, so no other test's
/// children are touched. Output goes to files
/// in the run's folder, so a chatty child never blocks on a full pipe.
struct ChildProcess {
    struct Outcome {
        /// The exit status, or nil when a signal ended the process.
        var exitCode: Int32?
        /// The signal that ended the process, if one did.
        var signal: Int32?
        var output: String
        var errors: String
        /// Peak resident memory in bytes, when measured (0 otherwise).
        var peakMemory: Int
        var seconds: Double
    }

    let pid: pid_t
    let started: Date
    private let outputPath: String
    private let errorPath: String

    /// The `hiendien` executable: beside the test bundle (both are products of one build), else
    /// `.build/debug/hiendien` in the repository.
    static let executable: String = {
        let bundleFolder = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        let candidates = [
            bundleFolder.appendingPathComponent("hiendien").path,
            RunnerHarness.repository.appendingPathComponent(".build/debug/hiendien").path,
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates[1]
    }()

    /// Starts `hiendien arguments…` (give it absolute paths: it runs in the test's working
    /// directory); its output goes to `<name>.out` and `<name>.err` in `directory`.
    static func start(_ arguments: [String], in directory: URL, name: String = UUID().uuidString) throws -> ChildProcess {
        guard FileManager.default.isExecutableFile(atPath: executable) else {
            throw ChildProcessError(description: "no hiendien executable at \(executable): run `swift build` first")
        }
        let outputPath = directory.appendingPathComponent("\(name).out").path
        let errorPath = directory.appendingPathComponent("\(name).err").path
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, errorPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)

        var environment = ProcessInfo.processInfo.environment
        environment["HIENDIEN_DB"] = nil
        environment["SWIFT_BACKTRACE"] = "enable=no"
        environment["LANG"] = "en_US.UTF-8"
        environment["LC_ALL"] = nil
        environment["LC_MESSAGES"] = nil
        let argv = [executable] + arguments
        let cArguments = argv.map { strdup($0) } + [nil]
        let cEnvironment = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            cArguments.forEach { free($0) }
            cEnvironment.forEach { free($0) }
        }
        var pid = pid_t()
        let started = Date()
        let result = posix_spawn(&pid, executable, &actions, nil, cArguments, cEnvironment)
        guard result == 0 else {
            throw ChildProcessError(description: "cannot start \(executable): \(String(cString: strerror(result)))")
        }
        return ChildProcess(pid: pid, started: started, outputPath: outputPath, errorPath: errorPath)
    }

    /// Runs `hiendien arguments…` to the end.
    static func run(_ arguments: [String], in directory: URL, measuringMemory: Bool = false) throws -> Outcome {
        try start(arguments, in: directory).wait(measuringMemory: measuringMemory)
    }

    /// Sends `SIGKILL`: the process ends at once, with no chance to clean up.
    func kill() {
        _ = Glibc.kill(pid, SIGKILL)
    }

    /// Waits for the process to end and collects what it wrote.
    ///
    /// - Parameter measuringMemory: watch the process's peak resident memory (`VmHWM`) until it
    ///   ends. (`ru_maxrss` will not do: a spawned child starts with its parent's peak.)
    func wait(measuringMemory: Bool = false) throws -> Outcome {
        var peak = 0
        while measuringMemory {
            guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
                  let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") })
            else { break }  // a zombie has no memory left to show
            let kilobytes = Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "") ?? 0
            peak = max(peak, kilobytes * 1024)
            usleep(2_000)
        }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 {
            guard errno == EINTR else { throw ChildProcessError(description: "wait4 failed: \(String(cString: strerror(errno)))") }
        }
        let seconds = Date().timeIntervalSince(started)
        let exitCode: Int32? = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : nil
        let signal: Int32? = (status & 0x7F) != 0 && (status & 0x7F) != 0x7F ? status & 0x7F : nil
        let output = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        let errors = (try? String(contentsOfFile: errorPath, encoding: .utf8)) ?? ""
        try? FileManager.default.removeItem(atPath: outputPath)
        try? FileManager.default.removeItem(atPath: errorPath)
        return Outcome(exitCode: exitCode, signal: signal, output: output, errors: errors, peakMemory: peak, seconds: seconds)
    }
}

struct ChildProcessError: Error, CustomStringConvertible {
    var description: String
}

/// A fresh temporary folder, removed when the test's value goes away.
final class TemporaryFolder {
    let url: URL

    init(_ label: String) throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("hiendien-\(label)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        try Data(text.utf8).write(to: url.appendingPathComponent(name))
        return path(name)
    }
}

/// Plans and report files of any size, made up for tests of scale: `units` communes reporting
/// `indicators` flow indicators over the four quarters of 2026 and the year.
enum GeneratedData {
    static let periods = ["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4", "2026"]

    static func unitID(_ index: Int) -> String { "XA_\(String(format: "%05d", index))" }

    static func plan(units: Int, indicators: Int) -> String {
        var unitLines = [#"{ "id": "SKHCN", "name": "Sở Khoa học và Công nghệ", "type": "department" }"#]
        for index in 0..<units {
            unitLines.append(#"{ "id": "\#(unitID(index))", "name": "Ủy ban nhân dân xã số \#(index)", "type": "commune" }"#)
        }
        let indicatorLines = (0..<indicators).map {
            #"{ "id": "ind_\#($0)", "name": "Chỉ tiêu số \#($0)", "unit": "lượt", "over_time": "sum" }"#
        }
        return """
            { "id": "generated-2026", "title": "Kế hoạch thử tải", "issuer": "Ủy ban nhân dân tỉnh Thử",
              "coordinator": "SKHCN", "place": "Thử", "start": "2026-01-01", "end": "2026-12-31",
              "reporting": { "window": "decree-09", "quarterly_before_day": 20, "annual_before": "12-15" },
              "units": [\(unitLines.joined(separator: ",\n"))],
              "indicators": [\(indicatorLines.joined(separator: ",\n"))],
              "targets": [
                { "id": "total", "name": "Tổng", "kind": "count", "indicator": "ind_0", "goal": 100000, "deadline": "2026-12-31" }
              ],
              "tasks": [] }
            """
    }

    /// A long-form CSV: one row per unit in `unitRange`, period and indicator; the value mixes
    /// `seed` in, so that two files over the same units differ.
    static func longCSV(units unitRange: Range<Int>, indicators: Int, seed: Int = 0) -> String {
        var text = "unit,period,indicator,value,note\n"
        text.reserveCapacity(unitRange.count * periods.count * indicators * 32)
        for unit in unitRange {
            let id = unitID(unit)
            for period in periods {
                for indicator in 0..<indicators {
                    text += "\(id),\(period),ind_\(indicator),\((unit * 31 + indicator * 7 + seed) % 1000),\n"
                }
            }
        }
        return text
    }

    static func rows(units: Int, indicators: Int) -> Int { units * periods.count * indicators }
}
