import Foundation

/// A compact positional binary form of `Codable` values, for what the build cache
/// keeps between processes (``RecordStore``): the records' conformances are the
/// compiler's, so a field added to a record is stored without code of its own.
///
/// Fields are written in the order the synthesized `encode(to:)` writes them and
/// read back in the same order (keys are not stored); an optional is a presence
/// byte, a collection its count, integers LEB128 (signed ones zigzagged). Source
/// locations in the record's own file store no file name. Only for values this
/// build wrote: any mismatch throws, and the caller parses the file instead.
enum BinaryCoder {
    struct Corrupt: Error {}

    /// The bytes of `value`; `file` is the record's file (its locations name it without storing it).
    static func encode<T: Encodable>(_ value: T, file: String, into bytes: inout [UInt8]) throws {
        let encoder = BinaryEncoder(file: file)
        encoder.exchange(&bytes)
        defer { encoder.exchange(&bytes) }
        try encoder.value(value)
        if encoder.unsupported { throw Corrupt() }
    }

    /// Reads a `T` from `bytes` at `offset`, moving `offset` past it.
    static func decode<T: Decodable>(_ type: T.Type, from bytes: UnsafeRawBufferPointer, offset: inout Int, file: String) throws -> T {
        let decoder = BinaryDecoder(bytes: bytes, offset: offset, file: file)
        let value = try decoder.value(T.self)
        offset = decoder.offset
        return value
    }
}

// MARK: - Writing

final class BinaryEncoder: Encoder {
    /// The bytes written. Behind a pointer: a class's own stored array would be
    /// checked for exclusive access at every byte appended. Only touched inside the
    /// encoder's own methods, where it is alive: reached from outside, the encoder
    /// could be freed (and the bytes with it) between reading `out` and using it.
    private let out = UnsafeMutablePointer<[UInt8]>.allocate(capacity: 1)
    let file: String
    /// Set when a value was written in a way it could not be read back (an enum
    /// with payloads names its case by a key, and keys are not stored).
    var unsupported = false
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(file: String) {
        self.file = file
        out.initialize(to: [])
    }

    deinit {
        out.deinitialize(count: 1)
        out.deallocate()
    }

    var count: Int { out.pointee.count }
    func append(_ byte: UInt8) { out.pointee.append(byte) }
    func append(contentsOf bytes: some Sequence<UInt8>) { out.pointee.append(contentsOf: bytes) }
    func set(_ byte: UInt8, at index: Int) { out.pointee[index] = byte }
    func reserve(_ capacity: Int) { out.pointee.reserveCapacity(capacity) }
    /// Swaps the bytes written with `bytes`.
    func exchange(_ bytes: inout [UInt8]) { swap(&out.pointee, &bytes) }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(KeyedWriter<Key>(encoder: self))
    }
    func unkeyedContainer() -> any UnkeyedEncodingContainer { UnkeyedWriter(encoder: self) }
    func singleValueContainer() -> any SingleValueEncodingContainer { SingleWriter(encoder: self) }

    func unsigned(_ value: UInt64) {
        var value = value
        while value >= 0x80 {
            out.pointee.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        out.pointee.append(UInt8(value))
    }
    func signed(_ value: Int64) { unsigned(UInt64(bitPattern: (value << 1) ^ (value >> 63))) }
    func string(_ text: String) {
        var text = text
        text.withUTF8 { utf8 in
            unsigned(UInt64(utf8.count))
            out.pointee.append(contentsOf: utf8)
        }
    }
    func bool(_ value: Bool) { out.pointee.append(value ? 1 : 0) }
    func parsedMoney(_ money: ParsedMoney) {
        signed(money.amount.halere)
        if let currency = money.currency { out.pointee.append(1); string(currency) } else { out.pointee.append(0) }
    }
    func location(_ location: SourceLocation) {
        if location.file == file { out.pointee.append(0) } else { out.pointee.append(1); string(location.file) }
        signed(Int64(location.line ?? Int(Int32.min)))
        signed(Int64(location.column ?? Int(Int32.min)))
    }

    /// Writes `value`, taking the kinds a record holds most of the short way.
    func value<T: Encodable>(_ value: T) throws {
        if T.self == String.self { return string(value as! String) }
        if T.self == SourceLocation.self { return location(value as! SourceLocation) }
        if T.self == Located<String>.self {
            let located = value as! Located<String>
            string(located.value)
            return location(located.location)
        }
        if T.self == [String].self {
            let list = value as! [String]
            unsigned(UInt64(list.count))
            for text in list { string(text) }
            return
        }
        if T.self == Located<Day>.self {
            let located = value as! Located<Day>
            try self.value(located.value)
            return location(located.location)
        }
        if T.self == Located<Int>.self {
            let located = value as! Located<Int>
            signed(Int64(located.value))
            return location(located.location)
        }
        if T.self == ParsedMoney.self { return parsedMoney(value as! ParsedMoney) }
        if T.self == Located<ParsedMoney>.self {
            let located = value as! Located<ParsedMoney>
            parsedMoney(located.value)
            return location(located.location)
        }
        if T.self == Located<Share>.self {
            let located = value as! Located<Share>
            signed(located.value.scaled); signed(Int64(located.value.decimals))
            return location(located.location)
        }
        if T.self == [Int32].self {
            let list = value as! [Int32]
            unsigned(UInt64(list.count))
            for number in list { signed(Int64(number)) }
            return
        }
        if T.self == [Int].self {
            let list = value as! [Int]
            unsigned(UInt64(list.count))
            for number in list { signed(Int64(number)) }
            return
        }
        if T.self == [Range<Int>].self {
            let list = value as! [Range<Int>]
            unsigned(UInt64(list.count))
            for range in list { signed(Int64(range.lowerBound)); signed(Int64(range.upperBound)) }
            return
        }
        if T.self == Day.self {
            let day = value as! Day
            unsigned(UInt64(day.year)); unsigned(UInt64(day.month)); unsigned(UInt64(day.day))
            return
        }
        if T.self == Money.self { return signed((value as! Money).halere) }
        try value.encode(to: self)
    }
}

