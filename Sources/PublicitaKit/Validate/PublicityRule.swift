/// EU publicity rules: a project with EU money states its aims, and once ended its results.
enum PublicityRule: ProjectRule {
    static func check(_ project: Project, today: Day) -> [Diagnostic] {
        guard project.hasEUSource else { return [] }
        var diagnostics: [Diagnostic] = []
        let body = project.source.outline
        let location = SourceLocation(file: project.source.file, line: 1)
        if project.goals.isEmpty && body.lines(of: .goals) == nil {
            diagnostics.append(.warning(
                .euGoals, at: location, field: "goals",
                LocalizedText(cs: "projekt financovaný z EU musí uvádět své cíle (pole goals nebo oddíl „Cíle projektu“)",
                              en: "an EU-funded project must state its aims (the goals field or a \"Cíle projektu\" section)")))
        }
        if let period = project.period, period.hasEnded(before: today), project.results == nil,
           body.lines(of: .results) == nil {
            diagnostics.append(.warning(
                .euResults, at: period.end?.location ?? location, field: "results",
                LocalizedText(cs: "projekt skončil; měl by uvádět dosažené výsledky (pole results nebo oddíl „Výsledky“)",
                              en: "the project has ended; it should state its results (the results field or a \"Výsledky\" section)")))
        }
        return diagnostics
    }
}
