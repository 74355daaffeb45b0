/// Items made one at a time as the renderer reaches them, then let go: a list too long to hold
/// whole as template values (a national Phụ lục I has 84.000 rows) kept as a count and a maker.
///
/// A template sees it exactly as a `.list` of the same items. Two lazy lists are equal only
/// when they are the same list — made by the same `init` call, or copies of it — never by
/// comparing their items, which would make every item; a lazy list never equals a `.list`.
/// The maker must be pure: it is called again each time a template walks the list, possibly
/// from two renderings at once (Markdown and HTML side by side).
public struct LazyTemplateList: RandomAccessCollection, Hashable, Sendable {
    /// What `==` compares: the maker's box, made once per `init`.
    private final class Maker: Sendable {
        let item: @Sendable (Int) -> TemplateValue

        init(_ item: @escaping @Sendable (Int) -> TemplateValue) {
            self.item = item
        }
    }

    /// How many items the list has.
    public let count: Int
    private let maker: Maker

    /// A list of `count` items, the item at `index` made by `item(index)` when it is read.
    public init(count: Int, item: @escaping @Sendable (Int) -> TemplateValue) {
        precondition(count >= 0, "a list has no negative count")
        self.count = count
        maker = Maker(item)
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { count }

    /// The item at `position`, made now.
    public subscript(position: Int) -> TemplateValue {
        precondition(indices.contains(position), "index \(position) outside a list of \(count)")
        return maker.item(position)
    }

    public static func == (lhs: LazyTemplateList, rhs: LazyTemplateList) -> Bool {
        lhs.maker === rhs.maker
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(ObjectIdentifier(maker))
    }
}
