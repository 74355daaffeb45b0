import Foundation
import Testing
@testable import HienDienKit

/// The digest that recognises a file ingested before (FIPS 180-4 test vectors).
struct SHA256Tests {
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
         "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
    ])
    func knownDigests(_ text: String, _ digest: String) {
        var sha = SHA256()
        sha.update(Array(text.utf8))
        #expect(sha.finalize() == digest)
    }

    @Test func aMillionAsFedInUnevenPieces() {
        var sha = SHA256()
        var fed = 0
        var size = 1
        while fed < 1_000_000 {
            let piece = min(size, 1_000_000 - fed)
            sha.update([UInt8](repeating: UInt8(ascii: "a"), count: piece))
            fed += piece
            size = size * 3 % 997 + 1
        }
        #expect(sha.finalize() == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }
}
