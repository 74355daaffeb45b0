import Foundation
import Testing
@testable import HienDienKit

/// Templates render UTF-8 bytes into a sink that is drained into a file as it grows
/// (issue 16): the bytes are those the whole text would have had, however often it drains.
struct TemplateSinkTests {
    /// The report's Markdown: the figures' table, a unit's note starting a list item, a name
    /// with `_` inside a word and one with `|`.
    static let source = """
        # Báo cáo {{period}}

        | Mục tiêu | Thực hiện |
        |---|---|
        {{#targets}}
        | {{name}} | {{actual}} |
        {{/targets}}

        {{#units}}
        - {{name}}: {{note?}}
        {{note?}}
        {{/units}}
        """

    static let context: TemplateValue = [
        "period": "Quý II năm 2026",
        "targets": [
            ["name": "Tỷ lệ doanh nghiệp | .vn", "actual": "43,21 %"],
            ["name": "Tên miền id.vn (mã_số _id)", "actual": "1.250"],
        ],
        "units": [
            ["name": "Sở Khoa học và Công nghệ", "note": "- Gửi qua <email> & điện thoại"],
            ["name": "UBND xã Đắk_Lắk", "note": "1. Đã gửi\nlần hai"],
        ],
    ]

    /// Renders `source` into a sink that drains after every `threshold` bytes, into `drained`.
    static func drained(_ source: String, escaping: TemplateEscaping, threshold: Int) throws -> [UInt8] {
        let template = try Template(name: "t", source: source)
        var drained: [UInt8] = []
        var sink = TemplateSink(threshold: threshold) { drained.append(contentsOf: $0) }
        try template.render(context, escaping: escaping, into: &sink)
        #expect(sink.bytes.isEmpty, "finish hands on the rest")
        return drained
    }

    @Test(arguments: [0, 1, 7, 64, 1 << 20])
    func drainingGivesTheBytesOfTheWholeText(threshold: Int) throws {
        for escaping in [TemplateEscaping.markdown, .html, .none] {
            let whole = try Template(name: "t", source: Self.source).rendered(Self.context, escaping: escaping)
            let drained = try Self.drained(Self.source, escaping: escaping, threshold: threshold)
            #expect(String(decoding: drained, as: UTF8.self) == whole, "\(escaping), drained after \(threshold) bytes")
        }
    }

    @Test func aNoteThatStartsALineIsNoListEvenRightAfterADrain() throws {
        // The drain empties the buffer on the line `{{note?}}` starts: the line's start is
        // remembered, so `- Gửi` still gets its backslash.
        let text = String(decoding: try Self.drained(Self.source, escaping: .markdown, threshold: 0), as: UTF8.self)
        #expect(text.contains("\n\\- Gửi qua &lt;email&gt; & điện thoại\n"))
        #expect(text.contains("\n1\\. Đã gửi lần hai\n"))
        #expect(text.contains("| Tỷ lệ doanh nghiệp \\| .vn | 43,21 % |"))
        #expect(text.contains("mã_số \\_id"), "`_` inside a word stays, at a word's edge it is escaped")
        #expect(text.contains("UBND xã Đắk_Lắk"))
    }

    @Test func markdownEscapingOnBytesKnowsWordsBeyondASCII() {
        let markdown = TemplateEscaping.markdown
        #expect(markdown.escaped("Đắk_Lắk") == "Đắk_Lắk")
        #expect(markdown.escaped("Đắk_ Lắk") == "Đắk\\_ Lắk")
        // A combining mark (NFD) is part of the word: `_` after it stays.
        #expect(markdown.escaped("e\u{301}_a") == "e\u{301}_a")
        #expect(markdown.escaped("_Hà Nội_") == "\\_Hà Nội\\_")
        #expect(markdown.escaped("Tôm &amp; cá &#7885; & x") == "Tôm &amp;amp; cá &amp;#7885; & x")
        #expect(markdown.escaped("- Ủy ban", atLineStart: true) == "\\- Ủy ban")
        #expect(markdown.escaped("  12) Điều", atLineStart: true) == "  12\\) Điều")
        // Line breaks of every kind become one space.
        #expect(markdown.escaped("Hà Nội \u{2028} Huế\r\n  Đà Nẵng\u{85}x") == "Hà Nội Huế Đà Nẵng x")
        #expect(TemplateEscaping.html.escaped("Sở \"KH&CN\" <b>'x'</b>") == "Sở &quot;KH&amp;CN&quot; &lt;b&gt;&#39;x&#39;&lt;/b&gt;")
    }

    struct DiskFull: Error {}

    @Test func aDrainThatFailsStopsTheRenderingAndIsThrown() throws {
        let template = try Template(name: "t", source: "{{#targets}}{{name}}\n{{/targets}}")
        var calls = 0
        var sink = TemplateSink(threshold: 1) { _ in
            calls += 1
            throw DiskFull()
        }
        #expect(throws: DiskFull.self) { try template.render(Self.context, escaping: .none, into: &sink) }
        #expect(calls == 1, "nothing is drained after the first failure")
    }

    @Test func aTemplateErrorIsThrownWhenTheSinkDrains() throws {
        let template = try Template(name: "t", source: "{{period}} {{plase}}")
        var sink = TemplateSink(threshold: 1) { _ in }
        let error = #expect(throws: InputError.self) { try template.render(Self.context, escaping: .none, into: &sink) }
        #expect(error?.diagnostics.first?.code == "template.missing-key")
    }
}
