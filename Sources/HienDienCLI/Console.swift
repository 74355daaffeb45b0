#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Synchronization

/// Where the runner writes: results to `out` (stdout), messages to `err` (stderr).
/// Tests pass a capturing console; the executable passes the real streams.
///
/// `ingest` hands it to the ingester's `@Sendable` progress callback, so it is `Sendable`, checked
/// by the compiler: what it captures sits behind a mutex, and writes to the real streams take the
/// same mutex so that a progress line never cuts through a message.
public final class Console: Sendable {
    /// What a capturing console has been given so far.
    private struct Captured {
        var output = ""
        var errors = ""
    }

    private let captured = Mutex(Captured())
    private let capture: Bool
    /// Whether stderr is a terminal (progress lines are only drawn there).
    public let errorIsTerminal: Bool

    /// Everything written to `out`, when capturing.
    public var output: String { captured.withLock { $0.output } }
    /// Everything written to `err`, when capturing.
    public var errors: String { captured.withLock { $0.errors } }

    /// A console that keeps everything in memory (for tests).
    public static func capturing() -> Console { Console(capture: true, errorIsTerminal: false) }

    /// The process's real stdout and stderr.
    public static func standard() -> Console { Console(capture: false, errorIsTerminal: isatty(2) == 1) }

    private init(capture: Bool, errorIsTerminal: Bool) {
        self.capture = capture
        self.errorIsTerminal = errorIsTerminal
    }

    public func out(_ text: String) {
        captured.withLock { captured in
            if capture { captured.output += text + "\n" } else { Console.write(1, text + "\n") }
        }
    }

    public func err(_ text: String) {
        captured.withLock { captured in
            if capture { captured.errors += text + "\n" } else { Console.write(2, text + "\n") }
        }
    }

    /// A progress line that rewrites itself on a terminal.
    public func progress(_ text: String) {
        guard errorIsTerminal, !capture else { return }
        captured.withLock { _ in Console.write(2, "\r\u{1B}[K" + text) }
    }

    public func endProgress() {
        guard errorIsTerminal, !capture else { return }
        captured.withLock { _ in Console.write(2, "\r\u{1B}[K") }
    }

    /// Writes `text` to the descriptor `fd` whole; a closed or full stream loses the text quietly,
    /// as a terminal that went away cannot be told anything more.
    private static func write(_ fd: Int32, _ text: String) {
        let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: false)
        try? handle.write(contentsOf: Data(text.utf8))
    }
}
