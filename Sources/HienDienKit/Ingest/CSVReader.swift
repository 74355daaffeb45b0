import Foundation

/// Reads CSV as Excel writes it, one record at a time, from a fixed buffer of bytes.
///
/// What it accepts: UTF-8 with or without a BOM; `,`, `;` or tab as the delimiter (see
/// `CSVDialect`); CRLF, LF or lone CR line ends; RFC 4180 quoting, with delimiters, doubled
/// quotes and line ends inside quoted fields; rows of different lengths. Blank lines, and rows
/// whose fields are all empty (`;;;`, which Excel writes for cleared rows), are skipped but still
/// counted for line numbers.
///
/// Quotes: a quote in the middle of an unquoted field is kept as text, as Excel does for
/// `5" screen`. After the closing quote of a quoted field only a delimiter or a line end may
/// follow: `"abc"x` is an error (`csv.text-after-quote`), since guessing would change data.
///
/// Memory stays bounded whatever the file size: one buffer (256 KiB by default) that grows only
/// while a single record is longer than it, up to `Limits.maxRecordBytes`. Fields are not copied:
/// `withField(_:_:)` lends the bytes in place as a `Span`; a quoted field with doubled quotes
/// is unescaped into a copy.
///
/// Every record is checked to be UTF-8; a legacy Vietnamese encoding is refused with a guess of
/// which one it is (see `TextEncoding`).
///
/// Columns in positions are 1-based and counted in characters (grapheme clusters) from the start
/// of the physical line, so NFD "ệ" counts as one; they are computed only when asked for.
public final class CSVReader {
    /// Bounds that keep a hostile or mistaken file from using unbounded memory or time.
    public struct Limits: Hashable, Sendable {
        /// The longest field, in bytes as written between its quotes (`csv.field-too-long`).
        public var maxFieldBytes: Int
        /// The longest record, in bytes without its line end (`csv.record-too-long`).
        public var maxRecordBytes: Int
        /// The most fields in one record (`csv.too-many-fields`).
        public var maxFields: Int

        /// Defaults: 1 MiB per field, 10 MiB per record, 10,000 fields.
        public init(maxFieldBytes: Int = 1 << 20, maxRecordBytes: Int = 10 << 20, maxFields: Int = 10_000) {
            precondition(maxFieldBytes > 0 && maxRecordBytes > 0 && maxFields > 0, "CSV limits must be positive")
            self.maxFieldBytes = maxFieldBytes
            self.maxRecordBytes = maxRecordBytes
            self.maxFields = maxFields
        }
    }

    /// The file as the user named it, for messages.
    public let fileLabel: String
    /// The bounds this reader enforces.
    public let limits: Limits
    /// The delimiter and start-of-file marks, known from construction on.
    @exclusivity(unchecked) public private(set) var dialect = CSVDialect()
    /// The file's size in bytes when it is a regular file (or the in-memory input's size).
    public let totalBytes: Int?
    /// Bytes of the input consumed so far, for a progress line.
    public var bytesRead: Int { bufferOffset + position }
    /// The 1-based line on which the current record starts.
    @exclusivity(unchecked) public private(set) var line = 0
    /// The number of fields in the current record (0 before the first and after the last).
    @exclusivity(unchecked) public private(set) var fieldCount = 0

    // MARK: - State
    //
    // The mutable state is marked `@exclusivity(unchecked)`: it is touched a few dozen times per
    // record, and the runtime's dynamic exclusivity checks on class properties took a third of
    // the reading time. Only this class's own methods touch it and none of them reenters another.
    // A field is lent as a `Span`, which cannot outlive the `withField(_:_:)` body.

    /// The input, or nil for bytes held in memory and once the input has ended.
    @exclusivity(unchecked) private var file: FileHandle?
    /// `capacity` bytes, of which the first `count` are valid.
    @exclusivity(unchecked) private(set) var buffer: [UInt8]
    @exclusivity(unchecked) private var capacity: Int
    /// Valid bytes in `buffer`.
    @exclusivity(unchecked) private var count = 0
    /// The first byte not yet consumed.
    @exclusivity(unchecked) private var position = 0
    /// Where `buffer[0]` is in the input.
    @exclusivity(unchecked) private var bufferOffset = 0
    @exclusivity(unchecked) private var atEnd = false
    /// Set when a CR ended the buffer: an LF starting the next buffer belongs to it.
    @exclusivity(unchecked) private var skipLineFeed = false
    /// The line number at `position`.
    @exclusivity(unchecked) private var nextLine = 1
    /// A problem found in the file's first bytes (UTF-16, a workbook), thrown by `nextRecord()`.
    @exclusivity(unchecked) private var startError: InputError?

