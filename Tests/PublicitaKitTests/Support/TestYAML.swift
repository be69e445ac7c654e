import Foundation
@testable import PublicitaKit

/// General YAML (CI files, generated front matter) read into Foundation values for
/// tests: mappings as `[String: Any]`, lists as `[Any]`, plain scalars under the
/// YAML 1.2 core schema (null, true/false, integers, floats), everything else text.
enum TestYAML {
    static func load(_ text: String) throws -> Any? {
        try YAMLEventReader.read(text, aliases: .resolve).map(value)
    }

    private static func value(_ node: YAMLNode) -> Any {
        switch node {
        case .scalar(let scalar):
            return scalar.style == .plain && scalar.tag.isEmpty ? plain(scalar.string) : scalar.string
        case .sequence(let sequence):
            return sequence.items.map(value)
        case .mapping(let mapping):
            var result: [String: Any] = [:]
            for (key, item) in mapping { result[key.string ?? "\(key)"] = value(item) }
            return result
        }
    }

    private static func plain(_ text: String) -> Any {
        if ["", "~", "null", "Null", "NULL"].contains(text) { return NSNull() }
        if ["true", "True", "TRUE"].contains(text) { return true }
        if ["false", "False", "FALSE"].contains(text) { return false }
        if text.wholeMatch(of: /[-+]?[0-9]+/) != nil, let number = Int(text) { return number }
        if text.wholeMatch(of: /[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?/) != nil, let number = Double(text) { return number }
        return text
    }
}
