/// A list in a view model (any array), whatever its element type: the renderer
/// gives every list a `has_<name>` flag. Checking for this protocol does not
/// convert the list, which `as? [Any]` does element by element.
protocol ListValue {
    /// Whether the list has no items.
    var isEmptyList: Bool { get }
}

extension Array: ListValue {
    var isEmptyList: Bool { isEmpty }
}
