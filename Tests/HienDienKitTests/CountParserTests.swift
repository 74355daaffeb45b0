import Testing
@testable import HienDienKit

struct CountParserTests {
    @Test(arguments: [
        ("1250", 1250), ("1.250", 1250), ("1,250", 1250), ("1 250", 1250),
        ("1\u{00A0}250", 1250), ("1\u{202F}250", 1250), ("1\u{2009}250", 1250),
        ("0", 0), ("7", 7), ("007", 7), ("999", 999), ("12.400", 12400), ("12,500", 12500),
        ("1.250.000", 1_250_000), ("1,250,000", 1_250_000), ("1 250 000", 1_250_000),
        ("1\u{00A0}250\u{00A0}000", 1_250_000), ("1 250\u{00A0}000", 1_250_000),
        ("  1.250 ", 1250), ("\t42\r\n", 42), ("\u{00A0}3\u{202F}", 3),
        ("1.000.000.000.000", 1_000_000_000_000), ("1000000000000", 1_000_000_000_000),
    ] as [(String, Int64)])
    func readsACount(text: String, value: Int64) {
        #expect(CountParser.parse(text) == .value(value))
    }

    @Test(arguments: ["", " ", "   ", "\t", "\u{00A0}", "\u{202F} \u{00A0}", "\r\n"])
    func blankIsNotReportedNeverZero(text: String) {
        #expect(CountParser.parse(text) == .empty)
        #expect(CountParser.parse(text).value == nil)
    }

    @Test(arguments: [
        // decimals, in either convention
        ("12,5", .decimal), ("1.25", .decimal), ("12.50", .decimal), ("1.2500", .decimal), ("0,5", .decimal),
        (",5", .decimal), (".25", .decimal), ("1.250,5", .decimal), ("1,250.50", .decimal),
        ("1 250,5", .decimal), ("1.250,000", .decimal), ("12345.6", .decimal),
        // signs
        ("-3", .negative), ("- 3", .negative), ("-1.250", .negative), ("\u{2212}3", .negative), ("–3", .negative),
        ("-0", .negative), ("+5", .plusSign), ("+1.250", .plusSign),
        // other notations
        ("1e3", .scientific), ("1E3", .scientific), ("1,25E+06", .scientific), ("2.5e-3", .scientific),
        ("12%", .percentage), ("43,5 %", .percentage),
        // grouping
        ("1,2,3", .badGrouping), ("1.2500.000", .badGrouping), ("1.25.000", .badGrouping),
        ("1.250.00", .badGrouping), ("12 5", .badGrouping), ("1..250", .badGrouping), ("1  250", .badGrouping),
        ("1.250.", .badGrouping), ("1250,", .badGrouping), ("1.250,000.000", .badGrouping),
        ("1 250.000", .decimal), ("1,250 000", .badGrouping), ("1234.567.890", .badGrouping), (".250.000", .badGrouping),
        // size
        ("1.000.000.000.001", .tooLarge), ("1000000000001", .tooLarge),
        ("9223372036854775808", .tooLarge), ("99999999999999999999999999", .tooLarge),
        // not numbers at all
        ("abc", .notANumber), ("12abc", .notANumber), ("12 người", .notANumber), ("-", .notANumber),
        ("–", .notANumber), ("+", .notANumber), ("%", .notANumber), (".", .notANumber), (",", .notANumber),
        ("e3", .notANumber), ("1e", .notANumber), ("1e3x", .notANumber), ("-abc", .notANumber),
        ("1\t250", .notANumber), ("1\n250", .notANumber), ("1'250", .notANumber), ("١٢٣", .notANumber),
        ("0x10", .notANumber), ("N/A", .notANumber),
    ] as [(String, CountParser.Reason)])
    func refusesWithTheRuleItBroke(text: String, reason: CountParser.Reason) {
        #expect(CountParser.parse(text) == .invalid(reason))
    }

    @Test func bytesAndTextAgree() {
        let samples = ["1.250", " 12,5 ", "", "1\u{202F}250", "-3", "1,2,3", "abc", "1000000000001"]
        for sample in samples {
            let fromBytes = CountParser.parse(Array(sample.utf8).span)
            #expect(fromBytes == CountParser.parse(sample), "\(sample)")
            #expect(CountParser.parse(Substring(sample)) == CountParser.parse(sample), "\(sample)")
        }
    }

    @Test func readsASliceOfALargerBuffer() {
        let line = Array("SGDDT,2026-Q1,id_vn_new,1.250,ghi chú".utf8)
        let value = CountParser.parse(line.span.extracting(24..<29))
        #expect(value == .value(1250))
    }

    @Test func reasonsSayWhatBrokeAndWhatToDo() {
        #expect(CountParser.Reason.decimal.message(for: "12,5") == "counts must be whole numbers: '12,5' looks like a decimal")
        for reason in CountParser.Reason.allCases {
            #expect(reason.code == "value.\(reason.rawValue)")
            #expect(!reason.summary.isEmpty && !reason.hint.isEmpty)
            #expect(reason.message(for: "x").contains("'x'"))
        }
        let location = SourceLocation(file: "q1.csv", line: 3, column: 4)
        let diagnostic = CountParser.Reason.decimal.diagnostic(at: location, offending: "12,5")
        #expect(diagnostic.description == """
            q1.csv:3:4: error: counts must be whole numbers; this looks like a decimal: '12,5' [value.decimal]
                hint: give the whole count; '.', ',' and spaces may only group thousands (1.250 = 1250)
            """)
    }
}
