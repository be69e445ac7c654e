import PublicitaKit

/// libFuzzer entry point: every input is one content file, parsed as a project,
/// a report, a page and a news item. A crash or a hang is a bug.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRecord(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    // Content files must be UTF-8; the loader refuses the rest before parsing.
    guard let text = String(validating: bytes, as: UTF8.self) else { return 0 }
    for kind in ContentKind.allCases {
        _ = ContentLoader.diagnose(text, kind: kind)
    }
    return 0
}

@_silgen_name("LLVMFuzzerRunDriver")
private func runDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt
) -> CInt

/// SwiftPM links an executable's entry point as `<Target>_main`; hand control to libFuzzer's driver.
@_cdecl("FuzzRecord_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return runDriver(&count, &arguments) { data, size in fuzzRecord(data, size) }
}
