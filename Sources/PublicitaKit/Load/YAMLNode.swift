/// One node of a YAML document as libyaml's events describe it: nothing is
/// resolved or constructed, every value keeps its text (records read values
/// from their text), its style, its tag as written and where it starts.
enum YAMLNode: Sendable, Equatable {
    case scalar(Scalar)
    case mapping(Mapping)
    case sequence(Sequence)

    /// A position in the YAML text, 1-based (libyaml counts from 0).
    struct Mark: Sendable, Equatable, Comparable {
        var line: Int
        var column: Int

        static func < (a: Mark, b: Mark) -> Bool { (a.line, a.column) < (b.line, b.column) }
    }

    /// How a scalar is written.
    enum Style: Sendable, Equatable {
        case plain, singleQuoted, doubleQuoted, literal, folded
    }

    struct Scalar: Sendable, Equatable {
        var string: String
        var style: Style
        /// The tag as libyaml reports it: empty when none was written,
        /// `tag:yaml.org,2002:str` for a quoted scalar without one.
        var tag: String
        var mark: Mark
    }

    /// Key/value pairs in the order written.
    struct Mapping: Sendable, Equatable, RandomAccessCollection {
        var pairs: [(key: YAMLNode, value: YAMLNode)]
        var tag: String
        var mark: Mark

        var startIndex: Int { pairs.startIndex }
        var endIndex: Int { pairs.endIndex }
        subscript(position: Int) -> (key: YAMLNode, value: YAMLNode) { pairs[position] }

        static func == (a: Mapping, b: Mapping) -> Bool {
            a.tag == b.tag && a.pairs.count == b.pairs.count
                && zip(a.pairs, b.pairs).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        }
    }

    struct Sequence: Sendable, Equatable, RandomAccessCollection {
        var items: [YAMLNode]
        var tag: String
        var mark: Mark

        var startIndex: Int { items.startIndex }
        var endIndex: Int { items.endIndex }
        subscript(position: Int) -> YAMLNode { items[position] }
    }

    /// Where the node starts.
    var mark: Mark {
        switch self {
        case .scalar(let scalar): return scalar.mark
        case .mapping(let mapping): return mapping.mark
        case .sequence(let sequence): return sequence.mark
        }
    }

    /// The text of a scalar; nil for a mapping or a sequence.
    var string: String? {
        if case .scalar(let scalar) = self { return scalar.string }
        return nil
    }

    /// The tag as written (see ``Scalar/tag``).
    var tag: String {
        switch self {
        case .scalar(let scalar): return scalar.tag
        case .mapping(let mapping): return mapping.tag
        case .sequence(let sequence): return sequence.tag
        }
    }
}
