import Foundation

/// A program some tests need beyond Swift (headless Chromium, poppler's `pdftotext`,
/// LibreOffice's `soffice`), found on `PATH`. `.ci/run` installs them with apt when they are
/// missing; on a machine without one, the tests that need it are skipped and say which
/// package brings it.
struct ExternalTool: Sendable {
    /// The command's name on `PATH`.
    let command: String
    /// The Debian package that provides it.
    let package: String

    static let chromium = ExternalTool(command: "chromium", package: "chromium")
    static let pdftotext = ExternalTool(command: "pdftotext", package: "poppler-utils")
    static let pdfinfo = ExternalTool(command: "pdfinfo", package: "poppler-utils")
    static let soffice = ExternalTool(command: "soffice", package: "libreoffice-calc libreoffice-writer")

    /// The executable's full path, or nil when it is not installed.
    var path: String? {
        let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin")
            .split(separator: ":").map(String.init)
        return folders.lazy
            .map { URL(fileURLWithPath: $0).appendingPathComponent(command).path }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    var isInstalled: Bool { path != nil }

    /// Why a test that needs this tool was skipped.
    var skipReason: String {
        "needs `\(command)` (Debian package \(package)); .ci/run installs it, swift test skips this without it"
    }

    /// Runs the tool with `arguments` and returns what it wrote to standard output (standard
    /// error is dropped); throws when the tool is not installed.
    @discardableResult
    func run(_ arguments: [String]) throws -> String {
        guard let path else { throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: command]) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
