// swift-tools-version: 6.0
// SwarmSim: a deterministic discrete-event simulator of a Docker Swarm mode cluster.
// No package dependencies, by design: everything here builds from the toolchain alone.
import PackageDescription

// Release builds of the simulation's modules skip the run-time exclusivity checks: each access
// to a class's stored property paid a check (a quarter of the instructions of a steady swarm,
// Benchmarks/README.md). Debug builds, and so `swift test`, keep them and trap on an overlap.
// They also copy and destroy values of generic types (Raft's messages, entries and Readies,
// specialized for the cluster's command) with code for the concrete type, rather than through
// the type's metadata and its generic value witnesses (`-disable-type-layout`).
let hot: [SwiftSetting] = [
    .unsafeFlags(["-enforce-exclusivity=unchecked", "-Xfrontend", "-disable-type-layout"], .when(configuration: .release)),
]

let package = Package(
    name: "swarmsim",
    products: [
        .executable(name: "swarmsim", targets: ["swarmsim"]),
        .library(name: "SwarmSimKit", targets: [
            "SimCore", "SimNetwork", "Raft", "Orchestration", "NodeRoles", "Cluster",
            "ScenarioLanguage", "DockerClient", "Report", "Runner", "Experiments", "Fuzzer", "YAML", "Compose", "EngineAPI",
        ]),
    ],
    targets: [
        // A cache prefetch hint, which Swift cannot spell: what a heartbeat reads of a big swarm
        // (hosts, sessions, records) lies in memory no cache holds (Benchmarks/README.md,
        // "Seventh step" and "Eighth step"). SimCore lends it to arrays (`Array.prefetch`).
        .target(name: "Prefetch"),
        // The standard library rounds and takes square roots through libm.
        .target(name: "SimCore", dependencies: ["Prefetch"], swiftSettings: hot, linkerSettings: [.linkedLibrary("m", .when(platforms: [.linux]))]),
        .target(name: "SimNetwork", dependencies: ["SimCore"], swiftSettings: hot),
        .target(name: "Raft", dependencies: ["SimCore"], swiftSettings: hot),
        .target(name: "Orchestration", dependencies: ["SimCore"], swiftSettings: hot),
        .target(name: "NodeRoles", dependencies: ["SimCore", "Raft", "Orchestration"], swiftSettings: hot),
        .target(name: "Cluster", dependencies: ["SimCore", "SimNetwork", "Raft", "Orchestration", "NodeRoles", "Prefetch"],
                swiftSettings: hot),
        // The scenario side, one module per job; docs/architecture.md draws the map.
        .target(name: "ScenarioLanguage", dependencies: ["SimCore"]),
        .target(name: "DockerClient", dependencies: ["SimCore", "Orchestration", "Cluster", "ScenarioLanguage", "Compose"]),
        .target(name: "Report", dependencies: ["SimCore", "Raft", "Orchestration", "Cluster", "ScenarioLanguage"]),
        .target(name: "Runner", dependencies: [
            "SimCore", "SimNetwork", "Raft", "Orchestration", "Cluster", "ScenarioLanguage", "DockerClient", "Report",
        ]),
        .target(name: "Experiments", dependencies: [
            "SimCore", "Raft", "Cluster", "ScenarioLanguage", "DockerClient", "Report", "Runner",
        ]),
        .target(name: "Fuzzer", dependencies: ["SimCore", "DockerClient", "Runner"]),
        // A YAML 1.2 reader for compose files (docs/stacks.md); depends on nothing.
        .target(name: "YAML"),
        // The compose files `docker stack deploy` reads, as a pure model (docs/stacks.md).
        .target(name: "Compose", dependencies: ["YAML"]),
        // The Docker Engine API over the simulated engines, for `swarmsim serve` (docs/serve.md):
        // HTTP/1.1 parsing and answers, endpoints mapped onto engine calls. Pure: no sockets, no clock.
        .target(name: "EngineAPI", dependencies: ["SimCore", "Orchestration", "Cluster", "DockerClient"]),
        .executableTarget(name: "swarmsim", dependencies: [
            "SimCore", "Orchestration", "Cluster", "ScenarioLanguage", "DockerClient", "Report", "Runner", "Experiments", "Fuzzer", "EngineAPI",
        ]),

        .testTarget(name: "SimCoreTests", dependencies: ["SimCore"]),
        .testTarget(name: "SimNetworkTests", dependencies: ["SimNetwork"]),
        .testTarget(name: "RaftTests", dependencies: ["Raft", "SimNetwork"]),
        .testTarget(name: "OrchestrationTests", dependencies: ["Orchestration"]),
        .testTarget(name: "NodeRolesTests", dependencies: ["NodeRoles", "Raft", "Orchestration", "SimCore"]),
        .testTarget(name: "ClusterTests", dependencies: ["Cluster"]),
        .testTarget(name: "ScenarioTests", dependencies: [
            "SimCore", "Raft", "Orchestration", "Cluster",
            "ScenarioLanguage", "DockerClient", "Report", "Runner", "Experiments", "Fuzzer",
        ]),
        .testTarget(name: "CLITests", dependencies: ["swarmsim"]),
        .testTarget(name: "YAMLTests", dependencies: ["YAML"]),
        .testTarget(name: "ComposeTests", dependencies: ["Compose"]),
        .testTarget(name: "EngineAPITests", dependencies: ["SimCore", "Orchestration", "Cluster", "ScenarioLanguage", "DockerClient", "Runner", "EngineAPI"]),
    ],
    swiftLanguageModes: [.v6]
)
