import Foundation
import Testing
@testable import HienDienKit

struct TemplateTests {
    // MARK: - Helpers

    func render(
        _ source: String, _ context: TemplateValue = [:], escaping: TemplateEscaping = .none,
        partials: [String: String] = [:]
    ) throws -> String {
        let parsed = try partials.mapValues { try Template(name: "partial", source: $0) }
        return try Template(name: "t", source: source).rendered(context, escaping: escaping, partials: parsed)
    }

    /// The diagnostics `body` throws in an `InputError`; records an issue if it throws none.
    func diagnostics(sourceLocation: Testing.SourceLocation = #_sourceLocation, _ body: () throws -> Any) -> [Diagnostic] {
        do {
            let result = try body()
            Issue.record("expected an InputError, got \(result)", sourceLocation: sourceLocation)
        } catch let error as InputError {
            return error.diagnostics
        } catch {
            Issue.record("expected an InputError, got \(error)", sourceLocation: sourceLocation)
        }
        return []
    }

    /// A fresh folder for one test, removed after it.
    func withTemporaryFolder<T>(_ body: (URL) throws -> T) throws -> T {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("hiendien-template-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        return try body(folder)
    }

    func write(_ text: String, to folder: URL, _ file: String) throws {
        try Data(text.utf8).write(to: folder.appendingPathComponent(file))
    }

    // MARK: - Variables

    @Test func variablesAreReplaced() throws {
        let context: TemplateValue = ["place": "Thanh Hóa", "count": TemplateValue(4026), "note": .null]
        #expect(try render("Tỉnh {{place}}: {{ count }} tên miền{{note}}.", context) == "Tỉnh Thanh Hóa: 4026 tên miền.")
    }

    @Test func htmlEscapingNeverLetsMarkupThrough() throws {
        let context: TemplateValue = ["v": "<script>alert('x') && \"y\"</script>"]
        let output = try render("<td>{{v}}</td>", context, escaping: .html)
        #expect(output == "<td>&lt;script&gt;alert(&#39;x&#39;) &amp;&amp; &quot;y&quot;&lt;/script&gt;</td>")
        #expect(!output.contains("<script>"))
    }

    @Test func markdownEscapingKeepsTableCellsWhole() throws {
        let context: TemplateValue = ["name": "Tên miền .vn | id.vn", "note": "dòng 1\r\n  dòng 2\n\ndòng 3"]
        let output = try render("| {{name}} | {{note}} |\n", context, escaping: .markdown)
        #expect(output == "| Tên miền .vn \\| id.vn | dòng 1 dòng 2 dòng 3 |\n")
    }

    @Test func noEscapingLeavesValuesAsTheyAre() throws {
        #expect(try render("{{v}}", ["v": "<b>a | b</b>\n"], escaping: .none) == "<b>a | b</b>\n")
    }

    @Test(arguments: [
        ("a|b", false, "a\\|b"),
        ("<b>x</b> <img src=x onerror=alert(1)>", false, "&lt;b&gt;x&lt;/b&gt; &lt;img src=x onerror=alert(1)&gt;"),
        ("C:\\dir", false, "C:\\\\dir"),
        ("[bấm vào](http://x)", false, "\\[bấm vào](http://x)"),
        ("![ảnh](x.png)", false, "!\\[ảnh](x.png)"),
        ("biz_vn_new", false, "biz_vn_new"),
        ("_nghiêng_ và a_ _b", false, "\\_nghiêng\\_ và a\\_ \\_b"),
        ("(*) ghi chú **đậm**", false, "(\\*) ghi chú \\*\\*đậm\\*\\*"),
        ("`mã` ~50 %", false, "\\`mã\\` \\~50 %"),
        ("Trường TC VHNT&DL", false, "Trường TC VHNT&DL"),
        ("&amp; &#39; &#x1F; & b", false, "&amp;amp; &amp;#39; &amp;#x1F; & b"),
        ("a\r\n  b\n\nc\n", false, "a b c"),
        ("- gạch đầu dòng", true, "\\- gạch đầu dòng"),
        ("- gạch đầu dòng", false, "- gạch đầu dòng"),
        ("# tiêu đề", true, "\\# tiêu đề"),
        ("  + mục", true, "  \\+ mục"),
        ("===", true, "\\==="),
        ("1. thứ nhất", true, "1\\. thứ nhất"),
        ("12) mười hai", true, "12\\) mười hai"),
        ("2026", true, "2026"),
        ("Quý II năm 2026", true, "Quý II năm 2026"),
    ])
    func markdownEscaping(text: String, atLineStart: Bool, expected: String) {
        #expect(TemplateEscaping.markdown.escaped(text, atLineStart: atLineStart) == expected)
    }

    @Test(arguments: [
        ("a & b", "a &amp; b"), ("<p class=\"x\">", "&lt;p class=&quot;x&quot;&gt;"), ("O'Neil", "O&#39;Neil"),
        ("Hà Nội", "Hà Nội"), ("a | b\nc", "a | b\nc"),
    ])
    func htmlEscaping(text: String, expected: String) {
        #expect(TemplateEscaping.html.escaped(text) == expected)
    }

    @Test func markdownValuesAtTheStartOfALineMakeNoBlocks() throws {
        let context: TemplateValue = ["a": "- không phải danh sách", "b": "# không phải tiêu đề", "c": "- x"]
        let output = try render("{{a}}\n> {{b}}\n1. {{c}}\nGhi chú: {{c}}\n", context, escaping: .markdown)
        #expect(output == "\\- không phải danh sách\n> \\# không phải tiêu đề\n1. \\- x\nGhi chú: - x\n")
    }

    @Test(arguments: [
        ("báo-cáo.html", TemplateEscaping.html), ("report.HTM", .html), ("report.md", .markdown),
        ("x.markdown", .markdown), ("tasks.csv", .none), ("plain", .none),
    ])
    func escapingFollowsTheTemplateName(name: String, expected: TemplateEscaping) {
        #expect(TemplateEscaping(forTemplateNamed: name) == expected)
    }

    @Test func rawValuesAndUnescapedTagsAreNeverEscaped() throws {
        let context: TemplateValue = ["chart": .raw("<svg width=\"10\"><rect/></svg>"), "html": "<b>đậm</b>"]
        let source = "{{chart}}|{{{chart}}}|{{&chart}}|{{{html}}}|{{& html}}|{{html}}"
        #expect(
            try render(source, context, escaping: .html)
                == "<svg width=\"10\"><rect/></svg>|<svg width=\"10\"><rect/></svg>|<svg width=\"10\"><rect/></svg>"
                + "|<b>đậm</b>|<b>đậm</b>|&lt;b&gt;đậm&lt;/b&gt;")
        #expect(try render("{{chart}}", context, escaping: .markdown) == "<svg width=\"10\"><rect/></svg>")
    }

