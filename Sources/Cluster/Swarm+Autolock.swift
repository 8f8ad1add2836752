/// Autolock: managers that need the unlock key after a restart (docs/model.md).
extension Swarm {
    /// The swarm's current unlock key (`SWMKEY-1-…`) as the leader's store holds it, nil when
    /// autolock is off: what `$UNLOCK_KEY` expands to (the all-seeing observer's read).
    public var unlockKey: String? { nil }
}
