import Foundation
import Testing
@testable import PublicitaKit

/// The JSON the open data and the schemas are written with: strings escaped exactly
/// as JSON asks (and U+2028/U+2029, which older JavaScript cannot take raw), every
/// other character kept as UTF-8, so that a JSON reader gets the text back unchanged.
@Suite("JSON writing")
struct JSONValueTests {
    @Test func stringsAreEscapedByteExactly() {
        let text = "Cíle \"projektu\"\\ 1\n2\r\n\tkonec\u{01}\u{1F} a\u{2028}b\u{2029}c \u{2027} € 👍"
        #expect(JSONValue.string(text).rendered(indent: nil)
            == "\"Cíle \\\"projektu\\\"\\\\ 1\\n2\\r\\n\\tkonec\\u0001\\u001f a\\u2028b\\u2029c \u{2027} € 👍\"")
    }

    @Test(arguments: ["", "prostý text", "řádek 1\nřádek 2", "\"\\", "\u{00}\u{7F}", "\u{2028}", "x\u{E2}", "žluťoučký kůň\r\n- bod"])
    func aJSONReaderGetsTheTextBack(_ text: String) throws {
        let data = Data(JSONValue.array([.string(text)]).rendered(indent: nil).utf8)
        let parsed = try #require(try JSONSerialization.jsonObject(with: data) as? [String])
        #expect(parsed == [text])
    }
}
