// swift-tools-version: 6.0
// SwarmSim's benchmarks: a package of its own, so that measuring never touches the product
// (STYLE.md 12). It depends on the parent package by path and links every module through the
// SwarmSimKit library. Run: `swift run -c release swarmsim-bench` (see README.md).
import PackageDescription

let package = Package(
    name: "swarmsim-benchmarks",
    dependencies: [
        .package(name: "swarmsim", path: ".."),
    ],
    targets: [
        .executableTarget(
            name: "swarmsim-bench",
            dependencies: [.product(name: "SwarmSimKit", package: "swarmsim")],
            swiftSettings: [.unsafeFlags(["-Xfrontend", "-disable-type-layout"])]
        ),
    ],
    swiftLanguageModes: [.v6]
)
