/// What a simulator delivers its events to. Generic dispatch: the compiler specializes the loop
/// for each handler type, so no existential or closure call is made per event.
public protocol EventHandler {
    associatedtype Event
    /// Handles one event. `simulator.now` is the event's time; new events may be scheduled.
    mutating func handle(_ event: Event, simulator: Simulator<Event>)
}