    @exclusivity(unchecked) private var recordStart = 0
    @exclusivity(unchecked) private var recordEnd = 0
    /// Line ends inside quoted fields of the current record.
    @exclusivity(unchecked) private var recordLineEnds = 0
    @exclusivity(unchecked) private var recordIsASCII = true
    /// Two per field: `start << 2 | flags` and `end`, raw offsets into `buffer` (quotes included).
    @exclusivity(unchecked) private var bounds: [Int]
    @exclusivity(unchecked) private var boundsCapacity: Int
    /// The start of the field being scanned when the buffer ran out, for `csv.field-too-long`.
    @exclusivity(unchecked) private var openFieldStart = 0

    private static let quoted = 1
    private static let doubledQuotes = 2
    private static let quote = UInt8(ascii: "\"")
    private static let lineFeed: UInt8 = 0x0A
    private static let carriageReturn: UInt8 = 0x0D

    // MARK: - Opening

    /// Opens a file for reading.
    ///
    /// - Parameters:
    ///   - fileLabel: the name used in messages; the path when nil.
    ///   - delimiter: a fixed delimiter instead of detecting one from the header.
    ///   - bufferSize: the read buffer's size; records longer than it grow it, up to the limit.
    /// - Throws: an `InputError` (`file.unreadable`) when the file cannot be opened or read.
    public convenience init(
        path: String, fileLabel: String? = nil, delimiter: UInt8? = nil, limits: Limits = Limits(),
        bufferSize: Int = 256 << 10
    ) throws {
        let label = fileLabel ?? path
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw Self.unreadable(label, errno: errno) }
        var info = stat()
        let known = fstat(descriptor, &info) == 0
        if known && info.st_mode & S_IFMT == S_IFDIR {
            close(descriptor)
            throw Self.unreadable(label, errno: EISDIR)
        }
        let isRegular = known && info.st_mode & S_IFMT == S_IFREG
        self.init(
            fileLabel: label, limits: limits, file: FileHandle(fileDescriptor: descriptor, closeOnDealloc: true),
            capacity: max(bufferSize, 64), totalBytes: isRegular ? Int(info.st_size) : nil)
        try readMore()
        start(delimiter: delimiter)
    }

    /// Reads CSV held in memory (tests, fuzzing, uploads).
    public convenience init(bytes: [UInt8], fileLabel: String, delimiter: UInt8? = nil, limits: Limits = Limits()) {
        self.init(
            fileLabel: fileLabel, limits: limits, file: nil, capacity: max(bytes.count, 1), totalBytes: bytes.count)
        buffer.replaceSubrange(0..<bytes.count, with: bytes)
        count = bytes.count
        atEnd = true
        start(delimiter: delimiter)
    }

    private init(fileLabel: String, limits: Limits, file: FileHandle?, capacity: Int, totalBytes: Int?) {
        self.fileLabel = fileLabel
        self.limits = limits
        self.file = file
        self.capacity = capacity
        self.totalBytes = totalBytes
        buffer = [UInt8](repeating: 0, count: capacity)
        boundsCapacity = min(64, limits.maxFields)
        bounds = [Int](repeating: 0, count: 2 * boundsCapacity)
    }

    private func start(delimiter: UInt8?) {
        precondition(
            delimiter.map { $0 != Self.quote && $0 != Self.lineFeed && $0 != Self.carriageReturn } ?? true,
            "a CSV delimiter cannot be a quote or a line end")
        let storage = buffer
        let head = storage.span.extracting(0..<count)
        if let problem = TextEncoding.sniffNonText(head, fileLabel: fileLabel) {
            startError = InputError(problem)
        }
        let detected = CSVDialect.detect(in: head, delimiter: delimiter)
        dialect = detected.dialect
        position = detected.bodyOffset
        nextLine = 1 + detected.linesSkipped
    }

    // MARK: - Reading records

    /// Moves to the next record; false at the end of the input.
    ///
    /// - Throws: an `InputError` naming the file, line and column when a limit is passed, a
    ///   quote is not closed or is followed by text, the file is not UTF-8, or reading fails.
    ///   After a throw the reader is not usable any more.
    public func nextRecord() throws -> Bool {
        if let startError { throw startError }
        while true {
            fieldCount = 0
            guard try skipBlankLines() else {
                recordStart = position
                recordEnd = position
                return false
            }
            line = nextLine
            recordStart = position
            while try !scanRecord() {
                try checkOpenRecord()
                try refill()
            }
            consumeLineEnd()
            if !recordIsASCII { try checkEncoding() }
            if !isBlankRecord { return true }
        }
    }

    /// Skips line ends before the next record; false when the input ends first.
    private func skipBlankLines() throws -> Bool {
        while true {
            if position == count {
                if atEnd { return false }
                try refill()
                continue
            }
            let byte = buffer[position]
            if byte == Self.lineFeed {
                if skipLineFeed { skipLineFeed = false } else { nextLine += 1 }
                position += 1
            } else if byte == Self.carriageReturn {
                nextLine += 1
                position += 1
                if position < count {
                    if buffer[position] == Self.lineFeed { position += 1 }
                    skipLineFeed = false
                } else {
                    skipLineFeed = !atEnd
                }
            } else {
                skipLineFeed = false
                return true
            }
        }
    }

    /// Splits the record starting at `recordStart` into fields. Returns false when the buffer
    /// ends before the record does and more input may follow; the caller refills and rescans.
    private func scanRecord() throws -> Bool {
        // A local reference to the buffer, so that the span over it outlives the calls below.
        let storage = buffer
        let bytes = storage.span
        let end = count
        let delimiter = dialect.delimiter
        let atEnd = self.atEnd
        let maxField = limits.maxFieldBytes
        let quote = Self.quote, lineFeed = Self.lineFeed, carriageReturn = Self.carriageReturn
        var p = recordStart
        var index = 0
        var lineEnds = 0
        var seen: UInt8 = 0
        while true {
            let fieldStart = p
            if p < end && bytes[p] == quote {
                var q = p + 1
                var flags = Self.quoted
                while true {
                    while q < end {
                        let byte = bytes[q]
                        seen |= byte
                        if byte == quote || byte == lineFeed || byte == carriageReturn { break }
                        q += 1
                    }
                    guard q < end else {
                        if atEnd { throw unterminatedQuote(at: fieldStart) }
                        openFieldStart = fieldStart
                        return false
                    }
                    if bytes[q] == quote {
                        if q + 1 < end {
                            guard bytes[q + 1] != quote else {
                                flags |= Self.doubledQuotes
                                q += 2
                                continue
                            }
                        } else if !atEnd {
                            openFieldStart = fieldStart
                            return false
                        }
                        break
                    }
                    if bytes[q] == carriageReturn {
                        if q + 1 < end {
                            if bytes[q + 1] == lineFeed { q += 1 }
                        } else if !atEnd {
                            openFieldStart = fieldStart
                            return false
                        }
                    }
                    lineEnds += 1
                    q += 1
                }
                if q - fieldStart - 1 > maxField { throw fieldTooLong(at: fieldStart, quoted: true) }
                p = q + 1
                try storeField(index, start: fieldStart, end: p, flags: flags)
                index += 1
                if p < end {
                    let byte = bytes[p]
                    if byte == delimiter {
                        p += 1
                        continue
                    }
                    if byte != lineFeed && byte != carriageReturn { throw textAfterQuote(fieldStart: fieldStart, at: p) }
                }
                break
            } else {
                while p < end {
                    let byte = bytes[p]
                    seen |= byte
                    if byte == delimiter || byte == lineFeed || byte == carriageReturn { break }
                    p += 1
                }
                if p == end && !atEnd {
                    openFieldStart = fieldStart
                    return false
                }
                if p - fieldStart > maxField { throw fieldTooLong(at: fieldStart, quoted: false) }
                try storeField(index, start: fieldStart, end: p, flags: 0)
                index += 1
                if p < end && bytes[p] == delimiter {
                    p += 1
                    continue
                }
                break
            }
        }
        if p - recordStart > limits.maxRecordBytes { throw recordTooLong() }
        recordEnd = p
        fieldCount = index
        recordLineEnds = lineEnds
        recordIsASCII = seen < 0x80
        return true
    }

    @inline(__always)
    private func storeField(_ index: Int, start: Int, end: Int, flags: Int) throws {
        if index == boundsCapacity { try growBounds(startingField: start) }
        bounds[2 * index] = start << 2 | flags
        bounds[2 * index + 1] = end
    }

    private func growBounds(startingField start: Int) throws {
        guard boundsCapacity < limits.maxFields else { throw tooManyFields(at: start) }
        let grown = min(boundsCapacity * 2, limits.maxFields)
        bounds.append(contentsOf: repeatElement(0, count: 2 * (grown - boundsCapacity)))
        boundsCapacity = grown
    }

    /// Refuses a record that has already passed a limit before the buffer is grown for it.
    private func checkOpenRecord() throws {
        // An empty field can be open at the very end of the buffer, so check before reading.
        let quoted = openFieldStart < count && buffer[openFieldStart] == Self.quote
        if count - openFieldStart - (quoted ? 2 : 0) > limits.maxFieldBytes {
            throw fieldTooLong(at: openFieldStart, quoted: quoted)
        }
        if count - recordStart > limits.maxRecordBytes { throw recordTooLong() }
    }

    private func consumeLineEnd() {
        var p = recordEnd
        nextLine = line + recordLineEnds
        if p < count {
            let byte = buffer[p]
            p += 1
            nextLine += 1
            if byte == Self.carriageReturn {
                if p < count {
                    if buffer[p] == Self.lineFeed { p += 1 }
                } else {
                    skipLineFeed = !atEnd
                }
            }
        }
        position = p
    }

    private var isBlankRecord: Bool {
        for index in 0..<fieldCount {
            let start = bounds[2 * index] >> 2
            let length = bounds[2 * index + 1] - start
            if length > (bounds[2 * index] & Self.quoted != 0 ? 2 : 0) { return false }
        }
        return true
    }

    private func checkEncoding() throws {
        let storage = buffer
        let text = storage.span.extracting(0..<count)
        guard let bad = TextEncoding.firstInvalidUTF8(in: text.extracting(recordStart..<recordEnd)) else { return }
        let offset = recordStart + bad
        let position = TextPosition.line(of: offset, in: text, from: recordStart, startingLine: line)
        throw InputError(
            TextEncoding.invalidUTF8Diagnostic(
                in: text, at: offset, fileOffset: bufferOffset + offset, line: position.line,
                lineStart: position.lineStart, fileLabel: fileLabel, code: "csv.invalid-utf8", advice: .excelCSV))
    }

    // MARK: - Buffer

    /// Moves the unconsumed bytes to the front (growing the buffer if they fill it) and reads more.
    /// Afterwards `position` and `recordStart` are 0.
    private func refill() throws {
        let kept = count - position
        if position > 0 {
            for index in 0..<kept { buffer[index] = buffer[position + index] }
            bufferOffset += position
            count = kept
            position = 0
            recordStart = 0
        }
        if count == capacity {
            // Only a record under `maxRecordBytes` gets here, so the buffer can always grow.
            let grown = min(capacity * 2, limits.maxRecordBytes + 8)
            buffer.append(contentsOf: repeatElement(0, count: grown - capacity))
            capacity = grown
        }
        try readMore()
    }

    /// Fills the buffer, or reads to the end of the input. Filling it (rather than taking what one
    /// `read` gives, which on a pipe may be little) keeps the rescans of a long record linear.
    private func readMore() throws {
        while !atEnd && count < capacity {
            let chunk: Data?
            do {
                chunk = try file?.read(upToCount: capacity - count)
            } catch {
                let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError
                throw Self.unreadable(
                    fileLabel, errno: underlying.flatMap { $0.domain == NSPOSIXErrorDomain ? Int32($0.code) : nil } ?? EIO)
            }
            if let chunk, !chunk.isEmpty {
                buffer.replaceSubrange(count..<(count + chunk.count), with: chunk)
                count += chunk.count
            } else {
                atEnd = true
                file = nil
            }
        }
    }

    /// The buffer's current size, for tests that memory stays bounded.
    var bufferCapacity: Int { capacity }

    // MARK: - Fields of the current record

    /// Lends the bytes of field `i` (quotes removed, `""` turned into `"`) to `body`.
    ///
    /// The span lives only inside `body`, which must not move the reader on. A field past the
    /// end of a short row reads as empty, like the trailing empty cells Excel leaves out.
    public func withField<R>(_ i: Int, _ body: (Span<UInt8>) throws -> R) rethrows -> R {
        let (start, end, doubledQuotes) = range(ofField: i)
        guard !doubledQuotes else { return try body(unescaped(from: start, to: end).span) }
        let storage = buffer
        return try body(storage.span.extracting(start..<end))
    }

    /// Where field `i`'s content lies in `buffer` (inside its quotes), and whether it holds
    /// doubled quotes to unescape; an empty range past the end of a short row.
    @inline(__always)
    func range(ofField i: Int) -> (start: Int, end: Int, doubledQuotes: Bool) {
        precondition(i >= 0, "field index must not be negative")
        guard i < fieldCount else { return (0, 0, false) }
        let packed = bounds[2 * i]
        var start = packed >> 2
        var end = bounds[2 * i + 1]
        if packed & Self.quoted != 0 {
            start += 1
            end -= 1
        }
        return (start, end, packed & Self.doubledQuotes != 0)
    }

    /// `buffer[start..<end]` with each doubled quote written once.
    private func unescaped(from start: Int, to end: Int) -> [UInt8] {
        var target: [UInt8] = []
        target.reserveCapacity(end - start)
        var p = start
        while p < end {
            let byte = buffer[p]
            target.append(byte)
            p += byte == Self.quote ? 2 : 1
        }
        return target
    }

    /// The bytes of field `i`.
    public func fieldBytes(_ i: Int) -> [UInt8] {
        let (start, end, doubledQuotes) = range(ofField: i)
        return doubledQuotes ? unescaped(from: start, to: end) : Array(buffer[start..<end])
    }

    /// Field `i` as text ("" past the end of a short row). Records are checked to be UTF-8.
    public func string(_ i: Int) -> String {
        let (start, end, doubledQuotes) = range(ofField: i)
        if doubledQuotes { return String(decoding: unescaped(from: start, to: end), as: UTF8.self) }
        return String(decoding: buffer[start..<end], as: UTF8.self)
    }

    /// Whether field `i` is empty (a missing trailing field is); an empty cell is "not reported".
    public func isEmpty(_ i: Int) -> Bool {
        let (start, end, _) = range(ofField: i)
        return start == end
    }

    // MARK: - Positions, for messages

    /// The 1-based line on which field `i` starts (later than `line` after a multi-line field).
    public func line(ofField i: Int) -> Int {
        let storage = buffer
        let text = storage.span.extracting(0..<count)
        return TextPosition.line(of: rawStart(ofField: i), in: text, from: recordStart, startingLine: line).line
    }

    /// The 1-based column, in characters, where field `i` starts (its opening quote, if quoted).
    public func column(ofField i: Int) -> Int {
        position(of: rawStart(ofField: i)).column
    }

    /// File, line and column of field `i`.
    public func location(ofField i: Int) -> SourceLocation {
        let found = position(of: rawStart(ofField: i))
        return SourceLocation(file: fileLabel, line: found.line, column: found.column)
    }

    /// The text of the line on which field `i` starts, shortened to about 400 bytes.
    public func lineText(ofField i: Int) -> String {
        lineText(at: rawStart(ofField: i))
    }

    /// The raw text of the current record (quotes as written), shortened to about 400 bytes.
    public var recordText: String {
        shortened(from: recordStart, to: recordEnd)
    }

    /// A diagnostic about field `i`: its location, its text as the offending value, its line.
    public func diagnostic(forField i: Int, code: String, message: String, hint: String? = nil) -> Diagnostic {
        Diagnostic(
            at: location(ofField: i), code: code, message: message, offending: string(i), hint: hint,
            lineText: lineText(ofField: i))
    }


    private func rawStart(ofField i: Int) -> Int {
        i < fieldCount ? bounds[2 * i] >> 2 : recordEnd
    }

    private func position(of offset: Int) -> (line: Int, column: Int) {
        let storage = buffer
        let text = storage.span.extracting(0..<count)
        let found = TextPosition.line(of: offset, in: text, from: recordStart, startingLine: line)
        let lineEnd = TextPosition.lineEnd(in: text, from: offset)
        let column = TextPosition.column(of: offset - found.lineStart, inLine: text.extracting(found.lineStart..<lineEnd))
        return (found.line, column)
    }

    private func lineText(at offset: Int) -> String {
        let storage = buffer
        let text = storage.span.extracting(0..<count)
        let start = TextPosition.line(of: offset, in: text, from: recordStart, startingLine: line).lineStart
        return shortened(from: start, to: TextPosition.lineEnd(in: text, from: offset))
    }

    /// Bytes `start..<end` as text, cut at a character boundary after about 400 bytes.
    private func shortened(from start: Int, to end: Int, limit: Int = 400) -> String {
        var cut = min(end, start + limit)
        while cut < end && cut > start && buffer[cut] & 0xC0 == 0x80 { cut -= 1 }
        let text = String(decoding: buffer[start..<cut], as: UTF8.self)
        return cut < end ? text + "…" : text
    }
}

