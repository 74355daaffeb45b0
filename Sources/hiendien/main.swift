import Foundation
import HienDienCLI

// The thin runner: argv in, exit code out. Everything else lives in HienDienCLI/HienDienKit.
let code = Runner.main(arguments: Array(CommandLine.arguments.dropFirst()),
                       environment: ProcessInfo.processInfo.environment)
exit(code)
