import Foundation

/// Finds the folders hiendien ships beside its sources (`Templates/`, `SampleData/`) whether it
/// runs as `swift run hiendien` in the repository or as a built binary elsewhere.
public enum ResourceLocator {
    /// The first of: the environment variable's value, a folder named `folder` holding `marker`
    /// in the executable's folder or any folder above it, `folder` in the current directory.
    public static func find(folder: String, marker: String, environmentVariable: String,
                            environment: [String: String], executablePath: String,
                            currentDirectory: String) -> String? {
        let files = FileManager.default
        if let configured = environment[environmentVariable], !configured.isEmpty { return configured }
        var directory = URL(fileURLWithPath: executablePath).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<12 {
            let candidate = directory.appendingPathComponent(folder)
            if files.fileExists(atPath: candidate.appendingPathComponent(marker).path) { return candidate.path }
            let parent = directory.deletingLastPathComponent()
            if parent.path == directory.path { break }
            directory = parent
        }
        let local = URL(fileURLWithPath: currentDirectory).appendingPathComponent(folder)
        return files.fileExists(atPath: local.appendingPathComponent(marker).path) ? local.path : nil
    }
}
