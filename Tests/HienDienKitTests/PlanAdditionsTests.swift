import Foundation
import Testing
@testable import HienDienKit

/// The plan-format additions: dated issuers, public/internal notes, assumptions, ranking and
/// commendation, who reports through whom, rates, yearly targets, baselines and quotas.
struct PlanAdditionsTests {
    /// PlanTests.minimal with its flat `issuer`/`place` replaced by dated issuers (Trà Vinh → Vĩnh Long).
    static func withIssuers(_ issuers: String) -> String {
        PlanTests.minimal
            .replacingOccurrences(of: #""issuer": "Ủy ban nhân dân tỉnh Thử","#, with: "")
            .replacingOccurrences(of: #""place": "Thử","#, with: #""document": { "issuers": \#(issuers) },"#)
            .replacingOccurrences(of: #""start": "2026-01-01""#, with: #""start": "2024-07-01""#)
    }

    static let traVinhIssuers = """
        [ { "authority": "Ủy ban nhân dân tỉnh Trà Vinh", "body": "Sở Khoa học và Công nghệ", "place": "Trà Vinh",
            "number": "…/BC-SKHCN", "submitted_to": ["Ủy ban nhân dân tỉnh Trà Vinh"],
            "signer_title": ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"], "signer_name": "Nguyễn Văn A",
            "assumed": { "reason": "mẫu: Kế hoạch không nêu tên người ký" } },
          { "from": "2025-07-01", "authority": "Ủy ban nhân dân tỉnh Vĩnh Long", "body": "Sở Khoa học và Công nghệ",
            "place": "Vĩnh Long", "number": "…/BC-SKHCN", "area": "tỉnh Trà Vinh (cũ)",
            "submitted_to": ["Ủy ban nhân dân tỉnh Vĩnh Long"], "recipients": ["Lưu: VT."] } ]
        """

    @Test func theIssuerInForceOnTheReportsDayHeadsIt() throws {
        let plan = try PlanTests.decode(Self.withIssuers(Self.traVinhIssuers))
        let june = plan.document.issuer(on: Day(year: 2025, month: 6, day: 30)!)
        let july = plan.document.issuer(on: Day(year: 2025, month: 7, day: 1)!)
        #expect(june.authority == "Ủy ban nhân dân tỉnh Trà Vinh" && june.place == "Trà Vinh")
        #expect(july.authority == "Ủy ban nhân dân tỉnh Vĩnh Long" && july.place == "Vĩnh Long")
        #expect(july.area == "tỉnh Trà Vinh (cũ)")
        // An entry without its own signer title takes the document's default.
        #expect(july.signerTitle == ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"])
        #expect(plan.issuer == "Ủy ban nhân dân tỉnh Trà Vinh" && plan.place == "Trà Vinh")
        #expect(plan.assumptions.map(\.path) == ["$.document.issuers[0]"])
    }

    @Test func anOlderPlanFilesFlatFieldsReadAsItsOnlyIssuer() throws {
        let text = PlanTests.minimal.replacingOccurrences(of: #""place": "Thử","#, with: """
            "place": "Thử", "document": { "number": "…/BC-SVHTTDL", "signer_name": "Trần Thị B",
              "recipients": ["Như trên;", "Lưu: VT."] },
            """)
        let plan = try PlanTests.decode(text)
        #expect(plan.document.issuers.count == 1)
        let issuer = plan.document.issuer(on: Day(year: 2027, month: 1, day: 1)!)
        #expect(issuer.authority == "Ủy ban nhân dân tỉnh Thử")
        #expect(issuer.body == "Sở Khoa học và Công nghệ")   // the coordinator's name, as before
        #expect(issuer.place == "Thử" && issuer.number == "…/BC-SVHTTDL" && issuer.signerName == "Trần Thị B")
        #expect(issuer.recipients == ["Như trên;", "Lưu: VT."])
    }

    @Test func anIssuerChangeOutsideThePlanIsRefused() throws {
        let text = Self.withIssuers(Self.traVinhIssuers.replacingOccurrences(of: "2025-07-01", with: "2031-07-01"))
        let error = try #require(throws: InputError.self) { try PlanTests.decode(text) }
        #expect(error.diagnostics.map(\.code).contains("plan.issuer-range"))
    }

    @Test func datesThatLeaveTheFirstReportsWithoutAnIssuerAreRefused() throws {
        let late = Self.traVinhIssuers.replacingOccurrences(of: #"[ { "authority""#, with: #"[ { "from": "2024-10-01", "authority""#)
        let error = try #require(throws: InputError.self) { try PlanTests.decode(Self.withIssuers(late)) }
        let gap = try #require(error.diagnostics.first { $0.code == "plan.issuer-gap" })
        #expect(gap.message.contains("2024-07-01") && gap.message.contains("2024-09-30"))
    }

    @Test func aStringNoteIsInternalAndAnObjectNoteMayPrint() throws {
        let text = PlanTests.minimal
            .replacingOccurrences(of: #""title": "Kế hoạch thử","#,
                                  with: #""title": "Kế hoạch thử", "note": "Danh sách xã là mẫu đại diện.","#)
            .replacingOccurrences(of: #""per_unit": true }"#,
                                  with: #""per_unit": true, "note": { "text": "Đánh giá từng đơn vị.", "public": true } }"#)
        let plan = try PlanTests.decode(text)
        #expect(plan.note == PlanNote(text: "Danh sách xã là mẫu đại diện.", isPublic: false))
        #expect(plan.note?.publicText == nil)
        #expect(plan.targets[0].note?.publicText == "Đánh giá từng đơn vị.")
    }

    @Test func anAssumptionNeedsItsReasonInEitherSpelling() throws {
        let flag = PlanTests.minimal.replacingOccurrences(
            of: #""recurs": "quarterly" }"#,
            with: #""recurs": "quarterly", "assumed": true, "assumed_reason": "Kế hoạch không nêu thời hạn" }"#)
        #expect(try PlanTests.decode(flag).tasks[1].assumed == Assumption(reason: "Kế hoạch không nêu thời hạn"))
        let bare = PlanTests.minimal.replacingOccurrences(of: #""recurs": "quarterly" }"#,
                                                          with: #""recurs": "quarterly", "assumed": true }"#)
        let error = try #require(throws: InputError.self) { try PlanTests.decode(bare) }
        #expect(error.diagnostics.map(\.code) == ["plan.assumed"])
    }

    @Test func rankingAndCommendationNameWhatThePlanHas() throws {
        let good = PlanTests.minimal.replacingOccurrences(of: #""tasks": ["#, with: """
            "ranking": { "by": "biz_vn_new", "label": "Số tên miền biz.vn đăng ký mới", "unit_types": ["commune"] },
            "commendation": { "criteria": ["enterprise_share"], "basis": "đề xuất khen thưởng (nếu có)" },
            "tasks": [
            """)
        let plan = try PlanTests.decode(good)
        #expect(plan.ranking == RankingRule(by: "biz_vn_new", label: "Số tên miền biz.vn đăng ký mới", unitTypes: ["commune"]))
        #expect(plan.commendation?.criteria == ["enterprise_share"])
        let bad = good.replacingOccurrences(of: #""by": "biz_vn_new""#, with: #""by": "biz_vn_nev""#)
            .replacingOccurrences(of: #""criteria": ["enterprise_share"]"#, with: #""criteria": ["enterprise_shar"]"#)
        let error = try #require(throws: InputError.self) { try PlanTests.decode(bad) }
        #expect(error.diagnostics.map(\.code) == ["plan.ranking", "plan.unknown-target"])
        #expect(error.diagnostics.first?.hint == "did you mean 'biz_vn_new'?")
    }

    @Test func rankingByATargetNeedsItsResultsPerUnit() throws {
        let text = PlanTests.minimal.replacingOccurrences(of: #""tasks": ["#, with: """
            "ranking": { "by": "biz_count", "label": "Tên miền biz.vn" },
            "tasks": [
            """)
        let error = try #require(throws: InputError.self) { try PlanTests.decode(text) }
        #expect(error.diagnostics.map(\.code) == ["plan.ranking"] && error.diagnostics[0].message.contains("per_unit"))
    }

    @Test func reportsCannotGoRoundInALoop() throws {
        let text = PlanTests.minimal
            .replacingOccurrences(of: #""parent": "SVHTTDL", "aliases""#, with: #""via": "SVHTTDL", "aliases""#)
            .replacingOccurrences(of: #""Sở Văn hóa, Thể thao và Du lịch", "type": "department" }"#,
                                  with: #""Sở Văn hóa, Thể thao và Du lịch", "type": "department", "via": "TRUONG" }"#)
        let error = try #require(throws: InputError.self) { try PlanTests.decode(text) }
        #expect(error.diagnostics.map(\.code) == ["plan.via-cycle"])
        #expect(error.diagnostics.first?.offending == "SVHTTDL → TRUONG → SVHTTDL")
    }

    @Test func aUnitCannotReportThroughOneThatDoesNotReport() throws {
        let text = PlanTests.minimal
            .replacingOccurrences(of: #""parent": "SVHTTDL", "aliases""#, with: #""via": "SVHTTDL", "aliases""#)
            .replacingOccurrences(of: #""Sở Văn hóa, Thể thao và Du lịch", "type": "department" }"#,
                                  with: #""Sở Văn hóa, Thể thao và Du lịch", "type": "department", "reports": false }"#)
        let error = try #require(throws: InputError.self) { try PlanTests.decode(text) }
        #expect(error.diagnostics.map(\.code) == ["plan.via-silent"])
        #expect(error.diagnostics.first?.location.path == "$.units[2].via")
    }

    @Test func aRateNeedsAUnitWithItsReferenceFigure() throws {
        let text = PlanTests.minimal.replacingOccurrences(
            of: #""unit": "tên miền", "over_time": "sum" }"#,
            with: #""unit": "tên miền", "over_time": "sum", "rates": ["per_1000_people"] }"#)
        let error = try #require(throws: InputError.self) { try PlanTests.decode(text) }
        #expect(error.diagnostics.map(\.code) == ["plan.rate-reference"])
        let fixed = text.replacingOccurrences(
            of: #""type": "commune", "from": "2025-07-01" }"#,
            with: #""type": "commune", "from": "2025-07-01", "reference": { "population": { "value": 20150, "date": "2024-12-31", "source": "Số liệu mẫu" } } }"#)
        let plan = try PlanTests.decode(fixed)
        #expect(plan.unit("XA_AB")?.reference(.population)?.value == 20150)
    }
}

extension PlanAdditionsTests {
    /// A unit renamed on a date keeps one id: its name on each day, and reports under the old name still match.
    @Test func aRenamedUnitKeepsItsHistoryUnderOneID() throws {
        let text = PlanTests.minimal.replacingOccurrences(
            of: #"{ "id": "SVHTTDL", "name": "Sở Văn hóa, Thể thao và Du lịch", "type": "department" }"#,
            with: #"{ "id": "SVHTTDL", "name": "Sở Văn hóa, Thể thao và Du lịch", "type": "department", "former_names": [{ "name": "Sở Văn hóa và Thể thao", "until": "2026-02-28" }] }"#)
        let plan = try PlanTests.decode(text)
        let unit = try #require(plan.unit("SVHTTDL"))
        #expect(unit.name(on: Day(year: 2026, month: 2, day: 28)!) == "Sở Văn hóa và Thể thao")
        #expect(unit.name(on: Day(year: 2026, month: 3, day: 1)!) == "Sở Văn hóa, Thể thao và Du lịch")
        #expect(unit.aliases.contains("Sở Văn hóa và Thể thao"))
        let matcher = UnitMatcher(plan.units.map { UnitMatcher.Entry(id: $0.id, name: $0.name, aliases: $0.aliases) })
        #expect(matcher.match("Sở Văn hóa và Thể thao").id == "SVHTTDL")
    }
}
