/// The report's HTML as a stream of events — an element opens, text, an element closes — read
/// from its UTF-8 bytes without building a tree, so that a national report (12 MB of HTML) is
/// converted holding only the open elements.
///
/// Reads the templates' own well-formed subset tolerantly: void elements (`br`, `col`, `meta`…)
/// need no end tag, an end tag without its start is ignored, one that closes an outer element
/// closes the inner ones too (a `close` for each), the end of the input closes all; comments and
/// the doctype are skipped; the contents of `style`, `script`, `head` and `svg` are not text.
/// Tag and attribute names are ASCII (letters, digits, `-`), markup white space is ASCII, and a
/// text event is the run of bytes between two tags, entities not yet replaced.
///
/// The input is in memory or in a file read through a `FileWindow` (report.html, 256 KiB at a time):
/// positions in events are byte offsets in the whole input either way, and the events are the
/// same. A reader is a value: a copy taken at an element's start reads that element again (a
/// table is read twice, once for its column widths, once to convert it), through a window of
/// its own.
struct HTMLReader {
    enum Event: Equatable {
        /// An element starts: its name and attributes are the reader's `tagName` and `attribute(_:)`
        /// until the next event.
        case open
        /// Text (bytes of the input, character references not replaced).
        case text(Range<Int>)
        /// The innermost open element ends.
        case close
        /// The input has ended and every element is closed.
        case end
    }

    /// The input, or the window over it; positions below (but in events) are indices in its bytes.
    private var input: FileWindow
    private var index = 0
    private var textStart = 0
    /// The names of the open elements, the document's root (`#document`) first.
    private var stack: [String] = ["#document"]
    private var queuedText: Range<Int>?
    private var queuedOpen = false
    private var queuedCloses = 0
    private var finished = false
    /// After the start tag of an element whose contents are not text: its end tag, lowercased,
    /// to skip to before reading on.
    private var opaqueEnd: [UInt8]?

    /// The name of the element the last `open` started, lowercased.
    private(set) var tagName = ""
    /// Its attributes as byte ranges of names and values, in the order written.
    private var attributeRanges: [(name: Range<Int>, value: Range<Int>)] = []

    static let voidElements: Set<String> = ["br", "col", "meta", "link", "img", "hr", "input", "wbr", "source", "area", "base"]
    static let opaqueElements: Set<String> = ["style", "script", "head", "svg", "title", "template"]

    /// A reader of `bytes` (valid UTF-8), held whole.
    init(_ bytes: [UInt8]) {
        input = FileWindow(bytes)
    }

    /// A reader of a file (valid UTF-8) through `window`.
    init(_ window: FileWindow) {
        input = window
    }

    /// How many elements are open (the root not counted).
    var depth: Int { stack.count - 1 - queuedCloses }

    /// The next event.
    mutating func next() -> Event {
        while true {
            if let text = queuedText {
                queuedText = nil
                return .text((text.lowerBound + input.start)..<(text.upperBound + input.start))
            }
            if queuedOpen {
                queuedOpen = false
                return .open
            }
            if queuedCloses > 0 {
                queuedCloses -= 1
                stack.removeLast()
                return .close
            }
            if finished { return .end }
            scan()
        }
    }

    /// Reads past the end of the element just opened (its contents are not wanted).
    mutating func skipElement() {
        var depth = 1
        while depth > 0 {
            switch next() {
            case .open: depth += 1
            case .close: depth -= 1
            case .text: break
            case .end: return
            }
        }
    }

    // MARK: - Attributes of the element just opened

    /// The value of attribute `name` (lowercase ASCII) with its character references replaced;
    /// the last one when it is written twice.
    func attribute(_ name: String) -> String? {
        for (attributeName, value) in attributeRanges.reversed() where matches(attributeName, name.utf8) {
            return HTMLNode.decode(windowString(value))
        }
        return nil
    }

    /// Whether the attribute's name, lowercased as the tree does it, is `wanted`.
    private func matches(_ range: Range<Int>, _ wanted: String.UTF8View) -> Bool {
        let span = input.bytes.span
        var isASCII = true
        for position in range where span[position] >= 0x80 { isASCII = false }
        guard isASCII else { return windowString(range).lowercased().utf8.elementsEqual(wanted) }
        guard range.count == wanted.count else { return false }
        var position = range.lowerBound
        for byte in wanted {
            if Self.lowercased(span[position]) != byte { return false }
            position += 1
        }
        return true
    }

