// Fuzz target: the `.xlsx` reader — ZIP container (`ZipArchive`, inflate through zlib), XML
// (`XMLReader`), workbook, styles, shared strings, cells — and the `.xlsx` report ingest.
//
// Each input is read twice: as a whole workbook file (mutated from real packages, so the
// container and its checks are exercised), and as the XML of the first sheet inside a package
// that `ZipWriter` makes around it (so the mutations reach the XML and the cells, which inside
// a deflated package they rarely do). Both are dry-run ingested against the fixture plan:
// nothing may be stored, whatever is refused is refused with a diagnostic that names the file,
// and every entry that reads, written back by `ZipWriter`, reads back the same.

import Foundation
@testable import HienDienKit

func checkRefusal(_ body: () throws -> Void) {
    do {
        try body()
    } catch let error as InputError {
        FuzzSupport.check(!error.diagnostics.isEmpty, "an InputError without a diagnostic")
        for diagnostic in error.diagnostics { _ = diagnostic.description }
    } catch {
        FuzzSupport.check(false, "unexpected error \(error)")
    }
}

/// A package around `sheet`: a workbook with a hidden sheet and the fuzzed one, shared strings, a date style.
func package(around sheet: [UInt8]) -> [UInt8] {
    var zip = ZipWriter()
    zip.add("xl/workbook.xml", text: """
        <workbook xmlns:r="r"><workbookPr date1904="0"/><sheets><sheet name="Cũ" sheetId="1" state="hidden" r:id="rId1"/>\
        <sheet name="Báo cáo" sheetId="2" r:id="rId2"/></sheets></workbook>
        """)
    zip.add("xl/_rels/workbook.xml.rels", text: """
        <Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Target="/xl/worksheets/sheet2.xml"/>\
        <Relationship Id="rId3" Target="sharedStrings.xml"/></Relationships>
        """)
    zip.add("xl/sharedStrings.xml", text: """
        <sst><si><t>đơn vị</t></si><si><t>kỳ báo cáo</t></si><si><t>chỉ tiêu</t></si><si><t>giá trị</t></si>\
        <si><t>STC</t></si><si><t>2026-Q2</t></si><si><t>trainings_held</t></si><si><r><t>1.</t></r><r><t>250</t></r></si></sst>
        """)
    zip.add("xl/styles.xml", text: "<styleSheet><numFmts><numFmt numFmtId=\"164\" formatCode=\"dd/mm/yyyy\"/></numFmts><cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"164\"/></cellXfs></styleSheet>")
    zip.add("xl/worksheets/sheet1.xml", text: "<worksheet><sheetData/></worksheet>")
    zip.add("xl/worksheets/sheet2.xml", sheet)
    return zip.finished()
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzWorkbook(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let input = UnsafeBufferPointer(start: data, count: size)
    let bytes = Array(input)

    // The container: every entry that reads, written back, reads back the same.
    checkRefusal {
        var archive = try ZipArchive(bytes: bytes, label: "fuzz.xlsx", limits: ZipArchive.Limits(maxEntryBytes: 8 << 20, maxTotalBytes: 32 << 20))
        var readable: [(String, [UInt8])] = []
        for entry in archive.entries.prefix(64) {
            if let contents = try? archive.data(entry.name) { readable.append((entry.name, contents)) }
        }
        var writer = ZipWriter()
        for (name, contents) in readable { writer.add(name, contents) }
        var again = try ZipArchive(bytes: writer.finished(), label: "again.xlsx")
        for (name, contents) in readable {
            let back = try again.data(name)
            FuzzSupport.check(back == contents, "the entry '\(name)' written back reads differently")
        }
    }
    checkRefusal {
        var workbook = try Workbook(bytes: bytes, label: "fuzz.xlsx")
        for sheet in workbook.sheets.prefix(4) { _ = try? workbook.cells(of: sheet) }
    }
    FuzzSupport.dryRunIngest(path: FuzzSupport.write(input, named: "fuzz.xlsx"), label: "fuzz.xlsx")

    // The XML and the cells, inside a package made around them.
    let wrapped = package(around: bytes)
    checkRefusal {
        var workbook = try Workbook(bytes: wrapped, label: "sheet.xlsx")
        FuzzSupport.check(workbook.sheets.map(\.name) == ["Cũ", "Báo cáo"], "the sheets were misread")
        let cells = try workbook.cells(of: workbook.sheets[1])
        for (row, columns) in cells.rows {
            FuzzSupport.check(row >= 1 && row <= Workbook.maxRows, "row \(row) outside the grid")
            for (column, text) in columns {
                FuzzSupport.check(column >= 1 && column <= Workbook.maxColumns && !text.isEmpty, "a cell outside the grid or empty")
                let reference = Workbook.reference(row: row, column: column)
                FuzzSupport.check(Workbook.position(of: reference[...]).map { $0 == (row, column) } == true, "\(reference) does not read back")
            }
        }
    }
    wrapped.withUnsafeBufferPointer { buffer in
        FuzzSupport.dryRunIngest(path: FuzzSupport.write(buffer, named: "sheet.xlsx"), label: "sheet.xlsx")
    }
    return 0
}
