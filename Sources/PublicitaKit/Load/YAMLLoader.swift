import Yams

/// Turns YAML text into a node tree with positions, or a located diagnostic.
///
/// Content files must be plain data: anchors and aliases are refused (they are
/// never needed in a record, and an alias "bomb" could otherwise expand without
/// bound), and so are tags outside the core schema (``allowedTags``) and nesting
/// deeper than ``maximumDepth``.
enum YAMLLoader {
    /// A constructor with no tables, for the parser's signature: nothing is constructed.
    nonisolated(unsafe) private static let unusedConstructor = Constructor([:], [:], [:])

    /// Deeper nesting than this is refused; no record needs more than a handful of levels.
    static let maximumDepth = 32

    /// Parses `yaml`; `firstLine` is the file line the text starts on. A problem that
    /// leaves the tree usable (a tag, a control character from an escape) is added to
    /// `problems` and the tree is returned; one that does not is the failure.
    static func load(_ yaml: String, file: String, firstLine: Int, problems: inout [Diagnostic]) -> Result<Node?, Diagnostic> {
        let (problem, plainAndShallow, scan) = preflight(yaml)
        switch problem {
        case .tab(let tab)?:
            return .failure(.error(
                .yamlTabs, at: SourceLocation(file: file, line: tab + firstLine - 1, column: 1),
                LocalizedText(cs: "odsazení tabulátorem; YAML dovoluje odsazovat jen mezerami",
                              en: "indented with a tab; YAML allows only spaces for indentation"),
                suggestion: LocalizedText(cs: "nahraďte tabulátor mezerami (např. dvěma)",
                                          en: "replace the tab with spaces (two, for example)")))
        case .nesting(let line, let kind)?:
            return .failure(.error(
                .yamlDepth, at: SourceLocation(file: file, line: line + firstLine - 1, column: 1),
                LocalizedText(cs: "hodnoty jsou vnořené příliš hluboko (\(kind)); záznam takovou strukturu nepotřebuje",
                              en: "values are nested too deeply (\(kind)); no record needs such a structure")))
        case nil:
            break
        }
        let node: Node?
        do {
            // No tag resolution: every value is read from its text, so the regex-based resolver is pure cost.
            // The constructor is never used (nodes are read, not decoded) and the encoding is given:
            // Yams' defaults build a constructor's tables and read the process environment per call.
            node = try Yams.compose(yaml: yaml, .basic, unusedConstructor, .utf8)
        } catch let error as YamlError {
            return .failure(diagnostic(for: error, yaml: yaml, file: file, firstLine: firstLine))
        } catch {
            return .failure(.error(
                .yamlSyntax, at: SourceLocation(file: file, line: firstLine),
                LocalizedText(cs: "hlavičku YAML nelze přečíst: \(error)", en: "the YAML front matter cannot be read: \(error)")))
        }
        // The walk finds aliases and excessive depth. Text without `*` has no alias, and
        // text whose indentation, dashes and brackets cannot add up to the depth limit
        // cannot be too deep: nearly every record, which is then not walked again.
        // Likewise a tag needs a `!` and a control character from an escape a `\\`.
        var start = Position(nil)
        if !plainAndShallow || scan.hasBang || scan.hasBackslash, let node {
            var walk = Walk(file: file, firstLine: firstLine, tags: scan.hasBang, escapes: scan.hasBackslash)
            if let problem = walk.structuralProblem(in: node, depth: 0, after: &start) {
                return .failure(problem)
            }
            problems.append(contentsOf: walk.problems)
        }
        return .success(node)
    }

    /// The tags a content file may carry: the YAML core schema's (`!!str`, `!!int`,
    /// `!!float`, `!!bool`, `!!null`, `!!map`, `!!seq`). They change nothing (every
    /// value is read from its text), so writing one is harmless; any other tag
    /// (`!!binary`, `!!python/object:…`, `!vlastni`, the non-specific `!`) asks a YAML
    /// library to construct something, which a record never needs.
    static let allowedTags: Set<String> = ["", "str", "int", "float", "bool", "null", "map", "seq"].reduce(into: [""]) {
        if !$1.isEmpty { $0.insert("tag:yaml.org,2002:" + $1) }
    }