// MARK: - Errors

extension CSVReader {
    private func failure(
        _ code: String, _ message: String, at offset: Int, offending: String? = nil, hint: String
    ) -> InputError {
        let found = position(of: offset)
        return InputError(
            Diagnostic(
                at: SourceLocation(file: fileLabel, line: found.line, column: found.column), code: code,
                message: message, offending: offending, hint: hint, lineText: lineText(at: offset)))
    }

    /// The field starting at `start` as written, up to its delimiter or line end, shortened.
    private func snippet(from start: Int, limit: Int = 60) -> String {
        var end = start
        while end < count && end - start < limit {
            let byte = buffer[end]
            if (byte == dialect.delimiter && end > start) || byte == Self.lineFeed || byte == Self.carriageReturn { break }
            end += 1
        }
        return shortened(from: start, to: end, limit: limit)
    }

    private func unterminatedQuote(at start: Int) -> InputError {
        failure(
            "csv.unterminated-quote", "a quoted field is not closed before the end of the file", at: start,
            offending: snippet(from: start),
            hint: "add the closing quote (\"); a quote inside a quoted field is written twice (\"\")")
    }

    private func textAfterQuote(fieldStart: Int, at offset: Int) -> InputError {
        failure(
            "csv.text-after-quote", "text follows the closing quote of a quoted field", at: offset,
            offending: snippet(from: fieldStart),
            hint: "end the field right after its closing quote; if the quotes belong to the text, "
                + "quote the whole field and write each quote inside it twice (\"\")")
    }

