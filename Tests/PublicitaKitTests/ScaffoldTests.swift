import Foundation
import Testing
@testable import PublicitaKit

/// `publicita new`: template records that fail `check` until filled in and pass it
/// afterwards, a new portal that builds, and nothing ever overwritten.
@Suite("Scaffolding")
struct ScaffoldTests {
    /// Values the test fills in, by key, in the order the keys occur in the template.
    static let fillValues: [ContentKind: [String: [String]]] = [
        .projects: [
            "title": ["Nový projekt"],
            "registration_number": ["CZ.03.02.01/00/22_018/0001013"],
            "beneficiary": ["Testovací město"],
            "start": ["1. 1. 2024"],
            "end": ["31. 12. 2026"],
            "total": ["1 000 000,00 Kč"],
            "name": ["Evropský sociální fond", "Rozpočet města", "Jana Nováková"],
            "amount": ["850 000,00 Kč", "150 000,00 Kč"],
            "share": ["85 %", "15 %"],
            "goals": ["[Snížit riziko kriminality.]"],
        ],
        .reports: ["title": ["Závěrečná zpráva"]],
        .pages: ["title": ["O projektu"]],
        .news: ["title": ["Zahájení projektu"], "date": ["2026-11-01"]],
    ]

    /// The fields a template requires, as the loader names them when they are empty.
    static let requiredFields: [ContentKind: Set<String>] = [
        .projects: ["title", "registration_number", "beneficiary", "period.start",
                    "budget.sources[0].name", "budget.sources[1].name", "contacts[0].name"],
        .reports: ["title"],
        .pages: ["title"],
        .news: ["title", "date"],
    ]

    /// `template` with every `# TODO: povinné` field (and the optional fields in
    /// `fillValues`) given a value; fails when a TODO field has no value to fill.
    static func filled(_ template: String, kind: ContentKind, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> String {
        var remaining = fillValues[kind] ?? [:]
        var lines: [String] = []
        for line in template.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            guard let match = line.wholeMatch(of: /(\s*(?:- )?)([a-z_]+):(\s*#.*)?/) else {
                lines.append(line)
                continue
            }
            let key = String(match.output.2)
            let isTODO = line.contains(TemplateWriter.todo)
            if var values = remaining[key], !values.isEmpty {
                lines.append("\(match.output.1)\(key): \(values.removeFirst())")
                remaining[key] = values
            } else {
                #expect(!isTODO, "no value to fill the required field in: \(line)", sourceLocation: sourceLocation)
                lines.append(line)
            }
        }
        let text = lines.joined(separator: "\n")
        try #require(!text.contains(TemplateWriter.todo), "a TODO field is left", sourceLocation: sourceLocation)
        return text
    }

    // MARK: Records

    @Test(arguments: ContentKind.allCases)
    func scaffoldedRecordFailsUntilFilledAndPassesAfter(kind: ContentKind) throws {
        let portal = try TestPortal(files: ["portal.yaml": TestPortal.minimalPortalYAML])
        let url = try Scaffold.createRecord(kind, slug: "novy-zaznam", portal: portal.root)
        let relative = "content/\(kind.rawValue)/novy-zaznam.md"
        #expect(url.standardizedFileURL.path == portal.root.appendingPathComponent(relative).standardizedFileURL.path)
        let template = try portal.source(relative)
        #expect(template.hasPrefix("---\n# yaml-language-server: $schema=../../schema/\(SchemaGenerator.fileName(for: kind))\n"))
        // Every field of the specification is in the template (written or as a commented-out example).
        for field in Scaffold.spec(kind).fields {
            #expect(template.contains("\n\(field.name):") || template.contains("\n# \(field.name):"), "\(kind): \(field.name) is missing")
        }

        // Unfilled: one clear yaml.required error per required field, in this file, and nothing else.
        let unfilled = portal.check()
        #expect(unfilled.failed)
        let required = Set(unfilled.errors.filter { $0.rule == RuleID.yamlRequired && $0.location.file == relative }.compactMap(\.field))
        #expect(required == Self.requiredFields[kind], "\(kind):\n\(unfilled.summary)")
        #expect(unfilled.errors.allSatisfy { $0.rule == RuleID.yamlRequired }, "\(kind):\n\(unfilled.summary)")
        // The template writes each required key with nothing after it: the error asks for the value at that line.
        #expect(unfilled.errors.allSatisfy { $0.message.cs.contains("vyplňte hodnotu") }, "\(unfilled.summary)")
        let lines = template.split(separator: "\n", omittingEmptySubsequences: false)
        for error in unfilled.errors {
            let key = String(error.field?.split(separator: ".").last ?? "")
            let line = error.location.line.map { lines[$0 - 1].drop(while: { $0 == " " || $0 == "-" }) }
            #expect(line?.hasPrefix(key + ":") == true, "\(error.location)")
        }

        // Filled: no errors.
        try portal.write(Data(Self.filled(template, kind: kind).utf8), to: relative)
        let filled = portal.check()
        let filledText = try portal.source(relative)
        #expect(filled.errors.isEmpty, "\(kind):\n\(filledText)\n\(filled.summary)")
    }

    @Test func theTemplateExplainsValueFormsInCzech() {
        let project = Scaffold.recordTemplate(.projects)
        #expect(project.contains("# Částka zdroje. Částka česky (6 516 052,50 Kč"))
        #expect(project.contains("2018-03-01, 1. 3. 2018 nebo 01.03.2018"))
        #expect(project.contains("CZ.03.02.01/00/22_018/0001013"))
        #expect(project.contains("# documents:"), "optional lists of mappings are offered as commented-out examples")
        #expect(project.contains("title:  # TODO: povinné\n"))
    }

    @Test func existingFileIsNeverOverwritten() throws {
        let portal = try TestPortal(files: ["portal.yaml": TestPortal.minimalPortalYAML, "content/projects/liberec.md": "vlastní text\n"])
        let before = try Data(contentsOf: portal.root.appendingPathComponent("content/projects/liberec.md"))
        #expect(throws: ScaffoldError.exists("content/projects/liberec.md")) {
            try Scaffold.createRecord(.projects, slug: "liberec", portal: portal.root)
        }
        let after = try Data(contentsOf: portal.root.appendingPathComponent("content/projects/liberec.md"))
        #expect(after == before)
    }

