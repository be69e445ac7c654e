import Testing

/// SplitMix64: a tiny, fast, well-mixed PRNG. Seeded, so every run feeds the
/// parsers exactly the same inputs and a failure is reproducible.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Generates parser inputs of three kinds: random bytes decoded lossily as
/// UTF-8, random strings over an alphabet of the characters the value
/// parsers care about, and small mutations of valid examples.
struct FuzzInputs {
    var rng: SplitMix64
    let seeds: [String]
    let alphabet: [Character]
    /// Longest random input, in bytes or characters.
    let maximumLength: Int

    /// Characters that matter to one parser or another, plus a few that must be refused.
    static let alphabet: [Character] = Array("0123456789") + Array("0123456789") + [
        " ", " ", "\u{00A0}", "\u{202F}", "\t", "\n", ",", ",", ".", ".", "-", "\u{2212}", "\u{2013}",
        "_", "/", "/", "\\", "K", "č", "c", "\u{030C}", "€", "%", "C", "Z", "c", "z", "E", "U", "R",
        "a", "+", "'", ":", "„", "“", "e", "٣", "\u{FFFD}",
    ]

    init(seed: UInt64, seeds: [String], alphabet: [Character] = FuzzInputs.alphabet, maximumLength: Int = 24) {
        rng = SplitMix64(seed: seed)
        self.seeds = seeds
        self.alphabet = alphabet
        self.maximumLength = maximumLength
    }

    /// The next input.
    mutating func next() -> String {
        switch rng.next() % 10 {
        case 0, 1:
            let count = Int(rng.next() % UInt64(maximumLength))
            let bytes = (0..<count).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
            return String(decoding: bytes, as: UTF8.self)
        case 2, 3, 4:
            let count = Int(rng.next() % UInt64(maximumLength))
            return String((0..<count).map { _ in randomCharacter() })
        default:
            return mutated(seeds[Int(rng.next() % UInt64(seeds.count))])
        }
    }

    private mutating func randomCharacter() -> Character {
        alphabet[Int(rng.next() % UInt64(alphabet.count))]
    }

    /// `text` with 0–`edits` random edits: insert, delete, replace, duplicate, truncate.
    private mutating func mutated(_ text: String) -> String {
        var chars = Array(text)
        for _ in 0..<Int(rng.next() % 4) + (chars.count > 200 ? Int(rng.next() % 6) : 0) {
            let position = chars.isEmpty ? 0 : Int(rng.next() % UInt64(chars.count))
            switch rng.next() % 5 {
            case 0:
                chars.insert(randomCharacter(), at: position)
            case 1 where !chars.isEmpty:
                chars.remove(at: position)
            case 2 where !chars.isEmpty:
                chars[position] = randomCharacter()
            case 3 where !chars.isEmpty:
                chars.insert(chars[position], at: position)
            case 4 where !chars.isEmpty:
                chars.removeLast(Int(rng.next() % UInt64(chars.count)))
            default:
                break
            }
        }
        return String(chars)
    }
}

