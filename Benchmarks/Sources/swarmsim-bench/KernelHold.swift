import SimCore

// The classic hold model (Vaucher & Duval 1975; the standard way to time an event list): a fixed
// population of timers, each of which, when it fires, schedules itself again after a random
// delay. It measures the simulator loop and the event queue and nothing else.

/// `kernel-hold`: 1,000 timers with exponential delays of mean 1 s, stopped after 1,000,000
/// events; events per second, best of 3, against the same model in SimPy.
let kernelHold = Workload(
    name: "kernel-hold",
    summary: "hold model on SimCore's Simulator: 1,000 timers, exponential(1 s), 1,000,000 events; vs SimPy"
) {
    let timers = 1_000, events = 1_000_000, repeats = 3
    var virtualEnd = SimTime.zero
    let timing = bestOfWithCPU(repeats) { virtualEnd = HoldModel.run(timers: timers, events: UInt64(events), seed: 1) }
    var result = BenchResult(
        name: "kernel-hold", value: Double(events) / timing.best, unit: "events/s",
        details: [
            ("model", "\(timers) timers, exponential delays of mean 1 s, \(events) events"),
            ("runs (s)", timing.all.map(formatSeconds).joined(separator: " ")),
            ("virtual time reached", "\(virtualEnd)"),
        ])
    switch Peer.run(script: "simpy_hold.py", module: "simpy",
                    arguments: ["--processes", String(timers), "--events", String(events), "--repeat", String(repeats)]) {
    case .measured(let figure, let details):
        result.peer = "simpy"
        result.peerValue = figure
        result.details += details.map { ("simpy " + $0.0, $0.1) }
    case .unavailable(let why):
        result.details.append(("simpy", why))
    }
    result.addCPU(timing.cpu)
    return [result]
}

/// One timer population on a `Simulator`. Each event is a timer's index; handling it draws the
/// next delay and schedules the timer again.
struct HoldModel: EventHandler {
    var random: SeededRandom

    @inline(__always)
    mutating func nextDelay() -> SimDuration {
        // In whole nanoseconds, truncated (the draw is below 37 s, far inside Int64). Going
        // through `.seconds(exactly:)` would add a libm `round` call per event.
        SimDuration(nanoseconds: Int64(random.exponential(mean: 1e9)))
    }

    mutating func handle(_ timer: Int32, simulator: Simulator<Int32>) {
        simulator.schedule(timer, after: nextDelay())
    }

    /// Runs one hold model to `events` events; returns the virtual time reached (so the work
    /// cannot be optimised away, and as a check that runs agree).
    static func run(timers: Int, events: UInt64, seed: UInt64) -> SimTime {
        let simulator = Simulator<Int32>()
        var model = HoldModel(random: SeededRandom(seed: seed))
        for timer in 0..<timers { simulator.schedule(Int32(timer), after: model.nextDelay()) }
        while simulator.eventsHandled < events, simulator.step(&model) {}
        return simulator.now
    }
}
