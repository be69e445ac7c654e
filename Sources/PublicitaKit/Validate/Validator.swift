/// The validate stage: runs every rule over a loaded portal and its site model
/// and returns all the diagnostics together.
public enum Validator {
    /// Runs every rule. `today` decides which projects have ended.
    public static func validate(_ site: Site, today: Day) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let portal = site.portal
        // A project's own rules look at that project only: checked on all cores.
        diagnostics += ParallelMap.map(portal.projects) { ProjectRules.check($0, today: today) }.flatMap { $0 }
        diagnostics += reportRules(portal)
        diagnostics += DiscoveryRule.check(portal.config)
        diagnostics += CatalogRule.check(portal.config)
        diagnostics += UniquenessRule.check(portal, registrationKeys: portal.projects.map(UniquenessRule.registrationKey))
        diagnostics += AddressRule.check(portal)
        diagnostics += TranslationRule.check(portal)
        diagnostics += LinkRule.check(site)
        return diagnostics
    }

    /// The rules of reports (few per portal: checked whole every time).
    static func reportRules(_ portal: Portal) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for report in portal.reports {
            diagnostics += PeriodRule.check(report.period, file: report.source.file)
            diagnostics += TableRule.check(tables: report.tables, body: report.source)
            if let number = report.fundedBy?.registrationNumber {
                diagnostics += RegistrationNumberRule.check(number, field: "funded_by.registration_number")
            }
        }
        return diagnostics
    }
}
