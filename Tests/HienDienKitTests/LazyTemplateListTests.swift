import Foundation
import Synchronization
import Testing
@testable import HienDienKit

/// A lazy list is Phụ lục I's 84.000 rows kept as a count and a maker: a template must not see
/// the difference from the rows held whole — same text, same problems reported the same way.
struct LazyTemplateListTests {
    /// How many items a maker has made.
    final class Counter: Sendable {
        private let made = Mutex(0)
        var count: Int { made.withLock { $0 } }
        func add() { made.withLock { $0 += 1 } }
    }

    /// A lazy list of `items`, counting the items it makes.
    static func lazy(_ items: [TemplateValue], counting counter: Counter? = nil) -> TemplateValue {
        .lazyList(LazyTemplateList(count: items.count) { index in
            counter?.add()
            return items[index]
        })
    }

    /// `value` with every list, however deep, made lazy.
    static func madeLazy(_ value: TemplateValue) -> TemplateValue {
        switch value {
        case .list(let items): lazy(items.map(madeLazy))
        case .object(let fields): .object(fields.mapValues(madeLazy))
        default: value
        }
    }

    /// Phụ lục I of a national report, in small: Hà Nội's department with two figures (the second
    /// not counted in the total), Cao Bằng with no table yet.
    static let appendix: TemplateValue = [
        "period": "Quý II năm 2026",
        "province_groups": [
            [
                "name": "Ủy ban nhân dân thành phố Hà Nội",
                "types": [[
                    "type": "Sở, ban, ngành",
                    "rows": [
                        ["unit": "Sở Khoa học và Công nghệ thành phố Hà Nội", "first": true,
                         "indicator": "Tên miền id.vn đăng ký mới", "counted": true, "value": "1.200", "cumulative": "1.235"],
                        ["unit": "", "first": false, "indicator": "Cổng thông tin dùng tên miền .vn", "counted": false,
                         "value": "—", "cumulative": "—"],
                    ],
                ]],
            ],
            ["name": "Ủy ban nhân dân tỉnh Cao Bằng", "types": []],
        ],
        "recipients": ["Bộ Khoa học và Công nghệ", "Lưu: VT"],
        "no_rows": [],
    ]

    /// The text a template makes, or the problems it reports, each with its place and hint.
    static func outcome(_ source: String, _ context: TemplateValue, escaping: TemplateEscaping = .markdown) -> String {
        do {
            return try Template(name: "report.md", source: source).rendered(context, escaping: escaping)
        } catch let error as InputError {
            return error.diagnostics.map { "\($0.location) \($0.code) \($0.message) | \($0.hint ?? "")" }
                .joined(separator: "\n")
        } catch {
            return "unexpected \(error)"
        }
    }

    // MARK: - Same as the list held whole

    @Test(arguments: [
        // The province as a heading, its units by type; the period named in the outermost frame.
        """
        {{#province_groups}}**{{name}}**
        {{#types}}| *{{type}}* | {{period}} |
        {{#rows}}| {{unit}} | {{indicator}}{{^counted}} (không cộng vào tổng){{/counted}} | {{value}} | {{cumulative}} |
        {{/rows}}{{/types}}{{^types}}Chưa có số liệu.
        {{/types}}{{/province_groups}}
        """,
        "{{#recipients}}- {{.}};\n{{/recipients}}",
        "{{^no_rows}}Không có đơn vị nào.{{/no_rows}}{{#no_rows}}có{{/no_rows}}{{^recipients}}không{{/recipients}}",
        "{{#no_rows}}{{nothing}}{{/no_rows}}",
        // A misspelt name inside the rows: reported once, with the same hint.
        "{{#province_groups}}{{#types}}{{#rows}}{{untis}} {{valeu}}{{/rows}}{{/types}}{{/province_groups}}",
        // A list is no text and has no named values.
        "{{recipients}}", "{{province_groups.name}}",
        "{{#province_groups}}{{#types}}{{#rows}}{{unit.name}}{{/rows}}{{/types}}{{/province_groups}}",
        "{{#province_groups}}{{#types}}{{#rows}}{{first.x?}}{{/rows}}{{types.rows?}}{{/types}}{{/province_groups}}",
    ])
    func aLazyListRendersAsTheListHeldWhole(source: String) {
        let eager = Self.outcome(source, Self.appendix)
        #expect(Self.outcome(source, Self.madeLazy(Self.appendix)) == eager)
        #expect(Self.outcome(source, Self.madeLazy(Self.appendix), escaping: .html)
                == Self.outcome(source, Self.appendix, escaping: .html))
    }

    @Test func theAppendixReadsTheSameFromLazyRows() throws {
        let source = "{{#province_groups}}{{#types}}{{#rows}}{{unit}}|{{value}};{{/rows}}{{/types}}{{/province_groups}}"
        let text = try Template(name: "t", source: source).rendered(Self.madeLazy(Self.appendix), escaping: .markdown)
        #expect(text == "Sở Khoa học và Công nghệ thành phố Hà Nội|1.200;|—;")
    }

    @Test func aMisspeltNameInEveryRowIsReportedOnce() throws {
        let rows = TemplateValue.list((1...50).map { ["unit": .string("Ủy ban nhân dân xã \($0)")] })
        let context: TemplateValue = ["rows": Self.madeLazy(rows)]
        let error = try #require(throws: InputError.self) {
            try Template(name: "t", source: "{{#rows}}{{units}}{{/rows}}").rendered(context, escaping: .none)
        }
        #expect(error.diagnostics.map(\.code) == ["template.missing-key"])
        #expect(error.diagnostics.first?.hint?.hasPrefix("did you mean 'unit'?") == true)
    }

    // MARK: - Made when reached

    @Test func itemsAreMadeOnlyWhileASectionWalksThem() throws {
        let counter = Counter()
        let rows = Self.lazy(["Bộ Khoa học và Công nghệ", "Sở Khoa học và Công nghệ", "Lưu: VT"], counting: counter)
        let context: TemplateValue = ["recipients": rows]
        #expect(counter.count == 0)
        // Whether the list is empty needs no item.
        #expect(try Template(name: "t", source: "{{^recipients}}không{{/recipients}}").rendered(context, escaping: .none) == "")
        #expect(counter.count == 0)
        let list = try Template(name: "t", source: "{{#recipients}}{{.}}; {{/recipients}}")
        #expect(try list.rendered(context, escaping: .none) == "Bộ Khoa học và Công nghệ; Sở Khoa học và Công nghệ; Lưu: VT; ")
        #expect(counter.count == 3)
        // Made again by the next rendering (Markdown, then HTML): nothing is kept.
        _ = try list.rendered(context, escaping: .html)
        #expect(counter.count == 6)
    }

    // MARK: - Value semantics

    @Test func aLazyListIsAListThatIsTrueWhenItHasItems() {
        #expect(Self.lazy([]).isTruthy == false)
        #expect(Self.lazy([.null]).isTruthy == true)
        #expect(Self.lazy(["a"]).kindDescription == "a list")
        #expect(Self.lazy(["a", "b"]).items == ["a", "b"])
        #expect(TemplateValue.list(["a"]).items == ["a"])
        #expect(TemplateValue.string("a").items == nil)
    }

    @Test func aLazyListEqualsOnlyItself() {
        let rows = Self.lazy(["1.200", "35"])
        let copy = rows
        #expect(rows == copy)
        #expect(Set([rows, copy, .list(["1.200", "35"])]).count == 2)
        // Same items, another list: not compared item by item (that would make every item).
        #expect(rows != Self.lazy(["1.200", "35"]))
        #expect(rows != .list(["1.200", "35"]))
    }
}
