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

    /// Deflates `input` at the default level; the same input always gives the same bytes.
    static func deflate(_ input: [UInt8]) -> [UInt8] {
        input.withUnsafeBufferPointer { deflate($0) }
    }

    /// Deflates `input` in one pass over it, collecting the output 64 KiB at a time (not into a
    /// buffer of `deflateBound`'s size, which for a national report.docx was 87 MB). How the
    /// output is collected does not change a byte of it.
    static func deflate(_ input: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var stream = z_stream()
        precondition(hiendien_deflate_init_raw(&stream, Z_DEFAULT_COMPRESSION) == Z_OK, "zlib deflateInit2 failed")
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

    /// The CRC-32 of `bytes` (ZIP's checksum).
    static func crc32(_ bytes: ArraySlice<UInt8>) -> UInt32 {
        bytes.withUnsafeBufferPointer { crc32($0) }
    }

    static func crc32(_ buffer: UnsafeBufferPointer<UInt8>) -> UInt32 {
        UInt32(CZlib.crc32(0, buffer.baseAddress, UInt32(buffer.count)))
    }
}
