import Foundation
import Testing

@testable import HienDienKit

/// The CSV fixtures in `Fixtures/csv/`, made with the quirks of real files.
enum CSVFixture {
    static func path(_ name: String) throws -> String {
        try #require(Bundle.module.url(forResource: "Fixtures/csv/\(name)", withExtension: "csv")).path
    }

    static func reader(_ name: String) throws -> CSVReader {
        try CSVReader(path: path(name), fileLabel: "\(name).csv")
    }
}

/// Every record of a reader as its line and its fields' text.
private func records(_ reader: CSVReader) throws -> [(line: Int, fields: [String])] {
    var result: [(line: Int, fields: [String])] = []
    while try reader.nextRecord() {
        result.append((reader.line, (0..<reader.fieldCount).map(reader.string)))
    }
    return result
}

private func records(_ text: String, delimiter: UInt8? = nil) throws -> [(line: Int, fields: [String])] {
    try records(CSVReader(bytes: Array(text.utf8), fileLabel: "t.csv", delimiter: delimiter))
}

/// The first diagnostic thrown while reading the whole input.
private func failure(reading reader: CSVReader) throws -> Diagnostic {
    let error = try #require(throws: InputError.self) { while try reader.nextRecord() {} }
    return try #require(error.diagnostics.first)
}

private func failure(_ text: String, limits: CSVReader.Limits = .init()) throws -> Diagnostic {
    try failure(reading: CSVReader(bytes: Array(text.utf8), fileLabel: "t.csv", limits: limits))
}

/// Why the reference reader refused an input.
private struct Refused: Error {
    let code: String
}

