/// How the manifest writes the record files a page read: as indexes into the
/// manifest's list of files, in ranges (`0-9999,10002`), since a list page reads
/// runs of records and a portal-wide page reads all of them.
enum ReadSet {
    /// `numbers` (indexes into the file's list of names) as ranges; `-` when empty.
    static func encode(numbers: [Int]) -> String {
        let numbers = numbers.sorted()
        guard var start = numbers.first else { return "-" }
        var parts: [String] = [], end = start
        func close() { parts.append(start == end ? "\(start)" : "\(start)-\(end)") }
        for number in numbers.dropFirst() {
            if number == end + 1 { end = number; continue }
            close()
            (start, end) = (number, number)
        }
        close()
        return parts.joined(separator: ",")
    }

    /// The ranges of indexes in the bytes of a line as ``encode(_:index:)`` writes it; nil
    /// when one is no index below `fileCount`.
    static func ranges(bytes text: Slice<UnsafeBufferPointer<UInt8>>, fileCount: Int) -> [ClosedRange<Int>]? {
        if text.count == 1 && text.first == UInt8(ascii: "-") { return [] }
        var read: [ClosedRange<Int>] = [], low = 0, number = 0, digits = 0, inRange = false
        func close() -> Bool {
            let high = number
            if !inRange { low = number }
            guard digits > 0, low <= high, high < fileCount else { return false }
            read.append(low...high)
            number = 0; digits = 0; inRange = false
            return true
        }
        for byte in text {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                guard digits < 18 else { return nil }
                number = number * 10 + Int(byte - UInt8(ascii: "0"))
                digits += 1
            case UInt8(ascii: "-"):
                guard !inRange, digits > 0 else { return nil }
                low = number; number = 0; digits = 0; inRange = true
            case UInt8(ascii: ","):
                guard close() else { return nil }
            default: return nil
            }
        }
        return close() ? read : nil
    }
}
