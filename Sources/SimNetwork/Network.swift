import SimCore

/// A simulated network of hosts: who can talk to whom, and what happens to each message.
///
/// A value type with mutating methods and its own `SeededRandom` stream (take it from the run's
/// root seed, e.g. `root.child("network")`). Every decision is a pure function of the calls made
/// so far and that stream, so the same calls give the same fates.
///
/// Hosts are dense `HostID`s from 0, in the order they were added. Passing a `HostID` that is not
/// a host of this network is a programming error in the caller and stops with a message.
///
/// How the shell uses it, per message:
/// ```swift
/// let envelope = Envelope(from: a, to: b, incarnation: network.incarnation(b), message: m)
/// switch network.transmit(from: a, to: b) {
/// case .dropped(let why):          trace(why)
/// case .delivered(let d):          simulator.schedule(.deliver(envelope), after: d)
/// case .duplicated(let d1, let d2): simulator.schedule(.deliver(envelope), after: d1)
///                                   simulator.schedule(.deliver(envelope), after: d2)
/// }
/// // …when `.deliver(envelope)` fires:
/// if network.accepts(envelope) { receiver.handle(envelope.message) }
/// ```
public struct Network: Sendable {
    /// The profile of every link without an override (a scenario's `network latency …`).
    public var defaultLink: LinkProfile

    @usableFromInline var random: SeededRandom
    /// Per host: not crashed.
    @usableFromInline var up: [Bool] = []
    /// Per host: restarts so far.
    @usableFromInline var incarnations: [UInt32] = []
    /// Per host: its partition group. 0 is the first group (and the only one when healed).
    @usableFromInline var groupOf: [Int] = []
    /// The next group number never used, for `isolate`.
    @usableFromInline var nextGroup = 1
    /// Cut directions, as `pairKey(from, to)`, sorted ascending.
    @usableFromInline var cuts: [UInt64] = []
    /// Per-link overrides, sorted by key.
    @usableFromInline var overrides: [LinkOverride] = []

    @usableFromInline struct LinkOverride: Sendable {
        @usableFromInline var key: UInt64
        @usableFromInline var profile: LinkProfile
        @usableFromInline init(key: UInt64, profile: LinkProfile) { self.key = key; self.profile = profile }
    }

    /// A network of `hostCount` hosts (IDs 0..<hostCount), all up, all in one group, every link
    /// following `defaultLink`.
    public init(hostCount: Int = 0, defaultLink: LinkProfile = .init(), random: SeededRandom) {
        self.defaultLink = defaultLink
        self.random = random
        for _ in 0..<max(0, hostCount) { addHost() }
    }

    // MARK: Hosts

    /// Adds a host, up, in incarnation 0, in the first partition group; returns its ID.
    @discardableResult
    public mutating func addHost() -> HostID {
        up.append(true)
        incarnations.append(0)
        groupOf.append(0)
        return HostID(up.count - 1)
    }

    /// The number of hosts ever added.
    @inlinable public var hostCount: Int { up.count }

    /// All hosts, in ID order.
    public var hosts: [HostID] { (0..<hostCount).map(HostID.init) }

    @inlinable func check(_ host: HostID) {
        precondition(host.index >= 0 && host.index < up.count,
                     "Network: \(host) is not a host of this network (\(up.count) hosts)")
    }

    // MARK: Links

    @inlinable static func pairKey(_ from: HostID, _ to: HostID) -> UInt64 {
        UInt64(UInt32(truncatingIfNeeded: from.index)) << 32 | UInt64(UInt32(truncatingIfNeeded: to.index))
    }

    /// Overrides the direction `from` → `to` with `profile`; `nil` clears the override, so the
    /// link follows `defaultLink` again.
    public mutating func setLink(from: HostID, to: HostID, _ profile: LinkProfile?) {
        check(from); check(to)
        let key = Self.pairKey(from, to)
        let i = Self.lowerBound(overrides.count, key) { overrides[$0].key }
        let present = i < overrides.count && overrides[i].key == key
        switch (profile, present) {
        case (let p?, true): overrides[i].profile = p
        case (let p?, false): overrides.insert(LinkOverride(key: key, profile: p), at: i)
        case (nil, true): overrides.remove(at: i)
        case (nil, false): break
        }
    }

