/// The rules of reports (few per portal: checked whole every time): their period,
/// tables and the registration number of the project that funded them.
enum ReportRules: PortalRule {
    static func check(_ site: Site, projects: ProjectChecks) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for report in site.portal.reports {
            diagnostics += PeriodRule.check(report.period, file: report.source.file)
            diagnostics += TableRule.check(tables: report.tables, body: report.source)
            if let number = report.fundedBy?.registrationNumber {
                diagnostics += RegistrationNumberRule.check(number, field: "funded_by.registration_number")
            }
        }
        return diagnostics
    }
}
