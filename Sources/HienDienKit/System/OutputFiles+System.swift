import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// The file system's C calls behind `OutputFiles`: with Deflate.swift (zlib), the only code
// outside SQLite/ and Store/ that hands pointers to C. Everything above it passes arrays.

extension OutputFiles {
    /// A file created new (never over another) and written piece by piece; `close()` flushes
    /// it to disk. Errors name the path the user knows it by.
    final class NewFile {
        let path: String
        let shownPath: String
        private var fd: Int32

        init(_ path: String, shownAs shownPath: String? = nil) throws {
            self.path = path
            self.shownPath = shownPath ?? path
            let folder = (self.shownPath as NSString).deletingLastPathComponent
            fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
            guard fd >= 0 else { throw failure(self.shownPath, "cannot create a file in \(folder.isEmpty ? "." : folder)") }
        }

        deinit { if fd >= 0 { posixClose(fd) } }

        private func write(_ buffer: UnsafeRawBufferPointer) throws {
            var offset = 0
            while offset < buffer.count {
                let n = posixWrite(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    throw failure(shownPath, "writing failed")
                }
                offset += n
            }
        }

        func write(_ bytes: [UInt8]) throws { try bytes.withUnsafeBytes { try write($0) } }

        func write(_ bytes: ArraySlice<UInt8>) throws { try bytes.withUnsafeBytes { try write($0) } }

        /// Writes `bytes` at `offset`, over what is there (a header completed once its entry is
        /// written), without moving where the next `write` goes.
        func write(_ bytes: [UInt8], at offset: Int) throws {
            try bytes.withUnsafeBytes { buffer in
                var done = 0
                while done < buffer.count {
                    let n = pwrite(fd, buffer.baseAddress! + done, buffer.count - done, off_t(offset + done))
                    if n < 0 {
                        if errno == EINTR { continue }
                        throw failure(shownPath, "writing failed")
                    }
                    done += n
                }
            }
        }

        func write(_ text: String) throws {
            var text = text
            try text.withUTF8 { try write(UnsafeRawBufferPointer($0)) }
        }

        /// Flushes the file to disk (unless `flushing` is false: a temporary file read back and
        /// removed at once) and closes it.
        func close(flushing: Bool = true) throws {
            defer {
                posixClose(fd)
                fd = -1
            }
            guard !flushing || fsync(fd) == 0 else { throw failure(shownPath, "flushing to disk failed") }
        }
    }

    /// Swaps two paths in one step with Linux's `renameat2(RENAME_EXCHANGE)`; false where the
    /// system or the file system lacks it (the caller then renames twice).
    static func exchange(_ a: String, _ b: String) -> Bool {
        #if os(Linux)
        typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
        guard let handle = dlopen(nil, RTLD_NOW), let symbol = dlsym(handle, "renameat2") else { return false }
        let renameat2 = unsafeBitCast(symbol, to: RenameAt2.self)
        let renameExchange: UInt32 = 1 << 1
        return renameat2(AT_FDCWD, a, AT_FDCWD, b, renameExchange) == 0
        #else
        return false
        #endif
    }
}

/// `close(2)`, named apart from `NewFile.close()`.
private func posixClose(_ fd: Int32) {
    _ = close(fd)
}

/// `write(2)`, named apart from any `write` member.
private func posixWrite(_ fd: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(fd, bytes, count)
}
