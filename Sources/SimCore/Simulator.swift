/// The discrete-event loop: a clock that jumps from event to event.
///
/// A reference type so that a handler can schedule while it handles; the loop itself is the only
/// thing that moves `now`.
///
/// Events wait in two tiers: the event tree (`EventTree`), which hands them out in order, and,
/// once the tree holds `treeLimit` events, a calendar (`EventCalendar`) for those due from the
/// next 134 ms bucket on, which moves them into the tree bucket by bucket as the clock comes
/// near. The order is the tree's alone: (time, then the order of scheduling).
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
    @exclusivity(unchecked) @usableFromInline var calendar = EventCalendar<Event>()

    /// Events the tree holds before later ones wait in the calendar: enough for the tree alone
    /// to run a small model, few enough for its leaves and payloads to stay in the cache.
    @usableFromInline let treeLimit: Int

    public convenience init() { self.init(treeLimit: 4_096) }

    /// A simulator whose tree takes up to `treeLimit` events before the calendar takes later
    /// ones (tests use a small limit, to run both tiers with few events).
    init(treeLimit: Int) { self.treeLimit = treeLimit }

    /// Events waiting to run.
    @inlinable public var pendingCount: Int { queue.count &+ calendar.count }

    /// The time of the next event, if any.
    @inlinable public func nextEventTime() -> SimTime? {
        let t = nextTime()
        return t == .max && queue.count == 0 ? nil : SimTime(nanoseconds: t)
    }

    /// The time of the next event in nanoseconds (`Int64.max` when none waits), with the
    /// calendar's buckets due by then moved into the tree, so that the tree's next event is the
    /// next of all.
    @inlinable @inline(__always)
    func nextTime() -> Int64 {
        let t = queue.nextTime
        if _fastPath(t < calendar.start) { return t }
        calendar.release(into: &queue)
        return queue.nextTime
    }

    /// Whether an event is due at or before `deadline` (the calendar's buckets due by then
    /// moved into the tree).
    @inlinable @inline(__always)
    func hasEvent(dueBy deadline: SimTime) -> Bool {
        let t = nextTime()
        // `Int64.max` is also the time of an event at the end of time.
        return t <= deadline.nanoseconds && (t != .max || queue.count > 0)
    }

    /// Schedules `event` at `time` (not before now).
    @inlinable @discardableResult
    public func schedule(_ event: consuming Event, at time: SimTime) -> EventID {
        precondition(time >= now, "Simulator.schedule: \(time) is in the past (now \(now))")
        if queue.count >= treeLimit, calendar.accepts(time.nanoseconds, now: _now.nanoseconds) {
            let sequence = queue.reserveSequence()
            calendar.add(event, at: time.nanoseconds, sequence: sequence)
            return EventID(sequence: sequence)
        }
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
        if queue.count >= treeLimit, calendar.accepts(time.nanoseconds, now: _now.nanoseconds) {
            calendar.add(event, at: time.nanoseconds, sequence: id.sequence)
        } else {
            queue.push(event, at: time, sequence: id.sequence)
        }
        return id
    }

    /// Cancels a scheduled event; a no-op if it already ran.
    @inlinable public func cancel(_ id: EventID) {
        if !queue.cancel(id) { _ = calendar.cancel(sequence: id.sequence) }
    }

    /// Runs the next event, if any. Returns false when the queue is empty.
    ///
    /// The event's slot in the queue stays vacant while its handler runs, so that the first
    /// event the handler schedules takes the slot in one pass (see `EventTree`).
    @inlinable @discardableResult
    public func step<H: EventHandler>(_ handler: inout H) -> Bool where H.Event == Event {
        _ = nextTime()
        return stepTaken(&handler)
    }

    /// `step`, once `nextTime()` has moved the calendar's due buckets into the tree.
    @inlinable @inline(__always) @discardableResult
    func stepTaken<H: EventHandler>(_ handler: inout H) -> Bool where H.Event == Event {
        guard let (time, _, event) = queue.takeTop() else { return false }
        _now = time
        _eventsHandled &+= 1
        handler.handle(event, simulator: self)
        return true
    }

    /// Hands `body` the next event, if any, without taking it: for a handler to prefetch what
    /// that event will read. The calendar's buckets due by then move into the tree first, as
    /// the loop's next step would move them (`nextTime`).
    @inlinable public func peekNext(_ body: (borrowing Event) -> Void) {
        _ = nextTime()
        queue.peek(body)
    }

    /// Runs every event due at or before `deadline`, then sets the clock to `deadline`.
    @inlinable
    public func run<H: EventHandler>(until deadline: SimTime, _ handler: inout H) where H.Event == Event {
        while hasEvent(dueBy: deadline) { stepTaken(&handler) }
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
            guard hasEvent(dueBy: deadline) else { break }
            stepTaken(&handler)
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
        precondition(nextEventTime().map { $0 >= time } ?? true, "Simulator.advance skips events")
        if time > now { _now = time }
    }
}
