import Foundation

/// How diagnostics are printed: for a person, for a tool, or for GitHub Actions.
public enum DiagnosticFormat: String, Sendable, CaseIterable, Codable {
    /// `content/projects/liberec.md:13:10: error[budget.sum]: …` and a second line with the fix.
    case text
    /// One JSON object per diagnostic, in an array.
    case json
    /// GitHub Actions workflow commands (`::error file=…,line=…::…`).
    case github

    /// Renders `diagnostics` (already sorted) in this format and `language`.
    public func render(_ diagnostics: [Diagnostic], language: Language) -> String {
        switch self {
        case .text: return diagnostics.map { Self.text($0, language) }.joined()
        case .json: return Self.json(diagnostics, language)
        case .github: return diagnostics.map { Self.github($0, language) }.joined()
        }
    }

    private static func text(_ d: Diagnostic, _ language: Language) -> String {
        var head = "\(d.location.description): \(d.severity.rawValue)[\(d.rule)]: "
        if let field = d.field { head += "\(field): " }
        head += d.message.text(in: language)
        var lines = [head]
        let expectedLabel = language == .cs ? "očekáváno" : "expected"
        let foundLabel = language == .cs ? "nalezeno" : "found"
        var values: [String] = []
        if let expected = d.expected { values.append("\(expectedLabel): \(expected)") }
        if let found = d.found { values.append("\(foundLabel): \(found)") }
        if !values.isEmpty { lines.append("    " + values.joined(separator: "; ")) }
        if let fix = d.suggestion?.text(in: language) {
            lines.append("    " + (language == .cs ? "oprava: " : "fix: ") + fix)
        }
        for fixIt in d.fixIts {
            lines.append("    " + (language == .cs ? "nahradit: " : "replace: ") + "„\(fixIt.original)“ → „\(fixIt.replacement)“")
        }
        for note in d.notes {
            lines.append("    \(note.location.description): " + (language == .cs ? "poznámka: " : "note: ") + note.message.text(in: language))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The JSON shape tools read; keys are stable.
    private struct JSONDiagnostic: Encodable {
        var severity: String
        var rule: String
        var file: String
        var line: Int?
        var column: Int?
        var field: String?
        var message: String
        var expected: String?
        var found: String?
        var suggestion: String?
        var notes: [JSONNote]?
        var fixits: [JSONFixIt]?
    }

    private struct JSONNote: Encodable {
        var file: String
        var line: Int?
        var column: Int?
        var message: String
    }

    private struct JSONFixIt: Encodable {
        var file: String
        var line: Int?
        var column: Int?
        var original: String
        var replacement: String
    }

    private static func json(_ diagnostics: [Diagnostic], _ language: Language) -> String {
        let items = diagnostics.map {
            JSONDiagnostic(
                severity: $0.severity.rawValue, rule: $0.rule.rawValue, file: $0.location.file,
                line: $0.location.line, column: $0.location.column, field: $0.field,
                message: $0.message.text(in: language), expected: $0.expected, found: $0.found,
                suggestion: $0.suggestion?.text(in: language),
                notes: $0.notes.isEmpty ? nil : $0.notes.map {
                    JSONNote(file: $0.location.file, line: $0.location.line, column: $0.location.column, message: $0.message.text(in: language))
                },
                fixits: $0.fixIts.isEmpty ? nil : $0.fixIts.map {
                    JSONFixIt(file: $0.location.file, line: $0.location.line, column: $0.location.column,
                              original: $0.original, replacement: $0.replacement)
                })
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(items), let text = String(data: data, encoding: .utf8) else {
            return "[]\n"
        }
        return text + "\n"
    }

    /// One annotation for the diagnostic, then a notice at each of its notes' places,
    /// so the pull request shows both copies of a duplicate.
    private static func github(_ d: Diagnostic, _ language: Language) -> String {
        var message = d.message.text(in: language)
        if let fix = d.suggestion?.text(in: language) { message += "\n" + fix }
        for fixIt in d.fixIts { message += "\n" + (language == .cs ? "nahradit: " : "replace: ") + "„\(fixIt.original)“ → „\(fixIt.replacement)“" }
        let command = d.severity == .error ? "error" : "warning"
        var lines = [annotation(command, d.location, title: d.rule.rawValue, message)]
        for note in d.notes {
            lines.append(annotation("notice", note.location, title: d.rule.rawValue, note.message.text(in: language)))
        }
        return lines.joined()
    }

    private static func annotation(_ command: String, _ location: SourceLocation, title: String, _ message: String) -> String {
        var properties = ["file=\(escapeProperty(location.file))"]
        if let line = location.line { properties.append("line=\(line)") }
        if let column = location.column { properties.append("col=\(column)") }
        properties.append("title=\(escapeProperty(title))")
        return "::\(command) \(properties.joined(separator: ","))::\(escapeData(message))\n"
    }

    // GitHub's workflow-command escaping rules.
    private static func escapeData(_ s: String) -> String {
        s.replacingOccurrences(of: "%", with: "%25")
            .replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    private static func escapeProperty(_ s: String) -> String {
        escapeData(s).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
