/// The portal's URL scheme, in one place: every page's address and the file it is written to.
public enum Route {
    /// `/`
    public static let home = "/"
    /// `/aktuality/`
    public static let newsList = "/aktuality/"
    /// `/prohlaseni-o-pristupnosti/`
    public static let accessibility = "/prohlaseni-o-pristupnosti/"
    /// `/zkratky/`: the glossary of abbreviations.
    public static let glossary = "/zkratky/"
    /// `/statistiky/`: the portal's figures as charts and tables.
    public static let statistics = "/statistiky/"
    /// `/404.html`
    public static let notFound = "/404.html"
    /// `/assets/style.css`
    public static let stylesheet = "/assets/style.css"

    /// `/projekty/<slug>/`
    public static func project(_ slug: String) -> String { "/projekty/\(slug)/" }
    /// `/projekty/<slug>/plakat/`: the project's EU publicity poster, printed on one A3 sheet.
    public static func poster(_ slug: String) -> String { "/projekty/\(slug)/plakat/" }
    /// `/zpravy/<slug>/`
    public static func report(_ slug: String) -> String { "/zpravy/\(slug)/" }
    /// `/<slug>/`
    public static func page(_ slug: String) -> String { "/\(slug)/" }
    /// `/aktuality/<slug>/`
    public static func news(_ slug: String) -> String { "/aktuality/\(slug)/" }
    /// `/mesta/<slug>/`
    public static func city(_ slug: String) -> String { "/mesta/\(slug)/" }
    /// `/programy/<slug>/`: the projects of one operational programme.
    public static func programme(_ slug: String) -> String { "/programy/\(slug)/" }
    /// `/obdobi/<2014-2020>/`: the projects of one programming period.
    public static func programmingPeriod(_ period: ProgrammingPeriod) -> String {
        "/obdobi/\(period == .p2014_2020 ? "2014-2020" : "2021-2027")/"
    }
    /// `/stav/<slug>/`: running, planned or finished projects.
    public static func status(_ status: ProjectStatus) -> String { "/stav/\(status.slug)/" }
    /// `/projekty/strana/<n>/`: page `n` (from 2) of the list of all projects; page 1 is `/`.
    public static func projectsPage(_ page: Int) -> String { page <= 1 ? home : "/projekty/strana/\(page)/" }
    /// Page `page` of a list whose first page is `first`: `<first>strana/<n>/`.
    public static func listPage(_ first: String, _ page: Int) -> String { page <= 1 ? first : "\(first)strana/\(page)/" }
    /// `/data/hledani.json`: the search index.
    public static let searchIndex = "/data/hledani.json"
    /// `/assets/hledani.js`: the search script (a theme asset).
    public static let searchScript = "/assets/hledani.js"

    /// The path of a UI page's version in `language`, a further language of a bilingual
    /// portal: the portal language's path under the language's prefix (`/mesta/liberec/`
    /// → `/en/mesta/liberec/`, `/` → `/en/`), so that every route above has its
    /// counterpart without a second table. The search index stays beside the portal
    /// language's (`/data/hledani-en.json`): the search script resolves the projects'
    /// addresses against the index's own.
    public static func inLanguage(_ path: String, _ language: Language) -> String {
        if path == searchIndex { return "/data/hledani-\(language.rawValue).json" }
        return "/\(language.rawValue)" + path
    }

    /// First path segments that generated pages use; a free page may not take them.
    /// (`prohlaseni-o-pristupnosti` may: a portal's own statement replaces the generated one.)
    /// The languages' codes are the prefixes of the further languages' pages.
    public static let reservedSegments: Set<String> = Set([
        "projekty", "zpravy", "aktuality", "mesta", "programy", "obdobi", "stav", "statistiky", "assets", "data", "404.html",
    ] + Language.allCases.map(\.rawValue))

    /// The file (relative to the output folder) a URL path is written to: pretty URLs get `index.html`.
    public static func outputFile(for path: String) -> String {
        let trimmed = path.hasPrefix("/") ? String(path.dropFirst()) : path
        if trimmed.isEmpty { return "index.html" }
        return trimmed.hasSuffix("/") ? trimmed + "index.html" : trimmed
    }
}
