/// An exact amount of money, counted in haléře (1 Kč = 100 haléřů; for euro
/// amounts the same unit is the cent).
///
/// Funding figures on a transparency portal are checked to the haléř against
/// the project documentation, so the amount is an integer and all arithmetic is
/// integer arithmetic that reports overflow instead of trapping. Amounts are
/// never converted through `Double`, `Float` or a floating-point `Decimal`.
public struct Money: Sendable, Hashable, Comparable {
    /// The amount in haléře (hundredths of the currency unit).
    public var halere: Int64

    /// Creates an amount of `halere` hundredths of the currency unit.
    public init(halere: Int64) {
        self.halere = halere
    }

    /// No money at all.
    public static let zero = Money(halere: 0)

    /// The largest amount that can be represented: 92 233 720 368 547 758,07.
    public static let max = Money(halere: Int64.max)

    /// The largest amount a record may state (and the most negative one, negated):
    /// 9 999 999 999 999,99, just under 10¹³ Kč — a thousand times the largest
    /// EU-funded operation there is. `parse` refuses anything beyond it, which
    /// leaves room in 64 bits for every computation on amounts read from records:
    /// 9 223 such amounts still add up without overflow, and an amount times 600
    /// (the funding chart's pixels) or times 10⁶ (a share to four decimals, on
    /// 128 bits anyway) fits. Sums over more amounts than that are still checked.
    public static let maximum = Money(halere: 999_999_999_999_999)

    /// Whether the amount is below zero (the validator reports such amounts).
    public var isNegative: Bool { halere < 0 }

    /// Orders amounts by their value.
    public static func < (lhs: Money, rhs: Money) -> Bool {
        lhs.halere < rhs.halere
    }

    /// The sum of `self` and `other`, or `nil` when it does not fit.
    public func adding(_ other: Money) -> Money? {
        let (result, overflow) = halere.addingReportingOverflow(other.halere)
        return overflow ? nil : Money(halere: result)
    }

    /// `self` minus `other`, or `nil` when it does not fit.
    public func subtracting(_ other: Money) -> Money? {
        let (result, overflow) = halere.subtractingReportingOverflow(other.halere)
        return overflow ? nil : Money(halere: result)
    }

    /// The exact sum of `amounts` (zero for none), or `nil` on overflow.
    public static func sum<S: Sequence>(_ amounts: S) -> Money? where S.Element == Money {
        var total = Money.zero
        for amount in amounts {
            guard let next = total.adding(amount) else { return nil }
            total = next
        }
        return total
    }

    // MARK: Display

    /// The amount for readers, in Czech form: `6 516 052,50 Kč`.
    ///
    /// Thousands are separated by U+00A0 NO-BREAK SPACE and another U+00A0
    /// stands before the currency, so the figure never breaks across lines.
    /// The decimals are always written (two of them) and a negative amount gets
    /// the typographic minus U+2212. `currency` is an ISO code: `CZK` is shown
    /// as `Kč`, `EUR` as `€`, any other code as itself.
    public func formatted(currency: String = "CZK") -> String {
        formattedNumber + "\u{00A0}" + Money.symbol(forCurrency: currency)
    }

    /// The number alone in Czech form: `6 516 052,50` (U+00A0 between thousands).
    public var formattedNumber: String {
        let sign = halere < 0 ? "\u{2212}" : ""
        return sign + Money.groupThousands(wholeDigits, separator: "\u{00A0}") + "," + fractionDigits
    }

    /// The amount as a plain decimal for data files: `6516052.50`, `-10.00`.
    public var plainDecimal: String {
        (halere < 0 ? "-" : "") + wholeDigits + "." + fractionDigits
    }

    /// The display symbol for an ISO currency code.
    static func symbol(forCurrency code: String) -> String {
        switch code.uppercased() {
        case "CZK": return "Kč"
        case "EUR": return "€"
        default: return code
        }
    }

    /// The digits of the whole units, without sign. Works on the magnitude so
    /// that even `Int64.min` formats without overflow.
    private var wholeDigits: String {
        String(halere.magnitude / 100)
    }

    /// The two digits of the haléře, without sign.
    private var fractionDigits: String {
        let cents = halere.magnitude % 100
        return cents < 10 ? "0\(cents)" : "\(cents)"
    }

