import Foundation
import Testing

@testable import HienDienKit

private func parse(_ text: String, maxDepth: Int = 64) throws -> JSONValue {
    try JSONParser.parse(Array(text.utf8), fileLabel: "r.json", maxDepth: maxDepth)
}

/// The first diagnostic thrown when parsing `bytes`.
private func failure(_ bytes: [UInt8], maxDepth: Int = 64) throws -> Diagnostic {
    let error = try #require(throws: InputError.self) {
        try JSONParser.parse(bytes, fileLabel: "r.json", maxDepth: maxDepth)
    }
    return try #require(error.diagnostics.first)
}

private func failure(_ text: String) throws -> Diagnostic {
    try failure(Array(text.utf8))
}

/// Writes a value back as JSON, with whitespace chosen by `spacing`, for round trips.
private func serialize(_ value: JSONValue, spacing: Int) -> String {
    let space = ["", " ", "\n  ", "\r\n", "\t"][spacing % 5]
    func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\u{2028}": out += "\\u2028"
            case "😀": out += "\\uD83D\\uDE00"
            default: out += scalar.value < 0x20 ? String(format: "\\u%04x", scalar.value) : String(scalar)
            }
        }
        return out + "\""
    }
    switch value {
    case .null: return "null"
    case .bool(let flag): return flag ? "true" : "false"
    case .number(let literal): return literal
    case .string(let text): return quoted(text)
    case .array(let items): return "[" + space + items.map { serialize($0, spacing: spacing + 1) }.joined(separator: "," + space) + "]"
    case .object(let members):
        return "{" + space
            + members.map { quoted($0.key) + space + ":" + serialize($0.value, spacing: spacing + 1) }.joined(separator: ",")
            + space + "}"
    }
}

struct JSONParserTests {
    static let report = """
        {
          "unit": "SKHCN",
          "period": "2026-Q1",
          "submitted": "2026-03-18",
          "values": { "trainings_held": 2, "articles_published": 14, "ratio": 0.4321, "big": 1e3 },
          "tasks": { "I.1": { "status": "done", "evidence": "Công văn số 123/SKHCN-CNS" } },
          "units": [ "SGDDT", "Sở Khoa học và Công nghệ" ],
          "difficulties": null, "final": false
        }
        """

    // MARK: - Valid documents

    @Test func parsesAUnitReportKeepingKeyOrderAndNumberLiterals() throws {
        let value = try parse(Self.report)
        let expected = JSONValue.object([
            ("unit", .string("SKHCN")), ("period", .string("2026-Q1")), ("submitted", .string("2026-03-18")),
            ("values", .object([
                ("trainings_held", .number("2")), ("articles_published", .number("14")), ("ratio", .number("0.4321")),
                ("big", .number("1e3")),
            ])),
            ("tasks", .object([("I.1", .object([("status", .string("done")), ("evidence", .string("Công văn số 123/SKHCN-CNS"))]))])),
            ("units", .array([.string("SGDDT"), .string("Sở Khoa học và Công nghệ")])),
            ("difficulties", .null), ("final", .bool(false)),
        ])
        #expect(value == expected)
        #expect(value.objectValue?.map(\.key) == ["unit", "period", "submitted", "values", "tasks", "units", "difficulties", "final"])
    }

    @Test(arguments: ["0", "-0", "12", "-3", "12.50", "1e3", "1E+3", "-2.5e-10", "0.0", "123456789012345678901234567890"])
    func keepsNumbersAsWritten(literal: String) throws {
        #expect(try parse("[\(literal)]") == .array([.number(literal)]))
        #expect(try parse(literal) == .number(literal))
    }