private struct KeyedWriter<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let encoder: BinaryEncoder
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil(forKey key: Key) { encoder.append(0) }
    mutating func encode(_ value: Bool, forKey key: Key) { encoder.bool(value) }
    mutating func encode(_ value: String, forKey key: Key) { encoder.string(value) }
    mutating func encode(_ value: Double, forKey key: Key) { encoder.unsigned(value.bitPattern) }
    mutating func encode(_ value: Float, forKey key: Key) { encoder.unsigned(UInt64(value.bitPattern)) }
    mutating func encode(_ value: Int, forKey key: Key) { encoder.signed(Int64(value)) }
    mutating func encode(_ value: Int8, forKey key: Key) { encoder.signed(Int64(value)) }
    mutating func encode(_ value: Int16, forKey key: Key) { encoder.signed(Int64(value)) }
    mutating func encode(_ value: Int32, forKey key: Key) { encoder.signed(Int64(value)) }
    mutating func encode(_ value: Int64, forKey key: Key) { encoder.signed(value) }
    mutating func encode(_ value: UInt, forKey key: Key) { encoder.unsigned(UInt64(value)) }
    mutating func encode(_ value: UInt8, forKey key: Key) { encoder.unsigned(UInt64(value)) }
    mutating func encode(_ value: UInt16, forKey key: Key) { encoder.unsigned(UInt64(value)) }
    mutating func encode(_ value: UInt32, forKey key: Key) { encoder.unsigned(UInt64(value)) }
    mutating func encode(_ value: UInt64, forKey key: Key) { encoder.unsigned(value) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { try encoder.value(value) }

    // An absent optional is one byte 0, a present one 1 and the value: the defaults would write nothing.
    private func present<T: Encodable>(_ value: T?) throws {
        guard let value else { encoder.append(0); return }
        encoder.append(1)
        try encoder.value(value)
    }
    mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) throws { try present(value) }
    mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws { try present(value) }
    mutating func encodeIfPresent(_ value: Double?, forKey key: Key) throws { try present(value) }
    mutating func encodeIfPresent(_ value: Float?, forKey key: Key) throws { try present(value) }
    mutating func encodeIfPresent(_ value: Int?, forKey key: Key) throws { try present(value) }
    mutating func encodeIfPresent(_ value: Int8?, forKey key: Key) throws { try present(value) }
    mutating func encodeIfPresent(_ value: Int16?, forKey key: Key) throws { try present(value) }
    mutating func encodeIfPresent(_ value: Int32?, forKey key: Key) throws { try present(value) }
    mutating func encodeIfPresent(_ value: Int64?, forKey key: Key) throws { try present(value) }
    mutating func encodeIfPresent(_ value: UInt?, forKey key: Key) throws { try present(value) }
    mutating func encodeIfPresent(_ value: UInt8?, forKey key: Key) throws { try present(value) }
    mutating func encodeIfPresent(_ value: UInt16?, forKey key: Key) throws { try present(value) }
    mutating func encodeIfPresent(_ value: UInt32?, forKey key: Key) throws { try present(value) }
    mutating func encodeIfPresent(_ value: UInt64?, forKey key: Key) throws { try present(value) }
    mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws { try present(value) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        encoder.unsupported = true
        return encoder.container(keyedBy: keyType)
    }
    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        encoder.unsupported = true
        return encoder.unkeyedContainer()
    }
    mutating func superEncoder() -> any Encoder { encoder.unsupported = true; return encoder }
    mutating func superEncoder(forKey key: Key) -> any Encoder { encoder.unsupported = true; return encoder }
}

