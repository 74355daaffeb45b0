import Foundation
import Synchronization

/// The templates of one folder, loaded by name, parsed once and kept.
///
/// The template `report.md` is the file `report.md.mustache`; `{{> header.html}}` includes
/// `header.html.mustache` from the same folder. A name is checked before any file is
/// touched, so no name can reach outside the folder: parts of letters, digits, `_` and `-`
/// joined by single dots; never `/`, `..` or an absolute path.
public final class TemplateLibrary: Sendable {
    /// The extension of template files, after the template's name.
    public static let fileExtension = "mustache"

    /// What `isValidName(_:)` accepts, for messages.
    static let nameRule = "a template name is letters, digits, '_' and '-', in parts joined by single dots "
        + "(such as 'report.md' or 'header.html'); it cannot hold '/' or '..'"

    /// The largest template file read: the report templates are a few tens of KiB.
    static let maximumBytes = 4 << 20

    /// The folder the templates are in.
    public let directory: URL

    /// Parsed templates by name (the report's formats are rendered side by side).
    private let cache = Mutex<[String: Template]>([:])

    /// A library of the `*.mustache` files in `directory` (nothing is read until asked for).
    public init(directory: URL) {
        self.directory = directory
    }

    /// Whether `name` is a template name: `[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*`.
    public static func isValidName(_ name: String) -> Bool {
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        return parts.allSatisfy { part in
            !part.isEmpty
                && part.unicodeScalars.allSatisfy { scalar in
                    scalar.isASCII
                        && (("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
                            || ("0"..."9").contains(scalar) || scalar == "_" || scalar == "-")
                }
        }
    }

    /// The template called `name`, read and parsed on first use.
    ///
    /// Throws an `InputError`: `template.invalid-template-name` for a name that is not
    /// one, `template.not-found` when there is no such file, `template.unreadable` when it
    /// can't be read as UTF-8 text, and the template's parse errors.
    public func template(named name: String) throws -> Template {
        guard let template = try loadIfPresent(name) else {
            throw InputError(Diagnostic(
                at: SourceLocation(file: file(for: name)), code: "template.not-found",
                message: "no such template", offending: name,
                hint: "the template '\(name)' is the file '\(name).\(Self.fileExtension)' "
                    + "in the folder '\(directory.relativePath)'"))
        }
        return template
    }

    /// Renders the template called `name`, its partials from this library.
    ///
    /// - Parameters:
    ///   - name: The template's name, such as `report.md`.
    ///   - context: The data, outermost value.
    ///   - escaping: How values are made safe; `TemplateEscaping(forTemplateNamed:)`
    ///     chooses it from the name.
    public func rendered(_ name: String, with context: TemplateValue, escaping: TemplateEscaping) throws -> String {
        try template(named: name).rendered(context, escaping: escaping, resolvingPartials: loadIfPresent)
    }

    /// Renders the template called `name` into `sink` as UTF-8, draining it as it fills (see
    /// `Template.render(_:escaping:partials:into:)`).
    public func render(_ name: String, with context: TemplateValue, escaping: TemplateEscaping,
                       into sink: inout TemplateSink) throws {
        try template(named: name).render(context, escaping: escaping, resolvingPartials: loadIfPresent, into: &sink)
    }

    /// The template called `name`, or nil when there is no such file.
    func loadIfPresent(_ name: String) throws -> Template? {
        guard Self.isValidName(name) else {
            throw InputError(Diagnostic(
                at: SourceLocation(file: directory.relativePath), code: "template.invalid-template-name",
                message: "template name refused", offending: name, hint: Self.nameRule))
        }
        if let cached = cache.withLock({ $0[name] }) { return cached }

        let url = directory.appendingPathComponent("\(name).\(Self.fileExtension)", isDirectory: false)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue
        else { return nil }
        // A symbolic link is followed only to a file inside the folder: `evil.mustache ->
        // /etc/passwd` would otherwise copy that file into a report.
        let resolved = url.resolvingSymlinksInPath().path
        let folder = directory.resolvingSymlinksInPath().path
        guard resolved.hasPrefix(folder.hasSuffix("/") ? folder : folder + "/") else {
            throw InputError(Diagnostic(
                at: SourceLocation(file: file(for: name)), code: "template.outside-folder",
                message: "the template is a symbolic link to a file outside the templates folder", offending: resolved,
                hint: "copy the file into '\(directory.relativePath)' instead of linking to it"))
        }
        let data: Data
        do {
            // Read with a size cap: a huge file named like a template must not fill memory.
            data = Data(try FileBytes.read(path: url.path, label: file(for: name), limit: Self.maximumBytes))
        } catch let error as InputError where error.diagnostics.first?.code == "file.too-large" {
            throw unreadable(name, because: "it is larger than \(Self.maximumBytes >> 20) MiB")
        } catch {
            throw unreadable(name, because: "it could not be read (\(error))")
        }
        guard var source = String(data: data, encoding: .utf8) else {
            throw unreadable(name, because: "it is not UTF-8 text")
        }
        if source.hasPrefix("\u{FEFF}") { source.removeFirst() }
        let template = try Template(name: name, source: source, file: file(for: name))
        cache.withLock { $0[name] = template }
        return template
    }

    /// The file of the template `name`, as diagnostics show it.
    func file(for name: String) -> String {
        directory.appendingPathComponent("\(name).\(Self.fileExtension)", isDirectory: false).relativePath
    }

    func unreadable(_ name: String, because reason: String) -> InputError {
        InputError(Diagnostic(
            at: SourceLocation(file: file(for: name)), code: "template.unreadable",
            message: "template cannot be used: \(reason)", offending: name,
            hint: "save the file as UTF-8 text"))
    }
}
