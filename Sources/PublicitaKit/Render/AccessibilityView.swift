/// The accessibility statement required by Czech law 99/2019 Sb., generated from
/// `portal.yaml` in the structure of the model statement: who, status,
/// non-accessible content, how it was prepared, feedback and contact, enforcement.
struct AccessibilityView {
    let context: PageContext

    func make() -> [String: Any] {
        let config = context.site.portal.config
        let a11y = config.accessibility
        let language = context.strings.language
        var view: [String: Any] = [
            "publisher_name": config.publisher.name,
            "portal_title": config.title,
            "status_text": context.strings["statement_status_\(a11y.status.rawValue)"],
            "non_accessible": a11y.nonAccessible.map { item -> [String: Any] in
                var row: [String: Any] = ["content": item.content]
                if let reason = item.reason { row["reason"] = reason }
                return row
            },
            "has_non_accessible": !a11y.nonAccessible.isEmpty,
        ]
        if let base = config.baseURL { view["base_url"] = base }
        // In a further language the portal's own facts (its name, the content listed) stay in its language.
        if let language = context.portalTextLanguage { view["portal_lang"] = language }
        if let date = a11y.statementDate { view["statement_date_text"] = date.formatted(language) }
        if let date = a11y.reviewDate ?? a11y.statementDate { view["review_date_text"] = date.formatted(language) }
        if let method = a11y.method {
            view["method_text"] = method == "self-assessment"
                ? (language == .cs ? "posouzení provedené subjektem veřejného sektoru (vlastní hodnocení)" : "a self-assessment by the public sector body")
                : method
        }
        if let email = a11y.contactEmail?.value {
            view["contact_email"] = email
            view["contact_email_href"] = "mailto:" + email
        }
        if let phone = a11y.contactPhone {
            view["contact_phone_text"] = PhoneNumber(phone)?.display ?? phone
            if let number = PhoneNumber(phone) { view["contact_phone_href"] = number.href }
        }
        return view
    }
}
