import Testing
@testable import PublicitaKit

/// Blanking a body's taken lines on its bytes gives what the split by `Character`
/// it replaced gave, line ends of every kind included.
@Suite("Topic sections")
struct TopicSectionsTests {
    /// The blanking as it was: lines split by `Character`, emptied, joined again.
    static func referenceBlanking(_ blanked: [Range<Int>], of body: String) -> String {
        var lines = body.split(separator: "\n", omittingEmptySubsequences: false)
        for range in blanked {
            for number in range.lowerBound..<min(range.upperBound, lines.count + 1) { lines[number - 1] = "" }
        }
        return lines.joined(separator: "\n")
    }

    @Test func blankingGivesWhatTheSplitByCharacterGave() {
        let pieces = ["\n", "\n", "\r\n", "\r", "## Financování", "text", "č", " ", "", "\u{301}", "\n\u{301}", "👍🏽"]
        var rng = SplitMix64(seed: 18)
        for _ in 0..<2000 {
            let body = (0..<Int(rng.next() % 30)).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }.joined()
            let lineCount = body.split(separator: "\n", omittingEmptySubsequences: false).count
            let blanked: [Range<Int>] = (0..<Int(rng.next() % 3)).map { _ in
                let start = 1 + Int(rng.next() % UInt64(lineCount))
                let end = rng.next() % 4 == 0 ? Int.max : start + Int(rng.next() % 4)
                return start..<end
            }
            #expect(Array(TopicSections.blanking(blanked, of: body).utf8) == Array(Self.referenceBlanking(blanked, of: body).utf8), "\(body.debugDescription) \(blanked)")
        }
    }

    @Test func aCRLFDoesNotEndALineOfItsOwn() {
        #expect(TopicSections.blanking([2..<3], of: "a\nb\r\nc\nd") == "a\n\nd")
    }
}

/// The heading normalization's byte path gives what the one on `Character`s gives.
@Suite("Topic heading normalization")
struct TopicHeadingNormalizationTests {
    static func referenceNormalized(_ text: String) -> String {
        var words = text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
        while words.hasSuffix(":") { words.removeLast() }
        return words.trimmingCharacters(in: .whitespaces)
    }

    @Test func givesWhatTheNormalizationOnCharactersGives() {
        let pieces = ["Financování", "CÍLE", "projektu", "Výsledky", "ŽLUŤOUČKÝ", "İstanbul", "a", "Q", ":", "::", " ", "  ", "\t",
                      "\r\n", "\n", "\u{0B}", "\u{0C}", "\r", "\u{00A0}", "\u{2003}", "e\u{301}", "\u{301}", "×", "ß", "Ÿ", "ŉ", "\u{1C}", "–"]
        var rng = SplitMix64(seed: 19)
        for _ in 0..<3000 {
            let text = (0..<Int(rng.next() % 8)).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }.joined()
            #expect(Array(TopicSections.normalized(text).utf8) == Array(Self.referenceNormalized(text).utf8), "\(text.debugDescription)")
        }
    }

    @Test func joinsWordsAndDropsTheFinalColon() {
        #expect(TopicSections.normalized("  Financování \t projektu : ") == "financování projektu")
        #expect(TopicSections.normalized("Cíle:") == "cíle")
    }
}
