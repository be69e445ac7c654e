import Foundation
import Testing
@testable import PublicitaKit

/// The error `RegistrationNumber.parse(text)` throws, or `nil` when it succeeds.
private func parseError(_ text: String) -> RegistrationNumberError? {
    do {
        _ = try RegistrationNumber.parse(text)
        return nil
    } catch {
        return error
    }
}

@Suite("RegistrationNumber")
struct RegistrationNumberTests {
    // MARK: Valid numbers

    @Test("2014–2020 numbers", arguments: [
        "CZ.03.2.60/0.0/0.0/16_052/0007824",
        "CZ.03.2.60/0.0/0.0/15_026/0002789",
        "CZ.06.1.37/0.0/0.0/16_033/0002468",
        "CZ.02.1.01/0.0/0.0/15_003/0000464",
        "CZ.07.4.68/0.0/0.0/17_051/0000123",
        "CZ.03.1.48/0.0/0.0/15_121/0000001",
    ])
    func period2014(text: String) throws {
        let number = try RegistrationNumber.parse(text)
        #expect(number.text == text)
        #expect(number.programmingPeriod == .p2014_2020)
        #expect(number.programmeCode == String(text.dropFirst(3).prefix(2)))
    }

    @Test("2021–2027 numbers", arguments: [
        "CZ.03.02.01/00/22_018/0001013",
        "CZ.06.04.01/00/22_065/0001234",
        "CZ.10.01.01/00/22_001/0000010",
    ])
    func period2021(text: String) throws {
        let number = try RegistrationNumber.parse(text)
        #expect(number.text == text)
        #expect(number.programmingPeriod == .p2021_2027)
    }

    @Test func programmeCodeAndPeriodNames() throws {
        let number = try RegistrationNumber.parse("CZ.03.2.60/0.0/0.0/16_052/0007824")
        #expect(number.programmeCode == "03")
        #expect(try RegistrationNumber.parse("CZ.06.04.01/00/22_065/0001234").programmeCode == "06")
        #expect(ProgrammingPeriod.p2014_2020.rawValue == "2014–2020")
        #expect(ProgrammingPeriod.p2021_2027.rawValue == "2021–2027")
    }

    @Test func surroundingWhitespaceIsIgnored() throws {
        let number = try RegistrationNumber.parse("  CZ.03.02.01/00/22_018/0001013\n")
        #expect(number.text == "CZ.03.02.01/00/22_018/0001013")
    }

    /// The bytes-only check of plain ASCII numbers must agree with the character-by-character
    /// one, which a number with whitespace around it takes: the same number or the same error.
    @Test func plainNumbersAndSpacedOnesGetTheSameVerdict() {
        var random = SplitMix64(seed: 0x5EED_2026)
        let valid = ["CZ.03.2.60/0.0/0.0/16_052/0007824", "CZ.03.02.01/00/22_018/0001013", "CZ.06.4.59/0.0/0.0/16_075/0006161"]
        let alphabet: [Character] = Array("0123456789./_CZcz -\\\u{301}é\t") + ["\r\n", "e\u{301}", "\u{0B}"]
        func verdict(_ text: String) -> Result<String, RegistrationNumberError> {
            Result { () throws(RegistrationNumberError) in try RegistrationNumber.parse(text).text }
        }
        var accepted = 0
        for _ in 0..<3000 {
            var characters = Array(valid[Int(random.next() % UInt64(valid.count))])
            for _ in 0..<Int(random.next() % 3) {
                let position = Int(random.next() % UInt64(characters.count + 1))
                let character = alphabet[Int(random.next() % UInt64(alphabet.count))]
                switch random.next() % 3 {
                case 0: characters.insert(character, at: position)
                case 1 where position < characters.count: characters.remove(at: position)
                default: if position < characters.count { characters[position] = character }
                }
            }
            let text = String(characters)
            let plain = verdict(text)
            if case .success = plain { accepted += 1 }
            // Control characters around it, so that no mark joins them to the text.
            #expect(plain == verdict("\n\(text)\t"), "\(text.debugDescription)")
        }
        #expect(accepted > 500 && accepted < 2500, "the inputs should mix numbers read and refused")
    }

