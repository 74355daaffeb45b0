/// Reads a ZIP container held in memory — the package of an `.xlsx` or `.docx` — as untrusted
/// input: through its central directory, entries stored or deflated, each checked against its
/// CRC-32, with bounded sizes so that a zip bomb is refused instead of filling memory.
///
/// Refused with a clear message: encrypted entries, a password-protected Office file (which
/// is not a ZIP but an OLE compound file, signature `D0 CF 11 E0`, as is an Excel 97–2003
/// `.xls`), ZIP64 archives (no workbook a unit fills comes near 4 GiB), multi-disk archives,
/// compression methods other than stored and deflate, and anything inconsistent.
struct ZipArchive {
    /// Bounds on what reading the archive may produce.
    struct Limits: Sendable {
        /// The largest entry once inflated.
        var maxEntryBytes = 64 << 20
        /// The most bytes inflated from all entries read, together.
        var maxTotalBytes = 200 << 20
        /// The highest inflated-to-compressed ratio of an entry larger than 1 MiB (XML
        /// compresses about 10–50 times; a bomb thousands of times).
        var maxRatio = 200
        /// The most entries in the central directory.
        var maxEntries = 10_000
    }

    /// One file of the archive, as its central directory describes it.
    struct Entry {
        var name: String
        var method: UInt16
        var flags: UInt16
        var crc: UInt32
        var compressedSize: Int
        var size: Int
        var localHeaderOffset: Int
    }

    let label: String
    let limits: Limits
    private let bytes: [UInt8]
    private(set) var entries: [Entry] = []
    private var byName: [String: Int] = [:]
    /// Bytes inflated so far, against `limits.maxTotalBytes`.
    private var inflated = 0

    /// Reads the central directory of `bytes`, the contents of the file `label`.
    init(bytes: [UInt8], label: String, limits: Limits = Limits()) throws(InputError) {
        self.bytes = bytes
        self.label = label
        self.limits = limits
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {
            throw fail("xlsx.encrypted", "the file is a password-protected (encrypted) Office document or an Excel 97–2003 workbook, not an .xlsx package",
                       hint: "open it in Excel, remove the password (File → Info → Protect Workbook → Encrypt with Password, leave it empty) and save it as an Excel Workbook (.xlsx)")
        }
        guard bytes.starts(with: [0x50, 0x4B]) else {
            throw fail("xlsx.not-zip", "the file is not an Office Open XML package (.xlsx/.docx)",
                       hint: "save it from Excel or LibreOffice as an Excel Workbook (.xlsx), or send the report as CSV")
        }
        // End of central directory: 22 bytes plus a comment of at most 65,535 bytes.
        let lowest = max(0, bytes.count - 22 - 0xFFFF)
        var end = -1
        var position = bytes.count - 22
        while position >= lowest {
            if read32(position) == 0x0605_4B50 { end = position; break }
            position -= 1
        }
        guard end >= 0 else { throw corrupt("it has no central directory (the file is cut short?)") }
        if end >= 20, read32(end - 20) == 0x0706_4B50 {
            throw fail("xlsx.zip64", "the file is a ZIP64 archive, which is not read", hint: "no report workbook needs ZIP64: save it again from Excel or LibreOffice")
        }
        let disk = read16(end + 4), directoryDisk = read16(end + 6)
        let count = Int(read16(end + 10))
        let directorySize = Int(read32(end + 12)), directoryOffset = Int(read32(end + 16))
        if count == 0xFFFF || directorySize == 0xFFFF_FFFF || directoryOffset == 0xFFFF_FFFF {
            throw fail("xlsx.zip64", "the file is a ZIP64 archive, which is not read", hint: "save it again from Excel or LibreOffice")
        }
        guard disk == 0, directoryDisk == 0 else { throw corrupt("it is split over several disks") }
        guard count <= limits.maxEntries else { throw corrupt("it lists \(count) files (at most \(limits.maxEntries))") }
        guard directoryOffset + directorySize <= end else { throw corrupt("its central directory lies outside the file") }
        var cursor = directoryOffset
        for _ in 0..<count {
            guard cursor + 46 <= end, read32(cursor) == 0x0201_4B50 else { throw corrupt("its central directory is damaged") }
            let nameLength = Int(read16(cursor + 28)), extraLength = Int(read16(cursor + 30)), commentLength = Int(read16(cursor + 32))
            guard cursor + 46 + nameLength <= end else { throw corrupt("its central directory is damaged") }
            let name = String(decoding: bytes[(cursor + 46)..<(cursor + 46 + nameLength)], as: UTF8.self)
            let entry = Entry(name: name, method: read16(cursor + 10), flags: read16(cursor + 8), crc: read32(cursor + 16),
                              compressedSize: Int(read32(cursor + 20)), size: Int(read32(cursor + 24)),
                              localHeaderOffset: Int(read32(cursor + 42)))
            if entry.compressedSize == 0xFFFF_FFFF || entry.size == 0xFFFF_FFFF || entry.localHeaderOffset == 0xFFFF_FFFF {
                throw fail("xlsx.zip64", "the file is a ZIP64 archive, which is not read", hint: "save it again from Excel or LibreOffice")
            }
            if byName[name] == nil { byName[name] = entries.count }
            entries.append(entry)
            cursor += 46 + nameLength + extraLength + commentLength
        }
    }

