import Testing
@testable import SimCore

// MARK: - A double-double reference

/// An unevaluated sum hi + lo of two doubles (|lo| ≤ ulp(hi)/2): about 106 bits of precision,
/// from plain IEEE operations only (Dekker 1971; Hida, Li & Bailey's QD library). Slow, and
/// used only as the reference for `DeterministicMath.log`.
struct DoubleDouble {
    var hi: Double
    var lo: Double

    init(_ hi: Double, _ lo: Double = 0) { self.hi = hi; self.lo = lo }

    /// a + b exactly, as a rounded sum and its error (Knuth's TwoSum).
    static func twoSum(_ a: Double, _ b: Double) -> DoubleDouble {
        let s = a + b
        let bb = s - a
        return DoubleDouble(s, (a - (s - bb)) + (b - bb))
    }

    /// a + b exactly when |a| ≥ |b|.
    static func quickTwoSum(_ a: Double, _ b: Double) -> DoubleDouble {
        let s = a + b
        return DoubleDouble(s, b - (s - a))
    }

    /// a × b exactly, by Dekker's splitting (no fused multiply-add needed). |a|, |b| < 2^996.
    static func twoProduct(_ a: Double, _ b: Double) -> DoubleDouble {
        func split(_ x: Double) -> (Double, Double) {
            let c = 134_217_729.0 * x        // 2^27 + 1
            let high = c - (c - x)
            return (high, x - high)
        }
        let p = a * b
        let (ah, al) = split(a), (bh, bl) = split(b)
        return DoubleDouble(p, ((ah * bh - p) + ah * bl + al * bh) + al * bl)
    }

    static func + (a: DoubleDouble, b: DoubleDouble) -> DoubleDouble {
        let s = twoSum(a.hi, b.hi), t = twoSum(a.lo, b.lo)
        let u = quickTwoSum(s.hi, s.lo + t.hi)
        return quickTwoSum(u.hi, u.lo + t.lo)
    }

    static func * (a: DoubleDouble, b: DoubleDouble) -> DoubleDouble {
        let p = twoProduct(a.hi, b.hi)
        return quickTwoSum(p.hi, p.lo + (a.hi * b.lo + a.lo * b.hi))
    }

    static func / (a: DoubleDouble, b: DoubleDouble) -> DoubleDouble {
        let q1 = a.hi / b.hi
        var r = a + DoubleDouble(-1) * (b * DoubleDouble(q1))
        let q2 = r.hi / b.hi
        r = r + DoubleDouble(-1) * (b * DoubleDouble(q2))
        let q3 = r.hi / b.hi
        return quickTwoSum(q1, q2) + DoubleDouble(q3)
    }

    /// ln 2 to 107 bits (hi is the double nearest ln 2).
    static let ln2 = DoubleDouble(0x1.62e42fefa39efp-1, 0x1.abc9e3b39803fp-56)

    /// 1/(2n+1) for the atanh series, n = 0…27.
    static let oddReciprocals: [DoubleDouble] = (0..<28).map { DoubleDouble(1) / DoubleDouble(Double(2 * $0 + 1)) }

    /// ln x for positive finite x, to about 2^-100 relative: x = 2^k·m with m in [√½, √2),
    /// ln m = 2·atanh(s), s = (m−1)/(m+1), |s| < 0.1716, summed to s^55 (the tail is below 2^-135).
    static func log(_ x: Double) -> DoubleDouble {
        var m = x.significand, k = Double(x.exponent)
        if m > 1.4142135623730951 { m /= 2; k += 1 }
        let s = DoubleDouble(m - 1) / twoSum(m, 1)
        let s2 = s * s
        var sum = oddReciprocals[oddReciprocals.count - 1]
        for c in oddReciprocals.dropLast().reversed() { sum = c + s2 * sum }
        return DoubleDouble(2) * s * sum + DoubleDouble(k) * ln2
    }
}

/// |got − exact| in units of the last place of the exact value's binade.
func ulpError(_ got: Double, _ exact: DoubleDouble) -> Double {
    abs((got - exact.hi) - exact.lo) / exact.hi.ulp
}

// MARK: - Tests

