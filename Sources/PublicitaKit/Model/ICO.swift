/// An IČO (identifikační číslo osoby), the Czech identification number of an
/// organisation: eight digits, the last a check digit over the first seven.
///
/// The public body's identifier in the register of rights and duties (RPP), which
/// the national open-data catalogue names publishers by, is made from it.
public enum ICO {
    /// Why a text is no IČO.
    public enum Problem: Error, Sendable, Hashable {
        /// Not eight digits.
        case shape
        /// Eight digits whose last is not the check digit; `expected` is the digit it should be.
        case checksum(expected: Int)
    }

    /// The IČO in `text` (spaces are ignored; a shorter number gets its leading zeros,
    /// as registers sometimes print `262978` for `00262978`).
    public static func parse(_ text: String) -> Result<String, Problem> {
        let digits = text.filter { $0 != " " && $0 != "\u{00A0}" }
        guard (1...8).contains(digits.count), digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return .failure(.shape) }
        let padded = String(repeating: "0", count: 8 - digits.count) + digits
        let values = padded.compactMap(\.wholeNumberValue)
        let expected = checkDigit(Array(values.prefix(7)))
        return values[7] == expected ? .success(padded) : .failure(.checksum(expected: expected))
    }

    /// The check digit of the first seven digits: weights 8 down to 2, the weighted sum
    /// taken modulo 11, then (11 − remainder) modulo 10 (remainder 0 gives 1, 1 gives 0).
    static func checkDigit(_ first7: [Int]) -> Int {
        let sum = zip(first7, (2...8).reversed()).reduce(0) { $0 + $1.0 * $1.1 }
        return (11 - sum % 11) % 10
    }

    /// The public body's identifier in the RPP's open data, as DCAT-AP-CZ names a publisher.
    public static func publisherIRI(_ ico: String) -> String {
        "https://rpp-opendata.egon.gov.cz/odrpp/zdroj/orgán-veřejné-moci/\(ico)"
    }
}
