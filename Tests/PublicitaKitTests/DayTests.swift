import Foundation
import Testing
@testable import PublicitaKit

/// The error `Day.parse(text)` throws, or `nil` when it succeeds.
private func parseError(_ text: String) -> DayParseError? {
    do {
        _ = try Day.parse(text)
        return nil
    } catch {
        return error
    }
}

/// A day known to be valid.
private func day(_ year: Int, _ month: Int, _ day: Int) throws -> Day {
    try #require(Day(year: year, month: month, day: day))
}

@Suite("Day")
struct DayTests {
    // MARK: Construction

    @Test func initValidatesCalendar() {
        #expect(Day(year: 2018, month: 3, day: 1) != nil)
        #expect(Day(year: 2018, month: 2, day: 29) == nil)
        #expect(Day(year: 2020, month: 2, day: 29) != nil)
        #expect(Day(year: 1900, month: 2, day: 29) == nil)  // divisible by 100, not a leap year
        #expect(Day(year: 2000, month: 2, day: 29) != nil)  // divisible by 400, a leap year
        #expect(Day(year: 2018, month: 4, day: 31) == nil)
        #expect(Day(year: 2018, month: 13, day: 1) == nil)
        #expect(Day(year: 2018, month: 0, day: 1) == nil)
        #expect(Day(year: 2018, month: 1, day: 0) == nil)
        #expect(Day(year: 0, month: 1, day: 1) == nil)
        #expect(Day(year: 10_000, month: 1, day: 1) == nil)
        #expect(Day(year: Int.max, month: Int.min, day: Int.max) == nil)
    }

    // MARK: Parsing

    @Test("Accepted forms", arguments: [
        ("2018-03-01", 2018, 3, 1),
        ("1. 3. 2018", 2018, 3, 1),
        ("01.03.2018", 2018, 3, 1),
        ("1.3.2018", 2018, 3, 1),
        ("1.\u{00A0}3.\u{00A0}2018", 2018, 3, 1),
        ("1.\u{202F}3.\u{202F}2018", 2018, 3, 1),
        ("  31. 12. 2025 ", 2025, 12, 31),
        ("2020-02-29", 2020, 2, 29),
        ("29. 2. 2000", 2000, 2, 29),
        ("1900-01-01", 1900, 1, 1),
        ("2200-12-31", 2200, 12, 31),
        ("2018-3-1", 2018, 3, 1),
    ] as [(String, Int, Int, Int)])
    func accepted(text: String, year: Int, month: Int, dayOfMonth: Int) throws {
        let parsed = try Day.parse(text)
        #expect(parsed == (try day(year, month, dayOfMonth)))
    }

    @Test func errors() {
        #expect(parseError("") == .empty)
        #expect(parseError("  ") == .empty)
        #expect(parseError("2018-02-30") == .nonexistentDay(year: 2018, month: 2, day: 30))
        #expect(parseError("31. 4. 2020") == .nonexistentDay(year: 2020, month: 4, day: 31))
        #expect(parseError("29. 2. 2019") == .nonexistentDay(year: 2019, month: 2, day: 29))
        #expect(parseError("2018-01-00") == .nonexistentDay(year: 2018, month: 1, day: 0))
        #expect(parseError("2018-13-01") == .invalidMonth(13, in: "2018-13-01"))
        #expect(parseError("1. 0. 2018") == .invalidMonth(0, in: "1. 0. 2018"))
        #expect(parseError("1899-12-31") == .yearOutOfRange(1899))
        #expect(parseError("1. 1. 2201") == .yearOutOfRange(2201))
        #expect(parseError("0018-03-01") == .yearOutOfRange(18))
        for text in [
            "1. 3. 18", "2018/03/01", "2018-03-01T10:00", "1 3 2018", "1. března 2018", "20180301",
            "2018-003-01", "12018-03-01", "1.3.2018.", "1..3.2018", "-2018-03-01", "2018 - 03 - 01",
        ] {
            #expect(parseError(text) == .unrecognised(ValueText.trimmed(text)), "\(text)")
        }
    }

