extension CSVReader {
    // MARK: - Questions about a field, answered without making a String
    //
    // The bulk ingest asks these of nearly every row; they keep the reader's buffer (and its
    // pointers) inside the reader.

    /// Whether field `i` is blank: empty, or spaces and tabs only.
    public func isBlank(_ i: Int) -> Bool {
        withField(i) { bytes in bytes.allSatisfy { $0 == 0x20 || $0 == 0x09 } }
    }

    /// Whether field `i` is exactly these bytes.
    public func field(_ i: Int, equals bytes: [UInt8]) -> Bool {
        withField(i) { field in Self.same(field.span, bytes.span) }
    }

    /// Byte for byte equal (the generic `elementsEqual` cost more than the rest of a row's checks).
    private static func same(_ a: Span<UInt8>, _ b: Span<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        for index in 0..<a.count where a[index] != b[index] { return false }
        return true
    }

    /// The bytes of field `i`.
    public func fieldBytes(_ i: Int) -> [UInt8] {
        withField(i) { Array($0) }
    }

    /// The index of the candidate that field `i` is exactly, if any (an empty field matches none).
    public func field(_ i: Int, among candidates: [[UInt8]]) -> Int? {
        withField(i) { field in
            guard !field.isEmpty else { return nil }
            let span = field.span
            for (index, candidate) in candidates.enumerated() where Self.same(candidate.span, span) { return index }
            return nil
        }
    }

    /// Field `i` read as a count (`CountParser`).
    public func count(_ i: Int) -> CountParser.Result {
        withField(i) { CountParser.parse($0.span) }
    }
}
