import CZlib

/// Raw DEFLATE (RFC 1951) and CRC-32 through the system zlib, as ZIP containers use them.
///
/// Only `Office/` imports `CZlib`.
enum Deflate {
    /// Why inflating stopped.
    enum Failure: Error, Equatable {
        /// The stream is not valid DEFLATE, or ends early.
        case corrupt
        /// The stream would inflate past `limit` bytes.
        case tooLarge
    }

    /// Inflates `input`, refusing to produce more than `limit` bytes (a zip bomb stops there).
    static func inflate(_ input: ArraySlice<UInt8>, limit: Int) throws(Failure) -> [UInt8] {
        var stream = z_stream()
        guard hiendien_inflate_init_raw(&stream) == Z_OK else { throw .corrupt }
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        output.reserveCapacity(min(limit, max(input.count * 4, 1024)))
        let chunk = 64 << 10
        var buffer = [UInt8](repeating: 0, count: chunk)
        var status: Int32 = Z_OK
        var failure: Failure?
        input.withUnsafeBufferPointer { source in
            stream.next_in = UnsafeMutablePointer(mutating: source.baseAddress)
            stream.avail_in = UInt32(source.count)
            while status == Z_OK {
                buffer.withUnsafeMutableBufferPointer { target in
                    stream.next_out = target.baseAddress
                    stream.avail_out = UInt32(chunk)
                    status = CZlib.inflate(&stream, Z_NO_FLUSH)
                    let produced = chunk - Int(stream.avail_out)
                    if output.count + produced > limit {
                        failure = .tooLarge
                        status = Z_STREAM_ERROR
                        return
                    }
                    output.append(contentsOf: target.prefix(produced))
                }
                if status == Z_BUF_ERROR && stream.avail_in == 0 { break }  // input ended early
                if status == Z_OK && stream.avail_in == 0 && stream.avail_out != 0 { break }
            }
        }
        if let failure { throw failure }
        guard status == Z_STREAM_END else { throw .corrupt }
        return output
    }

    /// Deflates `input` at zlib's `level` (its default unless given); the same input always gives
    /// the same bytes.
    static func deflate(_ input: [UInt8], level: Int32 = Z_DEFAULT_COMPRESSION) -> [UInt8] {
        input.withUnsafeBufferPointer { deflate($0, level: level) }
    }

    /// Deflates `input` in one pass over it, collecting the output 64 KiB at a time (not into a
    /// buffer of `deflateBound`'s size, which for a national report.docx was 87 MB). How the
    /// output is collected does not change a byte of it.
    private static func deflate(_ input: UnsafeBufferPointer<UInt8>, level: Int32) -> [UInt8] {
        var stream = z_stream()
        precondition(hiendien_deflate_init_raw(&stream, level) == Z_OK, "zlib deflateInit2 failed")
        defer { deflateEnd(&stream) }
        var output: [UInt8] = []
        var block = [UInt8](repeating: 0, count: 1 << 16)
        stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
        stream.avail_in = UInt32(input.count)
        var status = Z_OK
        repeat {
            block.withUnsafeMutableBufferPointer { target in
                stream.next_out = target.baseAddress
                stream.avail_out = UInt32(target.count)
                status = CZlib.deflate(&stream, Z_FINISH)
                output.append(contentsOf: target.prefix(target.count - Int(stream.avail_out)))
            }
            precondition(status == Z_OK || status == Z_STREAM_END, "zlib deflate failed (\(status))")
        } while status != Z_STREAM_END
        return output
    }

    /// Deflates the UTF-8 of `pieces` as if they were one text — the same bytes as deflating
    /// their concatenation, without making it — with its CRC-32 and length.
    static func deflate(pieces: [String]) -> (packed: [UInt8], crc: UInt32, count: Int) {
        let stream = DeflateStream()
        for piece in pieces { stream.write(piece) }
        return stream.finish()
    }

    /// The CRC-32 of `bytes` (ZIP's checksum).
    static func crc32(_ bytes: ArraySlice<UInt8>) -> UInt32 {
        bytes.withUnsafeBufferPointer { crc32($0) }
    }

