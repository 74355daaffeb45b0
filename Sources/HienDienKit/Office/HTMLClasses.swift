/// The classes of an element that the Word conversion gives a meaning to, read from its `class`
/// attribute (names split at white space, as a browser splits them).
struct HTMLClasses: OptionSet {
    let rawValue: UInt32

    static let appendix = Self(rawValue: 1 << 0)
    static let pageBreak = Self(rawValue: 1 << 1)
    static let signatureSpace = Self(rawValue: 1 << 2)
    static let rule = Self(rawValue: 1 << 3)
    static let docHeader = Self(rawValue: 1 << 4)
    static let docFooter = Self(rawValue: 1 << 5)

    /// The classes that change a paragraph's look, in the order `style(name:classes:inheriting:)`
    /// applies them (by name, as the names sort).
    static let byName: [(name: String, member: HTMLClasses)] = [
        "doc-title", "doc-subject", "doc-scope", "issuer", "number", "body-name", "nation", "motto", "signer-title",
        "signer-name", "place-date", "note", "empty", "recipients-title", "recipients", "num", "center", "total",
        "rule-short", "rule-full", "subject", "text-left", "text-right",
    ].enumerated().map { ($1, Self(rawValue: 1 << UInt32(6 + $0))) }.sorted { $0.name < $1.name }

    /// The body's name in the header block: a short line goes under it.
    static let bodyName = byName.first { $0.name == "body-name" }.map(\.member) ?? []
    /// The governing body's name above it.
    static let issuer = byName.first { $0.name == "issuer" }.map(\.member) ?? []

    private static let members: [String: HTMLClasses] = {
        var members = Dictionary(uniqueKeysWithValues: byName.map { ($0.name, $0.member) })
        members["appendix"] = .appendix
        members["page-break"] = .pageBreak
        members["signature-space"] = .signatureSpace
        members["rule"] = .rule
        members["doc-header"] = .docHeader
        members["doc-footer"] = .docFooter
        return members
    }()

    /// The names and members, as bytes, for reading a plain ASCII attribute.
    private static let memberBytes: [(name: [UInt8], member: HTMLClasses)] = members.map { (Array($0.key.utf8), $0.value) }

    /// The known classes in a `class` attribute's value of ASCII bytes without references.
    init(ascii value: borrowing Span<UInt8>) {
        self.init(rawValue: 0)
        var start = 0
        while start < value.count {
            var end = start
            while end < value.count, !(value[end] == 0x20 || (value[end] >= 0x09 && value[end] <= 0x0D)) { end += 1 }
            if end > start {
                let word = value.extracting(start..<end)
                for (name, member) in Self.memberBytes where Self.equal(name, word) {
                    insert(member)
                    break
                }
            }
            start = end + 1
        }
    }

    private static func equal(_ name: [UInt8], _ word: borrowing Span<UInt8>) -> Bool {
        guard name.count == word.count else { return false }
        let name = name.span
        for offset in 0..<word.count where name[offset] != word[offset] { return false }
        return true
    }

    init(rawValue: UInt32) {
        self.rawValue = rawValue
    }

    /// The known classes in a `class` attribute's value (nil: none).
    init(_ value: String?) {
        self.init(rawValue: 0)
        guard let value, !value.isEmpty else { return }
        if value.utf8.allSatisfy({ $0 < 0x80 }) {
            for name in value.utf8.split(whereSeparator: { $0 == 0x20 || ($0 >= 0x09 && $0 <= 0x0D) }) {
                if let member = Self.members[String(decoding: name, as: UTF8.self)] { insert(member) }
            }
        } else {
            for name in value.split(whereSeparator: \.isWhitespace) {
                if let member = Self.members[String(name)] { insert(member) }
            }
        }
    }
}
