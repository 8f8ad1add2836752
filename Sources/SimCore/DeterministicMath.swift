/// Elementary functions in plain IEEE-754 arithmetic (+, −, ×, ÷ and bit operations on the
/// representation), so that every machine computes the same bits. A C library may pick a
/// different code path per CPU (with or without fused multiply-add) and differ in the last
/// place; a simulator that promises the same run on any machine cannot afford that. Swift never
/// fuses a multiplication and an addition on its own, so each step below is one correctly
/// rounded IEEE operation on every target.
public enum DeterministicMath {
    // MARK: Natural logarithm

    /// Natural logarithm, with an error below one unit in the last place for every positive
    /// finite `x` (the result is one of the two doubles around the exact value). Returns
    /// `-infinity` for ±0, `+infinity` for `+infinity`, and NaN for NaN and negative input.
    ///
    /// The method of fdlibm's `e_log.c` (Sun Microsystems, 1993; also FreeBSD's and musl's
    /// `log`): write x = 2^k · m with m in [√2/2, √2) by bit operations, let f = m − 1 and
    /// s = f / (2 + f), so that log m = log(1 + f) = 2·atanh(s) = f − s·(f − R) where
    /// R = 2s²/3 + 2s⁴/5 + … is a minimax polynomial of degree 14 in s (|s| < 0.1716,
    /// error below 2^-58.45). The result is assembled as
    /// k·ln2Hi − ((f²/2 − (s·(f²/2 + R) + k·ln2Lo)) − f), whose rounding errors stay below one
    /// unit in the last place. One division, no table, and two range checks that the common case passes.
    /// - Complexity: O(1), about 40 instructions.
    @inlinable
    public static func log(_ x: Double) -> Double {
        var bits = x.bitPattern
        var k: Int64 = 0
        if bits < 0x0010_0000_0000_0000 {                 // +0 and positive subnormals
            if x == 0 { return -.infinity }
            bits = (x * 0x1p54).bitPattern                // now normal; exact
            k = -54
        }
        if bits >= 0x7FF0_0000_0000_0000 {               // +infinity, NaN, and the sign bit set
            if x == 0 { return -.infinity }               // −0
            return x > 0 ? x : .nan
        }
        k &+= Int64(bits >> 52) &- 1023
        let fraction = bits & 0x000F_FFFF_FFFF_FFFF
        // i is 2^52 (the exponent's lowest bit) when the significand is at least √2's
        // (0x1.6a09e667f3bcdp0); then m takes the exponent of 1/2 instead of 1, and k grows by one.
        let i = (fraction &+ 0x0009_5F61_9980_C433) & 0x0010_0000_0000_0000
        let m = Double(bitPattern: fraction | (i ^ 0x3FF0_0000_0000_0000))
        k &+= Int64(i >> 52)
        let f = m - 1                                     // exact (Sterbenz)
        let s = f / (2 + f)
        let dk = Double(k)
        let z = s * s, w = z * z
        let t1 = w * (3.999999999940941908e-01 + w * (2.222219843214978396e-01 + w * 1.531383769920937332e-01))
        let t2 = z * (6.666666666666735130e-01 + w * (2.857142874366239149e-01
                    + w * (1.818357216161805012e-01 + w * 1.479819860511658591e-01)))
        let r = t2 + t1
        let hfsq = 0.5 * f * f
        // ln 2 split in two: the high part has 32 significant bits, so k·ln2Hi is exact for every
        // exponent k a double can have (fdlibm's ln2_hi and ln2_lo).
        let ln2Hi = 6.93147180369123816490e-01            // 0x1.62e42feep-1
        let ln2Lo = 1.90821492927058770002e-10            // 0x1.a39ef35793c76p-33
        return dk * ln2Hi - ((hfsq - (s * (hfsq + r) + dk * ln2Lo)) - f)
    }
}
