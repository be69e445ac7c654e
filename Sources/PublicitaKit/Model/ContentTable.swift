/// A table given as structured data in front matter, rendered as a real HTML
/// table with a caption and header cells (CommonMark has no table syntax).
public struct ContentTable: Sendable, Hashable, Codable {
    /// The id a body places it by (```` ```table <id> ````).
    public var id: String
    /// The caption.
    public var caption: String
    /// Column headers.
    public var columns: [String]
    /// Rows of cells.
    public var rows: [[String]]
    /// Whether each row's first cell is that row's header.
    public var rowHeaders: Bool
    /// Whether a first cell repeated in consecutive rows is shown once, as their group's header.
    public var mergeFirstColumn: Bool = false
    /// Where the table's entry starts.
    public var location: SourceLocation

    static let fields = spec.names

    static func read(from reader: FieldReader) -> ContentTable? {
        reader.rejectUnknownKeys(fields)
        let located = reader.locatedString("id", required: true)
        if let located, !Identifier.isValid(located.value) {
            let suggested = Identifier.suggestion(for: located.value, prefix: "tabulka")
            reader.context.report(.error(
                .tableId, at: located.location, field: reader.fieldPath("id"),
                LocalizedText(cs: "id tabulky „\(located.value)“ musí začínat malým písmenem a smí obsahovat jen malá písmena bez diakritiky, číslice a pomlčky (nejvýše \(Identifier.maxLength) znaků)",
                              en: "the table id \"\(located.value)\" must start with a lower-case letter and may only contain lower-case ASCII letters, digits and hyphens (at most \(Identifier.maxLength) characters)"),
                expected: Identifier.pattern, found: located.value,
                suggestion: LocalizedText(cs: "napište id: \(suggested) (a stejně i v bloku ```table \(suggested))",
                                          en: "write id: \(suggested) (and the same in the ```table \(suggested) block)")))
        }
        // An invalid id is kept: the table and the blocks placing it give no further errors.
        let id = located?.value
        let caption = reader.string("caption", required: true)
        let columns = reader.strings("columns")
        if columns.isEmpty { reader.reportMissing("columns") }
        var rows: [[String]] = []
        for item in reader.sequence("rows") {
            guard case .sequence(let cells) = item.node else {
                reader.context.report(FieldReader.typeError(
                    item.path, at: reader.context.location(line: item.node.mark.line, column: item.node.mark.column),
                    expected: LocalizedText(cs: "řádek tabulky jako seznam buněk [a, b, c]", en: "a table row as a list of cells [a, b, c]"),
                    found: item.node))
                continue
            }
            let row = cells.map { cell -> String in
                if case .scalar(let scalar) = cell { return scalar.string }
                return ""
            }
            if !columns.isEmpty && row.count != columns.count {
                reader.context.report(.error(
                    .tableShape, at: reader.context.location(line: item.node.mark.line, column: item.node.mark.column),
                    field: item.path,
                    LocalizedText(cs: "řádek má \(row.count) buněk, tabulka má \(columns.count) sloupců",
                                  en: "the row has \(row.count) cells, the table has \(columns.count) columns"),
                    expected: "\(columns.count)", found: "\(row.count)"))
            }
            rows.append(row)
        }
        guard let id, let caption else { return nil }
        var table = ContentTable(id: id, caption: caption, columns: columns, rows: rows,
                                 rowHeaders: reader.bool("row_headers") ?? true, location: reader.location)
        table.mergeFirstColumn = reader.bool("merge_first_column") ?? false
        return table
    }
}
