import SimCore
import Orchestration

/// `docker secret …` and `docker config …` on the leader (moby daemon/cluster secrets.go and
/// configs.go, swarmkit controlapi secret.go and config.go). A secret's data never leaves in
/// an answer.
extension Swarm {
    func executePayload(_ request: EngineRequest, in store: ClusterStore, on host: HostID, target: ReplyTarget) {
        func answer(_ r: EngineResult) { reply(target, .api(r), from: host) }
        switch request {
        case .payloadCreate(let kind, let spec):
            if let error = store.createPayloadError(kind, spec) { return answer(.failure(EngineError(error))) }
            let id = identity.newID()
            propose([.createPayload(PayloadRecord(kind: kind, id: id, spec: spec, createdAt: now))], on: host,
                    target: target, reply: .api(.success(.created(id: id))))
        case .payloadList(let kind, let filters):
            answer(.success(.payloads(store.payloads(kind).filter(filters.matches).map(\.redacted))))
        case .payloadInspect(let kind, let reference):
            guard let record = store.resolvePayload(kind, reference) else {
                return answer(.failure(EngineError("\(kind.rawValue) \(reference) not found")))
            }
            answer(.success(.payload(record.redacted)))
        case .payloadRemove(let kind, let reference):
            guard let record = store.resolvePayload(kind, reference) else {
                return answer(.failure(EngineError("\(kind.rawValue) \(reference) not found")))
            }
            if let error = store.removePayloadError(record) { return answer(.failure(EngineError(error))) }
            propose([.removePayload(id: record.id)], on: host, target: target, reply: .api(.success(.done)))
        default:
            answer(.failure(EngineError("unexpected call")))
        }
    }
}
