// Leader election: timeouts, campaigns, votes, and role transitions (§5.2, §5.4.1; thesis §9.6;
// etcd raft.go `tickElection`, `tickHeartbeat`, `campaign`, `poll`, `become*`).

import SimCore

extension RaftNode {
    // MARK: Ticks

    /// Advances the logical clock by one tick. A follower or candidate whose randomized
    /// election timeout passes campaigns; a leader sends heartbeats every `heartbeatTicks` and,
    /// with CheckQuorum, steps down after an election timeout in which no quorum answered.
    /// MUST be called at a steady rate on every member (swarmkit: once a second).
    @inlinable
    public mutating func tick() {
        ticks &+= 1
        switch currentRole {
        case .leader: tickLeader()
        case .follower, .preCandidate, .candidate: tickElection()
        }
    }

    @inlinable
    mutating func tickElection() {
        electionElapsed += 1
        guard electionElapsed >= randomizedElectionTimeout, isVoter else { return }
        electionElapsed = 0
        campaign(preVote: config.preVote)
    }

    @inlinable
    mutating func tickLeader() {
        heartbeatElapsed += 1
        electionElapsed += 1
        if electionElapsed >= config.electionTicks {
            electionElapsed = 0
            if config.checkQuorum {
                guard quorumActive() else {
                    becomeFollower(term: currentTerm, leader: nil)
                    return
                }
                for k in progress.indices where progress[k].id != id { progress[k].recentActive = false }
            }
            // A transfer not finished within an election timeout is given up (etcd).
            abortLeadershipTransfer()
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
    @inlinable
    func quorumActive() -> Bool {
        var active = 0
        for p in progress where p.recentActive || p.id == id { active += 1 }
        return active >= quorum
    }

    /// Draws a fresh election timeout (§5.2): uniformly from `electionTimeoutRange` when it is
    /// set, else in [electionTicks, 2 × electionTicks) as etcd does. One draw either way.
    @inlinable
    mutating func resetElectionTimeout() {
        if let range = config.electionTimeoutRange {
            randomizedElectionTimeout = range.lowerBound + Int(random.below(UInt64(range.count)))
        } else {
            randomizedElectionTimeout = config.electionTicks + Int(random.below(UInt64(config.electionTicks)))
        }
    }

    // MARK: Campaigns

    /// Starts an election (or, with PreVote, a pre-election for the next term) if this member
    /// is a voter and not already leading. `transfer`: the leader handed over (`timeoutNow`);
    /// the vote requests say so, so that leases do not hold them back.
    @inlinable
    mutating func campaign(preVote: Bool, transfer: Bool = false) {
        guard isVoter, currentRole != .leader else { return }
        let voteTerm: UInt64
        if preVote {
            becomePreCandidate()
            voteTerm = currentTerm + 1
        } else {
            becomeCandidate()
            voteTerm = currentTerm
        }
        if poll(id, granted: true) == .won {
            preVote ? campaign(preVote: false) : becomeLeader()
            return
        }
        let (lastIndex, lastTerm) = (log.lastIndex, log.lastTerm)
        for voter in membership where voter != id {
            send(to: voter, term: voteTerm, preVote ? .preVote(lastIndex: lastIndex, lastTerm: lastTerm)
                                                    : .vote(lastIndex: lastIndex, lastTerm: lastTerm, transfer: transfer))
        }
    }

    @usableFromInline enum ElectionResult { case won, lost, pending }

    /// Records `voter`'s answer (the first one per voter counts; non-voters are ignored) and
    /// tallies: won with a majority of grants, lost once a majority is out of reach.
    @inlinable
    mutating func poll(_ voter: Raft.NodeID, granted: Bool) -> ElectionResult {
        if membership.contains(voter), !votes.contains(where: { $0.voter == voter }) {
            votes.append(Vote(voter: voter, granted: granted))
        }
        var grants = 0
        for v in votes where v.granted { grants += 1 }
        if grants >= quorum { return .won }
        if votes.count - grants > membership.count - quorum { return .lost }
        return .pending
    }

    // MARK: Votes

    /// Answers a vote or pre-vote request whose term is at least ours (§5.2, §5.4.1).
    ///
    /// A vote goes to the candidate if this member has not voted for another in this term and
    /// knows no leader in it (a pre-vote for a later term needs neither), and the candidate's log
    /// is at least as up-to-date. Granted answers carry the request's term.
    @inlinable
    mutating func handleVoteRequest(from candidate: Raft.NodeID, term requestTerm: UInt64,
                                    lastIndex: UInt64, lastTerm: UInt64, preVote: Bool) {
        let canVote = vote == candidate || (vote == nil && knownLeader == nil) || (preVote && requestTerm > currentTerm)
        if canVote && log.isUpToDate(lastIndex: lastIndex, lastTerm: lastTerm) {
            send(to: candidate, term: requestTerm, preVote ? .preVoteResponse(reject: false) : .voteResponse(reject: false))
            if !preVote {
                electionElapsed = 0
                if config.paperTimers { resetElectionTimeout() }
                vote = candidate
            }
        } else {
            send(to: candidate, preVote ? .preVoteResponse(reject: true) : .voteResponse(reject: true))
        }
    }

    /// Counts a (pre-)vote answer while campaigning.
    @inlinable
    mutating func handleVoteResponse(from voter: Raft.NodeID, reject: Bool) {
        switch poll(voter, granted: !reject) {
        case .won:
            if currentRole == .preCandidate {
                campaign(preVote: false)
            } else {
                becomeLeader()
            }
        case .lost:
            becomeFollower(term: currentTerm, leader: nil)
        case .pending:
            break
        }
    }

    // MARK: Role transitions

    /// Clears the per-term state; a new term also clears the vote.
    @inlinable
    mutating func reset(term newTerm: UInt64) {
        if newTerm != currentTerm {
            currentTerm = newTerm
            vote = nil
        }
        knownLeader = nil
        electionElapsed = 0
        heartbeatElapsed = 0
        resetElectionTimeout()
        votes.removeAll(keepingCapacity: true)
        progress.removeAll(keepingCapacity: true)
        pendingConfIndex = 0
        leaving = false
        leadTransferee = nil
    }

    @inlinable
    mutating func becomeFollower(term newTerm: UInt64, leader newLeader: Raft.NodeID?) {
        // With the paper's timers a candidate or follower keeps its running timer; a leader
        // stepping down starts one.
        let timer = config.paperTimers && currentRole != .leader ? (electionElapsed, randomizedElectionTimeout) : nil
        reset(term: newTerm)
        if let (elapsed, timeout) = timer { (electionElapsed, randomizedElectionTimeout) = (elapsed, timeout) }
        currentRole = .follower
        knownLeader = newLeader
    }

    /// Pre-candidates keep their term and vote (thesis §9.6).
    @inlinable
    mutating func becomePreCandidate() {
        precondition(currentRole != .leader, "Raft: invalid transition [leader -> pre-candidate]")
        currentRole = .preCandidate
        knownLeader = nil
        votes.removeAll(keepingCapacity: true)
    }

    @inlinable
    mutating func becomeCandidate() {
        precondition(currentRole != .leader, "Raft: invalid transition [leader -> candidate]")
        reset(term: currentTerm + 1)
        vote = id
        currentRole = .candidate
    }

    /// Takes office: progress for every voter, and a no-op entry of the new term so that
    /// entries of earlier terms can commit with it (§5.4.2, §8).
    @inlinable
    mutating func becomeLeader() {
        precondition(currentRole == .candidate, "Raft: invalid transition [\(currentRole) -> leader]")
        // The votes outlive the reset, for the lease below; their buffer goes back after.
        var won: [Vote] = []
        swap(&won, &votes)
        reset(term: currentTerm)
        currentRole = .leader
        knownLeader = id
        for voter in membership { progress.append(Progress(id: voter, next: log.lastIndex + 1)) }
        for k in progress.indices {
            if progress[k].id == id {
                progress[k].match = log.lastIndex
                progress[k].becomeReplicate()
                progress[k].recentActive = true
            }
            if won.contains(where: { $0.voter == progress[k].id && $0.granted }) { progress[k].lastHeard = ticks }
        }
        won.removeAll(keepingCapacity: true)
        swap(&won, &votes)
        appendEntry(.empty)
        // No membership change until this term's no-op commits: the fix to single-server
        // changes in Ongaro's raft-dev note of 2015 (etcd only waits for earlier entries).
        pendingConfIndex = log.lastIndex
        broadcastAppend()
    }
}
