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
        /// The `id` of the total's correction on the project page, for a corrected total.
        var correction: String?
        /// The title's language when it is not the index's (a project without a version in it).
        var lang: String?
    }

    /// The index as JSON: `{"projects":[…]}`, keys sorted, so equal input gives equal
    /// bytes; entries are made on all cores, the same way a long-running build makes them.
    func bytes() -> [UInt8] {
        let listed = context.site.listedProjects, encoder = Self.encoder
        return Self.file.join(count: listed.count) { Array(entryJSON(listed[$0], encoder: encoder).utf8) }
    }

    /// Project `index`'s entry.
    func entry(_ index: Int) -> Entry {
        let site = context.site
        let project = site.portal.projects[index]
        // A further language's index names a project's translation into it, where there is one.
        let shown = context.translation(of: Route.project(project.source.slug.value)).map { site.portal.projects[$0] } ?? project
        let correction = project.budget?.total == nil ? nil : project.totalProvenance.correctionIndex
        return Entry(
            slug: shown.source.slug.value, title: shown.title, city: project.city, programme: project.programme,
            period: project.programmingPeriod?.rawValue,
            status: ProjectStatus.of(project.period, on: site.today).map { context.strings["status_\($0.rawValue)"] },
            total: project.budget?.total.map { $0.value.amount.formatted(currency: project.budget?.currency ?? "CZK") },
            correction: correction.flatMap { shown.corrections.indices.contains($0) ? Correction.anchor(index: $0) : nil },
            lang: context.titleLanguage(shown.source))
    }

    /// The encoder of the index's entries.
    static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// Project `index`'s entry as JSON text, for a long-running build that keeps them.
    func entryJSON(_ index: Int, encoder: JSONEncoder) -> String {
        String(decoding: (try? encoder.encode(entry(index))) ?? Data("{}".utf8), as: UTF8.self)
    }

    /// The shape of the index around its entries.
    static let file = JoinedText(open: "{\"projects\":[", separator: ",", close: "]}\n")
}
