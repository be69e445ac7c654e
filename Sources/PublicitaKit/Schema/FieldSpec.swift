/// The declarative shape of a record: which fields a YAML mapping may have,
/// what kind of value each holds, which are required and what they mean.
///
/// One specification serves three readers, so they cannot drift apart:
/// the loader (`rejectUnknownKeys` takes the field names from it), the JSON
/// Schema files editors use (`SchemaGenerator`), and the commented templates
/// `publicita new` writes (`Scaffold`).
public struct FieldSpec: Sendable {
    /// The YAML key.
    public var name: String
    /// What kind of value it holds.
    public var kind: FieldKind
    /// Whether it must be present.
    public var requirement: Requirement
    /// What the field means and how to write it (shown by editors, written into templates).
    public var description: LocalizedText
    /// A valid example value, as it is written in YAML (used by `publicita new`; nil: none).
    public var example: String?

    /// Creates a field.
    public init(_ name: String, _ kind: FieldKind, _ requirement: Requirement = .optional,
                cs: String, en: String, example: String? = nil) {
        self.name = name
        self.kind = kind
        self.requirement = requirement
        self.description = LocalizedText(cs: cs, en: en)
        self.example = example
    }

    /// Whether the field is required in every record (not only conditionally).
    public var isRequired: Bool {
        if case .required = requirement { return true }
        return false
    }
}

/// When a field must be present.
public enum Requirement: Sendable, Hashable {
    /// It may be left out (an empty value counts as left out).
    case optional
    /// It must be present with a non-empty value (a required list: with at least one item).
    case required
    /// It must be present unless the sibling field `field` is present (`period.start`
    /// unless `period.not_published`) or, when `equals` is given, has that value
    /// (`registration_number` unless `funding: none`).
    case requiredUnless(field: String, equals: String? = nil)
}

/// The kinds of value a field holds, each read by one `FieldReader` method.
public indirect enum FieldKind: Sendable {
    /// Any text (a YAML number or yes/no is read as its text too).
    case text
    /// An amount of money (`6 516 052,50 Kč`, `6516052.50`).
    case money
    /// A percentage (`85 %`, `76,74 %`).
    case share
    /// A date (`2018-03-01`, `1. 3. 2018`, `01.03.2018`).
    case date
    /// A whole number.
    case integer
    /// Yes or no (`true`/`false`; `ano`/`ne` and `yes`/`no` are read too).
    case bool
    /// A registration number of an EU-co-funded project, in either programming period's shape.
    case registrationNumber
    /// A URL slug: lower-case ASCII letters, digits and `-`.
    case slug
    /// An element id (``Identifier``): a lower-case ASCII letter, then letters, digits and `-`.
    case identifier
    /// One of a fixed set of words.
    case enumeration([String])
    /// A list (YAML lines starting with `- `) of values of one kind.
    case list(FieldKind)
    /// A nested mapping with its own fields.
    case object(ObjectSpec)
}

/// The fields of one YAML mapping (a record's front matter, `budget`, a contact, …).
public struct ObjectSpec: Sendable {
    /// The fields, in the order they are documented and scaffolded.
    public var fields: [FieldSpec]

    /// Creates the specification of a mapping.
    public init(_ fields: [FieldSpec]) {
        self.fields = fields
    }

    /// The field names, as `FieldReader.rejectUnknownKeys` takes them.
    public var names: [String] { fields.map(\.name) }

    /// The field called `name`.
    public subscript(name: String) -> FieldSpec? {
        fields.first { $0.name == name }
    }

    /// The nested mapping specification of the field called `name` (also through a list).
    public func object(_ name: String) -> ObjectSpec? {
        var kind = self[name]?.kind
        while let current = kind {
            switch current {
            case .object(let spec): return spec
            case .list(let item): kind = item
            default: return nil
            }
        }
        return nil
    }
}