    /// Inserts `separator` between groups of three digits, counted from the right.
    static func groupThousands(_ digits: String, separator: String) -> String {
        let characters = Array(digits)
        var result = ""
        for (index, character) in characters.enumerated() {
            if index > 0 && (characters.count - index) % 3 == 0 {
                result += separator
            }
            result.append(character)
        }
        return result
    }
}

// MARK: - Codable

/// Money is stored in data files as its plain decimal text (`"6516052.50"`),
/// never as a JSON number: a reader that decodes numbers as binary floating
/// point would otherwise lose haléře on large amounts.
extension Money: Codable {
    /// Decodes an amount from text in any form `Money.parse` accepts.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            self = try Money.parse(text).amount
        } catch {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: error.message.en)
        }
    }

    /// Encodes the amount as its plain decimal text (`"6516052.50"`).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(plainDecimal)
    }
}

// MARK: - Parsing

/// An amount read from a source file, with the currency written beside it.
public struct ParsedMoney: Sendable, Hashable, Codable {
    /// The amount.
    public var amount: Money
    /// The ISO code of the currency written with the amount (`"CZK"`, `"EUR"`),
    /// or `nil` when none was written.
    public var currency: String?

    /// Creates a parsed amount.
    public init(amount: Money, currency: String?) {
        self.amount = amount
        self.currency = currency
    }
}

extension Money {
    /// Reads an amount from its source text, exactly.
    ///
    /// Accepted: the Czech form `6 516 052,50 Kč` (thousands separated by a
    /// space, U+00A0 or U+202F; one or two decimals after a comma; `1 000,- Kč`),
    /// the plain decimal `6516052.50` as YAML writes numbers, an optional leading
    /// `-` or `−`, and an optional currency (`Kč`, `Kc`, `CZK`, `€`, `EUR`)
    /// before or after the number. Any form that could be read two ways
    /// (`1.234`, `4,485,600.00`) is an error: the portal never guesses.
    public static func parse(_ text: String) throws(MoneyParseError) -> ParsedMoney {
        let original = ValueText.trimmed(text)
        guard !original.isEmpty else { throw .empty }

        var chars = Array(original)
        var negative = false

        // A sign may stand before a currency prefix (`-€5`) or after it (`€ -5`).
        if ValueText.takeSign(&chars) { negative = true }
        let prefix = ValueText.takeCurrencyWord(&chars, fromEnd: false)
        if !negative && ValueText.takeSign(&chars) { negative = true }
        let suffix = ValueText.takeCurrencyWord(&chars, fromEnd: true)
        // Without a single digit the text is not an amount at all; saying so
        // beats complaining about an "unknown currency" in a word like `abc`.
        guard chars.contains(where: ValueText.isDigit) else { throw .missingNumber(original) }

        var currency: String?
        switch (prefix, suffix) {
        case (let word?, nil), (nil, let word?):
            guard let code = Money.currencyCode(for: word) else { throw .unknownCurrency(word) }
            currency = code
        case (let before?, let after?):
            // `asi 1 000 Kč`: a word that is no currency is the fault, not a second currency.
            for word in [before, after] where Money.currencyCode(for: word) == nil { throw .unknownCurrency(word) }
            throw .duplicateCurrency(original)
        case (nil, nil):
            currency = nil
        }

        // The Czech `,-` (or `,–`) means "no haléře": `1 000,- Kč`.
        var dashMeansNoDecimals = false
        if chars.count >= 2, chars[chars.count - 2] == ",",
           let last = chars.last, last == "-" || last == "\u{2013}" {
            dashMeansNoDecimals = true
            chars.removeLast(2)
        }

        for character in chars where !ValueText.isNumberCharacter(character) {
            throw .invalidCharacter(String(character), in: original)
        }
        guard chars.contains(where: ValueText.isDigit) else { throw .missingNumber(original) }
        if dashMeansNoDecimals && chars.contains(where: { $0 == "," || $0 == "." }) {
            throw .malformed(original)
        }

        let (wholePart, fractionPart) = try splitDecimal(chars, original: original)
        let wholeDigits = try groupedDigits(wholePart, original: original)

        var halere: Int64 = 0
        for digit in wholeDigits + fractionPart + Array(repeating: "0", count: 2 - fractionPart.count) {
            guard let value = digit.wholeNumberValue else { throw .malformed(original) }
            let (shifted, overflow1) = halere.multipliedReportingOverflow(by: 10)
            let (added, overflow2) = shifted.addingReportingOverflow(Int64(value))
            // Past the maximum the remaining digits need not be read: the amount is refused.
            if overflow1 || overflow2 || added > Money.maximum.halere { throw .tooLarge(original) }
            halere = added
        }
        return ParsedMoney(amount: Money(halere: negative ? -halere : halere), currency: currency)
    }

