/// Everything a project page shows, formatted: money in Czech form, dates,
/// shares, the chart, the rendered body.
struct ProjectView {
    let context: PageContext
    let project: Project
    /// The record's Markdown body.
    let body: String

    func make() -> [String: Any] {
        let strings = context.strings
        let outline = project.source.outline
        // Each heading keeps the id the outline (and so the anchor check) gives it.
        let headingIDs = outline.headingIDs(reserved: context.site.reservedIDs)
        let topics = TopicSections(body: body, outline: outline, headingIDs: headingIDs, titles: shownTopics())
        var view: [String: Any] = [
            "title": project.title,
            "beneficiary": project.beneficiary,
            "body_html": context.markdown(topics.body, tables: project.tables, reservedIDs: topics.takenIDs)
                + context.unplacedTables(project.tables, outline: outline),
        ]
        let bodyIDs = Set(headingIDs)
        for (topic, sections) in topics.sections {
            view["\(topic)_body_html"] = sections.map { section in
                HTML.startTag("div", ["id": section.anchor, "class": "body"])
                    + context.markdown(section.text, tables: project.tables, topLevel: 3, reservedIDs: bodyIDs.subtracting(section.ids))
                    + "</div>\n"
            }.joined()
        }
        if let number = project.registrationNumber?.value {
            let text = RegistrationNumber.standardForm(of: number)
            view["registration_number"] = text
            view["registration_number_html"] = Typography.registrationNumberHTML(text)
        }
        if let published = project.registrationNumberPublished { view["registration_number_published"] = published }
        if project.isEUFunded {
            view["poster_href"] = context.href(Route.poster(project.source.slug.value))
            let statement = project.euStatement ?? strings["eu_statement_default"]
            view["eu_statement"] = statement
            if let emblem = context.site.portal.config.euEmblem {
                view["eu_emblem_src"] = context.href(emblem.src)
                // An emblem that shows the statement is named by it; a bare flag is named as the flag.
                view["eu_emblem_alt"] = emblem.includesStatement ? statement : strings["eu_flag_alt"]
                view["eu_emblem_includes_statement"] = emblem.includesStatement
            }
        }
        if let programme = project.programme { view["programme"] = programme }
        if let city = project.city {
            view["city"] = city
            view["city_href"] = context.href(Route.city(Slug.make(from: city)))
        }
        if let summary = project.summary { view["summary"] = summary }
        if let period = context.periodText(project.period) {
            view["period_text"] = period
            view.merge(correctionMark(project.periodProvenance, key: "period"), uniquingKeysWith: { $1 })
        }
        if let months = project.period?.durationMonths?.value ?? project.period?.spannedMonths?.whole {
            view["duration_text"] = "\(months) \(strings["months"])"
        }
        view.merge(funding(), uniquingKeysWith: { $1 })
        view["goals"] = project.goals
        if let results = project.results { view["results_html"] = context.markdown(results) }
        view["areas"] = project.areas
        view["activities"] = project.activities.map { activity -> [String: Any] in
            var item: [String: Any] = ["title": activity.title]
            if let code = activity.code { item["code"] = code }
            if let summary = activity.summary { item["summary_html"] = context.markdown(summary) }
            return item
        }
        view["targets"] = project.targets.map { target -> [String: Any] in
            var item: [String: Any] = ["text": target.text]
            if let value = target.target { item["target"] = "\(value)" }
            item["achieved"] = target.achieved.map { "\($0)" } ?? strings["not_published"]
            return item
        }
        view["targets_have_numbers"] = project.targets.contains { $0.target != nil }
        view["contacts"] = project.contacts.map(contact)
        view["documents"] = project.documents.map(context.documentLink)
        view["corrections"] = project.corrections.enumerated().map { index, correction -> [String: Any] in
            var item: [String: Any] = ["id": Correction.anchor(index: index)]
            if let field = correction.field { item["field"] = fieldLabel(field) }
            // Corrected amounts are shown like every other amount (no-break spaces, two decimals).
            let isMoney = correction.field?.hasPrefix("budget") ?? false
            func display(_ text: String) -> String {
                guard isMoney, let money = try? Money.parse(text) else { return text }
                return money.amount.formatted(currency: money.currency ?? project.budget?.currency ?? "CZK")
            }
            if let published = correction.published { item["published"] = display(published) }
            if let correct = correction.correct { item["correct"] = display(correct) }
            if let reason = correction.reason { item["reason"] = reason }
            return item
        }
        let slug = project.source.slug.value
        view["data_href"] = context.href(Route.projectJSON(slug))
        let portal = context.site.portal
        view["reports"] = (context.site.reportsByProject[slug] ?? []).map { portal.reports[$0] }
            .map { ["title": $0.title, "href": context.href(Route.report($0.source.slug.value))] }
        view["news"] = (context.site.newsByProject[slug] ?? []).map { portal.news[$0] }
            .map { ["title": $0.title, "href": context.href(Route.news($0.source.slug.value)), "date": $0.date.formatted(strings.language)] }
        return view
    }

