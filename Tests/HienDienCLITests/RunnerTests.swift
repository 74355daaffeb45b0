import Foundation
import Testing
@testable import HienDienCLI
@testable import HienDienKit

/// Drives the runner through its entry point: argument arrays in, exit code and output out.
final class RunnerHarness {
    let directory: URL
    /// English by default, so the existing tests read the English messages; the language tests set their own.
    var environment: [String: String] = ["LANG": "en_US.UTF-8"]
    var today = Day(year: 2026, month: 11, day: 23)!

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("hiendien-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: directory) }

    /// The repository root, found from this file's path.
    static var repository: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    static func fixture(_ name: String) -> String {
        repository.appendingPathComponent("Tests/HienDienKitTests/Fixtures/\(name)").path
    }

    struct Result {
        var code: Int32
        var output: String
        var errors: String
    }

    @discardableResult
    func run(_ arguments: String...) -> Result {
        run(arguments)
    }

    func run(_ arguments: [String]) -> Result {
        let console = Console.capturing()
        let context = Runner.Context(environment: environment, currentDirectory: directory.path,
                                     executablePath: RunnerHarness.repository.appendingPathComponent(".build/debug/hiendien").path,
                                     today: today)
        let code = Runner.run(arguments, context: context, console: console)
        return Result(code: code, output: console.output, errors: console.errors)
    }

    func write(_ name: String, _ text: String) -> String {
        let url = directory.appendingPathComponent(name)
        try! Data(text.utf8).write(to: url)
        return url.path
    }
}

struct RunnerTests {
    @Test func versionAndHelp() throws {
        let cli = try RunnerHarness()
        #expect(cli.run("--version").output == "hiendien \(Runner.version)\n")
        let help = cli.run("--help")
        #expect(help.code == 0 && help.output.contains("init") && help.output.contains("demo"))
        for command in ["init", "ingest", "report", "status", "form", "check", "demo"] {
            let result = cli.run(command, "--help")
            #expect(result.code == 0, "\(command)")
            #expect(result.output.contains("hiendien \(command)"), "\(command)")
            #expect(result.output.lowercased().contains("example"), "\(command)")
        }
    }

    @Test func wrongUsageExitsTwoWithASuggestion() throws {
        let cli = try RunnerHarness()
        let command = cli.run("reprot")
        #expect(command.code == 2 && command.errors.contains("Did you mean 'report'?") && command.output.isEmpty)
        let flag = cli.run("report", "--perod", "2026-Q2")
        #expect(flag.code == 2 && flag.errors.contains("'--period'"))
        let period = cli.run("init", "--plan", RunnerHarness.fixture("plans/thu-2026.json"))
        #expect(period.code == 0)
        let badPeriod = cli.run("report", "--period", "2026-Q7")
        #expect(badPeriod.code == 2 && badPeriod.errors.contains("not a period"))
    }

    @Test func initIngestStatusAndCheckEndToEnd() throws {
        let cli = try RunnerHarness()
        cli.environment["HIENDIEN_DB"] = cli.directory.appendingPathComponent("env.sqlite").path
        let initialized = cli.run("init", "--plan", RunnerHarness.fixture("plans/thu-2026.json"))
        #expect(initialized.code == 0)
        #expect(initialized.output.contains("env.sqlite with plan 'thu-2026': 8 units"))
        let ingested = cli.run("ingest", RunnerHarness.fixture("reports/long-excel-vn.csv"),
                               RunnerHarness.fixture("reports/bad-values.csv"), RunnerHarness.fixture("reports/wide.csv"))
        #expect(ingested.code == 1)  // one of three refused
        #expect(ingested.output.contains("long-excel-vn.csv: stored 4 values from 2 unit(s) for 2026-Q2"))
        #expect(ingested.output.contains("wide.csv: stored 4 values"))
        #expect(ingested.errors.contains("bad-values.csv:2:28: error: counts must be whole numbers"))
        #expect(ingested.errors.contains("2 of 3 file(s) stored, 1 refused."))

        let status = cli.run("status", "--period", "2026-Q2", "--as-of", "2026-06-19")
        #expect(status.code == 0)
        let lines = status.output.split(separator: "\n").map(String.init)
        #expect(lines[0] == "thu-2026 2026-Q2: due 2026-06-19 (last allowed day), as of 2026-06-19")
        #expect(lines.contains { $0.hasPrefix("STC ") && $0.contains("on_time") && $0.contains("2026-06-17") })
        // TINHDOAN's report arrived on 21/06: not yet known on 19/06, late once it is.
        #expect(lines.contains { $0.hasPrefix("TINHDOAN ") && $0.contains("pending") })
        let later = cli.run("status", "--period", "2026-Q2", "--as-of", "2026-06-22").output
        #expect(later.split(separator: "\n").contains { $0.hasPrefix("TINHDOAN ") && $0.contains("late") && $0.contains("2026-06-21") })
        #expect(lines.contains { $0.hasPrefix("SGDDT ") && $0.contains("pending") && $0.contains(" 0 ") })
        #expect(cli.run("check").output.contains("healthy"))
    }

