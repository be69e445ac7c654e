/// The portal's open data: the list of operations as Regulation (EU) 2021/1060,
/// Art. 49(3) describes it, as CSV (`/data/projekty.csv`) and JSON
/// (`/data/projekty.json`), and the full record of each project as JSON
/// (`/data/projekty/<slug>.json`).
///
/// Amounts are written as plain decimals from the exact haléře (`6516062.50`),
/// as JSON strings, never through a floating-point number. Dates are ISO
/// (`2018-03-01`). Everything is written in the portal's order of projects with
/// a fixed order of fields, so the same records give the same bytes.
enum OpenData {
    /// One column of the list of operations.
    struct Column: Sendable {
        /// The column's name in the CSV header and the JSON key.
        var name: String
        /// The point of Art. 49(3) of Regulation (EU) 2021/1060 the column answers (`a`, `d`, …), if any.
        var article: String?
        /// What its values are: the Table Schema and CSVW metadata declare it.
        var type: ValueType = .text
    }

    /// The kind of a column's values, as ``row(_:site:)`` writes them.
    enum ValueType: Sendable {
        /// Any text.
        case text
        /// An ISO date (`2018-03-01`).
        case date
        /// A decimal with a dot (`6516062.50`, `85`), never signed or grouped.
        case decimal
        /// `true` or `false`.
        case boolean
        /// An absolute address (a relative one without `base_url`).
        case address
    }

    /// The columns, in order. Their meaning is documented on `/data/` (strings `data_col_<name>`).
    static let columns: [Column] = [
        Column(name: "registration_number", article: nil),
        Column(name: "beneficiary_name", article: "a"),
        Column(name: "operation_name", article: "d"),
        Column(name: "operation_purpose", article: "e"),
        Column(name: "operation_goals", article: "e"),
        Column(name: "operation_achievements", article: "e"),
        Column(name: "start_date", article: "f", type: .date),
        Column(name: "end_date", article: "g", type: .date),
        Column(name: "total_cost", article: "h", type: .decimal),
        Column(name: "total_cost_published", article: nil),
        Column(name: "total_cost_correction", article: nil, type: .address),
        Column(name: "union_contribution", article: nil, type: .decimal),
        Column(name: "union_contribution_computed", article: nil, type: .boolean),
        Column(name: "currency", article: nil),
        Column(name: "union_cofinancing_rate", article: "k", type: .decimal),
        Column(name: "union_cofinancing_rate_computed", article: nil, type: .boolean),
        Column(name: "fund", article: "i"),
        Column(name: "specific_objective", article: "j"),
        Column(name: "location", article: "l"),
        Column(name: "slug", article: nil),
        Column(name: "url", article: nil, type: .address),
    ]

    /// A project's row: one value per column (nil: not given in the record).
    static func row(_ project: Project, site: Site) throws(Diagnostic) -> [String?] {
        let budget = project.budget
        let total = budget?.total?.value.amount
        let union = unionContribution(project)
        let sections = try sectionTexts(project, bodies: site.portal.bodies)
        let rate = cofinancingRate(project)
        let values: [String: String?] = [
            "registration_number": registrationNumber(project),
            "beneficiary_name": project.beneficiary,
            "operation_name": project.title,
            "operation_purpose": project.summary,
            "operation_goals": project.goals.isEmpty ? sections.goals : project.goals.joined(separator: "\n"),
            "operation_achievements": project.results ?? sections.results,
            "start_date": project.period?.start?.value.iso,
            "end_date": project.period?.end?.value.iso,
            "total_cost": total?.plainDecimal,
            "total_cost_published": total == nil ? nil : publishedTotal(project),
            "total_cost_correction": totalCorrectionURL(project, site: site),
            "union_contribution": union?.plainDecimal,
            "union_contribution_computed": union == nil ? nil : flag(unionContributionIsComputed(project)),
            "currency": budget?.currency,
            "union_cofinancing_rate": rate?.share.plainDecimal,
            "union_cofinancing_rate_computed": rate.map { flag($0.computed) },
            "fund": euFunds(project),
            "specific_objective": project.programme,
            "location": project.city,
            "slug": project.source.slug.value,
            "url": site.absoluteURL(Route.project(project.source.slug.value)),
        ]
        return columns.map { values[$0.name] ?? nil }
    }

    // MARK: Values

