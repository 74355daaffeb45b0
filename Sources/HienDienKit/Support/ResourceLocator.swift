import Foundation

/// Finds the folders hiendien ships beside its sources (`Templates/`, `SampleData/`) whether it
/// runs as `swift run hiendien` in the repository, as a built binary elsewhere, or from `PATH`.
public enum ResourceLocator {
    /// The first of: the environment variable's value; a folder named `folder` that holds
    /// `marker`, in the executable's folder or any folder above it (the executable as given,
    /// looked up in `PATH` when it is a bare name, and with symbolic links resolved); `folder`
    /// in the current directory. Nil when none exists.
    public static func find(folder: String, marker: String, environmentVariable: String,
                            environment: [String: String], executablePath: String,
                            currentDirectory: String) -> String? {
        func absolute(_ path: String) -> String {
            let joined = path.hasPrefix("/") ? path : (currentDirectory as NSString).appendingPathComponent(path)
            return (joined as NSString).standardizingPath
        }
        if let configured = environment[environmentVariable], !configured.isEmpty {
            return absolute(configured)
        }
        for executable in executableCandidates(executablePath, environment: environment).map(absolute) {
            for start in [executable, (executable as NSString).resolvingSymlinksInPath] {
                var directory = (start as NSString).deletingLastPathComponent
                while true {
                    let candidate = (directory as NSString).appendingPathComponent(folder)
                    if FileManager.default.fileExists(atPath: (candidate as NSString).appendingPathComponent(marker)) {
                        return candidate
                    }
                    let parent = (directory as NSString).deletingLastPathComponent
                    if parent == directory || parent.isEmpty { break }
                    directory = parent
                }
            }
        }
        let local = absolute(folder)
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: local, isDirectory: &isDirectory) && isDirectory.boolValue ? local : nil
    }

    /// The executable's possible paths: as given when it has a `/`, else every match in `PATH`.
    static func executableCandidates(_ executablePath: String, environment: [String: String]) -> [String] {
        guard !executablePath.isEmpty else { return [] }
        guard !executablePath.contains("/") else { return [executablePath] }
        let entries = (environment["PATH"] ?? "").split(separator: ":").map(String.init)
        return entries.map { ($0 as NSString).appendingPathComponent(executablePath) }
            .filter { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
