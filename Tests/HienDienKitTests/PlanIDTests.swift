import Foundation
import Testing
@testable import HienDienKit

/// Plan ids become folder names, CSV cells and table rows: a documented pattern, and words
/// the outputs use refused (issue 15, items 16 and 18).
struct PlanIDTests {
    /// The minimal plan of `PlanTests` with one substitution.
    static func refusal(replacing old: String, with new: String) throws -> InputError? {
        let text = PlanTests.minimal.replacingOccurrences(of: old, with: new)
        #expect(text != PlanTests.minimal, "the substitution must change the plan")
        do {
            _ = try PlanTests.decode(text)
            return nil
        } catch let error as InputError {
            return error
        }
    }

    @Test(arguments: ["../../evil", "can_tho.2025", ".hidden", "a/b", "-x"])
    func aPlanIdThatIsNoPlainFolderNameIsRefused(_ id: String) throws {
        let error = try Self.refusal(replacing: #""id": "thu-2026""#, with: #""id": "\#(id)""#)
        #expect(error?.diagnostics.contains { $0.code == "plan.plan-id" && $0.location.path == "$.id" } ?? false,
                "\(error?.description ?? "accepted")")
    }

    @Test(arguments: ["TOTAL", "total"])
    func aUnitCalledTotalWouldShadowTheProvinceTotal(_ id: String) throws {
        let error = try Self.refusal(replacing: #""id": "TRUONG""#, with: #""id": "\#(id)""#)
        #expect(error?.diagnostics.contains { $0.code == "plan.reserved-id" } ?? false, "\(error?.description ?? "accepted")")
    }

    @Test(arguments: ["-1-1", "=1+1", "..", "_x"])
    func aUnitIdMustBeginWithALetterOrDigit(_ id: String) throws {
        let error = try Self.refusal(replacing: #""id": "TRUONG""#, with: #""id": "\#(id)""#)
        #expect(error?.diagnostics.contains { $0.code == "plan.id" } ?? false, "\(error?.description ?? "accepted")")
    }

    @Test func theSamplePlansFollowThePattern() throws {
        let plan = try PlanTests.decode(PlanTests.minimal)
        #expect(Plan.isValidPlanID(plan.id) && plan.units.allSatisfy { Plan.isValidID($0.id) })
    }

    @Test func theBlankFormIsWrittenByTheNeutralisingWriter() throws {
        // A unit made in code, past the plan's checks: the form still writes no formula.
        var plan = try PlanTests.decode(PlanTests.minimal)
        let unit = ReportingUnit(id: "-1-1", name: "=HYPERLINK(\"x\")", type: plan.units[0].type)
        plan.units.append(unit)
        let text = BlankForm.csv(plan: plan, unit: unit, period: .quarter(2, of: 2026))
        let cells = text.split(separator: "\r\n").dropFirst().map { $0.split(separator: ";", omittingEmptySubsequences: false) }
        #expect(!cells.isEmpty && cells.allSatisfy { $0.first == "'-1-1" }, "\(text)")
    }
}
