import Testing
import YAML

/// Resource limits: each gives a clear error, never a crash or a hang.
@Suite struct LimitTests {
    @Test func fileSize() {
        let limits = YAML.Limits(maxBytes: 10)
        #expect(failure("a: 1234567890\n", limits: limits) == "docker-compose.yml:1:1: error: file is 14 bytes; the limit is 10 bytes")
        #expect(YAML.Limits().maxBytes == 4 << 20)
    }

    @Test func depthOfFlowAndBlockNesting() {
        let deep = String(repeating: "[", count: 101) + String(repeating: "]", count: 101)
        #expect(failure(deep) == "docker-compose.yml:1:101: error: nesting is deeper than 100 levels")
        let fine = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
        #expect(failure(fine) == "no error")
        var block = ""
        for level in 0..<5 { block += String(repeating: " ", count: level * 2) + "k\(level):\n" }
        #expect(failure(block, limits: YAML.Limits(maxDepth: 4)) == "docker-compose.yml:4:7: error: nesting is deeper than 4 levels")
        #expect(failure(block, limits: YAML.Limits(maxDepth: 6)) == "no error")
    }

    @Test func aHugeUnclosedNestingIsAnErrorNotACrash() {
        #expect(failure(String(repeating: "[", count: 200_000)) == "docker-compose.yml:1:101: error: nesting is deeper than 100 levels")
        #expect(failure(String(repeating: "- ", count: 50_000)) == "docker-compose.yml:1:201: error: nesting is deeper than 100 levels")
    }

    @Test func billionLaughsStopsAtTheNodeLimit() {
        var text = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for i in 1...9 {
            let refs = Array(repeating: "*a\(i - 1)", count: 10).joined(separator: ", ")
            text += "a\(i): &a\(i) [\(refs)]\n"
        }
        #expect(failure(text) == "docker-compose.yml:5:45: error: the document has more than 100000 nodes once aliases are expanded")
    }

    @Test func aliasesCannotNestDeeperThanTheLimit() {
        var text = "a0: &a0 [x]\n"
        for i in 1...8 { text += "a\(i): &a\(i) [*a\(i - 1)]\n" }
        #expect(failure(text, limits: YAML.Limits(maxDepth: 8)) == "docker-compose.yml:7:10: error: nesting is deeper than 8 levels")
        #expect(failure(text, limits: YAML.Limits(maxDepth: 11)) == "no error")
    }

    @Test func longSimpleKeyIsNotAKey() {
        let key = String(repeating: "k", count: 1100)
        #expect(failure("\(key): 1\n") == "docker-compose.yml:1:1101: error: mapping values are not allowed here")
    }
}
