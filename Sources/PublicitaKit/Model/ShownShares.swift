/// The shares a funding table shows: the one the city stated for a source, or one
/// the portal computed from the amounts and marks as computed.
///
/// Computed shares are rounded by the largest-remainder method at the shown
/// precision, so that together with the stated ones they add up to exactly 100 %
/// whenever the amounts add up to the total; ``sum`` is what the rows add up to,
/// which is what the table's total row shows.
public struct ShownShares: Sendable, Hashable {
    /// One share per source, in the budget's order, with where it comes from.
    public var rows: [(share: Share, provenance: Provenance)] { zip(shares, provenances).map { ($0, $1) } }
    /// The shares, one per source.
    public var shares: [Share]
    /// `.published` for a stated share, `.computed` for one the portal worked out.
    public var provenances: [Provenance]
    /// What the rows add up to, at the finest precision any row is shown with.
    public var sum: Share

    /// The precision computed shares are shown with, unless a stated share is finer.
    public static let computedDecimals = 1

    /// Whether the rows add up to exactly 100 %.
    public var sumIsWhole: Bool { sum.scaled == Self.scale(100, to: sum.decimals) }

    /// The shares of `budget`'s sources, or nil without a positive total.
    public init?(_ budget: Budget) {
        guard let total = budget.total?.value.amount, total.halere > 0, !budget.sources.isEmpty else { return nil }
        let stated = budget.sources.map { $0.share?.value }
        let decimals = max(Self.computedDecimals, stated.compactMap { $0?.decimals }.max() ?? 0)
        let computedIndexes = stated.indices.filter { stated[$0] == nil }
        let amounts = budget.sources.map { $0.amount?.value.amount ?? .zero }

        var computed: [Int: Int64] = [:]
        // The exact quotients, rounded down, and what was cut off.
        var parts: [(index: Int, floor: Int64, remainder: UInt64, divisor: UInt64)] = []
        for index in computedIndexes {
            guard let part = Share.divide(amounts[index], by: total, decimals: decimals) else { return nil }
            parts.append((index, part.quotient, part.remainder, part.divisor))
        }
        let statedSum = stated.compactMap { $0 }.reduce(Int64(0)) { $0 + Self.scale($1.scaled, from: $1.decimals, to: decimals) }
        let missing = Self.scale(100, to: decimals) - statedSum - parts.reduce(Int64(0)) { $0 + $1.floor }
        if !parts.isEmpty, missing >= 0, missing <= Int64(parts.count), amounts.allSatisfy({ $0.halere >= 0 }) {
            // Largest remainders first (compared as fractions, on 128 bits); ties go to the earlier row.
            let order = parts.indices.sorted { a, b in
                let left = parts[a].remainder.multipliedFullWidth(by: parts[b].divisor)
                let right = parts[b].remainder.multipliedFullWidth(by: parts[a].divisor)
                if left != right { return left > right }
                return a < b
            }
            let raised = Set(order.prefix(Int(missing)))
            for (position, part) in parts.enumerated() { computed[part.index] = part.floor + (raised.contains(position) ? 1 : 0) }
        } else {
            // The amounts do not add up to the total: each share on its own, and the total row says what they make.
            for part in parts {
                guard let share = Share.of(amounts[part.index], in: total, decimals: decimals) else { return nil }
                computed[part.index] = share.scaled
            }
        }

        var shares: [Share] = [], provenances: [Provenance] = []
        for index in stated.indices {
            if let share = stated[index] {
                shares.append(share)
                provenances.append(.published)
            } else if let value = computed[index], let share = Share(scaled: value, decimals: decimals) {
                shares.append(share)
                provenances.append(.computed)
            } else {
                return nil
            }
        }
        let sumDecimals = shares.map(\.decimals).max() ?? 0
        let sumScaled = shares.reduce(Int64(0)) { $0 + Self.scale($1.scaled, from: $1.decimals, to: sumDecimals) }
        guard let sum = Share(scaled: sumScaled, decimals: sumDecimals) else { return nil }
        self.shares = shares
        self.provenances = provenances
        self.sum = sum
    }

    /// `value` (at `from` decimals) written at `to` decimals (`to` ≥ `from`).
    static func scale(_ value: Int64, from: Int = 0, to: Int) -> Int64 {
        var result = value
        for _ in 0..<max(0, to - from) { result *= 10 }
        return result
    }
}
