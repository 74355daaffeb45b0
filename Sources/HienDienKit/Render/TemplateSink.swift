/// Where a template renders to: UTF-8 bytes gathered in a buffer which, given a drain, is
/// handed on (to a file) each time it passes a threshold, so a national report.md of 6 MB
/// never exists whole in memory.
///
/// Without a drain the buffer keeps everything: `bytes` is then the whole output.
public struct TemplateSink {
    /// The bytes not drained yet (all of them without a drain).
    public internal(set) var bytes: [UInt8] = []
    /// Takes the buffer's bytes; nil keeps them.
    private let drain: (([UInt8]) throws -> Void)?
    private let threshold: Int
    /// Whether the bytes drained so far end where a Markdown block may start (see
    /// `TemplateEscaping.isAtBlockStart`): the buffer is empty after a drain, but the line it
    /// was in goes on.
    private var drainedEndsAtBlockStart = true
    /// The first error the drain threw; nothing is drained after it.
    private(set) var failure: (any Error)?

    /// A sink that keeps every byte in `bytes`.
    public init() {
        drain = nil
        threshold = .max
        bytes.reserveCapacity(16 * 1024)
    }

    /// A sink that hands its bytes to `drain` whenever more than `threshold` are buffered, and
    /// the rest on `finish()`.
    public init(threshold: Int = 1 << 20, drain: @escaping ([UInt8]) throws -> Void) {
        self.drain = drain
        self.threshold = threshold
        bytes.reserveCapacity(min(threshold, 1 << 20) + 64 * 1024)
    }

    /// Whether the drain has failed: rendering stops, there is nowhere to put it.
    var hasFailed: Bool { failure != nil }

    mutating func append(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    mutating func append(_ piece: ArraySlice<UInt8>) {
        bytes.append(contentsOf: piece)
    }

    /// Drains the buffer once it holds more than the threshold.
    mutating func drainIfFull() {
        if bytes.count > threshold { drainAll() }
    }

    /// Drains what is buffered and throws the drain's first error, if any.
    public mutating func finish() throws {
        drainAll()
        if let failure { throw failure }
    }

    private mutating func drainAll() {
        guard let drain, failure == nil, !bytes.isEmpty else { return }
        drainedEndsAtBlockStart = TemplateEscaping.isAtBlockStart(bytes, after: drainedEndsAtBlockStart)
        do {
            try drain(bytes)
        } catch {
            failure = error
        }
        bytes.removeAll(keepingCapacity: true)
    }

    /// Whether text written now would start a Markdown block.
    var isAtBlockStart: Bool { TemplateEscaping.isAtBlockStart(bytes, after: drainedEndsAtBlockStart) }
}
