import Foundation

/// Renders a front-matter table as an accessible HTML table: a caption, column
/// headers with `scope="col"`, row headers with `scope="row"`, inside a
/// focusable, labelled region that scrolls when the table is wider than the screen.
enum TableHTML {
    /// The element id a front-matter table gets on its page.
    static func elementID(for table: ContentTable) -> String { "t-\(table.id)" }

    /// Every id the table's markup holds (for anchor checks).
    static func ids(for table: ContentTable) -> Set<String> {
        [elementID(for: table), "\(elementID(for: table))-caption"]
    }

    static func render(_ table: ContentTable) -> String {
        let id = elementID(for: table)
        let captionID = "\(id)-caption"
        var html = HTML.startTag("div", ["class": "table-scroll", "role": "region", "aria-labelledby": captionID, "tabindex": "0"])
        html += HTML.startTag("table", ["id": id]) + HTML.startTag("caption", ["id": captionID])
        html += "\(HTML.escape(table.caption))</caption>"
        html += "<thead><tr>"
        for column in table.columns { html += HTML.startTag("th", ["scope": "col"]) + "\(HTML.escape(column))</th>" }
        html += "</tr></thead><tbody>"
        for row in table.rows {
            html += "<tr>"
            for (index, cell) in row.enumerated() {
                if index == 0 && table.rowHeaders {
                    html += HTML.startTag("th", ["scope": "row"]) + "\(HTML.paragraphs(cell))</th>"
                } else if Self.looksNumeric(cell) {
                    html += HTML.startTag("td", ["class": "num"]) + "\(HTML.paragraphs(cell))</td>"
                } else {
                    html += "<td>\(HTML.paragraphs(cell))</td>"
                }
            }
            html += "</tr>"
        }
        html += "</tbody></table></div>\n"
        return html
    }

    /// Numbers are right-aligned so that their digits line up.
    private static func looksNumeric(_ cell: String) -> Bool {
        let trimmed = cell.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, trimmed.count < 24 else { return false }
        return trimmed.unicodeScalars.allSatisfy { ("0"..."9").contains($0) || " \u{00A0},.%-–Kč".unicodeScalars.contains($0) }
            && trimmed.unicodeScalars.contains { ("0"..."9").contains($0) }
    }
}
