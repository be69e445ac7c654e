import Foundation

/// Each project's row of the project lists (`project-row` template), rendered once
/// per build and language and reused by every list that shows it.
///
/// A project appears on the first page of all projects or a later one, on its
/// programme's, programming period's and status's filter pages and on its city's
/// page; rendering its row through Mustache's look-ups five times was a quarter of
/// the templates' time. A row shows only the project's own fields (nothing of the
/// page it is on) but its addresses, so one text serves every list whose pages
/// write addresses alike (all of them under a base path; those at one depth when
/// addresses are relative).
final class ProjectRowMemo: @unchecked Sendable {
    // @unchecked: `rows` is only touched under `lock`.
    private let theme: Theme
    private let lock = NSLock()
    private var rows: [Variant: [Int: (row: [String: Any], reads: ReadLog)]] = [:]

    /// What a row's text depends on besides the project: the language and how addresses are written.
    private struct Variant: Hashable {
        var language: Language
        var addresses: PageAddresses
    }

    init(theme: Theme) {
        self.theme = theme
    }

    /// Project `index`'s row in `language` with `addresses`: the fields `make` gives
    /// (made once) and their HTML as `row_html`.
    func row(of index: Int, language: Language, addresses: PageAddresses, make: () -> [String: Any]) -> [String: Any] {
        let variant = Variant(language: language, addresses: addresses)
        if let kept = lock.withLock({ rows[variant]?[index] }) {
            // Every page showing the row read what making it read.
            ReadLog.replay(kept.reads)
            return kept.row
        }
        var (row, reads) = ReadLog.recording { make() }
        row["row_html"] = theme.render(row, template: "project-row", language: language) ?? ""
        lock.withLock { rows[variant, default: [:]][index] = (row, reads) }
        return row
    }
}
