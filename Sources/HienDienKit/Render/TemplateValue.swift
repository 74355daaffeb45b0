import Foundation

/// A value a template can show: typed data, never reflection.
///
/// Numbers and dates reach templates already formatted (Vietnamese formatting lives in
/// `Format/`), so the only scalar kinds are text, already-safe markup and yes/no.
public enum TemplateValue: Hashable, Sendable {
    /// Text, escaped by the output's `TemplateEscaping` when shown with `{{name}}`.
    case string(String)
    /// Markup that is already safe for the output (an inline SVG chart, a prepared table);
    /// never escaped.
    case raw(String)
    /// Yes/no: drives `{{#name}}` and `{{^name}}` sections; it cannot be shown as text.
    case bool(Bool)
    /// Items: `{{#name}}` renders its body once per item, with the item as the context.
    case list([TemplateValue])
    /// Items made as the renderer reaches them (`LazyTemplateList`); a template sees it as a
    /// `.list` of the same items. Equal only to the same lazy list, never to a `.list`.
    case lazyList(LazyTemplateList)
    /// Named values: `{{#name}}` renders its body once with the object as the context.
    case object([String: TemplateValue])
    /// A known absence (a unit that sent no note): shows as nothing and is false in sections.
    case null

    /// `.string` with the decimal digits of `int` (no grouping: format for people first).
    public init(_ int: Int) {
        self = .string(String(int))
    }

    /// `.string(text)`, or `.null` when `text` is nil.
    public init(_ text: String?) {
        self = text.map(TemplateValue.string) ?? .null
    }

    /// Whether a section shows its body: false for `false`, `.null`, an empty string and
    /// an empty list; true for everything else, an empty object included (as in Mustache).
    var isTruthy: Bool {
        switch self {
        case .string(let text), .raw(let text): !text.isEmpty
        case .bool(let flag): flag
        case .list(let items): !items.isEmpty
        case .lazyList(let items): !items.isEmpty
        case .object: true
        case .null: false
        }
    }

    /// The items of a list, lazy or not (a lazy list's all made now); nil for any other value.
    var items: [TemplateValue]? {
        switch self {
        case .list(let items): items
        case .lazyList(let items): Array(items)
        default: nil
        }
    }

    /// A word for the value's kind, for error messages.
    var kindDescription: String {
        switch self {
        case .string: "text"
        case .raw: "markup"
        case .bool: "a yes/no value"
        case .list, .lazyList: "a list"
        case .object: "an object"
        case .null: "null"
        }
    }
}

// MARK: - Literals

extension TemplateValue: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) {
        self = .string(value)
    }
}

extension TemplateValue: ExpressibleByIntegerLiteral {
    public init(integerLiteral value: Int) {
        self.init(value)
    }
}

extension TemplateValue: ExpressibleByBooleanLiteral {
    public init(booleanLiteral value: Bool) {
        self = .bool(value)
    }
}

extension TemplateValue: ExpressibleByArrayLiteral {
    public init(arrayLiteral elements: TemplateValue...) {
        self = .list(elements)
    }
}

extension TemplateValue: ExpressibleByDictionaryLiteral {
    /// A repeated key keeps its last value.
    public init(dictionaryLiteral elements: (String, TemplateValue)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
}
