/// The EU programming period a project belongs to; it decides the shape of the
/// registration number.
public enum ProgrammingPeriod: String, Sendable, Hashable, Codable, CaseIterable {
    /// 2014–2020, numbers like `CZ.03.2.60/0.0/0.0/16_052/0007824`.
    case p2014_2020 = "2014–2020"
    /// 2021–2027, numbers like `CZ.03.02.01/00/22_018/0001013`.
    case p2021_2027 = "2021–2027"
}

/// The registration number of a project co-financed from an EU operational
/// programme in Czechia, in its canonical written form.
///
/// Only the two official shapes are accepted, exactly:
/// - 2014–2020: `CZ.03.2.60/0.0/0.0/16_052/0007824`
/// - 2021–2027: `CZ.03.02.01/00/22_018/0001013`
///
/// The number is what readers search for in the EU's and the ministry's
/// registers, so a near miss (`cz.03…`, `15.026`, `/2789`) is reported with
/// the corrected form rather than silently fixed.
public struct RegistrationNumber: Sendable, Hashable {
    /// The canonical form, e.g. `CZ.03.2.60/0.0/0.0/16_052/0007824`.
    public let text: String
    /// The programming period the number's shape belongs to.
    public let programmingPeriod: ProgrammingPeriod

    /// The two digits of the operational programme after `CZ.` (`"03"`).
    public var programmeCode: String {
        String(text.dropFirst(3).prefix(2))
    }

    private init(text: String, programmingPeriod: ProgrammingPeriod) {
        self.text = text
        self.programmingPeriod = programmingPeriod
    }

    /// A number as pages, data files and comparisons give it: its standard form
    /// when it can be read, else as written.
    public static func standardForm(of written: String) -> String {
        (try? parse(written).text) ?? written
    }

    /// Reads a registration number. Whitespace around it is ignored; anything
    /// else that departs from the official shape is an error, which carries a
    /// `correctedForm` when the intended number is clear.
    public static func parse(_ raw: String) throws(RegistrationNumberError) -> RegistrationNumber {
        if let number = asciiStrictParse(raw) { return number }
        let trimmed = ValueText.trimmed(raw)
        guard !trimmed.isEmpty else { throw .empty }
        switch strictParse(trimmed) {
        case .success(let number):
            return number
        case .failure(let problem):
            if let (corrected, fixes) = correction(of: trimmed) {
                throw .nearMiss(found: trimmed, corrected: corrected, fixes: fixes)
            }
            throw .invalid(found: trimmed, problem: problem)
        }
    }

    // MARK: Strict shape

    /// One element of a segment's shape.
    private enum Piece: Sendable {
        case literal(String)
        case digits(ClosedRange<Int>)
    }

    /// The segments (between `/`) of each period's shape.
    private static func shape(of period: ProgrammingPeriod) -> [[Piece]] {
        switch period {
        case .p2014_2020: shape2014
        case .p2021_2027: shape2021
        }
    }

    private static let shape2014: [[Piece]] = [
        [.literal("CZ."), .digits(2...2), .literal("."), .digits(1...2), .literal("."), .digits(1...3)],
        [.digits(1...1), .literal("."), .digits(1...1)],
        [.digits(1...1), .literal("."), .digits(1...1)],
        [.digits(2...2), .literal("_"), .digits(3...3)],
        [.digits(7...7)],
    ]

    private static let shape2021: [[Piece]] = [
        [.literal("CZ."), .digits(2...2), .literal("."), .digits(2...2), .literal("."), .digits(2...2)],
        [.digits(2...2)],
        [.digits(2...2), .literal("_"), .digits(3...3)],
        [.digits(7...7)],
    ]

    /// The period whose shape has `count` segments.
    private static func period(forSegmentCount count: Int) -> ProgrammingPeriod? {
        switch count {
        case 5: return .p2014_2020
        case 4: return .p2021_2027
        default: return nil
        }
    }

    /// The verdict of the strict check.
    private enum StrictOutcome {
        case success(RegistrationNumber)
        case failure(RegistrationNumberError.Problem)
    }

    /// Checks `text` against the official shapes, exactly.
    private static func strictParse(_ text: String) -> StrictOutcome {
        guard text.hasPrefix("CZ.") else { return .failure(.notCzech) }
        let segments = text.split(separator: "/", omittingEmptySubsequences: false)
        guard let period = period(forSegmentCount: segments.count) else {
            return .failure(.wrongSegmentCount(segments.count))
        }
        for (index, (segment, pieces)) in zip(segments, shape(of: period)).enumerated()
        where !matches(segment, pieces) {
            return .failure(.badSegment(position: index + 1, found: String(segment), period: period))
        }
        return .success(RegistrationNumber(text: text, programmingPeriod: period))
    }

