import Yams

/// Turns YAML text into a node tree with positions, or a located diagnostic.
///
/// Content files must be plain data: anchors and aliases are refused (they are
/// never needed in a record, and an alias "bomb" could otherwise expand without
/// bound), and nesting deeper than ``maximumDepth`` is refused.
enum YAMLLoader {
    /// Deeper nesting than this is refused; no record needs more than a handful of levels.
    static let maximumDepth = 32

    /// Parses `yaml`; `firstLine` is the file line the text starts on.
    static func load(_ yaml: String, file: String, firstLine: Int) -> Result<Node?, Diagnostic> {
        if let tab = firstTabIndentation(in: yaml) {
            return .failure(.error(
                "yaml.tabs", at: SourceLocation(file: file, line: tab + firstLine - 1, column: 1),
                LocalizedText(cs: "odsazení tabulátorem; YAML dovoluje odsazovat jen mezerami",
                              en: "indented with a tab; YAML allows only spaces for indentation"),
                suggestion: LocalizedText(cs: "nahraďte tabulátor mezerami (např. dvěma)",
                                          en: "replace the tab with spaces (two, for example)")))
        }
        if let (line, kind) = excessiveNesting(in: yaml) {
            return .failure(.error(
                "yaml.depth", at: SourceLocation(file: file, line: line + firstLine - 1, column: 1),
                LocalizedText(cs: "hodnoty jsou vnořené příliš hluboko (\(kind)); záznam takovou strukturu nepotřebuje",
                              en: "values are nested too deeply (\(kind)); no record needs such a structure")))
        }
        let node: Node?
        do {
            node = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            return .failure(diagnostic(for: error, file: file, firstLine: firstLine))
        } catch {
            return .failure(.error(
                "yaml.syntax", at: SourceLocation(file: file, line: firstLine),
                LocalizedText(cs: "hlavičku YAML nelze přečíst: \(error)", en: "the YAML front matter cannot be read: \(error)")))
        }
        if let node, let problem = structuralProblem(in: node, file: file, firstLine: firstLine, depth: 0) {
            return .failure(problem)
        }
        return .success(node)
    }

    /// Indentation deeper than this many spaces is refused before parsing.
    static let maximumIndentation = 200

    /// Finds nesting deep enough to make the recursive composer dangerous, before it
    /// runs: brackets nested deeper than ``maximumDepth`` or indentation beyond
    /// ``maximumIndentation``. Returns the line and what was too deep.
    private static func excessiveNesting(in yaml: String) -> (Int, String)? {
        // Quotes are not tracked: a bracket inside a string counts too, which can only
        // over-count, and no real text holds dozens of unclosed brackets.
        var line = 1, depth = 0, indentation = 0, atLineStart = true
        for scalar in yaml.unicodeScalars {
            if scalar == "\n" {
                line += 1; indentation = 0; atLineStart = true
                continue
            }
            if atLineStart {
                if scalar == " " {
                    indentation += 1
                    if indentation > maximumIndentation { return (line, "> \(maximumIndentation) mezer / spaces") }
                    continue
                }
                atLineStart = false
            }
            switch scalar {
            case "[", "{":
                depth += 1
                if depth > maximumDepth { return (line, "> \(maximumDepth) [ {") }
            case "]", "}": depth = max(0, depth - 1)
            default: break
            }
        }
        return nil
    }

    /// The 1-based line of the first line whose indentation contains a tab.
    private static func firstTabIndentation(in yaml: String) -> Int? {
        var lineNumber = 0
        for line in yaml.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            for c in line.unicodeScalars {
                if c == "\t" { return lineNumber }
                if c != " " { break }
            }
        }
        return nil
    }

    private static func structuralProblem(in node: Node, file: String, firstLine: Int, depth: Int) -> Diagnostic? {
        let location = SourceLocation(file: file, line: (node.mark?.line ?? 1) + firstLine - 1, column: node.mark?.column)
        if node.anchor != nil {
            return .error(
                "yaml.alias", at: location,
                LocalizedText(cs: "kotvy a odkazy YAML (& a *) nejsou v obsahu dovoleny",
                              en: "YAML anchors and aliases (& and *) are not allowed in content"),
                suggestion: LocalizedText(cs: "vypište hodnotu přímo", en: "write the value out in full"))
        }
        if depth > maximumDepth {
            return .error(
                "yaml.depth", at: location,
                LocalizedText(cs: "hodnoty jsou vnořené hlouběji než \(maximumDepth) úrovní",
                              en: "values are nested deeper than \(maximumDepth) levels"))
        }
        switch node {
        case .scalar, .alias:
            return nil
        case .mapping(let mapping):
            for (key, value) in mapping {
                if let problem = structuralProblem(in: key, file: file, firstLine: firstLine, depth: depth + 1)
                    ?? structuralProblem(in: value, file: file, firstLine: firstLine, depth: depth + 1) {
                    return problem
                }
            }
            return nil
        case .sequence(let sequence):
            for item in sequence {
                if let problem = structuralProblem(in: item, file: file, firstLine: firstLine, depth: depth + 1) {
                    return problem
                }
            }
            return nil
        }
    }

    private static func diagnostic(for error: YamlError, file: String, firstLine: Int) -> Diagnostic {
        func located(_ problem: String, _ context: YamlError.Context?, _ mark: Mark) -> Diagnostic {
            var text = problem
            if let context { text += " (\(context.text))" }
            return .error(
                "yaml.syntax",
                at: SourceLocation(file: file, line: mark.line + firstLine - 1, column: mark.column),
                LocalizedText(cs: "chyba syntaxe YAML: \(text)", en: "YAML syntax error: \(text)"),
                suggestion: LocalizedText(
                    cs: "zkontrolujte odsazení a dvojtečky; text obsahující „: “ nebo „#“ dejte do uvozovek",
                    en: "check the indentation and colons; quote text that contains \": \" or \"#\""))
        }
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            return located(problem, context, mark)
        default:
            return .error(
                "yaml.syntax", at: SourceLocation(file: file, line: firstLine),
                LocalizedText(cs: "hlavičku YAML nelze přečíst: \(error)", en: "the YAML front matter cannot be read: \(error)"))
        }
    }
}
