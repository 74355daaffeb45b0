import Testing
@testable import HienDienKit

/// Text in an XML part: markup escaped, the characters XML 1.0 cannot carry left out — the
/// byte-level escaping gives the bytes of the String one.
struct XMLTextTests {
    @Test func markupIsEscapedAndForbiddenCharactersLeftOut() {
        #expect(XMLText.escaped("Sở KH&CN <\"x\"> \u{1}\u{B}\t\n\r\u{FFFE}\u{FFFF}\u{FFFD}") == "Sở KH&amp;CN &lt;&quot;x&quot;&gt; \t\n\r\u{FFFD}")
        #expect(XMLText.escapedBytes("Tỷ lệ 37,62 % & <b>") == Array("Tỷ lệ 37,62 % &amp; &lt;b&gt;".utf8))
    }

    @Test func bytesMatchTheStringEscapingOnMixedText() {
        let pieces = ["&", "<", ">", "\"", "'", "\u{0}", "\u{1F}", "\t", "\n", "\r", "\u{FFFE}", "\u{FFFF}", "\u{FFFD}", "\u{EFFF}",
                      "\u{FEFF}", "a", "Sở", "ệ", "e\u{302}\u{301}", "🇻🇳", "1.000", " "]
        var seed: UInt64 = 0x2545_F491_4F6C_DD1D
        func next(_ bound: Int) -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int((seed >> 33) % UInt64(bound))
        }
        for _ in 0..<3_000 {
            let text = (0..<next(10)).map { _ in pieces[next(pieces.count)] }.joined()
            #expect(XMLText.escapedBytes(text) == Array(XMLText.escaped(text).utf8), "\(Array(text.unicodeScalars))")
            var appended = Array("x".utf8)
            XMLText.appendEscaped(Array(text.utf8)[...], to: &appended)
            #expect(appended == Array(("x" + XMLText.escaped(text)).utf8))
        }
    }
}
