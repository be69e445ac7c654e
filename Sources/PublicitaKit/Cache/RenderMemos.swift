/// The memos of one render stage: what many pages of a build share, made once
/// (each replays what making it read into the page using it, ``ReadLog``).
struct RenderMemos: Sendable {
    /// Each project's row of the lists: a project is in five lists or so (all
    /// projects, its programme, period, status, city), 50 rows to a page.
    let projectRows: ProjectRowMemo
    /// The site header and footer and the head's links (feed, icons, stylesheet), the
    /// same on most pages: rendered once per distinct input.
    let header: PartialMemo, footer: PartialMemo, headLinks: PartialMemo

    init(theme: Theme) {
        projectRows = ProjectRowMemo(theme: theme)
        header = PartialMemo(template: "header")
        footer = PartialMemo(template: "footer")
        headLinks = PartialMemo(template: "head-links")
    }

    /// Forgets what the memos hold: after the last page of a render stage (each stage has its own).
    func forget() {
        projectRows.forgetRows()
    }
}
