/// A project's budget: the total and the sources that make it up.
public struct Budget: Sendable, Hashable, Codable {
    /// The currency every amount is in (ISO code, `CZK` by default).
    public var currency: String
    /// The total eligible expenditure; absent when the amounts were never published.
    public var total: Located<ParsedMoney>?
    /// The sources.
    public var sources: [FundingSource]
    /// Where `budget:` starts.
    public var location: SourceLocation
    /// Whether a total was written at all (it may have failed to parse: `total` is then nil).
    public var totalWritten: Bool = false

    static let fields = spec.names

    static func read(from record: FieldReader) -> Budget? {
        guard let reader = record.mappingReader("budget") else { return nil }
        reader.rejectUnknownKeys(fields)
        return Budget(
            currency: reader.string("currency")?.uppercased() ?? "CZK",
            total: reader.money("total"),
            sources: reader.mappings("sources").compactMapSized(FundingSource.read),
            location: reader.location,
            totalWritten: reader.has("total"))
    }

    /// Whether the amounts are published at all.
    public var hasAmounts: Bool { total != nil || sources.contains { $0.amount != nil } }

    /// The sum of the sources' amounts, or nil when one is missing or it overflows.
    public var sumOfSources: Money? {
        var amounts: [Money] = []
        for source in sources {
            guard let amount = source.amount else { return nil }
            amounts.append(amount.value.amount)
        }
        return Money.sum(amounts)
    }

    /// The EU contribution: the sum of the `eu` sources.
    public var euContribution: Money? {
        // One pass by index, no intermediate arrays and no copy of a source: the home
        // page sums this over every project.
        var total = Money.zero, hasEUSource = false
        for index in sources.indices where sources[index].kind == .eu {
            hasEUSource = true
            guard let amount = sources[index].amount?.value.amount else { continue }
            guard let next = total.adding(amount) else { return nil }
            total = next
        }
        return hasEUSource ? total : nil
    }
}
