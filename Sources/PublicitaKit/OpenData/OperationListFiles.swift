import Foundation

/// The list of operations' two files (`/data/projekty.csv` and `.json`) of one
/// build, made together when the first of them is rendered and each handed out
/// once: every project's row, which may read its body again, is made once for
/// both files, and neither file is kept after it is written.
final class OperationListFiles: @unchecked Sendable {
    // @unchecked: `made` is only touched under `lock`.
    private let site: Site
    private let lock = NSLock()
    private var made: [GeneratedFile: [UInt8]]?

    init(site: Site) {
        self.site = site
    }

    /// The bytes of `file` when it is one of the two, else nil.
    func bytes(of file: GeneratedFile) throws(Diagnostic) -> [UInt8]? {
        guard file == .projectsCSV || file == .projectsJSON else { return nil }
        lock.lock()
        defer { lock.unlock() }
        if made == nil {
            let files = try OpenData.listFiles(site)
            made = [.projectsCSV: files.csv, .projectsJSON: files.json]
        }
        // Asked for again (not in one build): made again.
        if let bytes = made?.removeValue(forKey: file) { return bytes }
        return try OpenData.bytes(of: file, site: site)
    }
}
