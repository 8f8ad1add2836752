import Testing
@testable import SimCore

@Suite struct DurationTests {
    @Test(arguments: [
        ("150ms", Int64(150_000_000)), ("1.5s", 1_500_000_000), ("2m", 120_000_000_000),
        ("1h", 3_600_000_000_000), ("250us", 250_000), ("250µs", 250_000), ("10ns", 10),
        ("1h30m", 5_400_000_000_000), ("0", 0), ("0.5ms", 500_000), ("1m0.5s", 60_500_000_000),
    ])
    func parses(text: String, nanoseconds: Int64) throws {
        #expect(try SimDuration(parsing: text).nanoseconds == nanoseconds)
    }

    @Test(arguments: [
        (Int64(0), "0s"), (150_000_000, "150ms"), (1_500_000_000, "1.5s"), (120_000_000_000, "2m"),
        (3_600_000_000_000, "1h"), (250_000, "250us"), (5_400_000_000_000, "1h30m"),
        (60_500_000_000, "1m0.5s"), (1_250_000, "1.25ms"), (7, "7ns"), (3_600_000_000_001, "1h0m0.000000001s"),
    ])
    func prints(nanoseconds: Int64, text: String) {
        #expect(SimDuration(nanoseconds: nanoseconds).description == text)
    }

    @Test func printingRoundTrips() throws {
        var rng = SeededRandom(seed: 7)
        for _ in 0..<2_000 {
            let d = SimDuration(nanoseconds: Int64(rng.below(1 << 50)))
            #expect(try SimDuration(parsing: d.description) == d)
        }
    }

    @Test(arguments: [
        ("", "empty duration", 0),
        ("10", "missing unit in duration '10'", 2),
        ("10x", "unknown unit 'x' in duration '10x'", 2),
        ("abc", "invalid duration 'abc': expected a number at 'abc'", 0),
        ("1.5", "missing unit in duration '1.5'", 3),
        ("0.1ns", "duration '0.1ns' is finer than a nanosecond", 0),
        ("9999999999h", "duration '9999999999h' is too long", 0),
        ("-5s", "invalid duration '-5s': expected a number at '-5s'", 0),
    ])
    func refuses(text: String, message: String, offset: Int) {
        #expect(throws: DurationParseError.self) { try SimDuration(parsing: text) }
        do { _ = try SimDuration(parsing: text) } catch {
            #expect(error.message == message)
            #expect(error.offset == offset)
        }
    }

    @Test func missingUnitSuggestsSeconds() {
        do { _ = try SimDuration(parsing: "30"); Issue.record("accepted '30'") } catch {
            #expect(error.hint == "did you mean '30s'? units are ns, us, ms, s, m, h")
        }
    }

    @Test func timePrintsMilliseconds() {
        #expect(SimTime(nanoseconds: 12_345_678_901).description == "12.345s")
        #expect(SimDuration(nanoseconds: 1_500_000_000).exactSeconds == "1.5")
        #expect(SimDuration(nanoseconds: 2_000_000_000).exactSeconds == "2")
    }

    @Test func timeAdditionSaturates() {
        #expect(SimTime.distantFuture + .seconds(1) == .distantFuture)
    }
}
