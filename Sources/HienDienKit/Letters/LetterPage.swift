/// The HTML page a letter or note is printed from: A4 with Decree 30's margins (top and bottom
/// 20 mm, left 30 mm, right 15 mm), Times New Roman 14 pt, self-contained.
enum LetterPage {
    /// `body` (already HTML) in a complete page titled `title`.
    static func html(title: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="vi">
        <head>
        <meta charset="utf-8">
        <title>\(escape(title))</title>
        <style>
        @page { size: A4; margin: 20mm 15mm 20mm 30mm; }
        body { font-family: "Times New Roman", "Liberation Serif", Times, serif; font-size: 14pt; line-height: 1.3; margin: 0; color: #000; }
        table.doc-header { width: 100%; border-collapse: collapse; table-layout: fixed; margin-bottom: 6pt; }
        table.doc-header td { border: none; padding: 0; vertical-align: top; text-align: center; }
        table.doc-header col.left { width: 42%; }
        table.doc-header col.right { width: 58%; }
        .issuer { font-size: 12.5pt; text-transform: uppercase; text-wrap: balance; }
        .body-name { font-size: 12.5pt; font-weight: bold; text-transform: uppercase; text-wrap: balance; }
        .nation { font-size: 12pt; font-weight: bold; white-space: nowrap; }
        .motto { font-size: 13pt; font-weight: bold; white-space: nowrap; }
        .rule-short, .rule-full { display: inline-block; }
        .rule-short::after, .rule-full::after { content: ""; display: block; margin: 1pt auto 0; border-top: 1px solid #000; }
        .rule-short::after { width: 36%; }
        .rule-full::after { width: 100%; }
        .number { margin-top: 6pt; font-size: 13pt; }
        .place-date { margin-top: 6pt; font-size: 13pt; font-style: italic; }
        .subject { font-size: 12pt; margin-top: 4pt; }
        table.addressees { width: 100%; border-collapse: collapse; table-layout: fixed; margin: 12pt 0 12pt 0; }
        table.addressees td { vertical-align: top; padding: 0; }
        table.addressees td.text-right { text-align: right; padding-right: 6pt; }
        .text-left { text-align: left; }
        p { text-align: justify; text-indent: 1cm; margin: 0 0 6pt 0; }
        h1 { font-size: 14pt; text-align: center; margin: 12pt 0 6pt 0; }
        table.fix { width: 100%; border-collapse: collapse; font-size: 12pt; margin: 6pt 0 10pt 0; }
        table.fix th, table.fix td { border: 1px solid #000; padding: 3pt 4pt; vertical-align: top; }
        table.fix th { font-weight: bold; text-align: center; }
        .footer { width: 100%; border-collapse: collapse; margin-top: 12pt; page-break-inside: avoid; }
        .footer td { vertical-align: top; padding: 0; }
        .footer .recipients { font-size: 11pt; }
        .footer .signer-title { text-align: center; font-weight: bold; }
        .footer .recipients-title { font-weight: bold; font-style: italic; font-size: 12pt; }
        .signature-space { height: 60pt; }
        </style>
        </head>
        <body>
        \(body)
        </body>
        </html>

        """
    }

    /// Text made safe inside HTML elements and attributes: the templates' HTML escaping, which
    /// works scalar by scalar (a `<` followed by a combining mark is one Character, and still markup).
    /// "Kính gửi:" and the addressees after it (`markup`, already escaped; several as lines),
    /// the list starting under one another as a công văn sets it, in HTML and in Word alike.
    static func addressees(_ markup: String) -> String {
        "<table class=\"addressees\" role=\"presentation\"><colgroup><col style=\"width: 30%\"><col style=\"width: 70%\"></colgroup>"
            + "<tr><td class=\"text-right\">Kính gửi:</td><td class=\"text-left\">\(markup)</td></tr></table>\n"
    }

    static func escape(_ text: String) -> String {
        TemplateEscaping.html.escaped(text)
    }

    /// Text made safe in a Markdown table cell or paragraph: `|`, `*`, `_`, `` ` `` and `[` escaped.
    static func markdown(_ text: String) -> String {
        var result = ""
        for character in text {
            if "|*_`[]\\".contains(character) { result.append("\\") }
            result.append(character == "\n" ? " " : character)
        }
        return result
    }
}