    /// A tag as written: `tag:yaml.org,2002:binary` is `!!binary`.
    static func shortTag(_ name: String) -> String {
        name.hasPrefix("tag:yaml.org,2002:") ? "!!" + name.dropFirst("tag:yaml.org,2002:".count) : name
    }

    /// Indentation deeper than this many spaces is refused before parsing.
    static let maximumIndentation = 200

    /// What the scan before parsing found wrong.
    private enum Preflight {
        /// A tab in a line's indentation (1-based line).
        case tab(line: Int)
        /// Brackets or indentation too deep for the recursive composer (line, what).
        case nesting(line: Int, kind: String)
    }

    /// One pass over the bytes before the composer runs: a tab in a line's indentation,
    /// brackets nested deeper than ``maximumDepth``, indentation beyond
    /// ``maximumIndentation``. (Every byte checked is ASCII, so UTF-8 bytes suffice.)
    ///
    /// Also tells whether the text is plain and shallow: no `*` (so no alias) and a
    /// bound on the node depth within ``maximumDepth``. In block YAML a level deeper
    /// takes more indentation, a `-` or `?` on the line, or a bracket; an indentless
    /// sequence under a key can add a level per indentation step, hence twice the
    /// indentation. The bound is loose on purpose: anything near it is walked.
    /// Bytes the scan before parsing saw, deciding what the walk must look for.
    private struct Scan {
        /// A `!`: there may be a tag.
        var hasBang = false
        /// A `\\`: a double-quoted scalar may hold an escaped control character.
        var hasBackslash = false
    }

    private static func preflight(_ yaml: String) -> (problem: Preflight?, plainAndShallow: Bool, scan: Scan) {
        // Quotes are not tracked: a bracket inside a string counts too, which can only
        // over-count, and no real text holds dozens of unclosed brackets.
        var line = 1, depth = 0, indentation = 0, atLineStart = true
        var nesting: Preflight?
        var hasStar = false, maxIndentation = 0, maxBrackets = 0, markers = 0, maxMarkers = 0
        var scan = Scan()
        for byte in yaml.utf8 {
            if byte == UInt8(ascii: "\n") {
                line += 1; indentation = 0; atLineStart = true; markers = 0
                continue
            }
            if atLineStart {
                if byte == UInt8(ascii: " ") {
                    indentation += 1
                    maxIndentation = max(maxIndentation, indentation)
                    if indentation > maximumIndentation, nesting == nil {
                        nesting = .nesting(line: line, kind: "> \(maximumIndentation) mezer / spaces")
                    }
                    continue
                }
                // A tab reported first: it is the likelier mistake and the clearer message.
                if byte == UInt8(ascii: "\t") { return (.tab(line: line), false, Scan()) }
                atLineStart = false
            }
            switch byte {
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
                maxBrackets = max(maxBrackets, depth)
                if depth > maximumDepth, nesting == nil { nesting = .nesting(line: line, kind: "> \(maximumDepth) [ {") }
            case UInt8(ascii: "]"), UInt8(ascii: "}"): depth = max(0, depth - 1)
            case UInt8(ascii: "-"), UInt8(ascii: "?"):
                markers += 1
                maxMarkers = max(maxMarkers, markers)
            case UInt8(ascii: "*"): hasStar = true
            case UInt8(ascii: "!"): scan.hasBang = true
            case UInt8(ascii: "\\"): scan.hasBackslash = true
            default: break
            }
        }
        let depthBound = 2 * maxIndentation + maxMarkers + maxBrackets + 2
        return (nesting, !hasStar && depthBound <= maximumDepth, scan)
    }

