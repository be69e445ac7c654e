import Testing
@testable import PublicitaKit

/// Valid examples of every value kind; mutations of them are the near misses
/// most likely to reach deep into each parser.
private let validExamples = [
    "6 516 052,50 Kč", "6\u{00A0}516\u{00A0}052,50\u{00A0}Kč", "651 606,25", "6516052.50", "0.75", "1 000,- Kč",
    "\u{2212}1 000,00 Kč", "€5", "5538653", "4,485,600.00", "1.234",
    "85 %", "76,74 %", "76.74%", "0,0001 %",
    "CZ.03.2.60/0.0/0.0/16_052/0007824", "CZ.03.02.01/00/22_018/0001013",
    "cz.03.2.60/0.0/0.0/15.026/0002789", "reg. č. CZ.03.02.01/00/22\\_018/1013.",
    "2018-03-01", "1. 3. 2018", "01.03.2018", "29. 2. 2020",
]

/// How many generated inputs each parser receives.
private let inputCount = 100_000

/// Failures, collected without `#expect` in the hot loop (which would be slow)
/// and reported at the end, the first few verbatim.
private struct Failures {
    var list: [String] = []
    mutating func add(_ description: String) { list.append(description) }
    func report(sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(list.isEmpty, "\(list.count) failures, first: \(list.prefix(5))", sourceLocation: sourceLocation)
    }
}

/// Touches an error's texts so that building every message is exercised too.
private func checkTexts(_ message: LocalizedText, _ suggestion: LocalizedText?, input: String, _ failures: inout Failures) {
    if message.cs.isEmpty || message.en.isEmpty { failures.add("empty message for \(input.debugDescription)") }
    if let suggestion, suggestion.cs.isEmpty || suggestion.en.isEmpty {
        failures.add("empty suggestion for \(input.debugDescription)")
    }
}

@Suite("Value parser fuzzing")
struct ValueParserFuzzTests {
    @Test func moneyParseNeverCrashesAndRoundTrips() {
        var inputs = FuzzInputs(seed: 0x4D6F_6E65_79, seeds: validExamples)
        var failures = Failures()
        var successes = 0
        for _ in 0..<inputCount {
            let input = inputs.next()
            do {
                let parsed = try Money.parse(input)
                successes += 1
                let amount = parsed.amount
                for text in [amount.formatted(), amount.formattedNumber, amount.plainDecimal] {
                    guard let again = try? Money.parse(text), again.amount == amount else {
                        failures.add("\(input.debugDescription) → \(amount.halere) does not round-trip via \(text.debugDescription)")
                        continue
                    }
                }
                if let currency = parsed.currency, currency != "CZK" && currency != "EUR" {
                    failures.add("\(input.debugDescription) → unexpected currency \(currency)")
                }
            } catch {
                checkTexts(error.message, error.suggestion, input: input, &failures)
            }
        }
        failures.report()
        // The generator must actually reach the success path, or the round-trip check is vacuous.
        #expect(successes > 1_000)
    }

    @Test func shareParseNeverCrashesAndRoundTrips() {
        var inputs = FuzzInputs(seed: 0x5368_6172_65, seeds: validExamples)
        var failures = Failures()
        var successes = 0
        for _ in 0..<inputCount {
            let input = inputs.next()
            do {
                let share = try Share.parse(input)
                successes += 1
                if share.scaled < 0 || !Share.supportedDecimals.contains(share.decimals) {
                    failures.add("\(input.debugDescription) → out of range \(share)")
                }
                if (try? Share.parse(share.formatted)) != share {
                    failures.add("\(input.debugDescription) → \(share.formatted.debugDescription) does not round-trip")
                }
            } catch {
                checkTexts(error.message, error.suggestion, input: input, &failures)
            }
        }
        failures.report()
        #expect(successes > 1_000)
    }

    @Test func registrationNumberParseNeverCrashesAndCorrectionsParse() {
        var inputs = FuzzInputs(seed: 0x5265_6743_5A, seeds: validExamples)
        var failures = Failures()
        var successes = 0
        var corrections = 0
        for _ in 0..<inputCount {
            let input = inputs.next()
            do {
                let number = try RegistrationNumber.parse(input)
                successes += 1
                if (try? RegistrationNumber.parse(number.text)) != number {
                    failures.add("\(input.debugDescription) → \(number.text) does not parse to itself")
                }
                if number.programmeCode.count != 2 || !number.programmeCode.allSatisfy(\.isASCII) {
                    failures.add("\(input.debugDescription) → bad programme code \(number.programmeCode)")
                }
            } catch {
                checkTexts(error.message, error.suggestion, input: input, &failures)
                if let corrected = error.correctedForm {
                    corrections += 1
                    if (try? RegistrationNumber.parse(corrected))?.text != corrected {
                        failures.add("\(input.debugDescription) → correction \(corrected) does not parse")
                    }
                }
            }
        }
        failures.report()
        #expect(successes > 1_000)
        #expect(corrections > 1_000)
    }

    @Test func dayParseNeverCrashesAndRoundTrips() {
        var inputs = FuzzInputs(seed: 0x4461_79, seeds: validExamples)
        var failures = Failures()
        var successes = 0
        for _ in 0..<inputCount {
            let input = inputs.next()
            do {
                let day = try Day.parse(input)
                successes += 1
                if !Day.supportedYears.contains(day.year) {
                    failures.add("\(input.debugDescription) → year out of range \(day.year)")
                }
                if (try? Day.parse(day.iso)) != day || (try? Day.parse(day.formatted)) != day {
                    failures.add("\(input.debugDescription) → \(day.iso) does not round-trip")
                }
                if day.adding(days: 1).adding(days: -1) != day {
                    failures.add("\(input.debugDescription) → adding(days:) is not reversible")
                }
            } catch {
                checkTexts(error.message, error.suggestion, input: input, &failures)
            }
        }
        failures.report()
        #expect(successes > 1_000)
    }

    @Test func generatorIsDeterministic() {
        var first = FuzzInputs(seed: 42, seeds: validExamples)
        var second = FuzzInputs(seed: 42, seeds: validExamples)
        for _ in 0..<1_000 {
            #expect(first.next() == second.next())
        }
    }
}
