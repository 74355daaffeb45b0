import Foundation

/// Where a value sits in a JSON document, written as in messages: `$.units[3].parent`.
///
/// Keys that are plain identifiers are written with a dot; any other key (with spaces, dots,
/// non-ASCII letters) in brackets and quotes: `$.tasks["I.1"].status`.
public struct JSONPath: Hashable, Sendable, CustomStringConvertible {
    /// One step down: an object member or an array element.
    public enum Component: Hashable, Sendable {
        case key(String)
        /// A 0-based array index.
        case index(Int)
    }

    /// The steps from the document's root, outermost first.
    public private(set) var components: [Component]

    /// `$`, the whole document.
    public static let root = JSONPath()

    /// The path made of `components`; none is the root.
    public init(_ components: [Component] = []) {
        self.components = components
    }

    /// The member `key` of the object at this path.
    public func appending(key: String) -> JSONPath {
        var path = self
        path.components.append(.key(key))
        return path
    }

    /// The element `index` (0-based) of the array at this path.
    public func appending(index: Int) -> JSONPath {
        var path = self
        path.components.append(.index(index))
        return path
    }

    /// The path one step up; the root's parent is the root.
    public var parent: JSONPath {
        JSONPath(Array(components.dropLast()))
    }

    /// The path as messages write it, e.g. `$.units[3].parent`.
    public var description: String {
        var text = "$"
        for component in components {
            switch component {
            case .index(let index):
                text += "[\(index)]"
            case .key(let key) where Self.isIdentifier(key):
                text += "." + key
            case .key(let key):
                text += "[\"" + key.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
                    + "\"]"
            }
        }
        return text
    }

    private static func isIdentifier(_ key: String) -> Bool {
        guard let first = key.utf8.first, !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) else { return false }
        return key.utf8.allSatisfy { byte in
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "_")
        }
    }
}
