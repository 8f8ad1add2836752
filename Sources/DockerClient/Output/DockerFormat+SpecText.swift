import SimCore
import Orchestration

extension DockerFormat {
    /// A service spec as `docker service inspect` writes it (`Spec`), for the Engine API to
    /// serve the same shape from the one writer.
    package static func serviceSpecJSONText(_ spec: ServiceSpec) -> String { specJSON(spec, indent: 0) }
}
