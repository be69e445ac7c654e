/// How a run judges its diagnostics: whether warnings count as errors, and which
/// failures are about the file system rather than the content (the CLI's exit status).
public struct SeverityPolicy: Sendable, Hashable {
    /// Whether every warning is reported, and fails the run, as an error (`--warnings-as-errors`).
    public var warningsAsErrors: Bool

    /// Creates a policy.
    public init(warningsAsErrors: Bool = false) {
        self.warningsAsErrors = warningsAsErrors
    }

    /// What a run's diagnostics add up to.
    public enum Verdict: Sendable, Hashable {
        /// No errors.
        case passed
        /// At least one error in the content.
        case contentErrors
        /// Every error is about the file system (the portal, the output, the installation).
        case fileSystemProblem
    }

    /// `diagnostics` as this policy reports them.
    public func apply(to diagnostics: [Diagnostic]) -> [Diagnostic] {
        guard warningsAsErrors else { return diagnostics }
        return diagnostics.map { var d = $0; d.severity = .error; return d }
    }

    /// The verdict on a run's `diagnostics`, this policy applied to them.
    public func verdict(_ diagnostics: [Diagnostic]) -> Verdict {
        let errors = apply(to: diagnostics).filter { $0.severity == .error }
        if errors.isEmpty { return .passed }
        return errors.allSatisfy(\.rule.isFileSystemProblem) ? .fileSystemProblem : .contentErrors
    }
}

extension RuleID {
    /// Whether this rule's failure is about the file system, not the content: a CI
    /// maintainer fixes those in the job, a clerk the others in the files.
    public var isFileSystemProblem: Bool {
        switch self {
        case .outputWrite, .outputLocation, .portalMissing, .fileRead, .fileChanged, .themeMissing, .themeStrings: true
        default: false
        }
    }
}
