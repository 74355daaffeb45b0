import Foundation
import Testing
@testable import HienDienCLI

/// `status` lines up its columns as Foundation's padding did, without bridging each cell.
struct StatusTableTests {
    @Test(arguments: ["STC", "quá 3", "Đúng hạn", "Chưa đến hạn", "Xã Thiệu Hoá", "Xã Thiệu Ho\u{301}a", "—", "👍🏽 xã", ""])
    func aCellIsPaddedAsFoundationPadsIt(cell: String) {
        for width in [0, 1, 3, 8, 14, 20] {
            #expect(cell.padded(to: width) == cell.padding(toLength: width, withPad: " ", startingAt: 0), "width \(width)")
        }
    }
}
