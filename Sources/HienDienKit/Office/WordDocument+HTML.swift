import Foundation

extension WordDocument {
    /// The report's HTML (the templates' well-formed subset) as a `.docx`: the same document,
    /// ready to edit, number and sign in Word.
    ///
    /// Headings, paragraphs, lists (as “- ” lines, as the decree's documents write them),
    /// tables (header rows repeated on every page, column widths from `<colgroup>`; tables with
    /// `role="presentation"` — the header block and the signature — without borders),
    /// `strong`/`b`, `em`/`i`, `br`, and the classes of the header block and signature. An
    /// element marked landscape (a class with `landscape`, `data-orientation="landscape"` or a
    /// landscape named page in its style) is set on landscape pages of its own section.
    /// Charts (`svg`, in `figure`) are left out: their figures are in the tables beside them.
    /// Any other element gives its text.
    ///
    /// The HTML is read as a stream (`HTMLReader`), never as a whole tree: what is held is the
    /// open elements, one paragraph's inline content, and one table's column widths.
    static func make(fromHTML html: String) -> [UInt8] {
        make(reading: HTMLReader(Array(html.utf8)))
    }

    /// The same from the HTML's UTF-8 bytes (invalid sequences read as U+FFFD, as a String reads them).
    static func make(fromHTML html: [UInt8]) -> [UInt8] {
        make(fromHTML: String(decoding: html, as: UTF8.self))
    }

    /// The same from an HTML file hiendien has just written (valid UTF-8), read a window of
    /// `windowSize` bytes at a time: a national report.html (12 MB) is never held whole.
    ///
    /// - Parameter shownPath: The `.docx` file as the user will know it, for the error.
    /// - Throws: `OutputError` (`output.read-back-failed`) when the file cannot be read.
    static func make(fromHTMLFile path: String, shownAs shownPath: String, windowSize: Int = defaultWindow) throws -> [UInt8] {
        let (source, reader) = try open(path, shownAs: shownPath, windowSize: windowSize)
        var converter = convert(reading: reader, into: WordDocument())
        let document = converter.document.bytes(lastSection: converter.orientation, isOnlySection: converter.sections == 0)
        if let failure = source.failure { throw readBackFailure(failure, page: path, document: shownPath) }
        return document
    }

    /// The same written into `file` as it is made (the body deflated as it is converted): what
    /// is held is one window of the page and one piece of the package.
    static func write(fromHTMLFile path: String, into file: OutputFiles.NewFile, windowSize: Int = defaultWindow) throws {
        let (source, reader) = try open(path, shownAs: file.shownPath, windowSize: windowSize)
        var converter = convert(reading: reader, into: WordDocument(writingTo: file))
        if let failure = source.failure { throw readBackFailure(failure, page: path, document: file.shownPath) }
        try converter.document.finish(lastSection: converter.orientation, isOnlySection: converter.sections == 0)
    }

    /// 256 KiB: the page's longest token is some kilobytes; a window of a megabyte held 2 MiB
    /// more at the peak (a table's second reading keeps the window of its start) for no speed.
    static let defaultWindow = 1 << 18

    private static func open(_ path: String, shownAs shownPath: String, windowSize: Int) throws -> (FileWindow.Source, HTMLReader) {
        do {
            let source = try FileWindow.Source(path: path)
            return (source, HTMLReader(FileWindow(source, size: windowSize)))
        } catch {
            throw readBackFailure(error, page: path, document: shownPath)
        }
    }

    /// The error for a page that could not be read back: what failed, where, and what to do.
    private static func readBackFailure(_ failure: FileWindow.ReadFailure, page: String, document: String) -> OutputError {
        let reason = failure.errorNumber.map { String(cString: strerror($0)) } ?? "the file ended early: it was changed while it was read"
        var error = OutputError(path: document, code: "output.read-back-failed",
                                reason: "reading the page it is made from (\((page as NSString).lastPathComponent)) failed at byte \(failure.offset) (\(reason))",
                                hint: "check the disk (a read error) and that nothing else writes into the output folder, then run the command again")
        error.errorNumber = failure.errorNumber
        return error
    }

