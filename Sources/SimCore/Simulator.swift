/// The discrete-event loop: a clock that jumps from event to event.
///
/// A reference type so that a handler can schedule while it handles; the loop itself is the only
/// thing that moves `now`.
public final class Simulator<Event> {
    /// The current virtual time: the time of the event being handled, or of the last one.
    @inlinable public var now: SimTime { _now }
    /// Events handled so far.
    @inlinable public var eventsHandled: UInt64 { _eventsHandled }
    // Exclusivity is unchecked at run time: every access to these properties begins and ends
    // inside one method of this class and none spans a call into a handler or a condition, so no
    // two accesses can overlap. The dynamic check cost about a third of each event.
    @exclusivity(unchecked) @usableFromInline var _now: SimTime = .zero
    @exclusivity(unchecked) @usableFromInline var _eventsHandled: UInt64 = 0
    @exclusivity(unchecked) @usableFromInline var queue = EventTree<Event>()

    public init() {}

    /// Events waiting to run.
    @inlinable public var pendingCount: Int { queue.count }

    /// The time of the next event, if any.
    @inlinable public func nextEventTime() -> SimTime? { queue.peekTime() }

    /// Schedules `event` at `time` (not before now).
    @inlinable @discardableResult
    public func schedule(_ event: consuming Event, at time: SimTime) -> EventID {
        precondition(time >= now, "Simulator.schedule: \(time) is in the past (now \(now))")
        return queue.push(event, at: time)
    }

    /// Schedules `event` after `delay` (≥ 0).
    @inlinable @discardableResult
    public func schedule(_ event: consuming Event, after delay: SimDuration) -> EventID {
        // Clamped through the raw count: `SimDuration.zero` is a global, read through an accessor.
        schedule(event, at: now + SimDuration(nanoseconds: Swift.max(delay.nanoseconds, 0)))
    }

    /// An ID for an event that may be scheduled later (`schedule(_:at:reserved:)`): among
    /// events due at the same instant, that event runs where it would have if it had been
    /// scheduled now. A timer that is usually void before it is due (a call's deadline) is kept
    /// this way outside the queue, and only scheduled once it is the next one that can fire,
    /// with the order it would have had.
    @inlinable public func reserveEventID() -> EventID { EventID(sequence: queue.reserveSequence()) }

    /// Schedules `event` at `time` (not before now) under an ID from `reserveEventID()`, each
    /// used once.
    @inlinable @discardableResult
    public func schedule(_ event: consuming Event, at time: SimTime, reserved id: EventID) -> EventID {
        precondition(time >= now, "Simulator.schedule: \(time) is in the past (now \(now))")
        queue.push(event, at: time, sequence: id.sequence)
        return id
    }

    /// Cancels a scheduled event; a no-op if it already ran.
    @inlinable public func cancel(_ id: EventID) { queue.cancel(id) }

    /// Runs the next event, if any. Returns false when the queue is empty.
    ///
    /// The event's slot in the queue stays vacant while its handler runs, so that the first
    /// event the handler schedules takes the slot in one pass (see `EventTree`).
    @inlinable @discardableResult
    public func step<H: EventHandler>(_ handler: inout H) -> Bool where H.Event == Event {
        guard let (time, _, event) = queue.takeTop() else { return false }
        _now = time
        _eventsHandled &+= 1
        handler.handle(event, simulator: self)
        return true
    }

    /// Runs every event due at or before `deadline`, then sets the clock to `deadline`.
    @inlinable
    public func run<H: EventHandler>(until deadline: SimTime, _ handler: inout H) where H.Event == Event {
        while let t = queue.peekTime(), t <= deadline { step(&handler) }
        if deadline > now && deadline != .distantFuture { _now = deadline }
    }

    /// Runs until `condition` holds (checked before each event and after the last), the queue
    /// empties, or the next event would pass `deadline`. Returns whether the condition held;
    /// on success the clock stays at the instant it became true.
    ///
    /// `@inlinable`, like `step`: specialized in the caller's module, the loop makes no runtime
    /// type-metadata lookups, which parallel sweeps would otherwise contend on.
    @inlinable @discardableResult
    public func run<H: EventHandler>(until condition: (Simulator<Event>) -> Bool, deadline: SimTime, _ handler: inout H) -> Bool where H.Event == Event {
        while true {
            if condition(self) { return true }
            guard let t = queue.peekTime(), t <= deadline else { break }
            step(&handler)
        }
        if deadline > now && deadline != .distantFuture { _now = deadline }
        return condition(self)
    }

    /// Runs until no event is left.
    @inlinable
    public func runToCompletion<H: EventHandler>(_ handler: inout H) where H.Event == Event {
        while step(&handler) {}
    }

    /// Moves the clock forward with no event (for a scenario's `wait` when nothing is pending).
    @inlinable public func advance(to time: SimTime) {
        precondition(queue.peekTime().map { $0 >= time } ?? true, "Simulator.advance skips events")
        if time > now { _now = time }
    }
}
