import Foundation
import Testing
@testable import PublicitaKit

// Shared helpers for the pipeline, end-to-end and CLI tests: where the
// repository and the fixtures are, temporary folders, tiny portals written to
// disk, and running the real pipeline (`Builder.run`) over them.

/// Places the tests read from.
enum TestPaths {
    /// The repository root: this file is `Tests/PublicitaKitTests/Support/TestPortal.swift`.
    static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Support
        .deletingLastPathComponent()  // PublicitaKitTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // repository root
        .standardizedFileURL

    /// The test fixtures, copied into the test bundle as a resource.
    static var fixtures: URL {
        get throws {
            try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil), "the Fixtures resource is missing")
        }
    }

    /// `Fixtures/as-published`: the records with the figures as the cities published them.
    static var asPublished: URL {
        get throws { try fixtures.appendingPathComponent("as-published", isDirectory: true) }
    }
}

/// The day every test builds "as of", so that which projects have ended never depends on the clock.
let testToday = Day(year: 2026, month: 11, day: 22)!

// MARK: Temporary folders

/// Runs `body` with a fresh, empty temporary folder, and removes the folder afterwards.
func withTemporaryDirectory<T>(_ body: (URL) throws -> T) throws -> T {
    let url = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: url) }
    return try body(url)
}

/// Creates a fresh, empty temporary folder (the caller removes it).
func makeTemporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory
        .appendingPathComponent("publicita-tests-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    // Resolve /tmp → /private/tmp style links so paths compare equal to what the code reports.
    return url.resolvingSymlinksInPath().standardizedFileURL
}

// MARK: A portal on disk

/// A small portal written into its own temporary folder:
///
/// ```
/// <workspace>/portal/   ← root (portal.yaml, content/…)
/// <workspace>/site/     ← output of `build()`
/// ```
///
/// The workspace is removed when the value is released, so read everything
/// through its methods (`build()`, `page(_:)`, …) while it is alive.
final class TestPortal: @unchecked Sendable {
    /// The temporary folder holding the portal and its output.
    let workspace: URL
    /// The portal folder (holds `portal.yaml`).
    let root: URL
    /// Where `build()` writes the site.
    var output: URL { workspace.appendingPathComponent("site", isDirectory: true) }

    /// Writes `files` (path relative to the portal → UTF-8 text) and `binaryFiles` (→ raw bytes).
    init(files: [String: String], binaryFiles: [String: Data] = [:]) throws {
        workspace = try makeTemporaryDirectory()
        root = workspace.appendingPathComponent("portal", isDirectory: true)
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        for (path, text) in files { try write(Data(text.utf8), to: path) }
        for (path, data) in binaryFiles { try write(data, to: path) }
    }

    deinit { try? FileManager.default.removeItem(at: workspace) }

    /// Writes (or overwrites) one file of the portal.
    func write(_ data: Data, to path: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        // Atomically, as editors save: a watcher never sees the file half written.
        try data.write(to: url, options: .atomic)
    }

    /// Runs every rule without writing (`output: nil`).
    func check() -> Builder.Outcome {
        runBuilder(portal: root, output: nil)
    }

    /// Builds the site into `output`.
    func build() -> Builder.Outcome {
        runBuilder(portal: root, output: output)
    }

    /// A generated file's text (`projekty/x/index.html`).
    func page(_ path: String) throws -> String {
        try readOutputFile(output, path)
    }

    /// The text of a file of the portal itself (to find the line of a field).
    func source(_ path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }

    // MARK: Ready-made content

    /// A `portal.yaml` with every required field.
    static let minimalPortalYAML = """
        title: Testovací portál
        description: Portál pro testy publicity.
        base_url: https://test.example.cz/
        language: cs
        publisher:
          name: Testovací město
          url: https://www.test.example.cz/
          ico: "12345679"
        accessibility:
          contact_email: pristupnost@test.example.cz
          statement_date: 2026-11-01
          status: partial

        """

