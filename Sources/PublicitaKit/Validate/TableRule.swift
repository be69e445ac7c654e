/// Every `table <id>` block in a body must name a table of the record, and ids must be unique.
enum TableRule: ProjectRule {
    static func check(_ project: Project, today: Day) -> [Diagnostic] {
        check(tables: project.tables, body: project.source)
    }

    static func check(tables: [ContentTable], body source: RecordSource) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var seen: Set<String> = []
        for table in tables where !seen.insert(table.id).inserted {
            diagnostics.append(.error(
                .tableDuplicate, at: table.location, field: "tables",
                LocalizedText(cs: "tabulka s id „\(table.id)“ je uvedena dvakrát", en: "the table id \"\(table.id)\" is used twice")))
        }
        let ids = tables.map(\.id)
        for reference in source.outline.tableReferences where !ids.contains(reference.id) {
            diagnostics.append(.error(
                .tableUnknown, at: SourceLocation(file: source.file, line: source.bodyFirstLine + reference.line - 1),
                LocalizedText(cs: "tabulka „\(reference.id)“ není v poli tables", en: "the table \"\(reference.id)\" is not in the tables field"),
                expected: ids.joined(separator: ", "), found: reference.id,
                suggestion: NearestName.find(for: reference.id, among: ids).map {
                    LocalizedText(cs: "myslíte „\($0)“?", en: "did you mean \"\($0)\"?")
                }))
        }
        return diagnostics
    }
}