    /// A position in the YAML text, for ordering nodes.
    private struct Position: Comparable {
        var line: Int, column: Int
        init(_ mark: Mark?) { line = mark?.line ?? 0; column = mark?.column ?? 0 }
        static func < (a: Position, b: Position) -> Bool { (a.line, a.column) < (b.line, b.column) }
    }

    /// One walk over a tree: the fatal problems it stops at, and the others it collects.
    private struct Walk {
        let file: String
        let firstLine: Int
        /// Whether to look at tags, and at scalars' text for escaped control characters.
        let tags: Bool, escapes: Bool
        /// Tags and control characters found (the tree stays usable).
        var problems: [Diagnostic] = []

        init(file: String, firstLine: Int, tags: Bool, escapes: Bool) {
            self.file = file
            self.firstLine = firstLine
            self.tags = tags
            self.escapes = escapes
        }

        /// The tag as the parser read it. (`Node.tag` resolves it first, turning the
        /// non-specific `!` into `!!str`; the tag objects are read before anything resolves them.)
        static func writtenTag(of node: Node) -> String? {
            switch node {
            case .scalar(let scalar): return scalar.tag.description
            case .mapping(let mapping): return mapping.tag.description
            case .sequence(let sequence): return sequence.tag.description
            case .alias: return nil
            }
        }

        func location(_ mark: Mark?) -> SourceLocation {
            SourceLocation(file: file, line: max(1, mark?.line ?? 1) + firstLine - 1, column: mark?.column)
        }

        /// Walks the tree in document order. Yams resolves an alias to the anchored node
        /// itself (and keeps no anchor once composing is done), so an alias shows up as
        /// a node whose position lies before the place it is used: a value before its
        /// key, or a list item before its predecessor. The walk stops at the first one,
        /// so an alias "bomb" is refused without being expanded.
        mutating func structuralProblem(in node: Node, depth: Int, after previous: inout Position) -> Diagnostic? {
            let position = Position(node.mark)
            if node.mark != nil && position < previous {
                return .error(
                    .yamlAlias, at: SourceLocation(file: file, line: previous.line + firstLine - 1),
                    LocalizedText(cs: "kotvy a odkazy YAML (& a *) nejsou v obsahu dovoleny",
                                  en: "YAML anchors and aliases (& and *) are not allowed in content"),
                    suggestion: LocalizedText(cs: "vypište hodnotu přímo", en: "write the value out in full"))
            }
            if node.mark != nil { previous = position }
            if depth > maximumDepth {
                return .error(
                    .yamlDepth, at: SourceLocation(file: file, line: max(1, position.line) + firstLine - 1, column: node.mark?.column),
                    LocalizedText(cs: "hodnoty jsou vnořené hlouběji než \(maximumDepth) úrovní",
                                  en: "values are nested deeper than \(maximumDepth) levels"))
            }
            if tags, let tag = Self.writtenTag(of: node), !allowedTags.contains(tag) {
                let written = shortTag(tag)
                problems.append(.error(
                    .yamlTag, at: location(node.mark),
                    LocalizedText(cs: "značka typu YAML „\(written)“ není v obsahu dovolena; hodnoty se čtou jen jako text",
                                  en: "the YAML tag \"\(written)\" is not allowed in content; values are read as text only"),
                    expected: "!!str | !!int | !!float | !!bool | !!null | !!map | !!seq", found: written,
                    suggestion: LocalizedText(cs: "značku „\(written)“ smažte a napište jen hodnotu",
                                              en: "delete the tag \"\(written)\" and write the value alone")))
            }
            switch node {
            case .scalar(let scalar):
                if escapes, scalar.style == .doubleQuoted, let control = ControlCharacters.first(in: scalar.string) {
                    problems.append(ControlCharacters.diagnostic(control, at: location(node.mark), escaped: true))
                }
                return nil
            case .alias:
                return nil
            case .mapping(let mapping):
                for (key, value) in mapping {
                    if let problem = structuralProblem(in: key, depth: depth + 1, after: &previous) {
                        return problem
                    }
                    // A value is at or after its key; an empty value may share the key's end.
                    if let problem = structuralProblem(in: value, depth: depth + 1, after: &previous) {
                        return problem
                    }
                }
                return nil
            case .sequence(let sequence):
                for item in sequence {
                    if let problem = structuralProblem(in: item, depth: depth + 1, after: &previous) {
                        return problem
                    }
                }
                return nil
            }
        }
    }

