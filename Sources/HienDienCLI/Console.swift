#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where the runner writes: results to `out` (stdout), messages to `err` (stderr).
/// Tests pass a capturing console; the executable passes the real streams.
public final class Console: @unchecked Sendable {
    public private(set) var output = ""
    public private(set) var errors = ""
    private let capture: Bool
    /// Whether stderr is a terminal (progress lines are only drawn there).
    public let errorIsTerminal: Bool

    /// A console that keeps everything in memory (for tests).
    public static func capturing() -> Console { Console(capture: true, errorIsTerminal: false) }

    /// The process's real stdout and stderr.
    public static func standard() -> Console { Console(capture: false, errorIsTerminal: isatty(2) == 1) }

    private init(capture: Bool, errorIsTerminal: Bool) {
        self.capture = capture
        self.errorIsTerminal = errorIsTerminal
    }

    public func out(_ text: String) {
        if capture { output += text + "\n" } else { write(1, text + "\n") }
    }

    public func err(_ text: String) {
        if capture { errors += text + "\n" } else { write(2, text + "\n") }
    }

    /// A progress line that rewrites itself on a terminal.
    public func progress(_ text: String) {
        guard errorIsTerminal, !capture else { return }
        write(2, "\r\u{1B}[K" + text)
    }

    public func endProgress() {
        guard errorIsTerminal, !capture else { return }
        write(2, "\r\u{1B}[K")
    }

    private func write(_ fd: Int32, _ text: String) {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeMutableBytes { Glibc.write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if n <= 0 { break }
            offset += n
        }
    }
}
