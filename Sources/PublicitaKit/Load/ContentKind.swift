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

extension ContentKind {
    /// The address of a record of this kind with `slug`.
    func route(_ slug: String) -> String {
        switch self {
        case .projects: return Route.project(slug)
        case .reports: return Route.report(slug)
        case .pages: return Route.page(slug)
        case .news: return Route.news(slug)
        }
    }
}