    /// The ISO code for a currency word as people write it, or `nil` if unknown.
    static func currencyCode(for word: String) -> String? {
        switch word.lowercased() {
        case "kč", "kc", "czk": return "CZK"
        case "€", "eur": return "EUR"
        default: return nil
        }
    }

    /// Splits the number into its whole part and its (0–2 digit) decimals,
    /// deciding what each `,` and `.` means or refusing when it is unclear.
    private static func splitDecimal(
        _ chars: [Character], original: String
    ) throws(MoneyParseError) -> (whole: [Character], fraction: [Character]) {
        let commas = chars.filter { $0 == "," }.count
        let dots = chars.filter { $0 == "." }.count

        if commas == 0 && dots == 0 { return (chars, []) }

        if commas > 0 && dots > 0 {
            // Both kinds: one of them must be a thousands separator, which
            // Czech never uses; offer the reading only if there is exactly one.
            throw .ambiguous(original, readings: mixedReading(chars).map { [$0] } ?? [])
        }

        let separator: Character = commas > 0 ? "," : "."
        if commas + dots > 1 {
            // `1.234.567` or `1,234,567`: only a thousands separator can repeat,
            // but a dot or comma in that role is foreign to Czech — refuse.
            let groups = chars.split(separator: separator, omittingEmptySubsequences: false)
            if groups.allSatisfy({ $0.allSatisfy(ValueText.isDigit) }),
               isValidGrouping(groups.map(Array.init)) {
                throw .ambiguous(original, readings: [groups.map { String($0) }.joined(separator: " ")])
            }
            throw .ambiguous(original, readings: [])
        }

        guard let index = chars.firstIndex(of: separator) else { return (chars, []) }
        let whole = Array(chars[..<index])
        let fraction = Array(chars[(index + 1)...])
        guard !whole.isEmpty, !fraction.isEmpty,
              fraction.allSatisfy(ValueText.isDigit),
              let lastWhole = whole.last, ValueText.isDigit(lastWhole)
        else { throw .malformed(original) }

        if fraction.count <= 2 { return (whole, fraction) }

        // Three decimals after a lone separator in a short number (`1.234`,
        // `1,234`) may just as well be a thousands separator: say both readings.
        let wholeHasSpaces = whole.contains(where: ValueText.isGroupSeparator)
        if fraction.count == 3 && !wholeHasSpaces && (1...3).contains(whole.count) && whole.first != "0" {
            let asThousands = String(whole) + " " + String(fraction)
            let asDecimals = String(whole) + "," + String(fraction)
            throw .ambiguous(original, readings: [asThousands, asDecimals])
        }
        throw .tooManyDecimals(original, count: fraction.count)
    }

    /// The one plausible reading of a number that mixes `,` and `.`
    /// (`4,485,600.00` → `4 485 600,00`), or `nil` when there is none.
    private static func mixedReading(_ chars: [Character]) -> String? {
        guard let lastIndex = chars.lastIndex(where: { $0 == "," || $0 == "." }) else { return nil }
        let decimalMark = chars[lastIndex]
        let thousandsMark: Character = decimalMark == "," ? "." : ","
        let whole = chars[..<lastIndex]
        let fraction = chars[(lastIndex + 1)...]
        guard !whole.contains(decimalMark),
              (1...2).contains(fraction.count), fraction.allSatisfy(ValueText.isDigit)
        else { return nil }
        let groups = whole.split(separator: thousandsMark, omittingEmptySubsequences: false).map(Array.init)
        guard groups.count > 1, groups.allSatisfy({ $0.allSatisfy(ValueText.isDigit) }),
              isValidGrouping(groups)
        else { return nil }
        return groups.map { String($0) }.joined(separator: " ") + "," + String(fraction)
            + (fraction.count == 1 ? "0" : "")
    }

