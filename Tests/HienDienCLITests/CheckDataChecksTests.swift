import Foundation
import Testing
@testable import HienDienCLI
@testable import HienDienKit

/// `hiendien check` also says what the period's report would ask the analyst to check in
/// `data-check.md` — a stock that fell, a tenfold jump — so that it can be taken up with the units
/// before the report is written, in the same words, and without changing the store.
struct CheckDataChecksTests {
    /// The test plan with two units' reports for the first two quarters of 2026: the Department
    /// of Finance's count of enterprises under its management falls from 12 400 to 12 000 (a
    /// stock that fell), and the university's new id.vn names go from 20 to 300 (a tenfold jump).
    static func store(_ environment: [String: String] = ["LANG": "en_US.UTF-8"]) throws -> RunnerHarness {
        let cli = try RunnerHarness()
        cli.environment = environment
        #expect(cli.run("init", "--plan", RunnerHarness.fixture("plans/thu-2026.json"), "--db", "s.sqlite").code == 0)
        let file = cli.write("q1-q2.csv", """
            unit,period,submitted,indicator,value
            STC,2026-Q1,2026-03-15,enterprises_total,12400
            STC,2026-Q2,2026-06-15,enterprises_total,12000
            DHTHU,2026-Q1,2026-03-15,id_vn_new,20
            DHTHU,2026-Q2,2026-06-15,id_vn_new,300

            """)
        let ingested = cli.run("ingest", "--db", "s.sqlite", file)
        #expect(ingested.code == 0, "\(ingested.errors)")
        return cli
    }

    @Test func checkCountsAndListsTheDataChecksOfThePeriod() throws {
        let cli = try Self.store()
        let result = cli.run("check", "--db", "s.sqlite", "--period", "2026-Q2")
        #expect(result.code == 0, "\(result.errors)")
        let lines = result.output.split(separator: "\n").map(String.init)
        #expect(lines.contains("Data checks for 2026-Q2 as of 2026-11-23: 2 figure(s) to check with the units before signing:"))
        #expect(lines.contains("  - Trường Đại học Thử: Tên miền id.vn đăng ký mới for 2026-Q2 is 300, ten times or more its 2026-Q1 figure (20); please verify."))
        #expect(lines.contains("  - Sở Tài chính: Doanh nghiệp trong phạm vi quản lý fell from 12400 (2026-Q1) to 12000 (2026-Q2); a cumulative figure should not fall."))
        #expect(lines.last?.hasPrefix("Every data check is in data-check.md, which `hiendien report --period 2026-Q2` writes") == true)
    }

