// Leader election: timeouts, campaigns, votes, and role transitions (§5.2, §5.4.1; thesis §9.6;
// etcd raft.go `tickElection`, `tickHeartbeat`, `campaign`, `poll`, `become*`).

extension RaftNode {
    // MARK: Ticks

    /// Advances the logical clock by one tick. A follower or candidate whose randomized
    /// election timeout passes campaigns; a leader sends heartbeats every `heartbeatTicks` and,
    /// with CheckQuorum, steps down after an election timeout in which no quorum answered.
    /// MUST be called at a steady rate on every member (swarmkit: once a second).
    public mutating func tick() {
        ticks &+= 1
        switch role {
        case .leader: tickLeader()
        case .follower, .preCandidate, .candidate: tickElection()
        }
    }

    private mutating func tickElection() {
        electionElapsed += 1
        guard isVoter, electionElapsed >= randomizedElectionTimeout else { return }
        electionElapsed = 0
        campaign(preVote: config.preVote)
    }

    private mutating func tickLeader() {
        heartbeatElapsed += 1
        electionElapsed += 1
        if electionElapsed >= config.electionTicks {
            electionElapsed = 0
            if config.checkQuorum {
                guard quorumActive() else {
                    becomeFollower(term: term, leader: nil)
                    return
                }
                for k in progress.indices where progress[k].id != id { progress[k].recentActive = false }
            }
        }
        if heartbeatElapsed >= config.heartbeatTicks {
            heartbeatElapsed = 0
            broadcastHeartbeat()
        }
        for k in progress.indices where progress[k].state == .snapshot {
            progress[k].ticksSinceSnapshot += 1
        }
    }

    /// Whether a quorum of voters, this leader included, was heard from since the last check.
    private func quorumActive() -> Bool {
        progress.reduce(0) { $0 + ($1.recentActive || $1.id == id ? 1 : 0) } >= quorum
    }

    /// Draws a fresh election timeout in [electionTicks, 2 × electionTicks) (§5.2).
    mutating func resetElectionTimeout() {
        randomizedElectionTimeout = config.electionTicks + Int(random.below(UInt64(config.electionTicks)))
    }

    // MARK: Campaigns

    /// Starts an election (or, with PreVote, a pre-election for the next term) if this member
    /// is a voter and not already leading.
    mutating func campaign(preVote: Bool) {
        guard isVoter, role != .leader else { return }
        let voteTerm: UInt64
        if preVote {
            becomePreCandidate()
            voteTerm = term + 1
        } else {
            becomeCandidate()
            voteTerm = term
        }
        if poll(id, granted: true) == .won {
            preVote ? campaign(preVote: false) : becomeLeader()
            return
        }
        let (lastIndex, lastTerm) = (log.lastIndex, log.lastTerm)
        for voter in voters where voter != id {
            send(to: voter, term: voteTerm, preVote ? .preVote(lastIndex: lastIndex, lastTerm: lastTerm)
                                                    : .vote(lastIndex: lastIndex, lastTerm: lastTerm))
        }
    }

    enum ElectionResult { case won, lost, pending }

    /// Records `voter`'s answer (the first one per voter counts; non-voters are ignored) and
    /// tallies: won with a majority of grants, lost once a majority is out of reach.
    mutating func poll(_ voter: Raft.NodeID, granted: Bool) -> ElectionResult {
        if voters.contains(voter), !votes.contains(where: { $0.voter == voter }) {
            votes.append((voter, granted))
        }
        let grants = votes.reduce(0) { $0 + ($1.granted ? 1 : 0) }
        if grants >= quorum { return .won }
        if votes.count - grants > voters.count - quorum { return .lost }
        return .pending
    }

    // MARK: Votes

    /// Answers a vote or pre-vote request whose term is at least ours (§5.2, §5.4.1).
    ///
    /// A vote goes to the candidate if this member has not voted for another in this term and
    /// knows no leader in it (a pre-vote for a later term needs neither), and the candidate's log
    /// is at least as up-to-date. Granted answers carry the request's term.
    mutating func handleVoteRequest(_ m: Raft.Message<Command, State>, lastIndex: UInt64, lastTerm: UInt64, preVote: Bool) {
        let canVote = vote == m.from || (vote == nil && leader == nil) || (preVote && m.term > term)
        if canVote && log.isUpToDate(lastIndex: lastIndex, lastTerm: lastTerm) {
            send(to: m.from, term: m.term, preVote ? .preVoteResponse(reject: false) : .voteResponse(reject: false))
            if !preVote {
                electionElapsed = 0
                vote = m.from
            }
        } else {
            send(to: m.from, term: term, preVote ? .preVoteResponse(reject: true) : .voteResponse(reject: true))
        }
    }

    /// Counts a (pre-)vote answer while campaigning.
    mutating func handleVoteResponse(from voter: Raft.NodeID, reject: Bool) {
        switch poll(voter, granted: !reject) {
        case .won:
            if role == .preCandidate {
                campaign(preVote: false)
            } else {
                becomeLeader()
            }
        case .lost:
            becomeFollower(term: term, leader: nil)
        case .pending:
            break
        }
    }

    // MARK: Role transitions

    /// Clears the per-term state; a new term also clears the vote.
    private mutating func reset(term newTerm: UInt64) {
        if newTerm != term {
            term = newTerm
            vote = nil
        }
        leader = nil
        electionElapsed = 0
        heartbeatElapsed = 0
        resetElectionTimeout()
        votes.removeAll()
        progress.removeAll()
        pendingConfIndex = 0
    }

    mutating func becomeFollower(term newTerm: UInt64, leader newLeader: Raft.NodeID?) {
        reset(term: newTerm)
        role = .follower
        leader = newLeader
    }

    /// Pre-candidates keep their term and vote (thesis §9.6).
    private mutating func becomePreCandidate() {
        precondition(role != .leader, "Raft: invalid transition [leader -> pre-candidate]")
        role = .preCandidate
        leader = nil
        votes.removeAll()
    }

    private mutating func becomeCandidate() {
        precondition(role != .leader, "Raft: invalid transition [leader -> candidate]")
        reset(term: term + 1)
        vote = id
        role = .candidate
    }

    /// Takes office: progress for every voter, and a no-op entry of the new term so that
    /// entries of earlier terms can commit with it (§5.4.2, §8).
    private mutating func becomeLeader() {
        precondition(role == .candidate, "Raft: invalid transition [\(role) -> leader]")
        let granted = votes.filter(\.granted).map(\.voter)
        reset(term: term)
        role = .leader
        leader = id
        progress = voters.map { Progress(id: $0, next: log.lastIndex + 1) }
        for k in progress.indices {
            if progress[k].id == id {
                progress[k].match = log.lastIndex
                progress[k].becomeReplicate()
                progress[k].recentActive = true
            }
            if granted.contains(progress[k].id) { progress[k].lastHeard = ticks }
        }
        appendEntry(.empty)
        // No membership change until this term's no-op commits: the fix to single-server
        // changes in Ongaro's raft-dev note of 2015 (etcd only waits for earlier entries).
        pendingConfIndex = log.lastIndex
        broadcastAppend()
    }
}
