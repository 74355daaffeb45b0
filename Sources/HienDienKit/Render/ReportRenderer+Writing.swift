import Foundation
import Synchronization

/// One run of `ReportRenderer.write` inside the staging folder: the formats as jobs that write
/// their own files, run side by side (the report is computed; writing it is what is left).
///
/// Each file is written as it is made — the templates through a `TemplateSink` drained into
/// the file a megabyte at a time — so no format's whole text waits for another's.
struct ReportWriting: Sendable {
    let report: PeriodReport
    /// The templates' data, when a template is rendered (md, html or docx).
    let context: SharedContext?
    let formats: Set<ReportFormat>
    let renderer: ReportRenderer
    /// Where the files go now.
    let staging: String
    /// Where they will be once swapped in, for messages.
    let shownFolder: String

    /// - Parameter context: Makes the templates' data; called once, when md, html or docx is asked for.
    init(report: PeriodReport, context: () -> TemplateValue, formats: Set<ReportFormat>, templates renderer: ReportRenderer,
         staging: String, shownFolder: String) {
        self.report = report
        let users = (formats.contains(.md) ? 1 : 0) + (formats.contains(.html) || formats.contains(.docx) ? 1 : 0)
        self.context = users > 0 ? SharedContext(context(), users: users) : nil
        self.formats = formats
        self.renderer = renderer
        self.staging = staging
        self.shownFolder = shownFolder
    }

    /// A piece of the work; `rank` orders the errors, so that the one thrown does not depend on
    /// which job ran first: md's before html's, as the files are listed.
    struct Job: Sendable {
        var rank: Int
        var work: @Sendable () throws -> Void
    }

    func run() throws {
        var jobs: [Job] = []
        // The longest first, on a core of its own: the page and its Word conversion.
        if formats.contains(.html) || formats.contains(.docx) {
            jobs.append(Job(rank: 1) { try page() })
        }
        if formats.contains(.md) {
            jobs.append(Job(rank: 0) { try markdown() })
        }
        if formats.contains(.xlsx) {
            jobs.append(Job(rank: 3) {
                let file = try newFile(ReportTables.workbookName)
                try ReportTables.writeWorkbook(report, into: file)
                try file.close()
            })
        }
        if context != nil || formats.contains(.csv) {
            jobs.append(Job(rank: 2) { try tables() })
        }
        try Self.perform(jobs)
    }

    /// Runs the jobs on the machine's cores and throws the error of the lowest rank, if any.
    static func perform(_ jobs: [Job]) throws {
        let failures = Mutex<[(rank: Int, error: any Error)]>([])
        DispatchQueue.concurrentPerform(iterations: jobs.count) { index in
            do {
                try jobs[index].work()
            } catch {
                failures.withLock { $0.append((jobs[index].rank, error)) }
            }
        }
        if let first = failures.withLock({ $0.min { $0.rank < $1.rank } }) { throw first.error }
    }

    // MARK: - The jobs

    /// report.md, rendered straight into its file.
    func markdown() throws {
        let file = try newFile("report.md")
        try render("report.md", escaping: .markdown, into: file)
        try file.close()
    }

    /// report.html, rendered straight into its file; report.docx converted from that file read
    /// back a window at a time, and written into its own file as it is made. With docx alone
    /// the page goes into a temporary file in the staging folder, removed once converted (and
    /// with the folder on any failure): only the files asked for are swapped in.
    func page() throws {
        let pageName = formats.contains(.html) ? "report.html" : ".report.html.\(UUID().uuidString).tmp"
        let page = try newFile(pageName)
        var isTemporary = !formats.contains(.html)
        defer { if isTemporary { unlink(page.path) } }
        try render("report.html", escaping: .html, into: page)
        // The temporary page is read back at once and never kept: it need not reach the disk.
        try page.close(flushing: !isTemporary)
        guard formats.contains(.docx) else { return }
        let document = try newFile("report.docx")
        try WordDocument.write(fromHTMLFile: page.path, into: document)
        try document.close()
        if isTemporary {
            guard unlink(page.path) == 0 else { throw OutputFiles.failure(page.shownPath, "cannot remove the temporary page") }
            isTemporary = false
        }
    }

    /// data-check.md beside a rendered report, and the CSV tables, one at a time, each written
    /// into its file a piece at a time.
    func tables() throws {
        if context != nil {
            try write(DataCheck.markdown(report), as: DataCheck.fileName)
        }
        guard formats.contains(.csv) else { return }
        for (name, table) in ReportTables.writers {
            let file = try newFile(name)
            try table(report) { try file.write($0) }
            try file.close()
        }
    }

    /// Renders a template into a file, a megabyte at a time.
    func render(_ name: String, escaping: TemplateEscaping, into file: OutputFiles.NewFile) throws {
        guard let context else { return }
        defer { context.done() }
        var sink = TemplateSink { try file.write($0) }
        try renderer.templates.render(name, with: context.value, escaping: escaping, into: &sink)
    }

    // MARK: - Files

    func newFile(_ name: String) throws -> OutputFiles.NewFile {
        try OutputFiles.NewFile((staging as NSString).appendingPathComponent(name),
                                shownAs: (shownFolder as NSString).appendingPathComponent(name))
    }

    func write(_ text: String, as name: String) throws {
        let file = try newFile(name)
        try file.write(text)
        try file.close()
    }

    func write(_ bytes: [UInt8], as name: String) throws {
        let file = try newFile(name)
        try file.write(bytes)
        try file.close()
    }
}

/// The templates' data, shared by the jobs that render a template and let go of when the last
/// has rendered: the Word conversion, which goes on after, does not keep it in memory.
final class SharedContext: Sendable {
    private let state: Mutex<(value: TemplateValue, users: Int)>

    init(_ value: TemplateValue, users: Int) {
        state = Mutex((value, users))
    }

    /// The data; `.null` once every user is done.
    var value: TemplateValue { state.withLock { $0.value } }

    /// One user is done with the data.
    func done() {
        state.withLock { state in
            state.users -= 1
            if state.users <= 0 { state.value = .null }
        }
    }
}
