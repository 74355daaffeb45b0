/// A Word document (`.docx`, WordprocessingML) in the page setup of Decree 30/2020/NĐ-CP on
/// administrative documents: A4, margins top 20 mm, bottom 20 mm, left 30 mm, right 15 mm,
/// Times New Roman 14 pt (13 pt in tables), page numbers centred at the top from page 2.
///
/// The body is built by `WordDocument+HTML` from the report's HTML; sections may turn the
/// page to landscape (wide appendices) and back.
struct WordDocument {
    /// Twentieths of a point: 1 mm = 56.7 twips.
    static func twips(millimetres: Double) -> Int { Int((millimetres * 1440 / 25.4).rounded()) }

    enum Orientation: Equatable {
        case portrait, landscape
    }

    /// A4 with the decree's margins.
    struct PageSetup {
        static let width = 11906, height = 16838
        static let top = twips(millimetres: 20), bottom = twips(millimetres: 20)
        static let left = twips(millimetres: 30), right = twips(millimetres: 15)
        /// The page number sits 10 mm from the top edge.
        static let header = twips(millimetres: 10)

        /// The width text may take, in twips.
        static func textWidth(_ orientation: Orientation) -> Int {
            (orientation == .portrait ? width : height) - left - right
        }

        /// `<w:sectPr>` for a section; the first section shows no number on its first page.
        static func properties(_ orientation: Orientation, isFirst: Bool) -> String {
            let (w, h) = orientation == .portrait ? (width, height) : (height, width)
            return "<w:sectPr><w:headerReference w:type=\"default\" r:id=\"rIdHeader\"/>"
                + (isFirst ? "<w:headerReference w:type=\"first\" r:id=\"rIdFirstHeader\"/>" : "")
                + "<w:type w:val=\"nextPage\"/>"
                + "<w:pgSz w:w=\"\(w)\" w:h=\"\(h)\"\(orientation == .landscape ? " w:orient=\"landscape\"" : "")/>"
                + "<w:pgMar w:top=\"\(top)\" w:right=\"\(right)\" w:bottom=\"\(bottom)\" w:left=\"\(left)\" w:header=\"\(header)\" w:footer=\"\(header)\" w:gutter=\"0\"/>"
                + (isFirst ? "<w:titlePg/>" : "") + "</w:sectPr>"
        }
    }

    /// `word/document.xml`, deflated as its blocks (`<w:p>`, `<w:tbl>`, section breaks) are
    /// written: a national report's body (87 MB of XML) is never held whole.
    private let document = DeflateStream()
    /// The package, its parts before the body added at the start, the body's deflated bytes
    /// handed to it as they come (into the file when it writes one).
    private var zip: ZipWriter
    /// Whether no block has been written yet.
    private(set) var isBodyEmpty = true

    /// A document kept in memory: `bytes(lastSection:isOnlySection:)` gives the package.
    init() {
        self.init(zip: ZipWriter())
    }

    /// A document written into `file` as it is made: `finish(lastSection:isOnlySection:)` ends it.
    init(writingTo file: OutputFiles.NewFile) {
        self.init(zip: ZipWriter(writingTo: file))
    }

    private init(zip: ZipWriter) {
        self.zip = zip
        // The parts before the body do not depend on it.
        self.zip.add("[Content_Types].xml", text: OPCPackage.contentTypes([
            ("/word/document.xml", "wordprocessingml.document.main+xml"),
            ("/word/styles.xml", "wordprocessingml.styles+xml"),
            ("/word/settings.xml", "wordprocessingml.settings+xml"),
            ("/word/header1.xml", "wordprocessingml.header+xml"),
            ("/word/header2.xml", "wordprocessingml.header+xml"),
        ]))
        self.zip.add("_rels/.rels", text: OPCPackage.relationships([.init(id: "rId1", type: .officeDocument, target: "word/document.xml")]))
        self.zip.add("word/_rels/document.xml.rels", text: OPCPackage.relationships([
            .init(id: "rIdStyles", type: .styles, target: "styles.xml"),
            .init(id: "rIdSettings", type: .settings, target: "settings.xml"),
            .init(id: "rIdHeader", type: .header, target: "header1.xml"),
            .init(id: "rIdFirstHeader", type: .header, target: "header2.xml"),
        ]))
        self.zip.beginEntry("word/document.xml")
        document.write(OPCPackage.declaration + "<w:document \(Self.namespaces)><w:body>")
    }

    /// Writes blocks (UTF-8 XML) at the end of the body.
    mutating func appendBody(_ xml: [UInt8]) {
        guard !xml.isEmpty else { return }
        document.write(xml)
        isBodyEmpty = false
        zip.appendEntry(document.takePacked())
    }

    /// The `.docx` package (of a document kept in memory), ending with the last section's properties.
    mutating func bytes(lastSection: Orientation, isOnlySection: Bool) -> [UInt8] {
        finishParts(lastSection: lastSection, isOnlySection: isOnlySection)
        return zip.finished()
    }

    /// Ends a document written into its file, with the last section's properties; throws the
    /// first error writing it.
    mutating func finish(lastSection: Orientation, isOnlySection: Bool) throws {
        finishParts(lastSection: lastSection, isOnlySection: isOnlySection)
        try zip.finish()
    }

    private mutating func finishParts(lastSection: Orientation, isOnlySection: Bool) {
        document.write(PageSetup.properties(lastSection, isFirst: isOnlySection) + "</w:body></w:document>")
        let body = document.finish()
        zip.appendEntry(body.packed)
        zip.finishEntry(crc: body.crc, count: body.count)
        zip.add("word/styles.xml", text: OPCPackage.declaration + Self.styles)
        zip.add("word/settings.xml", text: OPCPackage.declaration + """
            <w:settings \(Self.namespaces)><w:defaultTabStop w:val="720"/><w:characterSpacingControl w:val="doNotCompress"/>\
            <w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>
            """)
        // The page number, centred at the top; the first page's header is empty (Decree 30, Art. 4 of Appendix I).
        zip.add("word/header1.xml", text: OPCPackage.declaration + """
            <w:hdr \(Self.namespaces)><w:p><w:pPr><w:jc w:val="center"/></w:pPr>\
            <w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>\
            <w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>2</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p></w:hdr>
            """)
        zip.add("word/header2.xml", text: OPCPackage.declaration + "<w:hdr \(Self.namespaces)><w:p/></w:hdr>")
    }

    /// The paragraph styles of a data table's cells: 13 pt, 2 pt above and below, text to the
    /// left (`TableText`) or numbers to the right (`TableNumber`), as `styles` defines them.
    struct TableParagraphStyle: Equatable {
        static let size = 26
        /// The `<w:pStyle>` naming it.
        let reference: String
        /// The alignment it gives.
        let alignment: String

        /// The style for a paragraph that looks like a data table's cell, else nil.
        init?(_ style: ParagraphStyle) {
            guard style.heading == nil, style.size == Self.size, style.spacingBefore == 40, style.spacingAfter == 40 else { return nil }
            (reference, alignment) = style.alignment == "right"
                ? ("<w:pStyle w:val=\"TableNumber\"/>", "right") : ("<w:pStyle w:val=\"TableText\"/>", "left")
        }
    }

    static let namespaces = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\""

    /// Times New Roman 14 pt, justified, 6 pt after each paragraph, single line spacing.
    static let styles = """
        <w:styles \(namespaces)><w:docDefaults><w:rPrDefault><w:rPr>\
        <w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="Times New Roman" w:cs="Times New Roman"/>\
        <w:sz w:val="28"/><w:szCs w:val="28"/><w:lang w:val="vi-VN"/></w:rPr></w:rPrDefault>\
        <w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="240" w:lineRule="auto"/><w:jc w:val="both"/></w:pPr></w:pPrDefault></w:docDefaults>\
        <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>\
        <w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>\
        <w:pPr><w:keepNext/><w:spacing w:before="240" w:after="120"/><w:jc w:val="center"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>\
        <w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>\
        <w:pPr><w:keepNext/><w:spacing w:before="240" w:after="120"/><w:jc w:val="left"/><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>\
        <w:style w:type="paragraph" w:styleId="Heading3"><w:name w:val="heading 3"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>\
        <w:pPr><w:keepNext/><w:spacing w:before="120" w:after="120"/><w:jc w:val="left"/><w:outlineLvl w:val="2"/></w:pPr><w:rPr><w:b/><w:i/></w:rPr></w:style>\
        <w:style w:type="paragraph" w:customStyle="1" w:styleId="TableText"><w:name w:val="Chữ trong bảng"/><w:basedOn w:val="Normal"/><w:qFormat/>\
        <w:pPr><w:spacing w:before="40" w:after="40"/><w:jc w:val="left"/></w:pPr><w:rPr><w:sz w:val="26"/><w:szCs w:val="26"/></w:rPr></w:style>\
        <w:style w:type="paragraph" w:customStyle="1" w:styleId="TableNumber"><w:name w:val="Số trong bảng"/><w:basedOn w:val="TableText"/><w:qFormat/>\
        <w:pPr><w:jc w:val="right"/></w:pPr></w:style>\
        <w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/>\
        <w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="85" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>\
        </w:styles>
        """
}