    private func fieldTooLong(at start: Int, quoted: Bool) -> InputError {
        let limit = Self.describe(bytes: limits.maxFieldBytes)
        let hint =
            quoted
            ? "the field opens with a quote here that is not closed within \(limit): probably a missing closing quote"
            : "a cell may hold at most \(limit); check that this is a report file"
        return failure(
            "csv.field-too-long", "a field longer than \(limit)", at: start, offending: snippet(from: start), hint: hint)
    }

    private func recordTooLong() -> InputError {
        let limit = Self.describe(bytes: limits.maxRecordBytes)
        return failure(
            "csv.record-too-long", "a row longer than \(limit)", at: recordStart, offending: snippet(from: recordStart),
            hint: "a row may hold at most \(limit); check that this is a report file with one value, "
                + "or one unit and period, per row")
    }

    private func tooManyFields(at start: Int) -> InputError {
        let delimiter = dialect.delimiter == 0x09 ? "tab" : "'\(Character(Unicode.Scalar(dialect.delimiter)))'"
        return failure(
            "csv.too-many-fields", "more than \(limits.maxFields) fields in one row", at: start,
            hint: "check the delimiter: this file is read with \(delimiter) between fields")
    }

    private static func unreadable(_ label: String, errno code: Int32) -> InputError {
        InputError(
            Diagnostic(
                at: SourceLocation(file: label), code: "file.unreadable",
                message: "cannot read the file: \(String(cString: strerror(code)))",
                hint: "check the file's name and that it can be read"))
    }

    static func describe(bytes: Int) -> String {
        bytes % (1 << 20) == 0 ? "\(bytes >> 20) MiB" : bytes % 1024 == 0 ? "\(bytes >> 10) KiB" : "\(bytes) bytes"
    }
}
