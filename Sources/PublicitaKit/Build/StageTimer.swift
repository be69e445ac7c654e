import Foundation

/// Times the pipeline's stages when `PUBLICITA_TIMINGS=1`, printing one line per
/// stage on standard error: how the benchmark names its hot spots.
struct StageTimer {
    private let enabled = ProcessInfo.processInfo.environment["PUBLICITA_TIMINGS"] == "1"
    private var last = DispatchTime.now()

    /// Ends the current stage, called `name`.
    mutating func lap(_ name: String) {
        guard enabled else { return }
        let now = DispatchTime.now()
        let ms = Double(now.uptimeNanoseconds - last.uptimeNanoseconds) / 1_000_000
        FileHandle.standardError.write(Data(String(format: "timing: %-10@ %8.1f ms\n", name as NSString, ms).utf8))
        last = now
    }
}