    @Test func invalidSlugsAndFoldersWithoutAPortalAreRefused() throws {
        let portal = try TestPortal(files: ["portal.yaml": TestPortal.minimalPortalYAML])
        for slug in ["Liberec APK", "kroměříž", "../x", "-x", "", "a/b"] {
            #expect(throws: ScaffoldError.self) { try Scaffold.createRecord(.news, slug: slug, portal: portal.root) }
        }
        #expect(throws: ScaffoldError.invalidSlug("Liberec APK", suggestion: "liberec-apk")) {
            try Scaffold.createRecord(.projects, slug: "Liberec APK", portal: portal.root)
        }
        #expect(relativeFiles(in: portal.root) == ["portal.yaml"])
        try withTemporaryDirectory { empty in
            #expect(throws: ScaffoldError.notAPortal(empty.path)) { try Scaffold.createRecord(.pages, slug: "o-nas", portal: empty) }
            #expect(relativeFiles(in: empty).isEmpty)
        }
    }

    // MARK: A new portal

    /// Its one warning asks for the publisher's IČO, which a template cannot know
    /// (a made-up one would name another body as the data's publisher in NKOD).
    @Test func newPortalBuildsWithoutErrorsAndAsksOnlyForTheICO() throws {
        try withTemporaryDirectory { folder in
            let root = folder.appendingPathComponent("muj-portal")
            let written = try Scaffold.createPortal(at: root, today: testToday)
            #expect(written.contains("portal.yaml") && written.contains("content/projects/ukazkovy-projekt.md"))
            let files = relativeFiles(in: root)
            for expected in ["portal.yaml", "content/projects/ukazkovy-projekt.md", "content/pages/o-portalu.md",
                             "templates/README.md", ".gitignore", "README.md", "schema/project.schema.json"] {
                #expect(files.contains(expected), "\(expected) missing in \(files)")
            }
            var isDirectory: ObjCBool = false
            #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("static").path, isDirectory: &isDirectory) && isDirectory.boolValue)
            let gitignore = try String(contentsOf: root.appendingPathComponent(".gitignore"), encoding: .utf8)
            #expect(gitignore.contains("/site/"))
            let outcome = runBuilder(portal: root, output: root.appendingPathComponent("site"))
            #expect(outcome.diagnostics.map(\.rule) == [RuleID.catalogPublisher], "\(outcome.summary)")
            #expect(outcome.pagesWritten > 0)
            #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("site/projekty/ukazkovy-projekt/index.html").path))
            // The new portal's record scaffolding works too.
            try Scaffold.createRecord(.news, slug: "zahajeni", portal: root)
        }
    }

    @Test func newPortalRefusesANonEmptyFolder() throws {
        try withTemporaryDirectory { folder in
            try Data("moje poznámky\n".utf8).write(to: folder.appendingPathComponent("poznamky.txt"))
            #expect(throws: ScaffoldError.notEmpty(folder.path)) { try Scaffold.createPortal(at: folder) }
            #expect(relativeFiles(in: folder) == ["poznamky.txt"])
        }
    }
}

