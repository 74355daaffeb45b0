import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Which files `hiendien report --format` writes.
public enum ReportFormat: String, CaseIterable, Sendable {
    /// `report.md`: the report in Markdown, readable as plain text in an email.
    case md
    /// `report.html`: the report to print on A4 and sign, one self-contained file.
    case html
    /// The contract's four machine tables: `targets.csv`, `indicators.csv`,
    /// `submissions.csv`, `tasks.csv`.
    case csv
    /// `tables.xlsx`: the four tables as one Excel workbook, names beside ids.
    case xlsx
    /// `report.docx`: report.html as a Word document in Decree 30's page setup, to edit and sign.
    case docx
}

/// Writes the reports people sign (Markdown, HTML) from the templates in `Templates/`, and
/// the contract's CSV tables, into `DIR/PERIOD/`.
///
/// Rendering is a pure function of the report and the templates, so the same data gives
/// byte-identical files; the only date in them is the report's `asOf`.
public struct ReportRenderer: Sendable {
    /// The environment variable that names the templates folder, over every other place.
    public static let templatesEnvironmentVariable = "HIENDIEN_TEMPLATES"
    /// The file that marks a folder as hiendien's templates folder.
    static let markerTemplate = "report.md"

    /// The templates: `report.md`, `report.html` and the partials they include.
    public let templates: TemplateLibrary

    public init(templates: TemplateLibrary) {
        self.templates = templates
    }

    // MARK: - Rendering

    /// The report in Markdown (`report.md.mustache`), unit-supplied text escaped for Markdown.
    public func markdown(_ report: PeriodReport) throws -> String {
        try markdown(ReportContext(report: report).value())
    }

    func markdown(_ context: TemplateValue) throws -> String {
        try templates.rendered("report.md", with: context, escaping: .markdown)
    }

    /// The report as one self-contained HTML page (`report.html.mustache`), unit-supplied
    /// text escaped for HTML; only the prepared SVG charts go in as markup.
    public func html(_ report: PeriodReport) throws -> String {
        try html(ReportContext(report: report).value())
    }

    func html(_ context: TemplateValue) throws -> String {
        try templates.rendered("report.html", with: context, escaping: .html)
    }

    // MARK: - Writing

    /// Renders the chosen formats and writes them into `outDirectory/<period>/` (the period's
    /// canonical form, `2026-Q2` or `2026`), creating the folders it needs.
    ///
    /// The files are written, each as it is rendered and the formats two at a time (one per
    /// core), into a temporary folder beside the period folder, which is swapped in whole once
    /// every file is there: a template error or a full disk leaves the old set of reports (and
    /// no folder the run made), a crash leaves either the old set or the new one, never a mix.
    /// A period folder that would lie outside `outDirectory` (through a symbolic link) is refused.
    ///
    /// - Returns: The paths written, `outDirectory` joined with the period and file name,
    ///   in the order md, html, docx, `data-check.md` (with md, html or docx), the CSV tables,
    ///   then tables.xlsx.
    public func write(_ report: PeriodReport, formats: Set<ReportFormat>, to outDirectory: String) throws -> [String] {
        let names = Self.fileNames(formats)
        let folder = try Self.periodFolder(report.period.description, in: outDirectory)
        let created = try OutputFiles.makeFolder(outDirectory)
        do {
            if FileManager.default.fileExists(atPath: folder.path) { try Self.requireInside(folder, outDirectory: outDirectory) }
            try OutputFiles.replaceFolder(folder.path, names: names) { staging in
                let shown = (outDirectory as NSString).appendingPathComponent(report.period.description)
                // One context for both templates (the same words, escaped by each).
                try ReportWriting(report: report, context: { ReportContext(report: report).value() }, formats: formats,
                                  templates: self,
                                  staging: staging, shownFolder: shown).run()
            }
        } catch {
            if let created { OutputFiles.removeEmptyFolders(outDirectory, upTo: created) }
            throw error
        }
        let shownFolder = (outDirectory as NSString).appendingPathComponent(report.period.description)
        return names.map { (shownFolder as NSString).appendingPathComponent($0) }
    }

    /// The files `formats` make, in the order `write` returns them.
    static func fileNames(_ formats: Set<ReportFormat>) -> [String] {
        var names: [String] = []
        if formats.contains(.md) { names.append("report.md") }
        if formats.contains(.html) { names.append("report.html") }
        if formats.contains(.docx) { names.append("report.docx") }
        // The data checks go beside the signed report, never into it.
        if !formats.isDisjoint(with: [.md, .html, .docx]) { names.append(DataCheck.fileName) }
        if formats.contains(.csv) { names += ReportTables.fileNames }
        if formats.contains(.xlsx) { names.append(ReportTables.workbookName) }
        return names
    }

    /// `outDirectory/name`, standardised, after checking that it stays inside `outDirectory`.
    ///
    /// `name` is a period's canonical form, which never holds `/` or `..`; it is still
    /// checked, and the standardised result must lie inside the standardised `outDirectory`.
    static func periodFolder(_ name: String, in outDirectory: String) throws -> URL {
        let base = URL(fileURLWithPath: outDirectory, isDirectory: true).absoluteURL.standardizedFileURL
        let folder = base.appendingPathComponent(name, isDirectory: true).standardizedFileURL
        let isPlainName = !name.isEmpty && name != "." && name != ".."
            && name.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-") }
        guard isPlainName, isInside(folder.path, base.path) else { throw outside(name, outDirectory) }
        return folder
    }

    /// Refuses a period folder that, with symbolic links followed, is not inside `outDirectory`.
    static func requireInside(_ folder: URL, outDirectory: String) throws {
        let base = URL(fileURLWithPath: outDirectory, isDirectory: true).absoluteURL.standardizedFileURL
        guard isInside(folder.resolvingSymlinksInPath().path, base.resolvingSymlinksInPath().path) else {
            throw outside(folder.lastPathComponent, outDirectory)
        }
    }

    static func isInside(_ path: String, _ base: String) -> Bool {
        let prefix = base.hasSuffix("/") ? base : base + "/"
        return path.hasPrefix(prefix) && path.count > prefix.count
    }

    static func outside(_ name: String, _ outDirectory: String) -> InputError {
        InputError(Diagnostic(
            at: SourceLocation(file: outDirectory), code: "report.outside-out-directory",
            message: "the report folder would not be inside the output folder", offending: name,
            hint: "reports go into a folder named after the period inside --out; "
                + "remove a symbolic link of that name, or pass another --out"))
    }

    // MARK: - Finding the templates

    /// The templates folder to use when `--templates` is not given, or nil when none is found:
    /// the folder named by `HIENDIEN_TEMPLATES`; else the first `Templates/` holding
    /// `report.md.mustache` in the executable's folder or a folder above it (so both
    /// `swift run hiendien` in the repository and a built binary beside `Templates/` find
    /// it); else `./Templates` when it exists.
    ///
    /// - Parameters:
    ///   - executablePath: The running executable, as `argv[0]` or `/proc/self/exe` gives it;
    ///     a bare name is looked up in `PATH`.
    ///   - currentDirectory: The working directory, against which relative paths are read.
    ///   - environment: The process environment.
    public static func defaultTemplatesDirectory(
        executablePath: String, currentDirectory: String, environment: [String: String]
    ) -> String? {
        ResourceLocator.find(folder: "Templates", marker: "\(markerTemplate).\(TemplateLibrary.fileExtension)",
                             environmentVariable: templatesEnvironmentVariable, environment: environment,
                             executablePath: executablePath, currentDirectory: currentDirectory)
    }
}