    /// The Markdown text of the body's goals and results sections, for a project that
    /// states them there instead of in `goals:` and `results:` (the body is read
    /// again only then: bodies are not kept in memory).
    static func sectionTexts(_ project: Project, bodies: BodySource) throws(Diagnostic) -> (goals: String?, results: String?) {
        let outline = project.source.outline
        let goalsLines = project.goals.isEmpty ? outline.goalsLines : nil
        let resultsLines = project.results == nil ? outline.resultsLines : nil
        guard goalsLines != nil || resultsLines != nil else { return (nil, nil) }
        let body = try bodies.body(of: project.source)
        return (goalsLines.flatMap { BodySection.text(of: $0, in: body) }, resultsLines.flatMap { BodySection.text(of: $0, in: body) })
    }

    /// The registration number in its standard form (as the page shows it), or as written.
    static func registrationNumber(_ project: Project) -> String? {
        project.registrationNumber.map { RegistrationNumber.standardForm(of: $0.value) }
    }

    /// The Union's contribution: the sum of the EU sources, when the total and every EU amount are published.
    static func unionContribution(_ project: Project) -> Money? {
        project.budget.flatMap(unionContribution)
    }

    /// ``unionContribution(_:)`` of a project with `budget`.
    static func unionContribution(_ budget: Budget) -> Money? {
        guard budget.total != nil else { return nil }
        var sum = Money.zero, found = false
        // By index: a source copied out of the list (by a filter, or a loop) retains all its fields.
        for index in budget.sources.indices where budget.sources[index].kind == .eu {
            guard let amount = budget.sources[index].amount?.value.amount, let next = sum.adding(amount) else { return nil }
            (sum, found) = (next, true)
        }
        return found ? sum : nil
    }

    /// The Union co-financing rate in percent and whether the portal computed it: the
    /// share the record states for the only EU source, as stated; otherwise EU
    /// contribution ÷ total cost, exact and rounded half up to two decimals (`85.00`).
    static func cofinancingRate(_ project: Project) -> (share: Share, computed: Bool)? {
        guard let total = project.budget?.total?.value.amount, let union = unionContribution(project) else { return nil }
        let eu = project.budget?.sources.filter { $0.kind == .eu } ?? []
        if eu.count == 1, let stated = eu[0].share?.value { return (stated, false) }
        return Share.of(union, in: total, decimals: 2).map { ($0, true) }
    }

    /// Whether the Union contribution is a sum the portal made (of two or more EU sources).
    static func unionContributionIsComputed(_ project: Project) -> Bool {
        (project.budget?.sources.filter { $0.kind == .eu }.count ?? 0) > 1
    }

    /// The total as the city published it: the correction's `published` value for a
    /// corrected total (as a plain decimal when it reads as an amount), else the total.
    static func publishedTotal(_ project: Project) -> String? {
        guard let index = project.totalProvenance.correctionIndex else { return project.budget?.total?.value.amount.plainDecimal }
        guard let text = project.corrections[index].published else { return nil }
        return (try? Money.parse(text).amount.plainDecimal) ?? text
    }

    /// The address of the total's correction on the project's page, for a corrected total.
    static func totalCorrectionURL(_ project: Project, site: Site) -> String? {
        guard project.budget?.total != nil, let index = project.totalProvenance.correctionIndex else { return nil }
        return site.absoluteURL(Route.project(project.source.slug.value)) + "#" + Correction.anchor(index: index)
    }

    /// A yes/no value of the list of operations, as text (`true`, `false`).
    static func flag(_ value: Bool) -> String { value ? "true" : "false" }

    /// The names of the EU funds, `; `-separated in the record's order.
    static func euFunds(_ project: Project) -> String? {
        let names = project.budget?.sources.filter { $0.kind == .eu }.map(\.name) ?? []
        return names.isEmpty ? nil : names.joined(separator: "; ")
    }

    // MARK: Files

    /// The bytes of a data file; nil for the generated files that are not data.
    static func bytes(of file: GeneratedFile, site: Site) throws(Diagnostic) -> [UInt8]? {
        switch file {
        case .projectsJSON: return try listFiles(site).json
        case .projectsCSV: return try listFiles(site).csv
        case .projectJSON(let index): return Array(projectJSON(site.portal.projects[index], site: site).utf8)
        case .sitemap, .sitemapPart, .robots, .newsFeed: return nil
        case .dataPackage, .csvMetadata, .catalog, .catalogDataset: return nil
        }
    }