    @Test func codableUsesTheText() throws {
        let number = try RegistrationNumber.parse("CZ.03.02.01/00/22_018/0001013")
        let data = try JSONEncoder().encode([number])
        #expect(String(decoding: data, as: UTF8.self) == #"["CZ.03.02.01\/00\/22_018\/0001013"]"#)
        #expect(try JSONDecoder().decode([RegistrationNumber].self, from: data) == [number])
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([RegistrationNumber].self, from: Data(#"["cz.03"]"#.utf8))
        }
    }

    // MARK: Near misses

    @Test("Near misses carry the corrected form", arguments: [
        ("cz.03.2.60/0.0/0.0/15.026/0002789", "CZ.03.2.60/0.0/0.0/15_026/0002789",
         [RegistrationNumberError.Correction.letterCase, .callSeparator]),
        ("CZ.03.2.60/0.0/0.0/15_026/2789", "CZ.03.2.60/0.0/0.0/15_026/0002789", [.zeroPadding]),
        ("CZ.03.2.1/00/22_018/0001013", "CZ.03.02.01/00/22_018/0001013", [.zeroPadding]),
        ("CZ.3.2.1/0/22_018/1013", "CZ.03.02.01/00/22_018/0001013", [.zeroPadding]),
        ("CZ.03.02.01/00/22\\_018/0001013", "CZ.03.02.01/00/22_018/0001013", [.markdownEscape]),
        ("reg. č. CZ.03.02.01/00/22_018/0001013", "CZ.03.02.01/00/22_018/0001013", [.prefix]),
        ("r. č. CZ.03.02.01/00/22_018/0001013", "CZ.03.02.01/00/22_018/0001013", [.prefix]),
        ("Reg. č.: CZ.03.2.60/0.0/0.0/16_052/0007824", "CZ.03.2.60/0.0/0.0/16_052/0007824", [.prefix]),
        ("„CZ.03.02.01/00/22_018/0001013“", "CZ.03.02.01/00/22_018/0001013", [.prefix, .trailingText]),
        ("CZ.03.02.01/00/22_018/0001013.", "CZ.03.02.01/00/22_018/0001013", [.trailingText]),
        ("CZ.03.02.01/00/22_018/0001013);", "CZ.03.02.01/00/22_018/0001013", [.trailingText]),
        ("CZ.03.2.60 / 0.0 / 0.0 / 16_052 / 0007824", "CZ.03.2.60/0.0/0.0/16_052/0007824", [.spaces]),
        ("CZ.03.2.60/0.0/0.0/16_052/0007\u{00A0}824", "CZ.03.2.60/0.0/0.0/16_052/0007824", [.spaces]),
        ("CZ.03.2.60/0.0/0.0/16 052/0007824", "CZ.03.2.60/0.0/0.0/16_052/0007824", [.spaces, .callSeparator]),
        ("CZ.03.2.60/0.0/0.0/16-052/0007824", "CZ.03.2.60/0.0/0.0/16_052/0007824", [.callSeparator]),
        ("Cz.03.02.01/00/22.018/1013", "CZ.03.02.01/00/22_018/0001013",
         [.letterCase, .callSeparator, .zeroPadding]),
    ] as [(String, String, [RegistrationNumberError.Correction])])
    func nearMiss(text: String, corrected: String, fixes: [RegistrationNumberError.Correction]) throws {
        let error = try #require(parseError(text))
        #expect(error.correctedForm == corrected)
        #expect(error == .nearMiss(found: ValueText.trimmed(text), corrected: corrected, fixes: fixes))
        #expect(error.suggestion?.cs.contains(corrected) == true)
        #expect(error.suggestion?.en.contains(corrected) == true)
        #expect(error.message.cs.contains(corrected))
        // The correction is itself a valid number.
        #expect(try RegistrationNumber.parse(corrected).text == corrected)
    }

    @Test func briefExample() throws {
        let error = try #require(parseError("cz.03.2.60/0.0/0.0/15.026/0002789"))
        #expect(error.correctedForm == "CZ.03.2.60/0.0/0.0/15_026/0002789")
        #expect(error.message.cs.contains("malá písmena"))
        #expect(error.message.cs.contains("podtržítko"))
        #expect(error.message.en.contains("lower-case"))
    }

    // MARK: Invalid numbers

    @Test func empty() {
        #expect(parseError("") == .empty)
        #expect(parseError(" \t ") == .empty)
        #expect(RegistrationNumberError.empty.correctedForm == nil)
    }

    @Test func notCzech() {
        #expect(parseError("SK.03.2.60/0.0/0.0/16_052/0007824")
            == .invalid(found: "SK.03.2.60/0.0/0.0/16_052/0007824", problem: .notCzech))
        #expect(parseError("0007824") == .invalid(found: "0007824", problem: .notCzech))
        #expect(parseError("projekt") == .invalid(found: "projekt", problem: .notCzech))
    }

