import Foundation
import Testing
@testable import PublicitaKit

/// The template engine against the official Mustache spec (vendored in
/// `Fixtures/mustache-spec`, see its README): every case of every required module.
@Suite("Mustache spec")
struct MustacheSpecTests {
    static let modules = ["comments", "delimiters", "interpolation", "inverted", "partials", "sections"]

    struct Case: Sendable, CustomTestStringConvertible {
        var module: String
        var name: String
        var template: String
        var data: SpecValue
        var partials: [String: String]
        var expected: String
        var testDescription: String { "\(module): \(name)" }
    }

    /// A JSON value of the spec's data, as the view models hold values.
    enum SpecValue: @unchecked Sendable {
        case value(Any)
    }

    static func cases() throws -> [Case] {
        let folder = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!.appendingPathComponent("mustache-spec")
        var cases: [Case] = []
        for module in modules {
            let data = try Data(contentsOf: folder.appendingPathComponent("\(module).json"))
            let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            for test in try #require(root["tests"] as? [[String: Any]]) {
                cases.append(Case(
                    module: module, name: test["name"] as! String, template: test["template"] as! String,
                    data: .value(native(test["data"] as Any)), partials: test["partials"] as? [String: String] ?? [:],
                    expected: test["expected"] as! String))
            }
        }
        return cases
    }

    /// JSON as Swift values: numbers as Int or Double, booleans as Bool, null as NSNull.
    static func native(_ json: Any) -> Any {
        switch json {
        case let object as [String: Any]: return object.mapValues(native)
        case let array as [Any]: return array.map(native)
        case let text as String: return text
        case is NSNull: return NSNull()
        case let number as NSNumber:
            // Foundation's JSON numbers: true and false are the only ones described so.
            let text = "\(number)"
            if String(cString: number.objCType) == "c" || text == "true" || text == "false" { return number.boolValue }
            return text.contains(".") || text.contains("e") ? number.doubleValue : number.intValue
        default: return json
        }
    }

    @Test("every case of the spec's required modules", arguments: try cases())
    func specCase(_ test: Case) throws {
        var sources = test.partials
        sources["(spec)"] = test.template
        let (set, errors) = MustacheSet.compile(sources, unknownPartial: .empty)
        #expect(errors.isEmpty, "\(errors)")
        guard case .value(let data) = test.data else { return }
        let output = try #require(set.render(data, template: "(spec)"))
        #expect(String(decoding: output, as: UTF8.self) == test.expected)
    }

    @Test("the vendored spec has all its cases")
    func caseCounts() throws {
        let counts = Dictionary(grouping: try Self.cases(), by: \.module).mapValues(\.count)
        #expect(counts == ["comments": 12, "delimiters": 14, "interpolation": 42, "inverted": 22, "partials": 12, "sections": 34])
    }
}
