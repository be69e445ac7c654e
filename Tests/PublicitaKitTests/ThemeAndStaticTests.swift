import Foundation
import Testing
@testable import PublicitaKit

/// A portal's own templates replace the built-in ones by name; `static/` is copied byte for byte;
/// the UI language comes from the translation table.
@Suite("Theme overrides and static files")
struct ThemeAndStaticTests {
    /// One copy of every template: the example portal's `templates/` (if any) holds only
    /// files that really differ from the built-in theme, no copy of it and no link to it.
    @Test func theExamplePortalHoldsOnlyRealOverrides() throws {
        let root = TestPaths.repositoryRoot
        let own = root.appendingPathComponent("templates")
        let values = try? own.resourceValues(forKeys: [.isSymbolicLinkKey])
        #expect(values?.isSymbolicLink != true, "templates/ is a link to the theme")
        let builtIn = root.appendingPathComponent("Sources/PublicitaKit/Theme/templates")
        #expect(!relativeFiles(in: builtIn).isEmpty)
        for file in relativeFiles(in: own) {
            let theme = builtIn.appendingPathComponent(file)
            if let original = try? Data(contentsOf: theme) {
                #expect(try Data(contentsOf: own.appendingPathComponent(file)) != original, "templates/\(file) is a copy of the theme's")
            }
        }
    }

    private static let portalYAML = """
        title: Testovací portál
        base_url: https://test.example.cz/
        publisher:
          name: Město Test
        accessibility:
          contact_email: pristupnost@test.example.cz
          statement_date: 2026-11-01
        """

    private static let project = """
        ---
        title: Testovací projekt
        registration_number: CZ.03.2.60/0.0/0.0/16_052/0007824
        beneficiary: Město Test
        city: Test
        period:
          start: 2025-01-01
          end: 2030-12-31
        goals: [Zlepšit bezpečí]
        ---
        ## Popis
        Text projektu.
        """

    private func makePortal(_ extra: [String: Data] = [:], language: String = "cs") throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("publicita-theme-\(UUID().uuidString)")
        var files: [String: Data] = [
            "portal.yaml": Data((Self.portalYAML + "\nlanguage: \(language)\n").utf8),
            "content/projects/test.md": Data(Self.project.utf8),
        ]
        files.merge(extra) { $1 }
        for (path, data) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url)
        }
        return root
    }

    private func build(_ root: URL) throws -> URL {
        let output = root.appendingPathComponent("site")
        let outcome = Builder.run(.init(portalRoot: root, output: output, today: Day(year: 2026, month: 11, day: 22)!))
        #expect(!outcome.failed, "\(outcome.diagnostics)")
        return output
    }

    private func read(_ output: URL, _ path: String) throws -> String {
        try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
    }

    @Test func builtInTemplateIsUsedWithoutOverride() throws {
        let root = try makePortal()
        defer { try? FileManager.default.removeItem(at: root) }
        let html = try read(try build(root), "projekty/test/index.html")
        #expect(html.contains("<h1>Testovací projekt</h1>"))
        #expect(!html.contains("PŘEPSÁNO"))
    }

    @Test func portalTemplateOverridesBuiltInOneByName() throws {
        let override = "<h1 class=\"custom\">PŘEPSÁNO: {{title}}</h1>"
        let root = try makePortal(["templates/project.mustache": Data(override.utf8)])
        defer { try? FileManager.default.removeItem(at: root) }
        let output = try build(root)
        let project = try read(output, "projekty/test/index.html")
        #expect(project.contains("<h1 class=\"custom\">PŘEPSÁNO: Testovací projekt</h1>"))
        // The layout still wraps it, and other pages keep the built-in templates.
        #expect(project.contains("<main id=\"obsah\""))
        #expect(!(try read(output, "index.html")).contains("PŘEPSÁNO"))
    }

    @Test func brokenOverrideIsReportedWithFileAndLine() throws {
        let root = try makePortal(["templates/page.mustache": Data("<p>\n{{#open}}\n".utf8)])
        defer { try? FileManager.default.removeItem(at: root) }
        let outcome = Builder.run(.init(portalRoot: root, output: root.appendingPathComponent("site")))
        let problem = try #require(outcome.diagnostics.first { $0.rule == RuleID.templateSyntax })
        #expect(problem.location.file == "templates/page.mustache")
        #expect(problem.location.line != nil)
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("site").path))
    }

    @Test func staticFilesAreCopiedVerbatim() throws {
        let bytes = Data((0..<256).map { UInt8($0) })
        let root = try makePortal(["static/dokumenty/zprava.pdf": bytes, "static/logo.svg": Data("<svg/>".utf8)])
        defer { try? FileManager.default.removeItem(at: root) }
        let output = try build(root)
        #expect(try Data(contentsOf: output.appendingPathComponent("dokumenty/zprava.pdf")) == bytes)
        #expect(try Data(contentsOf: output.appendingPathComponent("logo.svg")) == Data("<svg/>".utf8))
    }

    @Test func staticFileMayNotReplaceAGeneratedPage() throws {
        let root = try makePortal(["static/index.html": Data("<p>ruční</p>".utf8)])
        defer { try? FileManager.default.removeItem(at: root) }
        let outcome = Builder.run(.init(portalRoot: root, output: root.appendingPathComponent("site")))
        #expect(outcome.diagnostics.contains { $0.rule == RuleID.staticConflict && $0.location.file == "static/index.html" })
    }

    @Test func portalsOwnAccessibilityStatementReplacesTheGeneratedOne() throws {
        let page = "---\ntitle: Prohlášení o přístupnosti\n---\nVLASTNÍ PROHLÁŠENÍ města.\n"
        let root = try makePortal(["content/pages/prohlaseni-o-pristupnosti.md": Data(page.utf8)])
        defer { try? FileManager.default.removeItem(at: root) }
        let html = try read(try build(root), "prohlaseni-o-pristupnosti/index.html")
        #expect(html.contains("VLASTNÍ PROHLÁŠENÍ města."))
        #expect(!html.contains("Postupy pro prosazování práva"))
    }

    @Test func englishPortalUsesTheEnglishTable() throws {
        let root = try makePortal(language: "en")
        defer { try? FileManager.default.removeItem(at: root) }
        let output = try build(root)
        let html = try read(output, "projekty/test/index.html")
        #expect(html.contains("<html lang=\"en\">"))
        #expect(html.contains("Registration number"))
        #expect(html.contains("Co-funded by the European Union"))
        #expect(!html.contains("Registrační číslo"))
    }

    @Test func translationTablesHaveTheSameKeys() throws {
        let folder = BuiltInTheme.files(under: "strings")
        let cs = try Strings.load(.cs, from: folder)
        for language in Language.allCases {
            let table = try Strings.load(language, from: folder)
            #expect(Set(table.table.keys) == Set(cs.table.keys), "\(language) differs from cs")
        }
    }
}