    /// The page's own sections this project shows, by topic, with their headings:
    /// a body section headed the same is placed in them (``TopicSections``).
    private func shownTopics() -> [String: String] {
        let strings = context.strings
        var topics: [String: String] = [:]
        if project.budget != nil { topics["funding"] = strings["funding"] }
        if !project.goals.isEmpty { topics["goals"] = strings["goals"] }
        if project.results != nil { topics["results"] = strings["results"] }
        if !project.activities.isEmpty { topics["activities"] = strings["activities"] }
        if !project.targets.isEmpty { topics["targets"] = strings["targets"] }
        if !project.areas.isEmpty { topics["areas"] = strings["areas"] }
        if !project.contacts.isEmpty { topics["contacts"] = strings["contacts"] }
        if !project.documents.isEmpty { topics["documents"] = strings["documents"] }
        return topics
    }

    /// The funding table rows, totals and chart.
    private func funding() -> [String: Any] {
        guard let budget = project.budget else { return [:] }
        let currency = budget.currency
        var view: [String: Any] = ["has_budget": true]
        guard let total = budget.total?.value.amount else {
            view["amounts_not_published"] = true
            view["named_sources"] = budget.sources.map { ["name": $0.name, "kind": context.kindLabel($0.kind)] }
            return view
        }
        view["total_text"] = total.formatted(currency: currency)
        view.merge(correctionMark(project.totalProvenance, key: "total"), uniquingKeysWith: { $1 })
        if let eu = budget.euContribution {
            view["eu_text"] = eu.formatted(currency: currency)
            view.merge(correctionMark(project.euContributionProvenance, key: "eu"), uniquingKeysWith: { $1 })
        }
        let shown = ShownShares(budget)
        var segments: [FundingChart.Segment] = []
        view["funding_rows"] = budget.sources.enumerated().map { index, source -> [String: Any] in
            let amount = source.amount?.value.amount ?? .zero
            let computed = shown?.provenances[index].isComputed ?? false
            let share = shown.map { shareText($0.shares[index], computed: computed) } ?? ""
            segments.append(.init(label: source.name, kind: source.kind, amount: amount,
                                  amountText: amount.formatted(currency: currency), shareText: share))
            return ["name": source.name, "kind": context.kindLabel(source.kind),
                    "amount_text": amount.formatted(currency: currency), "share_text": share, "share_computed": computed]
        }
        // The total row shows what the rows add up to; it says so when that is not 100 %.
        if let shown {
            view["total_share_text"] = shown.sumIsWhole ? shown.sum.formatted
                : "\(context.strings["rows_sum"]) \(shown.sum.formatted)"
        }
        if let svg = FundingChart.svg(segments: segments, total: total, title: context.strings["funding_chart_label"], id: "chart") {
            view["funding_chart_svg"] = svg
        }
        return view
    }

    /// A share as the table shows it: a computed one as "≈ 76,7 %, dopočteno", in text
    /// so that screen readers say it too.
    private func shareText(_ share: Share, computed: Bool) -> String {
        computed ? "≈\u{00A0}\(share.formatted), \(context.strings["computed_mark"])" : share.formatted
    }

    /// `<key>_correction_href` and `<key>_correction_text` for a corrected figure, linking to its correction below.
    private func correctionMark(_ provenance: Provenance, key: String) -> [String: Any] {
        guard let index = provenance.correctionIndex else { return [:] }
        return ["\(key)_correction_href": "#" + Correction.anchor(index: index),
                "\(key)_correction_text": context.strings["corrected_mark"]]
    }

    private func contact(_ contact: Contact) -> [String: Any] {
        var item: [String: Any] = ["name": contact.name]
        if let role = contact.role { item["role"] = role }
        if let phone = contact.phone?.value {
            if let number = PhoneNumber(phone) {
                item["phone_text"] = number.display
                item["phone_href"] = number.href
            } else {
                item["phone_text"] = phone
            }
        }
        if let email = contact.email?.value {
            item["email"] = email
            item["email_href"] = "mailto:" + email
        }
        if let note = contact.note { item["note"] = note }
        return item
    }

    /// The public name of a corrected field.
    private func fieldLabel(_ field: String) -> String {
        switch field {
        case "budget.total": return context.strings["total"]
        case "beneficiary": return context.strings["beneficiary"]
        case "registration_number": return context.strings["registration_number"]
        case "period", "period.start", "period.end": return context.strings["period"]
        default: return field
        }
    }
}
