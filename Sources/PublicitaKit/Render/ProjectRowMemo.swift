import Foundation

/// Each project's row of the project lists (`project-row` template), rendered once
/// per build and language and reused by every list that shows it.
///
/// A project appears on the first page of all projects or a later one, on its
/// programme's, programming period's and status's filter pages and on its city's
/// page; rendering its row through Mustache's look-ups five times was a quarter of
/// the templates' time. A row shows only the project's own fields (nothing of the
/// page it is on), so one text serves every list.
final class ProjectRowMemo: @unchecked Sendable {
    // @unchecked: `rows` is only touched under `lock`.
    private let theme: Theme
    private let lock = NSLock()
    private var rows: [Language: [Int: [String: Any]]] = [:]

    init(theme: Theme) {
        self.theme = theme
    }

    /// Project `index`'s row in `language`: the fields `make` gives (made once) and
    /// their HTML as `row_html`.
    func row(of index: Int, language: Language, make: () -> [String: Any]) -> [String: Any] {
        if let row = lock.withLock({ rows[language]?[index] }) { return row }
        var row = make()
        row["row_html"] = theme.render(row, template: "project-row", language: language) ?? ""
        lock.withLock { rows[language, default: [:]][index] = row }
        return row
    }
}
