/// The validate stage: runs every rule over a loaded portal and its site model
/// and returns all the diagnostics together.
public enum Validator {
    /// Runs every rule. `today` decides which projects have ended.
    public static func validate(_ site: Site, today: Day) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let portal = site.portal
        for project in portal.projects {
            diagnostics += RegistrationNumberRule.check(project)
            diagnostics += BudgetRule.check(project)
            diagnostics += EUShareRule.check(project)
            diagnostics += PeriodRule.check(project.period, file: project.source.file)
            diagnostics += ContactRule.check(project.contacts)
            diagnostics += CorrectionRule.check(project)
            diagnostics += PublicityRule.check(project, today: today)
            diagnostics += TableRule.check(tables: project.tables, body: project.source)
        }
        for report in portal.reports {
            diagnostics += PeriodRule.check(report.period, file: report.source.file)
            diagnostics += TableRule.check(tables: report.tables, body: report.source)
            if let number = report.fundedBy?.registrationNumber {
                diagnostics += RegistrationNumberRule.check(number, field: "funded_by.registration_number")
            }
        }
        diagnostics += UniquenessRule.check(portal)
        diagnostics += LinkRule.check(site)
        return diagnostics
    }
}
