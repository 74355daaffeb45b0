import Foundation
import Testing
@testable import HienDienKit

/// The digest computed beside the ingest is the file's SHA-256, or the reason it has none.
struct FileDigestTests {
    private func withFile<T>(_ bytes: [UInt8], _ body: (String) throws -> T) throws -> T {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("digest-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("r.csv").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return try body(path)
    }

    /// FIPS 180-4's two-block message, and a file of several 1 MiB pieces with a partial block.
    @Test func isTheSHA256OfTheWholeFile() throws {
        try withFile(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)) { path in
            let digest = try FileDigest(path: path, label: "r.csv").value()
            #expect(digest == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        }
        let large = (0..<(3 << 20) + 37).map { UInt8(truncatingIfNeeded: $0 &* 31 >> 3) }
        try withFile(large) { path in
            var direct = SHA256()
            direct.update(large)
            let digest = try FileDigest(path: path, label: "r.csv").value()
            #expect(digest == direct.finalize())
        }
    }

    @Test func aFileThatCannotBeReadGivesItsInputError() {
        let digest = FileDigest(path: "/nonexistent/r.csv", label: "r.csv")
        let error = #expect(throws: InputError.self) { try digest.value() }
        #expect(error?.diagnostics.first?.location.file == "r.csv")
    }

    @Test func aCancelledDigestIsNeverAWrongOne() throws {
        let large = [UInt8](repeating: 0x61, count: 8 << 20)
        try withFile(large) { path in
            let digest = FileDigest(path: path, label: "r.csv")
            digest.cancel()
            // Cancelled in time it says so; finished first it is the right digest.
            do {
                var direct = SHA256()
                direct.update(large)
                let value = try digest.value()
                #expect(value == direct.finalize())
            } catch {
                #expect(error is CancellationError)
            }
        }
    }
}
