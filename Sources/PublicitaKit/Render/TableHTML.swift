import Foundation

/// Renders a front-matter table as an accessible HTML table: a caption, column
/// headers with `scope="col"`, row headers with `scope="row"`, inside a
/// focusable, labelled region that scrolls when the table is wider than the screen.
///
/// With `merge_first_column`, each run of rows sharing a first cell is a row group
/// (`tbody`) whose first cell is stated once, `<th scope="rowgroup" rowspan="N">`,
/// as the WAI tutorial on multi-level headers shows. A column whose every filled
/// cell is an amount or a count is right-aligned (``ColumnKind``).
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
        let kinds = ColumnKind.of(table)
        var html = HTML.startTag("div", ["class": "table-scroll", "role": "region", "aria-labelledby": captionID, "tabindex": "0"])
        html += HTML.startTag("table", ["id": id]) + HTML.startTag("caption", ["id": captionID])
        html += "\(HTML.escape(table.caption))</caption>"
        html += "<thead><tr>"
        for (index, column) in table.columns.enumerated() {
            let header = kinds[index] == .number ? HTML.startTag("th", ["scope": "col", "class": "num"]) : HTML.startTag("th", ["scope": "col"])
            html += header + "\(HTML.escape(column))</th>"
        }
        html += "</tr></thead>"
        if table.mergeFirstColumn {
            for group in Self.groups(table.rows) {
                html += "<tbody>"
                for (offset, row) in group.enumerated() {
                    html += "<tr>"
                    if offset == 0 {
                        let cell = row.first ?? ""
                        html += group.count > 1
                            ? HTML.startTag("th", ["scope": "rowgroup", "rowspan": "\(group.count)"])
                            : HTML.startTag("th", ["scope": "rowgroup"])
                        html += "\(HTML.paragraphs(cell))</th>"
                    }
                    html += cells(Array(row.dropFirst()), kinds: Array(kinds.dropFirst()), rowHeader: table.rowHeaders)
                    html += "</tr>"
                }
                html += "</tbody>"
            }
        } else {
            html += "<tbody>"
            for row in table.rows {
                html += "<tr>" + cells(row, kinds: kinds, rowHeader: table.rowHeaders) + "</tr>"
            }
            html += "</tbody>"
        }
        html += "</table></div>\n"
        return html
    }

    /// A row's cells; the first is its header when `rowHeader`.
    private static func cells(_ row: [String], kinds: [ColumnKind], rowHeader: Bool) -> String {
        var html = ""
        for (index, cell) in row.enumerated() {
            if index == 0 && rowHeader {
                html += HTML.startTag("th", ["scope": "row"]) + "\(HTML.paragraphs(cell))</th>"
            } else if index < kinds.count, kinds[index] == .number {
                html += HTML.startTag("td", ["class": "num"]) + "\(HTML.paragraphs(cell))</td>"
            } else {
                html += "<td>\(HTML.paragraphs(cell))</td>"
            }
        }
        return html
    }

    /// Runs of consecutive rows with the same first cell (an empty one never joins a run).
    static func groups(_ rows: [[String]]) -> [[[String]]] {
        var groups: [[[String]]] = []
        for row in rows {
            let first = row.first ?? ""
            if !first.isEmpty, let last = groups.last?.last, last.first == first {
                groups[groups.count - 1].append(row)
            } else {
                groups.append([row])
            }
        }
        return groups
    }
}

/// What a table column holds, which sets its alignment: amounts and counts are
/// right-aligned so that their digits line up; everything else, references such as
/// "1.1–1.4" and dates included, reads from the left.
enum ColumnKind: Sendable, Equatable {
    case number
    case text

    /// Each column's kind: a number column is one whose every filled cell is a number
    /// and that has at least one. A column of row or group headers is text.
    static func of(_ table: ContentTable) -> [ColumnKind] {
        let headerColumns = table.mergeFirstColumn ? (table.rowHeaders ? 2 : 1) : (table.rowHeaders ? 1 : 0)
        return table.columns.indices.map { index in
            guard index >= headerColumns else { return .text }
            let cells = table.rows.compactMap { $0.indices.contains(index) ? $0[index] : nil }
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            return !cells.isEmpty && cells.allSatisfy(isNumber) ? .number : .text
        }
    }

    /// An amount or a count as Czech text writes it: digit groups of three parted by
    /// spaces, a decimal comma, a sign, and a unit (Kč, %, EUR, €) after it:
    /// "6 516 052,50 Kč", "85 %", "10", "-3,5". A dot or a dash between digits
    /// ("1.1–1.4", "04-05/2023") makes it a reference or a date, not a number.
    static func isNumber(_ cell: String) -> Bool {
        var text = Substring(cell.trimmingCharacters(in: .whitespaces))
        for unit in ["Kč", "%", "EUR", "€"] where text.hasSuffix(unit) {
            text = text.dropLast(unit.count)
            while let last = text.last, last == " " || last == "\u{00A0}" || last == "\u{202F}" { text.removeLast() }
            break
        }
        if let first = text.first, first == "-" || first == "−" || first == "+" { text = text.dropFirst() }
        let parts = text.split(separator: ",", omittingEmptySubsequences: false)
        guard parts.count <= 2, let whole = parts.first, !whole.isEmpty else { return false }
        if parts.count == 2 && (parts[1].isEmpty || !parts[1].allSatisfy(\.isASCIIDigit)) { return false }
        let groups = whole.split(omittingEmptySubsequences: false, whereSeparator: { $0 == " " || $0 == "\u{00A0}" || $0 == "\u{202F}" })
        guard groups.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }) else { return false }
        if groups.count == 1 { return true }
        return groups.first!.count <= 3 && groups.dropFirst().allSatisfy { $0.count == 3 }
    }
}

private extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