    /// The digits of a whole part whose thousands may be separated by spaces,
    /// after checking that the spaces really mark thousands.
    private static func groupedDigits(
        _ whole: [Character], original: String
    ) throws(MoneyParseError) -> [Character] {
        let groups = whole.split(omittingEmptySubsequences: false, whereSeparator: ValueText.isGroupSeparator)
            .map(Array.init)
        guard groups.allSatisfy({ $0.allSatisfy(ValueText.isDigit) }) else { throw .malformed(original) }
        if groups.count > 1 && !isValidGrouping(groups) { throw .invalidGrouping(original) }
        return groups.flatMap { $0 }
    }

    /// Thousands groups are valid when the first has 1–3 digits and every
    /// other exactly 3.
    private static func isValidGrouping(_ groups: [[Character]]) -> Bool {
        guard let first = groups.first, (1...3).contains(first.count) else { return false }
        return groups.dropFirst().allSatisfy { $0.count == 3 }
    }
}

/// Why the text of an amount could not be read.
public enum MoneyParseError: Error, Sendable, Hashable {
    /// Nothing was written.
    case empty
    /// There is a currency or sign but no digits (`Kč`, `-`).
    case missingNumber(String)
    /// A character that has no place in an amount (the character, the whole text).
    case invalidCharacter(String, in: String)
    /// A currency word other than Kč/CZK or €/EUR.
    case unknownCurrency(String)
    /// A currency written both before and after the number.
    case duplicateCurrency(String)
    /// More than two decimals (the text, how many decimals).
    case tooManyDecimals(String, count: Int)
    /// A number that could be read in more than one way (`1.234`, `4,485,600.00`).
    /// `readings` lists the plausible readings in Czech form (with ordinary
    /// spaces); when there is exactly one, it is offered as the correction.
    case ambiguous(String, readings: [String])
    /// Spaces that do not separate thousands (`65 16 052`).
    case invalidGrouping(String)
    /// A decimal separator in a place where it cannot be (`5,`, `,5`, `1 000,50,-`).
    case malformed(String)
    /// An amount beyond ``Money/maximum`` (either sign).
    case tooLarge(String)

    /// What went wrong, in Czech and English.
    public var message: LocalizedText {
        switch self {
        case .empty:
            return LocalizedText(cs: "Částka je prázdná.", en: "The amount is empty.")
        case .missingNumber(let text):
            return LocalizedText(
                cs: "V částce „\(text)“ chybí číslo.",
                en: "The amount “\(text)” has no number in it.")
        case .invalidCharacter(let character, let text):
            let name = ValueText.describe(character)
            return LocalizedText(
                cs: "Částka „\(text)“ obsahuje nepovolený znak \(name.cs).",
                en: "The amount “\(text)” contains \(name.en), which is not allowed in an amount.")
        case .unknownCurrency(let word):
            return LocalizedText(
                cs: "Slovo „\(word)“ v částce není měna, kterou znám; částka obsahuje jen číslo a měnu Kč (CZK) nebo € (EUR).",
                en: "The word “\(word)” in the amount is not a currency I know; an amount holds only a number and the currency Kč (CZK) or € (EUR).")
        case .duplicateCurrency(let text):
            return LocalizedText(
                cs: "V částce „\(text)“ je měna napsaná před číslem i za ním.",
                en: "The amount “\(text)” has a currency both before and after the number.")
        case .tooManyDecimals(let text, let count):
            return LocalizedText(
                cs: "Částka „\(text)“ má \(count) \(ValueText.czechDecimalPlaces(count)); haléře mají nejvýše dvě.",
                en: "The amount “\(text)” has \(count) decimal places; at most two (haléře) are allowed.")
        case .ambiguous(let text, let readings):
            if readings.count >= 2 {
                let cs = readings.map { "\($0)" }.joined(separator: ", nebo ")
                let en = readings.joined(separator: ", or ")
                return LocalizedText(
                    cs: "Částku „\(text)“ lze číst dvojím způsobem: jako \(cs). Tečka i čárka mohou oddělovat tisíce i desetinná místa.",
                    en: "The amount “\(text)” can be read two ways: as \(en). A dot or a comma may separate either thousands or decimals.")
            }
            if let reading = readings.first {
                return LocalizedText(
                    cs: "Částka „\(text)“ není jednoznačná: čárka a tečka v ní slouží jako oddělovač tisíců, což česky znamená desetinnou čárku. Nejspíš jde o \(reading).",
                    en: "The amount “\(text)” is ambiguous: it uses a comma or dot to separate thousands, which in Czech marks decimals. It most likely means \(reading).")
            }
            return LocalizedText(
                cs: "Částku „\(text)“ nelze přečíst jednoznačně: tečky a čárky v ní nedávají smysl ani jako oddělovač tisíců, ani jako desetinná čárka.",
                en: "The amount “\(text)” cannot be read unambiguously: its dots and commas make sense neither as thousands separators nor as a decimal mark.")
        case .invalidGrouping(let text):
            return LocalizedText(
                cs: "Mezery v částce „\(text)“ nedělí číslo po tisících: první skupina má mít 1 až 3 číslice a každá další právě 3.",
                en: "The spaces in the amount “\(text)” do not separate thousands: the first group must have 1 to 3 digits and every other exactly 3.")
        case .malformed(let text):
            return LocalizedText(
                cs: "Částku „\(text)“ nelze přečíst: desetinná čárka nebo tečka stojí na nesprávném místě.",
                en: "The amount “\(text)” cannot be read: a decimal comma or dot is in the wrong place.")
        case .tooLarge(let text):
            return LocalizedText(
                cs: "Částka „\(text)“ je příliš velká; nejvyšší částka, kterou lze zapsat, je \(Money.maximum.formattedNumber).",
                en: "The amount “\(text)” is too large; the largest amount that can be written is \(Money.maximum.formattedNumber).")
        }
    }