@Suite struct DeterministicMathTests {
    /// Inputs and the correctly rounded ln, computed independently (80-digit decimal arithmetic,
    /// then rounded to the nearest double).
    static let known: [(x: Double, log: Double)] = [
        (0x1.0000000000000p+1, 0x1.62e42fefa39efp-1),     // 2
        (0x1.4000000000000p+3, 0x1.26bb1bbb55516p+1),     // 10
        (0x1.0000000000000p-1, -0x1.62e42fefa39efp-1),    // 0.5
        (0x1.8000000000000p+1, 0x1.193ea7aad030bp+0),     // 3
        (0x1.999999999999ap-4, -0x1.26bb1bbb55515p+1),    // 0.1
        (0x1.56e1fc2f8f359p-997, -0x1.5963447f87fb5p+9),  // 1e-300
        (0x1.7e43c8800759cp+996, 0x1.5963447f87fb5p+9),   // 1e300
        (0x1.fffffffffffffp+1023, 0x1.62e42fefa39efp+9),  // the largest double
        (0x1.0000000000000p-1022, -0x1.6232bdd7abcd2p+9), // the smallest normal
        (0x0.0000000000001p-1022, -0x1.74385446d71c3p+9), // the smallest subnormal
        (0x1.0000000000001p+0, 0x1.fffffffffffffp-53),    // 1 + ulp
        (0x1.fffffffffffffp-1, -0x1.0000000000000p-53),   // 1 − ulp/2
        (0x1.6a09e667f3bcdp+0, 0x1.62e42fefa39f0p-2),     // √2 (rounded)
        (0x1.6a09e667f3bccp+0, 0x1.62e42fefa39eep-2),     // the double just below
        (0x1.6a09e667f3bcdp-1, -0x1.62e42fefa39eep-2),    // √½ (rounded)
        (0x1.8000000000000p+0, 0x1.9f323ecbf984cp-2),     // 1.5
        (0x1.8000000000000p-1, -0x1.269621134db92p-2),    // 0.75
        (0x1.e240c9fbe76c9p+16, 0x1.77281cad8a844p+3),    // 123456.789
        (0x1.4f8b588e368f1p-17, -0x1.7069e2aa2aa5bp+3),   // 1e-5
        (0x1.fae147ae147aep-1, -0x1.495453e6fd4bcp-7),    // 0.99
        (0x1.028f5c28f5c29p+0, 0x1.460d6ccca367cp-7),     // 1.01
        (0x1.c000000000000p+2, 0x1.f2272ae325a57p+0),     // 7
        (0x1.5bf0a8b145769p+1, 0x1.0000000000000p+0),     // e (rounded)
    ]

    @Test func logIsWithinOneUlpOfKnownValues() {
        for (x, exact) in Self.known {
            let got = DeterministicMath.log(x)
            // Below one ulp of error means the correctly rounded value or its neighbour.
            let apart = abs(Int64(bitPattern: got.bitPattern) - Int64(bitPattern: exact.bitPattern))
            #expect(apart <= 1, "log(\(x)) = \(got), exact \(exact)")
        }
    }

    @Test func logOfSpecialValues() {
        #expect(DeterministicMath.log(1) == 0)
        #expect(DeterministicMath.log(0) == -.infinity)
        #expect(DeterministicMath.log(-0.0) == -.infinity)
        #expect(DeterministicMath.log(.infinity) == .infinity)
        #expect(DeterministicMath.log(-1).isNaN)
        #expect(DeterministicMath.log(-.infinity).isNaN)
        #expect(DeterministicMath.log(-Double.leastNonzeroMagnitude).isNaN)
        #expect(DeterministicMath.log(.nan).isNaN)
    }

    /// The reference itself agrees with the independently computed values (so that the sweep
    /// below tests the logarithm, not a broken reference).
    @Test func referenceMatchesKnownValues() {
        for (x, exact) in Self.known {
            let reference = DoubleDouble.log(x)
            #expect(reference.hi + reference.lo == exact, "reference log(\(x))")
        }
    }

    /// Below one ulp everywhere: random doubles over the whole positive range, the (0, 1] that
    /// `exponential` feeds it, the neighbourhoods of 1, √2 and √½ (where the reduction switches),
    /// every power of two, and subnormals.
    @Test func logIsWithinOneUlpOverAWideSweep() {
        var rng = SeededRandom(seed: 2024)
        var inputs: [Double] = []
        for _ in 0..<20_000 {
            let bits = rng.below(0x7FF0_0000_0000_0000 - 1) + 1           // positive finite
            inputs.append(Double(bitPattern: bits))
        }
        for _ in 0..<20_000 { inputs.append(1 - rng.unitInterval()) }
        for _ in 0..<2_000 { inputs.append(Double(bitPattern: rng.below(0x0010_0000_0000_0000 - 1) + 1)) }
        for center in [1.0, 1.4142135623730951, 0.7071067811865476] {
            for d in -2_000...2_000 {
                inputs.append(Double(bitPattern: UInt64(Int64(bitPattern: center.bitPattern) + Int64(d))))
            }
        }
        for e in -1_074...1_023 { inputs.append(Double(sign: .plus, exponent: e, significand: 1)) }

        var worst = 0.0, worstInput = 0.0
        for x in inputs where x != 1 {
            let error = ulpError(DeterministicMath.log(x), DoubleDouble.log(x))
            if error > worst { worst = error; worstInput = x }
        }
        #expect(worst < 1, "worst error \(worst) ulp at log(\(worstInput))")
        #expect(inputs.count > 50_000)
    }

    /// The exact bits over a fixed sweep: a run's trace depends on them, so any change to the
    /// method shows here first (FNV-1a over the results' bit patterns).
    @Test func logBitsArePinned() {
        var rng = SeededRandom(seed: 7)
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for _ in 0..<10_000 {
            h = (h ^ DeterministicMath.log(1 - rng.unitInterval()).bitPattern) &* 0x0000_0100_0000_01B3
        }
        #expect(h == Self.pinnedDigest, "digest 0x\(String(h, radix: 16))")
    }
    static let pinnedDigest: UInt64 = 0x82A1_3DFA_DBB1_2DEC
}