    /// Converts what `reader` reads into `document`; the reader decodes scalars from lead bytes:
    /// its input must be valid UTF-8.
    private static func convert(reading reader: HTMLReader, into document: WordDocument) -> HTMLToWordprocessingML {
        var converter = HTMLToWordprocessingML(reader: reader, document: document)
        let rest = converter.blocks(style: ParagraphStyle(), width: PageSetup.textWidth(.portrait), topLevel: true)
        converter.emit(rest)
        return converter
    }

    /// Converts what `reader` reads into a document kept in memory.
    private static func make(reading reader: HTMLReader) -> [UInt8] {
        var converter = convert(reading: reader, into: WordDocument())
        return converter.document.bytes(lastSection: converter.orientation, isOnlySection: converter.sections == 0)
    }
}

/// How a paragraph and its runs look.
struct ParagraphStyle {
    var bold = false, italic = false, underline = false
    /// Half-points (28 = 14 pt); nil keeps the document's 14 pt.
    var size: Int?
    /// `left`, `center`, `right`, `both`; nil keeps justified.
    var alignment: String?
    var heading: String?
    var spacingBefore: Int?, spacingAfter: Int?
    var keepNext = false
    var bullet: String?
    /// The width (twips) of a line broken where it leaves two lines of even length, as a browser's
    /// `text-wrap: balance` does for the header block's names; nil lets Word fill lines.
    var balancedWidth: Int?
}

/// Reads `HTMLReader`'s events and writes WordprocessingML blocks as UTF-8 bytes, keeping only
/// the open elements (in its own calls), the inline content of the paragraph being read and
/// the column widths of the table being written.
struct HTMLToWordprocessingML {
    var reader: HTMLReader
    var document: WordDocument
    /// The orientation of the section being written.
    var orientation = WordDocument.Orientation.portrait
    /// The orientation the next block asks for (a landscape element just ended).
    var wanted = WordDocument.Orientation.portrait
    /// Sections closed so far.
    private(set) var sections = 0
    /// Set just before a top-level block with nothing pending before it: a table there may
    /// write its rows into the document as it goes instead of returning them whole
    /// (a national appendix table is 60 MB of XML).
    var mayStreamTable = false
    /// Reused by each paragraph: its runs' text (collapsed, not yet escaped) and runs.
    var runText: [UInt8] = []
    var runList: [Run] = []
    var decoded: [UInt8] = []

    init(reader: HTMLReader, document: WordDocument = WordDocument()) {
        self.reader = reader
        self.document = document
    }

    struct Run {
        /// Its text: `runText[start..<end]`.
        var start: Int, end: Int
        var bold = false, italic = false, underline = false
        var size: Int?
        var isBreak = false
    }

    /// Inline content held until its paragraph is written; text is a range of the input.
    indirect enum Inline {
        case text(Range<Int>)
        case element(name: String, classes: HTMLClasses, children: [Inline])
    }

    mutating func emit(_ xml: [UInt8]) {
        guard !xml.isEmpty else { return }
        if wanted != orientation { breakSection(to: wanted) }
        document.appendBody(xml)
    }

    /// Ends the current section and starts one in `next` orientation on a new page.
    private mutating func breakSection(to next: WordDocument.Orientation) {
        if !document.isBodyEmpty {
            document.appendBody(Array(("<w:p><w:pPr>" + WordDocument.PageSetup.properties(orientation, isFirst: sections == 0) + "</w:pPr></w:p>").utf8))
            sections += 1
        }
        orientation = next
        wanted = next
    }

    /// Whether the element just opened asks for landscape pages.
    private func isLandscape() -> Bool {
        if reader.attribute("data-orientation")?.lowercased() == "landscape" { return true }
        let classes = (reader.attribute("class") ?? "").split(whereSeparator: \.isWhitespace)
        if classes.contains(where: { $0.lowercased().contains("landscape") }) { return true }
        let style = (reader.attribute("style") ?? "").lowercased().replacingOccurrences(of: " ", with: "")
        return style.contains("page:landscape") || style.contains("size:a4landscape") || style.contains("size:landscape")
    }

