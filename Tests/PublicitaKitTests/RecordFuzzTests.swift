import Foundation
import Testing
@testable import PublicitaKit

/// Feeds generated content files through the front-matter splitter and the
/// whole record parser (splitter → YAML → fields → values). Nothing may crash,
/// and every diagnostic must carry a location in the file and a message.
@Suite("Record fuzzing")
struct RecordFuzzTests {
    private static let validRecord = """
        ---
        title: Asistenti prevence kriminality Liberec
        registration_number: CZ.03.2.60/0.0/0.0/16_052/0007824
        programme: Operační program Zaměstnanost
        beneficiary: Statutární město Liberec
        city: Liberec
        period:
          start: 1. 3. 2018
          end: 2021-02-28
          duration_months: 36
        budget:
          currency: CZK
          total: 6 516 062,50 Kč
          sources:
            - name: Evropský sociální fond
              kind: eu
              amount: 5 538 653,12 Kč
              share: 85 %
            - {name: Státní rozpočet, kind: national, amount: 651606.25, share: "10 %"}
        areas: [Centrum, Vesec-Doubí]
        contacts:
          - name: Ing. Michaela Maturová
            phone: +420 485 243 577
            email: maturova.michaela@magistrat.liberec.cz
        tables:
          - id: t
            caption: Tabulka
            columns: [a, b]
            rows:
              - ["1", "2"]
        ---
        ## Cíle projektu
        Text s [odkazem](/projekty/x/#kotva) a ```table t```.

        ```table t
        ```
        """

    /// YAML's structural characters, line breaks and the value characters.
    private static let alphabet: [Character] = FuzzInputs.alphabet + [
        "-", "-", "-", ":", ":", " ", " ", "\n", "\n", "\r\n", "\u{FEFF}", "#", "&", "*", "!", "|", ">", "[", "]",
        "{", "}", "\"", "'", "\t", "?", "%", "@", "`", "\0",
    ]

    @Test func frontMatterSplitterNeverCrashesAndKeepsLineNumbersConsistent() {
        var inputs = FuzzInputs(seed: 0xF00D, seeds: [Self.validRecord, "---\n---\n", "---\r\na: 1\r\n---\r\nbody"],
                                alphabet: Self.alphabet, maximumLength: 80)
        var failures: [String] = []
        for _ in 0..<100_000 {
            let text = inputs.next()
            guard let parts = try? FrontMatter.split(text) else { continue }
            // The body starts after the YAML's lines (each ends in "\n") and the closing delimiter.
            let yamlLines = parts.yaml.filter { $0 == "\n" }.count
            if parts.bodyFirstLine != parts.yamlFirstLine + yamlLines + 1 {
                failures.append(text.debugDescription)
            }
        }
        #expect(failures.count == 0, "inconsistent line numbers, e.g. \(failures.prefix(3))")
    }

    @Test func recordParserNeverCrashesAndLocatesEveryDiagnostic() {
        var inputs = FuzzInputs(seed: 0xBEEF, seeds: [Self.validRecord], alphabet: Self.alphabet, maximumLength: 120)
        var parsed = 0, failures: [String] = []
        let lineCountLimit = Self.validRecord.count + 200
        for _ in 0..<20_000 {
            let text = inputs.next()
            let (record, diagnostics) = ContentLoader.parseRecord(text, kind: .projects, relativePath: "content/projects/x.md")
            if record != nil { parsed += 1 }
            for d in diagnostics {
                if d.location.file != "content/projects/x.md" || (d.location.line ?? 1) < 1 || (d.location.line ?? 1) > lineCountLimit
                    || d.message.cs.isEmpty || d.message.en.isEmpty {
                    failures.append("\(d.rule) at \(d.location) for \(text.debugDescription.prefix(200))")
                }
            }
        }
        #expect(failures.count == 0, "bad diagnostics, e.g. \(failures.prefix(3))")
        #expect(parsed > 1_000, "too few inputs parsed as a record (\(parsed)) for the check to mean anything")
    }

    @Test func validRecordParsesWithoutDiagnostics() {
        let (record, diagnostics) = ContentLoader.parseRecord(Self.validRecord, kind: .projects, relativePath: "content/projects/x.md")
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        guard case .project(let project) = record else {
            Issue.record("not a project")
            return
        }
        #expect(project.budget?.sumOfSources == Money(halere: 619_025_937))
    }
}