    /// The list of operations' two files, made together so that each listed project's
    /// row (which may read its body again) is made once for both, on all cores:
    ///
    /// - `/data/projekty.csv`: RFC 4180 (comma-separated, CRLF line ends, fields with
    ///   a comma, quote or line break quoted, quotes doubled; see ``csvField(_:)`` for
    ///   formulas), UTF-8 with a byte order mark so that spreadsheet programs read the
    ///   accents right;
    /// - `/data/projekty.json`: an array with one object per listed project, keys as
    ///   the CSV's columns.
    static func listFiles(_ site: Site) throws(Diagnostic) -> (csv: [UInt8], json: [UInt8]) {
        let listed = site.listedProjects
        var csv = JoinedText.Joining(csvFile), json = JoinedText.Joining(listJSONFile)
        var failure: Diagnostic?
        ParallelMap.inBatches(count: listed.count, { index in
            Result { () throws(Diagnostic) in try listParts(site.portal.projects[listed[index]], site: site) }
        }, consume: { result in
            switch result {
            case .success(let parts):
                csv.append(parts.csv)
                json.append(parts.json)
            case .failure(let problem): failure = failure ?? problem
            }
        })
        if let failure { throw failure }
        return (csv.finish(), json.finish())
    }

    /// A project's line of the CSV and its object of the JSON list, from one ``row(_:site:)``.
    static func listParts(_ project: Project, site: Site) throws(Diagnostic) -> (csv: [UInt8], json: [UInt8]) {
        let values = try row(project, site: site)
        return (Array(csvRow(values).utf8), Array(listJSONElement(values).utf8))
    }

    /// A project's line of the CSV from its ``row(_:site:)``, with its CRLF.
    static func csvRow(_ values: [String?]) -> String {
        values.map { csvField($0 ?? "") }.joined(separator: ",") + "\r\n"
    }

    /// The CSV file's shape: the byte order mark and the header line, then the lines.
    static let csvFile = JoinedText(open: "\u{FEFF}" + columns.map { csvField($0.name) }.joined(separator: ",") + "\r\n",
                                    separator: "", close: "")

