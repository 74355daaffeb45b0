import Foundation
import Testing
@testable import HienDienKit

/// Every input that once made a fuzz target fail (`Fuzz/corpus/<target>/crash-…`) goes through
/// the same code in `swift test`, so a finding stays fixed on machines without libFuzzer too.
struct FuzzFindingsTests {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fuzz/corpus")

    static func findings(_ target: String) -> [String] {
        let folder = corpus.appendingPathComponent(target)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasPrefix("crash-") }.sorted().map { folder.appendingPathComponent($0).path }
    }

    static func records(_ reader: CSVReader) -> (records: [[String]], error: String?) {
        var records: [[String]] = []
        do {
            while try reader.nextRecord() {
                records.append((0..<reader.fieldCount).map { reader.string($0) })
                _ = reader.location(ofField: reader.fieldCount)
            }
            return (records, nil)
        } catch let error as InputError {
            return (records, error.diagnostics.first?.code)
        } catch {
            return (records, "\(error)")
        }
    }

    @Test(arguments: findings("csv-reader"))
    func csvFindingsReadTheSameThroughAnyBuffer(_ path: String) throws {
        let bytes = try FileBytes.read(path: path)
        let inMemory = Self.records(CSVReader(bytes: bytes, fileLabel: "finding.csv"))
        let streamed = Self.records(
            try CSVReader(path: path, fileLabel: "finding.csv", delimiter: CSVReader(bytes: bytes, fileLabel: "").dialect.delimiter,
                          bufferSize: 64))
        let sniffed = [TextEncoding.utf16Code, TextEncoding.workbookCode]
        if !sniffed.contains(inMemory.error ?? "") && !sniffed.contains(streamed.error ?? "") {
            #expect(inMemory.records == streamed.records && inMemory.error == streamed.error)
        }
    }

    @Test(arguments: findings("json-report"))
    func jsonFindingsParseOrAreRefusedWithADiagnostic(_ path: String) throws {
        let bytes = try FileBytes.read(path: path)
        do {
            _ = try JSONParser.parseDocument(bytes, fileLabel: "finding.json")
        } catch let error as InputError {
            #expect(!error.diagnostics.isEmpty)
        }
    }

    @Test(arguments: findings("plan"))
    func planFindingsLoadOrAreRefusedWithADiagnostic(_ path: String) throws {
        do {
            let plan = try Plan.load(path: path)
            _ = plan.quarters.first.map { ReportEngine(plan: plan).report(
                for: $0, asOf: plan.reporting.lastAllowedDay(for: $0), values: [], submissions: [], taskReports: [],
                narratives: []) }
        } catch let error as InputError {
            #expect(!error.diagnostics.isEmpty)
        }
    }

    @Test(arguments: findings("template"))
    func templateFindingsParseOrAreRefusedWithADiagnostic(_ path: String) throws {
        let parts = try FileBytes.read(path: path).split(separator: 0, maxSplits: 4, omittingEmptySubsequences: false)
            .map { String(decoding: $0, as: UTF8.self) }
        var partials: [String: Template] = [:]
        for (index, source) in parts.enumerated().dropFirst() {
            partials["p\(index)"] = try? Template(name: "p\(index)", source: source)
        }
        do {
            let template = try Template(name: "finding.html", source: parts.first ?? "")
            _ = try? template.rendered(["name": "<x>"], escaping: .html, partials: partials)
        } catch let error as InputError {
            #expect(!error.diagnostics.isEmpty)
        }
    }

    /// A workbook whose second sheet is `sheet`, as the `workbook` fuzz target builds it.
    static func workbook(around sheet: [UInt8]) -> [UInt8] {
        var zip = ZipWriter()
        zip.add("xl/workbook.xml", text: """
            <workbook xmlns:r="r"><sheets><sheet name="Cũ" sheetId="1" state="hidden" r:id="rId1"/>\
            <sheet name="Báo cáo" sheetId="2" r:id="rId2"/></sheets></workbook>
            """)
        zip.add("xl/_rels/workbook.xml.rels", text: """
            <Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Target="/xl/worksheets/sheet2.xml"/>\
            <Relationship Id="rId3" Target="sharedStrings.xml"/></Relationships>
            """)
        zip.add("xl/sharedStrings.xml", text: """
            <sst><si><t>đơn vị</t></si><si><t>kỳ báo cáo</t></si><si><t>chỉ tiêu</t></si><si><t>giá trị</t></si>\
            <si><t>STC</t></si><si><t>2026-Q2</t></si><si><t>trainings_held</t></si><si><t>1.250</t></si></sst>
            """)
        zip.add("xl/worksheets/sheet1.xml", text: "<worksheet><sheetData/></worksheet>")
        zip.add("xl/worksheets/sheet2.xml", sheet)
        return zip.finished()
    }

    @Test(arguments: findings("workbook"))
    func workbookFindingsReadOrAreRefusedWithADiagnostic(_ path: String) throws {
        let bytes = Array(try FileBytes.read(path: path))
        for candidate in [bytes, Self.workbook(around: bytes)] {
            do {
                var workbook = try Workbook(bytes: candidate, label: "finding.xlsx")
                for sheet in workbook.sheets { _ = try workbook.cells(of: sheet) }
            } catch let error as InputError {
                #expect(!error.diagnostics.isEmpty)
            }
        }
    }
}
