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
        .header { width: 100%; border-collapse: collapse; margin-bottom: 6pt; }
        .header td { vertical-align: top; text-align: center; padding: 0; font-size: 13pt; }
        .header .left { width: 45%; font-size: 12pt; }
        .header .right { width: 55%; font-size: 12.5pt; }
        .header .right b { white-space: nowrap; }
        .upper { text-transform: none; }
        .rule { display: block; width: 35%; margin: 1pt auto 4pt auto; border-top: 1px solid #000; }
        .rule.long { width: 60%; }
        .motto { font-weight: bold; }
        .date { font-style: italic; }
        .subject { font-size: 12pt; margin-top: 4pt; }
        .recipient { margin: 12pt 0 12pt 0; }
        .recipient td { vertical-align: top; padding: 0 4pt 0 0; }
        .recipient td:first-child { white-space: nowrap; }
        p { text-align: justify; text-indent: 1cm; margin: 0 0 6pt 0; }
        h1 { font-size: 14pt; text-align: center; margin: 12pt 0 6pt 0; }
        table.fix { width: 100%; border-collapse: collapse; font-size: 12pt; margin: 6pt 0 10pt 0; }
        table.fix th, table.fix td { border: 1px solid #000; padding: 3pt 4pt; vertical-align: top; }
        table.fix th { font-weight: bold; text-align: center; }
        table.fix td:nth-child(2) { width: 16%; }
        table.fix td:nth-child(3) { width: 12%; }
        .footer { width: 100%; border-collapse: collapse; margin-top: 12pt; page-break-inside: avoid; }
        .footer td { vertical-align: top; padding: 0; }
        .footer .left { width: 50%; font-size: 11pt; }
        .footer .right { width: 50%; text-align: center; font-weight: bold; }
        .footer .left b { font-style: italic; font-size: 12pt; }
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