    @Test func wrongSegmentCount() throws {
        #expect(parseError("CZ.03.2.60/0.0/16_052/0007824/1/2")
            == .invalid(found: "CZ.03.2.60/0.0/16_052/0007824/1/2", problem: .wrongSegmentCount(6)))
        #expect(parseError("CZ.03") == .invalid(found: "CZ.03", problem: .wrongSegmentCount(1)))
        let error = try #require(parseError("CZ.03"))
        #expect(error.message.cs.contains("1 část"))
        #expect(error.suggestion?.cs.contains("CZ.03.02.01/00/22_018/0001013") == true)
    }

    @Test func badSegments() throws {
        #expect(parseError("CZ.03.2.60/0.0/0.0/16_052/00078245")
            == .invalid(found: "CZ.03.2.60/0.0/0.0/16_052/00078245",
                        problem: .badSegment(position: 5, found: "00078245", period: .p2014_2020)))
        #expect(parseError("CZ.03.2.60/0.0/0.0/1_052/0007824")
            == .invalid(found: "CZ.03.2.60/0.0/0.0/1_052/0007824",
                        problem: .badSegment(position: 4, found: "1_052", period: .p2014_2020)))
        #expect(parseError("CZ.03.2.6000/0.0/0.0/16_052/0007824")
            == .invalid(found: "CZ.03.2.6000/0.0/0.0/16_052/0007824",
                        problem: .badSegment(position: 1, found: "CZ.03.2.6000", period: .p2014_2020)))
        // A three-digit field in a four-part (2021–2027) number cannot be padded to two.
        #expect(parseError("CZ.03.2.600/00/22_018/0001013")
            == .invalid(found: "CZ.03.2.600/00/22_018/0001013",
                        problem: .badSegment(position: 1, found: "CZ.03.2.600", period: .p2021_2027)))
        #expect(parseError("CZ.03.02.01/000/22_018/0001013")
            == .invalid(found: "CZ.03.02.01/000/22_018/0001013",
                        problem: .badSegment(position: 2, found: "000", period: .p2021_2027)))
        #expect(parseError("CZ.03.2.60/0.0/0.0//0007824")
            == .invalid(found: "CZ.03.2.60/0.0/0.0//0007824",
                        problem: .badSegment(position: 4, found: "", period: .p2014_2020)))
        let error = try #require(parseError("CZ.03.2.60/0.0/0.0/1_052/0007824"))
        #expect(error.message.cs.contains("4. část „1_052“"))
        #expect(error.message.cs.contains("16_052"))
        #expect(error.message.en.contains("16_052"))
        #expect(error.correctedForm == nil)
    }

    @Test("No correction unless the corrected form is valid", arguments: [
        "cz.03.2.60/0.0/0.0/15.0266/0002789",  // five digits after the dot
        "CZ.03.2.60/0.0/0.0/16_052/00078245",  // eight-digit serial
        "123 CZ.03.02.01/00/22_018/0001013",   // digits before: not a label
        "cz",
        "CZ.03.02.01/00/22_018/",
    ])
    func noCorrection(text: String) throws {
        let error = try #require(parseError(text))
        #expect(error.correctedForm == nil)
        if case .nearMiss = error { Issue.record("unexpected near miss for \(text)") }
    }

    @Test func everyMessageIsBilingual() {
        let errors: [RegistrationNumberError] = [
            .empty,
            .nearMiss(found: "x", corrected: "CZ.03.02.01/00/22_018/0001013", fixes: [.prefix, .trailingText, .markdownEscape, .spaces, .letterCase, .callSeparator, .zeroPadding]),
            .invalid(found: "x", problem: .notCzech),
            .invalid(found: "x", problem: .wrongSegmentCount(3)),
            .invalid(found: "x", problem: .badSegment(position: 1, found: "x", period: .p2014_2020)),
            .invalid(found: "x", problem: .badSegment(position: 1, found: "x", period: .p2021_2027)),
        ]
        for error in errors {
            #expect(!error.message.cs.isEmpty && !error.message.en.isEmpty && error.message.cs != error.message.en)
            #expect(error.suggestion != nil)
        }
        #expect(Set(errors.map(\.message)).count == errors.count)
    }
}
