import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file or folder hiendien could not write, with the reason in words and what to do.
public struct OutputError: Error, Sendable, CustomStringConvertible {
    public var path: String
    /// A stable machine name of what went wrong, e.g. `output.no-folder`.
    public var code: String
    public var reason: String
    public var hint: String
    /// The system's error number behind a failed write, if any (ENOSPC, EACCES…), so that the
    /// runner can say the cause in the user's language.
    public var errorNumber: Int32?

    public var description: String {
        "\(path): cannot write: \(reason) [\(code)]\n    hint: \(hint)"
    }

    /// The same as a diagnostic on the path, so the runner words it in the user's language.
    public var diagnostic: Diagnostic {
        Diagnostic(at: SourceLocation(file: path), code: code, message: "cannot write: \(reason)", hint: hint)
            .with("reason", reason).with("errno", errorNumber.map { String($0) })
    }
}

/// Writes hiendien's outputs so that a reader never sees half of one: a single file is
/// written beside its place and renamed over it; a period's folder of reports is written
/// whole beside it and swapped in, so it always holds the old set or the new one.
public enum OutputFiles {
    // MARK: - One file

    /// Writes `data` to `path` atomically, after checking what a user can get wrong: a folder
    /// that does not exist, a folder where a file was meant, a symbolic link that leads
    /// nowhere, a folder without write permission.
    public static func write(_ data: Data, to path: String) throws {
        let folder = (path as NSString).deletingLastPathComponent
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.isEmpty ? "." : folder, isDirectory: &isDirectory),
              isDirectory.boolValue else {
            throw OutputError(path: path, code: "output.no-folder", reason: "the folder \(folder) does not exist",
                              hint: "create the folder first, or give a path in an existing folder")
        }
        var info = stat()
        if lstat(path, &info) == 0 {
            if info.st_mode & S_IFMT == S_IFDIR {
                throw OutputError(path: path, code: "output.is-folder", reason: "it is a folder",
                                  hint: "give a file name, e.g. \((path as NSString).appendingPathComponent("form.csv"))")
            }
            if info.st_mode & S_IFMT == S_IFLNK {
                let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? "?"
                throw OutputError(path: path, code: "output.symbolic-link",
                                  reason: "it is a symbolic link (to \(target)), which hiendien does not write through",
                                  hint: "remove the link or give another file name")
            }
        }
        try writeFile(data, to: path)
        synchronize(folder: folder.isEmpty ? "." : folder)
    }

    /// Writes `data` to a new temporary file beside `path`, flushes it and renames it over `path`.
    static func writeFile(_ data: Data, to path: String) throws {
        let folder = (path as NSString).deletingLastPathComponent
        let temporary = (folder as NSString).appendingPathComponent(".\((path as NSString).lastPathComponent).\(UUID().uuidString).tmp")
        var isWritten = false
        defer { if !isWritten { unlink(temporary) } }
        do {
            let file = try NewFile(temporary, shownAs: path)
            try file.write([UInt8](data))
            try file.close()
        }
        guard rename(temporary, path) == 0 else { throw failure(path, "renaming the temporary file failed") }
        isWritten = true
    }

    static func failure(_ path: String, _ what: String) -> OutputError {
        let number = errno
        let reason = String(cString: strerror(number))
        let hint = number == ENOSPC ? "free some disk space, then run the command again"
            : number == EACCES || number == EPERM || number == EROFS ? "write somewhere you have permission to, or ask for it"
            : "check that the folder exists and that you can write to it"
        var error = OutputError(path: path, code: "output.write-failed", reason: "\(what) (\(reason))", hint: hint)
        error.errorNumber = number
        return error
    }

    // MARK: - A folder of files

    /// Creates the output folder `path` (and its parents) if needed, saying plainly what is in
    /// the way: a file, or a symbolic link that leads nowhere.
    ///
    /// - Returns: The outermost folder it created (`path` or one of its parents), for
    ///   `removeEmptyFolders(_:upTo:)` after a failure; nil when `path` was there.
    @discardableResult
    public static func makeFolder(_ path: String) throws -> String? {
        var info = stat()
        if lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFLNK,
           !FileManager.default.fileExists(atPath: path) {
            let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? "?"
            throw OutputError(path: path, code: "output.dangling-link",
                              reason: "it is a symbolic link to \(target), which does not exist",
                              hint: "create \(target), remove the link, or pass another --out")
        }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw OutputError(path: path, code: "output.not-a-folder", reason: "it is a file, not a folder",
                                  hint: "pass a folder as --out")
            }
            return nil
        }
        var outermost = path
        while true {
            let parent = (outermost as NSString).deletingLastPathComponent
            guard !parent.isEmpty, parent != outermost, !FileManager.default.fileExists(atPath: parent) else { break }
            outermost = parent
        }
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw failure(path, "cannot create the folder")
        }
        return outermost
    }

    /// Removes `path` and its parents up to `outermost` (as `makeFolder` returned it), each
    /// only while it is empty: a run that failed leaves no folder it made behind.
    public static func removeEmptyFolders(_ path: String, upTo outermost: String) {
        var folder = path
        while rmdir(folder) == 0, folder != outermost {
            let parent = (folder as NSString).deletingLastPathComponent
            guard !parent.isEmpty, parent != folder else { return }
            folder = parent
        }
    }

    /// Replaces `folder` by a folder holding `files` (name, bytes) and every other file the
    /// old folder held: all are written into a temporary folder beside it, flushed, and the
    /// two folders swapped (atomically where the system can), so `folder` never holds a mix
    /// of old and new reports. On a failure the old folder is left as it was.
    public static func replaceFolder(_ folder: String, with files: [(name: String, data: Data)]) throws {
        try replaceFolder(folder, names: files.map(\.name)) { staging in
            for file in files {
                try writeFile(file.data, to: (staging as NSString).appendingPathComponent(file.name))
            }
        }
    }

    /// Replaces `folder` as `replaceFolder(_:with:)` does, the files named `names` being written
    /// by `write` into the staging folder it is given (a path), as new files (see `NewFile`).
    /// When `write` throws, nothing changes and the staging folder is removed.
    public static func replaceFolder(_ folder: String, names: [String], writing write: (_ staging: String) throws -> Void) throws {
        let parent = (folder as NSString).deletingLastPathComponent
        let name = (folder as NSString).lastPathComponent
        let staging = (parent as NSString).appendingPathComponent(".\(name).\(UUID().uuidString).new")
        guard mkdir(staging, 0o755) == 0 else { throw failure(folder, "cannot create a folder in \(parent)") }
        var swapped = false
        defer { if !swapped { try? FileManager.default.removeItem(atPath: staging) } }
        let replaced = Set(names)
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) && isDirectory.boolValue
        if exists {
            // Files the run does not rewrite (other formats, a signed scan) stay: linked, not copied.
            for other in try FileManager.default.contentsOfDirectory(atPath: folder) where !replaced.contains(other) {
                let from = (folder as NSString).appendingPathComponent(other)
                let to = (staging as NSString).appendingPathComponent(other)
                if link(from, to) != 0 {
                    do { try FileManager.default.copyItem(atPath: from, toPath: to) } catch {
                        throw failure(folder, "cannot keep \(other) in the new set")
                    }
                }
            }
        }
        try write(staging)
        synchronize(folder: staging)
        if exists {
            let old = (parent as NSString).appendingPathComponent(".\(name).\(UUID().uuidString).old")
            if exchange(staging, folder) {
                swapped = true
                try? FileManager.default.removeItem(atPath: staging)  // now the old set
            } else {
                guard rename(folder, old) == 0 else { throw failure(folder, "cannot move the old reports aside") }
                guard rename(staging, folder) == 0 else {
                    let error = failure(folder, "cannot move the new reports in")
                    _ = rename(old, folder)
                    throw error
                }
                swapped = true
                try? FileManager.default.removeItem(atPath: old)
            }
        } else {
            guard rename(staging, folder) == 0 else { throw failure(folder, "cannot move the new reports in") }
            swapped = true
        }
        synchronize(folder: parent)
    }

    /// Flushes a folder's entries (the renames) to disk; best effort.
    static func synchronize(folder: String) {
        let fd = open(folder, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return }
        _ = fsync(fd)
        close(fd)
    }
}
