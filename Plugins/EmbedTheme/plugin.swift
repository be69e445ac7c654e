import Foundation
import PackagePlugin

/// Compiles the built-in theme (the target's `Theme/` folder) into the library as a
/// generated Swift source, so that the `publicita` executable needs no resource
/// bundle beside it.
@main
struct EmbedTheme: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        // Target.directoryURL needs tools version 6.1; the package's folder is there in 6.0.
        let theme = context.package.directoryURL.appending(path: "Sources/\(target.name)/Theme")
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedTheme.swift")
        return [.buildCommand(
            displayName: "Embedding the theme of \(target.name)",
            executable: try context.tool(named: "theme-embedder").url,
            arguments: [theme.path, output.path],
            // The folders too: adding or removing a file changes its folder, and the
            // embedder lists the folder itself when it runs.
            inputFiles: [theme] + Self.entries(under: theme),
            outputFiles: [output])]
    }

    /// Every file and folder under `folder`, hidden ones left out (as the embedder does).
    static func entries(under folder: URL) -> [URL] {
        guard let paths = FileManager.default.subpaths(atPath: folder.path) else { return [] }
        return paths.filter { !$0.split(separator: "/").contains { $0.hasPrefix(".") } }
            .sorted()
            .map { folder.appending(path: $0) }
    }
}
