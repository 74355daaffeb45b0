import Foundation
import Testing
@testable import HienDienCLI
@testable import HienDienKit

/// The refactors of the store and the engine change no output: every file the demo writes
/// (reports in every format, machine tables, data checks) and what `status` prints for each
/// of the demo's periods are compared, byte for byte through their SHA-256, with a recorded
/// manifest. A change of output on purpose is re-recorded with
/// `HIENDIEN_RECORD_GOLDEN=1 swift test --filter DemoGoldenTests`, and the diff of the
/// manifest shows, in review, which files it changed.
struct DemoGoldenTests {
    static let manifest = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/demo-golden.txt")

    /// `path  sha256` for every file the demo wrote (the stores excepted: SQLite pages carry
    /// no promise of layout) and for `status` of every period folder, in path order.
    static func currentManifest() throws -> String {
        let folder = DemoReportTests.demo.folder
        let files = FileManager.default
        guard let walker = files.enumerator(atPath: folder.path) else { throw CocoaError(.fileReadUnknown) }
        var lines: [String] = []
        var periods: [(store: String, period: String)] = []
        for case let relative as String in walker {
            let path = folder.appendingPathComponent(relative).path
            var isFolder: ObjCBool = false
            guard files.fileExists(atPath: path, isDirectory: &isFolder) else { continue }
            if isFolder.boolValue {
                let name = (relative as NSString).lastPathComponent
                if name.first?.isNumber == true {
                    let store = folder.appendingPathComponent((relative as NSString).deletingLastPathComponent)
                        .appendingPathComponent("hiendien.sqlite").path
                    periods.append((store, name))
                }
                continue
            }
            if relative.contains(".sqlite") { continue }
            lines.append("\(relative)  \(try SHA256.hex(ofFileAt: path, label: relative))")
        }
        for (store, period) in periods {
            let cli = try RunnerHarness()
            let result = cli.run("status", "--db", store, "--period", period, "--as-of", "2026-11-23")
            var digest = SHA256()
            digest.update(Array("\(result.code)\n\(result.output)\(result.errors)".utf8))
            let planFolder = ((store as NSString).deletingLastPathComponent as NSString).lastPathComponent
            lines.append("status \(planFolder) \(period)  \(digest.finalize())")
        }
        return lines.sorted().joined(separator: "\n") + "\n"
    }

    @Test func demoOutputMatchesTheRecordedManifest() throws {
        let current = try Self.currentManifest()
        if ProcessInfo.processInfo.environment["HIENDIEN_RECORD_GOLDEN"] == "1" {
            try Data(current.utf8).write(to: Self.manifest)
        }
        let recorded = try String(contentsOf: Self.manifest, encoding: .utf8)
        let was = Dictionary(recorded.split(separator: "\n").map { line -> (String, String) in
            let parts = line.components(separatedBy: "  ")
            return (parts[0], parts.last ?? "")
        }, uniquingKeysWith: { first, _ in first })
        let now = current.split(separator: "\n").map { $0.components(separatedBy: "  ") }
        #expect(now.count > 200, "the demo should write every period's files")
        for parts in now {
            #expect(was[parts[0]] == parts.last, "\(parts[0]) differs from the recorded output")
        }
        #expect(Set(was.keys) == Set(now.map { $0[0] }), "the demo wrote a different set of files")
    }
}
