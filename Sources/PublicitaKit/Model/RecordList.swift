/// A list of records of one kind (the portal's projects, reports, pages or news),
/// used like an array, that notes every record read during a render in the
/// thread's ``ReadLog``: the one place where what a page shows of the records is
/// found out, instead of each page's dependencies being listed by hand.
///
/// Iterating, mapping or filtering reads every element through the subscript, so
/// a page that goes over all projects depends on all of them; `count` and
/// `indices` read no record.
public struct RecordList<Element: Sendable>: Sendable, RandomAccessCollection, MutableCollection, ExpressibleByArrayLiteral {
    private var elements: [Element]
    private let kind: ReadLog.RecordKind

    init(_ elements: [Element], kind: ReadLog.RecordKind) {
        self.elements = elements
        self.kind = kind
    }

    public init(arrayLiteral elements: Element...) {
        self.init(elements, kind: Self.kind(of: Element.self))
    }

    /// A list of `elements`, its kind found from their type.
    public init(_ elements: some Sequence<Element>) {
        self.init(Array(elements), kind: Self.kind(of: Element.self))
    }

    private static func kind(of type: Element.Type) -> ReadLog.RecordKind {
        switch type {
        case is Project.Type: return .project
        case is Report.Type: return .report
        case is Page.Type: return .page
        case is NewsItem.Type: return .news
        default: preconditionFailure("no record kind for \(type)")
        }
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { elements.count }
    public var count: Int { elements.count }
    public var indices: Range<Int> { 0..<elements.count }

    public subscript(position: Int) -> Element {
        // Yielded, not returned: reading one field of a record does not copy (and
        // retain every field of) the whole record.
        _read {
            ReadLog.note(kind, position)
            // Through a span: the array's own getter copies the element before it is yielded.
            yield elements.span[position]
        }
        set { elements[position] = newValue }
    }

    /// The records without noting a read: for the load and validate stages' own
    /// passes, never for what a page shows.
    var unnoted: [Element] { elements }
}
