import Foundation

/// The built-in theme (`Theme/`: templates, assets, UI strings), compiled into the
/// library at build time by the EmbedTheme plugin, so that a `publicita` executable
/// is complete on its own, with no resource bundle to carry beside it.
enum BuiltInTheme {
    /// Path below the theme folder (`templates/layout.mustache`) → contents.
    static let files: [String: Data] = EmbeddedTheme.base64.compactMapValues { Data(base64Encoded: $0) }

    /// The files below `folder` (`templates`), keyed by their path below it.
    static func files(under folder: String) -> [String: Data] {
        let prefix = folder + "/"
        var found: [String: Data] = [:]
        for (path, data) in files where path.hasPrefix(prefix) { found[String(path.dropFirst(prefix.count))] = data }
        return found
    }
}
