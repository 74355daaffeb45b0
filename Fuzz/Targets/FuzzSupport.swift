// Shared by every fuzz target: compiled into each target's executable beside its own file.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
@testable import HienDienKit

enum FuzzSupport {
    /// The repository root, from this file's path at build time: `Fuzz/Targets/FuzzSupport.swift`.
    static let repository: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    /// A private folder for the files the ingester reads (it reads from paths, not memory).
    static let scratchDirectory: String = {
        var template = Array((NSTemporaryDirectory() + "/hiendien-fuzz-XXXXXX").utf8CString)
        let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        precondition(made != nil, "cannot create a scratch folder")
        return String(cString: template)
    }()

    /// Writes `bytes` to `name` in the scratch folder, replacing it, and returns its path.
    static func write(_ bytes: UnsafeBufferPointer<UInt8>, named name: String) -> String {
        let path = scratchDirectory + "/" + name
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        precondition(fd >= 0, "cannot write \(path)")
        var offset = 0
        while offset < bytes.count {
            let n = Glibc.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
            precondition(n > 0 || errno == EINTR, "cannot write \(path)")
            if n > 0 { offset += n }
        }
        close(fd)
        return path
    }

    /// The fixture plan the report targets ingest against.
    static let plan: Plan = {
        let path = repository + "/Tests/HienDienKitTests/Fixtures/plans/thu-2026.json"
        do { return try Plan.load(path: path, label: "thu-2026.json") } catch { fatalError("fixture plan: \(error)") }
    }()

    /// An in-memory store holding the fixture plan; fuzz inputs are only ever dry-run against it.
    static let store: Store = {
        do {
            let store = try Store(path: ":memory:")
            let path = repository + "/Tests/HienDienKitTests/Fixtures/plans/thu-2026.json"
            try store.load(plan: plan, json: String(decoding: try FileBytes.read(path: path), as: UTF8.self), file: "thu-2026.json")
            return store
        } catch {
            fatalError("fixture store: \(error)")
        }
    }()

    static let today = Day(year: 2026, month: 11, day: 23)!

    /// Made once: building its unit matcher costs more than most inputs take to read.
    static let ingester = ReportIngester(plan: plan, store: store)

    /// The same, without the byte-level shortcut for common CSV rows.
    static let fullRulesIngester: ReportIngester = {
        let ingester = ReportIngester(plan: plan, store: store)
        ingester.usesRowShortcut = false
        return ingester
    }()

    /// Ingests the file at `path` as a dry run and checks that nothing was stored; with
    /// `compareShortcut`, also that the CSV row shortcut changes no outcome (what would be
    /// stored, every problem and warning).
    static func dryRunIngest(path: String, label: String, compareShortcut: Bool = false) {
        let options = IngestOptions(today: today, dryRun: true)
        let outcome = dryRunOutcome(ingester, path: path, label: label, options: options)
        let stored = (try? store.periodsWithSubmissions()) ?? []
        check(stored.isEmpty, "a dry run stored submissions for \(stored)")
        if compareShortcut {
            let full = dryRunOutcome(fullRulesIngester, path: path, label: label, options: options)
            check(outcome == full, "the row shortcut changed the outcome:\n\(outcome)\nfull rules:\n\(full)")
        }
    }

    private static func dryRunOutcome(_ ingester: ReportIngester, path: String, label: String, options: IngestOptions) -> String {
        do {
            let summary = try ingester.ingest(path: path, label: label, options: options)
            return "\(summary.values) \(summary.withdrawn) \(summary.submissions) \(summary.revisions) \(summary.units) "
                + "\(summary.periods)\n" + summary.warnings.map(\.description).joined(separator: "\n")
        } catch {
            return "\(error)"
        }
    }

    /// Fails the run (libFuzzer records the input) when a property does not hold.
    static func check(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String) {
        if !condition() {
            fputs("property failed: \(message())\n", stderr)
            abort()
        }
    }
}
