import Foundation
import Testing
@testable import PublicitaKit

/// Marking abbreviations takes time in proportion to the page and the glossary
/// (one walk of a trie from each word's start), not to their product: a glossary of
/// thousands of terms over a record of megabytes used to take minutes.
@Suite("Glossary scaling")
struct GlossaryScalingTests {
    /// `count` terms ("AB0001" …) and a page of `paragraphs` paragraphs of ordinary
    /// words, each paragraph using a few of the terms.
    static func workload(terms count: Int, paragraphs: Int) -> (Glossary, String) {
        let abbreviations = (0..<count).map { Abbreviation(abbr: String(format: "AB%04d", $0), meaning: "význam \($0)") }
        var html = ""
        for paragraph in 0..<paragraphs {
            html += "<p>Město podpořilo asistenty prevence kriminality v lokalitě číslo \(paragraph) a "
            html += "AB\(String(format: "%04d", (paragraph * 7) % count)) spolu s koordinátorem, úřadem a školou; "
            html += "výsledky projektu zveřejnilo na portálu i v tisku.</p>\n"
        }
        return (Glossary(abbreviations), html)
    }

    /// The shortest of three runs, in seconds.
    static func time(_ body: () -> Void) -> Double {
        (0..<3).map { _ in
            let start = DispatchTime.now().uptimeNanoseconds
            body()
            return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        }.min()!
    }

    @Test func fourTimesTheTermsAndTheTextTakeAboutFourTimesAsLong() {
        let small = Self.workload(terms: 1_000, paragraphs: 400)
        let large = Self.workload(terms: 4_000, paragraphs: 1_600)
        var marked = 0
        let smallTime = Self.time { marked = small.0.apply(to: small.1).components(separatedBy: "<abbr").count - 1 }
        let largeTime = Self.time { _ = large.0.apply(to: large.1) }
        // Every term used is marked once (the first use); the workload does reach the matcher.
        #expect(marked == Set((0..<400).map { ($0 * 7) % 1_000 }).count)
        // Linear: about 4; trying every term at every word (as before) gives about 16.
        let ratio = largeTime / max(smallTime, 1e-6)
        #expect(ratio < 8, "1 000 terms: \(smallTime) s, 4 000 terms over 4× the text: \(largeTime) s, ratio \(ratio)")
    }

    @Test func theLongestUnexplainedTermWinsAsBefore() {
        let glossary = Glossary([
            Abbreviation(abbr: "ČR", meaning: "Česká republika"),
            Abbreviation(abbr: "SR ČR", meaning: "státní rozpočet České republiky"),
            Abbreviation(abbr: "MP", meaning: "městská policie"),
        ])
        let html = glossary.apply(to: "<p>Ze SR ČR a ČR; MPL, mp, velitel MP, a MP znovu.</p>")
        #expect(html == "<p>Ze <abbr title=\"státní rozpočet České republiky\">SR ČR</abbr> a "
            + "<abbr title=\"Česká republika\">ČR</abbr>; MPL, mp, velitel <abbr title=\"městská policie\">MP</abbr>, a MP znovu.</p>")
    }
}
