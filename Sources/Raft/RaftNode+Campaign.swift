extension RaftNode {
    /// Starts an election now rather than after an election timeout, as swarmkit does for the
    /// only manager of a new swarm (`campaignWhenAble`; etcd `Node.Campaign`). With PreVote on,
    /// a pre-election comes first. Does nothing on a non-voter or a leader.
    public mutating func campaign() {
        campaign(preVote: config.preVote)
    }
}