/// A fresh folder under the system's temporary directory, removed by the caller.
private func makeTemporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("hiendien-csv-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

struct CSVReaderTests {
    // MARK: - Excel's quirks, as fixture files

    @Test func readsExcelsVietnameseExportWithBOMSemicolonsAndCRLF() throws {
        let reader = try CSVFixture.reader("bom-semicolon-crlf")
        #expect(reader.dialect == CSVDialect(delimiter: UInt8(ascii: ";"), hasByteOrderMark: true))
        let rows = try records(reader)
        #expect(rows.map(\.line) == [1, 2, 3])
        #expect(rows[0].fields == ["đơn vị", "kỳ báo cáo", "chỉ tiêu", "giá trị", "ghi chú"])
        #expect(rows[1].fields == ["SGDDT", "2026-Q1", "id_vn_new", "1.250", ""])
        #expect(rows[2].fields == ["SGDDT", "2026-Q1", "students_total", "12.400", "cả khối cao đẳng"])
        #expect(reader.bytesRead == reader.totalBytes)
    }

    @Test func keepsLineEndsInsideQuotedFieldsAndCountsTheirLines() throws {
        let reader = try CSVFixture.reader("quoted-newline")
        #expect(try reader.nextRecord() && reader.line == 1)
        #expect(try reader.nextRecord() && reader.line == 2)
        #expect(reader.string(4) == "dòng một\ndòng hai\r\ndòng ba")
        #expect(reader.column(ofField: 4) == 30)
        #expect(try reader.nextRecord())
        #expect(reader.line == 5, "the record after a three-line field starts on line 5")
        #expect(reader.string(0) == "SKHCN")
        #expect(try !reader.nextRecord())
    }

    @Test func undoublesQuotesInsideQuotedFields() throws {
        let rows = try records(CSVFixture.reader("doubled-quotes"))
        #expect(rows.map(\.fields) == [["unit", "note"], ["SKHCN", "Công văn \"khẩn\" số 123"], ["SGDDT", "\""], ["STTTT", ""]])
    }

    @Test func keepsDelimitersInsideQuotedFields() throws {
        let reader = try CSVFixture.reader("embedded-delimiters")
        #expect(reader.dialect.delimiter == UInt8(ascii: ","))
        let rows = try records(reader)
        #expect(rows[1].fields == ["SGDDT", "2026-Q1", "students_total", "12,400", "cả khối, cao đẳng; đại học"])
    }

    @Test func toleratesTrailingEmptyAndMissingColumns() throws {
        let reader = try CSVFixture.reader("trailing-empty-columns")
        #expect(try reader.nextRecord() && reader.fieldCount == 7)
        #expect(try reader.nextRecord() && reader.fieldCount == 7 && reader.isEmpty(6))
        #expect(try reader.nextRecord() && reader.fieldCount == 4)
        #expect(reader.string(3) == "4")
        #expect(reader.string(5) == "" && reader.isEmpty(5), "a missing trailing field reads as empty")
    }

    @Test func skipsBlankLinesAndEmptyRowsButCountsThem() throws {
        let rows = try records(CSVFixture.reader("blank-lines"))
        #expect(rows.map(\.line) == [2, 4, 8])
        #expect(rows.map(\.fields) == [["unit", "value"], ["A", "1"], ["B", "2"]])
    }

    @Test func passesNFDTextThroughUnchanged() throws {
        let reader = try CSVFixture.reader("nfd")
        #expect(try reader.nextRecord() && reader.nextRecord())
        let expected = Array("Sở Khoa học và Công nghệ".decomposedStringWithCanonicalMapping.utf8)
        #expect(reader.fieldBytes(1) == expected)
        #expect(Array(reader.string(1).utf8) == expected)
    }

    @Test func readsLoneCarriageReturnsAsLineEnds() throws {
        let rows = try records(CSVFixture.reader("lone-cr"))
        #expect(rows.map(\.line) == [1, 2, 3, 5])
        #expect(rows.map(\.fields) == [["unit", "value"], ["A", "1"], ["B", "x\ry"], ["C", "3"]])
    }

    @Test func detectsTabsAndExcelsSeparatorLine() throws {
        let tabbed = try CSVFixture.reader("tab-delimited")
        #expect(tabbed.dialect.delimiter == 0x09)
        #expect(try records(tabbed)[1].fields == ["SKHCN", "2026-Q1", "một, hai; ba"])
        let declared = try CSVFixture.reader("sep-line")
        #expect(declared.dialect == CSVDialect(delimiter: UInt8(ascii: ";"), hasSeparatorLine: true))
        let rows = try records(declared)
        #expect(rows.map(\.line) == [2, 3])
        #expect(rows[1].fields == ["A", "1,5"])
    }

    @Test func keepsAQuoteInsideAnUnquotedFieldAsText() throws {
        let rows = try records(CSVFixture.reader("stray-quote"))
        #expect(rows[1].fields == ["SKHCN", "màn hình 5\" inch"])
        #expect(rows[2].fields == ["SGDDT", "ab\"c\"d"])
    }

    @Test func refusesTextAfterAClosingQuote() throws {
        let diagnostic = try failure(reading: CSVFixture.reader("text-after-quote"))
        #expect(diagnostic.code == "csv.text-after-quote")
        #expect(diagnostic.location == SourceLocation(file: "text-after-quote.csv", line: 3, column: 12))
        #expect(diagnostic.offending == "\"abc\"x")
        #expect(diagnostic.lineText == "SGDDT,\"abc\"x,1")
    }

    @Test func refusesAnUnterminatedQuoteWhereItOpened() throws {
        let diagnostic = try failure(reading: CSVFixture.reader("unterminated-quote"))
        #expect(diagnostic.code == "csv.unterminated-quote")
        #expect(diagnostic.location == SourceLocation(file: "unterminated-quote.csv", line: 3, column: 7))
        #expect(diagnostic.lineText == "SGDDT,\"bắt đầu")
    }

    @Test(arguments: [("tcvn3", "TCVN3"), ("vni", "VNI"), ("windows-1258", "Windows-1258")])
    func refusesLegacyEncodingsNamingTheProbableOne(fixture: String, name: String) throws {
        let diagnostic = try failure(reading: CSVFixture.reader(fixture))
        #expect(diagnostic.code == "csv.invalid-utf8")
        #expect(diagnostic.location.line == 1 && diagnostic.location.column == 1)
        #expect(diagnostic.message.contains("probably \(name)"))
    }

    @Test func refusesLegacyTextWhereItStarts() throws {
        let bytes = Array("unit;name\r\nSKHCN;S".utf8) + [0xEB] + Array(" Khoa h".utf8) + [0xE4] + Array("c v".utf8) + [0xB5]
            + Array(" C".utf8) + [0xAB] + Array("ng ngh".utf8) + [0xD6] + [0x0D, 0x0A]
        let diagnostic = try failure(reading: CSVReader(bytes: bytes, fileLabel: "t.csv"))
        #expect(diagnostic.location == SourceLocation(file: "t.csv", line: 2, column: 8))
        #expect(diagnostic.message.contains("byte offset 18") && diagnostic.message.contains("TCVN3"))
        #expect(diagnostic.hint?.contains("Sở Khoa học và Công nghệ") == true)
    }

    @Test func refusesUTF16() throws {
        let diagnostic = try failure(reading: CSVFixture.reader("utf16le"))
        #expect(diagnostic.code == "encoding.utf16")
    }

    // MARK: - Delimiter detection

    @Test(arguments: [
        ("a,b,c", ","), ("a;b;c", ";"), ("a\tb", "\t"), ("\"x;y;z\",b", ","), ("đơn vị;ghi chú (a, b);c", ";"),
        ("a,b;c", ","), ("single", ","), ("", ","), ("\u{FEFF}unit;value", ";"),
    ])
    func detectsTheDelimiterFromTheHeader(header: String, delimiter: String) {
        let reader = CSVReader(bytes: Array((header + "\r\n1;2,3\r\n").utf8), fileLabel: "t.csv")
        #expect(reader.dialect.delimiter == delimiter.utf8.first)
    }

    // MARK: - Limits, each with its exact position

    @Test func refusesAFieldOverTheLimit() throws {
        let limits = CSVReader.Limits(maxFieldBytes: 10)
        #expect(try records(CSVReader(bytes: Array("a,b\nx,0123456789\n".utf8), fileLabel: "t", limits: limits)).count == 2)
        let unquoted = try failure("a,b\nx,0123456789A\n", limits: limits)
        #expect(unquoted.code == "csv.field-too-long")
        #expect(unquoted.location == SourceLocation(file: "t.csv", line: 2, column: 3))
        let quoted = try failure("a,b\n\"x\ny\",\"0123456789AB\"\n", limits: limits)
        #expect(quoted.location == SourceLocation(file: "t.csv", line: 3, column: 4))
        #expect(quoted.hint?.contains("closing quote") == true)
    }

    @Test func refusesARecordOverTheLimit() throws {
        let diagnostic = try failure("h\nok\naaaa,bbbb,cccc,dddd,eeee\n", limits: .init(maxRecordBytes: 20))
        #expect(diagnostic.code == "csv.record-too-long")
        #expect(diagnostic.location == SourceLocation(file: "t.csv", line: 3, column: 1))
    }

    @Test func refusesTooManyFields() throws {
        let diagnostic = try failure("a,b,c\n1,2,3\nSở,2,3,4\n", limits: .init(maxFields: 3))
        #expect(diagnostic.code == "csv.too-many-fields")
        #expect(diagnostic.location == SourceLocation(file: "t.csv", line: 3, column: 8))
        #expect(diagnostic.hint?.contains("','") == true)
    }

    @Test func countsColumnsInCharactersForNFDText() throws {
        let text = "tên,x\n" + "Nghệ,\"Sở\"x\n".decomposedStringWithCanonicalMapping
        let diagnostic = try failure(text)
        #expect(diagnostic.location.column == 10)
    }

    @Test func refusesATenMegabyteLineWithBoundedMemory() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("long.csv")
        let field = String(repeating: "x", count: 1_000_000)
        try Data(("unit,value\n" + Array(repeating: field, count: 12).joined(separator: ",") + "\n").utf8).write(to: file)
        let reader = try CSVReader(path: file.path, fileLabel: "long.csv")
        let diagnostic = try failure(reading: reader)
        #expect(diagnostic.code == "csv.record-too-long")
        #expect(diagnostic.location == SourceLocation(file: "long.csv", line: 2, column: 1))
        #expect(reader.bufferCapacity <= reader.limits.maxRecordBytes + 8)

        try Data(("unit,value\n" + String(repeating: "y", count: 10_000_000) + "\n").utf8).write(to: file)
        let single = try CSVReader(path: file.path, fileLabel: "long.csv")
        #expect(try failure(reading: single).code == "csv.field-too-long")
        #expect(single.bufferCapacity <= 2 * single.limits.maxFieldBytes + (256 << 10))
    }

    // MARK: - Files larger than the buffer

    /// About 3 MB of varied rows: quoted fields with line ends and doubled quotes, CRLF and LF.
    private static func largeFile() -> (text: String, records: Int) {
        var text = "unit,period,indicator,value,note\r\n"
        var count = 1
        var row = 0
        while text.utf8.count < 3_000_000 {
            switch row % 5 {
            case 0: text += "SGDDT,2026-Q1,id_vn_new,\(row),\r\n"
            case 1: text += "SKHCN,2026-Q1,biz_vn_new,\(row),\"dòng \(row)\r\nkết thúc \"\"\(row)\"\"\"\n"
            case 2: text += "\"UBND xã A, huyện B\",2026-Q2,trainings_held,\(row % 97),cả khối cao đẳng\n"
            case 3: text += "TRUONG_VHNT,2026,students_total,\"12.\(row % 1000)\",\"\(String(repeating: "ệ", count: row % 300))\"\r\n"
            default: text += "\r\nSTTTT,2026-Q3,articles_published,\(row),\"a,b;c\"\r"
            }
            row += 1
            count += 1
        }
        return (text, count)
    }

    @Test func readsAFileLargerThanTheBufferTheSameWayAtAnyBufferSize() throws {
        let (text, expectedCount) = Self.largeFile()
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("large.csv")
        try Data(text.utf8).write(to: file)

        let expected = try records(text)
        #expect(expected.count == expectedCount)
        #expect(expected[2].fields[4] == "dòng 1\r\nkết thúc \"1\"")
        #expect(expected[3].line == 5, "row 1 (lines 3 and 4) has a line end in its note")

        for bufferSize in [64, 4093, 256 << 10] {
            let reader = try CSVReader(path: file.path, fileLabel: "large.csv", bufferSize: bufferSize)
            let rows = try records(reader)
            #expect(rows.count == expected.count)
            #expect(rows.elementsEqual(expected) { $0.line == $1.line && $0.fields == $1.fields }, "buffer size \(bufferSize)")
            #expect(reader.bytesRead == text.utf8.count && reader.totalBytes == text.utf8.count)
        }
    }

    @Test func readsAFieldAndACRLFSplitAcrossTheBufferBoundary() throws {
        let bufferSize = 256 << 10
        let head = "unit,note\n"
        let filler = String(repeating: "A,b\n", count: (bufferSize - head.utf8.count - 10) / 4)
        // The CRLF ending the row "zzzzzzz,x" straddles the first boundary; the 400 KB quoted field
        // after it spans the next ones and makes the buffer grow.
        let padding = String(repeating: "z", count: bufferSize - head.utf8.count - filler.utf8.count - 3)
        let spanning = "\"" + String(repeating: "ô\"\"", count: 100_000) + "\""
        let text = head + filler + padding + ",x\r\n" + "B," + spanning + "\r\nC,d\r\n"
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("boundary.csv")
        try Data(text.utf8).write(to: file)
        for size in [bufferSize, bufferSize - 1, bufferSize + 1, bufferSize - 2] {
            let rows = try records(CSVReader(path: file.path, fileLabel: "b.csv", bufferSize: size))
            #expect(rows.count == 1 + filler.utf8.count / 4 + 3)
            #expect(rows[rows.count - 2].fields == ["B", String(repeating: "ô\"", count: 100_000)])
            #expect(rows.last?.fields == ["C", "d"] && rows.last?.line == rows.count)
        }
    }

    @Test func readsTheSameWhereverABufferBoundaryFalls() throws {
        let text = "unit;period;indicator;value;note\r\n" + "SGDDT;2026-Q1;id_vn_new;1.250;\r\n"
            + "SKHCN;2026-Q1;biz_vn_new;4;\"dòng một\r\ndòng \"\"hai\"\"\";\r\n\r\n" + ";;;;\n"
            + "\"UBND xã A; huyện B\";2026;x;;\"\"\r" + "STTTT;2026-Q3;articles_published;7;5\" màn hình;\n" + "Z;;;;"
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("small.csv")
        try Data(text.utf8).write(to: file)
        let expected = try records(text)
        #expect(expected.map(\.line) == [1, 2, 3, 7, 8, 9])
        for size in 64...text.utf8.count + 1 {
            let rows = try records(CSVReader(path: file.path, fileLabel: "small.csv", bufferSize: size))
            #expect(rows.elementsEqual(expected) { $0.line == $1.line && $0.fields == $1.fields }, "buffer size \(size)")
        }
    }

    // MARK: - Access to fields and positions

    @Test func lendsFieldsInNestedCallsWithoutClobbering() throws {
        let reader = CSVReader(bytes: Array("\"a\"\"b\",\"c\"\"d\"\n".utf8), fileLabel: "t.csv")
        #expect(try reader.nextRecord())
        let pair = reader.withField(0) { first in
            reader.withField(1) { second in
                (TextPosition.string(of: first, in: 0..<first.count), TextPosition.string(of: second, in: 0..<second.count))
            }
        }
        #expect(pair == ("a\"b", "c\"d"))
    }

    @Test func describesFieldsForMessages() throws {
        let reader = CSVReader(bytes: Array("unit;value\r\nSở TC;\"-3\"\r\n".utf8), fileLabel: "t.csv")
        #expect(try reader.nextRecord() && reader.nextRecord())
        #expect(reader.location(ofField: 1) == SourceLocation(file: "t.csv", line: 2, column: 7))
        #expect(reader.location(ofField: 2) == SourceLocation(file: "t.csv", line: 2, column: 11))
        #expect(reader.recordText == "Sở TC;\"-3\"")
        let diagnostic = reader.diagnostic(forField: 1, code: "csv.value.negative", message: "a negative count")
        #expect(diagnostic.offending == "-3" && diagnostic.lineText == "Sở TC;\"-3\"")
        #expect(diagnostic.description.hasPrefix("t.csv:2:7: error: a negative count: '-3'"))
    }

    @Test func readsEdgeCasesOfStartAndEnd() throws {
        #expect(try records("").isEmpty)
        #expect(try records("\u{FEFF}").isEmpty)
        #expect(try records("\r\n\n\r").isEmpty)
        #expect(try records("a,b").map(\.fields) == [["a", "b"]])
        #expect(try records("a,b\nc,").map(\.fields) == [["a", "b"], ["c", ""]])
        #expect(try records("a\n\"\"\"\"").map(\.fields) == [["a"], ["\""]])
        #expect(try records("x\n\"a\"").map(\.fields) == [["x"], ["a"]])
    }

    @Test func refusesAFileThatCannotBeRead() throws {
        let error = try #require(throws: InputError.self) { try CSVReader(path: "/nonexistent/r.csv") }
        #expect(error.diagnostics.first?.code == "file.unreadable")
        #expect(error.diagnostics.first?.location.file == "/nonexistent/r.csv")
        #expect(throws: InputError.self) { try CSVReader(path: NSTemporaryDirectory()) }
    }

    // MARK: - Against a reference reader

    /// A slow, obviously-written reader of the same rules, for comparison on random input.
    private static func reference(_ bytes: [UInt8]) -> Result<[(line: Int, fields: [[UInt8]])], Refused> {
        func lineEnd(_ i: Int) -> Int {
            guard i < bytes.count else { return 0 }
            if bytes[i] == 0x0D { return i + 1 < bytes.count && bytes[i + 1] == 0x0A ? 2 : 1 }
            return bytes[i] == 0x0A ? 1 : 0
        }
        var result: [(line: Int, fields: [[UInt8]])] = []
        var i = 0
        var line = 1
        while i < bytes.count {
            if lineEnd(i) > 0 {
                i += lineEnd(i)
                line += 1
                continue
            }
            let start = line
            var fields: [[UInt8]] = []
            while true {
                var field: [UInt8] = []
                if i < bytes.count && bytes[i] == UInt8(ascii: "\"") {
                    i += 1
                    while true {
                        guard i < bytes.count else { return .failure(Refused(code: "csv.unterminated-quote")) }
                        if bytes[i] == UInt8(ascii: "\"") {
                            if i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: "\"") {
                                field.append(UInt8(ascii: "\""))
                                i += 2
                                continue
                            }
                            i += 1
                            break
                        }
                        if lineEnd(i) > 0 { line += 1 }
                        let length = max(1, lineEnd(i))
                        field += bytes[i..<i + length]
                        i += length
                    }
                    if i < bytes.count && bytes[i] != UInt8(ascii: ",") && lineEnd(i) == 0 {
                        return .failure(Refused(code: "csv.text-after-quote"))
                    }
                } else {
                    while i < bytes.count && bytes[i] != UInt8(ascii: ",") && lineEnd(i) == 0 {
                        field.append(bytes[i])
                        i += 1
                    }
                }
                fields.append(field)
                guard i < bytes.count && bytes[i] == UInt8(ascii: ",") else { break }
                i += 1
            }
            if lineEnd(i) > 0 {
                i += lineEnd(i)
                line += 1
            }
            if !fields.allSatisfy(\.isEmpty) { result.append((start, fields)) }
        }
        return .success(result)
    }

    @Test func agreesWithAReferenceReaderOnRandomInput() throws {
        let pieces = ["a", "b", ",", "\"", "\"", "\r", "\n", "\r\n", "é", " ", "\"\""].map { Array($0.utf8) }
        var generator = SystemRandomNumberGenerator()
        var seed = UInt64.random(in: 0...UInt64.max, using: &generator)
        func next() -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(truncatingIfNeeded: seed >> 33)
        }
        for _ in 0..<4000 {
            let bytes = (0..<next() % 24).flatMap { _ in pieces[next() % pieces.count] }
            let reader = CSVReader(bytes: bytes, fileLabel: "r.csv", delimiter: UInt8(ascii: ","))
            var actual: [(line: Int, fields: [[UInt8]])] = []
            var code: String?
            do {
                while try reader.nextRecord() {
                    actual.append((reader.line, (0..<reader.fieldCount).map { reader.fieldBytes($0) }))
                }
            } catch let error as InputError {
                code = error.diagnostics.first?.code
            }
            let input = String(decoding: bytes, as: UTF8.self).debugDescription
            switch Self.reference(bytes) {
            case .success(let expected):
                #expect(code == nil, "\(input)")
                #expect(actual.elementsEqual(expected) { $0.line == $1.line && $0.fields == $1.fields }, "\(input)")
            case .failure(let refused):
                #expect(code == refused.code, "\(input)")
            }
        }
    }
}
