/// One problem found in a portal's content, as a value.
///
/// Diagnostics are collected across the whole portal by every stage (load,
/// validate, render) and reported together, never thrown one at a time.
public struct Diagnostic: Sendable, Hashable, Codable {
    /// How serious a diagnostic is.
    public enum Severity: String, Sendable, Hashable, Codable, Comparable {
        /// Stops the build; the previous output stays untouched.
        case error
        /// Reported, but the build goes on.
        case warning

        public static func < (lhs: Severity, rhs: Severity) -> Bool {
            lhs == .error && rhs == .warning
        }
    }

    /// How serious it is.
    public var severity: Severity
    /// The stable rule id, the same in every language (`budget.sum`).
    public var rule: RuleID
    /// Where it is.
    public var location: SourceLocation
    /// The field path in the record (`budget.sources[1].amount`), when it concerns one field.
    public var field: String?
    /// What is wrong, in words.
    public var message: LocalizedText
    /// What the rule expected, as a value (`6 516 062,50 Kč`).
    public var expected: String?
    /// What the file holds, as a value.
    public var found: String?
    /// How to fix it.
    public var suggestion: LocalizedText?
    /// Other places the problem concerns (the first of two duplicates).
    public var notes: [Note]
    /// Replacements that fix it.
    public var fixIts: [FixIt]

    /// Creates a diagnostic.
    public init(
        _ severity: Severity,
        rule: RuleID,
        at location: SourceLocation,
        field: String? = nil,
        message: LocalizedText,
        expected: String? = nil,
        found: String? = nil,
        suggestion: LocalizedText? = nil,
        notes: [Note] = [],
        fixIts: [FixIt] = []
    ) {
        self.severity = severity
        self.rule = rule
        self.location = location
        self.field = field
        self.message = message
        self.expected = expected
        self.found = found
        self.suggestion = suggestion
        self.notes = notes
        self.fixIts = fixIts
    }

    /// An error (stops the build).
    public static func error(
        _ rule: RuleID, at location: SourceLocation, field: String? = nil, _ message: LocalizedText,
        expected: String? = nil, found: String? = nil, suggestion: LocalizedText? = nil,
        notes: [Note] = [], fixIts: [FixIt] = []
    ) -> Diagnostic {
        Diagnostic(.error, rule: rule, at: location, field: field, message: message,
                   expected: expected, found: found, suggestion: suggestion, notes: notes, fixIts: fixIts)
    }

    /// A warning (reported; the build goes on).
    public static func warning(
        _ rule: RuleID, at location: SourceLocation, field: String? = nil, _ message: LocalizedText,
        expected: String? = nil, found: String? = nil, suggestion: LocalizedText? = nil,
        notes: [Note] = [], fixIts: [FixIt] = []
    ) -> Diagnostic {
        Diagnostic(.warning, rule: rule, at: location, field: field, message: message,
                   expected: expected, found: found, suggestion: suggestion, notes: notes, fixIts: fixIts)
    }
}

extension Array where Element == Diagnostic {
    /// Whether any of these stops the build.
    public var containsErrors: Bool { contains { $0.severity == .error } }

    /// The order every report lists diagnostics in (the text summary, JSON, GitHub
    /// annotations, `serve`'s overlay): errors first, as they block the build, then
    /// warnings; each in the diagnostics' total order. It depends on the values
    /// only, so no stage has to reproduce another's order of collecting them.
    public func sortedForReport() -> [Diagnostic] {
        sorted { a, b in a.severity != b.severity ? a.severity < b.severity : a < b }
    }
}

/// The total order of diagnostics: by file, line, column, rule, field and message
/// (then the remaining values, so that only equal diagnostics tie).
extension Diagnostic: Comparable {
    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        if lhs.location != rhs.location { return lhs.location < rhs.location }
        if lhs.rule != rhs.rule { return lhs.rule < rhs.rule }
        if lhs.field != rhs.field { return (lhs.field ?? "") < (rhs.field ?? "") }
        if lhs.message != rhs.message { return lhs.message < rhs.message }
        if lhs.expected != rhs.expected { return (lhs.expected ?? "") < (rhs.expected ?? "") }
        if lhs.found != rhs.found { return (lhs.found ?? "") < (rhs.found ?? "") }
        if lhs.severity != rhs.severity { return lhs.severity < rhs.severity }
        return String(describing: (lhs.suggestion, lhs.notes, lhs.fixIts)) < String(describing: (rhs.suggestion, rhs.notes, rhs.fixIts))
    }
}

/// A diagnostic can be carried by `Result` and thrown where a stage must stop.
extension Diagnostic: Error {}