    /// The line where one of `keys` is written a second time at the mapping's indentation
    /// (Yams only marks the mapping; the clerk needs the line to delete).
    private static func secondOccurrence(of keys: [String], in yaml: String, from mark: Mark) -> Int? {
        let indentation = String(repeating: " ", count: max(0, mark.column - 1))
        var seen: Set<String> = []
        for (offset, line) in yaml.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where offset + 1 >= mark.line {
            guard line.hasPrefix(indentation) else { continue }
            let rest = line.dropFirst(indentation.count)
            for key in keys where rest.hasPrefix("\(key):") || rest.hasPrefix("\"\(key)\":") || rest.hasPrefix("'\(key)':") {
                if !seen.insert(key).inserted { return offset + 1 }
            }
        }
        return nil
    }

    private static func diagnostic(for error: YamlError, yaml: String, file: String, firstLine: Int) -> Diagnostic {
        let suggestion = LocalizedText(
            cs: "zkontrolujte odsazení a dvojtečky; text obsahující „: “ nebo „#“ dejte do uvozovek",
            en: "check the indentation and colons; quote text that contains \": \" or \"#\"")
        func located(_ text: String, _ mark: Mark, suggestion: LocalizedText = suggestion) -> Diagnostic {
            .error(.yamlSyntax,
                   at: SourceLocation(file: file, line: mark.line + firstLine - 1, column: mark.column),
                   LocalizedText(cs: "chyba syntaxe YAML: \(text)", en: "YAML syntax error: \(text)"),
                   suggestion: suggestion)
        }
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            // For an unclosed quote or bracket, libyaml's context mark is where the broken
            // construct starts and its problem mark where it gave up, often far below.
            // For a block mapping the context is the mapping's start: the problem mark is better.
            if let context, context.mark.line <= mark.line,
               context.text.contains("quoted scalar") || context.text.contains("flow") {
                return located("\(problem) (\(context.text))", context.mark)
            }
            return located(problem, mark)
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.sorted().joined(separator: ", ")
            let line = secondOccurrence(of: duplicates, in: yaml, from: context.mark) ?? context.mark.line
            return .error(
                .yamlSyntax, at: SourceLocation(file: file, line: line + firstLine - 1, column: context.mark.column),
                LocalizedText(cs: "pole \(keys) je v záznamu uvedeno vícekrát", en: "the field \(keys) appears more than once"),
                suggestion: LocalizedText(cs: "ponechte jen jeden řádek \(keys):", en: "keep only one \(keys): line"))
        case .reader(let problem, let offset, _, let yaml):
            let line = offset.map { yaml.utf8.prefix($0).filter { $0 == 0x0A }.count + 1 } ?? 1
            return .error(
                .yamlSyntax, at: SourceLocation(file: file, line: line + firstLine - 1),
                LocalizedText(cs: "hlavička obsahuje nepovolený znak: \(problem)", en: "the front matter holds a character YAML does not allow: \(problem)"),
                suggestion: LocalizedText(cs: "odstraňte řídicí znaky (např. NUL) z textu", en: "remove control characters (such as NUL) from the text"))
        default:
            return .error(
                .yamlSyntax, at: SourceLocation(file: file, line: firstLine),
                LocalizedText(cs: "hlavičku YAML nelze přečíst: \(error)", en: "the YAML front matter cannot be read: \(error)"))
        }
    }
}