    /// The number `raw` is when it is ASCII, has no space around it and passes the
    /// strict check: the usual case, checked on bytes (in ASCII, bytes are characters).
    /// Nil otherwise, and the full check decides.
    private static func asciiStrictParse(_ raw: String) -> RegistrationNumber? {
        let period = raw.utf8.withContiguousStorageIfAvailable(asciiStrictPeriod) ?? nil
        return period.map { RegistrationNumber(text: raw, programmingPeriod: $0) }
    }

    /// The period whose shape `bytes` have exactly, all ASCII and without space around them.
    private static func asciiStrictPeriod(_ bytes: UnsafeBufferPointer<UInt8>) -> ProgrammingPeriod? {
        // ASCII whitespace is 0x09–0x0D and the space.
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }
        let slash = UInt8(ascii: "/")
        guard let first = bytes.first, let last = bytes.last, !isSpace(first), !isSpace(last) else { return nil }
        var slashes = 0
        for byte in bytes {
            guard byte < 0x80 else { return nil }
            if byte == slash { slashes += 1 }
        }
        guard let period = period(forSegmentCount: slashes + 1) else { return nil }
        // The segments between slashes, each matched where it lies (no split, no copy).
        var start = 0
        for pieces in shape(of: period) {
            var end = start
            while end < bytes.count, bytes[end] != slash { end += 1 }
            guard matches(bytes[start..<end], pieces) else { return nil }
            start = end + 1
        }
        return period
    }

    /// Whether `segment` is exactly the sequence `pieces`. Digit runs are greedy,
    /// which is right because every literal that follows them is a non-digit.
    /// On UTF-8 bytes: every piece is ASCII, so a character carrying a combining mark
    /// fails here as it fails character by character (its mark's bytes match no piece).
    private static func matches(_ segment: Substring, _ pieces: [Piece]) -> Bool {
        matches(segment.utf8, pieces)
    }

    private static func matches<Bytes: Collection<UInt8>>(_ bytes: Bytes, _ pieces: [Piece]) -> Bool {
        var index = bytes.startIndex
        for piece in pieces {
            switch piece {
            case .literal(let literal):
                for expected in literal.utf8 {
                    guard index < bytes.endIndex, bytes[index] == expected else { return false }
                    bytes.formIndex(after: &index)
                }
            case .digits(let range):
                var count = 0
                while index < bytes.endIndex, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") {
                    count += 1
                    bytes.formIndex(after: &index)
                }
                guard range.contains(count) else { return false }
            }
        }
        return index == bytes.endIndex
    }

    // MARK: Near misses

    /// The corrected form of a near miss and what was corrected, or `nil` when
    /// the intended number is not clear. A correction is offered only when it
    /// passes the strict check itself.
    private static func correction(of text: String) -> (String, [RegistrationNumberError.Correction])? {
        var fixes: [RegistrationNumberError.Correction] = []
        var chars = Array(text)

        // A label before the number (`reg. č.`, `r. č.:`, a quote): everything
        // before the first `cz`, as long as it holds no digits.
        guard let czIndex = chars.indices.first(where: { index in
            index + 1 < chars.count && chars[index].lowercased() == "c" && chars[index + 1].lowercased() == "z"
        }) else { return nil }
        if czIndex > 0 {
            guard !chars[..<czIndex].contains(where: ValueText.isDigit) else { return nil }
            chars.removeFirst(czIndex)
            fixes.append(.prefix)
        }
        // Punctuation or words after the last digit (`…/0007824.`, `…)`).
        guard let lastDigit = chars.lastIndex(where: ValueText.isDigit) else { return nil }
        if lastDigit < chars.count - 1 {
            chars.removeLast(chars.count - 1 - lastDigit)
            fixes.append(.trailingText)
        }
        // `22\_018`: an underscore escaped for Markdown and copied with its backslash.
        if chars.contains("\\") {
            var unescaped: [Character] = []
            for (index, character) in chars.enumerated() {
                if character == "\\", index + 1 < chars.count, chars[index + 1] == "_" { continue }
                unescaped.append(character)
            }
            if unescaped.count != chars.count {
                chars = unescaped
                fixes.append(.markdownEscape)
            }
        }
        // Spaces of any kind inside the number.
        if chars.contains(where: \.isWhitespace) {
            chars.removeAll(where: \.isWhitespace)
            fixes.append(.spaces)
        }
        // `cz.` → `CZ.`
        if chars.count >= 2, String(chars[0...1]) != "CZ" {
            chars.replaceSubrange(0...1, with: "CZ")
            fixes.append(.letterCase)
        }

        var segments = chars.split(separator: "/", omittingEmptySubsequences: false).map { String($0) }
        guard let period = period(forSegmentCount: segments.count) else { return nil }

        // The call segment `16_052` written `16.052`, `16-052` or `16052`.
        let callIndex = segments.count - 2
        let call = Array(segments[callIndex])
        let callDigits = call.filter(ValueText.isDigit)
        let callOthers = call.filter { !ValueText.isDigit($0) }
        if callOthers != ["_"], callDigits.count == 5, callOthers.count <= 1,
           callOthers.allSatisfy({ [".", "-", "\u{2013}", ","].contains($0) }),
           callOthers.isEmpty || call[2] == callOthers[0] {
            segments[callIndex] = String(callDigits.prefix(2)) + "_" + String(callDigits.suffix(3))
            fixes.append(.callSeparator)
        }

        // Missing zero padding: the 7-digit serial number, and in 2021–2027
        // the two-digit programme, priority, objective and second segment.
        var padded = false
        func pad(_ field: String, to width: Int) -> String {
            guard !field.isEmpty, field.count < width, field.allSatisfy(ValueText.isDigit) else { return field }
            padded = true
            return String(repeating: "0", count: width - field.count) + field
        }
        let lastIndex = segments.count - 1
        segments[lastIndex] = pad(segments[lastIndex], to: 7)
        var head = segments[0].split(separator: ".", omittingEmptySubsequences: false).map { String($0) }
        if head.count == 4 {
            head[1] = pad(head[1], to: 2)
            if period == .p2021_2027 {
                head[2] = pad(head[2], to: 2)
                head[3] = pad(head[3], to: 2)
            }
            segments[0] = head.joined(separator: ".")
        }
        if period == .p2021_2027 {
            segments[1] = pad(segments[1], to: 2)
        }
        if padded { fixes.append(.zeroPadding) }

        let corrected = segments.joined(separator: "/")
        guard corrected != text, case .success = strictParse(corrected) else { return nil }
        return (corrected, fixes)
    }
}

