/// The validate stage: runs every rule of ``RuleRegistry`` over a loaded portal and
/// its site model and returns all the diagnostics together.
public enum Validator {
    /// Runs every rule. `today` decides which projects have ended.
    public static func validate(_ site: Site, today: Day) -> [Diagnostic] {
        validate(site, projects: ProjectChecks(site: site, today: today))
    }

    /// Runs the portal rules over `site`, with the project rules' results kept in `projects`.
    static func validate(_ site: Site, projects: ProjectChecks) -> [Diagnostic] {
        // The portal rules on all cores, in the registry's order: after an edit in `serve`
        // they run again over every record, and two of them take most of that time.
        projects.rules.flatMap { $0 } + ParallelMap.map(Array(RuleRegistry.portalRules.indices)) { RuleRegistry.portalRules[$0].check(site, projects: projects) }.flatMap { $0 }
    }
}
