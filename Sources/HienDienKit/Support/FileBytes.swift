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
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw InputError(Diagnostic(at: SourceLocation(file: file), code: "file.read",
                                            message: "cannot read the file (\(String(cString: strerror(errno))))"))
            }
            if n == 0 { break }
            bytes.append(contentsOf: chunk[0..<n])
            if bytes.count > limit { throw tooLarge(file, limit) }
        }
        return bytes
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
        var buffer = [UInt8](repeating: 0, count: count)
        let n = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, count) }
        return Array(buffer.prefix(max(0, n)))
    }
}
