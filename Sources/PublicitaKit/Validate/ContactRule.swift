/// Contacts must have a usable e-mail address and a plausible phone number.
enum ContactRule: ProjectRule {
    static func check(_ project: Project, today: Day) -> [Diagnostic] { check(project.contacts) }

    static func check(_ contacts: [Contact]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for (index, contact) in contacts.enumerated() {
            if let email = contact.email, !EmailAddress.isPlausible(email.value) {
                diagnostics.append(.error(
                    .contactEmail, at: email.location, field: "contacts[\(index)].email",
                    LocalizedText(cs: "„\(email.value)“ není platná e-mailová adresa", en: "\"\(email.value)\" is not a valid e-mail address"),
                    expected: "jmeno@domena.cz", found: email.value))
            }
            if let phone = contact.phone, PhoneNumber(phone.value) == nil {
                diagnostics.append(.warning(
                    .contactPhone, at: phone.location, field: "contacts[\(index)].phone",
                    LocalizedText(cs: "„\(phone.value)“ nevypadá jako české ani mezinárodní telefonní číslo; nebude z něj odkaz tel:",
                                  en: "\"\(phone.value)\" does not look like a Czech or international phone number; it gets no tel: link"),
                    expected: "+420 485 243 577 | 485 243 577", found: phone.value,
                    suggestion: LocalizedText(cs: "uveďte devět číslic, případně s předvolbou +420; poznámky (linka, hodiny) dejte do pole note",
                                              en: "write nine digits, optionally with +420; put notes (extension, hours) in the note field")))
            }
        }
        return diagnostics
    }
}

/// A light e-mail syntax check: one `@`, a non-empty local part, a dotted domain, no spaces.
enum EmailAddress {
    // Built once: creating these sets per address was a visible part of validating a large portal.
    private static let allowedLocal = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.!#$%&'*+/=?^_`{|}~-")
    private static let allowedDomain = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-.")

    static func isPlausible(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[0].count <= 64 else { return false }
        let domain = parts[1]
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, labels.allSatisfy({ !$0.isEmpty }) else { return false }
        return parts[0].allSatisfy { allowedLocal.contains($0) } && domain.allSatisfy { allowedDomain.contains($0) }
            && !parts[0].hasPrefix(".") && !parts[0].hasSuffix(".") && !parts[0].contains("..")
    }
}
