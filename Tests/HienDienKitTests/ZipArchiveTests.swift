import Foundation
import Testing
@testable import HienDienKit

struct ZipArchiveTests {
    private func archive(_ files: [(String, String)]) -> [UInt8] {
        var writer = ZipWriter()
        for (name, text) in files { writer.add(name, text: text) }
        return writer.finished()
    }

    private func code(_ body: () throws -> Void) -> String? {
        do { try body() } catch let error as InputError { return error.diagnostics.first?.code } catch { return "\(error)" }
        return nil
    }

    @Test func whatTheWriterDeflatesTheReaderInflates() throws {
        let sheet = String(repeating: "<row><c t=\"s\"><v>1250</v></c></row>", count: 2000)
        let bytes = archive([("[Content_Types].xml", "<Types/>"), ("xl/worksheets/sheet1.xml", sheet), ("empty", "")])
        var zip = try ZipArchive(bytes: bytes, label: "bao-cao.xlsx")
        #expect(zip.entries.map(\.name) == ["[Content_Types].xml", "xl/worksheets/sheet1.xml", "empty"])
        #expect(try zip.data("xl/worksheets/sheet1.xml").map { String(decoding: $0, as: UTF8.self) } == sheet)
        #expect(try zip.data("empty") == [])
        #expect(try zip.data("xl/missing.xml") == nil)
        #expect(bytes.count < sheet.utf8.count / 10)  // really deflated
    }

    /// An entry written as it is deflated (report.docx's body), its header completed after its
    /// bytes, gives the archive of the entry added whole — in memory and in a file.
    @Test func anEntryWrittenAsItIsDeflatedGivesTheSameArchive() throws {
        let body = (1...3_000).map { "<w:p><w:r><w:t>Đơn vị số \($0)</w:t></w:r></w:p>" }
        var whole = ZipWriter()
        whole.add("[Content_Types].xml", text: "<Types/>")
        whole.add("word/document.xml", deflated: Deflate.deflate(pieces: body))
        whole.add("word/styles.xml", text: "<w:styles/>")
        let expected = whole.finished()

        func streamed(_ zip: inout ZipWriter) {
            zip.add("[Content_Types].xml", text: "<Types/>")
            zip.beginEntry("word/document.xml")
            let stream = DeflateStream()
            for piece in body {
                stream.write(piece)
                zip.appendEntry(stream.takePacked())
            }
            let end = stream.finish()
            zip.appendEntry(end.packed)
            zip.finishEntry(crc: end.crc, count: end.count)
            zip.add("word/styles.xml", text: "<w:styles/>")
        }
        var inMemory = ZipWriter()
        streamed(&inMemory)
        #expect(inMemory.finished() == expected)

        let path = FileManager.default.temporaryDirectory.appendingPathComponent("hiendien-zip-\(UUID().uuidString).docx").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let file = try OutputFiles.NewFile(path)
        var inFile = ZipWriter(writingTo: file)
        streamed(&inFile)
        try inFile.finish()
        try file.close()
        #expect(try [UInt8](Data(contentsOf: URL(fileURLWithPath: path))) == expected)
        var archive = try ZipArchive(bytes: expected, label: "report.docx")
        #expect(try archive.data("word/document.xml").map { String(decoding: $0, as: UTF8.self) } == body.joined())
    }

    @Test func anEntryWhoseDeflatedBytesSpanManyOutputBlocksReadsBackWhole() throws {
        // Hex digits from a fixed generator: about 4 bits of news per byte, so 600 KB deflate to
        // some 300 KB — several of the writer's 64 KiB output blocks.
        var state: UInt64 = 0x2026_0630
        let text = String((0..<600_000).map { _ -> Character in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Array("0123456789abcdef")[Int(state >> 60)]
        })
        let bytes = archive([("word/document.xml", text)])
        var zip = try ZipArchive(bytes: bytes, label: "bao-cao.docx")
        #expect(bytes.count > 4 * 65_536)
        #expect(try zip.data("word/document.xml").map { String(decoding: $0, as: UTF8.self) } == text)
    }

    @Test func aTextDeflatedInPiecesGivesTheBytesOfTheWholeText() {
        var state: UInt64 = 0x2026_0701
        let words = ["<w:p>", "Sở Khoa học và Công nghệ", "</w:p>", "1.250", "tên miền id.vn", "Ủy ban nhân dân xã"]
        let text = (0..<60_000).map { _ -> String in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return words[Int(state >> 61) % words.count] + String(state >> 48, radix: 16)
        }.joined()
        let whole = Array(text.utf8)
        let expected = Deflate.deflate(whole, level: DeflateStream.level)
        #expect(expected.count > 2 * 65_536)
        // A stream deflates at its own level, not the default one-pass parts use.
        let differs = expected != Deflate.deflate(whole)
        #expect(differs)
        // Split at the start, inside, across the 32 KiB window and the 64 KiB output blocks, at the end.
        for cuts in [[0], [17], [40_000, 40_001], [70_000, 300_000, 700_000], [text.utf8.count]] {
            var pieces: [String] = []
            var start = text.startIndex
            for cut in cuts {
                let end = text.utf8.index(text.startIndex, offsetBy: cut, limitedBy: text.endIndex) ?? text.endIndex
                let boundary = text.rangeOfComposedCharacterSequence(at: end == text.endIndex ? text.index(before: end) : end).lowerBound
                let stop = end == text.endIndex ? end : max(boundary, start)
                pieces.append(String(text[start..<stop]))
                start = stop
            }
            pieces.append(String(text[start...]))
            let (packed, crc, count) = Deflate.deflate(pieces: pieces)
            let same = packed == expected  // not the arrays themselves: a failure would print 100 KB twice
            #expect(same, "cut at \(cuts)")
            #expect(crc == Deflate.crc32(whole[...]) && count == whole.count)
        }
    }

