/// The validate stage: runs every rule over a loaded portal and its site model
/// and returns all the diagnostics together.
public enum Validator {
    /// Runs every rule. `today` decides which projects have ended.
    public static func validate(_ site: Site, today: Day) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let portal = site.portal
        // A project's own rules look at that project only: checked on all cores.
        diagnostics += ParallelMap.map(portal.projects) { project in
            RegistrationNumberRule.check(project)
                + BudgetRule.check(project)
                + EUShareRule.check(project)
                + PeriodRule.check(project.period, file: project.source.file)
                + ContactRule.check(project.contacts)
                + CorrectionRule.check(project)
                + PublicityRule.check(project, today: today)
                + TableRule.check(tables: project.tables, body: project.source)
        }.flatMap { $0 }
        for report in portal.reports {
            diagnostics += PeriodRule.check(report.period, file: report.source.file)
            diagnostics += TableRule.check(tables: report.tables, body: report.source)
            if let number = report.fundedBy?.registrationNumber {
                diagnostics += RegistrationNumberRule.check(number, field: "funded_by.registration_number")
            }
        }
        diagnostics += DiscoveryRule.check(portal.config)
        diagnostics += UniquenessRule.check(portal)
        diagnostics += TranslationRule.check(portal)
        diagnostics += LinkRule.check(site)
        return diagnostics
    }
}
