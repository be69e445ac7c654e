/// Where a figure the portal shows comes from: the reader has to be able to tell
/// what the city published from what the portal worked out or put right.
public enum Provenance: Sendable, Hashable {
    /// Exactly as the city published it.
    case published
    /// Worked out by the portal from published figures (a share from two amounts).
    case computed
    /// Published wrong and corrected: the index of the correction in the project's `corrections`.
    case corrected(Int)

    /// Whether the figure is not the city's own.
    public var isComputed: Bool { self == .computed }

    /// The correction's index, when the figure is a corrected one.
    public var correctionIndex: Int? {
        if case .corrected(let index) = self { return index }
        return nil
    }
}

extension Project {
    /// The fields of a record that a correction can name for the budget's total.
    static let totalCorrectionFields: Set<String> = ["budget.total"]

    /// The provenance of the budget's total: corrected when a correction names `budget.total`.
    public var totalProvenance: Provenance {
        correction(of: { Self.totalCorrectionFields.contains($0) }).map(Provenance.corrected) ?? .published
    }

    /// The provenance of the EU contribution: corrected when a correction names one of the sources.
    public var euContributionProvenance: Provenance {
        correction(of: { $0.hasPrefix("budget.sources") }).map(Provenance.corrected) ?? .published
    }

    /// The provenance of the period: corrected when a correction names it or its dates.
    public var periodProvenance: Provenance {
        correction(of: { $0 == "period" || $0.hasPrefix("period.") }).map(Provenance.corrected) ?? .published
    }

    /// The index of the first correction whose field matches.
    func correction(of field: (String) -> Bool) -> Int? {
        corrections.firstIndex { $0.field.map(field) ?? false }
    }
}
