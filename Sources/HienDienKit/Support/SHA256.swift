import Foundation

/// SHA-256 (FIPS 180-4), for recognising a file that was ingested before: Foundation on
/// Linux has no digest, and the project takes no package dependencies.
///
/// The state, the partial block and the message schedule are inline arrays, so hashing
/// allocates nothing per block; blocks are read from a `Span` in place.
public struct SHA256 {
    private var state: InlineArray<8, UInt32> = [
        0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
    ]
    /// The start of a block that the bytes given so far did not complete.
    private var pending = InlineArray<64, UInt8>(repeating: 0)
    private var pendingCount = 0
    private var length: UInt64 = 0

    private static let k: InlineArray<64, UInt32> = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ]

    public init() {}

    /// Adds bytes to the message.
    public mutating func update(_ bytes: Span<UInt8>) {
        length &+= UInt64(bytes.count)
        var offset = 0
        if pendingCount > 0 {
            let take = min(64 - pendingCount, bytes.count)
            for index in 0..<take { pending[pendingCount + index] = bytes[index] }
            pendingCount += take
            offset = take
            guard pendingCount == 64 else { return }
            let block = pending
            compress(block.span, at: 0)
            pendingCount = 0
        }
        let k = Self.k
        while bytes.count - offset >= 64 {
            compress(bytes, at: offset, constants: k)
            offset += 64
        }
        for index in offset..<bytes.count {
            pending[pendingCount] = bytes[index]
            pendingCount += 1
        }
    }

    /// Adds bytes to the message.
    public mutating func update(_ bytes: [UInt8]) {
        update(bytes.span)
    }

    /// The digest as 64 lowercase hexadecimal digits.
    public mutating func finalize() -> String {
        let bits = length &* 8
        var tail: [UInt8] = [0x80]
        tail += [UInt8](repeating: 0, count: (55 - Int(length % 64) + 64) % 64)
        tail += (0..<8).map { UInt8(truncatingIfNeeded: bits >> (56 - 8 * UInt64($0))) }
        let saved = length
        update(tail)
        length = saved
        return (0..<8).map { index in
            let hex = String(state[index], radix: 16)
            return String(repeating: "0", count: 8 - hex.count) + hex
        }.joined()
    }

    private mutating func compress(_ bytes: Span<UInt8>, at base: Int) {
        compress(bytes, at: base, constants: Self.k)
    }

    /// One 64-byte block starting at `base` of `bytes`.
    @inline(__always)
    private mutating func compress(_ bytes: Span<UInt8>, at base: Int, constants k: InlineArray<64, UInt32>) {
        precondition(base >= 0 && base + 64 <= bytes.count)
        let block = bytes.extracting(base..<(base + 64))
        var w = InlineArray<64, UInt32>(repeating: 0)
        for i in 0..<16 {
            w[i] = UInt32(block[4 * i]) << 24 | UInt32(block[4 * i + 1]) << 16
                | UInt32(block[4 * i + 2]) << 8 | UInt32(block[4 * i + 3])
        }
        for i in 16..<64 {
            let s0 = rotate(w[i - 15], 7) ^ rotate(w[i - 15], 18) ^ (w[i - 15] >> 3)
            let s1 = rotate(w[i - 2], 17) ^ rotate(w[i - 2], 19) ^ (w[i - 2] >> 10)
            w[i] = w[i - 16] &+ s0 &+ w[i - 7] &+ s1
        }
        var a = state[0], b = state[1], c = state[2], d = state[3]
        var e = state[4], f = state[5], g = state[6], h = state[7]
        for i in 0..<64 {
            let s1 = rotate(e, 6) ^ rotate(e, 11) ^ rotate(e, 25)
            let choice = (e & f) ^ (~e & g)
            let t1 = h &+ s1 &+ choice &+ k[i] &+ w[i]
            let s0 = rotate(a, 2) ^ rotate(a, 13) ^ rotate(a, 22)
            let majority = (a & b) ^ (a & c) ^ (b & c)
            let t2 = s0 &+ majority
            h = g; g = f; f = e; e = d &+ t1
            d = c; c = b; b = a; a = t1 &+ t2
        }
        state[0] &+= a; state[1] &+= b; state[2] &+= c; state[3] &+= d
        state[4] &+= e; state[5] &+= f; state[6] &+= g; state[7] &+= h
    }

    @inline(__always)
    private func rotate(_ x: UInt32, _ n: UInt32) -> UInt32 { (x >> n) | (x << (32 - n)) }

    /// The digest of a file, read in 1 MiB pieces.
    public static func hex(ofFileAt path: String, label: String) throws -> String {
        try hex(ofFileAt: path, label: label, while: { true })
    }

    /// The digest of a file, read in 1 MiB pieces while `proceed()` says so; throws
    /// `CancellationError` when it stops saying so before the end.
    static func hex(ofFileAt path: String, label: String, while proceed: () -> Bool) throws -> String {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            _ = try FileBytes.prefix(path: path, label: label, count: 1)  // its own clear error
            throw InputError(Diagnostic(at: SourceLocation(file: label), code: "file.unreadable", message: "cannot read the file"))
        }
        defer { try? handle.close() }
        var digest = SHA256()
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            guard proceed() else { throw CancellationError() }
            digest.update(chunk.span)
        }
        return digest.finalize()
    }
}
