import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// With OutputFiles+System.swift and Deflate.swift, the only code outside SQLite/ and Store/
// that hands pointers to C: `pread(2)` into an array's bytes. Everything above it passes arrays.

/// A window over a file's bytes, read by offset some kilobytes at a time, so that a reader of
/// report.html (12 MB nationally) holds the window, not the page.
///
/// The window slides forward when its reader reaches its end, keeping what the reader still
/// needs (the token being read); it grows only while one token is longer than it. Bytes
/// outside it are read from the file again (`bytes(in:)`). A window may also hold a whole
/// input in memory (tests, letters): it then never slides.
///
/// A copy is a window of its own over the same open file.
struct FileWindow {
    /// The bytes in the window: those of the file from offset `start`.
    private(set) var bytes: [UInt8]
    /// The file offset of `bytes[0]`.
    private(set) var start = 0
    /// Whether the window reaches the end of the input (or a read failed: see `Source.failure`).
    private(set) var reachesEnd: Bool
    /// The file; nil for an input in memory.
    let source: Source?
    /// How many bytes a window holds (more while one token is longer).
    let size: Int

    /// A window holding `bytes` whole.
    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        reachesEnd = true
        source = nil
        size = bytes.count
    }

    /// A window of `size` bytes at the start of `source`.
    init(_ source: Source, size: Int = 1 << 20) {
        self.source = source
        self.size = max(1, size)
        bytes = []
        bytes.reserveCapacity(self.size)
        reachesEnd = source.read(at: 0, count: self.size, appendingTo: &bytes) < self.size
    }

    /// Moves the window's start to `keep` (an index in `bytes`) and reads on from its end: at
    /// least as many bytes again as are kept, so that a long token is read in linear time.
    /// Nothing is read once the window reaches the end.
    mutating func slide(keepingFrom keep: Int) {
        guard let source, !reachesEnd else { return }
        let kept = bytes.count - keep
        let wanted = max(size - kept, kept, 1)
        var next: [UInt8] = []
        next.reserveCapacity(kept + wanted)
        next.append(contentsOf: bytes[keep...])
        let read = source.read(at: start + bytes.count, count: wanted, appendingTo: &next)
        reachesEnd = read < wanted
        start += keep
        bytes = next
    }

    /// The input's bytes at the file offsets `range`: the window itself and the range in it when
    /// it holds them, else the bytes read from the file (fewer if the read fails).
    func bytes(in range: Range<Int>) -> (bytes: [UInt8], range: Range<Int>) {
        if range.lowerBound >= start && range.upperBound <= start + bytes.count {
            return (bytes, (range.lowerBound - start)..<(range.upperBound - start))
        }
        guard let source else { return ([], 0..<0) }
        var read: [UInt8] = []
        read.reserveCapacity(range.count)
        _ = source.read(at: range.lowerBound, count: range.count, appendingTo: &read)
        return (read, read.indices)
    }

    // MARK: - The file

    /// Why a read stopped: the system's error number (nil when the file was shorter than
    /// expected: changed while it was read) and the file offset.
    struct ReadFailure: Error, Equatable {
        var errorNumber: Int32?
        var offset: Int
    }

    /// A file open for reading by offset, shared by the copies of a window. The first read that
    /// fails is kept in `failure` (the window then reaches its end), for the caller to report.
    final class Source {
        private var fd: Int32
        /// The file's length when it was opened: a read that ends before it is a failure.
        let size: Int
        private(set) var failure: ReadFailure?

        /// Opens `path` read-only.
        init(path: String) throws(ReadFailure) {
            fd = open(path, O_RDONLY | O_CLOEXEC)
            guard fd >= 0 else { throw ReadFailure(errorNumber: errno, offset: 0) }
            var info = stat()
            guard fstat(fd, &info) == 0 else {
                let error = ReadFailure(errorNumber: errno, offset: 0)
                _ = close(fd)
                throw error
            }
            size = Int(info.st_size)
        }

        deinit { _ = close(fd) }

        /// Appends up to `count` bytes from file offset `offset` to `buffer`: fewer only at the
        /// end of the file or when the read fails (recorded in `failure`). Returns how many.
        func read(at offset: Int, count: Int, appendingTo buffer: inout [UInt8]) -> Int {
            guard failure == nil, count > 0 else { return 0 }
            let old = buffer.count
            buffer.append(contentsOf: repeatElement(0, count: count))
            var done = 0
            buffer.withUnsafeMutableBytes { target in
                while done < count {
                    let n = pread(fd, target.baseAddress! + old + done, count - done, off_t(offset + done))
                    if n < 0 {
                        if errno == EINTR { continue }
                        fail(errorNumber: errno, at: offset + done)
                        return
                    }
                    if n == 0 { return }
                    done += n
                }
            }
            buffer.removeLast(count - done)
            if done < count && offset + done < size { fail(errorNumber: nil, at: offset + done) }
            return done
        }

        /// Records a failed read (the first one only).
        private func fail(errorNumber: Int32?, at offset: Int) {
            if failure == nil { failure = ReadFailure(errorNumber: errorNumber, offset: offset) }
        }
    }
}