    /// A project record that passes every rule (no errors, no warnings).
    static let minimalProject = """
        ---
        title: Testovací projekt
        registration_number: CZ.03.2.60/0.0/0.0/16_052/0007824
        programme: Operační program Zaměstnanost
        beneficiary: Testovací město
        city: Testov
        summary: Projekt pro testy.
        period:
          start: 2018-03-01
          end: 2021-02-28
          duration_months: 36
        budget:
          currency: CZK
          total: 1 000 000,00 Kč
          sources:
            - name: Evropský sociální fond
              kind: eu
              amount: 850 000,00 Kč
              share: 85 %
            - name: Státní rozpočet
              kind: national
              amount: 100 000,00 Kč
              share: 10 %
            - name: Rozpočet města
              kind: own
              amount: 50 000,00 Kč
              share: 5 %
        goals:
          - Snížit riziko kriminality.
        results: Projekt splnil své cíle.
        contacts:
          - name: Jana Nováková
            role: koordinátorka projektu
            phone: +420 485 243 577
            email: jana.novakova@test.example.cz
        ---
        Text projektu.

        ## Cíle projektu

        Snížit riziko kriminality.

        """
}

// MARK: Running the pipeline

/// Runs the real pipeline over the portal in `portal`; `output` nil only checks.
func runBuilder(portal: URL, output: URL?, today: Day = testToday) -> Builder.Outcome {
    Builder.run(.init(portalRoot: portal, output: output, today: today))
}

/// The text of `path` (relative) inside the output folder `output`.
func readOutputFile(_ output: URL, _ path: String) throws -> String {
    try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
}

// MARK: Text helpers

/// `text` with `old` replaced by `new`; fails the test when `old` is not in `text`,
/// so that a variant can never silently equal the original.
func edited(_ text: String, replacing old: String, with new: String,
            sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> String {
    try #require(text.contains(old), "the text to replace is missing: \(old)", sourceLocation: sourceLocation)
    return text.replacingOccurrences(of: old, with: new)
}

/// The 1-based number of the first line of `text` that starts with `prefix`
/// after leading spaces (`total:` finds `  total: 6 516 052,50 Kč`).
func lineNumber(ofLineStartingWith prefix: String, in text: String) -> Int? {
    let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
    for (index, line) in lines.enumerated() where line.drop(while: { $0 == " " || $0 == "\u{FEFF}" }).hasPrefix(prefix) {
        return index + 1
    }
    return nil
}

extension Builder.Outcome {
    /// The diagnostics of one rule.
    func diagnostics(_ rule: RuleID) -> [Diagnostic] {
        diagnostics.filter { $0.rule == rule }
    }

    /// The errors only.
    var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }

    /// Every diagnostic on one line each, for failure messages.
    var summary: String {
        diagnostics.map { "\($0.location.description): \($0.severity.rawValue)[\($0.rule)] \($0.message.en)" }
            .joined(separator: "\n")
    }
}

/// Every regular file under `folder`, as sorted relative paths (hidden files included).
func relativeFiles(in folder: URL) -> [String] {
    let base = folder.resolvingSymlinksInPath().standardizedFileURL.path
    guard let enumerator = FileManager.default.enumerator(atPath: base) else { return [] }
    var files: [String] = []
    while let path = enumerator.nextObject() as? String {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: base + "/" + path, isDirectory: &isDirectory), !isDirectory.boolValue {
            files.append(path)
        }
    }
    return files.sorted()
}

/// Every file's bytes under `folder`, by relative path.
func snapshot(of folder: URL) throws -> [String: Data] {
    var result: [String: Data] = [:]
    for path in relativeFiles(in: folder) {
        result[path] = try Data(contentsOf: folder.appendingPathComponent(path))
    }
    return result
}

/// The captures of group 1 of `pattern` in `text`.
func captures(of pattern: String, in text: String) -> [String] {
    guard let regex = try? NSRegularExpression(pattern: pattern) else { return [] }
    let range = NSRange(text.startIndex..., in: text)
    return regex.matches(in: text, range: range).compactMap { match in
        Range(match.range(at: 1), in: text).map { String(text[$0]) }
    }
}

// MARK: Generated portals

/// Writes a generated portal of `projects` projects into `folder` with the
/// repository's corpus generator, `scripts/gen-corpus` (every record valid; the
/// same `seed` gives the same bytes, nil its default seed); `bilingual` makes it
/// Czech and English with some records translated (`--bilingual`).
func generateCorpus(projects: Int, into folder: URL, seed: Int? = nil, bilingual: Bool = false) throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.currentDirectoryURL = TestPaths.repositoryRoot
    process.arguments = ["python3", "scripts/gen-corpus", "\(projects)", folder.path, "--force"]
        + (seed.map { ["--seed", "\($0)"] } ?? []) + (bilingual ? ["--bilingual"] : [])
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    try #require(process.terminationStatus == 0, "scripts/gen-corpus failed")
}
