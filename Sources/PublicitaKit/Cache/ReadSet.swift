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
}
