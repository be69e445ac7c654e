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
    public var rule: String
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

    /// Creates a diagnostic.
    public init(
        _ severity: Severity,
        rule: String,
        at location: SourceLocation,
        field: String? = nil,
        message: LocalizedText,
        expected: String? = nil,
        found: String? = nil,
        suggestion: LocalizedText? = nil
    ) {
        self.severity = severity
        self.rule = rule
        self.location = location
        self.field = field
        self.message = message
        self.expected = expected
        self.found = found
        self.suggestion = suggestion
    }

    /// An error (stops the build).
    public static func error(
        _ rule: String, at location: SourceLocation, field: String? = nil, _ message: LocalizedText,
        expected: String? = nil, found: String? = nil, suggestion: LocalizedText? = nil
    ) -> Diagnostic {
        Diagnostic(.error, rule: rule, at: location, field: field, message: message,
                   expected: expected, found: found, suggestion: suggestion)
    }

    /// A warning (reported; the build goes on).
    public static func warning(
        _ rule: String, at location: SourceLocation, field: String? = nil, _ message: LocalizedText,
        expected: String? = nil, found: String? = nil, suggestion: LocalizedText? = nil
    ) -> Diagnostic {
        Diagnostic(.warning, rule: rule, at: location, field: field, message: message,
                   expected: expected, found: found, suggestion: suggestion)
    }
}

extension Array where Element == Diagnostic {
    /// Whether any of these stops the build.
    public var containsErrors: Bool { contains { $0.severity == .error } }

    /// The order every report lists diagnostics in (the text summary, JSON, GitHub
    /// annotations, `serve`'s overlay): errors first, as they block the build, then
    /// warnings; each by file, line and column.
    public func sortedForReport() -> [Diagnostic] {
        enumerated().sorted { a, b in
            if a.element.severity != b.element.severity { return a.element.severity < b.element.severity }
            if a.element.location != b.element.location { return a.element.location < b.element.location }
            return a.offset < b.offset
        }.map(\.element)
    }
}

/// A diagnostic can be carried by `Result` and thrown where a stage must stop.
extension Diagnostic: Error {}
