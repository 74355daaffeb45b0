import Foundation
import Testing
@testable import HienDienCLI
@testable import HienDienKit

/// `init` and `check` list what a plan file assumed beyond its seed's words.
struct PlanAssumptionTests {
    @Test func initAndCheckListWhatThePlanAssumed() throws {
        let cli = try RunnerHarness()
        let plan = RunnerHarness.repository.appendingPathComponent("SampleData/plans/hai-phong-svhttdl-2025-2026.json").path
        let initialized = cli.run("init", "--plan", plan, "--db", "hp.sqlite")
        #expect(initialized.code == 0)
        // Hải Phòng's issue day: the seed only says it implements "Kế hoạch số 276/KH-UBND ngày 22/10/2025".
        #expect(initialized.errors.contains("$.issued: warning: assumed"))
        #expect(initialized.errors.contains("[plan.assumed]"))
        let check = cli.run("check", "--db", "hp.sqlite")
        #expect(check.code == 0 && check.output.contains("healthy"))
        #expect(check.output.contains("$.issued: warning: assumed") && check.output.contains("$.document.issuers[0]"))
    }

    @Test func aPlanWithoutAssumptionsListsNone() throws {
        let cli = try RunnerHarness()
        let initialized = cli.run("init", "--plan", RunnerHarness.fixture("plans/thu-2026.json"), "--db", "t.sqlite")
        #expect(initialized.code == 0 && !initialized.errors.contains("plan.assumed"))
    }
}
