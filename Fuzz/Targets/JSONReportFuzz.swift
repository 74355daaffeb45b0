// Fuzz target: the JSON parser (`JSONParser`) and the JSON report reader on top of it.
//
// Each input is parsed with and without positions (both must agree), at the default depth and
// at depth 2, and then dry-run ingested as a report file into a store with the fixture plan:
// nothing may be stored, and whatever is refused is refused with a diagnostic.

import Foundation
@testable import HienDienKit

func parseOutcome(_ body: () throws -> JSONValue) -> (JSONValue?, String?) {
    do {
        return (try body(), nil)
    } catch let error as InputError {
        FuzzSupport.check(!error.diagnostics.isEmpty, "an InputError without a diagnostic")
        for diagnostic in error.diagnostics {
            FuzzSupport.check(diagnostic.location.line.map { $0 >= 1 } ?? true, "line < 1")
            FuzzSupport.check(diagnostic.location.column.map { $0 >= 1 } ?? true, "column < 1")
            _ = diagnostic.description
        }
        return (nil, error.diagnostics[0].code)
    } catch {
        FuzzSupport.check(false, "unexpected error \(error)")
        return (nil, nil)
    }
}

/// Minimal JSON text for a value: numbers as their literal, strings with every control
/// character, quote and backslash escaped.
func serialized(_ value: JSONValue) -> String {
    switch value {
    case .null: return "null"
    case .bool(let flag): return flag ? "true" : "false"
    case .number(let literal): return literal
    case .string(let text):
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    case .array(let items): return "[" + items.map(serialized).joined(separator: ",") + "]"
    case .object(let members):
        return "{" + members.map { serialized(.string($0.key)) + ":" + serialized($0.value) }.joined(separator: ",") + "}"
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSONReport(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let input = UnsafeBufferPointer(start: data, count: size)
    let bytes = Array(input)

    let plain = parseOutcome { try JSONParser.parse(bytes, fileLabel: "fuzz.json") }
    let document = parseOutcome { try JSONParser.parseDocument(bytes, fileLabel: "fuzz.json").value }
    FuzzSupport.check(plain.0 == document.0 && plain.1 == document.1, "parse and parseDocument disagree")
    let shallow = parseOutcome { try JSONParser.parse(bytes, fileLabel: "fuzz.json", maxDepth: 2) }
    if plain.0 == nil {
        FuzzSupport.check(shallow.0 == nil, "a shallower parse accepted what the default refused")
    }
    if let value = plain.0 {
        // Written back as JSON, the value parses to itself.
        let written = Array(serialized(value).utf8)
        let again = parseOutcome { try JSONParser.parse(written, fileLabel: "written.json") }
        FuzzSupport.check(again.0 == value, "a parsed value written back parses differently: \(serialized(value))")
    }

    let path = FuzzSupport.write(input, named: "fuzz.json")
    FuzzSupport.dryRunIngest(path: path, label: "fuzz.json")
    return 0
}