    @Test func inVietnameseTheChecksAreTheLinesOfDataCheckMd() throws {
        let cli = try Self.store([:])
        let check = cli.run("check", "--db", "s.sqlite", "--period", "Quý II/2026")
        #expect(check.code == 0, "\(check.errors)")
        #expect(check.output.contains("Kiểm tra số liệu Quý II/2026 (tính đến ngày 23/11/2026): có 2 điểm số liệu cần đối chiếu với đơn vị trước khi trình ký:"))
        let report = cli.run("report", "--db", "s.sqlite", "--period", "2026-Q2", "--format", "md", "--out", "out")
        #expect(report.code == 0, "\(report.errors)")
        let file = try String(contentsOf: cli.directory.appendingPathComponent("out/2026-Q2/data-check.md"), encoding: .utf8)
        let listed = file.split(separator: "\n").filter { $0.hasPrefix("- ") }.map { "  " + $0 }
        #expect(listed.count == 2)
        let shown = check.output.split(separator: "\n").filter { $0.hasPrefix("  - ") }.map(String.init)
        #expect(shown == listed, "\(shown) vs \(listed)")
        #expect(shown.first?.contains("giảm từ 12.400 (Quý I/2026) xuống 12.000 (Quý II/2026)") == true
                || shown.last?.contains("giảm từ 12.400 (Quý I/2026) xuống 12.000 (Quý II/2026)") == true)
        #expect(check.output.contains("data-check.md") && check.output.contains("`hiendien report --period 2026-Q2`"))
    }

    @Test func asOfADayBeforeTheQuarterWasReportedThereIsNothingToCheck() throws {
        let cli = try Self.store()
        // On 1 June 2026 neither second-quarter report had arrived: the report then would list nothing.
        let early = cli.run("check", "--db", "s.sqlite", "--period", "2026-Q2", "--as-of", "2026-06-01")
        #expect(early.code == 0)
        #expect(early.output.contains("Data checks for 2026-Q2 as of 2026-06-01: none; no figure looks wrong."))
        #expect(!early.output.contains("data-check.md"))
    }

    @Test func withoutAPeriodTheLatestClosedQuarterIsChecked() throws {
        let cli = try Self.store()
        // On 23/11/2026 the latest closed quarter is the third, of which nothing was reported.
        let latest = cli.run("check", "--db", "s.sqlite")
        #expect(latest.output.contains("Data checks for 2026-Q3 as of 2026-11-23: none"), "\(latest.output)")
        #expect(latest.output.hasPrefix(cli.directory.appendingPathComponent("s.sqlite").path + ": healthy"))
    }

    @Test func beforeAnyQuarterHasClosedTheStoreIsStillChecked() throws {
        let cli = try Self.store()
        cli.today = Day(year: 2026, month: 2, day: 1)!
        let result = cli.run("check", "--db", "s.sqlite")
        #expect(result.code == 0, "\(result.errors)")
        #expect(result.output.contains("healthy") && !result.output.contains("Data checks"))
        #expect(result.errors.contains("no quarter of plan 'thu-2026' has closed yet"), "\(result.errors)")
    }

    @Test func aPeriodThatIsNoPeriodIsAUsageErrorAndNothingIsPrinted() throws {
        let cli = try Self.store()
        let bad = cli.run("check", "--db", "s.sqlite", "--period", "2026-Q7")
        #expect(bad.code == 2 && bad.output.isEmpty)
        #expect(bad.errors == "error: '2026-Q7' is not a period: write 2026-Q2, 2026, Q2/2026, Quý II/2026 or latest\n")
        let outside = cli.run("check", "--db", "s.sqlite", "--period", "2030-Q1")
        #expect(outside.code == 2 && outside.errors.contains("lies outside plan 'thu-2026'"))
    }

    @Test func moreThanTenChecksAreCountedAndTheRestLeftToTheFile() throws {
        let cli = try Self.store()
        // Seven units' new id.vn and biz.vn names go from 1 and 2 to 10 and 20: fourteen tenfold jumps.
        // (Long Hòa commune ended on 30/06/2026 and reports no more.)
        var csv = "unit,period,submitted,id_vn_new,biz_vn_new\n"
        for unit in ["SKHCN", "STC", "SGDDT", "DHTHU", "TINHDOAN", "XA_HOA", "XA_LONGDUC"] {
            csv += "\(unit),2026-Q3,2026-09-15,1,2\n\(unit),2026-Q4,2026-12-15,10,20\n"
        }
        cli.today = Day(year: 2027, month: 1, day: 10)!
        let ingested = cli.run("ingest", "--db", "s.sqlite", cli.write("q3-q4.csv", csv))
        #expect(ingested.code == 0, "\(ingested.errors)")
        let result = cli.run("check", "--db", "s.sqlite", "--period", "2026-Q4", "--as-of", "2026-12-31")
        #expect(result.output.contains("2026-Q4 as of 2026-12-31: 14 figure(s) to check"), "\(result.output)")
        let items = result.output.split(separator: "\n").filter { $0.hasPrefix("  - ") }
        #expect(items.count == Commands.dataChecksShown)
        #expect(result.output.contains("  … and 4 more.\nEvery data check is in data-check.md"))
    }

    @Test func checkingTheDataChecksLeavesTheStoreByteIdentical() throws {
        let cli = try Self.store()
        let path = cli.directory.appendingPathComponent("s.sqlite").path
        let before = try ReadOnlyStoreTests.bytes(path)
        let result = cli.run("check", "--db", "s.sqlite", "--period", "2026-Q2")
        #expect(result.code == 0 && result.output.contains("2 figure(s)"))
        #expect(try ReadOnlyStoreTests.bytes(path) == before)
    }

    @Test func theNewMessagesHaveBothLanguagesWithTheirDiacritics() {
        let q2 = Period.quarter(2, of: 2026), day = Day(year: 2026, month: 6, day: 25)!
        var messages: [Message] = [
            .dataChecksCounted(period: q2, asOf: day, count: 0), .dataChecksCounted(period: q2, asOf: day, count: 3),
            .dataChecksNotShown(count: 4), .dataChecksListedIn(period: q2), .planInStore("thu-2026"),
            .sqliteFailure(code: 26, message: "file is not a database"), .sqliteFailure(code: 1, message: "x"),
        ]
        for kind in [DataWarning.Kind.numeratorAboveDenominator, .stockFell, .jump, .annualMismatch] {
            let warning = DataWarning(kind: kind, unit: "STC", indicator: "enterprises_total", period: q2, value: 12_000,
                                      reference: 12_400, referencePeriod: .quarter(1, of: 2026))
            messages.append(.dataCheck(warning, unitName: "Sở Tài chính", indicatorName: "Doanh nghiệp trong phạm vi quản lý"))
        }
        for message in messages {
            let vietnamese = message.rendered(in: .vietnamese), english = message.rendered(in: .english)
            #expect(!vietnamese.isEmpty && vietnamese != english, "\(message)")
            #expect(DiacriticsCheck.unaccentedWords(in: vietnamese).isEmpty, "\(vietnamese)")
            #expect(vietnamese == vietnamese.precomposedStringWithCanonicalMapping)
        }
    }

    @Test func aFileThatIsNoStoreIsExplainedInVietnamese() throws {
        let cli = try RunnerHarness()
        cli.environment = [:]
        _ = cli.write("khong-phai.sqlite", String(repeating: "không phải cơ sở dữ liệu\n", count: 200))
        let check = cli.run("check", "--db", "khong-phai.sqlite")
        #expect(check.code == Runner.ExitCode.unhealthyStore)
        #expect(check.output.contains("tệp không phải là cơ sở dữ liệu SQLite (mã lỗi SQLite 26)"), "\(check.output)")
        #expect(!check.output.contains("file is not a database"))
        let report = cli.run("report", "--db", "khong-phai.sqlite", "--period", "2026-Q2")
        #expect(report.code == 1 && report.errors.contains("không sử dụng được cơ sở dữ liệu: tệp không phải là cơ sở dữ liệu SQLite"), "\(report.errors)")
    }
}