    /// How to write the amount instead, where there is something useful to say.
    public var suggestion: LocalizedText? {
        switch self {
        case .empty, .missingNumber:
            return LocalizedText(
                cs: "Napište částku, například 6 516 052,50 Kč.",
                en: "Write the amount, for example 6 516 052,50 Kč.")
        case .invalidCharacter(let character, _):
            if character == "\t" {
                return LocalizedText(
                    cs: "Tisíce oddělujte mezerou, ne tabulátorem: 6 516 052,50 Kč.",
                    en: "Separate thousands with a space, not a tab: 6 516 052,50 Kč.")
            }
            return LocalizedText(
                cs: "Částka smí obsahovat jen číslice, mezery mezi tisíci, desetinnou čárku a měnu (Kč nebo €), například 6 516 052,50 Kč.",
                en: "An amount may contain only digits, spaces between thousands, a decimal comma and a currency (Kč or €), for example 6 516 052,50 Kč.")
        case .unknownCurrency:
            return LocalizedText(
                cs: "Napište Kč nebo €, případně měnu vynechte.",
                en: "Write Kč or €, or leave the currency out.")
        case .duplicateCurrency:
            return LocalizedText(
                cs: "Měnu napište jen jednou, za číslo: 6 516 052,50 Kč.",
                en: "Write the currency once, after the number: 6 516 052,50 Kč.")
        case .tooManyDecimals:
            return LocalizedText(
                cs: "Zaokrouhlete na haléře (dvě desetinná místa), například 1 234,57 Kč.",
                en: "Round to haléře (two decimal places), for example 1 234,57 Kč.")
        case .ambiguous(_, let readings):
            if readings.count == 1, let reading = readings.first {
                return LocalizedText(
                    cs: "Napište ji v českém tvaru: \(reading) Kč.",
                    en: "Write it in Czech form: \(reading) Kč.")
            }
            return LocalizedText(
                cs: "Tisíce oddělujte mezerou a desetinná místa čárkou: 1 234 Kč, nebo 1,23 Kč.",
                en: "Separate thousands with a space and decimals with a comma: 1 234 Kč, or 1,23 Kč.")
        case .invalidGrouping:
            return LocalizedText(
                cs: "Oddělujte mezerou vždy tři číslice zprava, například 6 516 052 Kč, nebo pište bez mezer: 6516052.",
                en: "Put a space before every three digits from the right, for example 6 516 052 Kč, or write no spaces: 6516052.")
        case .malformed:
            return LocalizedText(
                cs: "Pište například 6 516 052,50 Kč, 0,75 Kč nebo 1 000,- Kč.",
                en: "Write, for example, 6 516 052,50 Kč, 0,75 Kč or 1 000,- Kč.")
        case .tooLarge:
            return LocalizedText(
                cs: "Zkontrolujte počet číslic; částka se zapisuje v korunách (nebo eurech), ne v haléřích.",
                en: "Check the number of digits; an amount is written in crowns (or euros), not in haléře.")
        }
    }
}

// MARK: - Shared scanning helpers

