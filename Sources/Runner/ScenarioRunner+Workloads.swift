import SimCore
import ScenarioLanguage
import Cluster

extension ScenarioRunner {
    /// `image REF …` declares how containers of an image started from now on behave;
    /// `fail SERVICE.SLOT` / `fail SERVICE on HOST` makes an up container exit now. A `fail`
    /// that finds no such container says so (the statement's output) and changes nothing.
    func workload(_ s: ScriptStatement) throws(Diagnostic) -> String {
        let swarm = try ensureSwarm()
        switch s.statement {
        case .image(let ref, let behaviour):
            swarm.images.declare(ref, behaviour)
        case .fail(.slot(let service, let slot), let code):
            if swarm.fail(service: service, slot: slot, on: nil, code: code) == nil {
                return "no running container of \(service).\(slot)\n"
            }
        case .fail(.host(let service, let hostName), let code):
            if swarm.fail(service: service, slot: 0, on: try hostID(hostName, at: s.location), code: code) == nil {
                return "no running container of \(service) on \(hostName)\n"
            }
        default:
            break
        }
        return ""
    }
}
