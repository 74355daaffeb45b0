import Foundation

extension Template {
    /// Renders the template with `context` as the outermost value.
    ///
    /// Throws an `InputError` listing every name not found in the data (except optional
    /// ones), every value of the wrong kind and every partial that can't be had, each at
    /// its tag's file, line and column.
    ///
    /// - Parameters:
    ///   - context: The data; its names are looked up from the innermost section outwards.
    ///   - escaping: How `{{name}}` values are made safe for the output.
    ///   - partials: The templates `{{> name}}` includes, by name.
    public func rendered(
        _ context: TemplateValue, escaping: TemplateEscaping, partials: [String: Template] = [:]
    ) throws -> String {
        try rendered(context, escaping: escaping, resolvingPartials: { partials[$0] })
    }

    /// Renders with partials found by `resolve`, which returns nil for a partial that does
    /// not exist and throws when one exists but can't be read or parsed.
    func rendered(
        _ context: TemplateValue, escaping: TemplateEscaping,
        resolvingPartials resolve: @escaping (String) throws -> Template?
    ) throws -> String {
        var sink = TemplateSink()
        try render(context, escaping: escaping, resolvingPartials: resolve, into: &sink)
        return String(decoding: sink.bytes, as: UTF8.self)
    }

    /// Renders into `sink` as UTF-8, draining it as it fills; ends with `sink.finish()`, so a
    /// sink with a drain holds nothing afterwards. Throws the template's problems, or the
    /// drain's error (rendering stops at it).
    public func render(
        _ context: TemplateValue, escaping: TemplateEscaping, partials: [String: Template] = [:],
        into sink: inout TemplateSink
    ) throws {
        try render(context, escaping: escaping, resolvingPartials: { partials[$0] }, into: &sink)
    }

    func render(
        _ context: TemplateValue, escaping: TemplateEscaping,
        resolvingPartials resolve: @escaping (String) throws -> Template?, into sink: inout TemplateSink
    ) throws {
        var renderer = Renderer(escaping: escaping, resolve: resolve, stack: [context])
        swap(&renderer.output, &sink)
        renderer.render(tokens, of: self, depth: 0)
        swap(&renderer.output, &sink)
        try sink.finish()
        guard renderer.diagnostics.isEmpty else {
            throw InputError(renderer.diagnostics.items, omitted: renderer.diagnostics.omitted)
        }
    }
}

// MARK: - Renderer

/// Renders tokens into a sink of UTF-8 bytes, collecting problems instead of stopping at the
/// first, so a template's author sees every misspelt name at once.
struct Renderer {
    /// How deep partials may include partials, so that one including itself stops.
    static let maximumPartialDepth = 32

    let escaping: TemplateEscaping
    let resolve: (String) throws -> Template?
    /// The context stack: the outermost value first, the current item last.
    var stack: [TemplateValue]
    var output = TemplateSink()
    /// The whitespace before each line, from the standalone partial tags being rendered.
    var indentation = ""
    /// The next text written starts a line that must get `indentation` first.
    var isIndentationPending = false
    var diagnostics = DiagnosticList()
    /// Where and what was reported, so a tag inside a section is reported once, not once
    /// per item.
    var reported: Set<String> = []
    /// Set when partials nest too deep: rendering stops at once, since each further level
    /// of a runaway recursion could multiply the work.
    var isAborted = false

    init(escaping: TemplateEscaping, resolve: @escaping (String) throws -> Template?, stack: [TemplateValue]) {
        self.escaping = escaping
        self.resolve = resolve
        self.stack = stack
    }

    mutating func render(_ tokens: [Template.Token], of template: Template, depth: Int) {
        for token in tokens {
            if isAborted || output.hasFailed { return }
            output.drainIfFull()
            switch token {
            case .text(let text):
                writeText(text)
            case .variable(let name, let escaped, let site):
                guard let value = lookUp(name, at: site, in: template) else { continue }
                show(value, escaped: escaped, name: name, at: site, in: template)
            case .section(let name, let inverted, let body, let site):
                guard let value = lookUp(name, at: site, in: template) else { continue }
                if inverted {
                    if !value.isTruthy { render(body, of: template, depth: depth) }
                } else if case .list(let items) = value {
                    render(body, of: template, depth: depth, forEachOf: items)
                } else if case .lazyList(let items) = value {
                    render(body, of: template, depth: depth, forEachOf: items)
                } else if value.isTruthy {
                    stack.append(value)
                    render(body, of: template, depth: depth)
                    stack.removeLast()
                }
            case .partial(let name, let partialIndentation, let site):
                include(name, indentation: partialIndentation, at: site, from: template, depth: depth)
            }
        }
    }

    /// Renders `tokens` once per item, with the item as the context; a lazy list's items are
    /// made one at a time and let go of after their turn.
    mutating func render<Items: Collection<TemplateValue>>(
        _ tokens: [Template.Token], of template: Template, depth: Int, forEachOf items: Items
    ) {
        for item in items {
            stack.append(item)
            render(tokens, of: template, depth: depth)
            stack.removeLast()
        }
    }

    mutating func report(_ diagnostic: Diagnostic) {
        if reported.insert("\(diagnostic.location) \(diagnostic.code)").inserted { diagnostics.append(diagnostic) }
    }

    // MARK: - Names

