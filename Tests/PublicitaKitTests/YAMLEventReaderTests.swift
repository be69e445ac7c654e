import Foundation
import Testing
@testable import PublicitaKit

/// The YAML reader on libyaml's events: the tree it builds (texts, styles, tags,
/// marks), what it refuses and where it says so, and that no input crashes it.
@Suite("YAML event reader")
struct YAMLEventReaderTests {
    private typealias Mark = YAMLNode.Mark

    private static func read(_ yaml: String, aliases: YAMLEventReader.Aliases = .refuse, depth: Int = .max) throws(YAMLEventReader.Failure) -> YAMLNode? {
        try YAMLEventReader.read(yaml, aliases: aliases, maximumDepth: depth)
    }

    private static func failure(_ yaml: String, depth: Int = .max) -> YAMLEventReader.Failure? {
        do {
            _ = try read(yaml, depth: depth)
            return nil
        } catch {
            return error
        }
    }

    /// The diagnostics a project file with `yaml` as its front matter gets from the loader.
    private static func loaded(_ yaml: String) -> (node: YAMLNode?, diagnostics: [Diagnostic]) {
        var problems: [Diagnostic] = []
        switch YAMLLoader.load(yaml, file: "content/projects/p.md", firstLine: 2, problems: &problems) {
        case .success(let node): return (node, problems)
        case .failure(let diagnostic): return (nil, problems + [diagnostic])
        }
    }

    @Test func marksAreOneBasedLinesAndColumnsOfWhereEachNodeStarts() throws {
        let yaml = "title: Projekt\nperiod:\n  start: 2018-03-01\nareas: [Centrum, \"Vesec\"]\nnote: |\n  řádek\n"
        guard case .mapping(let root)? = try Self.read(yaml) else { Issue.record("no mapping"); return }
        #expect(root.mark == Mark(line: 1, column: 1))
        #expect(root.map { $0.key.string } == ["title", "period", "areas", "note"])
        #expect(root[0].value.mark == Mark(line: 1, column: 8))
        guard case .mapping(let period) = root[1].value, case .sequence(let areas) = root[2].value,
              case .scalar(let note) = root[3].value else { Issue.record("wrong shapes"); return }
        #expect(period.mark == Mark(line: 3, column: 3))
        #expect(period[0].value.mark == Mark(line: 3, column: 10))
        #expect(areas.mark == Mark(line: 4, column: 8))
        #expect(areas.map(\.mark) == [Mark(line: 4, column: 9), Mark(line: 4, column: 18)])
        #expect(note.string == "řádek\n" && note.style == .literal && note.mark == Mark(line: 5, column: 7))
        // A column counts characters, not bytes: "ř" is two bytes.
        guard case .mapping(let accented)? = try Self.read("řeka: [a, b]") else { Issue.record("no mapping"); return }
        #expect(accented[0].value.mark == Mark(line: 1, column: 7))
    }

