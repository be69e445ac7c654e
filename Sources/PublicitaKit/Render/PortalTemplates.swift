import Foundation

extension Theme {
    /// Reads the portal's own `templates/*.mustache` and `templates/assets/*` (a
    /// same-named file replaces the theme's) through ``PortalFiles``, so that a
    /// template linked to `/proc/self/environ` or a FIFO is refused, not published.
    static func collectPortalTemplates(_ portalRoot: URL, into sources: inout [String: (text: String, file: String)],
                                       assets: inout [String: Data]) -> [Diagnostic] {
        let files = PortalFiles(root: portalRoot)
        let templates = files.list("templates") { $0.hasSuffix(".mustache") }
        for file in templates.files {
            guard let text = try? String(contentsOf: URL(fileURLWithPath: file.path), encoding: .utf8) else { continue }
            let name = String(file.relative.dropFirst("templates/".count))
            sources[String(name.dropLast(".mustache".count))] = (text, file.relative)
        }
        let assetFiles = files.list("templates/assets") { !$0.hasPrefix(".") }
        for file in assetFiles.files {
            guard let data = try? Data(contentsOf: URL(fileURLWithPath: file.path)) else { continue }
            assets[String(file.relative.dropFirst("templates/".count))] = data
        }
        // A linked templates/ folder is met by both listings: reported once.
        var problems: [String: Diagnostic] = [:]
        for problem in templates.problems + assetFiles.problems { problems[problem.location.file] = problem }
        return problems.keys.sorted().map { problems[$0]! }
    }
}
