/// The EU's share of a project's budget must be within what the programming
/// period's rules allow. A share above the ceiling usually means a source was
/// given the wrong `kind` or an amount was mistyped.
enum EUShareRule: ProjectRule {
    /// The highest EU co-financing rate each programming period allows, in percent,
    /// and where that ceiling is written.
    static func ceiling(for period: ProgrammingPeriod) -> (percent: Int64, source: LocalizedText) {
        switch period {
        case .p2014_2020:
            return (85, LocalizedText(
                cs: "nařízení (EU) č. 1303/2013, čl. 120 odst. 3 (nejvýše 85 % pro méně rozvinuté regiony; OPZ: ESF 85 %)",
                en: "Regulation (EU) No 1303/2013, Art. 120(3) (at most 85 % for less developed regions; OPZ: ESF 85 %)"))
        case .p2021_2027:
            return (85, LocalizedText(
                cs: "nařízení (EU) 2021/1060, čl. 112 odst. 3 (nejvýše 85 % pro méně rozvinuté regiony)",
                en: "Regulation (EU) 2021/1060, Art. 112(3) (at most 85 % for less developed regions)"))
        }
    }

    static func check(_ project: Project, today: Day) -> [Diagnostic] {
        guard let budget = project.budget, let total = budget.total, total.value.amount.halere > 0,
              let eu = budget.euContribution, budget.sumOfSources == total.value.amount,
              let text = project.registrationNumber?.value,
              let number = try? RegistrationNumber.parse(text) else { return [] }
        let (ceiling, source) = ceiling(for: number.programmingPeriod)
        guard let share = Share.of(eu, in: total.value.amount, decimals: 2) else { return [] }
        // share.scaled is hundredths of a percent.
        guard share.scaled > ceiling * 100 else { return [] }
        return [.warning(
            .euShare, at: total.location, field: "budget.sources",
            LocalizedText(
                cs: "podíl EU \(share.formatted) je vyšší, než pravidla období \(number.programmingPeriod.rawValue) dovolují (\(ceiling) %; \(source.cs))",
                en: "the EU share of \(share.formatted) is higher than the \(number.programmingPeriod.rawValue) rules allow (\(ceiling) %; \(source.en))"),
            expected: "≤ \(ceiling) %", found: share.formatted,
            suggestion: LocalizedText(cs: "zkontrolujte druh (kind) zdrojů a jejich částky",
                                      en: "check the sources' kind and amounts"))]
    }
}
