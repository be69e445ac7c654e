import Testing
@testable import PublicitaKit

/// An amount from its Czech text; the texts in these tests are all valid.
private func money(_ text: String) throws -> Money {
    try Money.parse(text).amount
}

/// The error `Share.parse(text)` throws, or `nil` when it succeeds.
private func parseError(_ text: String) -> ShareParseError? {
    do {
        _ = try Share.parse(text)
        return nil
    } catch {
        return error
    }
}

@Suite("Share")
struct ShareTests {
    // MARK: Parsing

    @Test("Accepted forms", arguments: [
        ("85 %", Int64(85), 0),
        ("85%", 85, 0),
        ("85", 85, 0),
        ("85\u{00A0}%", 85, 0),
        ("85\u{202F}%", 85, 0),
        ("  85 %  ", 85, 0),
        ("76,74 %", 7674, 2),
        ("76.74 %", 7674, 2),
        ("76,74", 7674, 2),
        ("5,5 %", 55, 1),
        ("85,00 %", 8500, 2),
        ("0,0001 %", 1, 4),
        ("100 %", 100, 0),
        ("0", 0, 0),
        ("007 %", 7, 0),
    ] as [(String, Int64, Int)])
    func accepted(text: String, scaled: Int64, decimals: Int) throws {
        let share = try Share.parse(text)
        #expect(share.scaled == scaled)
        #expect(share.decimals == decimals)
    }

    @Test func precisionIsPartOfTheValue() throws {
        #expect(try Share.parse("85 %") != Share.parse("85,00 %"))
        #expect(try Share.parse("76,74 %") == Share.parse("76.74%"))
    }

    @Test func initValidatesDecimals() {
        #expect(Share(scaled: 1, decimals: 5) == nil)
        #expect(Share(scaled: 1, decimals: -1) == nil)
        #expect(Share(scaled: 7674, decimals: 2)?.formatted == "76,74\u{00A0}%")
    }

    // MARK: Formatting

    @Test("Formatted with decimal comma and U+00A0", arguments: [
        (Int64(85), 0, "85\u{00A0}%"),
        (7674, 2, "76,74\u{00A0}%"),
        (8500, 2, "85,00\u{00A0}%"),
        (5, 2, "0,05\u{00A0}%"),
        (1, 4, "0,0001\u{00A0}%"),
        (0, 0, "0\u{00A0}%"),
        (-55, 1, "\u{2212}5,5\u{00A0}%"),
    ] as [(Int64, Int, String)])
    func formatted(scaled: Int64, decimals: Int, expected: String) throws {
        let share = try #require(Share(scaled: scaled, decimals: decimals))
        #expect(share.formatted == expected)
        #expect(share.formatted.unicodeScalars.map(\.value).suffix(2) == [0xA0, 0x25])
    }

    @Test func formattedParsesBack() throws {
        for text in ["85 %", "76,74 %", "0,0001 %", "100 %", "5,5 %"] {
            let share = try Share.parse(text)
            #expect(try Share.parse(share.formatted) == share)
        }
    }

    // MARK: Computing and matching

    @Test func liberecSharesMatch() throws {
        let total = try money("6 516 062,50")
        #expect(try Share.parse("85 %").matches(part: money("5 538 653,12"), total: total))
        #expect(try Share.parse("10 %").matches(part: money("651 606,25"), total: total))
        #expect(try Share.parse("5 %").matches(part: money("325 803,13"), total: total))
        // The same parts checked to hundredths of a percent still match.
        #expect(try Share.parse("85,00 %").matches(part: money("5 538 653,12"), total: total))
        #expect(try Share.parse("10,00 %").matches(part: money("651 606,25"), total: total))
        #expect(try Share.parse("5,00 %").matches(part: money("325 803,13"), total: total))
        // But not to the wrong share.
        #expect(try !Share.parse("84 %").matches(part: money("5 538 653,12"), total: total))
        #expect(try !Share.parse("15 %").matches(part: money("651 606,25"), total: total))
    }