    /// The value of `name`: the first part from the innermost object that has it, the
    /// other parts inside that value. Nil when a problem was reported.
    mutating func lookUp(_ name: Template.Name, at site: Template.Site, in template: Template) -> TemplateValue? {
        guard let first = name.path.first else { return stack.last ?? .null }
        let found = stack.reversed().lazy.compactMap { frame -> TemplateValue? in
            if case .object(let fields) = frame { return fields[first] }
            return nil
        }.first
        guard var value = found else {
            if name.isOptional { return .null }
            let names = Set(stack.flatMap { frame -> [String] in
                if case .object(let fields) = frame { return Array(fields.keys) }
                return []
            })
            report(template.diagnostic(
                at: site, code: "template.missing-key", message: "no value named '\(first)' in the data",
                hint: Renderer.hint(for: first, among: names, name: name)))
            return nil
        }
        var walked = first
        for part in name.path.dropFirst() {
            guard case .object(let fields) = value else {
                if value == .null && name.isOptional { return .null }
                report(template.diagnostic(
                    at: site, code: "template.wrong-kind",
                    message: "'\(walked)' is \(value.kindDescription), so it has no '\(part)'",
                    hint: "only an object has named values; check the name against the data"))
                return nil
            }
            guard let next = fields[part] else {
                if name.isOptional { return .null }
                report(template.diagnostic(
                    at: site, code: "template.missing-key", message: "'\(walked)' has no value named '\(part)'",
                    hint: Renderer.hint(for: part, among: Set(fields.keys), name: name)))
                return nil
            }
            value = next
            walked += "." + part
        }
        return value
    }

    /// Suggests the nearest name (a typo) or lists the names there are, and says how to
    /// mark a name the data may leave out.
    static func hint(for missing: String, among names: Set<String>, name: Template.Name) -> String {
        let optional = "if the data may leave it out, write '\(name.dotted)?' in the tag"
        let nearest = names.map { ($0, editDistance($0, missing)) }
            .filter { $0.1 <= max(1, missing.count / 3) }
            .min { ($0.1, $0.0) < ($1.1, $1.0) }
        if let nearest { return "did you mean '\(nearest.0)'? \(optional)" }
        guard !names.isEmpty else { return "the data here has no named values; \(optional)" }
        let sorted = names.sorted()
        let listed = sorted.prefix(12).joined(separator: ", ") + (sorted.count > 12 ? ", …" : "")
        return "names here: \(listed); \(optional)"
    }

    /// Levenshtein distance in characters.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
            }
            previous = current
        }
        return previous[b.count]
    }

    // MARK: - Writing

    /// Shows a variable's value: text escaped (unless `escaped` is false), markup as it
    /// is, null as nothing; a yes/no value, a list or an object is an error.
    mutating func show(
        _ value: TemplateValue, escaped: Bool, name: Template.Name, at site: Template.Site, in template: Template
    ) {
        switch value {
        case .string(let text):
            writeValue(text, escaped: escaped)
        case .raw(let markup):
            writeValue(markup, escaped: false)
        case .null:
            break
        case .bool, .list, .lazyList, .object:
            report(template.diagnostic(
                at: site, code: "template.wrong-kind",
                message: "'\(name.dotted)' is \(value.kindDescription) and cannot be shown as text",
                hint: "use it as a section: '{{#\(name.dotted)}}…{{/\(name.dotted)}}'"))
        }
    }

    mutating func writeText(_ text: String) {
        guard !indentation.isEmpty else {
            output.append(text)
            return
        }
        let bytes = Array(text.utf8)
        var lineStart = 0
        for index in bytes.indices where bytes[index] == UInt8(ascii: "\n") {
            writeIndented(bytes[lineStart...index])
            lineStart = index + 1
        }
        if lineStart < bytes.count { writeIndented(bytes[lineStart...]) }
    }

    /// Writes a piece of one line (ending with its line break, `\n` or `\r\n`, if it has one),
    /// indenting it if it starts a line that has content.
    mutating func writeIndented(_ piece: ArraySlice<UInt8>) {
        guard let first = piece.first else { return }
        let startsWithBreak = first == UInt8(ascii: "\n")
            || (first == UInt8(ascii: "\r") && piece.count > 1 && piece[piece.startIndex + 1] == UInt8(ascii: "\n"))
        if isIndentationPending && !startsWithBreak { output.append(indentation) }
        output.append(piece)
        isIndentationPending = piece.last == UInt8(ascii: "\n")
    }

    mutating func writeValue(_ text: String, escaped: Bool) {
        guard !text.isEmpty else { return }
        if isIndentationPending {
            output.append(indentation)
            isIndentationPending = false
        }
        if escaped {
            escaping.escape(text, into: &output)
        } else {
            output.append(text)
        }
    }

    // MARK: - Partials

    mutating func include(
        _ name: String, indentation partialIndentation: String?, at site: Template.Site, from template: Template,
        depth: Int
    ) {
        guard depth < Renderer.maximumPartialDepth else {
            report(template.diagnostic(
                at: site, code: "template.partial-depth",
                message: "partials are nested more than \(Renderer.maximumPartialDepth) deep",
                hint: "'\(name)' probably includes itself without end; "
                    + "include it only inside a section whose data ends"))
            isAborted = true
            return
        }
        let partial: Template?
        do {
            partial = try resolve(name)
        } catch let error as InputError {
            error.diagnostics.forEach { report($0) }
            return
        } catch {
            report(template.diagnostic(
                at: site, code: "template.unreadable-partial", message: "partial '\(name)' could not be read: \(error)",
                hint: "check that the file '\(name).\(TemplateLibrary.fileExtension)' is readable"))
            return
        }
        guard let partial else {
            report(template.diagnostic(
                at: site, code: "template.missing-partial", message: "no partial named '\(name)'",
                hint: "put it in the file '\(name).\(TemplateLibrary.fileExtension)' beside the other templates"))
            return
        }
        let outerIndentation = indentation
        if let partialIndentation {
            indentation += partialIndentation
            isIndentationPending = true
        }
        render(partial.tokens, of: partial, depth: depth + 1)
        indentation = outerIndentation
    }
}
