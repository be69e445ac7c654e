/// How the manifest writes the record files a page read: as indexes into the
/// manifest's list of files, in ranges (`0-9999,10002`), since a list page reads
/// runs of records and a portal-wide page reads all of them.
enum ReadSet {
    /// `files` (each in `index`) as ranges of their indexes; `-` when empty.
    static func encode(_ files: [String], index: [String: Int]) -> String {
        let numbers = files.compactMap { index[$0] }.sorted()
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

    /// The files of `text` (as ``encode(_:index:)`` writes it); nil when it names no file of `files`.
    static func decode(_ text: Substring, files: [String]) -> [String]? {
        if text == "-" { return [] }
        var read: [String] = []
        for part in text.split(separator: ",") {
            let bounds = part.split(separator: "-", maxSplits: 1).map { Int($0) }
            guard let low = bounds.first ?? nil, let high = bounds.last ?? nil, low <= high, low >= 0, high < files.count else { return nil }
            read += files[low...high]
        }
        return read
    }

    /// ``decode(_:files:)`` of the bytes of a line.
    static func decode(bytes text: Slice<UnsafeBufferPointer<UInt8>>, files: [String]) -> [String]? {
        guard let ranges = ranges(bytes: text, fileCount: files.count) else { return nil }
        var read: [String] = []
        read.reserveCapacity(ranges.reduce(0) { $0 + $1.count })
        for range in ranges { read += files[range] }
        return read
    }

    /// The ranges of indexes of the bytes of a line; nil when one is no index below `fileCount`.
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