    @Test func theSameFilesGiveTheSameBytes() {
        let files = [("a.xml", "<a>Sở Khoa học và Công nghệ</a>"), ("b.xml", "<b/>")]
        #expect(archive(files) == archive(files))
    }

    @Test func aStoredEntryWrittenByAnotherToolIsRead() throws {
        // "hello" stored (method 0), as `zip -0` writes it.
        let contents = Array("hello".utf8)
        var bytes: [UInt8] = []
        let crc = Deflate.crc32(contents[...])
        bytes.append32(0x0403_4B50); bytes.append16(10); bytes.append16(0); bytes.append16(0); bytes.append16(0); bytes.append16(0x21)
        bytes.append32(crc); bytes.append32(5); bytes.append32(5); bytes.append16(1); bytes.append16(0)
        bytes += Array("h".utf8) + contents
        let directory = bytes.count
        bytes.append32(0x0201_4B50); bytes.append16(20); bytes.append16(10); bytes.append16(0); bytes.append16(0); bytes.append16(0)
        bytes.append16(0x21); bytes.append32(crc); bytes.append32(5); bytes.append32(5); bytes.append16(1); bytes.append16(0)
        bytes.append16(0); bytes.append16(0); bytes.append16(0); bytes.append32(0); bytes.append32(0)
        bytes += Array("h".utf8)
        let size = bytes.count - directory
        bytes.append32(0x0605_4B50); bytes.append16(0); bytes.append16(0); bytes.append16(1); bytes.append16(1)
        bytes.append32(UInt32(size)); bytes.append32(UInt32(directory)); bytes.append16(0)
        var zip = try ZipArchive(bytes: bytes, label: "x.xlsx")
        #expect(try zip.data("h") == contents)
    }

    @Test func aZipBombIsRefusedBeforeItFillsMemory() throws {
        // 100 MB of zeros deflate to about 100 KB: a ratio of 1000:1.
        let bomb = archive([("xl/worksheets/sheet1.xml", String(repeating: "0", count: 100_000_000))])
        var zip = try ZipArchive(bytes: bomb, label: "bom.xlsx")
        #expect(code { _ = try zip.data("xl/worksheets/sheet1.xml") } == "xlsx.too-large")
        // A bomb that lies about its size is stopped when it inflates past what it declared.
        var lying = bomb
        let central = lying.count - 22 - 46 - "xl/worksheets/sheet1.xml".utf8.count
        lying[central + 24] = 0x10;  // the central directory's uncompressed size: 16 bytes
        lying[central + 25] = 0; lying[central + 26] = 0; lying[central + 27] = 0
        var liar = try ZipArchive(bytes: lying, label: "bom.xlsx")
        #expect(code { _ = try liar.data("xl/worksheets/sheet1.xml") } == "xlsx.too-large")
    }

    @Test func theTotalOfAllEntriesIsBounded() throws {
        let part = String(repeating: "<c>1</c>", count: 2000)
        var zip = try ZipArchive(bytes: archive([("a", part), ("b", part)]), label: "x.xlsx",
                                 limits: ZipArchive.Limits(maxEntryBytes: 1 << 20, maxTotalBytes: 20_000))
        _ = try zip.data("a")
        #expect(code { _ = try zip.data("b") } == "xlsx.too-large")
    }

    @Test func anEncryptedWorkbookIsRefusedWithHowToRemoveThePassword() throws {
        // Excel saves a workbook with a password as an OLE compound file.
        let ole: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504)
        do {
            _ = try ZipArchive(bytes: ole, label: "bao-cao.xlsx")
            Issue.record("an encrypted workbook was accepted")
        } catch {
            #expect(error.diagnostics[0].code == "xlsx.encrypted")
            #expect(error.description.contains("password"))
        }
        // A ZIP entry with the encryption flag.
        var flagged = archive([("a", "secret")])
        flagged[6] |= 1
        let central = flagged.count - 22 - 46 - 1
        flagged[central + 8] |= 1
        var zip = try ZipArchive(bytes: flagged, label: "x.xlsx")
        #expect(code { _ = try zip.data("a") } == "xlsx.encrypted")
    }

    @Test func damageIsRefusedClearly() throws {
        let good = archive([("a", String(repeating: "Quý II/2026 ", count: 100))])
        #expect(code { _ = try ZipArchive(bytes: Array(good.prefix(good.count - 30)), label: "x") } == "xlsx.corrupt")
        #expect(code { _ = try ZipArchive(bytes: Array("đơn vị;kỳ".utf8), label: "x") } == "xlsx.not-zip")
        var flipped = good
        flipped[40] ^= 0xFF
        #expect(code { var zip = try ZipArchive(bytes: flipped, label: "x"); _ = try zip.data("a") } == "xlsx.corrupt")
        var zip64 = good
        let end = zip64.count - 22
        zip64[end + 10] = 0xFF; zip64[end + 11] = 0xFF
        #expect(code { _ = try ZipArchive(bytes: zip64, label: "x") } == "xlsx.zip64")
    }
}
