/// A percentage as the documentation states it (`85 %`, `76,74 %`), kept
/// exactly as a scaled integer together with the precision it was written to.
///
/// The precision matters: a share written as `85 %` is checked to whole
/// percent, one written as `85,00 %` to hundredths. So `85 %` and `85,00 %` are
/// different values (they are not `==`), although they denote the same number.
public struct Share: Sendable, Hashable, Codable {
    /// The percentage times 10^`decimals`: 85 % is `(85, 0)`, 76,74 % is `(7674, 2)`.
    public var scaled: Int64
    /// How many decimals the percentage was written with, 0...4.
    public var decimals: Int

    /// The precisions a share can be stated and computed to.
    public static let supportedDecimals = 0...4

    /// Creates a share of `scaled` ÷ 10^`decimals` percent, or `nil` when
    /// `decimals` is outside 0...4.
    public init?(scaled: Int64, decimals: Int) {
        guard Share.supportedDecimals.contains(decimals) else { return nil }
        self.scaled = scaled
        self.decimals = decimals
    }

    /// The share for readers: `85 %`, `76,74 %` (decimal comma, U+00A0 before
    /// the percent sign so that it never wraps onto its own line).
    public var formatted: String {
        let sign = scaled < 0 ? "\u{2212}" : ""
        let divisor = Share.powerOfTen(decimals).magnitude
        let whole = scaled.magnitude / divisor
        var text = sign + String(whole)
        if decimals > 0 {
            let fraction = String(scaled.magnitude % divisor)
            text += "," + String(repeating: "0", count: decimals - fraction.count) + fraction
        }
        return text + "\u{00A0}%"
    }

    /// The share as a plain decimal for data files, without the percent sign and
    /// with the decimals it was written or computed to: `85`, `76.74`, `85.00`.
    public var plainDecimal: String {
        let sign = scaled < 0 ? "-" : ""
        let divisor = Share.powerOfTen(decimals).magnitude
        var text = sign + String(scaled.magnitude / divisor)
        if decimals > 0 {
            let fraction = String(scaled.magnitude % divisor)
            text += "." + String(repeating: "0", count: decimals - fraction.count) + fraction
        }
        return text
    }

    /// `part` as a percentage of `total`, rounded half up (half away from zero)
    /// to `decimals` places.
    ///
    /// `nil` when `total` is zero or negative, when `decimals` is outside
    /// 0...4, or when the result would not fit. The division is done on
    /// 128-bit intermediates, so no amount overflows on the way.
    public static func of(_ part: Money, in total: Money, decimals: Int) -> Share? {
        guard total.halere > 0, supportedDecimals.contains(decimals) else { return nil }
        // part × 100 × 10^decimals ÷ total, all on magnitudes.
        let multiplier = UInt64(powerOfTen(decimals + 2))
        let divisor = UInt64(total.halere)
        let product = part.halere.magnitude.multipliedFullWidth(by: multiplier)
        // dividingFullWidth traps when the quotient does not fit: rule that out.
        guard product.high < divisor else { return nil }
        let (quotient, remainder) = divisor.dividingFullWidth(product)
        // Round half up: remainder ≥ divisor/2, written without overflow.
        let roundsUp = remainder >= divisor - remainder
        let (rounded, overflow) = quotient.addingReportingOverflow(roundsUp ? 1 : 0)
        guard !overflow, rounded <= UInt64(Int64.max) else { return nil }
        let magnitude = Int64(rounded)
        return Share(scaled: part.halere < 0 ? -magnitude : magnitude, decimals: decimals)
    }

    /// `part` ÷ `total` × 100 × 10^`decimals`, rounded down, with the remainder and the
    /// divisor (the total in haléře), for rounding several shares together. `nil` for a
    /// negative part, a total that is not positive or a quotient that does not fit.
    static func divide(_ part: Money, by total: Money, decimals: Int) -> (quotient: Int64, remainder: UInt64, divisor: UInt64)? {
        guard total.halere > 0, part.halere >= 0, supportedDecimals.contains(decimals) else { return nil }
        let divisor = UInt64(total.halere)
        let product = UInt64(part.halere).multipliedFullWidth(by: UInt64(powerOfTen(decimals + 2)))
        guard product.high < divisor else { return nil }
        let (quotient, remainder) = divisor.dividingFullWidth(product)
        guard quotient <= UInt64(Int64.max) else { return nil }
        return (Int64(quotient), remainder, divisor)
    }

