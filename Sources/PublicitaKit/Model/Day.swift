/// A calendar date with no time and no time zone (project start, report date).
///
/// Dates on the portal are days in the Czech civil calendar as written in
/// the documents; attaching a time zone would only invite off-by-one shifts.
/// A `Day` always denotes a date that exists (no 30 February).
public struct Day: Sendable, Hashable, Comparable {
    /// The year (1...9999 for a constructed day; 1900...2200 when parsed).
    public let year: Int
    /// The month, 1...12.
    public let month: Int
    /// The day of the month, 1...28–31.
    public let day: Int

    /// The years a date in a source file may have; anything else is a typo.
    public static let supportedYears = 1900...2200

    /// The years a `Day` can represent at all (`adding(days:)` stays within them).
    static let representableYears = 1...9999

    /// Creates the date, or `nil` when it does not exist (`2018-02-30`,
    /// month 13) or its year is outside 1...9999.
    public init?(year: Int, month: Int, day: Int) {
        guard Day.representableYears.contains(year), (1...12).contains(month),
              day >= 1, day <= Day.daysIn(month: month, year: year)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Orders days chronologically.
    public static func < (lhs: Day, rhs: Day) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// Whether `year` is a leap year in the Gregorian calendar.
    public static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// The number of days in `month` of `year` (0 for a month outside 1...12).
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 1, 3, 5, 7, 8, 10, 12: return 31
        case 4, 6, 9, 11: return 30
        case 2: return isLeapYear(year) ? 29 : 28
        default: return 0
        }
    }

    // MARK: Formatting

    /// ISO 8601: `2018-03-01`.
    public var iso: String {
        Day.padded(year, 4) + "-" + Day.padded(month, 2) + "-" + Day.padded(day, 2)
    }

    /// Czech: `1. 3. 2018`, the spaces being U+00A0 so that the date never
    /// breaks across lines.
    public var formatted: String {
        "\(day).\u{00A0}\(month).\u{00A0}\(year)"
    }

    /// The date for readers in `language`: Czech `1. 3. 2018`, English
    /// `1 March 2018` (both with U+00A0 spaces, for the same reason).
    public func formatted(_ language: Language) -> String {
        switch language {
        case .cs: return formatted
        case .en: return "\(day)\u{00A0}\(Day.englishMonths[month - 1])\u{00A0}\(year)"
        }
    }

    static let englishMonths = [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ]

    static let czechMonths = [
        "leden", "únor", "březen", "duben", "květen", "červen",
        "červenec", "srpen", "září", "říjen", "listopad", "prosinec",
    ]

    private static func padded(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    // MARK: Arithmetic

    /// The day `days` later (earlier when negative). The result saturates at
    /// 1 January 1 and 31 December 9999 instead of overflowing.
    public func adding(days: Int) -> Day {
        let (target, overflow) = dayNumber.addingReportingOverflow(days)
        let lowest = Day.dayNumber(year: 1, month: 1, day: 1)
        let highest = Day.dayNumber(year: 9999, month: 12, day: 31)
        let clamped = overflow ? (days < 0 ? lowest : highest) : min(max(target, lowest), highest)
        return Day(dayNumber: clamped)
    }

    /// The number of days from `self` to `other` (negative when `other` is earlier).
    public func days(until other: Day) -> Int {
        other.dayNumber - dayNumber
    }

    /// The months covered by `start`…`end` (both inclusive).
    ///
    /// `whole` is the exact number of calendar months when the span is made of
    /// whole months — it ends the day before the same day-of-month N months
    /// later (2018-03-01…2021-02-28 is 36, 2018-03-15…2018-04-14 is 1) — and
    /// `nil` otherwise. `approximate` is the length in average months
    /// (30.436875 days), rounded, for messages; it equals `whole` when that is
    /// known and is 0 when `end` is before `start`.
    public static func monthsSpanned(from start: Day, through end: Day) -> (whole: Int?, approximate: Int) {
        guard end >= start else { return (nil, 0) }
        let next = end.adding(days: 1)
        if next.day == start.day {
            let months = (next.year - start.year) * 12 + (next.month - start.month)
            if months > 0 { return (months, months) }
        }
        // Average Gregorian month = 146 097 days / 4 800 months; round half up.
        let days = start.days(until: end) + 1
        let approximate = (days * 4800 * 2 + 146_097) / (2 * 146_097)
        return (nil, approximate)
    }

    /// Days since 1970-01-01 (Howard Hinnant's `days_from_civil`).
    var dayNumber: Int {
        Day.dayNumber(year: year, month: month, day: day)
    }

    private static func dayNumber(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The date `number` days after 1970-01-01 (Hinnant's `civil_from_days`).
    /// Only called with numbers inside the representable range.
    private init(dayNumber number: Int) {
        let z = number + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        self.year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        self.month = month
        self.day = day
    }
}

// MARK: - Parsing

extension Day {
    /// Reads a date: ISO `2018-03-01`, or Czech `1. 3. 2018`, `01.03.2018`,
    /// `1.3.2018` (any space, including U+00A0, may follow the dots). The year
    /// must have four digits and lie in 1900...2200.
    public static func parse(_ text: String) throws(DayParseError) -> Day {
        let original = ValueText.trimmed(text)
        guard !original.isEmpty else { throw .empty }
        let chars = Array(original)

        guard let (year, month, day) = isoFields(chars) ?? czechFields(chars) else {
            throw .unrecognised(original)
        }
        guard supportedYears.contains(year) else { throw .yearOutOfRange(year) }
        guard (1...12).contains(month) else { throw .invalidMonth(month, in: original) }
        guard let result = Day(year: year, month: month, day: day) else {
            throw .nonexistentDay(year: year, month: month, day: day)
        }
        return result
    }

    /// `yyyy-m-d` with 1–2 digit month and day.
    private static func isoFields(_ chars: [Character]) -> (Int, Int, Int)? {
        var scanner = FieldScanner(chars)
        guard let year = scanner.number(digits: 4...4), scanner.skip("-"),
              let month = scanner.number(digits: 1...2), scanner.skip("-"),
              let day = scanner.number(digits: 1...2), scanner.atEnd
        else { return nil }
        return (year, month, day)
    }

    /// `d. m. yyyy` with optional spaces after the dots.
    private static func czechFields(_ chars: [Character]) -> (Int, Int, Int)? {
        var scanner = FieldScanner(chars)
        guard let day = scanner.number(digits: 1...2), scanner.skip("."),
              scanner.skipSpaces(), let month = scanner.number(digits: 1...2), scanner.skip("."),
              scanner.skipSpaces(), let year = scanner.number(digits: 4...4), scanner.atEnd
        else { return nil }
        return (year, month, day)
    }

    /// A cursor over the characters of a date.
    private struct FieldScanner {
        let chars: [Character]
        var index = 0

        init(_ chars: [Character]) { self.chars = chars }

        var atEnd: Bool { index == chars.count }

        /// Reads a run of ASCII digits whose length is in `digits`.
        mutating func number(digits: ClosedRange<Int>) -> Int? {
            var value = 0
            var count = 0
            while index < chars.count, ValueText.isDigit(chars[index]), count < digits.upperBound + 1,
                  let digit = chars[index].wholeNumberValue {
                value = value * 10 + digit
                count += 1
                index += 1
            }
            return digits.contains(count) ? value : nil
        }

        /// Consumes `character`; false when it is not next.
        mutating func skip(_ character: Character) -> Bool {
            guard index < chars.count, chars[index] == character else { return false }
            index += 1
            return true
        }

        /// Consumes any spaces (space, U+00A0, U+202F); always succeeds.
        mutating func skipSpaces() -> Bool {
            while index < chars.count, ValueText.isGroupSeparator(chars[index]) { index += 1 }
            return true
        }
    }
}

// MARK: - Codable

/// A day is stored as its ISO text (`"2018-03-01"`).
extension Day: Codable {
    /// Decodes a day from any form `Day.parse` accepts.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            self = try Day.parse(text)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.message.en)
        }
    }

    /// Encodes the ISO form.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso)
    }
}

