/// A budget must add up to the haléř: amounts in the declared currency, not
/// negative, sources summing to the total, stated shares matching.
enum BudgetRule: ProjectRule {
    static func check(_ project: Project, today: Day) -> [Diagnostic] {
        guard let budget = project.budget else { return [] }
        var diagnostics: [Diagnostic] = []
        let currency = budget.currency

        func checkAmount(_ amount: Located<ParsedMoney>, field: String) {
            if let written = amount.value.currency, written != currency {
                diagnostics.append(.error(
                    .budgetCurrency, at: amount.location, field: field,
                    LocalizedText(cs: "částka je v měně \(written), rozpočet je v \(currency)",
                                  en: "the amount is in \(written), the budget is in \(currency)"),
                    expected: currency, found: written))
            }
            if amount.value.amount.halere < 0 {
                diagnostics.append(.error(
                    .budgetNegative, at: amount.location, field: field,
                    LocalizedText(cs: "částka nesmí být záporná", en: "an amount cannot be negative"),
                    expected: "≥ 0", found: amount.value.amount.formatted(currency: currency)))
            }
        }

        if let total = budget.total { checkAmount(total, field: "budget.total") }
        for (index, source) in budget.sources.enumerated() {
            if let amount = source.amount { checkAmount(amount, field: "budget.sources[\(index)].amount") }
        }

        guard let total = budget.total else {
            // A total that was written but could not be read is already reported
            // (money.format); the sources cannot be checked against it.
            if budget.totalWritten { return diagnostics }
            // A budget whose amounts were never published lists sources by name only.
            for (index, source) in budget.sources.enumerated() {
                if let amount = source.amount {
                    diagnostics.append(.error(
                        .budgetNoTotal, at: amount.location, field: "budget.sources[\(index)].amount",
                        LocalizedText(cs: "zdroj má částku, ale rozpočet nemá celkovou částku (budget.total)",
                                      en: "a source has an amount but the budget has no total (budget.total)"),
                        suggestion: LocalizedText(cs: "doplňte budget.total", en: "add budget.total")))
                }
            }
            return diagnostics
        }
        if budget.sources.isEmpty {
            diagnostics.append(.error(
                .budgetNoSources, at: total.location, field: "budget.sources",
                LocalizedText(cs: "rozpočet má celkovou částku, ale žádné zdroje financování",
                              en: "the budget has a total but no funding sources"),
                suggestion: LocalizedText(cs: "doplňte budget.sources (EU, státní rozpočet, vlastní podíl)",
                                          en: "add budget.sources (EU, national, own share)")))
            return diagnostics
        }
        // An amount that was written but could not be read is already reported (money.format).
        var missing = budget.sources.contains { $0.amount == nil && $0.amountWritten }
        for (index, source) in budget.sources.enumerated() where source.amount == nil && !source.amountWritten {
            missing = true
            if let line = source.emptyAmountLocation {
                diagnostics.append(.error(
                    .yamlRequired, at: line, field: "budget.sources[\(index)].amount",
                    LocalizedText(cs: "částka zdroje „\(source.name)“ je prázdná: vyplňte hodnotu",
                                  en: "the amount of the source \"\(source.name)\" is empty: fill in its value"),
                    suggestion: LocalizedText(cs: "vyplňte částku za „amount: “, například 850 000,00 Kč",
                                              en: "fill in the amount after \"amount: \", for example 850 000,00 Kč")))
                continue
            }
            diagnostics.append(.error(
                .yamlRequired, at: source.location, field: "budget.sources[\(index)].amount",
                LocalizedText(cs: "zdroj „\(source.name)“ nemá částku", en: "the source \"\(source.name)\" has no amount")))
        }
        guard !missing else { return diagnostics }
        guard let sum = budget.sumOfSources else {
            diagnostics.append(.error(
                .budgetSum, at: total.location, field: "budget.total",
                LocalizedText(cs: "součet zdrojů je mimo rozsah", en: "the sum of the sources is out of range")))
            return diagnostics
        }
        let totalAmount = total.value.amount
        if sum != totalAmount, let difference = sum.subtracting(totalAmount) {
            let addends = budget.sources.compactMap { $0.amount?.value.amount.formatted(currency: currency) }
                .joined(separator: " + ")
            diagnostics.append(.error(
                .budgetSum, at: total.location, field: "budget.total",
                LocalizedText(
                    cs: "zdroje financování dávají dohromady \(sum.formatted(currency: currency)) (\(addends)), celková částka je \(totalAmount.formatted(currency: currency)); rozdíl \(difference.formatted(currency: currency))",
                    en: "the funding sources add up to \(sum.formatted(currency: currency)) (\(addends)), the total is \(totalAmount.formatted(currency: currency)); difference \(difference.formatted(currency: currency))"),
                expected: sum.formatted(currency: currency), found: totalAmount.formatted(currency: currency),
                suggestion: LocalizedText(
                    cs: "opravte celkovou částku nebo částku zdroje; opravu zveřejněného údaje zapište do corrections:",
                    en: "fix the total or a source's amount; record a correction of a published figure under corrections:")))
        }
        for (index, source) in budget.sources.enumerated() {
            guard let share = source.share, let amount = source.amount else { continue }
            if !share.value.matches(part: amount.value.amount, total: totalAmount) {
                let actual = Share.of(amount.value.amount, in: totalAmount, decimals: max(share.value.decimals, 2))
                diagnostics.append(.error(
                    .budgetShare, at: share.location, field: "budget.sources[\(index)].share",
                    LocalizedText(
                        cs: "uvedený podíl \(share.value.formatted) neodpovídá částce: \(amount.value.amount.formatted(currency: currency)) z \(totalAmount.formatted(currency: currency)) je \(actual?.formatted ?? "?")",
                        en: "the stated share \(share.value.formatted) does not match the amount: \(amount.value.amount.formatted(currency: currency)) of \(totalAmount.formatted(currency: currency)) is \(actual?.formatted ?? "?")"),
                    expected: Share.of(amount.value.amount, in: totalAmount, decimals: share.value.decimals)?.formatted,
                    found: share.value.formatted))
            }
        }
        return diagnostics
    }
}
