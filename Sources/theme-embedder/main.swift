import Foundation

// theme-embedder THEME_FOLDER OUTPUT_SWIFT_FILE
//
// Writes a Swift source holding every file under THEME_FOLDER (hidden ones left
// out) as a base64 string literal keyed by its path below the folder. Base64 string
// literals compile in a moment; byte-array literals of the same size take the type
// checker minutes. The paths are sorted by their bytes, so the same files always
// give the same source.

let arguments = CommandLine.arguments
guard arguments.count == 3 else {
    FileHandle.standardError.write(Data("usage: theme-embedder THEME_FOLDER OUTPUT_SWIFT_FILE\n".utf8))
    exit(2)
}
let root = URL(fileURLWithPath: arguments[1], isDirectory: true)
let output = URL(fileURLWithPath: arguments[2])
let manager = FileManager.default

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("theme-embedder: \(message)\n".utf8))
    exit(1)
}

/// `text` as the inside of a Swift string literal.
func literal(_ text: String) -> String {
    var escaped = ""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\\": escaped += "\\\\"
        case "\"": escaped += "\\\""
        case _ where scalar.value < 0x20 || scalar.value == 0x7F: escaped += "\\u{\(String(scalar.value, radix: 16))}"
        default: escaped.unicodeScalars.append(scalar)
        }
    }
    return escaped
}

guard let subpaths = manager.subpaths(atPath: root.path) else { fail("cannot list \(root.path)") }
let files = subpaths
    .filter { path in
        var isFolder: ObjCBool = false
        return !path.split(separator: "/").contains { $0.hasPrefix(".") }
            && manager.fileExists(atPath: root.appendingPathComponent(path).path, isDirectory: &isFolder) && !isFolder.boolValue
    }
    .sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
guard !files.isEmpty else { fail("no files under \(root.path)") }

var source = """
    // Generated at build time by theme-embedder (Plugins/EmbedTheme) from the theme
    // folder; not to be edited or committed.

    enum EmbeddedTheme {
        /// The built-in theme's files: path below the theme folder → base64 of the bytes.
        static let base64: [String: String] = [

    """
for path in files {
    guard let data = manager.contents(atPath: root.appendingPathComponent(path).path) else { fail("cannot read \(path)") }
    source += "        \"\(literal(path))\": \"\(data.base64EncodedString())\",\n"
}
source += "    ]\n}\n"

do {
    try Data(source.utf8).write(to: output, options: .atomic)
} catch {
    fail("cannot write \(output.path): \(error)")
}