// MARK: - Codable

/// A registration number is stored as its text and checked again when read.
extension RegistrationNumber: Codable {
    /// Decodes a number from its text; a non-canonical text is an error.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            self = try RegistrationNumber.parse(text)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.message.en)
        }
    }

    /// Encodes the canonical text.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }
}

// MARK: - Errors

/// Why a registration number was refused.
public enum RegistrationNumberError: Error, Sendable, Hashable {
    /// Nothing was written.
    case empty
    /// Almost a valid number: `corrected` is what was most likely meant and
    /// `fixes` says what differs.
    case nearMiss(found: String, corrected: String, fixes: [Correction])
    /// Not a registration number of either shape.
    case invalid(found: String, problem: Problem)

    /// What a near miss got wrong.
    public enum Correction: Sendable, Hashable {
        /// Text before the number, e.g. `reg. č.`.
        case prefix
        /// Punctuation or text after the number.
        case trailingText
        /// `\_` copied from Markdown source.
        case markdownEscape
        /// Spaces inside the number.
        case spaces
        /// `cz` in lower case.
        case letterCase
        /// The call segment written with another separator than `_` (`15.026`).
        case callSeparator
        /// A field missing its leading zeros (`/2789`, `CZ.03.2.1`).
        case zeroPadding

        /// The correction described for a message.
        var description: LocalizedText {
            switch self {
            case .prefix:
                return LocalizedText(cs: "text před číslem (např. „reg. č.“)", en: "text before the number (such as “reg. č.”)")
            case .trailingText:
                return LocalizedText(cs: "znaky za číslem", en: "characters after the number")
            case .markdownEscape:
                return LocalizedText(cs: "zpětné lomítko před podtržítkem (z Markdownu)", en: "a backslash before the underscore (copied from Markdown)")
            case .spaces:
                return LocalizedText(cs: "mezery uvnitř čísla", en: "spaces inside the number")
            case .letterCase:
                return LocalizedText(cs: "malá písmena v „CZ“", en: "lower-case letters in “CZ”")
            case .callSeparator:
                return LocalizedText(cs: "v čísle výzvy má být podtržítko (např. 16_052)", en: "the call number needs an underscore (e.g. 16_052)")
            case .zeroPadding:
                return LocalizedText(cs: "chybějící úvodní nuly", en: "missing leading zeros")
            }
        }
    }

    /// Why a text is not a registration number.
    public enum Problem: Sendable, Hashable {
        /// It does not start with `CZ.`.
        case notCzech
        /// It has a number of `/`-separated parts other than 5 (2014–2020) or 4 (2021–2027).
        case wrongSegmentCount(Int)
        /// The part at `position` (1-based) does not have the shape of `period`.
        case badSegment(position: Int, found: String, period: ProgrammingPeriod)
    }

