import Foundation
import HienDienKit

/// The command-line entry point, callable from tests with argument arrays.
public enum Runner {
    public static func main(arguments: [String], environment: [String: String]) -> Int32 {
        0
    }
}
