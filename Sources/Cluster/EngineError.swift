import SimCore
import Orchestration

/// An error as the daemon reports it. `text` is what follows "Error response from daemon: ".
public struct EngineError: Error, Sendable, Equatable {
    public var text: String
    public init(_ text: String) { self.text = text }

    /// gRPC status wording, as swarmkit's errors reach the CLI.
    static func rpc(_ code: String, _ message: String) -> EngineError {
        EngineError("rpc error: code = \(code) desc = \(message)")
    }

    public static let noLeader = rpc("Unknown", "The swarm does not have a leader. It's possible that too few managers are online. Make sure more than half of the managers are online.")
    static let notInSwarm = EngineError("This node is not a swarm manager. Use \"docker swarm init\" or \"docker swarm join\" to connect this node to swarm and try again.")
    static let worker = EngineError("This node is not a swarm manager. Worker nodes can't be used to view or modify cluster state. Please run this command on a manager node or promote the current node to a manager.")
    static let alreadyInSwarm = EngineError("This node is already part of a swarm. Use \"docker swarm leave\" to leave this swarm and join another one.")
    static let notPartOfSwarm = EngineError("This node is not part of a swarm")
    static let invalidToken = rpc("InvalidArgument", "A valid join token is necessary to join this cluster")
    static let deadline = rpc("DeadlineExceeded", "context deadline exceeded")
    /// moby `errSwarmJoinTimeoutReached`: `swarm join` gives up waiting, the engine does not.
    static let joinTimeout = EngineError("Timeout was reached before node joined. The attempt to join the swarm will continue in the background. Use the \"docker info\" command to see the current swarm status of your node.")
    static let lostLeadership = rpc("Unknown", "raft: failed to process the request: node lost leader status")
    static let lossOfQuorum = rpc("FailedPrecondition", "can't remove member from the raft: this would result in a loss of quorum")
    /// moby `errSwarmLocked`: every swarm call on a manager that restarted locked.
    static let swarmLocked = EngineError("Swarm is encrypted and needs to be unlocked before it can be used. Please use \"docker swarm unlock\" to unlock it.")
    public static func noSuchNode(_ ref: String) -> EngineError { EngineError("node \(ref) not found") }
}
