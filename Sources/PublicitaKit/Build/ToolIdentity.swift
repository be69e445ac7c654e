import Foundation

/// Who built a site: the version and the very executable, so that a rebuilt
/// publicita (even at the same version) never reuses pages the old one made.
public enum ToolIdentity {
    /// publicita's version (`publicita --version`, the release archive's name).
    public static let version = "0.3.0"

    /// The version plus the running executable's size and modification time.
    static let current: String = {
        let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? CommandLine.arguments.first ?? ""
        return "\(version)+\(InputStamps.stamp(executable) ?? "unknown")"
    }()
}