    static let blockElements: Set<String> = [
        "html", "body", "main", "section", "article", "header", "footer", "nav", "aside", "div", "p", "h1", "h2", "h3",
        "h4", "h5", "h6", "ul", "ol", "li", "table", "figure", "figcaption", "caption", "blockquote", "dl", "dt", "dd", "hr",
        "colgroup", "thead", "tbody", "tfoot", "tr",
    ]

    /// The blocks for the children of the element last opened, read up to its end: runs of
    /// inline content become paragraphs in `style`. At the top level (not inside a table) a
    /// landscape element gets a section of its own. `pending` is inline content already read;
    /// with `blockOpen` the reader stands on a block child just opened.
    mutating func blocks(style: ParagraphStyle, width: Int, topLevel: Bool, pending: [Inline] = [], blockOpen: Bool = false) -> [UInt8] {
        var xml: [UInt8] = []
        var pending = pending
        var isOpen = blockOpen
        while true {
            if !isOpen {
                switch reader.next() {
                case .close, .end:
                    if !pending.isEmpty { xml += paragraph(pending, style: style) }
                    return xml
                case .text(let range):
                    pending.append(.text(range))
                    continue
                case .open:
                    guard Self.blockElements.contains(reader.tagName) else {
                        pending.append(inline())
                        continue
                    }
                }
            }
            isOpen = false
            if !pending.isEmpty { xml += paragraph(pending, style: style) }
            pending = []
            if topLevel && orientation == .portrait && isLandscape() {
                emit(xml)
                xml = []
                breakSection(to: .landscape)
                emit(block(style: style, width: WordDocument.PageSetup.textWidth(.landscape), topLevel: true))
                wanted = .portrait
                continue
            }
            mayStreamTable = topLevel && xml.isEmpty
            let converted = block(style: style, width: width, topLevel: topLevel)
            mayStreamTable = false
            if topLevel {
                emit(xml)
                xml = []
                emit(converted)
            } else {
                xml += converted
            }
        }
    }

    /// The block element just opened, read up to its end.
    private mutating func block(style parent: ParagraphStyle, width: Int, topLevel: Bool) -> [UInt8] {
        let name = reader.tagName
        let classes = reader.classes
        var style = Self.style(name: name, classes: classes, inheriting: parent)
        if classes.contains(.appendix) || classes.contains(.pageBreak) {
            let inner = blocks(style: style, width: width, topLevel: topLevel)
            return orientation == wanted && !document.isBodyEmpty ? Array("<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>".utf8) + inner : inner
        }
        switch name {
        case "figure", "colgroup", "hr":
            reader.skipElement()
            return []
        case "table": return table(style: style, width: width)
        case "ul", "ol":
            var xml: [UInt8] = []
            var index = 0
            while true {
                switch reader.next() {
                case .close, .end: return xml
                case .text: continue
                case .open:
                    guard reader.tagName == "li" else {
                        reader.skipElement()
                        continue
                    }
                    var itemStyle = Self.style(name: "li", classes: reader.classes, inheriting: style)
                    itemStyle.bullet = name == "ol" ? "\(index + 1). " : "- "
                    index += 1
                    xml += blocks(style: itemStyle, width: width, topLevel: false)
                }
            }
        case "div" where classes.contains(.signatureSpace):
            reader.skipElement()
            return Array(String(repeating: "<w:p/>", count: 3).utf8)
        default:
            if classes.contains(.issuer) || classes.contains(.bodyName) { style.balancedWidth = width }
            // Inline content is held until a block child shows the element holds blocks.
            var pending: [Inline] = []
            while true {
                switch reader.next() {
                case .close, .end:
                    style.bullet = parent.bullet
                    let text = paragraph(pending, style: style)
                    return classes.contains(.bodyName) && !text.isEmpty ? text + Self.shortRule(width: width) : text
                case .text(let range): pending.append(.text(range))
                case .open:
                    if Self.blockElements.contains(reader.tagName) {
                        return blocks(style: style, width: width, topLevel: topLevel, pending: pending, blockOpen: true)
                    }
                    pending.append(inline())
                }
            }
        }
    }

