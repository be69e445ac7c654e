/// One page of the generated site: what it shows and where it goes.
public struct SitePage: Sendable, Hashable {
    /// What a page shows.
    public enum Kind: Sendable, Hashable {
        case home
        case project(Int)
        case report(Int)
        case page(Int)
        case newsList
        case newsItem(Int)
        case city(Int)
        case accessibility
        case glossary
        case notFound
    }

    /// What it shows.
    public var kind: Kind
    /// Its URL path (`/projekty/liberec-apk/`).
    public var path: String
    /// The file it is written to, relative to the output folder.
    public var outputFile: String { Route.outputFile(for: path) }
}