    /// Whether `part` of `total` rounds to exactly this share at the precision
    /// it was stated with (`85 %` accepts 84,5 % up to just below 85,5 %).
    public func matches(part: Money, total: Money) -> Bool {
        Share.of(part, in: total, decimals: decimals) == self
    }

    /// 10^`exponent` for the small exponents shares use (0...6).
    private static func powerOfTen(_ exponent: Int) -> Int64 {
        var result: Int64 = 1
        for _ in 0..<max(0, exponent) { result *= 10 }
        return result
    }
}

extension Share {
    /// Reads a percentage: a number with an optional decimal comma or dot
    /// (at most 4 decimals) and an optional `%` after it, with or without a
    /// space: `85 %`, `85%`, `85`, `76,74 %`, `76.74 %`. Nothing may follow
    /// the `%`; negative shares are refused.
    public static func parse(_ text: String) throws(ShareParseError) -> Share {
        let original = ValueText.trimmed(text)
        guard !original.isEmpty else { throw .empty }

        var chars = Array(original)
        if let percentIndex = chars.firstIndex(of: "%") {
            guard percentIndex == chars.count - 1 else { throw .textAfterPercent(original) }
            chars.removeLast()
            ValueText.trimWhitespace(&chars)
        }
        if let first = chars.first, first == "-" || first == "\u{2212}" {
            throw .negative(original)
        }
        guard chars.contains(where: ValueText.isDigit) else { throw .missingNumber(original) }
        // Name the real fault: a word (`85 procent`) or a space inside the number
        // (`1 000 %`), not the space that happens to come first.
        if let word = ValueText.firstWord(in: chars) { throw .word(word, in: original) }
        for (index, character) in chars.enumerated() where !(ValueText.isDigit(character) || character == "," || character == ".") {
            if ValueText.isGroupSeparator(character), index > 0, index < chars.count - 1 { throw .spaceInNumber(original) }
            throw .invalidCharacter(String(character), in: original)
        }

        let separators = chars.filter { $0 == "," || $0 == "." }.count
        var whole = chars
        var fraction: [Character] = []
        if separators > 1 { throw .malformed(original) }
        if let index = chars.firstIndex(where: { $0 == "," || $0 == "." }) {
            whole = Array(chars[..<index])
            fraction = Array(chars[(index + 1)...])
            guard !whole.isEmpty, !fraction.isEmpty else { throw .malformed(original) }
        }
        guard supportedDecimals.contains(fraction.count) else {
            throw .tooManyDecimals(original, count: fraction.count)
        }

        var scaled: Int64 = 0
        for digit in whole + fraction {
            guard let value = digit.wholeNumberValue else { throw .malformed(original) }
            let (shifted, overflow1) = scaled.multipliedReportingOverflow(by: 10)
            let (added, overflow2) = shifted.addingReportingOverflow(Int64(value))
            if overflow1 || overflow2 { throw .tooLarge(original) }
            scaled = added
        }
        guard let share = Share(scaled: scaled, decimals: fraction.count) else {
            throw .tooManyDecimals(original, count: fraction.count)
        }
        return share
    }
}

/// Why the text of a percentage could not be read.
public enum ShareParseError: Error, Sendable, Hashable {
    /// Nothing was written.
    case empty
    /// No digits (`%`).
    case missingNumber(String)
    /// A character that has no place in a percentage (the character, the whole text).
    case invalidCharacter(String, in: String)
    /// A word in the number (`85 procent`: the word, the whole text).
    case word(String, in: String)
    /// A space or another blank between the digits (`1 000 %`, `8 5 %`).
    case spaceInNumber(String)
    /// Something written after the `%` (`10 % CZV`).
    case textAfterPercent(String)
    /// More than four decimals (the text, how many).
    case tooManyDecimals(String, count: Int)
    /// A decimal separator in the wrong place or more than one (`85,`, `,5`, `1.2.3`).
    case malformed(String)
    /// A share below zero.
    case negative(String)
    /// A number too large to represent.
    case tooLarge(String)

