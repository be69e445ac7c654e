/// The kinds of content file, by the folder they live in.
public enum ContentKind: String, Sendable, CaseIterable {
    /// `content/projects/`
    case projects
    /// `content/reports/`
    case reports
    /// `content/pages/`
    case pages
    /// `content/news/`
    case news
}