    private static func crc32(_ buffer: UnsafeBufferPointer<UInt8>) -> UInt32 {
        UInt32(CZlib.crc32(0, buffer.baseAddress, UInt32(buffer.count)))
    }
}

/// A DEFLATE stream fed text piece by piece: report.docx's body is deflated as it is written
/// instead of being held whole. zlib's output does not depend on how its input is handed over
/// when no flush is asked for between pieces, so the bytes are those of the whole text.
final class DeflateStream {
    /// zlib keeps a pointer back to its stream: the stream must not move while in use.
    private let stream: UnsafeMutablePointer<z_stream>
    private var block = [UInt8](repeating: 0, count: 1 << 16)
    private var packed: [UInt8] = []
    private var crc: UInt = 0
    private var count = 0
    private var finished = false

    /// zlib's level 3 (of 9) for the large parts a stream deflates — a national report.docx's
    /// body (87 MB of XML) and tables.xlsx's sheets: about a third of the default level's time
    /// (report.docx 1,6 MB instead of 1,0; tables.xlsx 3,9 MB instead of 3,3), which the two
    /// jobs that make them spent most of their time in.
    static let level: Int32 = 3

    init() {
        stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        precondition(hiendien_deflate_init_raw(stream, Self.level) == Z_OK, "zlib deflateInit2 failed")
    }

    deinit {
        deflateEnd(stream)
        stream.deinitialize(count: 1)
        stream.deallocate()
    }

    /// Whether nothing has been written yet.
    var isEmpty: Bool { count == 0 }

    /// Deflates the UTF-8 of `text` after what came before.
    func write(_ text: String) {
        precondition(!finished, "a finished DeflateStream was written to")
        var text = text
        text.withUTF8 { run($0, finish: false) }
    }

    /// Deflates `bytes` after what came before.
    /// Deflates `bytes` as the next piece of the entry.
    func write(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { write($0) }
    }

    private func write(_ bytes: UnsafeBufferPointer<UInt8>) {
        precondition(!finished, "a finished DeflateStream was written to")
        run(bytes, finish: false)
    }

    /// The deflated bytes made so far and not yet taken, taken: a caller that writes them out
    /// as they come holds no more than one piece of them.
    func takePacked() -> [UInt8] {
        guard !packed.isEmpty else { return [] }
        defer { packed.removeAll(keepingCapacity: true) }
        return packed
    }

    /// Ends the stream: the deflated bytes (those not taken), the CRC-32 and the length of all
    /// that was written.
    func finish() -> (packed: [UInt8], crc: UInt32, count: Int) {
        precondition(!finished, "a DeflateStream was finished twice")
        run(UnsafeBufferPointer(start: nil, count: 0), finish: true)
        finished = true
        return (packed, UInt32(crc), count)
    }

    private func run(_ input: UnsafeBufferPointer<UInt8>, finish: Bool) {
        // (crc32 with no bytes at all gives zlib's initial value, not the running one.)
        if !input.isEmpty { crc = CZlib.crc32(crc, input.baseAddress, UInt32(input.count)) }
        count += input.count
        stream.pointee.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
        stream.pointee.avail_in = UInt32(input.count)
        var done = false
        while !done {
            block.withUnsafeMutableBufferPointer { target in
                stream.pointee.next_out = target.baseAddress
                stream.pointee.avail_out = UInt32(target.count)
                let status = CZlib.deflate(stream, finish ? Z_FINISH : Z_NO_FLUSH)
                precondition(status == Z_OK || status == Z_STREAM_END || (status == Z_BUF_ERROR && !finish),
                             "zlib deflate failed (\(status))")
                packed.append(contentsOf: target.prefix(target.count - Int(stream.pointee.avail_out)))
                // A piece is done once zlib has taken all of it with room to spare; the end once
                // the stream has ended.
                done = finish ? status == Z_STREAM_END : stream.pointee.avail_in == 0 && stream.pointee.avail_out > 0
            }
        }
    }
}
