import Foundation
import Testing
@testable import PublicitaKit

/// The theme compiled into the binary is the theme folder as it is in the sources.
@Suite("Built-in theme")
struct BuiltInThemeTests {
    static let folder = TestPaths.repositoryRoot.appendingPathComponent("Sources/PublicitaKit/Theme")

    @Test func embeddedFilesAreExactlyTheThemeFolder() throws {
        let manager = FileManager.default
        let paths = try #require(manager.subpaths(atPath: Self.folder.path)).filter { path in
            var isFolder: ObjCBool = false
            return !path.split(separator: "/").contains { $0.hasPrefix(".") }
                && manager.fileExists(atPath: Self.folder.appendingPathComponent(path).path, isDirectory: &isFolder)
                && !isFolder.boolValue
        }
        #expect(paths.contains("templates/layout.mustache"))
        #expect(paths.contains("strings/cs.yaml"))
        #expect(Set(BuiltInTheme.files.keys) == Set(paths))
        for path in paths {
            let onDisk = try Data(contentsOf: Self.folder.appendingPathComponent(path))
            #expect(BuiltInTheme.files[path] == onDisk, "\(path) differs from the embedded copy")
        }
    }

    @Test func filesUnderAFolderAreKeyedBelowIt() {
        let strings = BuiltInTheme.files(under: "strings")
        #expect(Set(strings.keys) == Set(Language.allCases.map { "\($0.rawValue).yaml" }))
        #expect(BuiltInTheme.files(under: "templates")["assets/style.css"] == BuiltInTheme.files["templates/assets/style.css"])
        #expect(BuiltInTheme.files(under: "templat").isEmpty)
    }
}
