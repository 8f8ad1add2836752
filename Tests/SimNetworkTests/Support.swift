import SimCore
import SimNetwork

/// Hosts 0..<n, for readable test setup.
func hosts(_ indices: Int...) -> [HostID] { indices.map(HostID.init) }
func h(_ index: Int) -> HostID { HostID(index) }

/// A network whose every link delivers after exactly 1 ms, so a test sees faults, not noise.
func quietNetwork(_ hostCount: Int, seed: UInt64 = 1) -> Network {
    Network(hostCount: hostCount, defaultLink: .perfect(.milliseconds(1)), random: SeededRandom(seed: seed))
}

/// True when `observed` is within `sigmas` standard errors of `expected`.
func within(_ observed: Double, of expected: Double, standardError: Double, sigmas: Double = 5) -> Bool {
    abs(observed - expected) <= sigmas * standardError
}

/// The standard error of a proportion `p` estimated from `n` Bernoulli trials.
func binomialStandardError(p: Double, n: Int) -> Double {
    (p * (1 - p) / Double(n)).squareRoot()
}

/// FNV-1a over bytes: a stable digest (unlike `hashValue`, the same in every process).
func fnv1a(_ bytes: [UInt8]) -> UInt64 {
    var h: UInt64 = 0xCBF2_9CE4_8422_2325
    for b in bytes { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
    return h
}
