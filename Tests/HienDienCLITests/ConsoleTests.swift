import Testing
@testable import HienDienCLI

struct ConsoleTests {
    /// `ingest` hands the console to a `@Sendable` progress callback: lines written from several
    /// tasks at once all arrive, whole, on the stream they were written to.
    @Test func linesFromManyTasksAllArriveWhole() async {
        let console = Console.capturing()
        await withTaskGroup(of: Void.self) { group in
            for task in 0..<8 {
                group.addTask {
                    for line in 0..<4_000 {
                        console.out("out \(task)-\(line)")
                        console.err("err \(task)-\(line)")
                        console.progress("not captured")
                    }
                }
            }
        }
        let output = console.output.split(separator: "\n")
        let errors = console.errors.split(separator: "\n")
        #expect(output.count == 32_000 && errors.count == 32_000)
        #expect(Set(output).count == 32_000 && output.allSatisfy { $0.hasPrefix("out ") })
        #expect(Set(errors).count == 32_000 && errors.allSatisfy { $0.hasPrefix("err ") })
    }
}