    @Test func errorMessages() throws {
        let april = try #require(parseError("31. 4. 2020"))
        #expect(april.message.cs == "Datum 31. 4. 2020 neexistuje: duben 2020 má jen 30 dní.")
        #expect(april.message.en == "The date 31 April 2020 does not exist: April 2020 has only 30 days.")
        let february = try #require(parseError("2018-02-30"))
        #expect(february.message.cs.contains("únor 2018 má jen 28 dní"))
        #expect(february.message.cs.contains("není přestupný"))
        let leap = try #require(parseError("2020-02-30"))
        #expect(leap.message.cs.contains("únor 2020 má jen 29 dní"))
        #expect(!leap.message.cs.contains("přestupný"))
        let zero = try #require(parseError("2018-01-00"))
        #expect(zero.message.cs.contains("od 1"))
        let range = try #require(parseError("1899-12-31"))
        #expect(range.message.cs.contains("1900–2200"))
        #expect(range.message.en.contains("1900–2200"))
        let format = try #require(parseError("1. 3. 18"))
        #expect(format.message.cs.contains("2018-03-01"))
        #expect(format.message.cs.contains("čtyřmi číslicemi"))
        #expect(format.suggestion != nil)
        let month = try #require(parseError("2018-13-01"))
        #expect(month.message.cs.contains("1 až 12"))
        let all: [DayParseError] = [
            .empty, .unrecognised("x"), .yearOutOfRange(1), .invalidMonth(13, in: "x"),
            .nonexistentDay(year: 2018, month: 2, day: 30),
        ]
        #expect(Set(all.map(\.message)).count == all.count)
        for error in all { #expect(error.message.cs != error.message.en) }
    }

    // MARK: Formatting

    @Test func formatting() throws {
        let first = try day(2018, 3, 1)
        #expect(first.iso == "2018-03-01")
        #expect(first.formatted == "1.\u{00A0}3.\u{00A0}2018")
        #expect(first.formatted.unicodeScalars.map(\.value) == [0x31, 0x2E, 0xA0, 0x33, 0x2E, 0xA0, 0x32, 0x30, 0x31, 0x38])
        #expect(first.formatted(.cs) == first.formatted)
        #expect(first.formatted(.en) == "1\u{00A0}March\u{00A0}2018")
        #expect(try day(2025, 12, 31).formatted(.en) == "31\u{00A0}December\u{00A0}2025")
        #expect(try day(1, 1, 1).iso == "0001-01-01")
        #expect(try day(2025, 12, 31).iso == "2025-12-31")
    }

    @Test func formattedParsesBack() throws {
        for text in ["2018-03-01", "2020-02-29", "1900-01-01", "2200-12-31"] {
            let parsed = try Day.parse(text)
            #expect(try Day.parse(parsed.formatted) == parsed)
            #expect(try Day.parse(parsed.iso) == parsed)
            #expect(parsed.iso == text)
        }
    }

    @Test func ordering() throws {
        #expect(try day(2018, 3, 1) < day(2018, 3, 2))
        #expect(try day(2018, 3, 31) < day(2018, 4, 1))
        #expect(try day(2018, 12, 31) < day(2019, 1, 1))
        #expect(try !(day(2018, 3, 1) < day(2018, 3, 1)))
    }

    @Test func codableUsesISO() throws {
        let value = try day(2018, 3, 1)
        let data = try JSONEncoder().encode([value])
        #expect(String(decoding: data, as: UTF8.self) == #"["2018-03-01"]"#)
        #expect(try JSONDecoder().decode([Day].self, from: Data(#"["1. 3. 2018"]"#.utf8)) == [value])
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([Day].self, from: Data(#"["2018-02-30"]"#.utf8))
        }
    }

    // MARK: Arithmetic

    @Test func addingDays() throws {
        #expect(try day(2018, 2, 28).adding(days: 1) == day(2018, 3, 1))
        #expect(try day(2020, 2, 28).adding(days: 1) == day(2020, 2, 29))
        #expect(try day(2018, 12, 31).adding(days: 1) == day(2019, 1, 1))
        #expect(try day(2018, 3, 1).adding(days: -1) == day(2018, 2, 28))
        #expect(try day(2018, 3, 1).adding(days: 0) == day(2018, 3, 1))
        #expect(try day(2018, 3, 1).adding(days: 1095) == day(2021, 2, 28))
        #expect(try day(1970, 1, 1).dayNumber == 0)
        #expect(try day(2000, 3, 1).dayNumber == 11_017)
        // Saturates instead of overflowing.
        #expect(try day(2018, 3, 1).adding(days: Int.max) == day(9999, 12, 31))
        #expect(try day(2018, 3, 1).adding(days: Int.min) == day(1, 1, 1))
        #expect(try day(9999, 12, 31).adding(days: 1) == day(9999, 12, 31))
        #expect(try day(2018, 3, 1).days(until: day(2021, 2, 28)) == 1095)
    }

    @Test func addingDaysRoundTripsOverFourCenturies() throws {
        // Walk a full 400-year cycle day by day and check against the calendar rules.
        var current = try day(1900, 1, 1)
        for _ in 0..<146_097 {
            let next = current.adding(days: 1)
            if current.day < Day.daysIn(month: current.month, year: current.year) {
                #expect(next.year == current.year && next.month == current.month && next.day == current.day + 1)
            } else if current.month < 12 {
                #expect(next.year == current.year && next.month == current.month + 1 && next.day == 1)
            } else {
                #expect(next.year == current.year + 1 && next.month == 1 && next.day == 1)
            }
            #expect(next.adding(days: -1) == current)
            current = next
        }
        #expect(current == (try day(2300, 1, 1)))
    }

    @Test("Whole months spanned", arguments: [
        ("2018-03-01", "2021-02-28", 36),
        ("2020-06-01", "2022-08-31", 27),
        ("2023-01-01", "2025-12-31", 36),
        ("2018-03-01", "2018-03-31", 1),
        ("2020-02-01", "2020-02-29", 1),
        ("2018-03-15", "2018-04-14", 1),
        ("2019-03-01", "2020-02-29", 12),
    ])
    func wholeMonths(start: String, end: String, months: Int) throws {
        let span = Day.monthsSpanned(from: try Day.parse(start), through: try Day.parse(end))
        #expect(span.whole == months)
        #expect(span.approximate == months)
    }

    @Test("Partial months give only an approximation", arguments: [
        ("2018-03-01", "2021-02-27", 36),
        ("2018-03-02", "2021-02-28", 36),
        ("2018-03-01", "2018-03-01", 0),
        ("2018-03-01", "2018-03-20", 1),
        ("2018-01-31", "2018-02-28", 1),
        ("2018-03-01", "2018-04-15", 2),
    ])
    func partialMonths(start: String, end: String, approximate: Int) throws {
        let span = Day.monthsSpanned(from: try Day.parse(start), through: try Day.parse(end))
        #expect(span.whole == nil)
        #expect(span.approximate == approximate)
    }

    @Test func endBeforeStart() throws {
        let span = Day.monthsSpanned(from: try day(2021, 2, 28), through: try day(2018, 3, 1))
        #expect(span.whole == nil)
        #expect(span.approximate == 0)
    }
}
