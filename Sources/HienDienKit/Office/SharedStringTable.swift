import Foundation

/// A workbook's shared strings (ECMA-376 Part 1 §18.4): each distinct text once, escaped once,
/// and the cells that show it refer to it by index — a national table of figures repeats its
/// period, unit and indicator names on each of 84,000 rows.
struct SharedStringTable {
    /// By the texts' UTF-8: hashing a `String` normalizes non-ASCII text first, for each cell.
    private var indices: [Key: Int] = [:]
    /// The `<si>` items, in index order.
    private var items: [UInt8] = []
    /// The cells that refer to the table.
    private(set) var references = 0

    var uniqueCount: Int { indices.count }

    /// The index of `text`, added at the end when it is new.
    mutating func index(of text: String) -> Int {
        references += 1
        let key = Key(text: text)
        if let index = indices[key] { return index }
        let index = indices.count
        indices[key] = index
        var escaped: [UInt8] = []
        WorksheetBytes.escape(text, into: &escaped)
        // Leading or trailing whitespace is kept only when the item says so.
        let spaces: [UInt8] = [0x20, 0x09, 0x0A, 0x0D]
        let preserve = escaped.first.map(spaces.contains) == true || escaped.last.map(spaces.contains) == true
        Self.append(preserve ? "<si><t xml:space=\"preserve\">" : "<si><t>", to: &items)
        items.append(contentsOf: escaped)
        Self.append("</t></si>", to: &items)
        return index
    }

    /// `xl/sharedStrings.xml`.
    func part() -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(items.count + 256)
        Self.append(OPCPackage.declaration + "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"\(references)\" uniqueCount=\"\(uniqueCount)\">", to: &bytes)
        bytes.append(contentsOf: items)
        Self.append("</sst>", to: &bytes)
        return bytes
    }

    private static func append(_ text: String, to bytes: inout [UInt8]) {
        bytes.append(contentsOf: text.utf8)
    }

    /// A text compared and hashed as its UTF-8 bytes.
    private struct Key: Hashable {
        var text: String

        static func == (a: Key, b: Key) -> Bool {
            a.text.utf8.count == b.text.utf8.count && a.text.utf8.elementsEqual(b.text.utf8)
        }

        func hash(into hasher: inout Hasher) {
            let bytes = text.utf8.span
            hasher.combine(bytes.count)
            var index = 0
            // Eight bytes a word: the hash is of the bytes, without normalising the text.
            while index + 8 <= bytes.count {
                var word: UInt64 = 0
                for offset in 0..<8 { word |= UInt64(bytes[index + offset]) << (8 * offset) }
                hasher.combine(word)
                index += 8
            }
            while index < bytes.count {
                hasher.combine(bytes[index])
                index += 1
            }
        }
    }
}
