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

