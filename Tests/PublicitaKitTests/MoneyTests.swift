import Foundation
import Testing
@testable import PublicitaKit

/// The unicode scalar values of `text`, for asserting exact spaces and minus signs.
private func scalars(_ text: String) -> [UInt32] {
    text.unicodeScalars.map(\.value)
}

/// Parses `text` and returns the amount in haléře, recording a failure when it throws.
private func halere(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Int64? {
    do {
        return try Money.parse(text).amount.halere
    } catch {
        Issue.record("\(text) failed: \(error.message.en)", sourceLocation: sourceLocation)
        return nil
    }
}

/// The error `Money.parse(text)` throws, or `nil` when it succeeds.
private func parseError(_ text: String) -> MoneyParseError? {
    do {
        _ = try Money.parse(text)
        return nil
    } catch {
        return error
    }
}

@Suite("Money")
struct MoneyTests {
    // MARK: Accepted forms

    @Test("Accepted forms parse to the exact amount", arguments: [
        ("6 516 052,50 Kč", Int64(651_605_250), "CZK"),
        ("6 516 052 Kč", 651_605_200, "CZK"),
        ("651 606,25", 65_160_625, nil),
        ("6\u{00A0}516\u{00A0}052,50\u{00A0}Kč", 651_605_250, "CZK"),
        ("6\u{202F}516\u{202F}052,50 Kč", 651_605_250, "CZK"),
        ("6\u{00A0}516 052,50", 651_605_250, nil),
        ("5,5", 550, nil),
        ("5,50", 550, nil),
        ("6516052.50", 651_605_250, nil),
        ("6516052.5", 651_605_250, nil),
        ("6516052", 651_605_200, nil),
        ("0.75", 75, nil),
        ("651606.25", 65_160_625, nil),
        ("5538653", 553_865_300, nil),
        ("1 000,- Kč", 100_000, "CZK"),
        ("1 000,–", 100_000, nil),
        ("1000,-", 100_000, nil),
        ("-10", -1_000, nil),
        ("\u{2212}1 000,00 Kč", -100_000, "CZK"),
        ("- 5 Kč", -500, "CZK"),
        ("  6 516 052,50 Kč \n", 651_605_250, "CZK"),
        ("6 516 052,50Kč", 651_605_250, "CZK"),
        ("6 516 052,50 Kc", 651_605_250, "CZK"),
        ("6 516 052,50 CZK", 651_605_250, "CZK"),
        ("6 516 052,50 czk", 651_605_250, "CZK"),
        ("Kč 500", 50_000, "CZK"),
        ("CZK 6516052.50", 651_605_250, "CZK"),
        ("€5", 500, "EUR"),
        ("5 €", 500, "EUR"),
        ("1 234,56 EUR", 123_456, "EUR"),
        ("EUR 10", 1_000, "EUR"),
        ("-€5", -500, "EUR"),
        ("€ -5", -500, "EUR"),
        ("0", 0, nil),
        ("0,01", 1, nil),
        ("999", 99_900, nil),
        ("1 000", 100_000, nil),
        ("12 345 678", 1_234_567_800, nil),
        ("1 234.56", 123_456, nil),
        ("007", 700, nil),
        ("9999999999999.99", 999_999_999_999_999, nil),
        ("9 999 999 999 999,99 Kč", 999_999_999_999_999, "CZK"),
        ("-9 999 999 999 999,99", -999_999_999_999_999, nil),
    ] as [(String, Int64, String?)])
    func accepted(text: String, expected: Int64, currency: String?) throws {
        let parsed = try Money.parse(text)
        #expect(parsed.amount.halere == expected)
        #expect(parsed.currency == currency)
    }

    @Test func kcWithDecomposedHacekIsCZK() throws {
        // "Kč" typed as K + c + U+030C COMBINING CARON.
        let parsed = try Money.parse("10 Kc\u{030C}")
        #expect(parsed.currency == "CZK")
        #expect(parsed.amount == Money(halere: 1_000))
    }

    // MARK: Formatting

    @Test func formattedUsesNoBreakSpacesAndDecimalComma() {
        let money = Money(halere: 651_605_250)
        #expect(money.formatted() == "6\u{00A0}516\u{00A0}052,50\u{00A0}Kč")
        #expect(scalars(money.formatted()) == scalars("6") + [0xA0] + scalars("516") + [0xA0]
            + scalars("052,50") + [0xA0] + scalars("Kč"))
        #expect(!money.formatted().contains(" "))
        #expect(money.formattedNumber == "6\u{00A0}516\u{00A0}052,50")
    }

    @Test func formattedCurrencies() {
        let money = Money(halere: 123_456)
        #expect(money.formatted(currency: "CZK") == "1\u{00A0}234,56\u{00A0}Kč")
        #expect(money.formatted(currency: "EUR") == "1\u{00A0}234,56\u{00A0}€")
        #expect(money.formatted(currency: "USD") == "1\u{00A0}234,56\u{00A0}USD")
    }

    @Test func formattedNegativeUsesMinusSign() {
        let money = Money(halere: -100_000)
        #expect(money.formatted() == "\u{2212}1\u{00A0}000,00\u{00A0}Kč")
        #expect(scalars(money.formatted()).first == 0x2212)
        #expect(money.plainDecimal == "-1000.00")
    }

    @Test("Formatting small and edge amounts", arguments: [
        (Int64(0), "0,00", "0.00"),
        (1, "0,01", "0.01"),
        (-1, "\u{2212}0,01", "-0.01"),
        (10, "0,10", "0.10"),
        (99_999, "999,99", "999.99"),
        (100_000, "1\u{00A0}000,00", "1000.00"),
        (-1_000, "\u{2212}10,00", "-10.00"),
        (651_605_250, "6\u{00A0}516\u{00A0}052,50", "6516052.50"),
        (Int64.max, "92\u{00A0}233\u{00A0}720\u{00A0}368\u{00A0}547\u{00A0}758,07", "92233720368547758.07"),
        (Int64.min, "\u{2212}92\u{00A0}233\u{00A0}720\u{00A0}368\u{00A0}547\u{00A0}758,08", "-92233720368547758.08"),
    ] as [(Int64, String, String)])
    func formatting(halere: Int64, number: String, plain: String) {
        let money = Money(halere: halere)
        #expect(money.formattedNumber == number)
        #expect(money.plainDecimal == plain)
    }

    // MARK: Arithmetic

    @Test func exactSum() throws {
        let parts = try ["2 076 316,32", "244 272,50", "122 136,27"].map { try Money.parse($0).amount }
        let total = try #require(Money.sum(parts))
        #expect(total == (try Money.parse("2 442 725,09 Kč").amount))
        #expect(total.halere == 244_272_509)
    }

    @Test func oneHalerDifferenceIsDetected() throws {
        let parts = try ["2 076 316,32", "244 272,50", "122 136,27"].map { try Money.parse($0).amount }
        let total = try #require(Money.sum(parts))
        let published = try Money.parse("2 442 725,10 Kč").amount
        #expect(total != published)
        #expect(published.subtracting(total) == Money(halere: 1))
    }

    @Test func liberecTotalDiffersByTenCrowns() throws {
        let parts = try ["5 538 653,12", "651 606,25", "325 803,13"].map { try Money.parse($0).amount }
        let total = try #require(Money.sum(parts))
        #expect(total.formatted() == "6\u{00A0}516\u{00A0}062,50\u{00A0}Kč")
        let published = try Money.parse("6 516 052,50 Kč").amount
        #expect(total != published)
        let difference = try #require(total.subtracting(published))
        #expect(difference == (try Money.parse("10,00").amount))
        #expect(difference.formatted() == "10,00\u{00A0}Kč")
    }

    @Test func overflowIsReportedNotTrapped() {
        #expect(Money.max.adding(Money(halere: 1)) == nil)
        #expect(Money(halere: Int64.min).subtracting(Money(halere: 1)) == nil)
        #expect(Money.sum([Money.max, Money(halere: 1)]) == nil)
        #expect(Money.sum([Money.max, Money(halere: 1), Money(halere: -5)]) == nil)
        #expect(Money.sum([Money]()) == .zero)
        #expect(Money(halere: 5).adding(Money(halere: -7)) == Money(halere: -2))
    }

    @Test func ordering() {
        #expect(Money(halere: -1) < .zero)
        #expect(Money.zero < Money(halere: 1))
        #expect([Money(halere: 3), Money(halere: -2), .zero].sorted() == [Money(halere: -2), .zero, Money(halere: 3)])
        #expect(Money(halere: -1).isNegative)
        #expect(!Money.zero.isNegative)
    }

    @Test func codableUsesPlainDecimalText() throws {
        let money = Money(halere: 651_605_250)
        let encoded = try JSONEncoder().encode([money])
        #expect(String(decoding: encoded, as: UTF8.self) == #"["6516052.50"]"#)
        let decoded = try JSONDecoder().decode([Money].self, from: Data(#"["6 516 052,50 Kč"]"#.utf8))
        #expect(decoded == [money])
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([Money].self, from: Data(#"["1.234"]"#.utf8))
        }
    }

    // MARK: Errors

    @Test func empty() {
        #expect(parseError("") == .empty)
        #expect(parseError("   \u{00A0}") == .empty)
    }

    @Test("No digits at all", arguments: ["Kč", "-", "€", "abc", "- Kč", ",", "."])
    func missingNumber(text: String) {
        guard case .missingNumber? = parseError(text) else {
            Issue.record("\(text): \(String(describing: parseError(text)))")
            return
        }
    }

    @Test func tooManyDecimals() {
        #expect(parseError("1 234,567") == .tooManyDecimals("1 234,567", count: 3))
        #expect(parseError("1234,567") == .tooManyDecimals("1234,567", count: 3))
        #expect(parseError("1234.567") == .tooManyDecimals("1234.567", count: 3))
        #expect(parseError("0,125") == .tooManyDecimals("0,125", count: 3))
        #expect(parseError("5,1234") == .tooManyDecimals("5,1234", count: 4))
        #expect(parseError("1.2345") == .tooManyDecimals("1.2345", count: 4))
        #expect(parseError("1 234.567") == .tooManyDecimals("1 234.567", count: 3))
        let message = MoneyParseError.tooManyDecimals("1234,567", count: 3).message
        #expect(message.cs.contains("3 desetinná místa"))
        #expect(message.en.contains("at most two"))
        #expect(MoneyParseError.tooManyDecimals("x", count: 5).message.cs.contains("5 desetinných míst"))
    }

    @Test func loneSeparatorWithThreeDigitsIsAmbiguous() throws {
        for text in ["1.234", "1,234", "123.456", "12,345 Kč"] {
            let error = try #require(parseError(text))
            guard case .ambiguous(_, let readings) = error else {
                Issue.record("\(text): \(error)")
                continue
            }
            #expect(readings.count == 2)
        }
        let error = try #require(parseError("1.234"))
        #expect(error == .ambiguous("1.234", readings: ["1 234", "1,234"]))
        #expect(error.message.cs.contains("1 234"))
        #expect(error.message.cs.contains("1,234"))
        #expect(error.message.en.contains("1 234"))
        #expect(error.message.en.contains("1,234"))
    }

    @Test func mixedSeparatorsAreAmbiguousWithCzechSuggestion() throws {
        let english = try #require(parseError("4,485,600.00"))
        #expect(english == .ambiguous("4,485,600.00", readings: ["4 485 600,00"]))
        #expect(english.suggestion?.cs.contains("4 485 600,00 Kč") == true)
        #expect(english.suggestion?.en.contains("4 485 600,00 Kč") == true)

        let german = try #require(parseError("4.485.600,00 Kč"))
        #expect(german == .ambiguous("4.485.600,00 Kč", readings: ["4 485 600,00"]))
        #expect(german.suggestion?.cs.contains("4 485 600,00 Kč") == true)

        let oneDecimal = try #require(parseError("1,234.5"))
        #expect(oneDecimal == .ambiguous("1,234.5", readings: ["1 234,50"]))

        // No plausible reading at all: still refused as ambiguous, with no guess.
        let nonsense = try #require(parseError("1.2,3.4"))
        #expect(nonsense == .ambiguous("1.2,3.4", readings: []))
        #expect(nonsense.suggestion != nil)
    }

    @Test func repeatedDotOrCommaIsAmbiguous() {
        #expect(parseError("1.234.567") == .ambiguous("1.234.567", readings: ["1 234 567"]))
        #expect(parseError("1,234,567") == .ambiguous("1,234,567", readings: ["1 234 567"]))
        #expect(parseError("1.2.3") == .ambiguous("1.2.3", readings: []))
        #expect(parseError("1..5") == .ambiguous("1..5", readings: []))
    }

    @Test("Spaces that do not separate thousands", arguments: [
        "65 16 052", "1 00", "1234 567", "1 2345", "1  000", "1 000 00,50", "6 516 052 5",
    ])
    func invalidGrouping(text: String) {
        #expect(parseError(text) == .invalidGrouping(text))
    }

    @Test func invalidCharacters() throws {
        #expect(parseError("12a34") == .invalidCharacter("a", in: "12a34"))
        #expect(parseError("1\t000") == .invalidCharacter("\t", in: "1\t000"))
        #expect(parseError("+5") == .invalidCharacter("+", in: "+5"))
        #expect(parseError("5-3") == .invalidCharacter("-", in: "5-3"))
        #expect(parseError("--5") == .invalidCharacter("-", in: "--5"))
        #expect(parseError("1_000") == .invalidCharacter("_", in: "1_000"))
        #expect(parseError("1'000") == .invalidCharacter("'", in: "1'000"))
        #expect(parseError("5 %") == .invalidCharacter("%", in: "5 %"))
        // A digit from another script is not a digit here.
        #expect(parseError("١٢") != nil)

        let tab = try #require(parseError("1\t000"))
        #expect(tab.message.cs.contains("tabulátor"))
        #expect(tab.message.cs.contains("U+0009"))
        #expect(tab.message.en.contains("tab"))
        #expect(tab.suggestion?.cs.contains("mezerou") == true)
        let letter = try #require(parseError("12a34"))
        #expect(letter.message.cs.contains("„a“"))
        #expect(letter.message.en.contains("“a”"))
    }

    @Test func unknownAndDuplicateCurrency() throws {
        #expect(parseError("5 USD") == .unknownCurrency("USD"))
        #expect(parseError("$5") == .unknownCurrency("$"))
        #expect(parseError("5 korun") == .unknownCurrency("korun"))
        #expect(parseError("5e") == .unknownCurrency("e"))
        #expect(parseError("Kč 5 Kč") == .duplicateCurrency("Kč 5 Kč"))
        // A word that is no currency is the fault, not a currency written twice.
        #expect(parseError("asi 5 Kč") == .unknownCurrency("asi"))
        #expect(parseError("Kč 5 celkem") == .unknownCurrency("celkem"))
        #expect(MoneyParseError.unknownCurrency("asi").message.cs.hasPrefix("Slovo „asi“ v částce není měna"))
        #expect(MoneyParseError.invalidCharacter(" ", in: "x").message.cs.contains("mezeru (U+0020)"))
        #expect(!MoneyParseError.invalidCharacter(" ", in: "x").message.cs.contains("zvláštní"))
        let unknown = try #require(parseError("5 USD"))
        #expect(unknown.message.cs.contains("USD"))
        #expect(unknown.message.en.contains("USD"))
    }

    @Test("Separators in impossible places", arguments: [
        "5,", ",5", ".75", "1 000 ,50", "1 000,50,-", "1.5,-", "5.",
    ])
    func malformed(text: String) {
        #expect(parseError(text) == .malformed(text))
    }

    @Test func tooLarge() {
        // Just past the documented maximum, and at the sizes that used to trap a build.
        #expect(parseError("10000000000000") == .tooLarge("10000000000000"))
        #expect(parseError("10 000 000 000 000,00 Kč") == .tooLarge("10 000 000 000 000,00 Kč"))
        #expect(parseError("-10000000000000.00") == .tooLarge("-10000000000000.00"))
        #expect(parseError("150000000000000") == .tooLarge("150000000000000"))
        #expect(parseError("92233720368547758.07") == .tooLarge("92233720368547758.07"))
        #expect(parseError("92233720368547758.08") == .tooLarge("92233720368547758.08"))
        #expect(parseError("99999999999999999999") == .tooLarge("99999999999999999999"))
        #expect(parseError("-92233720368547758.08") == .tooLarge("-92233720368547758.08"))
        #expect(MoneyParseError.tooLarge("x").message.cs.contains("příliš velká"))
        #expect(MoneyParseError.tooLarge("x").message.cs.contains("9\u{00A0}999\u{00A0}999\u{00A0}999\u{00A0}999,99"))
        #expect(MoneyParseError.tooLarge("x").suggestion != nil)
    }

    @Test func everyErrorHasCzechAndEnglishMessages() {
        let errors: [MoneyParseError] = [
            .empty, .missingNumber("Kč"), .invalidCharacter("a", in: "1a"), .unknownCurrency("USD"),
            .duplicateCurrency("Kč 1 Kč"), .tooManyDecimals("1,234", count: 3),
            .ambiguous("1.234", readings: ["1 234", "1,234"]), .ambiguous("4,485,600.00", readings: ["4 485 600,00"]),
            .ambiguous("1.2,3.4", readings: []), .invalidGrouping("65 16 052"), .malformed("5,"), .tooLarge("9"),
        ]
        for error in errors {
            #expect(!error.message.cs.isEmpty && !error.message.en.isEmpty)
            #expect(error.message.cs != error.message.en)
            #expect(error.message.text(in: .cs) == error.message.cs)
        }
        // Messages are distinct per case: each names what was expected.
        #expect(Set(errors.map(\.message)).count == errors.count)
    }

    // MARK: Round trip

    @Test("Formatted text parses back to the same amount", arguments: [
        Int64(0), 1, -1, 99, 100, 651_605_250, -100_000, 123_456_789_012,
        Money.maximum.halere, -Money.maximum.halere,
    ])
    func roundTrip(halere: Int64) throws {
        let money = Money(halere: halere)
        #expect(try Money.parse(money.formatted()).amount == money)
        #expect(try Money.parse(money.formatted()).currency == "CZK")
        #expect(try Money.parse(money.formatted(currency: "EUR")).currency == "EUR")
        #expect(try Money.parse(money.formattedNumber).amount == money)
        #expect(try Money.parse(money.plainDecimal).amount == money)
    }
}