    /// Whether the archive holds a file of this name.
    func contains(_ name: String) -> Bool { byName[name] != nil }

    /// The inflated contents of the file `name`, or nil when the archive has none.
    mutating func data(_ name: String) throws(InputError) -> [UInt8]? {
        guard let index = byName[name] else { return nil }
        let entry = entries[index]
        if entry.flags & 1 != 0 {
            throw fail("xlsx.encrypted", "'\(name)' in the file is encrypted", hint: "save the workbook again without a password")
        }
        guard entry.size <= limits.maxEntryBytes, inflated + entry.size <= limits.maxTotalBytes else {
            throw bomb(name)
        }
        if entry.size > 1 << 20, entry.size / max(entry.compressedSize, 1) > limits.maxRatio { throw bomb(name) }
        let local = entry.localHeaderOffset
        guard local + 30 <= bytes.count, read32(local) == 0x0403_4B50 else { throw corrupt("the entry '\(name)' is damaged") }
        let start = local + 30 + Int(read16(local + 26)) + Int(read16(local + 28))
        guard start + entry.compressedSize <= bytes.count else { throw corrupt("the entry '\(name)' is cut short") }
        let raw = bytes[start..<(start + entry.compressedSize)]
        let contents: [UInt8]
        switch entry.method {
        case 0:
            guard entry.compressedSize == entry.size else { throw corrupt("the entry '\(name)' is damaged") }
            contents = Array(raw)
        case 8:
            do {
                contents = try Deflate.inflate(raw, limit: entry.size)
            } catch .tooLarge {
                throw bomb(name)  // it inflates past the size it declares
            } catch {
                throw corrupt("the entry '\(name)' does not inflate")
            }
            guard contents.count == entry.size else { throw corrupt("the entry '\(name)' has the wrong size") }
        default:
            throw fail("xlsx.unsupported-compression", "the entry '\(name)' uses compression method \(entry.method), which is not read",
                       hint: "save the workbook again from Excel or LibreOffice")
        }
        guard Deflate.crc32(contents[...]) == entry.crc else { throw corrupt("the entry '\(name)' fails its checksum") }
        inflated += contents.count
        return contents
    }

    // MARK: - Bytes

    private func read16(_ offset: Int) -> UInt16 {
        UInt16(bytes[offset]) | UInt16(bytes[offset + 1]) << 8
    }

    private func read32(_ offset: Int) -> UInt32 {
        guard offset >= 0, offset + 4 <= bytes.count else { return 0 }
        return UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8 | UInt32(bytes[offset + 2]) << 16 | UInt32(bytes[offset + 3]) << 24
    }

    // MARK: - Errors

    private func fail(_ code: String, _ message: String, hint: String) -> InputError {
        InputError(Diagnostic(at: SourceLocation(file: label), code: code, message: message, hint: hint))
    }

    private func corrupt(_ why: String) -> InputError {
        fail("xlsx.corrupt", "the file is not a readable .xlsx/.docx package: \(why)",
             hint: "open it in Excel or LibreOffice and save it again; if it does not open, ask the unit to send it again")
    }

    private func bomb(_ name: String) -> InputError {
        fail("xlsx.too-large", "'\(name)' in the file inflates beyond the limits (\(limits.maxEntryBytes >> 20) MiB per part, \(limits.maxTotalBytes >> 20) MiB in all, at most \(limits.maxRatio):1) — refused as a possible zip bomb",
             hint: "a unit's report is a few kilobytes: send the sheet alone, or as CSV")
    }
}
