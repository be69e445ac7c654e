/// When a project runs: its start, its end and the duration the record states.
public struct Period: Sendable, Hashable, Codable {
    /// The first day.
    public var start: Located<Day>?
    /// The last day (inclusive).
    public var end: Located<Day>?
    /// The duration in months as stated in the record; checked against the dates.
    public var durationMonths: Located<Int>?
    /// The period as the source words it ("Červenec 2023–červen 2024").
    public var label: String?
    /// Why no period is given: shown publicly in place of the dates.
    public var notPublished: String?

    /// Fields a period may have.
    static let fields = spec(requireStart: false).names

    /// Reads `period` from a record; `requireStart` makes the start mandatory
    /// unless `not_published` explains its absence.
    static func read(from record: FieldReader, requireStart: Bool) -> Period? {
        guard let reader = record.mappingReader("period") else {
            if requireStart { record.reportMissing("period") }
            return nil
        }
        reader.rejectUnknownKeys(fields)
        let notPublished = reader.string("not_published")
        let period = Period(
            start: reader.day("start", required: requireStart && notPublished == nil),
            end: reader.day("end"),
            durationMonths: reader.integer("duration_months"),
            label: reader.string("label"),
            notPublished: notPublished)
        return period
    }

    /// The months that start and end span, when both are known.
    public var spannedMonths: (whole: Int?, approximate: Int)? {
        guard let start, let end else { return nil }
        return Day.monthsSpanned(from: start.value, through: end.value)
    }

    /// Whether the project ended before `day`.
    public func hasEnded(before day: Day) -> Bool {
        guard let end else { return false }
        return end.value < day
    }
}