/// `publicita new` and `publicita schema` run as a clerk would run them.
@Suite("Scaffolding and schema commands")
struct ScaffoldCommandTests {
    /// Runs the built executable; returns its exit status and standard error.
    private func run(_ arguments: [String], in folder: URL) throws -> (status: Int32, stderr: String) {
        let process = Process()
        process.executableURL = try CLITests.executable
        process.arguments = arguments
        process.currentDirectoryURL = folder
        let errURL = folder.appendingPathComponent(".stderr-\(UUID().uuidString)")
        try #require(FileManager.default.createFile(atPath: errURL.path, contents: nil))
        defer { try? FileManager.default.removeItem(at: errURL) }
        let err = try FileHandle(forWritingTo: errURL)
        defer { try? err.close() }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }

    @Test func newRefusesToOverwriteAndInvalidSlugsWithExitTwo() throws {
        try withTemporaryDirectory { folder in
            let created = try run(["new", "portal", "portal"], in: folder)
            #expect(created.status == 0, "\(created.stderr)")
            let first = try run(["new", "project", "jablonec-apk", "--portal", "portal"], in: folder)
            #expect(first.status == 0, "\(first.stderr)")
            let file = folder.appendingPathComponent("portal/content/projects/jablonec-apk.md")
            try Data("---\ntitle: rozpracováno\n---\n".utf8).write(to: file)
            let before = try Data(contentsOf: file)
            let again = try run(["new", "project", "jablonec-apk", "--portal", "portal"], in: folder)
            #expect(again.status == 2)
            #expect(again.stderr.contains("content/projects/jablonec-apk.md už existuje"), "\(again.stderr)")
            let after = try Data(contentsOf: file)
            #expect(after == before)
            let bad = try run(["new", "news", "Zahájení projektu", "--portal", "portal"], in: folder)
            #expect(bad.status == 2)
            #expect(bad.stderr.contains("„zahajeni-projektu“"), "\(bad.stderr)")
            let notEmpty = try run(["new", "portal", "portal"], in: folder)
            #expect(notEmpty.status == 2 && notEmpty.stderr.contains("není prázdná"), "\(notEmpty.stderr)")
        }
    }

    @Test func schemaWritesEveryFile() throws {
        try withTemporaryDirectory { folder in
            let result = try run(["schema", "--output", "out"], in: folder)
            #expect(result.status == 0, "\(result.stderr)")
            for file in SchemaGenerator.generateAll() {
                let written = try String(contentsOf: folder.appendingPathComponent("out/\(file.name)"), encoding: .utf8)
                #expect(written == file.text)
            }
        }
    }
}
