/// Writes a ZIP container — the package of an `.xlsx` or `.docx` — with every entry deflated
/// and dated 1980-01-01 00:00 (the earliest DOS time), so that the same files always give a
/// byte-identical archive.
struct ZipWriter {
    /// The archive so far, when it is kept in memory.
    private var output: [UInt8] = []
    /// The file it is written into as it is made, instead.
    private let file: OutputFiles.NewFile?
    /// How many bytes of the archive have been written (into `output` or the file).
    private var written = 0
    private var directory: [UInt8] = []
    private var count = 0
    /// The entry begun by `beginEntry`: its name, where its header starts, its deflated length so far.
    private var open: (name: [UInt8], offset: Int, packed: Int)?
    /// The first error writing into the file; nothing is written after it.
    private(set) var failure: (any Error)?

    /// An archive kept in memory (`finished()`).
    init() {
        file = nil
    }

    /// An archive written into `file` as entries are added (`finish()`): only the central
    /// directory and the entry being deflated are held.
    init(writingTo file: OutputFiles.NewFile) {
        self.file = file
    }

    /// Adds a file; entries keep the order in which they are added.
    mutating func add(_ name: String, _ contents: [UInt8]) {
        add(name, packed: Deflate.deflate(contents), crc: Deflate.crc32(contents[...]), count: contents.count)
    }

    /// Adds a text file, as UTF-8 — deflated from the string's own bytes, not a copy of them.
    mutating func add(_ name: String, text: String) {
        add(name, deflated: Deflate.deflate(pieces: [text]))
    }

    /// Adds a file already deflated (a `DeflateStream`'s bytes, CRC-32 and length).
    mutating func add(_ name: String, deflated: (packed: [UInt8], crc: UInt32, count: Int)) {
        add(name, packed: deflated.packed, crc: deflated.crc, count: deflated.count)
    }

    private mutating func add(_ name: String, packed: [UInt8], crc: UInt32, count contentCount: Int) {
        precondition(open == nil, "an entry was added while another was being written")
        let nameBytes = Array(name.utf8)
        let offset = written
        put(Self.header(0x0403_4B50, name: nameBytes, crc: crc, packed: packed.count, count: contentCount, offset: nil))
        put(packed)
        directory += Self.header(0x0201_4B50, name: nameBytes, crc: crc, packed: packed.count, count: contentCount, offset: offset)
        count += 1
    }

    // MARK: - An entry written as it is deflated

    /// Starts an entry whose deflated bytes follow (`appendEntry`); its header is written now
    /// and completed by `finishEntry` with the CRC-32 and lengths — the same bytes as `add`.
    mutating func beginEntry(_ name: String) {
        precondition(open == nil, "an entry was begun while another was being written")
        let nameBytes = Array(name.utf8)
        open = (nameBytes, written, 0)
        put(Self.header(0x0403_4B50, name: nameBytes, crc: 0, packed: 0, count: 0, offset: nil))
    }

    /// Writes deflated bytes of the entry begun.
    mutating func appendEntry(_ packed: [UInt8]) {
        guard !packed.isEmpty else { return }
        open!.packed += packed.count
        put(packed)
    }

    /// Ends the entry begun, its deflated bytes all written: fills in its header.
    mutating func finishEntry(crc: UInt32, count contentCount: Int) {
        let (name, offset, packed) = open!
        open = nil
        let header = Self.header(0x0403_4B50, name: name, crc: crc, packed: packed, count: contentCount, offset: nil)
        if let file {
            guard failure == nil else { return }
            do { try file.write(header, at: offset) } catch { failure = error }
        } else {
            output.replaceSubrange(offset..<(offset + header.count), with: header)
        }
        directory += Self.header(0x0201_4B50, name: name, crc: crc, packed: packed, count: contentCount, offset: offset)
        count += 1
    }

    // MARK: - The end

    /// The finished archive (kept in memory).
    func finished() -> [UInt8] {
        output + directory + end()
    }

    /// Writes the central directory into the file and throws the first error writing it, if any.
    mutating func finish() throws {
        put(directory + end())
        if let failure { throw failure }
    }

    private func end() -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.append32(0x0605_4B50)
        bytes.append16(0)
        bytes.append16(0)
        bytes.append16(UInt16(count))
        bytes.append16(UInt16(count))
        bytes.append32(UInt32(directory.count))
        bytes.append32(UInt32(written))
        bytes.append16(0)
        return bytes
    }

    private mutating func put(_ bytes: [UInt8]) {
        written += bytes.count
        guard let file else { return output += bytes }
        guard failure == nil else { return }
        do { try file.write(bytes) } catch { failure = error }
    }

    /// A local header, or a central directory's header (`offset` of its local header given).
    private static func header(_ signature: UInt32, name: [UInt8], crc: UInt32, packed: Int, count: Int, offset: Int?) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.append32(signature)
        if offset != nil { bytes.append16(20) }  // made by: MS-DOS, version 2.0
        bytes.append16(20)  // needed to extract: 2.0 (deflate)
        bytes.append16(0x0800)  // names are UTF-8
        bytes.append16(8)  // deflate
        bytes.append16(0)  // time 00:00:00
        bytes.append16(0x21)  // date 1980-01-01
        bytes.append32(crc)
        bytes.append32(UInt32(packed))
        bytes.append32(UInt32(count))
        bytes.append16(UInt16(name.count))
        bytes.append16(0)  // extra field
        if let offset {
            bytes.append16(0)  // comment
            bytes.append16(0)  // disk
            bytes.append16(0)  // internal attributes
            bytes.append32(0)  // external attributes
            bytes.append32(UInt32(offset))
        }
        return bytes + name
    }
}

extension [UInt8] {
    mutating func append16(_ value: UInt16) {
        append(UInt8(value & 0xFF))
        append(UInt8(value >> 8))
    }

    mutating func append32(_ value: UInt32) {
        for shift in stride(from: 0, to: 32, by: 8) { append(UInt8((value >> UInt32(shift)) & 0xFF)) }
    }
}