    /// The inline element just opened, with its contents, read up to its end.
    mutating func inline() -> Inline {
        let name = reader.tagName
        let classes = reader.classes
        var children: [Inline] = []
        while true {
            switch reader.next() {
            case .close, .end: return .element(name: name, classes: classes, children: children)
            case .text(let range): children.append(.text(range))
            case .open: children.append(inline())
            }
        }
    }

    /// The line under the body's name (Decree 30: a solid line a third to a half as long as the
    /// name, centred under it): an empty paragraph 3 pt high whose top border runs between
    /// indents, a third of `width` long.
    static func shortRule(width: Int) -> [UInt8] {
        let indent = width / 3
        return Array(("<w:p><w:pPr><w:pBdr><w:top w:val=\"single\" w:sz=\"6\" w:space=\"0\" w:color=\"auto\"/></w:pBdr>"
            + "<w:spacing w:before=\"40\" w:after=\"0\" w:line=\"60\" w:lineRule=\"exact\"/>"
            + "<w:ind w:left=\"\(indent)\" w:right=\"\(indent)\"/></w:pPr></w:p>").utf8)
    }

    /// The look the decree gives each part of the report, by element and class.
    static func style(name: String, classes: HTMLClasses, inheriting parent: ParagraphStyle) -> ParagraphStyle {
        var style = parent
        style.heading = nil
        style.bullet = nil
        style.balancedWidth = nil
        // By length and first letter before the name itself: a national table asks this of
        // every `tr` and `td`.
        let utf8 = name.utf8
        switch (utf8.count, utf8.first) {
        case (2, UInt8(ascii: "h")), (1, UInt8(ascii: "b")), (1, UInt8(ascii: "i")), (2, UInt8(ascii: "e")), (7, UInt8(ascii: "c")),
             (10, UInt8(ascii: "f")), (2, UInt8(ascii: "t")), (6, UInt8(ascii: "s")):
            switch name {
            case "h1": style.heading = "Heading1"
            case "h2": style.heading = "Heading2"
            case "h3", "h4", "h5", "h6": style.heading = "Heading3"
            case "caption", "figcaption": style.bold = true; style.keepNext = true; style.alignment = "center"
            case "th": style.bold = true; style.alignment = "center"
            case "b", "strong": style.bold = true
            case "i", "em": style.italic = true
            default: break
            }
        default: break
        }
        guard !classes.isEmpty else { return style }
        for (name, member) in HTMLClasses.byName where classes.contains(member) {
            switch name {
            case "doc-title": style.bold = true; style.alignment = "center"; style.spacingBefore = 240; style.spacingAfter = 0
            case "doc-subject": style.bold = true; style.alignment = "center"
            case "doc-scope": style.italic = true; style.alignment = "center"; style.size = 26
            case "issuer": style.size = 25; style.alignment = "center"
            case "number": style.size = 26; style.alignment = "center"
            case "body-name": style.bold = true; style.size = 25; style.alignment = "center"
            case "nation": style.bold = true; style.size = 24; style.alignment = "center"
            case "motto", "signer-title", "signer-name": style.bold = true; style.alignment = "center"
            case "place-date": style.italic = true; style.alignment = "center"
            case "note", "empty": style.italic = true; style.size = min(style.size ?? 28, 26)
            case "recipients-title": style.bold = true; style.italic = true; style.size = 24; style.alignment = "left"
            case "recipients": style.size = 22; style.alignment = "left"
            case "num": style.alignment = "right"
            case "center": style.alignment = "center"
            case "total": style.bold = true
            case "rule-full": style.underline = true
            case "subject": style.size = 24; style.alignment = "center"
            case "text-left": style.alignment = "left"
            case "text-right": style.alignment = "right"
            default: break
            }
        }
        return style
    }
}