    @Test func roundingToTheStatedPrecisionIsAllowed() throws {
        // 5 538 653,12 of the published 6 516 052,50 is 85,0001…%.
        let part = try money("5 538 653,12")
        let published = try money("6 516 052,50")
        #expect(try Share.parse("85 %").matches(part: part, total: published))
        #expect(Share.of(part, in: published, decimals: 4) == Share(scaled: 850_001, decimals: 4))
        #expect(try !Share.parse("85,0000 %").matches(part: part, total: published))
    }

    @Test func ofComputesExactly() throws {
        // 3 442 025,16 of 4 485 600,00 is exactly 76,735 % (= 15 347/200):
        // truncated it reads 76,73…, rounded half up to hundredths it is 76,74 %.
        let part = try money("3 442 025,16")
        let total = try money("4 485 600,00")
        #expect(Share.of(part, in: total, decimals: 3) == Share(scaled: 76_735, decimals: 3))
        #expect(Share.of(part, in: total, decimals: 4)?.formatted == "76,7350\u{00A0}%")
        let share = try #require(Share.of(part, in: total, decimals: 2))
        #expect(share == Share(scaled: 7674, decimals: 2))
        #expect(share.formatted == "76,74\u{00A0}%")
        #expect(Share.of(part, in: total, decimals: 1)?.formatted == "76,7\u{00A0}%")
        #expect(Share.of(part, in: total, decimals: 0)?.formatted == "77\u{00A0}%")
        #expect(try Share.parse("76,74 %").matches(part: part, total: total))
        #expect(try Share.parse("76,735 %").matches(part: part, total: total))
        #expect(try !Share.parse("76,73 %").matches(part: part, total: total))
        // One haléř less tips it below the half: 76,7349… % → 76,73 %.
        let lessPart = try #require(part.subtracting(Money(halere: 1)))
        #expect(Share.of(lessPart, in: total, decimals: 2)?.formatted == "76,73\u{00A0}%")
        #expect(try Share.parse("76,73 %").matches(part: lessPart, total: total))
    }

    @Test func roundsHalfUp() {
        // 1 of 8 = 12,5 % → 13 % at whole percent; 1 of 200 = 0,5 % → 1 %.
        #expect(Share.of(Money(halere: 1), in: Money(halere: 8), decimals: 0) == Share(scaled: 13, decimals: 0))
        #expect(Share.of(Money(halere: 1), in: Money(halere: 200), decimals: 0) == Share(scaled: 1, decimals: 0))
        // Just below half rounds down: 1 of 201 = 0,4975… %.
        #expect(Share.of(Money(halere: 1), in: Money(halere: 201), decimals: 0) == Share(scaled: 0, decimals: 0))
        // 1 of 3 = 33,333… %, 2 of 3 = 66,666… %.
        #expect(Share.of(Money(halere: 1), in: Money(halere: 3), decimals: 2) == Share(scaled: 3333, decimals: 2))
        #expect(Share.of(Money(halere: 2), in: Money(halere: 3), decimals: 2) == Share(scaled: 6667, decimals: 2))
        // Negative parts round half away from zero.
        #expect(Share.of(Money(halere: -1), in: Money(halere: 8), decimals: 0) == Share(scaled: -13, decimals: 0))
    }

    @Test func ofRefusesWhatCannotBeComputed() {
        #expect(Share.of(Money(halere: 5), in: .zero, decimals: 0) == nil)
        #expect(Share.of(Money(halere: 5), in: Money(halere: -100), decimals: 0) == nil)
        #expect(Share.of(Money(halere: 5), in: Money(halere: 100), decimals: 5) == nil)
        #expect(Share.of(Money(halere: 5), in: Money(halere: 100), decimals: -1) == nil)
        // Results that would not fit in Int64 are nil, not a crash.
        #expect(Share.of(.max, in: Money(halere: 1), decimals: 4) == nil)
        #expect(Share.of(Money(halere: Int64.min), in: Money(halere: 1), decimals: 0) == nil)
        // Huge amounts whose ratio is small are computed exactly (128-bit intermediate).
        #expect(Share.of(.max, in: .max, decimals: 4) == Share(scaled: 1_000_000, decimals: 4))
        #expect(Share(scaled: 100, decimals: 0)?.matches(part: Money(halere: 1), total: .zero) == false)
    }

