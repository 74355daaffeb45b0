import Foundation

/// LibreOffice headless, for the office-format tests: converts files the way an office would
/// re-save them. Each call has a profile of its own, so parallel tests and other users'
/// LibreOffice windows never share one (LibreOffice refuses to start on a profile in use).
enum LibreOffice {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Runs `soffice --headless --convert-to <target> [--infilter=<filter>] files… --outdir <folder>`.
    static func convert(_ files: [String], to target: String, filter: String? = nil, outDirectory: String) throws {
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("hiendien-lo-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: profile) }
        var arguments = ["-env:UserInstallation=\(profile.absoluteString)", "--headless", "--norestore", "--convert-to", target]
        if let filter { arguments.append("--infilter=\(filter)") }
        arguments += files + ["--outdir", outDirectory]
        let process = Process()
        process.executableURL = URL(fileURLWithPath: ExternalTool.soffice.path!)
        process.arguments = arguments
        let log = profile.appendingPathExtension("log")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: log) }
        let handle = try FileHandle(forWritingTo: log)
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        let deadline = Date().addingTimeInterval(240)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.1) }
        if process.isRunning {
            process.terminate()
            throw Failure(description: "soffice did not finish converting \(files) within 240 s")
        }
        let output = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        guard process.terminationStatus == 0 else {
            throw Failure(description: "soffice exited \(process.terminationStatus): \(output)")
        }
        for file in files {
            let produced = URL(fileURLWithPath: outDirectory).appendingPathComponent(
                URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent + "." + target.split(separator: ":")[0])
            guard FileManager.default.fileExists(atPath: produced.path) else {
                throw Failure(description: "soffice wrote no \(produced.lastPathComponent): \(output)")
            }
        }
    }
}
