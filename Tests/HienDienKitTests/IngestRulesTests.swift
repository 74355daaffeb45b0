import Foundation
import Testing
@testable import HienDienKit

/// Nothing is dropped or cut silently, and only what may count is stored (issue 15, items
/// 3, 5–10, 20): each case is a file the old code stored in part, or stored where it should not.
struct IngestRulesTests {
    typealias H = HostileInputTests

    /// The fixture plan with the Ministry that receives the report (it reports nothing).
    static func withMinistry(_ plan: String) -> String {
        plan.replacingOccurrences(of: #"{ "id": "SKHCN","#, with: """
            { "id": "BKHCN", "name": "Bộ Khoa học và Công nghệ", "type": "ministry", "reports": false },
                { "id": "SKHCN",
            """)
    }

    /// The codes of the problems a refused file was refused for.
    static func codes(_ error: InputError?) -> Set<String> { Set(error?.diagnostics.map(\.code) ?? []) }

    static func storedSubmissions(_ store: Store) throws -> Int {
        try store.database.prepare("SELECT count(*) FROM submission").rows { $0.int(0) }[0]
    }

    // MARK: - Rows that are too short or too long (item 6)

    @Test(arguments: [
        ("unit,period,indicator,value\nSTC,2026-Q2,trainings_held\n", "csv.row-short"),
        ("unit,period,indicator,value,note\nSTC,2026-Q2,trainings_held,3,lớp,4\n", "csv.row-long"),
        ("unit;period;trainings_held;id_vn_new\nSTC;2026-Q2;3\n", "csv.row-short"),
    ])
    func aRowWithMoreOrFewerFieldsThanTheHeaderIsRefused(_ text: String, _ code: String) throws {
        try H.withFolder { folder in
            let (store, _, ingester) = try H.store(folder)
            let error = H.refusal(ingester, try H.write(text, to: folder, as: "r.csv"))
            #expect(Self.codes(error).contains(code), "\(error?.description ?? "")")
            #expect(try Self.storedSubmissions(store) == 0, "no submission, so STC is not on time")
        }
    }

    @Test func trailingEmptyFieldsAsExcelLeavesThemAreNoProblem() throws {
        try H.withFolder { folder in
            let (_, _, ingester) = try H.store(folder)
            let path = try H.write("unit,period,indicator,value\nSTC,2026-Q2,trainings_held,3,,\n", to: folder, as: "r.csv")
            #expect(try ingester.ingest(path: path, options: H.options).values == 1)
        }
    }

    // MARK: - NUL (item 7)

    @Test(arguments: [
        ("r.csv", "unit,period,indicator,value,note\nSTC,2026-Q2,trainings_held,3,ab\u{0}cd\n"),
        ("r.json", #"{"unit": "SKHCN", "period": "2026-Q2", "tasks": {"IV.1": {"status": "done", "evidence": "ab\u0000cd"}}}"#),
        ("r.json", #"{"unit": "STC", "period": "2026-Q2", "values": {"trainings_held": 3}, "difficulties": "ab\u0000cd"}"#),
    ])
    func textWithANulIsRefusedRatherThanCutShort(_ name: String, _ text: String) throws {
        try H.withFolder { folder in
            let (store, _, ingester) = try H.store(folder)
            let error = H.refusal(ingester, try H.write(text, to: folder, as: name))
            #expect(Self.codes(error).contains("text.nul"), "\(error?.description ?? "")")
            #expect(try Self.storedSubmissions(store) == 0)
        }
    }

    // MARK: - JSON fields (items 8, 9)

    @Test(arguments: [
        (#"{"unit": "STC", "period": "2026-Q2", "values": {"trainings_held": 3}, "notes": "đã tổ chức 3 lớp"}"#,
         "report.notes-not-stored", "difficulties"),
        (#"{"unit": "SKHCN", "period": "2026-Q2", "tasks": {"IV.1": {"status": "done", "evidence": 12345}}}"#,
         "json.type", "expected text, found a number"),
        (#"{"unit": "SKHCN", "period": "2026-Q2", "tasks": {"IV.1": {"status": "done", "evidance": "QĐ 12"}}}"#,
         "json.unknown-key", "did you mean 'evidence'?"),
        (#"{"unit": "STC", "period": "2026-Q2", "values": {"trainings_held": 1.250}}"#,
         "value.decimal", "1250"),
    ])
    func aJSONFieldThatWouldBeDroppedOrMisreadIsRefused(_ text: String, _ code: String, _ said: String) throws {
        try H.withFolder { folder in
            let (store, _, ingester) = try H.store(folder)
            let error = H.refusal(ingester, try H.write(text, to: folder, as: "r.json"))
            let diagnostic = error?.diagnostics.first { $0.code == code }
            #expect(diagnostic != nil, "\(error?.description ?? "")")
            #expect(diagnostic.map { $0.description.contains(said) } ?? false, "\(diagnostic?.description ?? "")")
            #expect(try Self.storedSubmissions(store) == 0)
        }
    }

    @Test func aCountWrittenAsTextKeepsItsThousandsGrouping() throws {
        try H.withFolder { folder in
            let (store, _, ingester) = try H.store(folder)
            let path = try H.write(#"{"unit": "STC", "period": "2026-Q2", "values": {"id_vn_new": "1.250"}}"#, to: folder, as: "r.json")
            _ = try ingester.ingest(path: path, options: H.options)
            #expect(try store.currentValues(through: .quarter(2, of: 2026)).map(\.value) == [1250])
        }
    }

    // MARK: - Who may report what (item 10)

    @Test func theMinistryThatReceivesTheReportCannotReportIntoIt() throws {
        try H.withFolder { folder in
            let (store, _, ingester) = try H.store(folder, editPlan: Self.withMinistry)
            let error = H.refusal(ingester, try H.write("unit,period,indicator,value\nBKHCN,2026-Q2,id_vn_new,500\n", to: folder, as: "r.csv"))
            let diagnostic = error?.diagnostics.first { $0.code == "unit.not-reporting" }
            #expect(diagnostic?.message.contains("\"reports\": false") ?? false, "\(error?.description ?? "")")
            #expect(try Self.storedSubmissions(store) == 0)
        }
    }

    @Test func onlyATasksLeadReportsItsStatus() throws {
        try H.withFolder { folder in
            let (store, _, ingester) = try H.store(folder)
            // I.1 is led by SKHCN; STC is only a partner.
            let text = #"{"unit": "STC", "period": "2026-Q1", "tasks": {"I.1": "done"}}"#
            let error = H.refusal(ingester, try H.write(text, to: folder, as: "r.json"))
            let diagnostic = error?.diagnostics.first { $0.code == "task.not-lead" }
            #expect(diagnostic?.message.contains("its lead (SKHCN)") ?? false, "\(error?.description ?? "")")
            #expect(try Self.storedSubmissions(store) == 0)
        }
    }

    // MARK: - --received (item 5)

    @Test(arguments: [("2099-01-01", "date.future"), ("2020-01-01", "date.received-before-period")])
    func receivedIsCheckedLikeASubmittedDate(_ day: String, _ code: String) throws {
        try H.withFolder { folder in
            let (store, _, ingester) = try H.store(folder)
            var options = H.options
            options.received = Day(parsing: day)
            for (name, text) in [("r.csv", "unit,period,indicator,value\nSTC,2026-Q2,trainings_held,3\n"),
                                 ("r.json", #"{"unit": "STC", "period": "2026-Q2", "values": {"trainings_held": 3}}"#)] {
                let path = try H.write(text, to: folder, as: name)
                let error = #expect(throws: InputError.self) { try ingester.ingest(path: path, options: options) }
                #expect(Self.codes(error).contains(code), "\(name): \(error?.description ?? "")")
            }
            #expect(try Self.storedSubmissions(store) == 0)
        }
    }

    // MARK: - Messages (item 20) and the cost of refusing (item 3)

    @Test func aValueTooLargeSaysTheLimit() throws {
        try H.withFolder { folder in
            let (_, _, ingester) = try H.store(folder)
            let error = H.refusal(ingester, try H.write("unit,period,indicator,value\nSTC,2026-Q2,trainings_held,99999999999999\n",
                                                        to: folder, as: "r.csv"))
            #expect(error?.diagnostics.first?.message.contains("the limit is 1.000.000.000.000") ?? false, "\(error?.description ?? "")")
        }
    }

    @Test func onlyTheUnknownUnitsWhoseMessagesAreShownGetADidYouMean() throws {
        try H.withFolder { folder in
            let (_, _, ingester) = try H.store(folder)
            let rows = (0..<200).map { "Sở Tài chinh \($0),2026-Q2,trainings_held,1" }
            var options = H.options
            options.maxDiagnostics = 10
            let path = try H.write("unit,period,indicator,value\n" + rows.joined(separator: "\n") + "\n", to: folder, as: "r.csv")
            let error = #expect(throws: InputError.self) { try ingester.ingest(path: path, options: options) }
            #expect(error?.diagnostics.count == 10 && error?.omitted == 190)
            #expect(error?.diagnostics.allSatisfy { $0.hint?.contains("did you mean STC") ?? false } ?? false,
                    "\(error?.description ?? "")")
            // Past the cap the matcher is asked not to search: the answer has no suggestions.
            let matcher = UnitMatcher([UnitMatcher.Entry(id: "STC", name: "Sở Tài chính", aliases: [])])
            #expect(matcher.match("Sở Tài chinh 7", suggesting: false) == .unknown(suggestions: []))
            #expect(matcher.match("Sở Tài chinh 7") != .unknown(suggestions: []))
        }
    }
}

extension IngestRulesTests {
    // MARK: - The same file twice (item 14)

    @Test func theSameFileAgainIsAlreadyStoredNotARevision() throws {
        let f = try IngestFixture()
        let first = try f.ingest("long-excel-vn.csv")
        #expect(first.alreadyStored == nil && first.values > 0)
        let again = try f.ingest("long-excel-vn.csv")
        #expect(again.alreadyStored == StoredBatch(file: "long-excel-vn.csv", ingestedOn: f.options.today))
        #expect(again.values == 0 && again.submissions == 0)
        #expect(try f.store.database.prepare("SELECT max(version) FROM submission").rows { $0.int(0) } == [1])
        #expect(try f.store.database.prepare("SELECT count(*) FROM batch").rows { $0.int(0) } == [1])
    }
}
