extension HTMLToWordprocessingML {
    // MARK: - Paragraphs and runs

    /// Appends the runs of `nodes` to `runList`, their text collapsed into `runText` as a
    /// browser collapses white space (`atLineStart` carried from run to run, reset by a break).
    private mutating func runs(_ nodes: [Inline], style: ParagraphStyle, atLineStart: inout Bool) {
        for node in nodes {
            switch node {
            case .text(let range):
                let start = runText.count
                let (bytes, range) = reader.text(range)
                if HTMLText.hasReference(bytes, range) {
                    decoded.removeAll(keepingCapacity: true)
                    HTMLText.appendDecoded(bytes, range, to: &decoded)
                    HTMLText.appendCollapsingWhitespace(decoded, decoded.indices, atLineStart: &atLineStart, to: &runText)
                } else {
                    HTMLText.appendCollapsingWhitespace(bytes, range, atLineStart: &atLineStart, to: &runText)
                }
                runList.append(Run(start: start, end: runText.count, bold: style.bold, italic: style.italic, underline: style.underline, size: style.size))
            case .element(let name, let classes, let children):
                // A rule under a header line (`<span class="rule">`, drawn as a block in HTML)
                // ends that line in Word.
                if name == "br" || (name == "span" && classes.contains(.rule)) {
                    runList.append(Run(start: runText.count, end: runText.count, isBreak: true))
                    atLineStart = true
                    continue
                }
                if name == "figure" || name == "img" { continue }
                var inner = Self.style(name: name, classes: classes, inheriting: style)
                inner.alignment = style.alignment
                runs(children, style: inner, atLineStart: &atLineStart)
            }
        }
    }