    // MARK: - Sections

    @Test func sectionOverAListRendersOncePerItem() throws {
        let context: TemplateValue = ["units": [["id": "SKHCN"], ["id": "SGDDT"]]]
        #expect(try render("{{#units}}[{{id}}]{{/units}}", context) == "[SKHCN][SGDDT]")
    }

    @Test func sectionOverAnObjectPushesIt() throws {
        let context: TemplateValue = ["plan": ["issuer": "UBND tỉnh"], "issuer": "ngoài"]
        #expect(try render("{{#plan}}{{issuer}}{{/plan}} {{issuer}}", context) == "UBND tỉnh ngoài")
    }

    @Test(arguments: [
        (TemplateValue.bool(true), "[có]", ""),
        (.bool(false), "", "[không]"),
        (.string("ghi chú"), "[có ghi chú]", ""),
        (.string(""), "", "[không]"),
        (.raw("<svg/>"), "[có <svg/>]", ""),
        (.list([]), "", "[không]"),
        (.list(["a", "b"]), "[có a][có b]", ""),
        (.null, "", "[không]"),
        (.object([:]), "[có]", ""),
    ])
    func sectionsAndInvertedSectionsFollowTruth(value: TemplateValue, section: String, inverted: String) throws {
        let context: TemplateValue = ["v": value]
        let sectionSource: String
        switch value {
        case .string, .raw, .list: sectionSource = "{{#v}}[có {{{.}}}]{{/v}}"
        default: sectionSource = "{{#v}}[có]{{/v}}"
        }
        #expect(try render(sectionSource, context) == section)
        #expect(try render("{{^v}}[không]{{/v}}", context) == inverted)
    }

