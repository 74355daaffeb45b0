import Testing
@testable import HienDienKit

/// The report's text as bytes: references replaced, white space found, as on Strings.
struct HTMLTextTests {
    /// Unicode's White_Space, the property a browser collapses and a reader counts words by.
    @Test func whiteSpaceIsUnicodesWhiteSpaceProperty() {
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            if HTMLText.isWhitespace(value) != scalar.properties.isWhitespace { Issue.record("U+\(String(value, radix: 16))") }
        }
    }

    /// References replaced from bytes as from a String: `&amp;`, `&nbsp;`, numeric ones, an
    /// unknown or unterminated one kept as written, Vietnamese around them.
    @Test func referencesAreReplacedAsOnAString() {
        let pieces = ["&amp;", "&lt;", "&nbsp;", "&#7843;", "&#x1EA1;", "&#39;", "&bogus;", "&", ";", "&#xZZ;", "&#;", "&averyveryverylongname;",
                      "Sở", "KH", " ", "ệ", "\u{301}", "a"]
        var seed: UInt64 = 0x5DEE_CE66_D1CE_4E5B
        func next(_ bound: Int) -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int((seed >> 33) % UInt64(bound))
        }
        #expect(HTMLNode.decode("Sở KH&amp;CN&nbsp;tỉnh") == "Sở KH&CN\u{A0}tỉnh")
        for _ in 0..<3_000 {
            let text = (0..<next(8)).map { _ in pieces[next(pieces.count)] }.joined()
            let bytes = Array(text.utf8)
            var decoded: [UInt8] = []
            HTMLText.appendDecoded(bytes, bytes.indices, to: &decoded)
            #expect(decoded == Array(HTMLNode.decode(text).utf8), "\(text)")
        }
    }
}
