import SimCore

/// The few statistics the experiments report, written out so a reader can check them.
public enum Statistics {
    /// The normal quantile for a two-sided 95% interval.
    public static let z95 = 1.959963984540054

    /// A 95% confidence interval for a proportion seen as `successes` of `trials`: Wilson's
    /// score interval (Wilson 1927; Agresti & Coull 1998). Unlike the textbook p ± 1.96·√(p(1−p)/n)
    /// it stays inside [0, 1] and is not zero-width at 0/n or n/n.
    public static func wilson(successes: Int, trials: Int, z: Double = z95) -> ClosedRange<Double> {
        guard trials > 0 else { return 0...1 }
        let n = Double(trials)
        let p = Double(successes) / n
        let z2 = z * z
        let centre = (p + z2 / (2 * n)) / (1 + z2 / n)
        let half = z / (1 + z2 / n) * (p * (1 - p) / n + z2 / (4 * n * n)).squareRoot()
        // At 0/n and n/n the bound on that side is exactly 0 or 1 (rounding may miss it).
        let low = successes == 0 ? 0 : max(0, centre - half)
        let high = successes == trials ? 1 : min(1, centre + half)
        return low...high
    }

    /// The mean of `values` and the half-width of its 95% confidence interval, Student's t
    /// with n − 1 degrees of freedom times the standard error s/√n (0 for fewer than 2 values).
    public static func meanInterval(_ values: [Double]) -> (mean: Double, halfWidth: Double) {
        guard !values.isEmpty else { return (0, 0) }
        let n = Double(values.count)
        var sum = 0.0
        for v in values { sum += v }
        let mean = sum / n
        guard values.count > 1 else { return (mean, 0) }
        var squares = 0.0
        for v in values { squares += (v - mean) * (v - mean) }
        let s = (squares / (n - 1)).squareRoot()
        return (mean, t975(degreesOfFreedom: values.count - 1) * s / n.squareRoot())
    }

    /// Student's t quantile 0.975 for `df` degrees of freedom (the usual table; between rows
    /// linear in 1/df, which is exact to the table's 3 decimals).
    public static func t975(degreesOfFreedom df: Int) -> Double {
        let table: [(Int, Double)] = [
            (1, 12.706), (2, 4.303), (3, 3.182), (4, 2.776), (5, 2.571), (6, 2.447), (7, 2.365),
            (8, 2.306), (9, 2.262), (10, 2.228), (11, 2.201), (12, 2.179), (13, 2.160), (14, 2.145),
            (15, 2.131), (16, 2.120), (17, 2.110), (18, 2.101), (19, 2.093), (20, 2.086), (21, 2.080),
            (22, 2.074), (23, 2.069), (24, 2.064), (25, 2.060), (26, 2.056), (27, 2.052), (28, 2.048),
            (29, 2.045), (30, 2.042), (40, 2.021), (60, 2.000), (120, 1.980),
        ]
        guard df >= 1 else { return .infinity }
        for (i, row) in table.enumerated() {
            if row.0 == df { return row.1 }
            if row.0 > df, i > 0 {
                let (d0, t0) = table[i - 1]
                let w = (1 / Double(df) - 1 / Double(row.0)) / (1 / Double(d0) - 1 / Double(row.0))
                return row.1 + w * (t0 - row.1)
            }
        }
        // Beyond 120: between t(120) and the normal quantile, linear in 1/df.
        return z95 + (1.980 - z95) * 120 / Double(df)
    }

    // MARK: Quorum arithmetic

    /// Managers needed for a Raft quorum: ⌊N/2⌋ + 1.
    public static func majority(of n: Int) -> Int { n / 2 + 1 }

    /// Manager failures a swarm of N survives: N − majority = ⌊(N−1)/2⌋.
    public static func tolerated(by n: Int) -> Int { n - majority(of: n) }

    /// C(n, k), exact as a Double for the small n used here.
    public static func binomial(_ n: Int, _ k: Int) -> Double {
        guard k >= 0, k <= n else { return 0 }
        var c = 1.0
        for i in 0..<min(k, n - k) { c = c * Double(n - i) / Double(i + 1) }
        return c
    }

    /// P(neither side of a random two-way split has a majority): each manager picks a side with
    /// probability 1/2, and only an exact N/2 : N/2 split of an even N leaves both sides short.
    public static func splitWithoutQuorum(_ n: Int) -> Double {
        guard n % 2 == 0 else { return 0 }
        var p = binomial(n, n / 2)
        for _ in 0..<n { p /= 2 }
        return p
    }

    /// P(at least a majority of N managers up) when each is up independently with probability p.
    public static func majorityUp(_ n: Int, p: Double) -> Double {
        var total = 0.0
        for up in majority(of: n)...n {
            var term = binomial(n, up)
            for _ in 0..<up { term *= p }
            for _ in 0..<(n - up) { term *= 1 - p }
            total += term
        }
        return total
    }
}