    /// What went wrong, in Czech and English.
    public var message: LocalizedText {
        switch self {
        case .empty:
            return LocalizedText(cs: "Podíl je prázdný.", en: "The share is empty.")
        case .missingNumber(let text):
            return LocalizedText(
                cs: "V podílu „\(text)“ chybí číslo.",
                en: "The share “\(text)” has no number in it.")
        case .invalidCharacter(let character, let text):
            let name = ValueText.describe(character)
            return LocalizedText(
                cs: "Podíl „\(text)“ obsahuje nepovolený znak \(name.cs).",
                en: "The share “\(text)” contains \(name.en), which is not allowed in a percentage.")
        case .word(let word, let text):
            return LocalizedText(
                cs: "Podíl „\(text)“ obsahuje slovo „\(word)“; podíl se zapisuje jen číslem a znakem %.",
                en: "The share “\(text)” contains the word “\(word)”; a share is written as a number and a % sign only.")
        case .spaceInNumber(let text):
            return LocalizedText(
                cs: "V čísle podílu „\(text)“ je mezera; podíl je jedno číslo (nejvýše 100) bez mezer.",
                en: "The share “\(text)” has a space inside its number; a share is one number (at most 100) without spaces.")
        case .textAfterPercent(let text):
            return LocalizedText(
                cs: "V podílu „\(text)“ následuje za znakem % ještě další text.",
                en: "The share “\(text)” has more text after the % sign.")
        case .tooManyDecimals(let text, let count):
            return LocalizedText(
                cs: "Podíl „\(text)“ má \(count) \(ValueText.czechDecimalPlaces(count)); povolena jsou nejvýše čtyři.",
                en: "The share “\(text)” has \(count) decimal places; at most four are allowed.")
        case .malformed(let text):
            return LocalizedText(
                cs: "Podíl „\(text)“ nelze přečíst: desetinná čárka stojí na nesprávném místě nebo je tam víckrát.",
                en: "The share “\(text)” cannot be read: the decimal comma is misplaced or appears more than once.")
        case .negative(let text):
            return LocalizedText(
                cs: "Podíl „\(text)“ je záporný; podíl na financování nemůže být menší než nula.",
                en: "The share “\(text)” is negative; a funding share cannot be below zero.")
        case .tooLarge(let text):
            return LocalizedText(
                cs: "Podíl „\(text)“ je příliš velké číslo.",
                en: "The share “\(text)” is too large a number.")
        }
    }

    /// How to write the share instead.
    public var suggestion: LocalizedText? {
        switch self {
        case .negative, .tooLarge:
            return nil
        case .word(let word, _):
            let isPercentWord = ["procent", "procenta", "procento", "percent", "pct", "proc"].contains(word.lowercased())
            return LocalizedText(
                cs: isPercentWord ? "Místo slova „\(word)“ napište znak %, například 85 %." : "Slovo vynechte a napište jen číslo se znakem %, například 85 %.",
                en: isPercentWord ? "Write a % sign instead of the word “\(word)”, for example 85 %." : "Leave the word out and write only the number with a % sign, for example 85 %.")
        case .textAfterPercent:
            return LocalizedText(
                cs: "Napište jen číslo a znak %, například 85 %; popis patří do jiného pole.",
                en: "Write only the number and the % sign, for example 85 %; a description belongs in another field.")
        default:
            return LocalizedText(
                cs: "Napište podíl jako číslo se znakem %, například 85 % nebo 76,74 %.",
                en: "Write the share as a number with a % sign, for example 85 % or 76,74 %.")
        }
    }
}
