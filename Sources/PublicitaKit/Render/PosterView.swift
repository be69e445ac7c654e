/// The EU publicity poster of a project (`/projekty/<slug>/plakat/`): a page that
/// prints on one A3 sheet with what Art. 50(1)(b) of Regulation (EU) 2021/1060
/// (2021–2027) or Annex XII 2.2(2)(b) of Regulation (EU) No 1303/2013 (2014–2020)
/// and the programmes' rules ask of the poster: the Union emblem with the
/// statement or reference to the Union, the project's name, its main aim and the
/// Union's support. docs/poster.md gives the rules.
struct PosterView {
    let context: PageContext
    let project: Project

    /// The most characters of the main aim a poster prints; a longer aim is cut at a word.
    static let aimLimit = 900

    func make() -> [String: Any] {
        let strings = context.strings
        let statement = project.euStatement ?? strings["eu_statement_default"]
        // Without a valid registration number the current period's rules apply.
        let period = project.programmingPeriod ?? .p2021_2027
        var reference: [String]
        if period == .p2014_2020 {
            // Annex XII 2.2(1) of 1303/2013: the emblem with a reference to the Union, and the programme.
            reference = [strings["poster_union"]]
            if let programme = project.programme { reference.append(programme) }
        } else {
            // Annex IX of 2021/1060: the statement written out in full next to the emblem.
            reference = [statement]
        }
        var view: [String: Any] = [
            "title": project.title,
            "emblem_svg": EUEmblem.svg(label: strings["eu_flag_alt"], className: "poster-emblem"),
            "reference_lines": reference,
            "beneficiary": project.beneficiary,
            "project_href": context.href(Route.project(project.source.slug.value)),
            "title_size": project.title.count <= 70 ? "l" : project.title.count <= 140 ? "m" : "s",
        ]
        if let aim = project.goals.first ?? project.summary {
            let shown = Self.shortened(aim, limit: Self.aimLimit)
            view["aim"] = shown
            view["aim_size"] = shown.count <= 300 ? "l" : shown.count <= 600 ? "m" : "s"
        }
        view["support_text"] = support(statement: statement)
        if let number = project.registrationNumber?.value {
            view["registration_number_html"] = Typography.registrationNumberHTML(RegistrationNumber.standardForm(of: number))
        }
        if let programme = project.programme { view["programme"] = programme }
        if let period = context.periodText(project.period) { view["period_text"] = period }
        if context.site.portal.config.baseURL != nil {
            view["project_url"] = context.site.absoluteURL(Route.project(project.source.slug.value))
        }
        return view
    }

    /// The statement, then the EU contribution out of the total when the record gives them.
    private func support(statement: String) -> String {
        let strings = context.strings
        var text = statement.hasSuffix(".") ? statement : statement + "."
        // Only an EU contribution every EU source states an amount for (as the list of operations has it).
        guard let budget = project.budget, let eu = OpenData.unionContribution(project) else { return text }
        text += " " + strings["poster_eu_amount"] + " " + eu.formatted(currency: budget.currency)
        if let total = budget.total?.value.amount {
            text += " " + strings["poster_of_total"] + " " + total.formatted(currency: budget.currency)
        }
        return text + "."
    }

    /// `text` cut to at most `limit` characters at the last space before, with an ellipsis.
    static func shortened(_ text: String, limit: Int) -> String {
        guard text.count > limit else { return text }
        let head = text.prefix(limit)
        let cut = head.lastIndex(of: " ").map { head[..<$0] } ?? head
        return cut.trimmingTrailingPunctuation + "…"
    }
}

private extension Substring {
    var trimmingTrailingPunctuation: String {
        var text = self
        while let last = text.last, last == "," || last == ";" || last == ":" || last == " " { text = text.dropLast() }
        return String(text)
    }
}
