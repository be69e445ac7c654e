import Foundation
import Testing
@testable import PublicitaKit

/// The build cache may only ever skip work, never change the result: after any
/// series of edits, additions and deletions, an incremental build's output is
/// byte-identical to a clean build of the same input.
@Suite("Incremental builds")
struct IncrementalBuildTests {

    /// Every file under `folder` with its bytes.
    private static func snapshot(_ folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = try #require(FileManager.default.enumerator(atPath: folder.path))
        while let path = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            try #require(FileManager.default.fileExists(atPath: folder.appendingPathComponent(path).path, isDirectory: &isDirectory))
            if !isDirectory.boolValue { files[path] = try Data(contentsOf: folder.appendingPathComponent(path)) }
        }
        return files
    }

    private static func build(_ root: URL, into output: URL) -> Builder.Outcome {
        Builder.run(.init(portalRoot: root, output: output, today: testToday))
    }

    private static func expectIdentical(_ incremental: URL, _ clean: URL, after step: String) throws {
        let a = try snapshot(incremental), b = try snapshot(clean)
        let missing = Set(b.keys).subtracting(a.keys).sorted(), extra = Set(a.keys).subtracting(b.keys).sorted()
        let differing = Set(a.keys).intersection(b.keys).filter { a[$0] != b[$0] }.sorted()
        #expect(missing.isEmpty && extra.isEmpty && differing.isEmpty,
                "after \(step): missing \(missing.prefix(5)), extra \(extra.prefix(5)), differing \(differing.prefix(5))")
    }

    @Test func unchangedRebuildIsUpToDateAndTouchesNothing() throws {
        try withTemporaryDirectory { tmp in
            let root = tmp.appendingPathComponent("portal"), output = tmp.appendingPathComponent("site")
            try generateCorpus(projects: 30, into: root)
            let first = Self.build(root, into: output)
            #expect(!first.failed, "\(first.diagnostics.prefix(3))")
            #expect(first.pagesRendered == first.pagesWritten)
            let before = try Self.snapshot(output)
            let second = Self.build(root, into: output)
            #expect(second.upToDate)
            #expect(second.pagesRendered == 0)
            #expect(try Self.snapshot(output) == before)
        }
    }

    @Test func randomEditsAdditionsAndDeletionsMatchACleanBuild() throws {
        try withTemporaryDirectory { tmp in
            let root = tmp.appendingPathComponent("portal")
            let incremental = tmp.appendingPathComponent("site"), clean = tmp.appendingPathComponent("clean")
            try generateCorpus(projects: 40, into: root)
            #expect(!Self.build(root, into: incremental).failed)
            let projects = root.appendingPathComponent("content/projects")
            var rng = SplitMix64(seed: 42)
            var deletedPage: String?
            for step in 0..<12 {
                let files = try FileManager.default.contentsOfDirectory(atPath: projects.path).filter { $0.hasSuffix(".md") }.sorted()
                let file = projects.appendingPathComponent(files[Int(rng.next() % UInt64(files.count))])
                var text = try String(contentsOf: file, encoding: .utf8)
                let action: String
                switch rng.next() % 6 {
                case 0:  // body edit only: list pages must stay as they are
                    text += "\nDoplněný odstavec \(step).\n"
                    action = "body edit of \(file.lastPathComponent)"
                case 1:  // title edit: list pages change
                    let quoted = text.range(of: "title: \"")
                    text = text.replacingOccurrences(of: quoted == nil ? "title: " : "title: \"", with: quoted == nil ? "title: Upraveno \(step) – " : "title: \"Upraveno \(step) – ",
                                                     options: [], range: quoted ?? text.range(of: "title: "))
                    action = "title edit of \(file.lastPathComponent)"
                case 2:  // a new record
                    let copy = projects.appendingPathComponent("novy-projekt-\(step).md")
                    let number = String(format: "%07d", 9_000_000 + step)
                    let fresh = text.replacingOccurrences(
                        of: #"registration_number: CZ\.\S+/(\d{7})"#, with: "registration_number: CZ.03.2.60/0.0/0.0/16_052/\(number)",
                        options: .regularExpression)
                    try fresh.write(to: copy, atomically: true, encoding: .utf8)
                    action = "addition of \(copy.lastPathComponent)"
                case 3:  // a deleted record: its page must disappear (if nothing links to it)
                    let slug = file.deletingPathExtension().lastPathComponent
                    let links = try Self.snapshot(root.appendingPathComponent("content"))
                        .filter { $0.key != "projects/\(file.lastPathComponent)" }.values
                        .compactMap { String(data: $0, encoding: .utf8) }
                        .filter { $0.contains(slug) }
                    if links.isEmpty {
                        try FileManager.default.removeItem(at: file)
                        deletedPage = "projekty/\(file.deletingPathExtension().lastPathComponent)/index.html"
                        action = "deletion of \(file.lastPathComponent)"
                    } else {
                        action = "nothing (\(file.lastPathComponent) is linked)"
                    }
                    try Self.expectIdentical(incremental, incremental, after: action)
                case 4:  // an amount moved between two sources keeps the sum: totals unchanged
                    text += "\n## Poznámka \(step)\nText.\n"
                    action = "new section in \(file.lastPathComponent)"
                default:  // a change to a free page in the navigation: every page changes
                    let page = root.appendingPathComponent("content/pages/o-portalu.md")
                    var about = try String(contentsOf: page, encoding: .utf8)
                    let quoted = about.range(of: "title: \"")
                    about = about.replacingOccurrences(of: quoted == nil ? "title: " : "title: \"", with: quoted == nil ? "title: \(step) " : "title: \"\(step) ",
                                                       options: [], range: quoted ?? about.range(of: "title: "))
                    try about.write(to: page, atomically: true, encoding: .utf8)
                    action = "title edit of o-portalu.md"
                }
                if FileManager.default.fileExists(atPath: file.path), !action.hasPrefix("addition"), !action.hasPrefix("title edit of o-") {
                    try text.write(to: file, atomically: true, encoding: .utf8)
                }
                let outcome = Self.build(root, into: incremental)
                #expect(!outcome.failed, "after \(action): \(outcome.diagnostics.filter { $0.severity == .error }.prefix(3))")
                try? FileManager.default.removeItem(at: clean)
                try? FileManager.default.removeItem(at: BuildManifest.folder(for: clean))
                #expect(!Self.build(root, into: clean).failed)
                try Self.expectIdentical(incremental, clean, after: action)
                if let deletedPage {
                    #expect(!FileManager.default.fileExists(atPath: incremental.appendingPathComponent(deletedPage).path),
                            "the deleted record's page \(deletedPage) is still there")
                }
            }
        }
    }

    @Test func aChangedTemplateChangesEveryPageThatUsesIt() throws {
        try withTemporaryDirectory { tmp in
            let root = tmp.appendingPathComponent("portal"), output = tmp.appendingPathComponent("site")
            try generateCorpus(projects: 10, into: root)
            #expect(!Self.build(root, into: output).failed)
            let layout = String(decoding: try #require(BuiltInTheme.files["templates/layout.mustache"]), as: UTF8.self)
            try FileManager.default.createDirectory(at: root.appendingPathComponent("templates"), withIntermediateDirectories: true)
            try layout.replacingOccurrences(of: "<body>", with: "<body data-verze=\"2\">")
                .write(to: root.appendingPathComponent("templates/layout.mustache"), atomically: true, encoding: .utf8)
            let outcome = Self.build(root, into: output)
            #expect(!outcome.failed)
            let pages = try Self.snapshot(output).filter { $0.key.hasSuffix(".html") }
            // pagesWritten counts the HTML pages (not the search index, data files, feed or sitemap).
            #expect(pages.count == outcome.pagesWritten)
            let stale = pages.filter { !(String(data: $0.value, encoding: .utf8) ?? "").contains("data-verze=\"2\"") }.keys
            #expect(stale.isEmpty, "pages still rendered with the old layout: \(stale.sorted().prefix(5))")
        }
    }

    @Test func aBodyEditRerendersOnlyThatPage() throws {
        try withTemporaryDirectory { tmp in
            let root = tmp.appendingPathComponent("portal"), output = tmp.appendingPathComponent("site")
            try generateCorpus(projects: 20, into: root)
            #expect(!Self.build(root, into: output).failed)
            let projects = root.appendingPathComponent("content/projects")
            let name = try #require(try FileManager.default.contentsOfDirectory(atPath: projects.path).sorted().first)
            let file = projects.appendingPathComponent(name)
            try (try String(contentsOf: file, encoding: .utf8) + "\nNový odstavec.\n").write(to: file, atomically: true, encoding: .utf8)
            let outcome = Self.build(root, into: output)
            #expect(!outcome.failed)
            #expect(outcome.pagesRendered == 1, "a body edit re-rendered \(outcome.pagesRendered) pages")
        }
    }

    @Test func theReadsFileIsNamedAgainOnlyWhileItHoldsThePagesReads() throws {
        try withTemporaryDirectory { tmp in
            let root = tmp.appendingPathComponent("portal"), output = tmp.appendingPathComponent("site")
            let clean = tmp.appendingPathComponent("clean")
            try generateCorpus(projects: 20, into: root)
            #expect(!Self.build(root, into: output).failed)
            let folder = BuildManifest.folder(for: output)
            let readsURL = folder.appendingPathComponent("reads")
            func readsFile() throws -> (bytes: Data, inode: UInt64) {
                let attributes = try FileManager.default.attributesOfItem(atPath: readsURL.path)
                return (try Data(contentsOf: readsURL), try #require(attributes[.systemFileNumber] as? UInt64))
            }
            func cleanBuild(after step: String) throws {
                try? FileManager.default.removeItem(at: clean)
                #expect(!Self.build(root, into: clean).failed)
                try Self.expectIdentical(output, clean, after: step)
            }
            let projects = root.appendingPathComponent("content/projects")
            let names = try FileManager.default.contentsOfDirectory(atPath: projects.path).filter { $0.hasSuffix(".md") }.sorted()
            let file = projects.appendingPathComponent(names[0])
            func appendParagraph(_ text: String) throws {
                try (try String(contentsOf: file, encoding: .utf8) + "\n\(text)\n").write(to: file, atomically: true, encoding: .utf8)
            }

            // A body edit: the same pages read the same records.
            let first = try readsFile()
            try appendParagraph("Nový odstavec.")
            let edited = Self.build(root, into: output)
            #expect(!edited.failed && edited.pagesRendered == 1, "\(edited.pagesRendered)")
            let kept = try readsFile()
            #expect(kept.bytes == first.bytes && kept.inode == first.inode, "the reads file was written again")
            try cleanBuild(after: "a body edit")

            // Damaged, the file is not used (every page is rendered), and the next save writes it again.
            try Data("token x\nR 0-99999 index.html\n".utf8).write(to: readsURL)
            try appendParagraph("Druhý odstavec.")
            #expect(!Self.build(root, into: output).failed)
            try cleanBuild(after: "a damaged reads file")
            // The same reads as before the damage, under another token.
            func withoutToken(_ bytes: Data) -> [Data.SubSequence] { Array(bytes.split(separator: UInt8(ascii: "\n")).dropFirst()) }
            #expect(withoutToken(try readsFile().bytes) == withoutToken(first.bytes), "the reads file was not written again after damage")
            try appendParagraph("Třetí odstavec.")
            #expect(Self.build(root, into: output).pagesRendered == 1, "the rewritten reads file is not used")

            // A new record: list pages read it, so the file is written again.
            try String(contentsOf: file, encoding: .utf8)
                .replacingOccurrences(of: #"(?m)^title: .*$"#, with: "title: Nový projekt", options: .regularExpression)
                .replacingOccurrences(of: #"(?m)^registration_number: .*$"#, with: "funding: none", options: .regularExpression)
                .write(to: projects.appendingPathComponent("novy-projekt.md"), atomically: true, encoding: .utf8)
            #expect(!Self.build(root, into: output).failed)
            #expect(try readsFile().bytes != first.bytes, "the reads of a new record were not saved")
            try cleanBuild(after: "a new record")
            try appendParagraph("Čtvrtý odstavec.")
            #expect(Self.build(root, into: output).pagesRendered == 1)
            try cleanBuild(after: "a body edit after a new record")
        }
    }

    @Test func aParseCacheReusesUnchangedRecordsAndMatchesACleanBuild() throws {
        try withTemporaryDirectory { tmp in
            let root = tmp.appendingPathComponent("portal")
            let served = tmp.appendingPathComponent("site"), clean = tmp.appendingPathComponent("clean")
            try generateCorpus(projects: 20, into: root)
            let cache = ParseCache()
            func build(_ output: URL, cache: ParseCache?) -> Builder.Outcome {
                Builder.run(.init(portalRoot: root, output: output, today: testToday, parseCache: cache))
            }
            #expect(!build(served, cache: cache).failed)
            let projects = root.appendingPathComponent("content/projects")
            let files = try FileManager.default.contentsOfDirectory(atPath: projects.path).sorted()
            // Edit one record, delete another: the cached records of the rest are reused.
            let edited = projects.appendingPathComponent(files[0])
            try (try String(contentsOf: edited, encoding: .utf8)
                .replacingOccurrences(of: "## Cíle projektu", with: "## Cíle projektu\nZměněno v mezipaměti.\n"))
                .write(to: edited, atomically: true, encoding: .utf8)
            // The deleted record is one no other record links to (a link to it would be an error).
            let content = try Self.snapshot(root.appendingPathComponent("content")).values.compactMap { String(data: $0, encoding: .utf8) }
            let unlinked = try #require(files.dropFirst().first { name in
                let path = "/projekty/\((name as NSString).deletingPathExtension)/"
                return !content.contains { $0.contains(path) || $0.contains("project: \((name as NSString).deletingPathExtension)\n") }
            })
            try FileManager.default.removeItem(at: projects.appendingPathComponent(unlinked))
            let outcome = build(served, cache: cache)
            #expect(!outcome.failed, "\(outcome.diagnostics.prefix(3))")
            #expect(!build(clean, cache: nil).failed)
            try Self.expectIdentical(served, clean, after: "an edit and a deletion with a parse cache")
            let page = try String(contentsOf: served.appendingPathComponent("projekty/\((files[0] as NSString).deletingPathExtension)/index.html"), encoding: .utf8)
            #expect(page.contains("Změněno v\u{00A0}mezipaměti."))
        }
    }
}
