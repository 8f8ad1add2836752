import SimNetwork
import ScenarioLanguage

extension LatencySpec {
    var latency: Latency {
        switch self {
        case .fixed(let d): .fixed(d)
        case .uniform(let a, let b): .uniform(a, b)
        case .exponential(let m, let mean): .exponential(minimum: m, mean: mean)
        }
    }
}
