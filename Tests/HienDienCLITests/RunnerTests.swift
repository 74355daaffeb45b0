import Testing
@testable import HienDienCLI
