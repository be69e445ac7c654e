/// A phone number as the public sees it: grouped for reading (`+420 485 243 577`)
/// and as a `tel:` link (`tel:+420485243577`).
public struct PhoneNumber: Sendable, Hashable {
    /// Digits with a leading `+` and country code.
    public var e164: String

    /// Parses what a clerk wrote: `+420 485 243 577`, `485 243 577`, `00420485243577`.
    /// Nine-digit numbers without a country code are Czech. nil when it is not a plausible number.
    public init?(_ text: String) {
        var digits = ""
        var plus = false
        for (index, scalar) in text.unicodeScalars.enumerated() {
            if ("0"..."9").contains(scalar) {
                digits.unicodeScalars.append(scalar)
            } else if scalar == "+" && index == 0 {
                plus = true
            } else if " \u{00A0}\u{202F}-/().".unicodeScalars.contains(scalar) {
                continue
            } else {
                return nil
            }
        }
        if !plus && digits.hasPrefix("00") { digits.removeFirst(2); plus = true }
        if !plus {
            guard digits.count == 9 else { return nil }
            digits = "420" + digits
        }
        if digits.hasPrefix("420") {
            guard digits.count == 12 else { return nil }
        } else {
            guard (8...15).contains(digits.count), digits.first != "0" else { return nil }
        }
        e164 = "+" + digits
    }

    /// Czech numbers grouped 3-3-3 after the country code; others left as digits.
    public var display: String {
        let digits = Array(e164.dropFirst())
        if e164.hasPrefix("+420") && digits.count == 12 {
            let national = digits[3...]
            let groups = stride(from: national.startIndex, to: national.endIndex, by: 3).map {
                String(national[$0 ..< min($0 + 3, national.endIndex)])
            }
            return "+420\u{00A0}" + groups.joined(separator: "\u{00A0}")
        }
        return e164
    }

    /// The `tel:` link.
    public var href: String { "tel:" + e164 }
}
