extension CSVReader {
    // MARK: - Questions about a field, answered without making a String
    //
    // The bulk ingest asks these of nearly every row; they read the field in place.

    // They index the buffer directly: a `Span` over a class's array needs a reference to it
    // held for the span's life, a retain and a release per question.

    /// Whether field `i` is blank: empty, or spaces and tabs only.
    public func isBlank(_ i: Int) -> Bool {
        // A field with doubled quotes holds a quote either way, so it is not blank raw or unescaped.
        let (start, end, _) = range(ofField: i)
        for offset in start..<end where buffer[offset] != 0x20 && buffer[offset] != 0x09 { return false }
        return true
    }

    /// Whether field `i` is exactly these bytes.
    public func field(_ i: Int, equals bytes: [UInt8]) -> Bool {
        let (start, end, doubledQuotes) = range(ofField: i)
        guard !doubledQuotes else { return fieldBytes(i) == bytes }
        return matches(from: start, to: end, bytes)
    }

    /// Byte for byte equal (the generic `elementsEqual` cost more than the rest of a row's checks).
    @inline(__always)
    private func matches(from start: Int, to end: Int, _ bytes: [UInt8]) -> Bool {
        guard end - start == bytes.count else { return false }
        for offset in 0..<bytes.count where buffer[start + offset] != bytes[offset] { return false }
        return true
    }

    /// The index of the candidate that field `i` is exactly, if any (an empty field matches none).
    public func field(_ i: Int, among candidates: [[UInt8]]) -> Int? {
        let (start, end, doubledQuotes) = range(ofField: i)
        guard start < end else { return nil }
        if doubledQuotes {
            let field = fieldBytes(i)
            return candidates.firstIndex(of: field)
        }
        for (index, candidate) in candidates.enumerated() where matches(from: start, to: end, candidate) { return index }
        return nil
    }

    /// Field `i` read as a count (`CountParser`).
    public func count(_ i: Int) -> CountParser.Result {
        withField(i) { CountParser.parse($0) }
    }
}