    @Test func aFolderIsIngestedFileByFileInNameOrder() throws {
        let cli = try RunnerHarness()
        cli.run("init", "--plan", RunnerHarness.fixture("plans/thu-2026.json"))
        let folder = cli.directory.appendingPathComponent("inbox")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for name in ["wide.csv", "revision.csv", "long-excel-vn.csv"] {
            try FileManager.default.copyItem(atPath: RunnerHarness.fixture("reports/\(name)"),
                                             toPath: folder.appendingPathComponent(name).path)
        }
        try Data("not a report".utf8).write(to: folder.appendingPathComponent("notes.txt"))
        let result = cli.run("ingest", "inbox")
        #expect(result.code == 0, "\(result.errors)")
        let order = result.output.split(separator: "\n").map { $0.split(separator: ":")[0] }
        #expect(order == ["inbox/long-excel-vn.csv", "inbox/revision.csv", "inbox/wide.csv"])
        #expect(result.output.contains("inbox/revision.csv: stored 1 values from 1 unit(s) for 2026-Q2 — 1 submission(s), 1 revision(s)"))
        #expect(cli.run("ingest", "--db", "other.sqlite", "inbox").code == 1)  // no store there yet
    }

    @Test func aDryRunSaysWhatWouldBeStored() throws {
        let cli = try RunnerHarness()
        cli.run("init", "--plan", RunnerHarness.fixture("plans/thu-2026.json"), "--db", "s.sqlite")
        let dry = cli.run("ingest", "--dry-run", "--db", "s.sqlite", RunnerHarness.fixture("reports/wide.csv"))
        #expect(dry.code == 0 && dry.output.contains("would store 4 values"))
        let status = cli.run("status", "--db", "s.sqlite", "--period", "2026-Q2", "--as-of", "2026-07-01")
        #expect(status.output.contains("0 of 8 reported"))
    }

    /// Xã Thiệu Hóa reported 15 new id.vn domains for Quý II/2026 that were Long Đức's, and
    /// sends a revision with "rút": the runner says, in the clerk's language, what was withdrawn.
    @Test func aWithdrawalIsSaidInTheSummary() throws {
        let cli = try RunnerHarness()
        cli.environment = ["LANG": "vi_VN.UTF-8"]
        cli.run("init", "--plan", RunnerHarness.fixture("plans/thu-2026.json"), "--db", "s.sqlite")
        let first = cli.write("a.csv", "unit,period,indicator,value,submitted\nXA_HOA,2026-Q2,id_vn_new,15,2026-06-10\n")
        #expect(cli.run("ingest", "--db", "s.sqlite", first).code == 0)
        let revision = cli.write("b.csv", "unit,period,indicator,value,submitted\nXA_HOA,2026-Q2,id_vn_new,Rút,2026-06-12\n")
        let result = cli.run("ingest", "--db", "s.sqlite", revision)
        #expect(result.code == 0)
        #expect(result.output.contains("đã rút lại 1 số liệu báo cáo trước đây; các số liệu này không còn được tính."))
        // The withdrawal is not counted among the values stored.
        #expect(result.output.contains("đã lưu 0 số liệu của 1 đơn vị"), "\(result.output)")
    }

    @Test func aBrokenPlanIsRefusedWithEveryProblem() throws {
        let cli = try RunnerHarness()
        let original = try String(contentsOfFile: RunnerHarness.fixture("plans/thu-2026.json"), encoding: .utf8)
        let broken = original.replacingOccurrences(of: "\"goal\": 0.5", with: "\"goal\": 50")
            .replacingOccurrences(of: "\"deadline\": \"2027-12-31\" },", with: "\"deadline\": \"2029-12-31\" },")
        let path = cli.write("broken.json", broken)
        let result = cli.run("init", "--plan", path, "--db", "x.sqlite")
        #expect(result.code == 1)
        // file:line:column (JSON path): what is wrong
        #expect(result.errors.contains("broken.json:30:146 ($.targets[0].deadline): error: deadline outside the plan"))
        #expect(result.errors.contains("broken.json:31:181 ($.targets[1].goal): error: ratio and coverage goals are fractions from 0 to 1: '50'"), "\(result.errors)")
        #expect(result.output.isEmpty)
    }

