import Foundation

/// `/data/hledani.json`: what the home page's search script filters, one entry
/// per listed project, as small as the search needs. The status is as of the
/// build's day; the texts are in the portal's language.
struct SearchIndex {
    let context: PageContext

    /// One project.
    struct Entry: Encodable {
        var slug: String
        var title: String
        var city: String?
        var programme: String?
        var period: String?
        var status: String?
        var total: String?
    }

    /// The index as JSON: `{"projects":[…]}`, keys sorted, so equal input gives equal bytes.
    func json() -> String {
        let site = context.site
        let entries = site.listedProjects.map { index -> Entry in
            let project = site.portal.projects[index]
            return Entry(
                slug: project.source.slug.value, title: project.title, city: project.city, programme: project.programme,
                period: project.programmingPeriod?.rawValue,
                status: ProjectStatus.of(project.period, on: site.today).map { context.strings["status_\($0.rawValue)"] },
                total: project.budget?.total.map { $0.value.amount.formatted(currency: project.budget?.currency ?? "CZK") })
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(["projects": entries])) ?? Data("{\"projects\":[]}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
