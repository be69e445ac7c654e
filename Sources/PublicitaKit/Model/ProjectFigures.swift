import Foundation

/// What the pages over every project take of one: its budget's sums, the years
/// of its period and its registration number's standard form, worked out once
/// when the record is read.
///
/// The statistics, the home page's totals and the data package's key go over
/// every listed project, and `serve` renders them again after every edit of
/// one; reading these few values of each record costs a fraction of working
/// them out from the budget again (copying it, summing its EU sources).
/// They are the record's own, kept with it (a replaced record brings its own).
public struct ProjectFigures: Sendable, Hashable, Codable {
    /// A budget is given.
    public var hasBudget = false
    /// The budget is in CZK.
    public var inCZK = false
    /// The total cost (nil: not published, or not parsed).
    public var total: Money?
    /// The sum of the EU sources' amounts, of those given (``Budget/euContribution``).
    public var euContribution: Money?
    /// The Union contribution of the list of operations (``OpenData/unionContribution(_:)``).
    public var unionContribution: Money?
    /// A correction names the total or a source.
    public var amountsCorrected = false
    /// The years the period starts and ends in.
    public var startYear: Int?, endYear: Int?
    /// A hash of the registration number in its standard form
    /// (``RegistrationNumber/standardForm(of:)``): numbers whose hashes differ differ.
    /// A hash, not the text, so that the figures hold no reference and reading them
    /// touches nothing but the record.
    public var registrationKeyHash: UInt64?

    public init() {}

    init(_ project: Project) {
        if let budget = project.budget {
            hasBudget = true
            inCZK = budget.currency == "CZK"
            total = budget.total?.value.amount
            euContribution = budget.euContribution
            unionContribution = OpenData.unionContribution(budget)
        }
        amountsCorrected = project.totalProvenance.correctionIndex != nil || project.euContributionProvenance.correctionIndex != nil
        startYear = project.period?.start?.value.year
        endYear = project.period?.end?.value.year
        registrationKeyHash = project.registrationNumber.map { number in
            let form = RegistrationNumber.standardForm(of: number.value)
            // Equal strings are canonically equivalent ones: hashed in one normal form, they hash alike.
            return ContentHash.of(form.utf8.allSatisfy { $0 < 0x80 } ? form : form.precomposedStringWithCanonicalMapping)
        }
    }
}
