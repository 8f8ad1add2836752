/// SimCore: the deterministic discrete-event kernel every other module stands on.
///
/// Virtual time (`SimTime`, `SimDuration`, both Int64 nanoseconds), the event queue ordered by
/// (time, insertion sequence), the `Simulator` loop, `SeededRandom` (SplitMix64 seeding
/// xoshiro256**, with child streams per subsystem), typed IDs, the JSON Lines trace writer, and
/// `JSONValue`, the one JSON writer (compact for experiments, indented for docker inspect).
///
/// Rules this module keeps, and that every module above it inherits:
/// - nothing reads a clock: time only moves when the simulator pops an event;
/// - nothing draws from the system's random source: every draw comes from a `SeededRandom`;
/// - ties between events at the same instant break by insertion order.
///
/// SimCore imports only the standard library. Transcendental functions come from
/// `DeterministicMath`, written here in plain IEEE arithmetic, so that a draw gives the same
/// bits on every machine whatever its C library chooses.
public enum SimCore {
    /// The version printed by `swarmsim --version` and written into every trace header.
    public static let version = "0.1.0"
}
