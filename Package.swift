// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "hiendien",
    products: [
        .library(name: "HienDienKit", targets: ["HienDienKit"]),
        .executable(name: "hiendien", targets: ["hiendien"]),
        .executable(name: "hiendien-gen", targets: ["hiendien-gen"]),
    ],
    targets: [
        // The system SQLite, through a module map over sqlite3.h (Debian: libsqlite3-dev).
        .systemLibrary(
            name: "CSQLite",
            path: "Sources/CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        // The system zlib (DEFLATE for .xlsx/.docx containers), only used from Office/
        // (Debian: zlib1g-dev, one of Swift's own Linux prerequisites).
        .systemLibrary(
            name: "CZlib",
            path: "Sources/CZlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        // All logic: plans, periods, ingest, store, engine, rendering.
        .target(name: "HienDienKit", dependencies: ["CSQLite", "CZlib"]),
        // The commands behind the runner: argument parsing, dispatch, error rendering.
        .target(name: "HienDienCLI", dependencies: ["HienDienKit"]),
        // The thin executable: argv in, exit code out.
        .executableTarget(name: "hiendien", dependencies: ["HienDienCLI"]),
        .executableTarget(name: "hiendien-gen", dependencies: ["HienDienKit"]),
        .testTarget(
            name: "HienDienKitTests",
            dependencies: ["HienDienKit"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "HienDienCLITests", dependencies: ["HienDienCLI", "HienDienKit"], exclude: ["Fixtures"]),
    ],
    swiftLanguageModes: [.v6]
)
