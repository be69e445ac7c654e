/// Gathers diagnostics while a stage walks the portal.
///
/// A stage reports into a collector and carries on, so that one run shows every
/// problem of the whole portal.
public struct DiagnosticCollector: Sendable {
    /// What has been reported so far, in the order reported.
    public private(set) var diagnostics: [Diagnostic] = []

    /// Creates an empty collector.
    public init() {}

    /// Records one diagnostic.
    public mutating func report(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }

    /// Records several diagnostics.
    public mutating func report(contentsOf more: [Diagnostic]) {
        diagnostics.append(contentsOf: more)
    }

    /// Whether an error has been reported.
    public var hasErrors: Bool { diagnostics.containsErrors }
}
