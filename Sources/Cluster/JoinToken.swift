/// What a joining node makes of a join token before its join is answered (swarmkit
/// ca/config.go `ParseJoinToken`, ca/certificates.go `GetRemoteCA`).
///
/// `SWMTKN-1-<root CA digest, 50 base-36 digits>-<secret, 25 base-36 digits>` (version 2 adds a
/// FIPS part after the version). A token of another shape is refused on the joining node itself
/// with "invalid join token"; a well-formed token whose digest is not the remote swarm's root CA
/// is refused with "remote CA does not match fingerprint. Expected: <hex>"; only a token with
/// the right digest and a wrong secret reaches the CA server's "A valid join token is necessary".
enum JoinToken {
    /// swarmkit's `errInvalidJoinToken`.
    static let invalid = EngineError("invalid join token")

    /// The root CA digest the token pins, as the 64 hex digits of its SHA-256, or why the token
    /// is refused.
    static func rootDigest(_ token: String) -> Result<String, EngineError> {
        let parts = token.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        guard parts.count >= 4, parts[0] == "SWMTKN" else { return .failure(invalid) }
        switch parts[1] {
        case "1": guard parts.count == 4 else { return .failure(invalid) }
        case "2": guard parts.count == 5, parts[2] == "0" || parts[2] == "1" else { return .failure(invalid) }
        default: return .failure(invalid)
        }
        let digest = parts[parts.count - 2], secret = parts[parts.count - 1]
        guard digest.count == 50, secret.count == 25, let hex = hexadecimal(base36: digest) else { return .failure(invalid) }
        // A real digest is below 2^256; the simulated swarm's, drawn from the seed as 50 base-36
        // digits, may not be, so only its low 256 bits count (go-digest would refuse the rest).
        let low = hex.suffix(64)
        return .success(String(repeating: "0", count: 64 - low.count) + low)
    }

    /// The daemon's answer when the token's digest is not the swarm's root CA.
    static func caMismatch(expected hex: String) -> EngineError {
        EngineError("remote CA does not match fingerprint. Expected: \(hex)")
    }

    /// `digits` (base 36, either case) in lowercase hexadecimal without leading zeros; nil when a
    /// character is not a base-36 digit.
    static func hexadecimal(base36 digits: String) -> String? {
        var limbs: [UInt32] = []   // little-endian, base 2^32
        for c in digits.unicodeScalars {
            let v: UInt64
            switch c.value {
            case 48...57: v = UInt64(c.value - 48)
            case 97...122: v = UInt64(c.value - 87)
            case 65...90: v = UInt64(c.value - 55)
            default: return nil
            }
            var carry = v
            for k in limbs.indices {
                let x = UInt64(limbs[k]) * 36 + carry
                limbs[k] = UInt32(truncatingIfNeeded: x)
                carry = x >> 32
            }
            if carry != 0 { limbs.append(UInt32(carry)) }
        }
        let text = limbs.reversed().map { limb -> String in
            let h = String(limb, radix: 16)
            return String(repeating: "0", count: 8 - h.count) + h
        }.joined()
        let trimmed = text.drop { $0 == "0" }
        return trimmed.isEmpty ? "0" : String(trimmed)
    }
}