/// Character classes and small helpers shared by the value parsers
/// (`Money`, `Share`, `RegistrationNumber`, `Day`).
enum ValueText {
    /// `text` without leading and trailing whitespace (any Unicode whitespace,
    /// including U+00A0 and U+202F).
    static func trimmed(_ text: String) -> String {
        guard let start = text.firstIndex(where: { !$0.isWhitespace }),
              let end = text.lastIndex(where: { !$0.isWhitespace })
        else { return "" }
        return String(text[start...end])
    }

    /// An ASCII digit 0–9 (and nothing else: no other scripts' digits, no
    /// digit carrying a combining mark).
    static func isDigit(_ character: Character) -> Bool {
        guard let ascii = character.asciiValue else { return false }
        return ascii >= 48 && ascii <= 57
    }

    /// A space that may separate thousands: ASCII space, U+00A0 NO-BREAK SPACE
    /// or U+202F NARROW NO-BREAK SPACE. Tabs deliberately are not.
    static func isGroupSeparator(_ character: Character) -> Bool {
        character == " " || character == "\u{00A0}" || character == "\u{202F}"
    }

    /// A character that may appear in the number part of an amount.
    static func isNumberCharacter(_ character: Character) -> Bool {
        isDigit(character) || isGroupSeparator(character) || character == "," || character == "."
    }

    /// Removes a leading `-` or `−` (and whitespace after it); says whether it did.
    static func takeSign(_ chars: inout [Character]) -> Bool {
        guard let first = chars.first, first == "-" || first == "\u{2212}" else { return false }
        chars.removeFirst()
        trimWhitespace(&chars)
        return true
    }

    /// Removes a currency word (letters or currency symbols) from the start or
    /// the end of `chars`, with whitespace around it, and returns it.
    static func takeCurrencyWord(_ chars: inout [Character], fromEnd: Bool) -> String? {
        func isWordCharacter(_ character: Character) -> Bool {
            character.isLetter || character.isCurrencySymbol
        }
        var word: [Character] = []
        if fromEnd {
            while let last = chars.last, isWordCharacter(last) {
                word.insert(last, at: 0)
                chars.removeLast()
            }
        } else {
            while let first = chars.first, isWordCharacter(first) {
                word.append(first)
                chars.removeFirst()
            }
        }
        trimWhitespace(&chars)
        return word.isEmpty ? nil : String(word)
    }

    /// The first run of letters in `chars` (`procent` in `85 procent`), or nil.
    static func firstWord(in chars: [Character]) -> String? {
        guard let start = chars.firstIndex(where: \.isLetter) else { return nil }
        let end = chars[start...].firstIndex(where: { !$0.isLetter }) ?? chars.endIndex
        return String(chars[start..<end])
    }

    /// Removes whitespace from both ends of `chars`.
    static func trimWhitespace(_ chars: inout [Character]) {
        while let first = chars.first, first.isWhitespace { chars.removeFirst() }
        while let last = chars.last, last.isWhitespace { chars.removeLast() }
    }

    /// A character named for a message: `„x“ (U+0078)`, with invisible
    /// characters (tab, spaces) named in words, since quoting them shows nothing.
    static func describe(_ character: String) -> LocalizedText {
        let codes = character.unicodeScalars
            .map { "U+" + String(repeating: "0", count: max(0, 4 - String($0.value, radix: 16).count))
                + String($0.value, radix: 16, uppercase: true) }
            .joined(separator: " ")
        switch character {
        case "\t": return LocalizedText(cs: "tabulátor (\(codes))", en: "a tab (\(codes))")
        case "\n", "\r", "\r\n": return LocalizedText(cs: "konec řádku (\(codes))", en: "a line break (\(codes))")
        case " ": return LocalizedText(cs: "mezeru (\(codes))", en: "a space (\(codes))")
        default:
            if character.allSatisfy(\.isWhitespace) {
                return LocalizedText(cs: "zvláštní mezeru (\(codes))", en: "an unusual space (\(codes))")
            }
            return LocalizedText(cs: "„\(character)“ (\(codes))", en: "“\(character)” (\(codes))")
        }
    }

    /// "desetinné místo" declined for `count` in Czech.
    static func czechDecimalPlaces(_ count: Int) -> String {
        switch count {
        case 1: return "desetinné místo"
        case 2...4: return "desetinná místa"
        default: return "desetinných míst"
        }
    }
}