    @Test func namesAreLookedUpFromTheInnermostContextOutwards() throws {
        let context: TemplateValue = [
            "period": "Quý II năm 2026", "name": "Kế hoạch",
            "units": [["name": "Sở KH&CN", "tasks": [["id": "I.1"], ["id": "IV.1", "name": "Giám sát"]]]],
        ]
        let source = "{{#units}}{{#tasks}}{{id}} {{name}} {{period}}; {{/tasks}}{{/units}}{{name}}"
        #expect(
            try render(source, context)
                == "I.1 Sở KH&CN Quý II năm 2026; IV.1 Giám sát Quý II năm 2026; Kế hoạch")
    }

    @Test func dottedNamesLookInsideObjects() throws {
        let context: TemplateValue = ["plan": ["issuer": ["name": "UBND tỉnh Thanh Hóa"]], "units": [["id": "A"]]]
        #expect(try render("{{plan.issuer.name}}", context) == "UBND tỉnh Thanh Hóa")
        // The first part is found through the context stack, the others inside it.
        #expect(try render("{{#units}}{{id}}: {{plan.issuer.name}}{{/units}}", context) == "A: UBND tỉnh Thanh Hóa")
        #expect(try render("{{#plan.issuer}}{{name}}{{/plan.issuer}}", context) == "UBND tỉnh Thanh Hóa")
    }

    @Test func implicitIteratorIsTheCurrentItem() throws {
        let context: TemplateValue = ["ids": ["I.1", "I.2", "<x>"]]
        #expect(try render("{{#ids}}{{.}}, {{/ids}}", context, escaping: .html) == "I.1, I.2, &lt;x&gt;, ")
    }

    // MARK: - Optional names

    @Test func optionalNamesMayBeMissing() throws {
        let source = "{{#note?}}Ghi chú: {{.}}{{/note?}}{{^difficulties?}}Không có khó khăn.{{/difficulties}}{{extra?}}"
        #expect(try render(source, [:]) == "Không có khó khăn.")
        #expect(try render(source, ["note": "gửi muộn", "difficulties": "thiếu kinh phí"]) == "Ghi chú: gửi muộn")
        #expect(try render("{{#unit.note?}}x{{/unit.note}}", ["unit": .null]) == "")
    }

    @Test func missingNamesInSectionsAreErrorsUnlessOptional() throws {
        for source in ["{{#note}}x{{/note}}", "{{^difficulties}}x{{/difficulties}}", "{{#a.b}}x{{/a.b}}"] {
            let found = diagnostics { try render(source, ["a": [:]]) }
            #expect(found.map(\.code) == ["template.missing-key"], "\(source)")
        }
    }

    @Test func optionalNamesStillRefuseTheWrongKind() throws {
        let found = diagnostics { try render("{{#title.note?}}x{{/title.note?}}", ["title": "Báo cáo"]) }
        #expect(found.map(\.code) == ["template.wrong-kind"])
        #expect(found.first?.message == "'title' is text, so it has no 'note'")
    }

    // MARK: - Missing names

    @Test func missingNameNamesTheFileLineColumnAndTag() throws {
        let template = try Template(name: "report.md", source: "# Báo cáo\n  Đơn vị: {{unit_nmae}}\n")
        let found = diagnostics { try template.rendered(["unit_name": "Sở"], escaping: .markdown) }
        let diagnostic = try #require(found.first)
        #expect(found.count == 1)
        #expect(diagnostic.code == "template.missing-key")
        #expect(diagnostic.location == SourceLocation(file: "report.md.mustache", line: 2, column: 11))
        #expect(diagnostic.offending == "{{unit_nmae}}")
        #expect(diagnostic.lineText == "  Đơn vị: {{unit_nmae}}")
        #expect(
            diagnostic.description == """
                report.md.mustache:2:11: error: no value named 'unit_nmae' in the data: '{{unit_nmae}}' \
                [template.missing-key]
                    |   Đơn vị: {{unit_nmae}}
                    hint: did you mean 'unit_name'? if the data may leave it out, write 'unit_nmae?' in the tag
                """)
    }

    @Test func missingNameHintListsTheNamesThereAre() throws {
        let found = diagnostics { try render("{{#units}}{{zzz}}{{/units}}", ["units": [["id": "A", "name": "B"]]]) }
        #expect(found.map(\.hint) == ["names here: id, name, units; if the data may leave it out, write 'zzz?' in the tag"])
    }

    @Test func missingDottedPartSaysWhere() throws {
        let found = diagnostics { try render("\n{{plan.isuer}}", ["plan": ["issuer": "UBND"]]) }
        #expect(found.map(\.message) == ["'plan' has no value named 'isuer'"])
        #expect(found.first?.location.line == 2)
        #expect(found.first?.hint?.hasPrefix("did you mean 'issuer'?") == true)
    }

    @Test func everyMissingNameIsReportedOnceInSourceOrder() throws {
        // The hint differs from row to row (other names there); each tag is still reported once.
        let context: TemplateValue = ["rows": [[:], ["x": "1"], ["y": "2"]]]
        let found = diagnostics { try render("{{#rows}}{{a}}{{b}}{{/rows}}\n{{c}}", context) }
        #expect(found.map(\.offending) == ["{{a}}", "{{b}}", "{{c}}"])
        #expect(found.map(\.location.line) == [1, 1, 2])
    }

    @Test(arguments: [
        (TemplateValue.bool(true), "'v' is a yes/no value and cannot be shown as text"),
        (.list(["a"]), "'v' is a list and cannot be shown as text"),
        (.object(["a": "b"]), "'v' is an object and cannot be shown as text"),
    ])
    func onlyTextCanBeShown(value: TemplateValue, message: String) throws {
        let found = diagnostics { try render("{{v}}", ["v": value]) }
        #expect(found.map(\.code) == ["template.wrong-kind"])
        #expect(found.map(\.message) == [message])
        #expect(found.first?.hint == "use it as a section: '{{#v}}…{{/v}}'")
    }

    // MARK: - Comments and standalone lines

    @Test func commentsRenderNothing() throws {
        #expect(try render("a{{! ghi chú }}b", [:]) == "ab")
        #expect(try render("a\n  {{! dòng riêng }}  \nb\n", [:]) == "a\nb\n")
        #expect(try render("a\n{{!\n  nhiều dòng\n}}\nb", [:]) == "a\nb")
    }

    @Test func standaloneTagLinesVanishSoMarkdownTablesStayWhole() throws {
        let source = """
            | Mục tiêu | Kết quả |
            |---|---|
            {{#targets}}
            | {{name}} | {{actual}} |
            {{/targets}}
            {{^targets}}
            | Chưa có số liệu | |
            {{/targets}}

            """
        let context: TemplateValue = [
            "targets": [["name": "Tên miền .vn | id.vn", "actual": "43,21 %"], ["name": "Doanh nghiệp", "actual": "4.026"]],
        ]
        #expect(
            try render(source, context, escaping: .markdown) == """
                | Mục tiêu | Kết quả |
                |---|---|
                | Tên miền .vn \\| id.vn | 43,21 % |
                | Doanh nghiệp | 4.026 |

                """)
        #expect(
            try render(source, ["targets": []], escaping: .markdown) == """
                | Mục tiêu | Kết quả |
                |---|---|
                | Chưa có số liệu | |

                """)
    }

    @Test(arguments: [
        ("a\n  {{#b}}  \nc\n\t{{/b}}\nd", "a\nc\nd"),  // indented, trailing whitespace
        ("a\r\n{{#b}}\r\nc\r\n{{/b}}\r\nd", "a\r\nc\r\nd"),  // CRLF
        ("{{#b}}\nc\n{{/b}}", "c\n"),  // first line, last line without a break
        ("a\n{{#b}}{{! x }}{{/b}}\nd", "a\nd"),  // several such tags on one line
        ("a\n{{#b}}c{{/b}}\nd", "a\nc\nd"),  // text on the line: kept
        ("a\n{{#b}} {{v}} {{/b}}\nd", "a\n V \nd"),  // a variable on the line: kept
        ("a {{#b}}\nc\n{{/b}} d", "a \nc\n d"),  // text before or after: kept
    ])
    func standaloneLines(source: String, expected: String) throws {
        #expect(try render(source, ["b": true, "v": "V"]) == expected)
    }

    // MARK: - Partials

    @Test func partialsInheritTheContext() throws {
        let partials = ["row": "| {{id}} | {{name}} | {{period}} |\n"]
        let source = "{{#units}}\n{{> row}}\n{{/units}}\n"
        let context: TemplateValue = ["period": "2026-Q2", "units": [["id": "A", "name": "Sở A"], ["id": "B", "name": "Sở B"]]]
        #expect(
            try render(source, context, escaping: .markdown, partials: partials)
                == "| A | Sở A | 2026-Q2 |\n| B | Sở B | 2026-Q2 |\n")
        #expect(try render("[{{>row}}]", ["id": 1, "name": "x", "period": "p"], partials: partials) == "[| 1 | x | p |\n]")
    }

    @Test func standalonePartialIsIndentedLineByLine() throws {
        let partials = ["items": "<li>{{a}}</li>\n\n<li>{{b}}</li>\n", "outer": "<ul>\n  {{> items}}\n</ul>\n"]
        let context: TemplateValue = ["a": "1", "b": "2\n3"]
        #expect(
            try render("<div>\n  {{> outer}}\n</div>\n", context, partials: partials)
                == "<div>\n  <ul>\n    <li>1</li>\n\n    <li>2\n3</li>\n  </ul>\n</div>\n")
    }

    @Test func partialsMayRecurseOverData() throws {
        let partials = ["node": "{{name}}({{#children}}{{> node}}{{/children}})"]
        let context: TemplateValue = [
            "name": "SVHTTDL", "children": [["name": "TRUONG_VHNT", "children": []], ["name": "THU_VIEN", "children": []]],
        ]
        #expect(try render("{{> node}}", context, partials: partials) == "SVHTTDL(TRUONG_VHNT()THU_VIEN())")
    }

    @Test func endlessPartialRecursionStops() throws {
        let partials = ["loop": "x{{#items}}{{> loop}}{{> loop}}{{/items}}"]
        let found = diagnostics { try render("{{> loop}}", ["items": [1, 2, 3]], partials: partials) }
        #expect(found.map(\.code) == ["template.partial-depth"])
        #expect(found.first?.message == "partials are nested more than 32 deep")
    }

    @Test func missingPartialIsAnErrorAtItsTag() throws {
        let found = diagnostics { try render("a\n {{> header.html}}", [:]) }
        #expect(found.map(\.code) == ["template.missing-partial"])
        #expect(found.first?.location == SourceLocation(file: "t.mustache", line: 2, column: 2))
        #expect(found.first?.offending == "{{> header.html}}")
    }

    // MARK: - Parse errors

    @Test(arguments: [
        ("a\nBáo cáo {{#targets}}\nx", "template.unclosed-section", 2, 9, "{{#targets}}"),
        ("{{#targets}}\n  {{/units}}", "template.mismatched-close", 2, 3, "{{/units}}"),
        ("x\n  y {{name\nz", "template.unclosed-tag", 2, 5, "{{name"),
        ("Quý {{a {{b}}", "template.unclosed-tag", 1, 5, "{{a "),
        ("{{{name}}\n", "template.unclosed-tag", 1, 1, "{{{name}}"),
        ("a\n{{! ghi chú\nvẫn chưa đóng", "template.unclosed-tag", 2, 1, "{{! ghi chú"),
        ("ab{{}}", "template.empty-tag", 1, 3, "{{}}"),
        ("{{ }}", "template.empty-tag", 1, 1, "{{ }}"),
        ("{{# }}x", "template.empty-tag", 1, 1, "{{# }}"),
        ("{{{ }}}", "template.empty-tag", 1, 1, "{{{ }}}"),
        ("{{>}}", "template.empty-tag", 1, 1, "{{>}}"),
        ("\n\n   {{=<% %>=}}", "template.unknown-sigil", 3, 4, "{{=<% %>=}}"),
        ("{{$block}}", "template.unknown-sigil", 1, 1, "{{$block}}"),
        ("{{%x}}", "template.unknown-sigil", 1, 1, "{{%x}}"),
        ("{{a b}}", "template.invalid-name", 1, 1, "{{a b}}"),
        ("{{a..b}}", "template.invalid-name", 1, 1, "{{a..b}}"),
        ("{{.?}}", "template.invalid-name", 1, 1, "{{.?}}"),
        ("{{#a?b}}x", "template.invalid-name", 1, 1, "{{#a?b}}"),
        ("a\r\nb\r\n  {{/a}}", "template.unopened-close", 3, 3, "{{/a}}"),
        ("{{> ../secret}}", "template.invalid-template-name", 1, 1, "{{> ../secret}}"),
        ("{{> /etc/passwd}}", "template.invalid-template-name", 1, 1, "{{> /etc/passwd}}"),
    ])
    func parseErrorsSayWhere(source: String, code: String, line: Int, column: Int, offending: String) {
        let found = diagnostics { try Template(name: "report.md", source: source) }
        #expect(found.count == 1)
        let diagnostic = found.first
        #expect(diagnostic?.code == code)
        #expect(diagnostic?.location == SourceLocation(file: "report.md.mustache", line: line, column: column))
        #expect(diagnostic?.offending == offending)
        #expect(diagnostic?.hint?.isEmpty == false)
        // Split on Characters: "\r\n" is one Character, not "\n".
        let lines = source.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
        #expect(diagnostic?.lineText == String(lines[line - 1]))
    }

    @Test func mismatchedCloseReadsWell() throws {
        let source = "# Báo cáo\n\n{{#targets}}\n| a |\n{{#units}}\n{{/units}}\n{{/units}}\n"
        let found = diagnostics { try Template(name: "report.md", source: source) }
        #expect(
            found.map(\.description) == [
                """
                report.md.mustache:7:1: error: section 'targets' opened at line 3 is closed by another tag: \
                '{{/units}}' [template.mismatched-close]
                    | {{/units}}
                    hint: close it with '{{/targets}}'; sections close in the reverse order they open
                """
            ])
    }

    @Test func everyParseProblemIsListedInSourceOrder() throws {
        let source = "{{#a}}\n{{b c}}\n{{#d}}\n{{}}\n{{=x=}}"
        let found = diagnostics { try Template(name: "t", source: source) }
        #expect(
            found.map(\.code) == [
                "template.unclosed-section", "template.invalid-name", "template.unclosed-section", "template.empty-tag",
                "template.unknown-sigil",
            ])
        #expect(found.map { $0.location.line ?? 0 } == [1, 2, 3, 4, 5])
        #expect(found.map(\.message).prefix(3) == ["section 'a' is never closed", "'b c' is not a valid name", "section 'd' is never closed"])
    }

    @Test func optionalSectionsCloseWithOrWithoutTheMark() throws {
        #expect(try render("{{#n?}}a{{/n}}{{#n?}}b{{/n?}}{{#n}}c{{/n?}}", ["n": true]) == "abc")
    }

    // MARK: - Library

    @Test func libraryLoadsByNameAndResolvesPartials() throws {
        try withTemporaryFolder { folder in
            try write("<h1>{{title}}</h1>\n", to: folder, "header.html.mustache")
            try write("\u{FEFF}<html>\r\n{{> header.html}}\r\n<p>{{body}}</p>\r\n</html>\r\n", to: folder, "report.html.mustache")
            let library = TemplateLibrary(directory: folder)
            let output = try library.rendered(
                "report.html", with: ["title": "Quý II & <2026>", "body": "Tốt"], escaping: .html)
            #expect(output == "<html>\r\n<h1>Quý II &amp; &lt;2026&gt;</h1>\n<p>Tốt</p>\r\n</html>\r\n")
        }
    }

    @Test func libraryParsesOnceAndKeepsTheTemplate() throws {
        try withTemporaryFolder { folder in
            try write("một", to: folder, "a.mustache")
            let library = TemplateLibrary(directory: folder)
            #expect(try library.rendered("a", with: [:], escaping: .none) == "một")
            try write("hai", to: folder, "a.mustache")
            #expect(try library.rendered("a", with: [:], escaping: .none) == "một")
            #expect(try TemplateLibrary(directory: folder).rendered("a", with: [:], escaping: .none) == "hai")
        }
    }

    @Test func libraryErrorsNameTheTemplateFile() throws {
        try withTemporaryFolder { folder in
            try write("{{> row.md}}\n", to: folder, "report.md.mustache")
            try write("ok\n{{#x}}\n", to: folder, "row.md.mustache")
            try Data([0x7B, 0x7B, 0xFF, 0x7D, 0x7D]).write(to: folder.appendingPathComponent("latin1.mustache"))
            let library = TemplateLibrary(directory: folder)
            let broken = diagnostics { try library.rendered("report.md", with: ["x": true], escaping: .markdown) }
            #expect(broken.map(\.code) == ["template.unclosed-section"])
            #expect(broken.first?.location == SourceLocation(file: folder.appendingPathComponent("row.md.mustache").relativePath, line: 2, column: 1))

            let missing = diagnostics { try library.template(named: "summary.md") }
            #expect(missing.map(\.code) == ["template.not-found"])
            #expect(missing.first?.location.file == folder.appendingPathComponent("summary.md.mustache").relativePath)

            let unreadable = diagnostics { try library.template(named: "latin1") }
            #expect(unreadable.map(\.code) == ["template.unreadable"])
        }
    }

    @Test(arguments: [
        "../secret", "/etc/passwd", "a/../../b", "..", ".", "", "a..b", ".hidden", "a/b", "report.md/", "~root",
        "a b", "a\\b", "thư", "secret\u{0}",
    ])
    func libraryRefusesNamesThatCouldLeaveTheFolder(name: String) throws {
        try withTemporaryFolder { folder in
            let templates = folder.appendingPathComponent("templates", isDirectory: true)
            try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
            try write("bí mật", to: folder, "secret.mustache")
            let library = TemplateLibrary(directory: templates)
            let found = diagnostics { try library.template(named: name) }
            #expect(found.map(\.code) == ["template.invalid-template-name"])
            #expect(found.first?.message == "template name refused")
            #expect(found.first?.offending == name)
            #expect(found.first?.hint?.contains("cannot hold '/' or '..'") == true)
            #expect(!TemplateLibrary.isValidName(name))
        }
    }

    @Test(arguments: ["report.md", "header.html", "a", "targets-row_2.md", "A.B.C"])
    func validTemplateNames(name: String) {
        #expect(TemplateLibrary.isValidName(name))
    }

    @Test func fixtureReportRendersToItsGoldenFile() throws {
        let fixtures = try #require(Bundle.module.resourceURL).appendingPathComponent("Fixtures/templates")
        let library = TemplateLibrary(directory: fixtures)
        let context: TemplateValue = [
            "period": "Quý II năm 2026",
            "place": "Thanh Hóa",
            "targets": [
                ["id": "enterprise_share", "name": "Tỷ lệ doanh nghiệp | .vn", "actual": "43,21 %", "on_track": true],
                ["id": "id_vn_count", "name": "Tên miền id.vn", "actual": "1.250", "on_track": false],
            ],
            "units": [["name": "Sở Khoa học và Công nghệ", "note": "Gửi qua <email>"], ["name": "UBND xã AB"]],
        ]
        let output = try library.rendered("report.md", with: context, escaping: .markdown)
        let golden = try String(contentsOf: fixtures.appendingPathComponent("report.md.expected"), encoding: .utf8)
        #expect(output == golden)
    }

    // MARK: - Values

    @Test func literalsBuildValues() {
        let value: TemplateValue = ["a": 1, "b": true, "c": ["x", .null], "d": .raw("<i/>")]
        #expect(
            value == .object([
                "a": .string("1"), "b": .bool(true), "c": .list([.string("x"), .null]), "d": .raw("<i/>"),
            ]))
        #expect(TemplateValue(nil as String?) == .null)
        #expect(TemplateValue("x" as String?) == .string("x"))
        #expect(TemplateValue(-42) == .string("-42"))
    }
}
