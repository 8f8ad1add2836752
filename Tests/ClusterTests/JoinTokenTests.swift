import Testing
@testable import Cluster

/// What a joining node makes of a join token (swarmkit ca/config.go `ParseJoinToken`).
@Suite struct JoinTokenTests {
    @Test("a token not of swarm's shape is refused with swarmkit's \"invalid join token\"")
    func malformedTokens() {
        for token in ["invalidtoken", "SWMTKN-1-notarealtoken-notarealsecret",
                      "SWMTKN-3-" + String(repeating: "a", count: 50) + "-" + String(repeating: "b", count: 25),
                      "SWMTKN-1-" + String(repeating: "a", count: 50) + "-" + String(repeating: "b", count: 24),
                      "SWMTKN-1-" + String(repeating: "a", count: 49) + "-" + String(repeating: "b", count: 25),
                      "SWMTKN-1-0-" + String(repeating: "a", count: 50) + "-" + String(repeating: "b", count: 25),
                      "SWMTKN-2-" + String(repeating: "a", count: 50) + "-" + String(repeating: "b", count: 25)] {
            #expect(JoinToken.rootDigest(token) == .failure(EngineError("invalid join token")), "\(token)")
        }
    }

    @Test("a well-formed token pins its root CA digest, base 36 turned into 64 hex digits (v1 and v2)")
    func digests() {
        let secret = String(repeating: "0", count: 25)
        let ten = String(repeating: "0", count: 49) + "a"
        #expect(JoinToken.rootDigest("SWMTKN-1-\(ten)-\(secret)") == .success(String(repeating: "0", count: 63) + "a"))
        #expect(JoinToken.rootDigest("SWMTKN-2-1-\(ten)-\(secret)") == .success(String(repeating: "0", count: 63) + "a"))
        #expect(JoinToken.hexadecimal(base36: "zz") == "50f")
        #expect(JoinToken.hexadecimal(base36: "ZZ") == "50f")
        #expect(JoinToken.hexadecimal(base36: "10") == "24")
        #expect(JoinToken.hexadecimal(base36: "0") == "0")
        #expect(JoinToken.hexadecimal(base36: "a-") == nil)
        #expect(JoinToken.caMismatch(expected: "ab").text == "remote CA does not match fingerprint. Expected: ab")
    }

    @Test("joining with another swarm's token, or a malformed one, is refused in swarmkit's words; a wrong secret by the CA server")
    func joinRefusals() {
        let h = Harness(managers: 1, workers: 1)
        h.call(.swarmInit(advertiseAddress: nil, dispatcherHeartbeat: nil, taskHistoryLimit: nil), on: "m1")
        let parts = (h.swarm.allSeeing.joinToken(.worker) ?? "").split(separator: "-")
        let other = "SWMTKN-1-" + String(repeating: "0", count: 49) + "1-" + parts[3]
        let wrongSecret = "SWMTKN-1-\(parts[2])-" + String(repeating: "0", count: 25)
        func join(_ token: String) -> EngineResult {
            h.call(.swarmJoin(token: token, remoteAddress: "m1:2377", advertiseAddress: nil), on: "w1")
        }
        #expect(join("SWMTKN-1-x-y") == .failure(EngineError("invalid join token")))
        #expect(join(other) == .failure(EngineError("remote CA does not match fingerprint. Expected: " + String(repeating: "0", count: 63) + "1")))
        #expect(join(wrongSecret) == .failure(.invalidToken))
    }
}
