import Dispatch
import Foundation
import Synchronization

/// The SHA-256 of a file, computed on another thread while the caller reads and stores the
/// same file: on a national file the digest is a fifth of the work, and the machine has a
/// second core for it.
///
/// `value()` waits for the digest; `cancel()` stops the hashing at its next 1 MiB piece when
/// the file is refused and the digest is not needed.
final class FileDigest: Sendable {
    private let outcome = Mutex<Result<String, any Error>?>(nil)
    private let cancelled = Atomic<Bool>(false)
    private let finished = DispatchGroup()

    /// Starts hashing the file at `path`; `label` names it in a message when it cannot be read.
    init(path: String, label: String) {
        finished.enter()
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            let result = Result { try SHA256.hex(ofFileAt: path, label: label, while: { !self.cancelled.load(ordering: .relaxed) }) }
            outcome.withLock { $0 = result }
            finished.leave()
        }
    }

    /// The digest as 64 lowercase hexadecimal digits, once the whole file is hashed.
    ///
    /// - Throws: the `InputError` of a file that could not be read, or `CancellationError`
    ///   after `cancel()`.
    func value() throws -> String {
        finished.wait()
        return try outcome.withLock { $0 ?? .failure(CancellationError()) }.get()
    }

    /// Stops hashing; `value()` then throws unless the digest was already complete.
    func cancel() {
        cancelled.store(true, ordering: .relaxed)
    }
}
