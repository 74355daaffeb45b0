// Fuzz target: the template engine (`Template`: lexing, parsing, rendering, partials) and the
// output escapings.
//
// The input is split at NUL bytes: the first part is the template, each further part a partial
// named `p1`, `p2`, … (`{{> p1}}`). Every part is parsed; the template is rendered with a fixed
// context for each escaping. What must hold: in HTML, unit-supplied text (every `.string` in the
// context carries the marker `<x>`) reaches the output as markup only through a tag that asks
// for no escaping (`{{{…}}}`, `{{&…}}`) or where the template text itself holds the marker; and
// the context with every list made lazy (`LazyTemplateList`) renders the same text, or the same
// problems, as the lists held whole.
// Then the input as text goes through each escaping on its own, with what each promises checked,
// and, as a page, into report.docx read through a small file window and from memory: the same bytes.

import Foundation
@testable import HienDienKit

let marker = "<x>"

let context: TemplateValue = [
    "name": .string("\(marker) & \"q\" 'a' = +1 @2"),
    "empty": "",
    "yes": true,
    "no": false,
    "none": .null,
    "chart": .raw("<svg></svg>"),
    "items": [
        ["name": .string("\(marker) một"), "n": 1, "tags": ["a", .string(marker)]],
        ["name": "hai", "n": 2, "tags": []],
    ],
    "nested": ["deeper": ["deepest": .string("=1+\(marker)")]],
    "lines": .string("# a\n- b\n1. c | d `e` *f* _g_ [h](i) ~j~ \\ &amp;"),
]

/// `value` with every list, however deep, made lazy.
func madeLazy(_ value: TemplateValue) -> TemplateValue {
    switch value {
    case .list(let items):
        let lazyItems = items.map(madeLazy)
        return .lazyList(LazyTemplateList(count: lazyItems.count) { lazyItems[$0] })
    case .object(let fields): return .object(fields.mapValues(madeLazy))
    default: return value
    }
}

let lazyContext = madeLazy(context)

/// The text rendered, or the problems reported with their places.
func outcome(_ template: Template, _ context: TemplateValue, _ escaping: TemplateEscaping,
             _ partials: [String: Template]) -> String {
    do {
        return "text: " + (try template.rendered(context, escaping: escaping, partials: partials))
    } catch let error as InputError {
        return error.diagnostics.map { "\($0.location) \($0.code) \($0.message) \($0.hint ?? "")" }.joined(separator: "\n")
    } catch {
        return "unexpected \(error)"
    }
}

func mustHold(_ condition: Bool, _ message: @autoclosure () -> String) { FuzzSupport.check(condition, message()) }

/// The five references the HTML escaping writes, decoded scalar by scalar. (Foundation's
/// `replacingOccurrences` compares characters, so `&lt;` followed by a combining mark, one
/// character `;͏`, went unmatched: the fuzzer's second finding was this check's.)
func htmlUnescaped(_ html: String) -> String {
    let references: [(String, Unicode.Scalar)] = [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")]
    let scalars = Array(html.unicodeScalars)
    var result = String.UnicodeScalarView()
    var index = 0
    scanning: while index < scalars.count {
        if scalars[index] == "&" {
            for (reference, scalar) in references {
                let candidate = Array(reference.unicodeScalars)
                if scalars[index...].starts(with: candidate) {
                    result.append(scalar)
                    index += candidate.count
                    continue scanning
                }
            }
        }
        result.append(scalars[index])
        index += 1
    }
    return String(result)
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTemplate(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let input = UnsafeBufferPointer(start: data, count: size)
    let parts = input.split(separator: 0, maxSplits: 4, omittingEmptySubsequences: false)
        .map { String(decoding: $0, as: UTF8.self) }
    var partials: [String: Template] = [:]
    for (index, source) in parts.enumerated().dropFirst() {
        if let partial = try? Template(name: "p\(index)", source: source) { partials["p\(index)"] = partial }
    }
    let source = parts.first ?? ""
    do {
        let template = try Template(name: "fuzz.html", source: source)
        for escaping in [TemplateEscaping.html, .markdown, .none] {
            do {
                let output = try template.rendered(context, escaping: escaping, partials: partials)
                if escaping == .html && output.contains(marker) {
                    let unescapedTag = parts.contains { $0.contains("{{{") || $0.contains("{{&") || $0.contains("{{ &") }
                    let markerInTemplate = parts.contains { $0.contains(marker) || $0.contains("<") }
                    mustHold(unescapedTag || markerInTemplate, "markup from the data reached HTML unescaped")
                }
            } catch let error as InputError {
                mustHold(!error.diagnostics.isEmpty, "a render refused without a diagnostic")
                for diagnostic in error.diagnostics { _ = diagnostic.description }
            }
            mustHold(outcome(template, lazyContext, escaping, partials) == outcome(template, context, escaping, partials),
                     "a lazy list rendered otherwise than the same list held whole")
        }
    } catch let error as InputError {
        mustHold(!error.diagnostics.isEmpty, "a template refused without a diagnostic")
        for diagnostic in error.diagnostics {
            mustHold((diagnostic.location.line ?? 1) >= 1 && (diagnostic.location.column ?? 1) >= 1, "position < 1")
            _ = diagnostic.description
        }
    } catch {
        mustHold(false, "unexpected error \(error)")
    }

    // The escapings on their own.
    let text = String(decoding: input, as: UTF8.self)
    let html = TemplateEscaping.html.escaped(text)
    mustHold(!html.contains(where: { "<>\"'".contains($0) }), "HTML escaping left markup: \(html)")
    mustHold(htmlUnescaped(html).unicodeScalars.elementsEqual(text.unicodeScalars), "HTML escaping lost text")
    for atLineStart in [false, true] {
        let markdown = TemplateEscaping.markdown.escaped(text, atLineStart: atLineStart)
        mustHold(!markdown.contains(where: { $0 == "<" || $0 == ">" || $0.isNewline }), "Markdown escaping left markup or a line break")
        var isEscaped = false
        for scalar in markdown.unicodeScalars {
            mustHold(isEscaped || !"|*`[~".unicodeScalars.contains(scalar), "Markdown escaping left '\(scalar)' active in \(markdown)")
            isEscaped = !isEscaped && scalar == "\\"
        }
    }
    // The input as a page: report.docx converted from its file read back through a small window
    // (a few bytes, so that every kind of token is cut) is the document made from it in memory.
    let page = Array(text.utf8)
    let path = page.withUnsafeBufferPointer { FuzzSupport.write($0, named: "page.html") }
    do {
        let windowed = try WordDocument.make(fromHTMLFile: path, shownAs: "report.docx", windowSize: 1 + size % 61)
        mustHold(windowed == WordDocument.make(fromHTML: text), "report.docx read through a window differs from the page in memory")
    } catch {
        mustHold(false, "the page could not be read back: \(error)")
    }
    let cell = CSVWriter.escape(text)
    let first = cell.hasPrefix("\"") ? cell.dropFirst().unicodeScalars.first : cell.unicodeScalars.first
    mustHold(first.map { !"=+-@\t\r".unicodeScalars.contains($0) } ?? true, "a CSV cell could run as a formula: \(cell)")
    return 0
}
