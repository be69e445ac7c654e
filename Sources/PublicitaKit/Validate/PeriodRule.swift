/// A period must not end before it starts, and a stated duration must agree with the dates.
enum PeriodRule: ProjectRule {
    static func check(_ project: Project, today: Day) -> [Diagnostic] {
        check(project.period, file: project.source.file)
    }

    static func check(_ period: Period?, file: String) -> [Diagnostic] {
        guard let period, let start = period.start, let end = period.end else { return [] }
        if end.value < start.value {
            return [.error(
                .periodOrder, at: end.location, field: "period.end",
                LocalizedText(cs: "konec období (\(end.value.formatted)) je před jeho začátkem (\(start.value.formatted))",
                              en: "the period ends (\(end.value.formatted)) before it starts (\(start.value.formatted))"),
                expected: "≥ \(start.value.iso)", found: end.value.iso,
                suggestion: LocalizedText(cs: "zkontrolujte, zda nejsou data prohozená", en: "check whether the dates are swapped"))]
        }
        guard let stated = period.durationMonths, let spanned = period.spannedMonths else { return [] }
        if spanned.whole != stated.value {
            let months = spanned.whole.map(String.init) ?? "≈ \(spanned.approximate)"
            return [.error(
                .periodDuration, at: stated.location, field: "period.duration_months",
                LocalizedText(cs: "uvedená délka \(stated.value) měsíců nesouhlasí s daty \(start.value.formatted) – \(end.value.formatted), která dávají \(months) měsíců",
                              en: "the stated duration of \(stated.value) months disagrees with the dates \(start.value.formatted) – \(end.value.formatted), which give \(months) months"),
                expected: months, found: "\(stated.value)")]
        }
        return []
    }
}
