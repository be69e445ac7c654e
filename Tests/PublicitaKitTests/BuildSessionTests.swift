import Foundation
import Testing
@testable import PublicitaKit

/// `publicita serve`'s rebuilds go through a ``BuildSession`` that keeps the portal
/// in memory and applies edits incrementally. Whatever path a rebuild takes, its
/// output must be byte-identical to a clean build of the same input and its
/// diagnostics the same; a build with errors must leave the last good output.
@Suite("Build sessions")
struct BuildSessionTests {

    /// A generated portal, a session building it into `served`, and clean builds to compare with.
    private final class Fixture {
        let root: URL, served: URL, clean: URL
        let session: BuildSession
        /// The served output after the last successful build.
        var lastGood: [String: Data] = [:]

        init(_ tmp: URL, projects: Int) throws {
            root = tmp.appendingPathComponent("portal")
            served = tmp.appendingPathComponent("site")
            clean = tmp.appendingPathComponent("clean")
            try generateCorpus(projects: projects, into: root)
            session = BuildSession(.init(portalRoot: root, output: served, today: testToday))
            let first = session.build()
            try #require(!first.failed, "\(first.summary)")
            lastGood = try snapshot(of: served)
        }

        var projectFiles: [URL] {
            get throws {
                let folder = root.appendingPathComponent("content/projects")
                return try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".md") }.sorted()
                    .map { folder.appendingPathComponent($0) }
            }
        }

        /// Applies `edit` to the files, tells the session what changed (as serve's
        /// watcher does) and compares its outcome and output with a clean build.
        @discardableResult
        func step(_ name: String, incremental: Bool? = nil, sourceLocation: Testing.SourceLocation = #_sourceLocation,
                  _ edit: () throws -> Void) throws -> Builder.Outcome {
            let before = InputStamps.scan(root)
            try edit()
            let outcome = session.build(changes: InputChanges(from: before, to: InputStamps.scan(root)))
            if let incremental {
                #expect(session.lastBuildWasIncremental == incremental,
                        "\(name): expected an \(incremental ? "incremental" : "full") build", sourceLocation: sourceLocation)
            }
            try? FileManager.default.removeItem(at: clean)
            try? FileManager.default.removeItem(at: BuildManifest.folder(for: clean))
            let reference = runBuilder(portal: root, output: clean)
            #expect(outcome.diagnostics == reference.diagnostics,
                    "\(name): diagnostics differ\nsession:\n\(outcome.summary)\nclean:\n\(reference.summary)", sourceLocation: sourceLocation)
            #expect(outcome.failed == reference.failed && outcome.pagesWritten == reference.pagesWritten,
                    "\(name): outcome differs", sourceLocation: sourceLocation)
            let output = try snapshot(of: served)
            if outcome.failed {
                // Nothing is written while the content has errors: the last good site stays.
                #expect(output == lastGood, "\(name): a failed build changed the output", sourceLocation: sourceLocation)
            } else {
                let expected = try snapshot(of: clean)
                let differing = Set(output.keys).union(expected.keys).filter { output[$0] != expected[$0] }.sorted()
                #expect(differing.isEmpty, "\(name): output differs from a clean build: \(differing.prefix(5))", sourceLocation: sourceLocation)
                lastGood = output
            }
            return outcome
        }
    }

    private static func read(_ file: URL) throws -> String { try String(contentsOf: file, encoding: .utf8) }
    private static func write(_ text: String, to file: URL) throws { try text.write(to: file, atomically: true, encoding: .utf8) }

    /// `text` with the title changed (inside its quotes when quoted, so the YAML stays valid).
    private static func retitled(_ text: String, _ prefix: String) -> String {
        let quoted = text.contains("\ntitle: \"")
        let field = quoted ? "\ntitle: \"" : "\ntitle: "
        return text.replacingOccurrences(of: field, with: field + prefix + " ")
    }

    /// `text` with `haleru` added to the budget's total and to its last source: the sum still adds up.
    private static func amountsRaised(_ text: String, by haleru: Int64) throws -> String {
        var lines = text.components(separatedBy: "\n")
        let total = try #require(lines.firstIndex { $0.hasPrefix("  total: ") })
        let last = try #require(lines.lastIndex { $0.trimmingCharacters(in: .whitespaces).hasPrefix("amount: ") })
        for index in [total, last] {
            let line = lines[index]
            let colon = try #require(line.firstIndex(of: ":"))
            let value = try Money.parse(String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces))
            lines[index] = line[...colon] + " " + Money(halere: value.amount.halere + haleru).plainDecimal
        }
        return lines.joined(separator: "\n")
    }

    private static func registrationNumber(in text: String) throws -> String {
        let line = try #require(text.components(separatedBy: "\n").first { $0.hasPrefix("registration_number: ") })
        return String(line.dropFirst("registration_number: ".count))
    }

    @Test func scriptedAndRandomEditsMatchACleanBuild() throws {
        try withTemporaryDirectory { tmp in
            let fixture = try Fixture(tmp, projects: 40)
            let files = try fixture.projectFiles
            let slug = { (file: URL) in file.deletingPathExtension().lastPathComponent }

            try fixture.step("body edit", incremental: true) {
                try Self.write(try Self.read(files[0]) + "\nDoplněný odstavec.\n", to: files[0])
            }
            let amount = try fixture.step("amount edit", incremental: true) {
                try Self.write(try Self.amountsRaised(try Self.read(files[1]), by: 100), to: files[1])
            }
            #expect(!amount.failed)
            try fixture.step("title edit", incremental: true) {
                try Self.write(Self.retitled(try Self.read(files[2]), "Upraveno"), to: files[2])
            }

            // A duplicate registration number (taken from a project of the same programming
            // period, so the project stays in its groups), then the original number again.
            let original = try Self.read(files[3])
            let number = try Self.registrationNumber(in: original)
            let parts = number.split(separator: "/").count
            let twin = try #require(try files.dropFirst(4).first { try Self.registrationNumber(in: try Self.read($0)).split(separator: "/").count == parts })
            let duplicate = try fixture.step("duplicate registration number", incremental: true) {
                try Self.write(original.replacingOccurrences(of: number, with: try Self.registrationNumber(in: try Self.read(twin))), to: files[3])
            }
            #expect(duplicate.failed && !duplicate.diagnostics(RuleID.regnoDuplicate).isEmpty)
            try fixture.step("duplicate fixed", incremental: true) { try Self.write(original, to: files[3]) }

            // A link to a heading of another project, then the heading removed: the linking
            // project (not edited) must get the link.anchor error.
            let target = try Self.read(files[5])
            try fixture.step("link to a new heading", incremental: true) {
                try Self.write(target + "\n## Kotva relace\n\nText pod kotvou.\n", to: files[5])
                try Self.write(try Self.read(files[6]) + "\nViz [kotvu](/projekty/\(slug(files[5]))/#kotva-relace).\n", to: files[6])
            }
            let broken = try fixture.step("heading removed", incremental: true) { try Self.write(target, to: files[5]) }
            #expect(broken.diagnostics(RuleID.linkAnchor).map(\.location.file) == ["content/projects/\(files[6].lastPathComponent)"])
            try fixture.step("heading back", incremental: true) {
                try Self.write(target + "\n## Kotva relace\n\nText pod kotvou.\n", to: files[5])
            }

            // A YAML error drops the record (a full build), and fixing it builds again.
            let valid = try Self.read(files[7])
            let syntax = try fixture.step("YAML syntax error") {
                try Self.write(valid.replacingOccurrences(of: "\nbeneficiary: ", with: "\nbeneficiary: [nezavřeno "), to: files[7])
            }
            #expect(syntax.failed)
            try fixture.step("YAML fixed") { try Self.write(valid, to: files[7]) }

            // Moving a project to another city changes the site's structure: a full build.
            try fixture.step("city changed", incremental: false) {
                let text = try Self.read(files[8])
                let line = try #require(text.components(separatedBy: "\n").first { $0.hasPrefix("city: ") })
                try Self.write(text.replacingOccurrences(of: line, with: "city: Nové Testovice"), to: files[8])
            }
            try fixture.step("after a full build, edits are incremental again", incremental: true) {
                try Self.write(try Self.read(files[9]) + "\nDalší odstavec.\n", to: files[9])
            }

            var rng = SplitMix64(seed: 7)
            for number in 0..<10 {
                let file = files[Int(rng.next() % UInt64(files.count))]
                let text = try Self.read(file)
                switch rng.next() % 3 {
                case 0: try fixture.step("random body edit \(number)") { try Self.write(text + "\nOdstavec \(number).\n", to: file) }
                case 1: try fixture.step("random amount edit \(number)") {
                    try Self.write(try Self.amountsRaised(text, by: Int64(rng.next() % 10_000) + 1), to: file)
                }
                default: try fixture.step("random title edit \(number)") { try Self.write(Self.retitled(text, "Změna \(number)"), to: file) }
                }
            }
        }
    }

    @Test func anEditWithAnErrorKeepsTheLastGoodOutputAndReportsIt() throws {
        try withTemporaryDirectory { tmp in
            let fixture = try Fixture(tmp, projects: 12)
            let file = try fixture.projectFiles[4]
            let valid = try Self.read(file)
            let before = try snapshot(of: fixture.served)
            // The total alone raised: the sources no longer add up.
            var lines = valid.components(separatedBy: "\n")
            let total = try #require(lines.firstIndex { $0.hasPrefix("  total: ") })
            lines[total] = "  total: 1.00"
            let failed = try fixture.step("total that does not add up", incremental: true) {
                try Self.write(lines.joined(separator: "\n"), to: file)
            }
            #expect(failed.failed && failed.pagesWritten == 0)
            #expect(failed.diagnostics(RuleID.budgetSum).map(\.location.file) == ["content/projects/\(file.lastPathComponent)"])
            #expect(try snapshot(of: fixture.served) == before, "the failed build changed the output")
            let fixed = try fixture.step("fixed", incremental: true) { try Self.write(valid + "\nOpraveno.\n", to: file) }
            #expect(!fixed.failed && fixed.pagesRendered == 1)
        }
    }

    /// The identity of an output file as written: an in-place update replaces a file
    /// by renaming a new one over it, so a file not written again keeps its inode.
    private static func inode(_ file: URL) throws -> UInt64 {
        try #require(try FileManager.default.attributesOfItem(atPath: file.path)[.systemFileNumber] as? UInt64)
    }

    @Test func dataFilesAreWrittenOnlyWhenTheirRowsChange() throws {
        try withTemporaryDirectory { tmp in
            let fixture = try Fixture(tmp, projects: 12)
            let file = try fixture.projectFiles[2]
            let dataFiles = ["data/projekty.csv", "data/projekty.json", "data/hledani.json"].map { fixture.served.appendingPathComponent($0) }
            let original = try Self.read(file)
            // A paragraph before the body's first heading: no row of the data files changes.
            let intro = try #require(original.range(of: "\n---\n"))
            let preamble = original.replacingCharacters(in: intro, with: "\n---\nÚvodní odstavec mimo cíle a výsledky.\n\n")
            #expect(preamble != original && preamble.contains("## Výsledky a přínosy\n\n"))
            var before = try dataFiles.map(Self.inode)
            try fixture.step("paragraph outside the goals and results", incremental: true) { try Self.write(preamble, to: file) }
            #expect(try dataFiles.map(Self.inode) == before, "the data files were written again")

            // The results section changed: the CSV and JSON lists are written, the search index is not.
            before = try dataFiles.map(Self.inode)
            try fixture.step("results section edited", incremental: true) {
                try Self.write(preamble.replacingOccurrences(of: "## Výsledky a přínosy\n\n", with: "## Výsledky a přínosy\n\nNový výsledek.\n\n"), to: file)
            }
            let after = try dataFiles.map(Self.inode)
            #expect(after[0] != before[0] && after[1] != before[1] && after[2] == before[2])

            // A new title with an error (nothing written), then the error alone fixed: the
            // data files must get the new title, though the last made rows already had it.
            let retitled = Self.retitled(try Self.read(file), "Přejmenováno")
            var lines = retitled.components(separatedBy: "\n")
            let total = try #require(lines.firstIndex { $0.hasPrefix("  total: ") })
            lines[total] = "  total: 1.00"
            let failed = try fixture.step("new title and a total that does not add up", incremental: true) {
                try Self.write(lines.joined(separator: "\n"), to: file)
            }
            #expect(failed.failed)
            try fixture.step("the total fixed, the title kept", incremental: true) { try Self.write(retitled, to: file) }
            #expect(try Self.read(dataFiles[0]).contains("Přejmenováno"))
        }
    }

    @Test func changesOutsideProjectRecordsBuildInFull() throws {
        try withTemporaryDirectory { tmp in
            let fixture = try Fixture(tmp, projects: 10)
            let page = fixture.root.appendingPathComponent("content/pages/o-portalu.md")
            try fixture.step("free page edited", incremental: false) {
                try Self.write(try Self.read(page) + "\nDalší věta.\n", to: page)
            }
            try fixture.step("record added", incremental: false) {
                let files = try fixture.projectFiles
                let copy = try Self.read(files[0]).replacingOccurrences(
                    of: try Self.registrationNumber(in: try Self.read(files[0])), with: "CZ.03.2.60/0.0/0.0/16_052/0009999")
                try Self.write(copy, to: files[0].deletingLastPathComponent().appendingPathComponent("novy-projekt.md"))
            }
            try fixture.step("record removed", incremental: false) {
                try FileManager.default.removeItem(at: try fixture.projectFiles.first { $0.lastPathComponent == "novy-projekt.md" }!)
            }
            try fixture.step("portal.yaml edited", incremental: false) {
                let config = fixture.root.appendingPathComponent("portal.yaml")
                try Self.write(try Self.read(config).replacingOccurrences(of: "title: ", with: "title: Nový "), to: config)
            }
            try fixture.step("a project edited after all that", incremental: true) {
                let file = try fixture.projectFiles[3]
                try Self.write(Self.retitled(try Self.read(file), "Znovu"), to: file)
            }
        }
    }
}
