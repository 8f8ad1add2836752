import SimCore

// Partitions, one-way cuts, crashes and restarts: the faults a scenario injects with
// `partition m1 m2 | m3`, `isolate m1`, `heal`, `crash m1`, `restart m1`.

// MARK: - Partitions and cuts

extension Network {
    /// Splits the hosts into `groups`; hosts in different groups cannot talk. Replaces any earlier
    /// partition (and isolation). Hosts not listed join the first group; a host listed twice
    /// stays in the first group that lists it. Cuts are kept. `partition([])` puts every host back
    /// in one group.
    public mutating func partition(_ groups: [[HostID]]) {
        for h in groups.joined() { check(h) }
        var placed = [Bool](repeating: false, count: hostCount)
        for i in groupOf.indices { groupOf[i] = 0 }
        for (number, group) in groups.enumerated() {
            for h in group where !placed[h.index] {
                placed[h.index] = true
                groupOf[h.index] = number
            }
        }
        nextGroup = max(1, groups.count)
    }

    /// Puts `host` in a group of its own, on top of the current partition: it can talk to no one,
    /// and the others keep their groups.
    public mutating func isolate(_ host: HostID) {
        check(host)
        groupOf[host.index] = nextGroup
        nextGroup += 1
    }

    /// Cuts one direction: `to` no longer hears `from` (`from` still hears `to`).
    public mutating func cut(from: HostID, to: HostID) {
        check(from); check(to)
        let key = Self.pairKey(from, to)
        let i = Self.lowerBound(cuts.count, key) { cuts[$0] }
        if i == cuts.count || cuts[i] != key { cuts.insert(key, at: i) }
    }

    /// Restores one direction cut by `cut(from:to:)`; does nothing if it is not cut.
    public mutating func uncut(from: HostID, to: HostID) {
        check(from); check(to)
        let key = Self.pairKey(from, to)
        let i = Self.lowerBound(cuts.count, key) { cuts[$0] }
        if i < cuts.count && cuts[i] == key { cuts.remove(at: i) }
    }

    /// Whether the direction `from` → `to` is cut.
    /// - Complexity: O(log k) for k cuts; O(1) when there are none.
    @inlinable
    public func isCut(from: HostID, to: HostID) -> Bool {
        if cuts.isEmpty { return false }
        let key = Self.pairKey(from, to)
        let i = Self.lowerBound(cuts.count, key) { cuts[$0] }
        return i < cuts.count && cuts[i] == key
    }

    /// Every cut direction, sorted by (from, to).
    public var cutLinks: [(from: HostID, to: HostID)] {
        cuts.map { (Self.host(high: $0), Self.host(low: $0)) }
    }

    /// Clears partitions, isolation and cuts. Crashed hosts stay crashed; link overrides stay.
    public mutating func heal() {
        for i in groupOf.indices { groupOf[i] = 0 }
        nextGroup = 1
        cuts.removeAll()
    }

    /// The current partition groups, each sorted by host, ordered by their first host; crashed
    /// hosts are listed in their group. One group of every host when there is no partition; an
    /// isolated host is a group of one.
    public var groups: [[HostID]] {
        var numbers: [Int] = []
        var result: [[HostID]] = []
        for (index, number) in groupOf.enumerated() {
            if let at = numbers.firstIndex(of: number) {
                result[at].append(HostID(index))
            } else {
                numbers.append(number)
                result.append([HostID(index)])
            }
        }
        return result
    }

    /// Whether `a` and `b` are in the same partition group.
    public func sameGroup(_ a: HostID, _ b: HostID) -> Bool {
        check(a); check(b)
        return groupOf[a.index] == groupOf[b.index]
    }
}

// MARK: - Crash and restart

extension Network {
    /// Crashes `host`: it neither sends nor receives until restarted. Crashing a crashed host
    /// does nothing.
    public mutating func crash(_ host: HostID) {
        check(host)
        up[host.index] = false
    }

    /// Starts `host` again in a new incarnation (one more than before). Restarting a host that is
    /// up is a reboot: it, too, starts a new incarnation, so messages in flight to it are void.
    public mutating func restart(_ host: HostID) {
        check(host)
        up[host.index] = true
        incarnations[host.index] &+= 1
    }

    /// Whether `host` is up (not crashed).
    @inlinable public func isUp(_ host: HostID) -> Bool {
        check(host)
        return up[host.index]
    }

    /// How many times `host` has restarted. Timers and messages addressed to an older
    /// incarnation are void.
    @inlinable public func incarnation(_ host: HostID) -> UInt32 {
        check(host)
        return incarnations[host.index]
    }
}