/// A list: its count first, kept up to date in place as elements are written
/// (nothing tells a container that its last element came).
private final class UnkeyedWriter: UnkeyedEncodingContainer {
    let encoder: BinaryEncoder
    private let countOffset: Int
    private(set) var count = 0
    var codingPath: [any CodingKey] { [] }

    init(encoder: BinaryEncoder) {
        self.encoder = encoder
        countOffset = encoder.count
        for _ in 0..<4 { encoder.append(0) }
    }

    private func counted() {
        count += 1
        withUnsafeBytes(of: UInt32(count).littleEndian) { raw in
            for index in 0..<4 { encoder.set(raw[index], at: countOffset + index) }
        }
    }

    // A nil element has no presence byte that an element read back would expect.
    func encodeNil() { encoder.unsupported = true }
    func encode<T: Encodable>(_ value: T) throws { try encoder.value(value); counted() }
    func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        counted()
        return encoder.container(keyedBy: keyType)
    }
    func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer { counted(); return encoder.unkeyedContainer() }
    func superEncoder() -> any Encoder { encoder.unsupported = true; return encoder }
}

private struct SingleWriter: SingleValueEncodingContainer {
    let encoder: BinaryEncoder
    var codingPath: [any CodingKey] { [] }
    mutating func encodeNil() { encoder.unsupported = true }
    mutating func encode(_ value: Bool) { encoder.bool(value) }
    mutating func encode(_ value: String) { encoder.string(value) }
    mutating func encode(_ value: Double) { encoder.unsigned(value.bitPattern) }
    mutating func encode(_ value: Float) { encoder.unsigned(UInt64(value.bitPattern)) }
    mutating func encode(_ value: Int) { encoder.signed(Int64(value)) }
    mutating func encode(_ value: Int8) { encoder.signed(Int64(value)) }
    mutating func encode(_ value: Int16) { encoder.signed(Int64(value)) }
    mutating func encode(_ value: Int32) { encoder.signed(Int64(value)) }
    mutating func encode(_ value: Int64) { encoder.signed(value) }
    mutating func encode(_ value: UInt) { encoder.unsigned(UInt64(value)) }
    mutating func encode(_ value: UInt8) { encoder.unsigned(UInt64(value)) }
    mutating func encode(_ value: UInt16) { encoder.unsigned(UInt64(value)) }
    mutating func encode(_ value: UInt32) { encoder.unsigned(UInt64(value)) }
    mutating func encode(_ value: UInt64) { encoder.unsigned(value) }
    mutating func encode<T: Encodable>(_ value: T) throws { try encoder.value(value) }
}

// MARK: - Reading

final class BinaryDecoder: Decoder {
    let bytes: UnsafeRawBufferPointer
    /// Where reading is, behind a pointer for the reason the encoder's bytes are (and,
    /// like them, only touched inside the decoder's own members).
    private let cursor = UnsafeMutablePointer<Int>.allocate(capacity: 1)
    var offset: Int {
        get { cursor.pointee }
        set { cursor.pointee = newValue }
    }
    let file: String
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(bytes: UnsafeRawBufferPointer, offset: Int, file: String) {
        self.bytes = bytes
        cursor.initialize(to: offset)
        self.file = file
    }