    /// A CSV field, quoted when it has to be (looked at byte by byte: fields hold
    /// whole sections of text on a national portal).
    ///
    /// Against formula injection (OWASP, "CSV Injection"): a field beginning with `=`,
    /// `+`, `-`, `@`, a tab or a carriage return would be run by a spreadsheet as a
    /// formula (`=HYPERLINK(…)`), and a Markdown list (`- …`) would at best become
    /// `#NAME?`; such a field gets a leading `'` (the spreadsheets' "this is text"
    /// mark) and is quoted. A field holding `;` or a tab is quoted too, so that a
    /// spreadsheet that splits on those (Czech Excel splits on `;`) cannot start a new
    /// cell inside it. Every other value is written exactly: amounts, shares and dates
    /// are never negative or signed, so no number is touched. The JSON keeps raw values.
    static func csvField(_ text: String) -> String {
        let formula = text.utf8.first.map(isFormulaStart) ?? false
        guard formula || text.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D || $0 == 0x3B || $0 == 0x09 })
        else { return text }
        var quoted: [UInt8] = [0x22]
        quoted.reserveCapacity(text.utf8.count + 8)
        if formula { quoted.append(0x27) }
        for byte in text.utf8 {
            if byte == 0x22 { quoted.append(0x22) }
            quoted.append(byte)
        }
        quoted.append(0x22)
        return String(decoding: quoted, as: UTF8.self)
    }

    /// `=`, `+`, `-`, `@`, tab, carriage return: a cell starting so is read as a formula.
    static func isFormulaStart(_ byte: UInt8) -> Bool {
        byte == 0x3D || byte == 0x2B || byte == 0x2D || byte == 0x40 || byte == 0x09 || byte == 0x0D
    }

    /// A project's object in `/data/projekty.json` from its ``row(_:site:)``, as rendered
    /// at its place in the array (indented by two, without the two leading spaces and the separator).
    static func listJSONElement(_ values: [String?]) -> String {
        let object = JSONValue.object(zip(columns, values).map { column, value in
            (column.name, value.map(JSONValue.string) ?? .null)
        })
        var text = object.rendered(indent: 2)
        text.removeLast()  // rendered(indent:) ends with a newline
        return text
    }

    /// The JSON list's shape: an array, one element per line block, indented by two.
    static let listJSONFile = JoinedText(open: "[\n  ", separator: ",\n  ", close: "\n]\n", empty: "[]\n")

    /// A document link as a data file gives it: a root-relative address of the portal
    /// becomes the site's address of it; another website's address stays as written.
    static func documentAddress(_ href: String, site: Site) -> String {
        href.hasPrefix("/") && !href.hasPrefix("//") ? site.absoluteURL(href) : href
    }

    /// `/data/projekty/<slug>.json`: every field of a project's record (not its Markdown body).
    static func projectJSON(_ project: Project, site: Site) -> String {
        func text(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }
        func integer(_ value: Int?) -> JSONValue { value.map { .number(String($0)) } ?? .null }
        var budgetValue = JSONValue.null
        if let budget = project.budget {
            let total = budget.total?.value.amount
            let union = unionContribution(project), rate = cofinancingRate(project), shown = ShownShares(budget)
            budgetValue = .object([
                ("currency", .string(budget.currency)),
                ("total", text(total?.plainDecimal)),
                ("total_published", text(total == nil ? nil : publishedTotal(project))),
                ("total_correction", text(totalCorrectionURL(project, site: site))),
                ("union_contribution", text(union?.plainDecimal)),
                ("union_contribution_computed", union == nil ? .null : .bool(unionContributionIsComputed(project))),
                ("union_cofinancing_rate", text(rate?.share.plainDecimal)),
                ("union_cofinancing_rate_computed", rate.map { .bool($0.computed) } ?? .null),
                ("sources", .array(budget.sources.enumerated().map { index, source in
                    let amount = source.amount?.value.amount
                    let computed = amount.flatMap { amount in total.flatMap { Share.of(amount, in: $0, decimals: 2) } }
                    return .object([
                        ("name", .string(source.name)),
                        ("kind", .string(source.kind.rawValue)),
                        ("amount", text(amount?.plainDecimal)),
                        ("share_stated", text(source.share?.value.plainDecimal)),
                        ("share_computed", text(computed?.plainDecimal)),
                        ("share_shown", text(shown?.shares[index].plainDecimal)),
                        ("share_shown_computed", shown.map { .bool($0.provenances[index].isComputed) } ?? .null),
                    ])
                })),
                ("shares_shown_sum", text(shown?.sum.plainDecimal)),
            ])
        }
        var periodValue = JSONValue.null
        if let period = project.period {
            periodValue = .object([
                ("start", text(period.start?.value.iso)),
                ("end", text(period.end?.value.iso)),
                ("duration_months", integer(period.durationMonths?.value)),
                ("label", text(period.label)),
                ("not_published", text(period.notPublished)),
            ])
        }
        let slug = project.source.slug.value
        let record = JSONValue.object([
            ("slug", .string(slug)),
            ("url", .string(site.absoluteURL(Route.project(slug)))),
            ("title", .string(project.title)),
            ("lang", text(project.source.language?.value.rawValue)),
            ("translation_of", text(project.source.translationOf?.value)),
            ("registration_number", text(registrationNumber(project))),
            ("registration_number_published", text(project.registrationNumberPublished)),
            ("funding", text(project.fundingNone ? "none" : nil)),
            ("programme", text(project.programme)),
            ("eu_statement", text(project.euStatement)),
            ("beneficiary", .string(project.beneficiary)),
            ("city", text(project.city)),
            ("summary", text(project.summary)),
            ("period", periodValue),
            ("budget", budgetValue),
            ("areas", .array(project.areas.map(JSONValue.string))),
            ("goals", .array(project.goals.map(JSONValue.string))),
            ("results", text(project.results)),
            ("activities", .array(project.activities.map {
                .object([("code", text($0.code)), ("title", .string($0.title)), ("summary", text($0.summary))])
            })),
            ("targets", .array(project.targets.map {
                .object([("text", .string($0.text)), ("target", integer($0.target)), ("achieved", integer($0.achieved))])
            })),
            ("contacts", .array(project.contacts.map {
                .object([("name", .string($0.name)), ("role", text($0.role)), ("phone", text($0.phone?.value)),
                         ("email", text($0.email?.value)), ("note", text($0.note))])
            })),
            ("documents", .array(project.documents.map {
                // A document in the portal is named by its address (under the base path), as `url` is.
                .object([("title", .string($0.title)), ("href", text($0.href.map { documentAddress($0.value, site: site) })), ("note", text($0.note))])
            })),
            ("corrections", .array(project.corrections.map {
                .object([("field", text($0.field)), ("published", text($0.published)),
                         ("correct", text($0.correct)), ("reason", text($0.reason))])
            })),
        ])
        return record.rendered()
    }
}