    // MARK: Errors

    @Test func errors() {
        #expect(parseError("") == .empty)
        #expect(parseError(" ") == .empty)
        #expect(parseError("%") == .missingNumber("%"))
        #expect(parseError("abc") == .missingNumber("abc"))
        #expect(parseError("10 % CZV") == .textAfterPercent("10 % CZV"))
        #expect(parseError("10 %%") == .textAfterPercent("10 %%"))
        // The fault is named: the word, or the space inside the number.
        #expect(parseError("85 procent") == .word("procent", in: "85 procent"))
        #expect(parseError("85 procent %") == .word("procent", in: "85 procent %"))
        #expect(parseError("asi 85 %") == .word("asi", in: "asi 85 %"))
        #expect(parseError("8a5") == .word("a", in: "8a5"))
        #expect(parseError("1 000 %") == .spaceInNumber("1 000 %"))
        #expect(parseError("8+5 %") == .invalidCharacter("+", in: "8+5 %"))
        // Whitespace between the number and % is only a gap, so a tab there is harmless.
        #expect(parseError("85\t%") == nil)
        #expect(parseError("8\t5 %") == .invalidCharacter("\t", in: "8\t5 %"))
        #expect(parseError("1,23456 %") == .tooManyDecimals("1,23456 %", count: 5))
        #expect(parseError("85, %") == .malformed("85, %"))
        #expect(parseError(",5 %") == .malformed(",5 %"))
        #expect(parseError("1.2.3") == .malformed("1.2.3"))
        #expect(parseError("1,2.3") == .malformed("1,2.3"))
        #expect(parseError("-5 %") == .negative("-5 %"))
        #expect(parseError("\u{2212}5 %") == .negative("\u{2212}5 %"))
        #expect(parseError("99999999999999999999 %") == .tooLarge("99999999999999999999 %"))
        #expect(parseError("%85") == .textAfterPercent("%85"))
    }

    @Test func errorMessagesNameWhatWasExpected() {
        let errors: [ShareParseError] = [
            .empty, .missingNumber("%"), .invalidCharacter("a", in: "8a5"), .textAfterPercent("10 % CZV"),
            .tooManyDecimals("1,23456", count: 5), .malformed("85,"), .negative("-5"), .tooLarge("9"),
            .word("procent", in: "85 procent"), .spaceInNumber("1 000 %"),
        ]
        for error in errors {
            #expect(!error.message.cs.isEmpty && !error.message.en.isEmpty)
            #expect(error.message.cs != error.message.en)
        }
        #expect(Set(errors.map(\.message)).count == errors.count)
        #expect(ShareParseError.tooManyDecimals("1,23456", count: 5).message.cs.contains("nejvýše čtyři"))
        #expect(ShareParseError.textAfterPercent("10 % CZV").suggestion?.cs.contains("85 %") == true)
        #expect(ShareParseError.empty.suggestion?.cs.contains("76,74 %") == true)
    }

    /// The clerk's `85 procent` is reported as the word it is, not as an unusual space.
    @Test func aWordIsNamedNotTheSpaceBeforeIt() {
        let error = ShareParseError.word("procent", in: "85 procent")
        #expect(error.message.cs == "Podíl „85 procent“ obsahuje slovo „procent“; podíl se zapisuje jen číslem a znakem %.")
        #expect(!error.message.cs.contains("mezer"))
        #expect(error.suggestion?.cs == "Místo slova „procent“ napište znak %, například 85 %.")
        #expect(ShareParseError.spaceInNumber("1 000 %").message.cs.contains("je mezera"))
        #expect(!ShareParseError.invalidCharacter(" ", in: "x").message.cs.contains("zvláštní"))
    }
}