    @Test func scalarsKeepTheirTextStyleAndWrittenTag() throws {
        let yaml = "a: plain\nb: 'single'\nc: \"double\\u00e9\"\nd: >\n  folded\n  text\ne: !!str 5\nf: !mine x\ng: ! y\nh:\n"
        guard case .mapping(let root)? = try Self.read(yaml) else { Issue.record("no mapping"); return }
        let scalars = root.compactMap { pair -> YAMLNode.Scalar? in
            if case .scalar(let scalar) = pair.value { return scalar }
            return nil
        }
        #expect(scalars.map(\.string) == ["plain", "single", "doubleé", "folded text\n", "5", "x", "y", ""])
        #expect(scalars.map(\.style) == [.plain, .singleQuoted, .doubleQuoted, .folded, .plain, .plain, .plain, .plain])
        #expect(scalars.map(\.tag) == ["", "tag:yaml.org,2002:str", "tag:yaml.org,2002:str", "tag:yaml.org,2002:str",
                                       "tag:yaml.org,2002:str", "!mine", "!", ""])
    }

    @Test func anEmptyTextHasNoDocumentAndASecondDocumentIsRefused() throws {
        #expect(try Self.read("") == nil)
        #expect(try Self.read("# jen komentář\n") == nil)
        guard case .syntax(let problem, let mark, let context, _)? = Self.failure("a: 1\n---\nb: 2\n") else {
            Issue.record("a second document was accepted"); return
        }
        #expect(problem == "but found another document" && context == "expected a single document in the stream")
        #expect(mark == Mark(line: 2, column: 1))
    }

    @Test func aliasesAreRefusedWhereTheyAreWrittenAndResolvedOnRequest() throws {
        #expect(Self.failure("a: &x 1\nb:\n  - 2\n  - *x\n") == .alias(Mark(line: 4, column: 5)))
        // The alias right after its anchored item, which a walk over positions could not tell apart.
        #expect(Self.failure("- &a x\n- *a\n") == .alias(Mark(line: 2, column: 3)))
        #expect(Self.failure("a: *nic\n") == .undefinedAlias(Mark(line: 1, column: 4)))
        // An alias inside the node it names is undefined: no node contains itself.
        #expect(Self.failure("a: &x [*x]\n") == .undefinedAlias(Mark(line: 1, column: 8)))
        // A billion-laughs text is refused at its first alias without expanding anything.
        let bomb = "a: &a [x, x, x]\nb: &b [*a, *a, *a]\nc: &c [*b, *b, *b]\nd: [*c, *c, *c]\n"
        #expect(Self.failure(bomb) == .alias(Mark(line: 2, column: 8)))

        guard case .mapping(let root)? = try Self.read("a: &x [1, 2]\nb: *x\n", aliases: .resolve),
              case .sequence(let copy) = root[1].value else { Issue.record("the alias was not resolved"); return }
        #expect(copy.map(\.string) == ["1", "2"])
    }

    @Test func aSyntaxErrorBelowAnAliasIsReportedFirst() {
        guard case .syntax? = Self.failure("a: &x 1\nb: *x\nc: [unclosed\n") else {
            Issue.record("the alias hid the syntax error"); return
        }
    }

    @Test func depthBeyondTheLimitIsRefusedAtTheFirstTooDeepNode() {
        #expect(Self.failure("a:\n  b:\n    c: x\n", depth: 2) == .tooDeep(Mark(line: 3, column: 5)))
        #expect(Self.failure("a:\n  b: x\n", depth: 2) == nil)
        #expect(Self.failure("[[[x]]]", depth: 2) == .tooDeep(Mark(line: 1, column: 4)))
        let deep = "a:" + (1...40).map { "\n" + String(repeating: "  ", count: $0) + "k:" }.joined() + " v\n"
        let diagnostics = Self.loaded(deep).diagnostics
        #expect(diagnostics.map(\.rule) == [RuleID.yamlDepth])
        // The 32nd nested key is 33 levels below the root, on the front matter's line 33.
        #expect(diagnostics.first?.location.line == 33 + 1)
    }

    @Test func duplicateKeysAreRefusedAtTheSecondOccurrence() {
        #expect(Self.failure("a: 1\nb: 2\na: 3\n") == .duplicateKeys(["a"], repeated: Mark(line: 3, column: 1)))
        // Quotes and the core tag do not make a different key; another tag does.
        #expect(Self.failure("a: 1\n'a': 2\n") == .duplicateKeys(["a"], repeated: Mark(line: 2, column: 1)))
        #expect(Self.failure("a: 1\n!!str a: 2\n") == .duplicateKeys(["a"], repeated: Mark(line: 2, column: 1)))
        #expect(Self.failure("a: 1\n!!int a: 2\n") == nil)
        // The alphabetically first repeated key is the one located.
        #expect(Self.failure("b: 1\na: 1\nb: 2\na: 2\n") == .duplicateKeys(["a", "b"], repeated: Mark(line: 4, column: 1)))
        #expect(Self.failure("x: {a: 1, a: 2}\n") == .duplicateKeys(["a"], repeated: Mark(line: 1, column: 11)))
        #expect(Self.failure("- name: a\n  name: b\n") == .duplicateKeys(["name"], repeated: Mark(line: 2, column: 3)))
        #expect(Self.failure("? [a, b]\n: 1\n? [a, b]\n: 2\n") == .duplicateKeys(["<uncovertable>"], repeated: Mark(line: 3, column: 3)))
        // The same key in two mappings is no repeat.
        #expect(Self.failure("- name: a\n- name: b\n") == nil)

        let diagnostic = Self.loaded("title: A\ncity: B\ncity: C\n").diagnostics.first
        #expect(diagnostic?.rule == RuleID.yamlSyntax)
        #expect(diagnostic?.location.line == 4 && diagnostic?.location.column == 1)
        #expect(diagnostic?.message.en == "the field city appears more than once")
    }

    @Test func syntaxErrorsCarryLibyamlsProblemAndTheBetterMark() {
        let unclosed = Self.loaded("title: A\nsummary: \"open\ncity: B\n").diagnostics.first
        #expect(unclosed?.rule == RuleID.yamlSyntax)
        // Where the quote opens, not where libyaml gave up.
        #expect(unclosed?.location.line == 3 && unclosed?.location.column == 10)
        #expect(unclosed?.message.en == "YAML syntax error: found unexpected end of stream (while scanning a quoted scalar)")
        let colon = Self.loaded("title: A\ncity: B: C\n").diagnostics.first
        #expect(colon?.location.line == 3 && colon?.location.column == 8)
        #expect(colon?.message.en == "YAML syntax error: mapping values are not allowed in this context")
    }

    @Test func tagsOutsideTheCoreSchemaAndEscapedControlsAreReportedButTheTreeIsKept() {
        let (node, diagnostics) = Self.loaded("a: !!binary aGVsbG8=\nb: !!int 5\nc: \"zvonek\\a\"\nd: !!set {x: ~}\n")
        #expect(node != nil)
        #expect(diagnostics.map(\.rule) == [RuleID.yamlTag, RuleID.textControl, RuleID.yamlTag])
        #expect(diagnostics.map(\.location.line) == [2, 4, 5])
        #expect(diagnostics.first?.found == "!!binary")
        #expect(diagnostics.last?.location.column == 4)
    }

    @Test func aLeadingByteOrderMarkIsDroppedFromAValue() throws {
        guard case .mapping(let root)? = try Self.read("\"\\uFEFFtitle\": \"\\uFEFFx\\uFEFF\"\n") else { Issue.record("no mapping"); return }
        #expect(root[0].key.string == "title")
        #expect(root[0].value.string == "x\u{FEFF}")
    }

    @Test func randomBytesNeverCrashTheReader() {
        var rng = SplitMix64(seed: 0x59A3_11E7)
        let pieces = ["a", ": ", "- ", "\n", "  ", "[", "]", "{", "}", ",", "&x ", "*x", "!!str ", "! ", "!t ", "\"", "'",
                      "|", ">", "? ", "#", "%YAML 1.1\n", "---\n", "...\n", "\\u0007", "\\", "é", "\u{FEFF}", "\0", "\t"]
        var outcomes = (trees: 0, failures: 0)
        for round in 0..<20_000 {
            let text: String
            if round.isMultiple(of: 2) {
                let bytes = (0..<Int.random(in: 0...64, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }
                text = String(decoding: bytes, as: UTF8.self)
            } else {
                text = (0..<Int.random(in: 0...40, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
            }
            for aliases in [YAMLEventReader.Aliases.refuse, .resolve] {
                do {
                    _ = try YAMLEventReader.read(text, aliases: aliases, maximumDepth: 8)
                    outcomes.trees += 1
                } catch {
                    outcomes.failures += 1
                }
            }
            var problems: [Diagnostic] = []
            if case .failure(let diagnostic) = YAMLLoader.load(text, file: "f.md", firstLine: 2, problems: &problems) {
                #expect((diagnostic.location.line ?? 0) >= 2, "\(text.debugDescription): \(diagnostic.message.en)")
            }
        }
        // Both outcomes occur, so the inputs reach past the first byte.
        #expect(outcomes.trees > 1_000 && outcomes.failures > 1_000, "\(outcomes)")
    }
}