    deinit { cursor.deallocate() }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(KeyedReader<Key>(decoder: self))
    }
    func unkeyedContainer() throws -> any UnkeyedDecodingContainer { try UnkeyedReader(decoder: self) }
    func singleValueContainer() -> any SingleValueDecodingContainer { SingleReader(decoder: self) }

    func byte() throws -> UInt8 {
        guard offset < bytes.count else { throw BinaryCoder.Corrupt() }
        defer { offset += 1 }
        return bytes[offset]
    }
    func unsigned() throws -> UInt64 {
        var value: UInt64 = 0, shift: UInt64 = 0
        while true {
            let next = try byte()
            guard shift < 64 else { throw BinaryCoder.Corrupt() }
            value |= UInt64(next & 0x7F) << shift
            if next < 0x80 { return value }
            shift += 7
        }
    }
    /// A count or a length: never more than the bytes left (each counted thing takes one at least).
    func length() throws -> Int {
        guard let count = Int(exactly: try unsigned()), count <= bytes.count - offset else { throw BinaryCoder.Corrupt() }
        return count
    }
    func signed() throws -> Int64 {
        let raw = try unsigned()
        return Int64(bitPattern: (raw >> 1) ^ (0 &- (raw & 1)))
    }
    func int<T: FixedWidthInteger>(_ type: T.Type) throws -> T {
        guard let value = T(exactly: try signed()) else { throw BinaryCoder.Corrupt() }
        return value
    }
    func uint<T: FixedWidthInteger>(_ type: T.Type) throws -> T {
        guard let value = T(exactly: try unsigned()) else { throw BinaryCoder.Corrupt() }
        return value
    }
    func string() throws -> String {
        let count = try length()
        guard count <= bytes.count - offset else { throw BinaryCoder.Corrupt() }
        defer { offset += count }
        return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + count)]), as: UTF8.self)
    }
    func bool() throws -> Bool {
        switch try byte() {
        case 0: return false
        case 1: return true
        default: throw BinaryCoder.Corrupt()
        }
    }
    private func list<Element>(_ element: () throws -> Element) throws -> [Element] {
        let count = try length()
        guard count <= bytes.count - offset else { throw BinaryCoder.Corrupt() }
        var list: [Element] = []
        list.reserveCapacity(count)
        for _ in 0..<count { list.append(try element()) }
        return list
    }
    func parsedMoney() throws -> ParsedMoney {
        let amount = Money(halere: try signed())
        return ParsedMoney(amount: amount, currency: try present() ? try string() : nil)
    }
    func location() throws -> SourceLocation {
        let file = try bool() ? try string() : self.file
        let line = try signed(), column = try signed()
        return SourceLocation(file: file, line: line == Int64(Int32.min) ? nil : Int(line),
                              column: column == Int64(Int32.min) ? nil : Int(column))
    }
    /// A presence byte: whether an optional value follows.
    func present() throws -> Bool { try bool() }

    func value<T: Decodable>(_ type: T.Type) throws -> T {
        // The kinds a record holds most of are read without a container (whose
        // generic metadata is looked up at run time for every value).
        if T.self == String.self { return try string() as! T }
        if T.self == SourceLocation.self { return try location() as! T }
        if T.self == Located<String>.self {
            let text = try string()
            return Located(text, at: try location()) as! T
        }
        if T.self == [String].self {
            let count = try length()
            guard count <= bytes.count - offset else { throw BinaryCoder.Corrupt() }
            var list: [String] = []
            list.reserveCapacity(count)
            for _ in 0..<count { list.append(try string()) }
            return list as! T
        }
        if T.self == Located<Day>.self {
            let day = try value(Day.self)
            return Located(day, at: try location()) as! T
        }
        if T.self == Located<Int>.self {
            let number = try int(Int.self)
            return Located(number, at: try location()) as! T
        }
        if T.self == ParsedMoney.self { return try parsedMoney() as! T }
        if T.self == Located<ParsedMoney>.self {
            let money = try parsedMoney()
            return Located(money, at: try location()) as! T
        }
        if T.self == Located<Share>.self {
            guard let share = Share(scaled: try signed(), decimals: try int(Int.self)) else { throw BinaryCoder.Corrupt() }
            return Located(share, at: try location()) as! T
        }
        if T.self == [Int32].self { return try list { try self.int(Int32.self) } as! T }
        if T.self == [Int].self { return try list { try self.int(Int.self) } as! T }
        if T.self == [Range<Int>].self {
            return try list { () throws -> Range<Int> in
                let lower = try self.int(Int.self), upper = try self.int(Int.self)
                guard lower <= upper else { throw BinaryCoder.Corrupt() }
                return lower..<upper
            } as! T
        }
        if T.self == Day.self {
            guard let day = Day(year: try uint(Int.self), month: try uint(Int.self), day: try uint(Int.self)) else { throw BinaryCoder.Corrupt() }
            return day as! T
        }
        if T.self == Money.self { return Money(halere: try signed()) as! T }
        return try T(from: self)
    }
}

