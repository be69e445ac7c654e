// swift-tools-version:6.0
// libFuzzer harness for publicita's record parser. Build and run with `scripts/fuzz`.
import PackageDescription

let package = Package(
    name: "publicita-fuzz",
    dependencies: [.package(name: "publicita", path: "..")],
    targets: [
        .executableTarget(
            name: "FuzzRecord",
            dependencies: [.product(name: "PublicitaKit", package: "publicita")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
