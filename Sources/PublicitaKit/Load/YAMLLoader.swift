/// Turns YAML text into a node tree with positions, or a located diagnostic.
///
/// Content files must be plain data: anchors and aliases are refused (they are
/// never needed in a record, and an alias "bomb" could otherwise expand without
/// bound), and so are tags outside the core schema (``allowedTags``) and nesting
/// deeper than ``maximumDepth``.
enum YAMLLoader {
    /// Deeper nesting than this is refused; no record needs more than a handful of levels.
    static let maximumDepth = 32

    /// Parses `yaml`; `firstLine` is the file line the text starts on. A problem that
    /// leaves the tree usable (a tag, a control character from an escape) is added to
    /// `problems` and the tree is returned; one that does not is the failure.
    static func load(_ yaml: String, file: String, firstLine: Int, interner: TextInterner? = nil,
                     problems: inout [Diagnostic]) -> Result<YAMLNode?, Diagnostic> {
        let (problem, scan) = preflight(yaml)
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
        // Tags and escaped control characters leave the tree usable: they are collected
        // as nodes start and count only if the text reads. A tag needs a `!`, an escape a `\\`.
        var found: [Diagnostic] = []
        let location = { (mark: YAMLNode.Mark) in SourceLocation(file: file, line: mark.line + firstLine - 1, column: mark.column) }
        let visit: (YAMLNode) -> Void = { node in
            if scan.hasBang, !allowedTags.contains(node.tag) {
                found.append(tagDiagnostic(node.tag, at: location(node.mark)))
            }
            if scan.hasBackslash, case .scalar(let scalar) = node, scalar.style == .doubleQuoted,
               let control = ControlCharacters.first(in: scalar.string) {
                found.append(ControlCharacters.diagnostic(control, at: location(scalar.mark), escaped: true))
            }
        }
        do {
            let node = try YAMLEventReader.read(yaml, aliases: .refuse, maximumDepth: maximumDepth, interner: interner, visit: visit)
            problems.append(contentsOf: found)
            return .success(node)
        } catch {
            return .failure(diagnostic(for: error, yaml: yaml, file: file, firstLine: firstLine))
        }
    }

    private static func tagDiagnostic(_ tag: String, at location: SourceLocation) -> Diagnostic {
        let written = shortTag(tag)
        return .error(
            .yamlTag, at: location,
            LocalizedText(cs: "značka typu YAML „\(written)“ není v obsahu dovolena; hodnoty se čtou jen jako text",
                          en: "the YAML tag \"\(written)\" is not allowed in content; values are read as text only"),
            expected: "!!str | !!int | !!float | !!bool | !!null | !!map | !!seq", found: written,
            suggestion: LocalizedText(cs: "značku „\(written)“ smažte a napište jen hodnotu",
                                      en: "delete the tag \"\(written)\" and write the value alone"))
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
        /// Brackets or indentation too deep to be worth parsing (line, what).
        case nesting(line: Int, kind: String)
    }

    /// Bytes the scan before parsing saw, deciding what the reader must look for.
    private struct Scan {
        /// A `!`: there may be a tag.
        var hasBang = false
        /// A `\\`: a double-quoted scalar may hold an escaped control character.
        var hasBackslash = false
    }

    /// One pass over the bytes before libyaml runs: a tab in a line's indentation,
    /// brackets nested deeper than ``maximumDepth``, indentation beyond
    /// ``maximumIndentation``. (Every byte checked is ASCII, so UTF-8 bytes suffice.)
    private static func preflight(_ yaml: String) -> (problem: Preflight?, scan: Scan) {
        // Quotes are not tracked: a bracket inside a string counts too, which can only
        // over-count, and no real text holds dozens of unclosed brackets.
        var line = 1, depth = 0, indentation = 0, atLineStart = true
        var nesting: Preflight?
        var scan = Scan()
        for byte in yaml.utf8 {
            if byte == UInt8(ascii: "\n") {
                line += 1; indentation = 0; atLineStart = true
                continue
            }
            if atLineStart {
                if byte == UInt8(ascii: " ") {
                    indentation += 1
                    if indentation > maximumIndentation, nesting == nil {
                        nesting = .nesting(line: line, kind: "> \(maximumIndentation) mezer / spaces")
                    }
                    continue
                }
                // A tab reported first: it is the likelier mistake and the clearer message.
                if byte == UInt8(ascii: "\t") { return (.tab(line: line), Scan()) }
                atLineStart = false
            }
            switch byte {
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
                if depth > maximumDepth, nesting == nil { nesting = .nesting(line: line, kind: "> \(maximumDepth) [ {") }
            case UInt8(ascii: "]"), UInt8(ascii: "}"): depth = max(0, depth - 1)
            case UInt8(ascii: "!"): scan.hasBang = true
            case UInt8(ascii: "\\"): scan.hasBackslash = true
            default: break
            }
        }
        return (nesting, scan)
    }

