import Foundation
import Testing
@testable import PublicitaKit

/// The bad-input corpus: `Fixtures/bad/<NN>-<rule-id>-<short-name>/` holds a tiny
/// portal whose content breaks one rule. The expected diagnostics are written in
/// the files themselves:
///
/// - a `# expect: <rule>` YAML comment, or an `<!-- expect: <rule> -->` HTML
///   comment in a Markdown body, on the line the diagnostic must point at;
/// - `expect.txt` lines `<portal-relative path>:<line>: <rule>` for what a marker
///   cannot express (`-` for the line when the diagnostic concerns the whole file).
///
/// A case may carry `known-issue.txt`: the case documents a bug in Sources that is
/// not fixed yet; its failures are recorded as a known issue (and the test says so
/// once the bug is fixed and the file can go).
///
/// `Fixtures/good/` holds valid edge portals that must produce no errors.
@Suite("Bad-input corpus")
struct BadInputCorpusTests {
    /// The day every case is checked on (decides which projects have ended).
    static let today = Day(year: 2026, month: 11, day: 22)!

    /// Every content rule the code can emit, with its severity.
    static let contentRules: Set<RuleID> = [
        .yamlSyntax,
        .yamlTabs,
        .yamlType,
        .yamlUnknownField,
        .yamlRequired,
        .yamlAlias,
        .yamlDepth,
        .yamlTag,
        .textControl,
        .fileEmpty,
        .fileFrontMatter,
        .fileEncoding,
        .fileTooLarge,
        .fileLinkOutside,
        .fileLinkFolder,
        .fileLinkBroken,
        .fileSpecial,
        .slugInvalid,
        .slugDuplicate,
        .slugReserved,
        .moneyFormat,
        .shareFormat,
        .dateFormat,
        .budgetSum,
        .budgetShare,
        .budgetNegative,
        .budgetCurrency,
        .budgetNoSources,
        .budgetNoTotal,
        .regnoFormat,
        .regnoDuplicate,
        .periodOrder,
        .periodDuration,
        .contactEmail,
        .contactPhone,
        .linkBroken,
        .linkTargetFailed,
        .linkAnchor,
        .linkProject,
        .linkUnsafe,
        .linkLang,
        .urlFormat,
        .tableUnknown,
        .tableShape,
        .tableDuplicate,
        .tableId,
        .correctionIncomplete,
        .euGoals,
        .euResults,
        .euShare,
        .portalIco,
        .portalRuian,
        .portalLicence,
        .catalogPublisher,
    ]

    /// The severity a rule's diagnostics have: the catalogue's.
    static func severity(of rule: RuleID) -> Diagnostic.Severity { rule.entry.severity }

    /// Rules tested by a test of their own instead of a committed case.
    static let rulesTestedAtRunTime: Set<RuleID> = [
        RuleID.fileTooLarge,
        // Links and FIFOs do not survive git and SwiftPM resources: PortalFilesTests makes them.
        RuleID.fileLinkOutside, RuleID.fileLinkFolder, RuleID.fileLinkBroken, RuleID.fileSpecial,
        // Every case portal has a base_url and no IČO: CatalogTests checks the warning instead.
        RuleID.catalogPublisher,
    ]

    static var fixtures: URL { Bundle.module.url(forResource: "Fixtures", withExtension: nil)! }
    static var badFolder: URL { fixtures.appendingPathComponent("bad") }
    static var goodFolder: URL { fixtures.appendingPathComponent("good") }

    /// The case folders, listed when the tests are discovered.
    static let caseNames: [String] = folders(in: badFolder)
    static let goodNames: [String] = folders(in: goodFolder)