    /// The number as it should be written, when the intended number is clear.
    public var correctedForm: String? {
        if case .nearMiss(_, let corrected, _) = self { return corrected }
        return nil
    }

    /// What went wrong, in Czech and English.
    public var message: LocalizedText {
        switch self {
        case .empty:
            return LocalizedText(cs: "Registrační číslo projektu je prázdné.", en: "The project registration number is empty.")
        case .nearMiss(let found, let corrected, let fixes):
            let cs = fixes.map(\.description.cs).joined(separator: "; ")
            let en = fixes.map(\.description.en).joined(separator: "; ")
            return LocalizedText(
                cs: "Registrační číslo „\(found)“ není zapsané přesně (\(cs)); správně je \(corrected).",
                en: "The registration number “\(found)” is not written exactly (\(en)); it should be \(corrected).")
        case .invalid(let found, .notCzech):
            return LocalizedText(
                cs: "„\(found)“ není registrační číslo projektu: musí začínat „CZ.“.",
                en: "“\(found)” is not a project registration number: it must start with “CZ.”.")
        case .invalid(let found, .wrongSegmentCount(let count)):
            return LocalizedText(
                cs: "Registrační číslo „\(found)“ má \(count) \(RegistrationNumberError.czechParts(count)) oddělených lomítkem; čísla z období 2014–2020 jich mají 5, z období 2021–2027 mají 4.",
                en: "The registration number “\(found)” has \(count) part(s) separated by slashes; numbers from 2014–2020 have 5 and numbers from 2021–2027 have 4.")
        case .invalid(let found, .badSegment(let position, let segment, let period)):
            let expected = RegistrationNumberError.expectedSegment(position: position, period: period)
            return LocalizedText(
                cs: "V registračním čísle „\(found)“ neodpovídá \(position). část „\(segment)“ tvaru z období \(period.rawValue): čekal bych \(expected.cs).",
                en: "In the registration number “\(found)”, part \(position) “\(segment)” does not have the \(period.rawValue) shape: expected \(expected.en).")
        }
    }

    /// What to do about it.
    public var suggestion: LocalizedText? {
        switch self {
        case .nearMiss(_, let corrected, _):
            return LocalizedText(cs: "Napište: \(corrected)", en: "Write: \(corrected)")
        case .empty, .invalid:
            return LocalizedText(
                cs: "Opište číslo přesně z právního aktu, například CZ.03.2.60/0.0/0.0/16_052/0007824 (2014–2020) nebo CZ.03.02.01/00/22_018/0001013 (2021–2027).",
                en: "Copy the number exactly from the legal act, for example CZ.03.2.60/0.0/0.0/16_052/0007824 (2014–2020) or CZ.03.02.01/00/22_018/0001013 (2021–2027).")
        }
    }

    /// "část" declined for `count` in Czech.
    private static func czechParts(_ count: Int) -> String {
        switch count {
        case 1: return "část"
        case 2...4: return "části"
        default: return "částí"
        }
    }

    /// What the part at `position` should look like, described with an example.
    private static func expectedSegment(position: Int, period: ProgrammingPeriod) -> LocalizedText {
        switch (period, position) {
        case (.p2014_2020, 1):
            return LocalizedText(cs: "např. CZ.03.2.60 (CZ., 2 číslice, 1–2 číslice, 1–3 číslice)", en: "e.g. CZ.03.2.60 (CZ., 2 digits, 1–2 digits, 1–3 digits)")
        case (.p2014_2020, 2), (.p2014_2020, 3):
            return LocalizedText(cs: "např. 0.0 (číslice, tečka, číslice)", en: "e.g. 0.0 (digit, dot, digit)")
        case (.p2014_2020, 4), (.p2021_2027, 3):
            return LocalizedText(cs: "např. 16_052 (2 číslice, podtržítko, 3 číslice)", en: "e.g. 16_052 (2 digits, underscore, 3 digits)")
        case (.p2021_2027, 1):
            return LocalizedText(cs: "např. CZ.03.02.01 (CZ. a třikrát 2 číslice oddělené tečkou)", en: "e.g. CZ.03.02.01 (CZ. and three 2-digit fields separated by dots)")
        case (.p2021_2027, 2):
            return LocalizedText(cs: "např. 00 (2 číslice)", en: "e.g. 00 (2 digits)")
        default:
            return LocalizedText(cs: "např. 0007824 (7 číslic)", en: "e.g. 0007824 (7 digits)")
        }
    }
}