private struct KeyedReader<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let decoder: BinaryDecoder
    var codingPath: [any CodingKey] { [] }
    // Keys are not stored: an enum with payloads (which asks for them) cannot be read.
    var allKeys: [Key] { [] }

    func contains(_ key: Key) -> Bool { true }
    func decodeNil(forKey key: Key) throws -> Bool { try !decoder.present() }
    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try decoder.bool() }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try decoder.string() }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { Double(bitPattern: try decoder.unsigned()) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { Float(bitPattern: try decoder.uint(UInt32.self)) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try decoder.int(Int.self) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try decoder.int(Int8.self) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try decoder.int(Int16.self) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try decoder.int(Int32.self) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try decoder.signed() }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try decoder.uint(UInt.self) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try decoder.uint(UInt8.self) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try decoder.uint(UInt16.self) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try decoder.uint(UInt32.self) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try decoder.unsigned() }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try decoder.value(type) }
    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? {
        try decoder.present() ? try decoder.string() : nil
    }
    func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? {
        try decoder.present() ? try decoder.int(Int.self) : nil
    }
    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        try decoder.present() ? try decoder.value(type) : nil
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) -> KeyedDecodingContainer<NestedKey> {
        decoder.container(keyedBy: type)
    }
    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer { try decoder.unkeyedContainer() }
    func superDecoder() -> any Decoder { decoder }
    func superDecoder(forKey key: Key) -> any Decoder { decoder }
}

private final class UnkeyedReader: UnkeyedDecodingContainer {
    let decoder: BinaryDecoder
    let count: Int?
    private(set) var currentIndex = 0
    var codingPath: [any CodingKey] { [] }
    var isAtEnd: Bool { currentIndex >= count! }

    init(decoder: BinaryDecoder) throws {
        self.decoder = decoder
        var raw: UInt32 = 0
        for shift in stride(from: 0, to: 32, by: 8) { raw |= UInt32(try decoder.byte()) << UInt32(shift) }
        // Every element takes at least one byte: a larger count is a damaged file.
        guard Int(raw) <= decoder.bytes.count - decoder.offset else { throw BinaryCoder.Corrupt() }
        count = Int(raw)
    }

    private func next() throws {
        guard currentIndex < count! else { throw BinaryCoder.Corrupt() }
        currentIndex += 1
    }

    // Nil elements are never written (``BinaryEncoder/unsupported``).
    func decodeNil() -> Bool { false }
    func decode(_ type: String.Type) throws -> String { try next(); return try decoder.string() }
    func decode(_ type: Int.Type) throws -> Int { try next(); return try decoder.int(Int.self) }
    func decode(_ type: Bool.Type) throws -> Bool { try next(); return try decoder.bool() }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try next(); return try decoder.value(type) }
    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        try next()
        return decoder.container(keyedBy: type)
    }
    func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer { try next(); return try decoder.unkeyedContainer() }
    func superDecoder() throws -> any Decoder { try next(); return decoder }
}

private struct SingleReader: SingleValueDecodingContainer {
    let decoder: BinaryDecoder
    var codingPath: [any CodingKey] { [] }
    func decodeNil() -> Bool { false }
    func decode(_ type: Bool.Type) throws -> Bool { try decoder.bool() }
    func decode(_ type: String.Type) throws -> String { try decoder.string() }
    func decode(_ type: Double.Type) throws -> Double { Double(bitPattern: try decoder.unsigned()) }
    func decode(_ type: Float.Type) throws -> Float { Float(bitPattern: try decoder.uint(UInt32.self)) }
    func decode(_ type: Int.Type) throws -> Int { try decoder.int(Int.self) }
    func decode(_ type: Int8.Type) throws -> Int8 { try decoder.int(Int8.self) }
    func decode(_ type: Int16.Type) throws -> Int16 { try decoder.int(Int16.self) }
    func decode(_ type: Int32.Type) throws -> Int32 { try decoder.int(Int32.self) }
    func decode(_ type: Int64.Type) throws -> Int64 { try decoder.signed() }
    func decode(_ type: UInt.Type) throws -> UInt { try decoder.uint(UInt.self) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try decoder.uint(UInt8.self) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try decoder.uint(UInt16.self) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try decoder.uint(UInt32.self) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try decoder.unsigned() }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try decoder.value(type) }
}
