import Foundation
import Testing
@testable import PublicitaKit

// Helpers of the JSON Schema tests: YAML front matter turned into JSON the way an
// editor's YAML language server sees it, and Python's jsonschema run over it.

enum SchemaTestSupport {
    /// YAML text as JSON under the YAML 1.2 core schema (what the YAML language
    /// server uses): `2018-03-01` stays text, `36` and `651606.25` are numbers,
    /// `true`/`false` booleans, `~` and empty values null. Nil when it is not YAML.
    static func json(fromYAML yaml: String) throws -> JSONValue? {
        guard let node = try YAMLEventReader.read(yaml, aliases: .resolve) else { return .null }
        return json(node)
    }

    /// The front matter of a content file as JSON.
    static func json(fromRecord text: String) throws -> JSONValue? {
        let normalized = (text.first == "\u{FEFF}" ? String(text.dropFirst()) : text).replacingOccurrences(of: "\r\n", with: "\n")
        return try json(fromYAML: FrontMatter.split(normalized).yaml)
    }

    private static func json(_ node: YAMLNode) -> JSONValue {
        switch node {
        case .scalar(let scalar):
            return scalar.style == .plain ? plainScalar(scalar.string) : .string(scalar.string)
        case .mapping(let mapping):
            return .object(mapping.map { key, value in (key.string ?? "\(key)", json(value)) })
        case .sequence(let sequence):
            return .array(sequence.map(json))
        }
    }

    private static func plainScalar(_ text: String) -> JSONValue {
        if ["", "~", "null", "Null", "NULL"].contains(text) { return .null }
        if ["true", "True", "TRUE"].contains(text) { return .bool(true) }
        if ["false", "False", "FALSE"].contains(text) { return .bool(false) }
        if text.wholeMatch(of: /[-+]?[0-9]+/) != nil {
            var digits = Substring(text)
            var sign = ""
            if let first = digits.first, first == "-" || first == "+" { sign = first == "-" ? "-" : ""; digits = digits.dropFirst() }
            let trimmed = digits.drop { $0 == "0" }
            return .number(sign + (trimmed.isEmpty ? "0" : String(trimmed)))
        }
        if text.wholeMatch(of: /[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?/) != nil, let value = Double(text) {
            // Only the verdicts matter here, so a binary double is close enough.
            return .number(value.description.replacingOccurrences(of: "inf", with: "1e999"))
        }
        return .string(text)
    }

    // MARK: Python jsonschema

    /// One instance to validate against one schema file.
    struct Case {
        var name: String
        var schema: URL
        var instance: JSONValue
    }

    /// The verdict on one case.
    struct Verdict: Decodable {
        var name: String
        var valid: Bool
        var valid_2020_12: Bool
        var errors: [String]
    }

    /// The script that validates.
    static var script: URL { TestPaths.repositoryRoot.appendingPathComponent("Tests/schema/validate.py") }

    /// Whether `python3` with the `jsonschema` package can run (checked once).
    static let pythonAvailable: Bool = {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import jsonschema"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }()

    /// Whether the schemas are validated here: always in CI (`CI` set), where a missing
    /// jsonschema must fail the run (scripts/test installs it: scripts/require-python-tools).
    static let validates = pythonAvailable || ProcessInfo.processInfo.environment["CI"] != nil

    static let skipMessage: Comment = "python3 with the jsonschema package is missing (scripts/require-python-tools); the schema is not validated"

    /// Validates every case in one run of the script.
    static func validate(_ cases: [Case]) throws -> [String: Verdict] {
        try withTemporaryDirectory { folder in
            let input = folder.appendingPathComponent("cases.json"), output = folder.appendingPathComponent("out.json")
            let list = JSONValue.array(cases.map {
                .object([("name", .string($0.name)), ("schema", .string($0.schema.path)), ("instance", $0.instance)])
            })
            try Data(list.rendered(indent: nil).utf8).write(to: input)
            FileManager.default.createFile(atPath: output.path, contents: nil)
            let handle = try FileHandle(forWritingTo: output)
            defer { try? handle.close() }
            let errors = folder.appendingPathComponent("err.txt")
            try #require(FileManager.default.createFile(atPath: errors.path, contents: nil))
            let errorHandle = try FileHandle(forWritingTo: errors)
            defer { try? errorHandle.close() }
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3", script.path, input.path]
            process.standardOutput = handle
            process.standardError = errorHandle
            try process.run()
            process.waitUntilExit()
            let stderr = String(decoding: try Data(contentsOf: errors), as: UTF8.self)
            try #require(process.terminationStatus == 0, "validate.py failed (\(process.terminationStatus)):\n\(stderr)")
            let verdicts = try JSONDecoder().decode([Verdict].self, from: Data(contentsOf: output))
            return Dictionary(verdicts.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        }
    }

    /// The committed schema file of a content kind (or of `portal.yaml`, for nil).
    static func schemaFile(_ kind: ContentKind?) -> URL {
        TestPaths.repositoryRoot.appendingPathComponent("schema")
            .appendingPathComponent(kind.map(SchemaGenerator.fileName(for:)) ?? "portal.schema.json")
    }

    /// Every portal.yaml and content record of the portal in `root`, as cases named by `prefix` + path.
    static func cases(inPortal root: URL, prefix: String) throws -> [Case] {
        var result: [Case] = []
        let portalYAML = root.appendingPathComponent("portal.yaml")
        if let text = try? String(contentsOf: portalYAML, encoding: .utf8), let json = try json(fromYAML: text) {
            result.append(Case(name: prefix + "portal.yaml", schema: schemaFile(nil), instance: json))
        }
        for kind in ContentKind.allCases {
            let folder = root.appendingPathComponent("content/\(kind.rawValue)")
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            for name in names.sorted() where name.hasSuffix(".md") {
                let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
                if let json = try json(fromRecord: text) {
                    result.append(Case(name: prefix + "content/\(kind.rawValue)/\(name)", schema: schemaFile(kind), instance: json))
                }
            }
        }
        return result
    }
}