    @Test func reInitWithAnEditedPlanKeepsTheReports() throws {
        let cli = try RunnerHarness()
        let original = try String(contentsOfFile: RunnerHarness.fixture("plans/thu-2026.json"), encoding: .utf8)
        let plan = cli.write("plan.json", original)
        cli.run("init", "--plan", plan, "--db", "s.sqlite")
        #expect(cli.run("ingest", "--db", "s.sqlite", RunnerHarness.fixture("reports/wide.csv")).code == 0)
        // Renaming a unit is fine; dropping one that has reports is refused.
        _ = cli.write("plan.json", original.replacingOccurrences(of: "Trường Đại học Thử", with: "Trường Đại học Tỉnh Thử"))
        let updated = cli.run("init", "--plan", plan, "--db", "s.sqlite")
        #expect(updated.code == 0 && updated.output.contains("Updated"))
        let dropped = original.replacingOccurrences(
            of: #"{ "id": "TINHDOAN", "name": "Tỉnh Đoàn Thử", "type": "youth_union", "aliases": ["Tỉnh Đoàn"] },"#, with: "")
        #expect(dropped != original)
        _ = cli.write("plan.json", dropped)
        let refused = cli.run("init", "--plan", plan, "--db", "s.sqlite")
        #expect(refused.code == 1 && refused.errors.contains("unit 'TINHDOAN' is gone from the plan but has 1 stored submission(s)"), "\(refused.errors)")
        #expect(cli.run("status", "--db", "s.sqlite", "--period", "2026-Q2", "--as-of", "2026-07-01").output.contains("TINHDOAN"))
    }

    @Test func aFormForAUnitByItsName() throws {
        let cli = try RunnerHarness()
        cli.run("init", "--plan", RunnerHarness.fixture("plans/thu-2026.json"))
        let form = cli.run("form", "--unit", "Sở Tài chính", "--period", "Quý II/2026")
        #expect(form.code == 0)
        #expect(form.output.hasPrefix("\u{FEFF}đơn vị;kỳ báo cáo;chỉ tiêu"))
        #expect(form.output.contains("STC;2026-Q2;enterprises_total;"))
        let unknown = cli.run("form", "--unit", "Sở Tài chánh", "--period", "2026-Q2")
        #expect(unknown.code == 1 && unknown.errors.contains("STC"))
    }

    @Test func commandsWithoutAStoreSayHowToMakeOne() throws {
        let cli = try RunnerHarness()
        let result = cli.run("status", "--db", "nothing.sqlite")
        #expect(result.code == 1 && result.errors.contains("hiendien init --plan PLAN.json"))
    }
}

struct DemoTests {
    /// From the bundled SampleData, one command writes every report of every seed plan.
    @Test func demoWritesEveryReportOfEverySeedPlan() throws {
        let cli = try RunnerHarness()
        let result = cli.run("demo", "--out", "out")
        #expect(result.code == 0, "\(result.errors)")
        let written = result.output.split(separator: "\n").map(String.init)
        for plan in ["thanh-hoa-2026-2030", "tra-vinh-2024-2025", "can-tho-2025", "hai-phong-svhttdl-2025-2026"] {
            let mine = written.filter { $0.contains("/out/\(plan)/") }
            #expect(mine.contains { $0.hasSuffix("/report.html") }, "\(plan)")
            // Year-end reports too, in all six files.
            let years = Set(mine.compactMap { path -> String? in
                let parts = path.split(separator: "/")
                return parts.count >= 2 && parts[parts.count - 2].count == 4 ? String(parts[parts.count - 2]) : nil
            })
            #expect(!years.isEmpty, "\(plan)")
        }
        #expect(written.allSatisfy { FileManager.default.fileExists(atPath: $0) })
        // Trà Vinh's year-end report: 3,681 id.vn of 3,609 and the four targets table in Vietnamese figures.
        let travinh = cli.directory.appendingPathComponent("out/tra-vinh-2024-2025/2025")
        let bytes = try Data(contentsOf: travinh.appendingPathComponent("targets.csv"))
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]))  // BOM, so Excel reads UTF-8
        let targets = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        #expect(targets.hasPrefix("period,target_id,scope,actual,goal,goal_high,expected,deadline,status\r\n"))
        #expect(targets.contains("2025,domains_count,TOTAL,4007,4026,,"))
        let markdown = try String(contentsOf: travinh.appendingPathComponent("report.md"), encoding: .utf8)
        #expect(markdown.contains("| 4.007 |"))
        // Same data, same as-of: byte-identical on a second run.
        let again = cli.run("demo", "--out", "out")
        #expect(again.code == 0)
        #expect(try String(contentsOf: travinh.appendingPathComponent("report.md"), encoding: .utf8) == markdown)
    }
}

