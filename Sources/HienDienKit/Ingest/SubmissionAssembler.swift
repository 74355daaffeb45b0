/// Gathers a file's checked values into `SubmissionPart`s and hands them to the store's
/// `IngestWriter`, and holds the rule that a file gives each unit, period and indicator once:
/// a repeat with the same value is dropped, one with another value is a conflict the reader
/// words (docs/INGEST_RULES.md).
///
/// Consecutive values of one unit and period form a part (handed over when the unit or period
/// changes, or every `partSize` values, so memory stays flat). Which indicators the current
/// submission has been given is a bit set; when the file comes back to a submission, the set
/// is read back from the store, and an earlier value is looked up only when an indicator
/// comes again.
struct SubmissionAssembler {
    enum Outcome: Equatable {
        case added
        /// The same value came earlier in this file: not stored twice.
        case repeated
        /// Another value came earlier in this file (nil: a withdrawal).
        case conflicting(earlier: Int64?)
    }

    static let partSize = 256

    private let words: Int
    /// The part being gathered, its values apart: kept in an optional part, every append copied
    /// the part out and back (and so its values).
    private var part: SubmissionPart?
    private var values: [ReportedValue] = []
    /// Indicators the current part's submission has been given in this file (for a submission
    /// the file comes back to, read from what was handed over: nothing is kept per submission).
    private var given: [UInt64]

    init(indicatorCount: Int) {
        words = max(1, (indicatorCount + 63) / 64)
        given = Array(repeating: 0, count: words)
    }

    /// The unit and period of the part being gathered.
    var currentKey: SubmissionKey? { part?.key }

    /// Starts gathering values for `key` (handing the previous part over when it was another
    /// submission); `received` is the submission's day as the file has it so far.
    mutating func begin(_ key: SubmissionKey, received: Day, writer: IngestWriter) throws {
        if part?.key == key {
            part!.received = received
            return
        }
        try handOver(writer)
        for word in given.indices { given[word] = 0 }
        if writer.hasSubmission(key) {
            for indicator in try writer.indicatorsInThisFile(key) { given[indicator >> 6] |= 1 << UInt64(indicator & 63) }
        }
        part = SubmissionPart(unit: key.unit, period: key.period, received: received)
    }

    /// Whether the current submission has been given this indicator in this file.
    func isGiven(_ indicator: Int) -> Bool {
        given[indicator >> 6] & (1 << UInt64(indicator & 63)) != 0
    }

    /// Adds a value to the current part, unless the file gave this indicator before.
    mutating func add(_ value: ReportedValue, writer: IngestWriter) throws -> Outcome {
        precondition(part != nil, "begin a submission first")
        if isGiven(value.indicator) {
            let earlier = try earlierInFile(value.indicator, writer: writer)
            return earlier == value.value ? .repeated : .conflicting(earlier: earlier)
        }
        given[value.indicator >> 6] |= 1 << UInt64(value.indicator & 63)
        values.append(value)
        if values.count >= Self.partSize { try handOver(writer) }
        return .added
    }

    /// Tasks and texts of the current part (a JSON report).
    mutating func add(tasks: [ReportedTask], difficulties: String?, proposals: String?) {
        part!.tasks += tasks
        if difficulties != nil || proposals != nil {
            part!.difficulties = difficulties
            part!.proposals = proposals
        }
    }

    /// Hands the last part over; call once the whole file was read without a problem.
    mutating func finish(_ writer: IngestWriter) throws {
        try handOver(writer)
    }

    /// Writes the current part (creating its submission even when it has no values: the unit
    /// reported) and keeps gathering for the same submission.
    private mutating func handOver(_ writer: IngestWriter) throws {
        guard part != nil else { return }
        swap(&part!.values, &values)
        try writer.write(part!)
        swap(&part!.values, &values)
        values.removeAll(keepingCapacity: true)
        part!.tasks.removeAll()
        part!.difficulties = nil
        part!.proposals = nil
    }

    /// The value given earlier in this file: still in the current part, or already handed over.
    private mutating func earlierInFile(_ indicator: Int, writer: IngestWriter) throws -> Int64? {
        if let found = values.last(where: { $0.indicator == indicator }) { return found.value }
        try handOver(writer)
        guard let stored = try writer.valueInThisFile(part!.key, indicator: indicator) else {
            preconditionFailure("an indicator marked as given is neither gathered nor stored")
        }
        return stored
    }
}
