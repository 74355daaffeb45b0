/// Writes a ZIP container — the package of an `.xlsx` or `.docx` — with every entry deflated
/// and dated 1980-01-01 00:00 (the earliest DOS time), so that the same files always give a
/// byte-identical archive.
struct ZipWriter {
    private var output: [UInt8] = []
    private var directory: [UInt8] = []
    private var count = 0

    init() {}

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
        let nameBytes = Array(name.utf8)
        let offset = output.count
        func header(_ signature: UInt32, central: Bool) -> [UInt8] {
            var bytes: [UInt8] = []
            bytes.append32(signature)
            if central { bytes.append16(20) }  // made by: MS-DOS, version 2.0
            bytes.append16(20)  // needed to extract: 2.0 (deflate)
            bytes.append16(0x0800)  // names are UTF-8
            bytes.append16(8)  // deflate
            bytes.append16(0)  // time 00:00:00
            bytes.append16(0x21)  // date 1980-01-01
            bytes.append32(crc)
            bytes.append32(UInt32(packed.count))
            bytes.append32(UInt32(contentCount))
            bytes.append16(UInt16(nameBytes.count))
            bytes.append16(0)  // extra field
            if central {
                bytes.append16(0)  // comment
                bytes.append16(0)  // disk
                bytes.append16(0)  // internal attributes
                bytes.append32(0)  // external attributes
                bytes.append32(UInt32(offset))
            }
            return bytes + nameBytes
        }
        output += header(0x0403_4B50, central: false)
        output += packed
        directory += header(0x0201_4B50, central: true)
        count += 1
    }


    /// The finished archive.
    func finished() -> [UInt8] {
        var bytes = output + directory
        bytes.append32(0x0605_4B50)
        bytes.append16(0)
        bytes.append16(0)
        bytes.append16(UInt16(count))
        bytes.append16(UInt16(count))
        bytes.append32(UInt32(directory.count))
        bytes.append32(UInt32(output.count))
        bytes.append16(0)
        return bytes
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
