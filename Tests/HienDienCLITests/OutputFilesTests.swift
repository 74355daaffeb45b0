import Foundation
import Testing
@testable import HienDienCLI
@testable import HienDienKit

/// What hiendien writes: a clear refusal when the place is wrong, and a period folder that
/// always holds the old set of reports or the new one (issue 15, items 4, 11 and 20).
struct OutputFilesTests {
    static func initialized() throws -> RunnerHarness {
        let cli = try RunnerHarness()
        #expect(cli.run("init", "--plan", HostileRunnerTests.plan, "--db", "s.sqlite").code == 0)
        return cli
    }

    @Test(arguments: [
        ("missing/form.csv", "output.no-folder"),
        ("afolder", "output.is-folder"),
        ("dangling.csv", "output.symbolic-link"),
    ])
    func aFormThatCannotBeWrittenThereSaysWhy(_ out: String, _ code: String) throws {
        let cli = try Self.initialized()
        try FileManager.default.createDirectory(at: cli.directory.appendingPathComponent("afolder"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: cli.directory.appendingPathComponent("dangling.csv").path,
                                                   withDestinationPath: "nowhere/form.csv")
        let result = cli.run("form", "--db", "s.sqlite", "--unit", "STC", "--period", "2026-Q2", "--out", out)
        #expect(result.code == Runner.ExitCode.badInput, "\(result.errors)")
        #expect(result.errors.contains("[\(code)]") && result.errors.contains("hint:"), "\(result.errors)")
        #expect(!result.errors.contains("NSCocoaErrorDomain") && !result.errors.contains("internal error"))
    }

    @Test func aReportIntoADanglingLinkSaysWhereTheLinkLeads() throws {
        let cli = try Self.initialized()
        try FileManager.default.createSymbolicLink(atPath: cli.directory.appendingPathComponent("out").path,
                                                   withDestinationPath: "gone")
        let result = cli.run("report", "--db", "s.sqlite", "--period", "2026-Q2", "--out", "out", "--as-of", "2026-06-25")
        #expect(result.code == Runner.ExitCode.badInput, "\(result.errors)")
        #expect(result.errors.contains("symbolic link to gone, which does not exist") && result.errors.contains("[output.dangling-link]"),
                "\(result.errors)")
        #expect(!result.errors.contains("same name already exists"))
    }

    /// The files of a folder, by name, with their bytes.
    static func contents(_ folder: String) throws -> [String: Data] {
        var result: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder) {
            result[name] = try Data(contentsOf: URL(fileURLWithPath: (folder as NSString).appendingPathComponent(name)))
        }
        return result
    }

    @Test func aWriteThatFailsHalfWayLeavesTheOldSetWhole() throws {
        let cli = try RunnerHarness()
        let folder = cli.directory.appendingPathComponent("2026-Q2").path
        try OutputFiles.replaceFolder(folder, with: [("report.md", Data("old md".utf8)), ("targets.csv", Data("old csv".utf8))])
        let old = try Self.contents(folder)
        // The second file cannot be written (its folder does not exist), after the first was.
        #expect(throws: OutputError.self) {
            try OutputFiles.replaceFolder(folder, with: [("report.md", Data("new md".utf8)), ("no/targets.csv", Data("new".utf8))])
        }
        #expect(try Self.contents(folder) == old)
        #expect(try FileManager.default.contentsOfDirectory(atPath: cli.directory.path) == ["2026-Q2"], "no staging folder is left")
    }

    @Test func aSecondReportReplacesItsFilesAndKeepsTheOthers() throws {
        let cli = try Self.initialized()
        #expect(cli.run("report", "--db", "s.sqlite", "--period", "2026-Q2", "--out", "out", "--as-of", "2026-06-25").code == 0)
        _ = cli.write("out/2026-Q2/signed.pdf", "scan")
        let csvOnly = cli.run("report", "--db", "s.sqlite", "--period", "2026-Q2", "--out", "out", "--as-of", "2026-06-26",
                              "--format", "csv")
        #expect(csvOnly.code == 0, "\(csvOnly.errors)")
        let names = Set(try FileManager.default.contentsOfDirectory(atPath: cli.directory.appendingPathComponent("out/2026-Q2").path))
        #expect(names.isSuperset(of: ["report.md", "report.html", "targets.csv", "signed.pdf"]), "\(names)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: cli.directory.appendingPathComponent("out").path) == ["2026-Q2"])
    }
}

extension OutputFilesTests {
    // MARK: - Templates that link outside their folder (item 17)

    @Test func aPartialThatLinksOutsideTheTemplatesFolderIsRefused() throws {
        let cli = try Self.initialized()
        _ = cli.write("secret.txt", "SECRET")
        try FileManager.default.createDirectory(at: cli.directory.appendingPathComponent("templates"), withIntermediateDirectories: true)
        _ = cli.write("templates/report.md.mustache", "# {{title}}\n{{> evil}}\n")
        _ = cli.write("templates/report.html.mustache", "<p>{{title}}</p>\n")
        try FileManager.default.createSymbolicLink(atPath: cli.directory.appendingPathComponent("templates/evil.mustache").path,
                                                   withDestinationPath: cli.directory.appendingPathComponent("secret.txt").path)
        let result = cli.run("report", "--db", "s.sqlite", "--period", "2026-Q2", "--templates", "templates", "--out", "out",
                             "--as-of", "2026-06-25")
        #expect(result.code == Runner.ExitCode.badInput, "\(result.errors)")
        #expect(result.errors.contains("[template.outside-folder]"), "\(result.errors)")
        #expect(!FileManager.default.fileExists(atPath: cli.directory.appendingPathComponent("out/2026-Q2/report.md").path))
    }

    @Test func aPartialThatLinksInsideTheFolderIsRead() throws {
        let cli = try Self.initialized()
        try FileManager.default.createDirectory(at: cli.directory.appendingPathComponent("templates"), withIntermediateDirectories: true)
        _ = cli.write("templates/report.md.mustache", "# {{title}}\n{{> alias}}\n")
        _ = cli.write("templates/report.html.mustache", "<p>{{title}}</p>\n")
        _ = cli.write("templates/shared.mustache", "SHARED PART")
        try FileManager.default.createSymbolicLink(atPath: cli.directory.appendingPathComponent("templates/alias.mustache").path,
                                                   withDestinationPath: "shared.mustache")
        let result = cli.run("report", "--db", "s.sqlite", "--period", "2026-Q2", "--templates", "templates", "--out", "out",
                             "--as-of", "2026-06-25", "--format", "md")
        #expect(result.code == 0, "\(result.errors)")
        let text = try String(contentsOfFile: cli.directory.appendingPathComponent("out/2026-Q2/report.md").path, encoding: .utf8)
        #expect(text.contains("SHARED PART"))
    }

    /// A failed write says its cause in Vietnamese from the system's error number: the system's
    /// own text ("No space left on device") is English and a clerk cannot act on it.
    @Test func aFailedWriteSaysItsCauseInVietnamese() {
        for (number, cause) in [(ENOSPC, "ổ đĩa đã đầy"), (EACCES, "không có quyền ghi vào đây"), (EROFS, "ổ đĩa này chỉ cho phép đọc"),
                                (ENOTDIR, "một phần của đường dẫn là tệp, không phải thư mục")] {
            var error = OutputError(path: "/bao-cao/2026-Q2", code: "output.write-failed", reason: "x (y)", hint: "z")
            error.errorNumber = number
            let text = error.diagnostic.rendered(in: .vietnamese)
            #expect(text.contains("không ghi được: \(cause)"), "\(text)")
            #expect(!text.contains("x (y)"))
        }
    }
}
