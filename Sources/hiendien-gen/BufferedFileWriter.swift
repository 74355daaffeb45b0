import Foundation

/// Appends bytes to a file through a fixed-size buffer, so that an 80 MB CSV is written
/// with a few hundred `write` calls and never held in memory.
final class BufferedFileWriter {
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private let capacity: Int
    private(set) var bytesWritten = 0

    init(path: String, capacity: Int = 1 << 20) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil) else {
            throw GeneratorError("cannot create \(path)")
        }
        guard let handle = FileHandle(forWritingAtPath: path) else {
            throw GeneratorError("cannot open \(path) for writing")
        }
        self.handle = handle
        self.capacity = capacity
        buffer.reserveCapacity(capacity)
    }

    @inline(__always)
    func write(_ bytes: [UInt8]) {
        if buffer.count + bytes.count > capacity { flush() }
        buffer.append(contentsOf: bytes)
    }

    func write(_ text: String) { write(Array(text.utf8)) }

    @inline(__always)
    func write(byte: UInt8) {
        if buffer.count == capacity { flush() }
        buffer.append(byte)
    }

    /// A non-negative whole number in decimal, without going through `String`.
    @inline(__always)
    func write(decimal value: Int) {
        precondition(value >= 0, "counts are non-negative")
        if buffer.count + 20 > capacity { flush() }
        if value < 10 {
            buffer.append(UInt8(0x30 + value))
            return
        }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        var rest = value
        withUnsafeMutableBytes(of: &digits) { raw in
            while rest > 0 {
                raw[count] = UInt8(0x30 + rest % 10)
                rest /= 10
                count += 1
            }
            for index in stride(from: count - 1, through: 0, by: -1) { buffer.append(raw[index]) }
        }
    }

    func flush() {
        guard !buffer.isEmpty else { return }
        handle.write(Data(buffer))
        bytesWritten += buffer.count
        buffer.removeAll(keepingCapacity: true)
    }

    func close() throws {
        flush()
        try handle.close()
    }
}

struct GeneratorError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
