import Foundation
import Testing
@testable import PublicitaKit

/// Two cities or programmes whose names make one address are an error naming both
/// records; and a build's output never depends on the order of a dictionary or of threads.
@Suite("Address collisions and determinism")
struct AddressCollisionTests {
    static func project(number: Int, city: String, programme: String = "Operační program Zaměstnanost") throws -> String {
        var text = try edited(TestPortal.minimalProject, replacing: "city: Testov", with: "city: \(city)")
        text = try edited(text, replacing: "16_052/0007824", with: "16_052/\(String(format: "%07d", number))")
        return try edited(text, replacing: "programme: Operační program Zaměstnanost", with: "programme: \(programme)")
    }

    static let report = """
        ---
        title: Zpráva
        city: Usti nad Labem
        date: 2025-01-15
        ---
        Zpráva.

        """

    @Test func citiesDifferingOnlyInAccentsAreAnErrorNamingBothRecords() throws {
        let second = try Self.project(number: 2, city: "Usti nad labem")
        let portal = try TestPortal(files: [
            "portal.yaml": TestPortal.minimalPortalYAML,
            "content/projects/a.md": try Self.project(number: 1, city: "Ústí nad Labem"),
            "content/projects/b.md": second,
            "content/reports/zprava.md": Self.report,
        ])
        let outcome = portal.build()
        let errors = outcome.diagnostics(RuleID.slugDuplicate)
        #expect(outcome.errors.count == errors.count)
        // The project b.md and the report both clash with a.md, which named the city first.
        #expect(errors.map(\.location.file) == ["content/projects/b.md", "content/reports/zprava.md"])
        let first = try #require(errors.first)
        #expect(first.location.line == lineNumber(ofLineStartingWith: "city:", in: second))
        #expect(first.field == "city")
        let line = lineNumber(ofLineStartingWith: "city:", in: TestPortal.minimalProject)!
        #expect(first.message.cs.contains("„Usti nad labem“ a „Ústí nad Labem“ (content/projects/a.md:\(line):7)"), "\(first.message.cs)")
        #expect(first.message.cs.contains("/mesta/usti-nad-labem/"))
        #expect(first.suggestion?.cs.contains("„Ústí nad Labem“") == true)
        #expect(!FileManager.default.fileExists(atPath: portal.output.appendingPathComponent("mesta").path))
    }

    @Test func programmesDifferingInCaseAreAnError() throws {
        let portal = try TestPortal(files: [
            "portal.yaml": TestPortal.minimalPortalYAML,
            "content/projects/a.md": try Self.project(number: 1, city: "Testov"),
            "content/projects/b.md": try Self.project(number: 2, city: "Testov", programme: "Operační Program ZAMĚSTNANOST"),
        ])
        let errors = portal.check().errors
        #expect(errors.map(\.rule) == [RuleID.slugDuplicate])
        #expect(errors.first?.field == "programme")
        #expect(errors.first?.location.file == "content/projects/b.md")
        #expect(errors.first?.message.en.contains("/programy/operacni-program-zamestnanost/") == true)
    }

    @Test func theSameNameTwiceIsOneCity() throws {
        let portal = try TestPortal(files: [
            "portal.yaml": TestPortal.minimalPortalYAML,
            "content/projects/a.md": try Self.project(number: 1, city: "Ústí nad Labem"),
            "content/projects/b.md": try Self.project(number: 2, city: "Ústí nad Labem"),
        ])
        let outcome = portal.build()
        #expect(outcome.errors.isEmpty, "\(outcome.errors)")
        let city = try portal.page("mesta/usti-nad-labem/index.html")
        #expect(city.contains("/projekty/a/") && city.contains("/projekty/b/"))
    }

    /// Names compared by their bytes first (a memo, a shortcut) are still one name when
    /// the same letters are written in other code points (composed and decomposed).
    @Test func aNameComposedOrDecomposedIsOneCityAndOneProgramme() throws {
        let composed = "Ústí nad Labem", decomposed = composed.decomposedStringWithCanonicalMapping
        let programme = "Operační program Zaměstnanost"
        #expect(Array(composed.utf8) != Array(decomposed.utf8))
        let portal = try TestPortal(files: [
            "portal.yaml": TestPortal.minimalPortalYAML,
            "content/projects/a.md": try Self.project(number: 1, city: composed, programme: programme),
            "content/projects/b.md": try Self.project(number: 2, city: decomposed, programme: programme.decomposedStringWithCanonicalMapping),
        ])
        let outcome = portal.build()
        #expect(outcome.errors.isEmpty, "\(outcome.errors)")
        let city = try portal.page("mesta/usti-nad-labem/index.html")
        #expect(city.contains("/projekty/a/") && city.contains("/projekty/b/"))
        // One row for the city on the statistics page, counting both projects.
        let statistics = try portal.page("statistiky/index.html")
        // Counted on bytes: Foundation's search would find either form for both.
        let rows = [composed, decomposed].map { Self.occurrences(of: "<th scope=\"row\">\($0)</th>", in: statistics) }
        #expect(rows.reduce(0, +) == 1, "\(rows)")
    }

    private static func occurrences(of needle: String, in text: String) -> Int {
        let text = Array(text.utf8), needle = Array(needle.utf8)
        var count = 0, start = 0
        while start + needle.count <= text.count {
            if text[start..<start + needle.count].elementsEqual(needle) {
                count += 1
                start += needle.count
            } else {
                start += 1
            }
        }
        return count
    }

    /// The same portal built by two processes (each with its own hash seed, so
    /// dictionaries iterate differently) gives byte-identical sites.
    @Test func twoBuildsOfOnePortalAreByteIdentical() throws {
        var files = ["portal.yaml": TestPortal.minimalPortalYAML]
        let cities = ["Ústí nad Labem", "Úvaly", "Uherské Hradiště", "Cheb", "Chomutov", "Čáslav", "Česká Lípa", "Žatec",
                      "Zlín", "Řevnice", "Ráj", "Šumperk", "Sokolov", "Ostrava", "Opava"]
        let programmes = ["Operační program Zaměstnanost", "Operační program Zaměstnanost plus",
                          "Integrovaný regionální operační program", "Interreg"]
        for index in 0..<40 {
            files["content/projects/p\(index).md"] = try Self.project(
                number: index + 1, city: cities[index % cities.count], programme: programmes[index % programmes.count])
        }
        let portal = try TestPortal(files: files)
        let executable = try CLITests.executable
        var trees: [[String: Data]] = []
        for run in 0..<2 {
            let output = portal.workspace.appendingPathComponent("site-\(run)")
            let process = Process()
            process.executableURL = executable
            process.arguments = ["build", portal.root.path, "--output", output.path]
            process.standardInput = FileHandle.nullDevice
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            var environment = ProcessInfo.processInfo.environment
            environment.removeValue(forKey: "SWIFT_DETERMINISTIC_HASHING")
            process.environment = environment
            try process.run()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
            var tree: [String: Data] = [:]
            for case let path as String in FileManager.default.enumerator(atPath: output.path) ?? FileManager.DirectoryEnumerator() {
                var isDirectory: ObjCBool = false
                let url = output.appendingPathComponent(path)
                guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue,
                      !path.hasPrefix(".") else { continue }
                tree[path] = try Data(contentsOf: url)
            }
            trees.append(tree)
        }
        #expect(trees[0].count > 40)
        #expect(trees[0].keys.sorted() == trees[1].keys.sorted())
        for (path, data) in trees[0] where trees[1][path] != data { Issue.record("\(path) differs between two builds") }
    }
}