    /// The classes the Word conversion knows in the element's `class` attribute, read from its
    /// bytes when it is plain ASCII without references.
    var classes: HTMLClasses {
        guard let value = attributeRanges.last(where: { matches($0.name, "class".utf8) })?.value else { return HTMLClasses() }
        let span = input.bytes.span
        for position in value where span[position] >= 0x80 || span[position] == UInt8(ascii: "&") {
            return HTMLClasses(HTMLNode.decode(windowString(value)))
        }
        return HTMLClasses(ascii: span.extracting(value))
    }

    /// Every attribute, names lowercased, values with references replaced (the last of a name wins).
    var attributes: [String: String] {
        var result: [String: String] = [:]
        for (name, value) in attributeRanges { result[windowString(name).lowercased()] = HTMLNode.decode(windowString(value)) }
        return result
    }

    // MARK: - Text

    /// The bytes of a text event's `range` (offsets in the input), as an array and the range in
    /// it: the window when it still holds them (no copy), else read again from the file — a
    /// paragraph's text is held as ranges until the paragraph is written.
    func text(_ range: Range<Int>) -> (bytes: [UInt8], range: Range<Int>) {
        input.bytes(in: range)
    }

    /// The text at `range` (offsets in the input), character references not replaced.
    func string(_ range: Range<Int>) -> String {
        let (bytes, range) = text(range)
        return String(decoding: bytes[range], as: UTF8.self)
    }

    private func windowString(_ range: Range<Int>) -> String { String(decoding: input.bytes[range], as: UTF8.self) }

    // MARK: - Scanning

