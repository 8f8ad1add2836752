import Testing
@testable import SimCore

@Suite struct RandomTests {
    @Test func sameSeedSameStream() {
        var a = SeededRandom(seed: 42), b = SeededRandom(seed: 42)
        for _ in 0..<1_000 { #expect(a.next() == b.next()) }
    }

    @Test func differentSeedsDiffer() {
        var a = SeededRandom(seed: 1), b = SeededRandom(seed: 2)
        #expect((0..<10).map { _ in a.next() } != (0..<10).map { _ in b.next() })
    }

    /// The reference output of xoshiro256** for the state SplitMix64(0) gives: fixes the
    /// algorithm so that a run replays the same on every version of the tool.
    @Test func knownFirstOutputs() {
        var r = SeededRandom(seed: 0)
        let first = (0..<3).map { _ in r.next() }
        #expect(first == [0x99EC_5F36_CB75_F2B4, 0xBF6E_1F78_4956_452A, 0x1A5F_849D_4933_E6E0])
    }

    @Test func childStreamsDoNotDependOnParentDraws() {
        var parent = SeededRandom(seed: 9)
        let before = parent.child("network")
        for _ in 0..<100 { _ = parent.next() }
        var after = parent.child("network")
        var b = before
        #expect(b.next() == after.next())
        var x = parent.child("raft"), y = parent.child("network")
        #expect(x.next() != y.next())
        var n0 = parent.child(0), n1 = parent.child(1)
        #expect(n0.next() != n1.next())
    }

    @Test func belowIsInRangeAndCoversIt() {
        var r = SeededRandom(seed: 3)
        var seen = [Int](repeating: 0, count: 7)
        for _ in 0..<7_000 { seen[Int(r.below(7))] += 1 }
        #expect(seen.allSatisfy { $0 > 850 && $0 < 1_150 })
    }

    @Test func exponentialMeanWithinBounds() {
        var r = SeededRandom(seed: 5)
        let n = 100_000
        let mean = (0..<n).reduce(0.0) { acc, _ in acc + r.exponential(mean: 2.0) } / Double(n)
        // Standard error of the mean is 2/√n ≈ 0.0063; allow 5 of them.
        #expect(abs(mean - 2.0) < 0.032)
    }

    @Test func normalMomentsWithinBounds() {
        var r = SeededRandom(seed: 6)
        let n = 100_000
        let xs = (0..<n).map { _ in r.normal(mean: 10, standardDeviation: 3) }
        let mean = xs.reduce(0, +) / Double(n)
        let variance = xs.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(n - 1)
        #expect(abs(mean - 10) < 0.05)
        #expect(abs(variance.squareRoot() - 3) < 0.05)
    }

    @Test func deterministicLogMatchesKnownValues() {
        #expect(DeterministicMath.log(1) == 0)
        #expect(abs(DeterministicMath.log(2.718281828459045) - 1) < 1e-15)
        #expect(abs(DeterministicMath.log(0.001) - (-6.907755278982137)) < 1e-14)
        #expect(abs(DeterministicMath.log(1e300) - 690.7755278982137) < 1e-12)
        #expect(DeterministicMath.log(0) == -.infinity)
        #expect(DeterministicMath.log(-1).isNaN)
    }
}