    private static func diagnostic(for failure: YAMLEventReader.Failure, yaml: String, file: String, firstLine: Int) -> Diagnostic {
        func at(_ mark: YAMLNode.Mark, column: Bool = true) -> SourceLocation {
            SourceLocation(file: file, line: max(1, mark.line) + firstLine - 1, column: column ? mark.column : nil)
        }
        let suggestion = LocalizedText(
            cs: "zkontrolujte odsazení a dvojtečky; text obsahující „: “ nebo „#“ dejte do uvozovek",
            en: "check the indentation and colons; quote text that contains \": \" or \"#\"")
        func located(_ text: String, _ mark: YAMLNode.Mark) -> Diagnostic {
            .error(.yamlSyntax, at: at(mark),
                   LocalizedText(cs: "chyba syntaxe YAML: \(text)", en: "YAML syntax error: \(text)"),
                   suggestion: suggestion)
        }
        switch failure {
        case .syntax(let problem, let mark, let context, let contextMark):
            // For an unclosed quote or bracket, libyaml's context mark is where the broken
            // construct starts and its problem mark where it gave up, often far below.
            // For a block mapping the context is the mapping's start: the problem mark is better.
            if let context, let contextMark, contextMark.line <= mark.line,
               context.contains("quoted scalar") || context.contains("flow") {
                return located("\(problem) (\(context))", contextMark)
            }
            return located(problem, mark)
        case .undefinedAlias(let mark):
            return located("found undefined alias", mark)
        case .alias(let mark):
            return .error(
                .yamlAlias, at: at(mark),
                LocalizedText(cs: "kotvy a odkazy YAML (& a *) nejsou v obsahu dovoleny",
                              en: "YAML anchors and aliases (& and *) are not allowed in content"),
                suggestion: LocalizedText(cs: "vypište hodnotu přímo", en: "write the value out in full"))
        case .tooDeep(let mark):
            return .error(
                .yamlDepth, at: at(mark),
                LocalizedText(cs: "hodnoty jsou vnořené hlouběji než \(maximumDepth) úrovní",
                              en: "values are nested deeper than \(maximumDepth) levels"))
        case .duplicateKeys(let duplicates, let repeated):
            let keys = duplicates.joined(separator: ", ")
            return .error(
                .yamlSyntax, at: at(repeated),
                LocalizedText(cs: "pole \(keys) je v záznamu uvedeno vícekrát", en: "the field \(keys) appears more than once"),
                suggestion: LocalizedText(cs: "ponechte jen jeden řádek \(keys):", en: "keep only one \(keys): line"))
        case .reader(let problem, let byteOffset):
            let line = yaml.utf8.prefix(byteOffset).reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
            return .error(
                .yamlSyntax, at: SourceLocation(file: file, line: line + firstLine - 1),
                LocalizedText(cs: "hlavička obsahuje nepovolený znak: \(problem)", en: "the front matter holds a character YAML does not allow: \(problem)"),
                suggestion: LocalizedText(cs: "odstraňte řídicí znaky (např. NUL) z textu", en: "remove control characters (such as NUL) from the text"))
        case .memory:
            return .error(
                .yamlSyntax, at: SourceLocation(file: file, line: firstLine),
                LocalizedText(cs: "hlavičku YAML nelze přečíst: nedostatek paměti", en: "the YAML front matter cannot be read: out of memory"))
        }
    }
}