    /// Breaks a one-line paragraph too long for `width` at the space that leaves two lines of the
    /// most even length ("ỦY BAN NHÂN DÂN" / "TỈNH VĨNH LONG"), as the page's `text-wrap: balance`
    /// does; a paragraph that fits, has a break already or needs more than two lines is left to Word.
    private mutating func balanceLine(width: Int, size: Int) {
        guard !runList.contains(where: \.isBreak), let first = runList.first, let last = runList.last else { return }
        // A capital of Times New Roman is about 0,62 em wide, spaces included; `size` is in half-points.
        let perCharacter = size * 10 * 62 / 100
        func characters(_ range: Range<Int>) -> Int { runText[range].reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) } }
        let text = first.start..<last.end
        let total = characters(text)
        guard total * perCharacter > width else { return }
        var best: (position: Int, longer: Int)?
        for run in runList {
            for position in run.start..<run.end where runText[position] == 0x20 {
                let longer = max(characters(text.lowerBound..<position), characters((position + 1)..<text.upperBound))
                if longer < best?.longer ?? .max { best = (position, longer) }
            }
        }
        guard let best, best.longer * perCharacter <= width,
              let index = runList.firstIndex(where: { $0.start <= best.position && best.position < $0.end }) else { return }
        var left = runList[index], right = runList[index]
        left.end = best.position
        right.start = best.position + 1
        runList.replaceSubrange(index...index, with: [left, Run(start: best.position, end: best.position, isBreak: true), right])
    }

    /// Shortens a run by the spaces (U+0020) at its end.
    private mutating func dropTrailingSpaces(_ index: Int) {
        while runList[index].end > runList[index].start && runText[runList[index].end - 1] == 0x20 { runList[index].end -= 1 }
    }

    /// One `<w:p>` from inline content, whitespace collapsed as a browser would; empty when it
    /// has no text.
    mutating func paragraph(_ nodes: [Inline], style: ParagraphStyle) -> [UInt8] {
        runText.removeAll(keepingCapacity: true)
        runList.removeAll(keepingCapacity: true)
        var atLineStart = true
        runs(nodes, style: style, atLineStart: &atLineStart)
        // Drop white space at the end and before line breaks.
        for index in runList.indices where runList[index].isBreak {
            var back = index - 1
            while back >= 0, !runList[back].isBreak {
                dropTrailingSpaces(back)
                if runList[back].end > runList[back].start { break }
                back -= 1
            }
        }
        if let last = runList.lastIndex(where: { !$0.isBreak }) {
            var back = last
            while back >= 0 {
                dropTrailingSpaces(back)
                if runList[back].end > runList[back].start || runList[back].isBreak { break }
                back -= 1
            }
        }
        while runList.last?.isBreak == true { runList.removeLast() }
        guard runList.contains(where: { $0.end > $0.start }) else { return [] }
        if let width = style.balancedWidth { balanceLine(width: width, size: style.size ?? 28) }
        if let bullet = style.bullet {
            let start = runText.count
            runText.append(contentsOf: bullet.utf8)
            runList.insert(Run(start: start, end: runText.count, size: style.size), at: 0)
        }

        var xml: [UInt8] = []
        xml.reserveCapacity(128 + runText.count + runList.count * 64)
        xml.append(contentsOf: "<w:p><w:pPr>".utf8)
        // A data table's cell (13 pt, 2 pt above and below) takes its look from a paragraph
        // style, not from the same formatting repeated in each of a national table's cells.
        let tableStyle = WordDocument.TableParagraphStyle(style)
        if let heading = style.heading {
            xml.append(contentsOf: "<w:pStyle w:val=\"\(heading)\"/>".utf8)
        } else if let tableStyle {
            xml.append(contentsOf: tableStyle.reference.utf8)
        }
        if style.keepNext { xml.append(contentsOf: "<w:keepNext/>".utf8) }
        if tableStyle == nil && (style.spacingBefore != nil || style.spacingAfter != nil) {
            xml.append(contentsOf: "<w:spacing".utf8)
            if let before = style.spacingBefore {
                xml.append(contentsOf: " w:before=\"".utf8)
                xml.appendDecimal(before)
                xml.append(0x22)
            }
            if let after = style.spacingAfter {
                xml.append(contentsOf: " w:after=\"".utf8)
                xml.appendDecimal(after)
                xml.append(0x22)
            }
            xml.append(contentsOf: "/>".utf8)
        }
        if let alignment = tableStyle == nil ? style.alignment : tableStyle?.alignment == style.alignment ? nil : style.alignment ?? "both" {
            xml.append(contentsOf: "<w:jc w:val=\"".utf8)
            xml.append(contentsOf: alignment.utf8)
            xml.append(contentsOf: "\"/>".utf8)
        }
        xml.append(contentsOf: "</w:pPr>".utf8)
        for run in runList {
            if run.isBreak {
                xml.append(contentsOf: "<w:r><w:br/></w:r>".utf8)
                continue
            }
            guard run.end > run.start else { continue }
            xml.append(contentsOf: "<w:r>".utf8)
            // Within a table's paragraph style, its 13 pt is the size to differ from.
            let size = tableStyle == nil ? run.size : run.size == WordDocument.TableParagraphStyle.size ? nil : run.size ?? 28
            if run.bold || run.italic || size != nil || run.underline {
                xml.append(contentsOf: "<w:rPr>".utf8)
                if run.bold { xml.append(contentsOf: "<w:b/><w:bCs/>".utf8) }
                if run.italic { xml.append(contentsOf: "<w:i/><w:iCs/>".utf8) }
                if let size {
                    xml.append(contentsOf: "<w:sz w:val=\"".utf8)
                    xml.appendDecimal(size)
                    xml.append(contentsOf: "\"/><w:szCs w:val=\"".utf8)
                    xml.appendDecimal(size)
                    xml.append(contentsOf: "\"/>".utf8)
                }
                if run.underline { xml.append(contentsOf: "<w:u w:val=\"single\"/>".utf8) }  // after the size: Word checks the order
                xml.append(contentsOf: "</w:rPr>".utf8)
            }
            xml.append(contentsOf: "<w:t xml:space=\"preserve\">".utf8)
            XMLText.appendEscaped(runText[run.start..<run.end], to: &xml)
            xml.append(contentsOf: "</w:t></w:r>".utf8)
        }
        xml.append(contentsOf: "</w:p>".utf8)
        return xml
    }

    // MARK: - The text rules on Strings

    /// `text` with each run of white space (but the no-break space) made one space, and none at
    /// a line's start; by scalars, so a combining mark after a space is kept, not dropped with it.
    static func collapsingWhitespace(_ text: String, atLineStart: inout Bool) -> String {
        let bytes = Array(text.utf8)
        var result: [UInt8] = []
        HTMLText.appendCollapsingWhitespace(bytes, bytes.indices, atLineStart: &atLineStart, to: &result)
        return String(decoding: result, as: UTF8.self)
    }

    /// Removes the spaces at the end of `text`.
    static func dropTrailingSpaces(_ text: inout String) {
        while text.utf8.last == 0x20 { text.removeLast() }
    }

    /// The longest word of `text` and its whole length, in characters as a reader counts them
    /// (see `HTMLText.Lengths`).
    static func lengths(_ text: String) -> (longestWord: Int, length: Int) {
        var lengths = HTMLText.Lengths()
        lengths.add(text.utf8.span)
        return (lengths.longestWord, lengths.length)
    }
}
