// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "publicita",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "publicita", targets: ["publicita"]),
        .library(name: "PublicitaKit", targets: ["PublicitaKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
    ],
    targets: [
        // The C library cmark, as Debian ships it (`libcmark-dev`).
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        // The C library libyaml, as Debian ships it (`libyaml-dev`): front matter is read
        // from its event stream (YAMLEventReader).
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]
        ),
        // All of publicita's logic: load → validate → site model → render → write.
        .target(
            name: "PublicitaKit",
            dependencies: [
                "CCmark",
                "CYAML",
            ],
            // The theme is compiled in (EmbedTheme), not shipped as a resource bundle
            // beside the executable.
            exclude: ["Theme"],
            plugins: ["EmbedTheme"]
        ),
        // Writes the theme's files into a Swift source at build time.
        .executableTarget(name: "theme-embedder"),
        .plugin(name: "EmbedTheme", capability: .buildTool(), dependencies: ["theme-embedder"]),
        // `publicita serve`: a local preview server that rebuilds on change and reloads open pages.
        .target(
            name: "PublicitaServe",
            dependencies: [
                "PublicitaKit",
                .product(name: "FlyingFox", package: "FlyingFox"),
            ]
        ),
        // The thin command-line layer.
        .executableTarget(
            name: "publicita",
            dependencies: [
                "PublicitaKit",
                "PublicitaServe",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // jemalloc (Debian's `libjemalloc-dev`) in place of glibc's malloc: a build makes
            // and frees millions of small view values from two threads, and glibc's arenas
            // spend a sixth of the build's CPU on it (docs/performance.md).
            linkerSettings: [.linkedLibrary("jemalloc", .when(platforms: [.linux]))]
        ),
        .testTarget(
            name: "PublicitaKitTests",
            dependencies: ["PublicitaKit", "PublicitaServe"],
            resources: [.copy("Fixtures")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
