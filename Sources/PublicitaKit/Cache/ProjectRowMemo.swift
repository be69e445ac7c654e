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
    /// Whether a list's templates read a row's fields, not only its `row_html`: the
    /// built-in ones do not, and then a row is kept as its HTML alone (a project's
    /// fields as view values are most of a row's memory).
    let keepsFields: Bool
    private let lock = NSLock()
    private var rows: [Variant: [Int: Kept]] = [:]

    private struct Kept {
        /// The fields with `row_html`, when they are kept.
        var fields: [String: Any]?
        var html: String
        /// Nil when making the row read nothing (the project itself is read by the list).
        var reads: ReadLog?

        /// The row as every list is given it, the first as the later ones.
        var row: [String: Any] { fields ?? [ProjectRowMemo.htmlName: html] }
    }

    /// The name under which a row's HTML is given to a list's template.
    static let htmlName = "row_html"

    /// What a row's text depends on besides the project: the language and how addresses are written.
    private struct Variant: Hashable {
        var language: Language
        var addresses: PageAddresses
    }

    init(theme: Theme) {
        self.theme = theme
        keepsFields = theme.library.namesRead(insideSectionsNamed: "projects").map { !$0.isSubset(of: [Self.htmlName]) } ?? true
    }

    /// Project `index`'s row in `language` with `addresses`: the fields `make` gives
    /// (made once; left out when no template reads them) and their HTML as `row_html`.
    func row(of index: Int, language: Language, addresses: PageAddresses, make: () -> [String: Any]) -> [String: Any] {
        let variant = Variant(language: language, addresses: addresses)
        if let kept = lock.withLock({ rows[variant]?[index] }) {
            // Every page showing the row read what making it read.
            if let reads = kept.reads { ReadLog.replay(reads) }
            return kept.row
        }
        var (fields, reads) = ReadLog.recording { make() }
        let html = theme.render(fields, template: "project-row", language: language) ?? ""
        fields[Self.htmlName] = html
        let kept = Kept(fields: keepsFields ? fields : nil, html: html, reads: reads.isEmpty ? nil : reads)
        lock.withLock { rows[variant, default: [:]][index] = kept }
        return kept.row
    }

    /// Forgets every row, once the last page using them is made: the manifest is saved
    /// after that, and the rows of a national portal would be held through it.
    func forgetRows() {
        lock.withLock { rows = [:] }
    }
}