    @Test func decodesEveryEscape() throws {
        let text = #"["\"\\\/\b\f\n\r\t", "\u00e9\u1EC7", "\uD83D\uDE00", "a\u0000b", "é ệ"]"#
        #expect(
            try parse(text)
                == .array([
                    .string("\"\\/\u{8}\u{C}\n\r\t"), .string("éệ"), .string("😀"), .string("a\u{0}b"), .string("é ệ"),
                ]))
    }

    @Test func acceptsABOMAndWhitespaceAroundTheValue() throws {
        #expect(try JSONParser.parse([0xEF, 0xBB, 0xBF] + Array(" {\"a\":[]}\r\n\t ".utf8), fileLabel: "r.json") == .object([("a", .array([]))]))
        #expect(try parse("{}") == .object([]))
        #expect(try parse(" \"x\" ") == .string("x"))
    }

    @Test func roundTripsRandomDocuments() throws {
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(truncatingIfNeeded: seed >> 33) % bound
        }
        let strings = ["", "SKHCN", "Sở Khoa học", "a\"b\\c", "dòng\nhai\t", "😀", "\u{1}\u{1F}", "\u{2028}", "Nghệ".decomposedStringWithCanonicalMapping]
        let numbers = ["0", "-1", "4026", "0.5", "-12.75e+3", "1E9"]
        func value(depth: Int) -> JSONValue {
            switch next(depth > 4 ? 5 : 7) {
            case 0: return .null
            case 1: return .bool(next(2) == 0)
            case 2: return .number(numbers[next(numbers.count)])
            case 3, 4: return .string(strings[next(strings.count)])
            case 5: return .array((0..<next(4)).map { _ in value(depth: depth + 1) })
            default: return .object((0..<next(4)).map { ("k\($0)" + strings[next(strings.count)], value(depth: depth + 1)) })
            }
        }
        for round in 0..<500 {
            let original = value(depth: 0)
            let text = serialize(original, spacing: round)
            #expect(try parse(text) == original, "\(text)")
        }
    }

    // MARK: - Errors, each with its exact position

    @Test(arguments: [
        ("[1,2,]", 1, 5, "no comma after the last item"),
        ("{\n  \"a\": 1,\n}", 2, 9, "no comma after the last item"),
        ("{\n  \"a\": 1\n  \"b\": 2\n}", 3, 3, "missing comma after line 2"),
        ("[\n  \"SGDDT\"\n  \"SKHCN\"\n]", 3, 3, "missing comma after line 2"),
        ("{ // unit\n}", 1, 3, "comments"),
        ("[1, /* two */ 2]", 1, 5, "comments"),
        ("{'unit': 1}", 1, 2, "single quotes"),
        ("[NaN]", 1, 2, "NaN or Infinity"),
        ("[-Infinity]", 1, 2, "NaN or Infinity"),
        ("[True]", 1, 2, "lowercase"),
        ("{\"status\": done}", 1, 12, "\"done\""),
        ("{unit: 1}", 1, 2, "\"unit\""),
        ("[007]", 1, 2, "not 07"),
        ("[.5]", 1, 2, "0.5"),
        ("[1.]", 1, 2, "12.0"),
        ("[1e]", 1, 2, "1e3"),
        ("[-]", 1, 2, "-3"),
        ("[1.2.3]", 1, 2, "12.5"),
        ("{\"a\": 12,5}", 1, 10, "decimal comma"),
        ("[1,,2]", 1, 4, "two commas"),
        ("[\"a\tb\"]", 1, 4, "\\t"),
        ("{\"a\": \"x\ny\"}", 1, 7, "same line"),
        ("[\"C:\\Users\"]", 1, 5, "backslash"),
        ("[\"\\u12G4\"]", 1, 3, "\\u00E9"),
        ("[\"\\uD800\"]", 1, 3, "both halves"),
        ("[\"\\uDE00\"]", 1, 3, "both halves"),
        ("[\"\\uD83D\\u0041\"]", 1, 3, "both halves"),
        ("{\u{201C}a\u{201D}: 1}", 1, 2, "curly"),
        ("[1}", 1, 3, "must match"),
        ("{\"a\": 1]", 1, 8, "must match"),
        ("{\"a\" 1}", 1, 6, "\"key\": value"),
        ("{} {}", 1, 4, "one JSON value"),
        ("{\"a\": [1, 2", 1, 12, "close it with ']'"),
        ("{\n\"a\": \"x", 2, 6, "close the string"),
        ("  \n ", 2, 2, "complete the value"),
        ("", 1, 1, "one JSON object"),
        ("{\"tên\": \"Nghệ\", x}", 1, 17, "\"x\""),
    ])
    func refusesWithAPositionAndAHint(text: String, line: Int, column: Int, hint: String) throws {
        let diagnostic = try failure(text)
        #expect(diagnostic.code == "json.syntax")
        #expect(diagnostic.location == SourceLocation(file: "r.json", line: line, column: column))
        #expect(diagnostic.hint?.contains(hint) == true, "\(diagnostic.hint ?? "no hint")")
    }

    @Test func countsColumnsInCharactersWhateverTheNormalForm() throws {
        let text = "{\"tên\": \"Nghệ\", x}"
        #expect(try failure(text.decomposedStringWithCanonicalMapping).location.column == 17)
        #expect(try failure(text.precomposedStringWithCanonicalMapping).location.column == 17)
    }

    @Test func reportsTheLineAndTheOffendingToken() throws {
        let diagnostic = try failure("{\n  \"values\": { \"a\": 1 \"b\": 2 }\n}")
        #expect(diagnostic.offending == "\"")
        #expect(diagnostic.lineText == "  \"values\": { \"a\": 1 \"b\": 2 }")
        #expect(diagnostic.message == "expected ',' or '}' after the member")
    }

    @Test func refusesADuplicateKeyNamingBothLines() throws {
        let diagnostic = try failure("{\n  \"unit\": \"SKHCN\",\n  \"values\": {},\n  \"unit\": \"SGDDT\"\n}")
        #expect(diagnostic.code == "json.duplicate-key")
        #expect(diagnostic.location == SourceLocation(file: "r.json", line: 4, column: 3))
        #expect(diagnostic.offending == "unit")
        #expect(diagnostic.message.contains("on line 2 and on line 4"))
        #expect(try parse("[{\"unit\": 1}, {\"unit\": 2}]").arrayValue?.count == 2, "the same key in two objects is fine")
    }

    @Test func refusesDeepNestingQuickly() throws {
        let start = Date()
        let diagnostic = try failure(Array(repeating: UInt8(ascii: "["), count: 100_000))
        #expect(diagnostic.code == "json.too-deep")
        #expect(diagnostic.location == SourceLocation(file: "r.json", line: 1, column: 65))
        #expect(Date().timeIntervalSince(start) < 1)

        let nested = { (depth: Int) in String(repeating: "[", count: depth) + String(repeating: "]", count: depth) }
        #expect(throws: Never.self) { try parse(nested(64)) }
        #expect(try failure(Array(nested(65).utf8)).code == "json.too-deep")
        #expect(try failure(Array(nested(600).utf8), maxDepth: .max).location.column == JSONParser.depthCeiling + 1)
        #expect(try failure(Array(("{\"a\":" + nested(3) + "}").utf8), maxDepth: 3).location.column == 8)
    }

    @Test func refusesInvalidUTF8WithTheLegacyGuess() throws {
        let bytes = Array("{\n  \"unit\": \"S".utf8) + [0xEB] + Array(" Khoa h".utf8) + [0xE4] + Array("c v".utf8) + [0xB5]
            + Array(" C".utf8) + [0xAB] + Array("ng ngh".utf8) + [0xD6] + Array("\"\n}".utf8)
        let diagnostic = try failure(bytes)
        #expect(diagnostic.code == "json.invalid-utf8")
        #expect(diagnostic.location == SourceLocation(file: "r.json", line: 2, column: 13))
        #expect(diagnostic.message.contains("TCVN3"))
        #expect(diagnostic.hint?.contains("text editor") == true)
        #expect(try failure([0xFF, 0xFE, 0x7B, 0x00, 0x7D, 0x00]).code == "encoding.utf16")
    }

    @Test func neverCrashesOnRandomInput() {
        let pieces = ["{", "}", "[", "]", ",", ":", "\"", "\\", "u", "D8", "00", "1", "-", ".", "e", "t", "true", " ", "\n", "é", "a"]
            .map { Array($0.utf8) }
        var seed: UInt64 = 42
        for _ in 0..<5000 {
            var bytes: [UInt8] = []
            seed = seed &* 6_364_136_223_846_793_005 &+ 1
            for _ in 0..<Int(seed >> 60) + Int(seed >> 40 & 7) {
                seed = seed &* 6_364_136_223_846_793_005 &+ 1
                bytes += pieces[Int(seed >> 33) % pieces.count]
            }
            do {
                _ = try JSONParser.parse(bytes, fileLabel: "r.json", maxDepth: 4)
            } catch let error as InputError {
                #expect(error.diagnostics.first.map { $0.location.line != nil && $0.location.column != nil } == true)
            } catch {
                Issue.record("unexpected error \(error)")
            }
        }
    }

    // MARK: - Locations by path

    @Test func locatesEveryValueByItsPath() throws {
        let document = try JSONParser.parseDocument(Array(Self.report.utf8), fileLabel: "r.json")
        #expect(document.value == (try parse(Self.report)))
        #expect(document.location(of: .root) == SourceLocation(file: "r.json", line: 1, column: 1, path: "$"))
        let articles = JSONPath.root.appending(key: "values").appending(key: "articles_published")
        #expect(document.location(of: articles) == SourceLocation(file: "r.json", line: 5, column: 58, path: "$.values.articles_published"))
        let status = JSONPath.root.appending(key: "tasks").appending(key: "I.1").appending(key: "status")
        #expect(document.location(of: status).line == 6 && document.location(of: status).column == 33)
        let secondUnit = JSONPath.root.appending(key: "units").appending(index: 1)
        #expect(document.location(of: secondUnit) == SourceLocation(file: "r.json", line: 7, column: 23, path: "$.units[1]"))
        let missing = JSONPath.root.appending(key: "nothing")
        #expect(document.location(of: missing) == SourceLocation(file: "r.json", path: "$.nothing"))
    }

    @Test(arguments: [
        (JSONPath.root, "$"),
        (JSONPath.root.appending(key: "units").appending(index: 3).appending(key: "parent"), "$.units[3].parent"),
        (JSONPath.root.appending(key: "tasks").appending(key: "I.1").appending(key: "status"), "$.tasks[\"I.1\"].status"),
        (JSONPath([.key("ghi chú"), .key("a\"b"), .key("_x1"), .key("1x")]), "$[\"ghi chú\"][\"a\\\"b\"]._x1[\"1x\"]"),
    ])
    func writesPathsAsMessagesShowThem(path: JSONPath, text: String) {
        #expect(path.description == text)
    }

    @Test func stepsUpAPath() {
        let path = JSONPath.root.appending(key: "units").appending(index: 3)
        #expect(path.parent == JSONPath.root.appending(key: "units"))
        #expect(JSONPath.root.parent == .root)
    }
}
