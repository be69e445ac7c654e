import CYAML

/// Builds a ``YAMLNode`` tree straight from libyaml's event stream (`yaml_parser_parse`):
/// no tag resolution, no construction of values, no recursion (a stack of open
/// collections), so a deep document costs a deep stack of arrays, never a deep call stack.
///
/// What a content file may not hold is found on the way: aliases (unless resolved for
/// a caller that reads general YAML), nesting deeper than a limit, duplicate keys.
enum YAMLEventReader {
    /// Why a text gives no tree.
    enum Failure: Error, Equatable {
        /// libyaml's scanner, parser or the single-document rule refused the text.
        case syntax(problem: String, mark: YAMLNode.Mark, context: String?, contextMark: YAMLNode.Mark?)
        /// A character YAML does not allow, at a byte offset.
        case reader(problem: String, byteOffset: Int)
        /// An alias whose anchor is not (yet) defined.
        case undefinedAlias(YAMLNode.Mark)
        /// Keys written twice in one mapping (the texts, sorted) and where the first repeat is.
        case duplicateKeys([String], repeated: YAMLNode.Mark)
        /// An alias, where aliases are refused.
        case alias(YAMLNode.Mark)
        /// A node deeper than the limit.
        case tooDeep(YAMLNode.Mark)
        /// libyaml ran out of memory.
        case memory
    }

    /// What to do with an alias to a defined anchor.
    enum Aliases {
        /// Fail with ``Failure/alias(_:)`` (content files: plain data only).
        case refuse
        /// Put a copy of the anchored node in its place (general YAML, such as CI files).
        case resolve
    }

    /// One open collection, filled in place.
    private struct Frame {
        let isMapping: Bool
        let tag: String
        let mark: YAMLNode.Mark
        let anchor: String?
        var items: [YAMLNode] = []
        var pairs: [(key: YAMLNode, value: YAMLNode)] = []
        var pendingKey: YAMLNode?

        var node: YAMLNode {
            isMapping ? .mapping(.init(pairs: pairs, tag: tag, mark: mark)) : .sequence(.init(items: items, tag: tag, mark: mark))
        }
    }