struct ReportCommandTests {
    func preparedStore() throws -> RunnerHarness {
        let cli = try RunnerHarness()
        cli.run("init", "--plan", RunnerHarness.fixture("plans/thu-2026.json"))
        let ingest = cli.run("ingest", RunnerHarness.fixture("reports/long-excel-vn.csv"), RunnerHarness.fixture("reports/wide.csv"),
                             RunnerHarness.fixture("reports/skhcn-2026-Q1.json"))
        #expect(ingest.code == 0, "\(ingest.errors)")
        return cli
    }

    /// `--period latest` as a scheduled job passes it: the last quarter whose window has closed.
    @Test func latestWritesTheLastClosedQuarterInEveryFormat() throws {
        let cli = try preparedStore()
        let result = cli.run("report", "--period", "latest", "--as-of", "2026-06-20", "--out", "out")
        #expect(result.code == 0, "\(result.errors)")
        let files = result.output.split(separator: "\n").map { URL(fileURLWithPath: String($0)).lastPathComponent }
        #expect(files.sorted() == ["data-check.md", "indicators.csv", "report.docx", "report.html", "report.md", "submissions.csv",
                                   "tables.xlsx", "targets.csv", "tasks.csv"])
        #expect(result.output.contains("/out/2026-Q2/"))
        let markdown = try String(contentsOf: cli.directory.appendingPathComponent("out/2026-Q2/report.md"), encoding: .utf8)
        #expect(markdown.contains("Quý II năm 2026"))
        #expect(markdown.contains("Thử, ngày 20 tháng 6 năm 2026"))
        // TINHDOAN sent its Q2 report on 21/06, after the 19/06 deadline; as of 20/06 the others are missing.
        let submissions = try String(contentsOf: cli.directory.appendingPathComponent("out/2026-Q2/submissions.csv"), encoding: .utf8)
        #expect(submissions.contains("2026-Q2,STC,on_time,2026-06-17,2026-06-19,0"))
        #expect(submissions.contains("2026-Q2,SGDDT,missing,,2026-06-19,0"))
    }

    @Test func oneFormatOnlyAndTheSameBytesTwice() throws {
        let cli = try preparedStore()
        let first = cli.run("report", "--period", "Quý II/2026", "--format", "csv", "--as-of", "2026-07-01")
        #expect(first.code == 0)
        #expect(first.output.split(separator: "\n").count == 4)
        let path = cli.directory.appendingPathComponent("reports/2026-Q2/indicators.csv")
        let before = try Data(contentsOf: path)
        #expect(cli.run("report", "--period", "2026-Q2", "--format", "csv", "--as-of", "2026-07-01").code == 0)
        #expect(try Data(contentsOf: path) == before)
        let wrong = cli.run("report", "--period", "2026-Q2", "--format", "pdf")
        #expect(wrong.code == 2 && wrong.errors.contains("md, html, docx, csv or xlsx"))
    }

    @Test func ownTemplatesAreUsedAndABrokenOneNamesItsLine() throws {
        let cli = try preparedStore()
        let templates = cli.directory.appendingPathComponent("mine")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        try Data("Báo cáo {{period_text}} của {{body_name}}\n".utf8).write(to: templates.appendingPathComponent("report.md.mustache"))
        let ok = cli.run("report", "--period", "2026-Q2", "--format", "md", "--templates", "mine", "--as-of", "2026-07-01")
        #expect(ok.code == 0, "\(ok.errors)")
        let text = try String(contentsOf: cli.directory.appendingPathComponent("reports/2026-Q2/report.md"), encoding: .utf8)
        #expect(text == "Báo cáo Quý II năm 2026 của Sở Khoa học và Công nghệ\n")
        try Data("Báo cáo\n{{#targets}}\n{{name}\n".utf8).write(to: templates.appendingPathComponent("report.md.mustache"))
        let broken = cli.run("report", "--period", "2026-Q2", "--format", "md", "--templates", "mine", "--as-of", "2026-07-01")
        #expect(broken.code == 1)
        #expect(broken.errors.contains("report.md.mustache:3:"), "\(broken.errors)")
    }
}