    /// Overrides both directions between `a` and `b` (a scenario's `link m1 m2 …`).
    public mutating func setLinks(between a: HostID, and b: HostID, _ profile: LinkProfile?) {
        setLink(from: a, to: b, profile)
        setLink(from: b, to: a, profile)
    }

    /// The profile the direction `from` → `to` follows: its override, or `defaultLink`.
    /// - Complexity: O(log k) for k overrides.
    @inlinable
    public func link(from: HostID, to: HostID) -> LinkProfile {
        if overrides.isEmpty { return defaultLink }
        let key = Self.pairKey(from, to)
        let i = Self.lowerBound(overrides.count, key) { overrides[$0].key }
        return i < overrides.count && overrides[i].key == key ? overrides[i].profile : defaultLink
    }

    /// Every override, sorted by (from, to): for pictures and reports.
    public var linkOverrides: [(from: HostID, to: HostID, profile: LinkProfile)] {
        overrides.map { (Self.host(high: $0.key), Self.host(low: $0.key), $0.profile) }
    }

    @usableFromInline static func host(high key: UInt64) -> HostID { HostID(Int(key >> 32)) }
    @usableFromInline static func host(low key: UInt64) -> HostID { HostID(Int(key & 0xFFFF_FFFF)) }

    /// The first index in 0..<count whose key is ≥ `key`, for an ascending sequence of keys.
    @inlinable static func lowerBound(_ count: Int, _ key: UInt64, keyAt: (Int) -> UInt64) -> Int {
        var lo = 0, hi = count
        while lo < hi {
            let mid = (lo + hi) >> 1
            if keyAt(mid) < key { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    // MARK: Messages

    /// Decides the fate of one message sent now from `from` to `to`: dropped (and why), or the
    /// delay of each copy that will arrive.
    ///
    /// Checks, in order: sender up, receiver up, same partition group, direction not cut; then
    /// draws loss (`LinkProfile.loss`), one delay, and duplication (with a second, independent
    /// delay). A drop for a fault draws nothing; a probability of 0 draws nothing. Reordering
    /// comes from the delays: with jitter, a later message can arrive first.
    /// - Complexity: O(1) with no cuts or link overrides, O(log k) with k of them; no allocation.
    @inlinable
    public mutating func transmit(from: HostID, to: HostID) -> Transmission {
        check(from); check(to)
        guard up[from.index] else { return .dropped(.senderDown) }
        guard up[to.index] else { return .dropped(.receiverDown) }
        guard groupOf[from.index] == groupOf[to.index] else { return .dropped(.partitioned) }
        if isCut(from: from, to: to) { return .dropped(.cut) }
        let profile = link(from: from, to: to)
        if random.chance(profile.loss) { return .dropped(.loss) }
        let first = profile.latency.sample(&random)
        if random.chance(profile.duplication) {
            return .duplicated(first, profile.latency.sample(&random))
        }
        return .delivered(first)
    }

    /// Checked when a delivery fires: the receiver is up, still in the incarnation the message
    /// was sent to, and `from` → `to` is open (same group, not cut).
    ///
    /// The sender's state is not checked: a message already on the wire outlives its sender's
    /// crash, as a packet does.
    @inlinable
    public func accepts(from: HostID, to: HostID, sentToIncarnation: UInt32) -> Bool {
        check(from); check(to)
        return up[to.index]
            && incarnations[to.index] == sentToIncarnation
            && groupOf[from.index] == groupOf[to.index]
            && !isCut(from: from, to: to)
    }

    /// `accepts(from:to:sentToIncarnation:)` for an envelope.
    @inlinable
    public func accepts<Message>(_ envelope: Envelope<Message>) -> Bool {
        accepts(from: envelope.from, to: envelope.to, sentToIncarnation: envelope.incarnation)
    }

    /// Whether a message sent now could arrive: both hosts up, in the same group, and the
    /// direction not cut. (It may still be lost to `LinkProfile.loss`.)
    @inlinable
    public func canSend(from: HostID, to: HostID) -> Bool {
        check(from); check(to)
        return up[from.index] && up[to.index]
            && groupOf[from.index] == groupOf[to.index]
            && !isCut(from: from, to: to)
    }
}