    /// The document in `yaml` (nil when it holds none).
    ///
    /// A syntax error, an undefined alias, duplicate keys or a second document are found
    /// in text order and the first one fails the read; an alias to a defined anchor or a
    /// node deeper than `maximumDepth` fails it only if the whole text parses, so that
    /// broken syntax further down is what is reported (the clerk must fix that first).
    /// `visit` sees each scalar, mapping and sequence as it starts (for checks of tags
    /// and values that leave the tree usable).
    static func read(_ yaml: String, aliases: Aliases = .refuse, maximumDepth: Int = .max, interner: TextInterner? = nil,
                     visit: (YAMLNode) -> Void = { _ in }) throws(Failure) -> YAMLNode? {
        var text = yaml
        let result = text.withUTF8 { bytes -> Result<YAMLNode?, Failure> in
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else { return .failure(.memory) }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(&parser, bytes.baseAddress, bytes.count)
            var state = State(aliases: aliases, maximumDepth: maximumDepth, interner: interner)
            do throws(Failure) {
                return .success(try state.run(&parser, visit: visit))
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    /// The collections being read and what has been found so far.
    private struct State {
        let aliases: Aliases
        let maximumDepth: Int
        let interner: TextInterner?
        var stack: [Frame] = []
        var root: YAMLNode?
        var anchors: [String: YAMLNode] = [:]
        /// The first alias or too deep node: reported if nothing worse comes.
        var deferred: Failure?

        init(aliases: Aliases, maximumDepth: Int, interner: TextInterner?) {
            self.aliases = aliases
            self.maximumDepth = maximumDepth
            self.interner = interner
        }

        /// Reads every event of the stream.
        mutating func run(_ parser: inout yaml_parser_t, visit: (YAMLNode) -> Void) throws(Failure) -> YAMLNode? {
            var event = yaml_event_t()
            var documents = 0
            while true {
                guard yaml_parser_parse(&parser, &event) == 1 else { throw failure(of: parser) }
                defer { yaml_event_delete(&event) }
                switch event.type {
                case YAML_STREAM_END_EVENT:
                    if let deferred { throw deferred }
                    return root
                case YAML_DOCUMENT_START_EVENT:
                    documents += 1
                    if documents > 1 {
                        // The rule Yams' single-root composer applied, in its words.
                        throw Failure.syntax(problem: "but found another document", mark: mark(event.start_mark),
                                             context: "expected a single document in the stream",
                                             contextMark: YAMLNode.Mark(line: 1, column: 1))
                    }
                case YAML_SCALAR_EVENT:
                    let scalar = event.data.scalar
                    let tag = scalar.quoted_implicit == 1 ? strTag : string(scalar.tag) ?? ""
                    var bytes = UnsafeBufferPointer(start: scalar.value, count: scalar.length)
                    // Yams decoded values with Foundation, which drops a leading byte order mark
                    // (an escaped "\\uFEFF"); so does this reader, so that such a value keeps its meaning.
                    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = UnsafeBufferPointer(rebasing: bytes.dropFirst(3)) }
                    let value = interner?.text(bytes) ?? String(decoding: bytes, as: UTF8.self)
                    let node = YAMLNode.scalar(.init(string: value, style: style(scalar.style), tag: tag, mark: mark(event.start_mark)))
                    checkDepth(at: node.mark)
                    visit(node)
                    close(node, anchor: string(scalar.anchor))
                case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                    let isMapping = event.type == YAML_MAPPING_START_EVENT
                    // The two start events share their layout.
                    let start = event.data.sequence_start
                    let frame = Frame(isMapping: isMapping, tag: start.implicit != 0 ? "" : string(start.tag) ?? "",
                                      mark: mark(event.start_mark), anchor: string(start.anchor))
                    checkDepth(at: frame.mark)
                    visit(frame.node)
                    stack.append(frame)
                case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                    let frame = stack.removeLast()
                    if frame.isMapping { try checkDuplicates(frame.pairs) }
                    close(frame.node, anchor: frame.anchor)
                case YAML_ALIAS_EVENT:
                    let at = mark(event.start_mark)
                    guard let name = string(event.data.alias.anchor), let anchored = anchors[name] else {
                        throw Failure.undefinedAlias(at)
                    }
                    switch aliases {
                    case .resolve:
                        close(anchored, anchor: nil)
                    case .refuse:
                        if deferred == nil { deferred = .alias(at) }
                        // A stand-in keeps the shape; the read fails at the end anyway.
                        close(.scalar(.init(string: "", style: .plain, tag: "", mark: at)), anchor: nil)
                    }
                default:
                    break
                }
            }
        }

        /// A node about to open or be added, at `stack.count` levels below the root.
        mutating func checkDepth(at mark: YAMLNode.Mark) {
            if stack.count > maximumDepth, deferred == nil { deferred = .tooDeep(mark) }
        }

        /// Puts a complete node into the collection it belongs to.
        mutating func close(_ node: YAMLNode, anchor: String?) {
            // An anchor is defined once its node is complete (an alias inside it is undefined).
            if let anchor { anchors[anchor] = node }
            guard let last = stack.indices.last else {
                root = node
                return
            }
            if !stack[last].isMapping {
                stack[last].items.append(node)
            } else if let key = stack[last].pendingKey {
                stack[last].pairs.append((key: key, value: node))
                stack[last].pendingKey = nil
            } else {
                stack[last].pendingKey = node
            }
        }
    }

    private static let strTag = "tag:yaml.org,2002:str"

    /// Fails when a key is written twice. Keys are compared as Yams compared them:
    /// by text and resolved tag (`a`, `'a'` and `!!str a` are one key), collections by content.
    /// The place reported is the second occurrence of the first repeated key in
    /// alphabetical order, the line the clerk deletes.
    private static func checkDuplicates(_ pairs: [(key: YAMLNode, value: YAMLNode)]) throws(Failure) {
        guard pairs.count > 1 else { return }
        if !hasRepeatedPlainKey(pairs) { return }
        var seen: Set<KeyIdentity> = []
        seen.reserveCapacity(pairs.count)
        var repeated: [KeyIdentity: (text: String, mark: YAMLNode.Mark)] = [:]
        for (key, _) in pairs where !seen.insert(KeyIdentity(key)).inserted {
            let identity = KeyIdentity(key)
            if repeated[identity] == nil { repeated[identity] = (key.string ?? "<uncovertable>", key.mark) }
        }
        guard let first = repeated.values.min(by: { ($0.text, $0.mark) < ($1.text, $1.mark) }) else { return }
        throw Failure.duplicateKeys(repeated.values.map(\.text).sorted(), repeated: first.mark)
    }

    /// Whether a mapping might repeat a key: false when its keys are untagged scalars
    /// with different texts (nearly every mapping), found by comparing texts only
    /// (pairwise in a small mapping, where that beats hashing).
    private static func hasRepeatedPlainKey(_ pairs: [(key: YAMLNode, value: YAMLNode)]) -> Bool {
        var texts: Set<String> = []
        if pairs.count > 16 { texts.reserveCapacity(pairs.count) }
        for index in pairs.indices {
            guard case .scalar(let key) = pairs[index].key, key.tag.isEmpty || key.tag == strTag else { return true }
            if pairs.count > 16 {
                if !texts.insert(key.string).inserted { return true }
            } else {
                for other in pairs[..<index] where other.key.string == key.string { return true }
            }
        }
        return false
    }

    /// Equal for keys Yams took for equal.
    private struct KeyIdentity: Hashable {
        var tag: String
        /// A scalar's text; for a collection, its content written out.
        var text: String

        init(_ node: YAMLNode) {
            let tag = node.tag
            switch node {
            case .scalar(let scalar):
                self.tag = tag.isEmpty || tag == "!" ? strTag : tag
                text = scalar.string
            case .sequence(let sequence):
                self.tag = tag.isEmpty || tag == "!" ? "tag:yaml.org,2002:seq" : tag
                text = "[" + sequence.items.map { Self($0).written }.joined(separator: ",") + "]"
            case .mapping(let mapping):
                self.tag = tag.isEmpty || tag == "!" ? "tag:yaml.org,2002:map" : tag
                text = "{" + mapping.pairs.map { Self($0.key).written + ":" + Self($0.value).written }.joined(separator: ",") + "}"
            }
        }

        /// Unambiguous: lengths before texts.
        var written: String { "\(tag.utf8.count).\(tag)\(text.utf8.count).\(text)" }
    }

    private static func mark(_ mark: yaml_mark_t) -> YAMLNode.Mark {
        YAMLNode.Mark(line: Int(mark.line) + 1, column: Int(mark.column) + 1)
    }

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: $0) }
    }

    private static func style(_ style: yaml_scalar_style_t) -> YAMLNode.Style {
        switch style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: return .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: return .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: return .literal
        case YAML_FOLDED_SCALAR_STYLE: return .folded
        default: return .plain
        }
    }

    private static func failure(of parser: yaml_parser_t) -> Failure {
        let problem = parser.problem.map { String(cString: $0) } ?? "unknown problem"
        switch parser.error {
        case YAML_READER_ERROR:
            return .reader(problem: problem, byteOffset: Int(parser.problem_offset))
        case YAML_SCANNER_ERROR, YAML_PARSER_ERROR, YAML_COMPOSER_ERROR:
            return .syntax(problem: problem, mark: mark(parser.problem_mark),
                           context: parser.context.map { String(cString: $0) },
                           contextMark: parser.context == nil ? nil : mark(parser.context_mark))
        default:
            return .memory
        }
    }
}
