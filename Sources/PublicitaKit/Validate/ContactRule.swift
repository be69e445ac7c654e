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
    /// By byte: whether it may be in the local part, and in the domain. Only ASCII is, so
    /// an address with any other character is not plausible, and its characters are its bytes.
    private static let allowedLocal = allowed("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.!#$%&'*+/=?^_`{|}~-")
    private static let allowedDomain = allowed("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-.")

    private static func allowed(_ characters: String) -> [Bool] {
        var table = [Bool](repeating: false, count: 256)
        for byte in characters.utf8 { table[Int(byte)] = true }
        return table
    }

    /// One `@` between a local part of 1–64 allowed characters, without a dot at either
    /// end or two in a row, and a domain of two or more non-empty labels.
    static func isPlausible(_ text: String) -> Bool {
        var text = text
        return text.withUTF8(isPlausible(bytes:))
    }

    private static func isPlausible(bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let at = UInt8(ascii: "@"), dot = UInt8(ascii: ".")
        guard let separator = bytes.firstIndex(of: at) else { return false }
        let local = bytes[..<separator], domain = bytes[(separator + 1)...]
        guard !local.isEmpty, local.count <= 64, !domain.contains(at) else { return false }
        guard local.allSatisfy({ allowedLocal[Int($0)] }), domain.allSatisfy({ allowedDomain[Int($0)] }) else { return false }
        func dotsInside(_ part: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
            part.first != dot && part.last != dot && !zip(part, part.dropFirst()).contains { $0 == dot && $1 == dot }
        }
        // Two or more labels, none empty: a dot, none at either end, none next to another.
        return dotsInside(local) && domain.contains(dot) && dotsInside(domain)
    }
}
