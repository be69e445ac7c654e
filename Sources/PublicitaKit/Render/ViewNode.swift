import Mustache

/// A view model object as Mustache sees it.
///
/// Mustache finds a value by casting each object on its context stack to
/// `MustacheParent`; for a `[String: Any]` that cast goes through a conditional
/// conformance and was the largest single cost of rendering. A final class that
/// conforms directly is found at once, and renders the same.
final class ViewNode: MustacheParent, @unchecked Sendable {
    // @unchecked: built once per page and only read while that page renders.
    private let values: [String: Any]

    private init(_ values: [String: Any]) { self.values = values }

    func child(named name: String) -> Any? { values[name] }

    /// `value` with every dictionary, at any depth, wrapped as a node.
    static func wrap(_ value: Any) -> Any {
        switch value {
        case let dictionary as [String: Any]:
            return ViewNode(dictionary.mapValues(wrap))
        case let list as [[String: Any]]:
            return list.map { ViewNode($0.mapValues(wrap)) }
        default:
            return value
        }
    }
}
