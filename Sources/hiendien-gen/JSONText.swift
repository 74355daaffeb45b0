import HienDienKit

/// Serialises a `JSONValue` as UTF-8 JSON text: the top-level object one member per line,
/// the members of its arrays (units, indicators, targets, tasks) one per line, anything
/// deeper on one line — readable in a diff and still compact for 4,000 units.
enum JSONText {
    static func render(_ value: JSONValue) -> String {
        var out = ""
        write(value, into: &out, depth: 0, prettyDepth: 2)
        out += "\n"
        return out
    }

    private static func write(_ value: JSONValue, into out: inout String, depth: Int, prettyDepth: Int) {
        let pretty = depth < prettyDepth
        let indent = String(repeating: "  ", count: depth + 1)
        let closing = String(repeating: "  ", count: depth)
        switch value {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .number(let literal): out += literal
        case .string(let s): writeString(s, into: &out)
        case .array(let items):
            if items.isEmpty { out += "[]"; return }
            out += "["
            for (index, item) in items.enumerated() {
                if index > 0 { out += pretty ? "," : ", " }
                if pretty { out += "\n" + indent }
                write(item, into: &out, depth: depth + 1, prettyDepth: prettyDepth)
            }
            out += pretty ? "\n" + closing + "]" : "]"
        case .object(let members):
            if members.isEmpty { out += "{}"; return }
            // Objects below the top level are written on one line.
            let prettyObject = depth == 0
            out += prettyObject ? "{" : "{ "
            for (index, member) in members.enumerated() {
                if index > 0 { out += prettyObject ? "," : ", " }
                if prettyObject { out += "\n" + indent }
                writeString(member.key, into: &out)
                out += ": "
                write(member.value, into: &out, depth: depth + 1, prettyDepth: prettyDepth)
            }
            out += prettyObject ? "\n" + closing + "}" : " }"
        }
    }

    private static func writeString(_ s: String, into out: inout String) {
        out += "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }
}
