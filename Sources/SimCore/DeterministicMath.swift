/// Elementary functions in plain IEEE-754 arithmetic (+, −, ×, ÷, square root), so that every
/// machine computes the same bits. A C library may pick a different code path per CPU (with or
/// without fused multiply-add) and differ in the last place; a simulator that promises the same
/// run on any machine cannot afford that.
public enum DeterministicMath {
    static let ln2Hi = 6.93147180369123816490e-01
    static let ln2Lo = 1.90821492927058770002e-10

    /// Natural logarithm, accurate to about one unit in the last place for positive finite `x`.
    /// Returns `-infinity` for 0 and NaN for negative input.
    ///
    /// Reduces x = 2^k · m with m in [√½, √2), then log m = 2·atanh(s), s = (m−1)/(m+1),
    /// summed as an odd series in s (|s| < 0.1716, so 12 terms reach double precision).
    public static func log(_ x: Double) -> Double {
        if x.isNaN || x < 0 { return .nan }
        if x == 0 { return -.infinity }
        if x.isInfinite { return x }
        var m = x.significand          // in [1, 2)
        var k = Double(x.exponent)
        if m > 1.4142135623730951 { m /= 2; k += 1 }
        let s = (m - 1) / (m + 1)
        let s2 = s * s
        var term = s
        var sum = 0.0
        var n = 1.0
        for _ in 0..<14 {
            sum += term / n
            term *= s2
            n += 2
        }
        return k * ln2Hi + (2 * sum + k * ln2Lo)
    }
}
