// Fuzz target: the CSV reader (`CSVReader`), the CSV ingest on top of it, and the CSV writer.
//
// Each input is read four ways, and what must hold is checked, not only that nothing crashes:
// 1. from memory, with the default limits, asking for every field's position and line text;
// 2. from a file through the smallest read buffer (64 bytes), so that every record crosses
//    buffer boundaries: the records, their lines and the outcome must equal those of 1;
// 3. from memory with tiny limits, which must hold for every record read;
// 4. as a report file, dry-run ingested into a store with the fixture plan: nothing is stored,
//    and the row shortcut for common rows gives the outcome of the full row rules.
// Then the records of 1 are written with `CSVWriter` and read back: every cell comes back,
// with a formula neutralised by a leading `'`.

import Foundation
@testable import HienDienKit

struct ReadOutcome: Equatable {
    var records: [Record] = []
    var errorCode: String?
    var delimiter: UInt8 = 0

    struct Record: Equatable {
        var line: Int
        var fields: [[UInt8]]
    }
}

func readAll(_ reader: CSVReader, positions: Bool) -> ReadOutcome {
    var outcome = ReadOutcome()
    do {
        while try reader.nextRecord() {
            var fields: [[UInt8]] = []
            for index in 0..<reader.fieldCount {
                fields.append(reader.fieldBytes(index))
            }
            if positions {
                for index in [0, reader.fieldCount - 1, reader.fieldCount] where index >= 0 {
                    let location = reader.location(ofField: index)
                    FuzzSupport.check(location.line! >= reader.line, "field \(index) starts before its record")
                    FuzzSupport.check(location.column! >= 1, "column \(location.column!) < 1")
                    _ = reader.lineText(ofField: index)
                    _ = reader.diagnostic(forField: index, code: "fuzz", message: "fuzz")
                }
                _ = reader.recordText
                FuzzSupport.check(reader.bufferCapacity <= max(reader.totalBytes ?? 0, 1) + reader.limits.maxRecordBytes + 8,
                                  "buffer grew to \(reader.bufferCapacity)")
            }
            outcome.records.append(.init(line: reader.line, fields: fields))
        }
    } catch let error as InputError {
        outcome.errorCode = error.diagnostics.first?.code
        for diagnostic in error.diagnostics { _ = diagnostic.description }
    } catch {
        FuzzSupport.check(false, "unexpected error \(error)")
    }
    outcome.delimiter = reader.dialect.delimiter
    return outcome
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSVReader(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let input = UnsafeBufferPointer(start: data, count: size)
    let bytes = Array(input)

    // 1. From memory.
    let inMemory = readAll(CSVReader(bytes: bytes, fileLabel: "fuzz.csv"), positions: true)

    // 2. From a file, through a 64-byte buffer, with the delimiter the first read detected (the
    //    detection looks only at the first buffer, which here is shorter than most headers).
    let path = FuzzSupport.write(input, named: "fuzz.csv")
    do {
        let reader = try CSVReader(path: path, fileLabel: "fuzz.csv", delimiter: inMemory.delimiter, bufferSize: 64)
        let streamed = readAll(reader, positions: false)
        // The check for UTF-16 and workbooks looks at the first buffer only (up to 4 KiB of it),
        // so with a 64-byte buffer it may judge differently; every other outcome must be equal.
        let sniffed = [TextEncoding.utf16Code, TextEncoding.workbookCode]
        let isSniffed = sniffed.contains(streamed.errorCode ?? "") || sniffed.contains(inMemory.errorCode ?? "")
        FuzzSupport.check(
            isSniffed || (streamed.records == inMemory.records && streamed.errorCode == inMemory.errorCode),
            "64-byte buffer read differs: \(streamed.records.count) records, \(streamed.errorCode ?? "ok") vs "
                + "\(inMemory.records.count) records, \(inMemory.errorCode ?? "ok")")
    } catch {
        FuzzSupport.check(false, "cannot open the scratch file: \(error)")
    }

    // 3. Tiny limits: whatever is read respects them.
    let limits = CSVReader.Limits(maxFieldBytes: 16, maxRecordBytes: 64, maxFields: 8)
    let limited = readAll(CSVReader(bytes: bytes, fileLabel: "fuzz.csv", limits: limits), positions: true)
    for record in limited.records {
        FuzzSupport.check(record.fields.count <= 8, "\(record.fields.count) fields past the limit of 8")
        FuzzSupport.check(record.fields.allSatisfy { $0.count <= 16 }, "a field past the limit of 16 bytes")
    }

    // 4. As a report.
    FuzzSupport.dryRunIngest(path: path, label: "fuzz.csv", compareShortcut: true)

    // The writer: every cell read comes back, formulas neutralised. (Cells with NUL characters
    // are left out: a file with many of them is refused as UTF-16 text, on purpose.)
    let hasNUL = inMemory.records.contains { $0.fields.contains { $0.contains(0) } }
    if inMemory.errorCode == nil && !inMemory.records.isEmpty && !hasNUL {
        var writer = CSVWriter(header: ["h"])
        var expected: [[String]] = [["h"]]
        for record in inMemory.records {
            let cells = record.fields.map { String(decoding: $0, as: UTF8.self) }
            writer.append(cells)
            expected.append(cells.map { cell in
                let first = cell.unicodeScalars.first
                return first.map { "=+-@\t\r".unicodeScalars.contains($0) } == true ? "'" + cell : cell
            })
        }
        let back = CSVReader(bytes: Array(writer.text.utf8), fileLabel: "written.csv", delimiter: UInt8(ascii: ","))
        let read = readAll(back, positions: false)
        FuzzSupport.check(read.errorCode == nil, "written CSV does not read back: \(read.errorCode!)")
        let cells = read.records.map { $0.fields.map { String(decoding: $0, as: UTF8.self) } }
        FuzzSupport.check(cells == expected, "written CSV reads back differently: \(cells) vs \(expected)")
    }
    return 0
}