// MARK: - Errors

/// Why the text of a date could not be read.
public enum DayParseError: Error, Sendable, Hashable {
    /// Nothing was written.
    case empty
    /// Neither `2018-03-01` nor `1. 3. 2018` (including two-digit years).
    case unrecognised(String)
    /// A year outside 1900...2200.
    case yearOutOfRange(Int)
    /// A month outside 1...12 (the month, the whole text).
    case invalidMonth(Int, in: String)
    /// A day that the month does not have (`2018-02-30`, `31. 4. 2020`).
    case nonexistentDay(year: Int, month: Int, day: Int)

    /// What went wrong, in Czech and English.
    public var message: LocalizedText {
        switch self {
        case .empty:
            return LocalizedText(cs: "Datum je prázdné.", en: "The date is empty.")
        case .unrecognised(let text):
            return LocalizedText(
                cs: "„\(text)“ není datum ve tvaru 2018-03-01 ani 1. 3. 2018 (rok se píše čtyřmi číslicemi).",
                en: "“\(text)” is not a date written as 2018-03-01 or 1. 3. 2018 (with a four-digit year).")
        case .yearOutOfRange(let year):
            return LocalizedText(
                cs: "Rok \(year) je mimo očekávaný rozsah \(Day.supportedYears.lowerBound)–\(Day.supportedYears.upperBound).",
                en: "The year \(year) is outside the expected range \(Day.supportedYears.lowerBound)–\(Day.supportedYears.upperBound).")
        case .invalidMonth(let month, let text):
            return LocalizedText(
                cs: "V datu „\(text)“ je měsíc \(month); měsíce jsou 1 až 12.",
                en: "The date “\(text)” has month \(month); months are 1 to 12.")
        case .nonexistentDay(let year, let month, let day):
            let length = Day.daysIn(month: month, year: year)
            // The month is valid whenever parse() builds this case; a hand-made
            // value with a bad month must still not crash, so look up safely.
            let monthIndex = month - 1
            let csMonth = Day.czechMonths.indices.contains(monthIndex) ? Day.czechMonths[monthIndex] : "měsíc \(month)"
            let enMonth = Day.englishMonths.indices.contains(monthIndex) ? Day.englishMonths[monthIndex] : "month \(month)"
            let leapNote = month == 2 ? (Day.isLeapYear(year) ? "" : " (rok \(year) není přestupný)") : ""
            let leapNoteEn = month == 2 ? (Day.isLeapYear(year) ? "" : " (\(year) is not a leap year)") : ""
            if day < 1 {
                return LocalizedText(
                    cs: "Datum \(day). \(month). \(year) neexistuje: dny v měsíci se číslují od 1.",
                    en: "The date \(day) \(enMonth) \(year) does not exist: days of the month start at 1.")
            }
            return LocalizedText(
                cs: "Datum \(day). \(month). \(year) neexistuje: \(csMonth) \(year) má jen \(length) dní\(leapNote).",
                en: "The date \(day) \(enMonth) \(year) does not exist: \(enMonth) \(year) has only \(length) days\(leapNoteEn).")
        }
    }

    /// How to write the date instead.
    public var suggestion: LocalizedText? {
        switch self {
        case .empty, .unrecognised:
            return LocalizedText(
                cs: "Napište například 2018-03-01 nebo 1. 3. 2018.",
                en: "Write, for example, 2018-03-01 or 1. 3. 2018.")
        case .yearOutOfRange, .invalidMonth, .nonexistentDay:
            return LocalizedText(
                cs: "Zkontrolujte datum podle dokumentu, ze kterého jste ho opsali.",
                en: "Check the date against the document you copied it from.")
        }
    }
}
