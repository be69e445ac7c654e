/// A rule that looks at one project record alone. Its result depends on the record
/// and the build's day only, so a long-running build keeps it per project and checks
/// only edited records again (``ProjectChecks``).
protocol ProjectRule: Sendable {
    static func check(_ project: Project, today: Day) -> [Diagnostic]
}

/// A rule over the portal as a whole: it may compare records with each other and
/// read what ``ProjectChecks`` keeps per project instead of working it out again.
protocol PortalRule: Sendable {
    static func check(_ site: Site, projects: ProjectChecks) -> [Diagnostic]
}
