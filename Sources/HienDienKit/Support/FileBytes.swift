import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads small whole files (plans, JSON reports, templates) with a size cap, so that a
/// 1 GB file handed in by mistake is refused instead of filling memory.
public enum FileBytes {
    /// 4 MiB: far above any plan (the largest sample is 34 KB, the national one some 500 KB)
    /// or JSON report (a province's quarter is well under 1 MB). Parsed with the position of
    /// every value, JSON takes up to some 100 times its size in memory, so this also bounds
    /// what a wrong file can cost (about 420 MiB at worst).
    public static let defaultLimit = 4 << 20

    public static func read(path: String, label: String? = nil, limit: Int = defaultLimit) throws -> [UInt8] {
        let file = label ?? path
        let fd = try openForReading(path: path, file: file)
        defer { close(fd) }
        var info = stat()
        if fstat(fd, &info) == 0 {
            if (info.st_mode & S_IFMT) == S_IFDIR {
                throw InputError(Diagnostic(at: SourceLocation(file: file), code: "file.directory",
                                            message: "this is a folder, not a file"))
            }
            if Int(info.st_size) > limit { throw tooLarge(file, limit) }
        }
        let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: false)
        var bytes: [UInt8] = []
        while let chunk = try readChunk(handle, file: file, count: 1 << 16), !chunk.isEmpty {
            bytes.append(contentsOf: chunk)
            if bytes.count > limit { throw tooLarge(file, limit) }
        }
        return bytes
    }

    /// Up to `count` bytes from the handle (`EINTR` is retried by Foundation), or the
    /// user-facing error naming the system's reason.
    static func readChunk(_ handle: FileHandle, file: String, count: Int) throws -> Data? {
        do {
            return try handle.read(upToCount: count)
        } catch {
            let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError
            let code = underlying.flatMap { $0.domain == NSPOSIXErrorDomain ? Int32($0.code) : nil } ?? EIO
            throw InputError(Diagnostic(at: SourceLocation(file: file), code: "file.read",
                                        message: "cannot read the file (\(String(cString: strerror(code))))"))
        }
    }

    /// A read-only descriptor, or the user-facing error saying the file cannot be opened.
    static func openForReading(path: String, file: String) throws -> Int32 {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else {
            throw InputError(Diagnostic(at: SourceLocation(file: file), code: "file.open",
                                        message: "cannot open the file (\(String(cString: strerror(errno))))",
                                        hint: "check the path and that the file is readable"))
        }
        return fd
    }

    private static func tooLarge(_ file: String, _ limit: Int) -> InputError {
        InputError(Diagnostic(at: SourceLocation(file: file), code: "file.too-large",
                              message: "the file is larger than \(limit >> 20) MiB",
                              hint: "is this the right file? Plans and JSON reports are small; large data belongs in CSV"))
    }
}

extension FileBytes {
    /// The first `count` bytes of a file (fewer if it is shorter).
    public static func prefix(path: String, label: String? = nil, count: Int) throws -> [UInt8] {
        let fd = try openForReading(path: path, file: label ?? path)
        defer { close(fd) }
        let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: false)
        // A read that fails (a folder) gives no bytes here; the reader that follows says why.
        return Array(((try? handle.read(upToCount: count)) ?? nil) ?? Data())
    }
}
