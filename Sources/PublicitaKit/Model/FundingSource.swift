/// One source of a project's money: the EU fund, the state budget, the city's own share.
public struct FundingSource: Sendable, Hashable, Codable {
    /// Who pays, as published ("Evropský sociální fond").
    public var name: String
    /// What kind of source it is.
    public var kind: Kind
    /// How much; absent when the amounts were never published.
    public var amount: Located<ParsedMoney>?
    /// The share as the record states it, checked against amount ÷ total.
    public var share: Located<Share>?
    /// Where the source's entry starts.
    public var location: SourceLocation
    /// Whether an amount was written at all (it may have failed to parse).
    public var amountWritten: Bool
    /// Where an `amount:` line with nothing after it is, if there is one.
    public var emptyAmountLocation: SourceLocation? = nil

    /// What kind of money a source is.
    public enum Kind: String, Sendable, Hashable, CaseIterable, Codable {
        /// A European Union fund.
        case eu
        /// National public money (state budget).
        case national
        /// The beneficiary's own money.
        case own
        /// Anything else.
        case other
    }

    static let fields = spec.names

    static func read(from reader: FieldReader) -> FundingSource? {
        reader.rejectUnknownKeys(fields)
        let name = reader.string("name", required: true)
        var kind = Kind.other
        if let text = reader.locatedString("kind", required: true) {
            if let parsed = Kind(rawValue: text.value.lowercased()) {
                kind = parsed
            } else {
                reader.context.report(.error(
                    .yamlType, at: text.location, field: reader.fieldPath("kind"),
                    LocalizedText(cs: "neznámý druh zdroje „\(text.value)“", en: "unknown source kind \"\(text.value)\""),
                    expected: Kind.allCases.map(\.rawValue).joined(separator: " | "), found: text.value,
                    suggestion: NearestName.find(for: text.value, among: Kind.allCases.map(\.rawValue)).map {
                        LocalizedText(cs: "myslíte „\($0)“?", en: "did you mean \"\($0)\"?")
                    }))
            }
        }
        guard let name else { return nil }
        return FundingSource(name: name, kind: kind, amount: reader.money("amount"),
                             share: reader.share("share"), location: reader.location, amountWritten: reader.has("amount"),
                             emptyAmountLocation: reader.has("amount") ? nil : reader.keyLocation(of: "amount"))
    }
}
