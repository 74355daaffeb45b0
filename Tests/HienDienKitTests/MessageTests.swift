import Foundation
import Testing
@testable import HienDienKit

/// The runner's own sentences (`Message`): both languages exist by construction (each language
/// switches over every case); these tests read what they say.
struct MessageTests {
    static let q2 = Period.quarter(2, of: 2026)
    static let day = Day(year: 2026, month: 6, day: 19)!

    /// One of every message.
    static let samples: [Message] = [
        .error, .warning, .hint, .moreProblemsNotShown(3),
        .ingestRefused(file: "xa-a.csv", problems: 2, dryRun: false), .ingestRefused(file: "xa-a.csv", problems: 2, dryRun: true),
        .ingestTotals(stored: 3, total: 4, refused: 1, dryRun: false), .ingestTotals(stored: 3, total: 4, refused: 1, dryRun: true),
        .planRefused(files: ["plan.json"], problems: 2), .formNotWritten(problems: 1), .reportNotWritten(problems: 1), .reportIncomplete(problems: 1),
        .inputRefused(files: ["a", "b"], problems: 2), .storeUnusable(detail: "SQLite error 26"), .storeUnusableHint,
        .internalError(detail: "x"), .storeHasNoPlan(path: "db.sqlite"), .storeNewerSchema(path: "db", found: 5, supported: 4),
        .storeHoldsOtherPlan(path: "db", stored: "a", given: "b"), .storeBackupExists(path: "db.v4.bak"),
        .planWouldOrphanData(file: "plan.json", problems: ["XA_A"]),
        .notADate(option: "as-of", text: "18/6"), .notAFolder(option: "templates", text: "x"), .templatesNotFound,
        .sampleDataNotFound, .folderHoldsNoReports("inbox"), .notAFormat("pdf"), .notAPeriod("Q5"),
        .periodOutsidePlan(period: q2, plan: "p", start: day, end: day),
        .noQuarterClosedYet(plan: "p", first: q2, closesOn: day), .latestIsLastQuarter(period: q2, planEnd: day),
        .unitDidNotExist(unit: "XA_A", name: "UBND xã A", period: q2), .notALanguage("fr"),
        .planLoaded(created: true, path: "db", plan: "p", units: 1, indicators: 2, targets: 3, tasks: 4),
        .planLoaded(created: false, path: "db", plan: "p", units: 1, indicators: 2, targets: 3, tasks: 4),
        .readingProgress(mebibytes: 3, percent: 40), .readingProgress(mebibytes: 3, percent: nil),
        .ingestSummary(file: "a.csv", values: 3, units: 1, periods: [q2], submissions: 1, revisions: 0, taskReports: 0,
                       format: "csv-long", dryRun: false),
        .feedbackWritten(file: "a.csv", paths: ["a.phan-hoi.md"]), .formWritten(file: "a.csv", unit: "XA_A", period: q2),
        .statusHeading(plan: "p", period: q2, due: day, asOf: day), .statusColumnUnit, .statusColumnStatus,
        .statusColumnReceived, .statusColumnDaysLeft, .statusColumnName,
        .submissionStatus(.onTime), .submissionStatus(.late), .submissionStatus(.missing), .submissionStatus(.pending),
        .statusTotals(reported: 1, expected: 2, onTime: 1, missing: 1, pending: 0),
        .letterWritten(paths: ["cong-van/cong-van-don-doc-2026-Q2.md"], forms: 2, formsFolder: "cong-van/bieu-mau"),
        .letterNothingToChase(period: q2), .storeHealthy(path: "db", plan: "p", periods: 2), .storeHealthy(path: "db", plan: nil, periods: 0),
        .storeProblem("x"), .storeUnreadable(detail: "x"), .storeProblemsFound(path: "db", count: 2),
        .demoPlanDone(plan: "p", files: 2, values: 3, reports: 4, asOf: day), .demoFileRefused(file: "a"), .demoDone(out: "demo-out"),
        .unknownCommand("stauts", suggestion: "status"), .unknownCommand("x", suggestion: nil),
        .unknownOption("--perod", suggestion: "--period"), .optionOfOtherCommands(option: "--plan", command: "status", owners: ["init"]),
        .missingOptions(["--period PERIOD"]), .missingOptions(["--unit UNIT", "--period PERIOD"]), .missingValue("--db FILE"),
        .flagTakesNoValue(flag: "dry-run", value: "x"), .optionGivenTwice("db"), .unexpectedArgument("x"),
        .missingArgument("FILE..."), .commandGoesFirst(line: "hiendien status --db x"), .missingCommandBefore("--db"),
        .usageLine("hiendien status"), .seeHelp("hiendien help status"),
    ]

    @Test func everyMessageHasDiacriticsAndDiffersFromTheEnglish() {
        for message in Self.samples {
            let vietnamese = message.rendered(in: .vietnamese), english = message.rendered(in: .english)
            #expect(!vietnamese.isEmpty && !english.isEmpty)
            #expect(MessageCatalogueTests.unaccentedWords(in: vietnamese).isEmpty, "\(vietnamese)")
            #expect(vietnamese == vietnamese.precomposedStringWithCanonicalMapping)
            if case .submissionStatus = message {} else if case .readingProgress = message {} else {
                #expect(vietnamese != english, "\(message)")
            }
        }
    }

    @Test func theStatusWordsAreTheReportsOwn() {
        #expect(Message.submissionStatus(.onTime).rendered(in: .vietnamese) == "Đúng hạn")
        #expect(Message.submissionStatus(.late).rendered(in: .vietnamese) == "Trễ hạn")
        #expect(Message.submissionStatus(.missing).rendered(in: .vietnamese) == "Chưa báo cáo")
        #expect(Message.submissionStatus(.pending).rendered(in: .vietnamese) == "Chưa đến hạn")
        #expect(Message.submissionStatus(.missing).rendered(in: .english) == "missing")
    }

    @Test func onlyIngestSaysNothingWasStored() {
        #expect(Message.ingestRefused(file: "a.csv", problems: 1, dryRun: false).rendered(in: .english).contains("nothing was stored"))
        for message in [Message.formNotWritten(problems: 1), .reportNotWritten(problems: 1), .planRefused(files: ["p"], problems: 1)] {
            #expect(!message.rendered(in: .english).contains("stored from"))
            #expect(!message.rendered(in: .vietnamese).contains("không lưu số liệu"))
        }
        #expect(Message.formNotWritten(problems: 1).rendered(in: .vietnamese) == "Chưa ghi biểu mẫu (1 lỗi).")
    }
}
