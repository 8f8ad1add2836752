import Testing
import SimCore
import SimNetwork

@Suite struct LatencyTests {
    @Test func fixedIsExactAndDrawsNothing() {
        var rng = SeededRandom(seed: 9)
        let untouched = rng
        for _ in 0..<100 { #expect(Latency.fixed(.microseconds(250)).sample(&rng) == .microseconds(250)) }
        var copy = untouched
        #expect(rng.next() == copy.next())
        #expect(Latency.fixed(.nanoseconds(-5)).sample(&rng) == .zero)
    }

    @Test func uniformStaysWithinItsClosedBounds() {
        var rng = SeededRandom(seed: 4)
        var seen = Set<Int64>()
        for _ in 0..<1_000 {
            let d = Latency.uniform(.nanoseconds(10), .nanoseconds(13)).sample(&rng)
            #expect(d >= .nanoseconds(10) && d <= .nanoseconds(13))
            seen.insert(d.nanoseconds)
        }
        #expect(seen == [10, 11, 12, 13])
    }

    @Test func uniformHasTheRightMean() {
        let lo = SimDuration.microseconds(200), hi = SimDuration.milliseconds(1), n = 100_000
        var rng = SeededRandom(seed: 8)
        var sum = 0.0
        for _ in 0..<n {
            let d = Latency.uniform(lo, hi).sample(&rng)
            #expect(d >= lo && d <= hi)
            sum += Double(d.nanoseconds)
        }
        let width = Double(hi.nanoseconds - lo.nanoseconds)
        let expected = Double(lo.nanoseconds + hi.nanoseconds) / 2
        // Standard deviation of a uniform over a width w is w / √12.
        #expect(within(sum / Double(n), of: expected, standardError: width / (12.0 * Double(n)).squareRoot()))
        #expect(Latency.uniform(lo, hi).mean == .microseconds(600))
    }

    @Test func uniformReadsReversedBoundsInOrder() {
        var a = SeededRandom(seed: 2), b = SeededRandom(seed: 2)
        for _ in 0..<100 {
            #expect(Latency.uniform(.milliseconds(5), .milliseconds(1)).sample(&a)
                    == Latency.uniform(.milliseconds(1), .milliseconds(5)).sample(&b))
        }
        #expect(Latency.uniform(.milliseconds(3), .milliseconds(3)).sample(&a) == .milliseconds(3))
    }

    @Test func exponentialHasItsFloorAndMean() {
        let minimum = SimDuration.milliseconds(1), mean = SimDuration.milliseconds(5), n = 100_000
        var rng = SeededRandom(seed: 12)
        var sum = 0.0
        var aboveThreeMeans = 0
        for _ in 0..<n {
            let d = Latency.exponential(minimum: minimum, mean: mean).sample(&rng)
            #expect(d >= minimum)
            sum += Double(d.nanoseconds)
            if d - minimum > (mean - minimum) * 3 { aboveThreeMeans += 1 }
        }
        // The tail is Exp(mean − minimum): its standard deviation equals its mean.
        let tail = Double((mean - minimum).nanoseconds)
        #expect(within(sum / Double(n), of: Double(mean.nanoseconds), standardError: tail / Double(n).squareRoot()))
        // P(tail > 3 means) = e^-3: a check of the shape, not just the mean.
        let p = 0.049787068367863944
        #expect(within(Double(aboveThreeMeans) / Double(n), of: p, standardError: binomialStandardError(p: p, n: n)))
        #expect(Latency.exponential(minimum: minimum, mean: mean).mean == mean)
    }

    @Test func exponentialWithMeanAtTheFloorIsTheFloor() {
        var rng = SeededRandom(seed: 1)
        #expect(Latency.exponential(minimum: .milliseconds(2), mean: .milliseconds(2)).sample(&rng) == .milliseconds(2))
        #expect(Latency.exponential(minimum: .milliseconds(2), mean: .milliseconds(1)).sample(&rng) == .milliseconds(2))
        #expect(Latency.exponential(minimum: .milliseconds(2), mean: .milliseconds(1)).mean == .milliseconds(2))
    }

    @Test func minimumAndDescription() {
        #expect(Latency.uniform(.milliseconds(5), .milliseconds(1)).minimum == .milliseconds(1))
        #expect(Latency.exponential(minimum: .milliseconds(1), mean: .milliseconds(3)).minimum == .milliseconds(1))
        #expect(Latency.fixed(.milliseconds(2)).description == "2ms")
        #expect(Latency.uniform(.milliseconds(1), .milliseconds(5)).description == "1ms..5ms")
        #expect(Latency.exponential(minimum: .milliseconds(1), mean: .milliseconds(3)).description == "exp(min 1ms, mean 3ms)")
    }
}
