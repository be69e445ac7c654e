/// A JSON value whose objects keep their keys in the order they were written,
/// so that generated files are stable and read in a sensible order.
public indirect enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    /// A number, kept as its JSON text (so no value passes through floating point).
    case number(String)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.number(let a), .number(let b)): return a == b
        case (.string(let a), .string(let b)): return a == b
        case (.array(let a), .array(let b)): return a == b
        case (.object(let a), .object(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: return false
        }
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(rendered(indent: nil))
    }

    /// The value of `key` in an object.
    public subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.0 == key }?.1
    }

    /// The JSON text: pretty-printed with two-space indentation (`indent: 0`,
    /// ending in a newline) or compact (`indent: nil`). Non-ASCII text is written
    /// as UTF-8, not escaped.
    public func rendered(indent: Int? = 0) -> String {
        var out = ""
        write(to: &out, indent: indent)
        if indent != nil { out += "\n" }
        return out
    }

    private func write(to out: inout String, indent: Int?) {
        switch self {
        case .null: out += "null"
        case .bool(let value): out += value ? "true" : "false"
        case .number(let text): out += text
        case .string(let text): JSONValue.writeString(text, to: &out)
        case .array(let items):
            if items.isEmpty { out += "[]"; return }
            // Arrays of scalars stay on one line: `"type": ["string", "null"]`.
            let scalars = items.allSatisfy { if case .array = $0 { return false }; if case .object = $0 { return false }; return true }
            if indent == nil || scalars {
                out += "["
                for (index, item) in items.enumerated() {
                    if index > 0 { out += indent == nil ? "," : ", " }
                    item.write(to: &out, indent: nil)
                }
                out += "]"
                return
            }
            let inner = indent! + 2
            out += "[\n"
            for (index, item) in items.enumerated() {
                out += JSONValue.spaces(inner)
                item.write(to: &out, indent: inner)
                out += index == items.count - 1 ? "\n" : ",\n"
            }
            out += JSONValue.spaces(indent!); out += "]"
        case .object(let members):
            if members.isEmpty { out += "{}"; return }
            guard let indent else {
                out += "{"
                for (index, (key, value)) in members.enumerated() {
                    if index > 0 { out += "," }
                    JSONValue.writeString(key, to: &out)
                    out += ":"
                    value.write(to: &out, indent: nil)
                }
                out += "}"
                return
            }
            let inner = indent + 2
            out += "{\n"
            for (index, (key, value)) in members.enumerated() {
                out += JSONValue.spaces(inner)
                JSONValue.writeString(key, to: &out)
                out += ": "
                value.write(to: &out, indent: inner)
                out += index == members.count - 1 ? "\n" : ",\n"
            }
            out += JSONValue.spaces(indent); out += "}"
        }
    }

    /// Indentation strings, built once (a new string per line was a visible cost of
    /// writing ten thousand project files).
    private static let indentation: [String] = (0..<64).map { String(repeating: " ", count: $0) }

    private static func spaces(_ count: Int) -> String {
        count < indentation.count ? indentation[count] : String(repeating: " ", count: count)
    }

    private static func writeString(_ text: String, to out: inout String) {
        out += "\""
        // Most text needs no escaping at all: append it whole (checked on UTF-8 bytes;
        // U+2028 and U+2029 are E2 80 A8/A9, so any 0xE2 byte takes the slow path).
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0xE2 }) {
            out += text
            out += "\""
            return
        }
        // Escaped byte by byte (texts with line breaks are long: whole sections of a body).
        let utf8 = Array(text.utf8)
        var escaped: [UInt8] = []
        escaped.reserveCapacity(utf8.count + 16)
        var index = 0
        while index < utf8.count {
            let byte = utf8[index]
            switch byte {
            case 0x22: escaped.append(0x5C); escaped.append(0x22)  // \"
            case 0x5C: escaped.append(0x5C); escaped.append(0x5C)  // \\
            case 0x0A: escaped.append(0x5C); escaped.append(0x6E)  // \n
            case 0x0D: escaped.append(0x5C); escaped.append(0x72)  // \r
            case 0x09: escaped.append(0x5C); escaped.append(0x74)  // \t
            case 0xE2 where index + 2 < utf8.count && utf8[index + 1] == 0x80 && (utf8[index + 2] == 0xA8 || utf8[index + 2] == 0xA9):
                escaped += Array((utf8[index + 2] == 0xA8 ? "\\u2028" : "\\u2029").utf8)  // line and paragraph separators
                index += 2
            case _ where byte < 0x20:
                let hex = String(byte, radix: 16)
                escaped += Array(("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8)
            default: escaped.append(byte)
            }
            index += 1
        }
        out += String(decoding: escaped, as: UTF8.self)
        out += "\""
    }
}
