/// Contacts must have a usable e-mail address.
enum ContactRule {
    static func check(_ contacts: [Contact]) -> [Diagnostic] {
        contacts.enumerated().compactMap { index, contact in
            guard let email = contact.email, !EmailAddress.isPlausible(email.value) else { return nil }
            return .error(
                "contact.email", at: email.location, field: "contacts[\(index)].email",
                LocalizedText(cs: "„\(email.value)“ není platná e-mailová adresa", en: "\"\(email.value)\" is not a valid e-mail address"),
                expected: "jmeno@domena.cz", found: email.value)
        }
    }
}

/// A light e-mail syntax check: one `@`, a non-empty local part, a dotted domain, no spaces.
enum EmailAddress {
    static func isPlausible(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[0].count <= 64 else { return false }
        let domain = parts[1]
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, labels.allSatisfy({ !$0.isEmpty }) else { return false }
        let allowedLocal = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.!#$%&'*+/=?^_`{|}~-")
        let allowedDomain = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-.")
        return parts[0].allSatisfy { allowedLocal.contains($0) } && domain.allSatisfy { allowedDomain.contains($0) }
            && !parts[0].hasPrefix(".") && !parts[0].hasSuffix(".") && !parts[0].contains("..")
    }
}