    private static func isNameByte(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x2D
    }
    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) }
    private static func lowercased(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte }

    private mutating func flushText(upTo end: Int) {
        if textStart < end { queuedText = textStart..<end }
    }

    /// Closes the open elements down to `depth` (the root is depth 0).
    private mutating func close(to depth: Int) {
        queuedCloses += stack.count - depth
    }

    /// Reads up to the next tag that gives an event, or to the end, sliding the window when a
    /// token runs past its end.
    private mutating func scan() {
        while case .needsMore(let keep) = scanWindow() {
            let before = input.start
            input.slide(keepingFrom: keep)
            let shift = input.start - before
            index -= shift
            textStart -= shift
            // Those of the last start tag, before `keep`: no longer wanted (and no longer held).
            attributeRanges.removeAll(keepingCapacity: true)
        }
    }

    private enum ScanResult {
        case done
        /// A token runs past the window's end: the window is to slide, keeping from this index,
        /// and the token read again. Nothing of the token has been taken.
        case needsMore(keepingFrom: Int)
    }

    /// Reads up to the next tag that gives an event, or to the end of the window. Where the
    /// window reaches the end of the input, what happens at its end is what happens at the end
    /// of an input held whole; elsewhere a token cut by it is read again once it has slid.
    private mutating func scanWindow() -> ScanResult {
        // A local reference to the window, so that its span may be held while `self` changes.
        let window = input.bytes
        let bytes = window.span
        let count = bytes.count
        let isLast = input.reachesEnd
        let less = UInt8(ascii: "<"), greater = UInt8(ascii: ">"), slash = UInt8(ascii: "/"), equals = UInt8(ascii: "=")
        if let end = opaqueEnd {
            // Skip to the matching end tag; the contents are not text.
            var position = index
            search: while position + end.count <= count {
                for offset in end.indices where Self.lowercased(bytes[position + offset]) != end[offset] {
                    position += 1
                    continue search
                }
                break
            }
            index = position
            textStart = index
            if position + end.count > count && !isLast { return .needsMore(keepingFrom: position) }
            opaqueEnd = nil
        }
        while index < count {
            guard bytes[index] == less else {
                index += 1
                continue
            }
            guard index + 1 < count else {
                if !isLast { return .needsMore(keepingFrom: min(textStart, index)) }
                index += 1
                continue
            }
            let next = bytes[index + 1]
            if next == UInt8(ascii: "!") || next == UInt8(ascii: "?") {
                if index + 3 >= count && !isLast { return .needsMore(keepingFrom: min(textStart, index)) }
                let isComment = index + 3 < count && bytes[index + 2] == UInt8(ascii: "-") && bytes[index + 3] == UInt8(ascii: "-")
                var cursor = index + 2
                while cursor < count {
                    if isComment {
                        if bytes[cursor] == greater && cursor >= 2 && bytes[cursor - 1] == UInt8(ascii: "-") && bytes[cursor - 2] == UInt8(ascii: "-") { break }
                    } else if bytes[cursor] == greater { break }
                    cursor += 1
                }
                if cursor >= count && !isLast { return .needsMore(keepingFrom: min(textStart, index)) }
                flushText(upTo: index)
                index = cursor + 1
                textStart = index
                if queuedText != nil { return .done }
                continue
            }
            let isEnd = next == slash
            var cursor = index + (isEnd ? 2 : 1)
            let nameStart = cursor
            while cursor < count, Self.isNameByte(bytes[cursor]) { cursor += 1 }
            if cursor >= count && !isLast { return .needsMore(keepingFrom: min(textStart, index)) }
            guard cursor > nameStart else {
                index += 1  // a '<' that starts no tag is text
                continue
            }
            var isLowercase = true
            for position in nameStart..<cursor where bytes[position] >= 0x41 && bytes[position] <= 0x5A { isLowercase = false }
            let name = isLowercase
                ? String(decoding: window[nameStart..<cursor], as: UTF8.self)
                : String(decoding: window[nameStart..<cursor].map(Self.lowercased), as: UTF8.self)
            // The attributes of the last start tag are wanted only until the next event.
            attributeRanges.removeAll(keepingCapacity: true)
            var selfClosing = false
            while cursor < count, bytes[cursor] != greater {
                let current = bytes[cursor]
                if current == slash { selfClosing = true; cursor += 1; continue }
                if Self.isSpace(current) { cursor += 1; continue }
                let attributeStart = cursor
                while cursor < count, !Self.isSpace(bytes[cursor]), bytes[cursor] != equals, bytes[cursor] != greater, bytes[cursor] != slash {
                    cursor += 1
                }
                let attribute = attributeStart..<cursor
                var value = cursor..<cursor
                if cursor < count, bytes[cursor] == equals {
                    cursor += 1
                    if cursor < count, bytes[cursor] == UInt8(ascii: "\"") || bytes[cursor] == UInt8(ascii: "'") {
                        let quote = bytes[cursor]
                        cursor += 1
                        let valueStart = cursor
                        while cursor < count, bytes[cursor] != quote { cursor += 1 }
                        value = valueStart..<min(cursor, count)
                        cursor += 1
                    } else {
                        let valueStart = cursor
                        while cursor < count, !Self.isSpace(bytes[cursor]), bytes[cursor] != greater { cursor += 1 }
                        value = valueStart..<cursor
                    }
                }
                if attribute.isEmpty { cursor += 1 } else { attributeRanges.append((attribute, value)) }
                selfClosing = false
            }
            if cursor >= count && !isLast { return .needsMore(keepingFrom: min(textStart, index)) }
            flushText(upTo: index)
            index = cursor + 1
            textStart = index
            if isEnd {
                if let depth = stack.lastIndex(of: name), depth > 0 { close(to: depth) }
                if queuedText != nil || queuedCloses > 0 { return .done }
                continue
            }
            stack.append(name)
            tagName = name
            queuedOpen = true
            // `td`, `tr`, `th` (most of a national page) are neither void nor opaque.
            let isCell = name.utf8.count == 2 && name.utf8.first == UInt8(ascii: "t")
            if selfClosing || (!isCell && Self.voidElements.contains(name)) {
                close(to: stack.count - 1)
            } else if !isCell && Self.opaqueElements.contains(name) {
                opaqueEnd = Array("</\(name)".utf8)
            }
            return .done
        }
        if !isLast { return .needsMore(keepingFrom: min(textStart, index)) }
        flushText(upTo: min(index, count))
        close(to: 1)
        finished = true
        return .done
    }
}
