import Foundation

/// A list a section iterates (any array or set), whatever its element type; the
/// check for it does not convert the list, which `as? [Any]` does element by element.
protocol MustacheList {
    var isEmptyList: Bool { get }
    var itemCount: Int { get }
    /// Calls `body` with each item and its position.
    func forEachItem(_ body: (Any, Int) -> Void)
    var firstItem: Any? { get }
    var lastItem: Any? { get }
    var reversedItems: [Any] { get }
}

// Any collection is a list; the items are visited in its order.
extension MustacheList where Self: Collection {
    var isEmptyList: Bool { isEmpty }
    var itemCount: Int { count }
    func forEachItem(_ body: (Any, Int) -> Void) {
        for (index, item) in enumerated() { body(item, index) }
    }
    var firstItem: Any? { first }
    var lastItem: Any? { Array(self).last }
    var reversedItems: [Any] { Array(self).reversed() }
}

extension Array: MustacheList {
    var lastItem: Any? { last }
}

extension Set: MustacheList {}

/// Where a section is in its list: swift-mustache's `first()`, `last()`, `index()`,
/// `even()`, `odd()` read it.
struct MustacheSequencePosition {
    var index: Int
    var count: Int
}

/// Looking names up in view values, the way swift-mustache does: a dictionary by
/// key, anything else by its stored properties (Mirror), `NSNull` as no value.
enum MustacheValues {
    /// Whether `value` is `NSNull`, asked of its type: `value is NSNull` converts a
    /// list to an Objective-C array, item by item, to answer.
    @inline(__always)
    static func isNull(_ value: Any) -> Bool {
        type(of: value) is NSNull.Type
    }

    /// The value `object` has under `key`, nil when it has none.
    ///
    /// The view models' own kinds are recognised by their exact type first: a cast
    /// of `[String: String]` to `[String: Any]` converts it (through NSDictionary).
    @inline(__always)
    static func child(of object: Any, named key: String) -> Any? {
        let type = type(of: object)
        if type == [String: Any].self { return (object as! [String: Any])[key] }
        if type == [String: String].self { return (object as! [String: String])[key] }
        if type == String.self || type == Int.self || type == Bool.self { return nil }
        if let dictionary = object as? [String: Any] { return dictionary[key] }
        if isNull(object) { return nil }
        switch object {
        case is String, is Int, is Bool, is Double, is MustacheList: return nil
        default: break
        }
        for child in Mirror(reflecting: object).children where child.label == key {
            return unwrappingOptional(child.value)
        }
        return nil
    }

    /// A stored property's value, unwrapped when it is an Optional (nil when that is empty).
    private static func unwrappingOptional(_ value: Any) -> Any? {
        let mirror = Mirror(reflecting: value)
        guard mirror.displayStyle == .optional else { return value }
        return mirror.children.first?.value
    }

    /// The text `{{name}}` writes for a value that is not a String, Int or Bool.
    static func describe(_ value: Any) -> String {
        let mirror = Mirror(reflecting: value)
        if mirror.displayStyle == .optional, let wrapped = mirror.children.first?.value {
            return String(describing: wrapped)
        }
        return String(describing: value)
    }

    /// swift-mustache's transform `name` of `value` (`uppercased`, `count`, `first`, …);
    /// nil when the value has no such transform.
    static func transform(_ value: Any, _ name: String) -> Any? {
        switch value {
        case let position as MustacheSequencePosition:
            switch name {
            case "first": return position.index == 0
            case "last": return position.index == position.count - 1
            case "index": return position.index
            case "even": return position.index & 1 == 0
            case "odd": return position.index & 1 == 1
            default: return nil
            }
        case let text as String:
            switch name {
            case "empty": return text.isEmpty
            case "capitalized": return text.capitalized
            case "lowercased": return text.lowercased()
            case "uppercased": return text.uppercased()
            case "reversed": return String(text.reversed())
            default: return nil
            }
        case let number as Int:
            switch name {
            case "equalzero": return number == 0
            case "plusone": return number + 1
            case "minusone": return number - 1
            case "even": return number & 1 == 0
            case "odd": return number & 1 == 1
            default: return nil
            }
        case let dictionary as [String: Any]:
            switch name {
            case "count": return dictionary.count
            case "empty": return dictionary.isEmpty
            case "enumerated": return dictionary.map { (key: $0.key, value: $0.value) }
            case "sorted": return dictionary.map { (key: $0.key, value: $0.value) }.sorted { $0.key < $1.key }
            default: return nil
            }
        case let list as MustacheList:
            switch name {
            case "first": return list.firstItem
            case "last": return list.lastItem
            case "reversed": return list.reversedItems
            case "count": return list.itemCount
            case "empty": return list.isEmptyList
            case "sorted":
                if let strings = value as? [String] { return strings.sorted() }
                if let numbers = value as? [Int] { return numbers.sorted() }
                return nil
            default: return nil
            }
        default:
            return nil
        }
    }
}
