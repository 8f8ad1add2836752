import SimCore
import Cluster
import ScenarioLanguage

extension ScenarioRunner {
    /// `show cluster|services|mesh`: a picture of the swarm now.
    func show(_ target: ShowTarget) throws(Diagnostic) -> String {
        let words = PictureWords(language: language)
        switch target {
        case .cluster: return ClusterPicture(swarm: try ensureSwarm(), hostOrder: orderedHosts(), color: options.color, words: words).text
        case .services: return ServicesPicture(swarm: try ensureSwarm(), hostOrder: orderedHosts(), words: words).services
        case .mesh: return ServicesPicture(swarm: try ensureSwarm(), hostOrder: orderedHosts(), words: words).mesh
        }
    }
}
