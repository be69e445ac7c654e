/// The rules that look at one project record alone: its registration number,
/// budget, EU share, period, contacts, corrections, publicity and tables.
///
/// Their result depends on the record and the build's day only, so a long-running
/// build (``BuildSession``) keeps it per project and checks only edited records again.
enum ProjectRules {
    /// Every single-project rule's diagnostics for `project`, in the validator's order.
    static func check(_ project: Project, today: Day) -> [Diagnostic] {
        RegistrationNumberRule.check(project)
            + BudgetRule.check(project)
            + EUShareRule.check(project)
            + PeriodRule.check(project.period, file: project.source.file)
            + ContactRule.check(project.contacts)
            + CorrectionRule.check(project)
            + PublicityRule.check(project, today: today)
            + TableRule.check(tables: project.tables, body: project.source)
    }
}