    static func folders(in folder: URL) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { name in
            var isDirectory: ObjCBool = false
            return !name.hasPrefix(".")
                && FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path, isDirectory: &isDirectory)
                && isDirectory.boolValue
        }.sorted()
    }

    // MARK: Expectations

    /// One diagnostic a case must produce.
    struct Expectation: Hashable, CustomStringConvertible {
        var file: String
        /// nil: the diagnostic concerns the whole file (has no line).
        var line: Int?
        var rule: String
        var description: String { "\(file):\(line.map(String.init) ?? "-"): \(rule)" }
    }

    /// The expectations of the case in `folder`: markers in every file, plus `expect.txt`.
    static func expectations(in folder: URL) throws -> [Expectation] {
        var result: [Expectation] = []
        let enumerator = try #require(FileManager.default.enumerator(atPath: folder.path))
        while let relative = enumerator.nextObject() as? String {
            let url = folder.appendingPathComponent(relative)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            let data = try Data(contentsOf: url)
            if relative == "expect.txt" {
                let text = try #require(String(data: data, encoding: .utf8))
                for raw in text.split(whereSeparator: \.isNewline) {
                    let line = raw.trimmingCharacters(in: .whitespaces)
                    if line.isEmpty || line.hasPrefix("#") { continue }
                    result.append(try #require(parseExpectLine(line), "bad expect.txt line: \(line)"))
                }
                continue
            }
            if relative == "known-issue.txt" { continue }
            // Files that are not UTF-8 (the encoding cases) cannot carry markers.
            guard let text = String(validatingUTF8Data: data) else { continue }
            for (index, line) in lines(of: text).enumerated() {
                for rule in markers(in: line) {
                    result.append(Expectation(file: relative, line: index + 1, rule: rule))
                }
            }
        }
        return result
    }

    /// `path:line: rule` or `path:-: rule`.
    static func parseExpectLine(_ line: String) -> Expectation? {
        guard let ruleSeparator = line.range(of: ": ", options: .backwards) else { return nil }
        let rule = String(line[ruleSeparator.upperBound...]).trimmingCharacters(in: .whitespaces)
        let location = line[..<ruleSeparator.lowerBound]
        guard let colon = location.lastIndex(of: ":") else { return nil }
        let file = String(location[..<colon])
        let lineText = location[location.index(after: colon)...]
        if lineText == "-" { return Expectation(file: file, line: nil, rule: rule) }
        guard let number = Int(lineText), !file.isEmpty, !rule.isEmpty else { return nil }
        return Expectation(file: file, line: number, rule: rule)
    }

    /// Lines split on LF, CRLF and a lone CR, as the front-matter splitter does.
    static func lines(of text: String) -> [Substring.UnicodeScalarView] {
        var lines: [Substring.UnicodeScalarView] = []
        let scalars = Substring(text).unicodeScalars
        var start = scalars.startIndex
        var index = start
        while index < scalars.endIndex {
            let scalar = scalars[index]
            if scalar == "\n" || scalar == "\r" {
                lines.append(scalars[start..<index])
                var next = scalars.index(after: index)
                if scalar == "\r", next < scalars.endIndex, scalars[next] == "\n" { next = scalars.index(after: next) }
                start = next
                index = next
            } else {
                index = scalars.index(after: index)
            }
        }
        lines.append(scalars[start..<scalars.endIndex])
        return lines
    }

    /// The rule ids after each `expect:` in a line.
    static func markers(in line: Substring.UnicodeScalarView) -> [String] {
        let text = String(line)
        guard text.contains("expect:") else { return [] }
        var rules: [String] = []
        var rest = text[...]
        while let marker = rest.range(of: "expect:") {
            rest = rest[marker.upperBound...].drop(while: { $0 == " " })
            let rule = rest.prefix(while: { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "." || $0 == "-" })
            if !rule.isEmpty { rules.append(String(rule)) }
            rest = rest[rule.endIndex...]
        }
        return rules
    }

    // MARK: Running a portal

    /// Copies `folder` to a fresh temporary folder (tests never write into the
    /// fixtures), checks it and removes the copy.
    static func check(_ folder: URL) throws -> Builder.Outcome {
        let copy = FileManager.default.temporaryDirectory
            .appendingPathComponent("publicita-corpus-\(UUID().uuidString)")
            .appendingPathComponent(folder.lastPathComponent)
        try FileManager.default.createDirectory(at: copy.deletingLastPathComponent(), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: copy.deletingLastPathComponent()) }
        try FileManager.default.copyItem(at: folder, to: copy)
        return Builder.run(.init(portalRoot: copy, output: nil, today: today))
    }

    static func describe(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.map { "  \($0.severity.rawValue) \($0.location.description) [\($0.rule)] \($0.message.en.prefix(160))" }
            .joined(separator: "\n")
    }

    // MARK: Tests

    @Test func corpusHasEnoughCases() {
        #expect(Self.caseNames.count >= 40, "only \(Self.caseNames.count) cases in Fixtures/bad")
        #expect(Self.goodNames.count >= 3)
    }

    @Test("Each bad case produces its diagnostics, and no other errors", .timeLimit(.minutes(2)),
          arguments: caseNames)
    func badCase(_ name: String) throws {
        let folder = Self.badFolder.appendingPathComponent(name)
        let expectations = try Self.expectations(in: folder)
        let knownIssue = try? String(contentsOf: folder.appendingPathComponent("known-issue.txt"), encoding: .utf8)
        let outcome = try Self.check(folder)
        let diagnostics = outcome.diagnostics

        func verify() {
            #expect(!expectations.isEmpty, "\(name) has no expectations (no marker, no expect.txt)")
            for expectation in expectations {
                #expect(RuleID(rawValue: expectation.rule).map(Self.contentRules.contains) == true, "\(name): unknown rule id \(expectation.rule) in an expectation")
                let found = diagnostics.contains {
                    $0.rule.rawValue == expectation.rule && $0.location.file == expectation.file && $0.location.line == expectation.line
                }
                #expect(found, "\(name): expected \(expectation), got:\n\(Self.describe(diagnostics))")
            }
            let expectedRules = Set(expectations.map(\.rule))
            for diagnostic in diagnostics where diagnostic.severity == .error && !expectedRules.contains(diagnostic.rule.rawValue) {
                Issue.record("\(name): unexpected error \(diagnostic.location.description) [\(diagnostic.rule)] \(diagnostic.message.en)")
            }
            for diagnostic in diagnostics {
                if Self.contentRules.contains(diagnostic.rule), expectedRules.contains(diagnostic.rule.rawValue) {
                    let severity = Self.severity(of: diagnostic.rule)
                    #expect(diagnostic.severity == severity, "\(name): \(diagnostic.rule) should be a \(severity.rawValue)")
                }
            }
            if name.contains("-robust-") {
                #expect(diagnostics.contains { $0.severity == .error }, "\(name): a robustness input must end with an error")
            }
        }

        // Every diagnostic must be readable in both languages, known issue or not.
        for diagnostic in diagnostics {
            #expect(!diagnostic.message.cs.trimmingCharacters(in: .whitespaces).isEmpty, "\(name): empty Czech message for \(diagnostic.rule)")
            #expect(!diagnostic.message.en.trimmingCharacters(in: .whitespaces).isEmpty, "\(name): empty English message for \(diagnostic.rule)")
        }
        if let knownIssue {
            withKnownIssue(Comment(rawValue: knownIssue.trimmingCharacters(in: .whitespacesAndNewlines))) { verify() }
        } else {
            verify()
        }
    }

    @Test func corpusCoversEveryContentRule() throws {
        var covered: Set<String> = []
        for name in Self.caseNames {
            covered.formUnion(try Self.expectations(in: Self.badFolder.appendingPathComponent(name)).map(\.rule))
        }
        let missing = Self.contentRules.subtracting(covered.compactMap(RuleID.init(rawValue:))).subtracting(Self.rulesTestedAtRunTime)
        #expect(missing.isEmpty, "no corpus case expects: \(missing.map(\.rawValue).sorted().joined(separator: ", "))")
        let unknown = covered.subtracting(Self.contentRules.map(\.rawValue))
        #expect(unknown.isEmpty, "expectations name unknown rules: \(unknown.sorted().joined(separator: ", "))")
    }

    @Test("Valid edge portals produce no errors", arguments: goodNames)
    func goodPortal(_ name: String) throws {
        let outcome = try Self.check(Self.goodFolder.appendingPathComponent(name))
        let errors = outcome.diagnostics.filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(name):\n\(Self.describe(errors))")
    }

    /// A 9 MB content file is refused before it is read (generated here: too big to commit).
    @Test(.timeLimit(.minutes(1)))
    func fileTooLarge() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("publicita-too-large-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let valid = Self.goodFolder.appendingPathComponent(try #require(Self.goodNames.first { $0.contains("czech-dates") }))
        try FileManager.default.copyItem(at: valid, to: root)
        let projects = root.appendingPathComponent("content/projects")
        var text = "---\ntitle: Velký soubor\nregistration_number: CZ.03.2.60/0.0/0.0/16_052/0009999\n"
            + "beneficiary: Město\nperiod:\n  start: 2024-01-01\n---\n"
        let line = String(repeating: "Dlouhý text přílohy vložený do záznamu. ", count: 25) + "\n"
        text.reserveCapacity(9 * 1024 * 1024 + line.utf8.count)
        while text.utf8.count < 9 * 1024 * 1024 { text += line }
        try Data(text.utf8).write(to: projects.appendingPathComponent("velky.md"))

        let outcome = Builder.run(.init(portalRoot: root, output: nil, today: Self.today))
        let hit = outcome.diagnostics.first { $0.rule == RuleID.fileTooLarge }
        #expect(hit?.location.file == "content/projects/velky.md", "\(Self.describe(outcome.diagnostics))")
        #expect(hit?.severity == .error)
        #expect(hit.map { !$0.message.cs.isEmpty && !$0.message.en.isEmpty } == true)
        let others = outcome.diagnostics.filter { $0.severity == .error && $0.rule != RuleID.fileTooLarge }
        #expect(others.isEmpty, "\(Self.describe(others))")
    }

    /// The expectation syntax itself.
    @Test func expectationParsing() {
        #expect(Self.parseExpectLine("content/projects/x.md:1: file.empty")
                == Expectation(file: "content/projects/x.md", line: 1, rule: "file.empty"))
        #expect(Self.parseExpectLine("content/pages/a.md:-: slug.reserved")
                == Expectation(file: "content/pages/a.md", line: nil, rule: "slug.reserved"))
        #expect(Self.parseExpectLine("nonsense") == nil)
        #expect(Self.lines(of: "a\r\nb\rc\nd").count == 4)
        #expect(Self.markers(in: Substring("  total: 1  # expect: budget.sum").unicodeScalars) == ["budget.sum"])
        #expect(Self.markers(in: Substring("[x](/a/) <!-- expect: link.broken -->").unicodeScalars) == ["link.broken"])
    }
}
