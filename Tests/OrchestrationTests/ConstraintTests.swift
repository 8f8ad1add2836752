import Testing
@testable import Orchestration

// Constraint parsing and matching, after swarmkit manager/constraint/constraint_test.go.

private typealias Constraint = Scheduler.Constraint

private func parseError(_ text: String) -> String? {
    do {
        _ = try Constraint.parse(text)
        return nil
    } catch {
        return error.description
    }
}

@Suite struct ConstraintParseTests {
    @Test func parsesKeyOperatorAndValue() throws {
        let c = try Constraint.parse("node.role==manager")
        #expect(c.key == "node.role")
        #expect(c.op == .equal)
        #expect(c.value == "manager")
        let d = try Constraint.parse("node.labels.zone != east")
        #expect(d.key == "node.labels.zone")
        #expect(d.op == .notEqual)
        #expect(d.value == "east")
        #expect(d.description == "node.labels.zone!=east")
    }

    @Test func trimsSurroundingSpaceOnly() throws {
        let c = try Constraint.parse(" node == node1")
        #expect(c.key == "node")
        #expect(c.value == "node1")
        let spaced = try Constraint.parse("node==node 1")
        #expect(spaced.value == "node 1")
    }

    @Test func missingOperatorIsRefused() {
        for text in ["", " ", "nodeabc", "node ~ abc", "node=abc", "node<abc"] {
            #expect(parseError(text) == "constraint expected one operator from ==, !=")
        }
        #expect(throws: Scheduler.ConstraintError.missingOperator) { try Constraint.parse("node") }
    }

    @Test func invalidKeysAreRefusedWithSwarmkitText() {
        #expect(parseError("1node==a2") == "key '1node' is invalid")
        #expect(parseError("no de== node1") == "key 'no de' is invalid")
        #expect(parseError("no*de==node1") == "key 'no*de' is invalid")
        #expect(parseError("==node1") == "key '' is invalid")
        #expect(parseError("no$de==node1") == "key 'no$de' is invalid")
        #expect(parseError("n==x") == "key 'n' is invalid")  // at least two characters
        // `==` is looked for first, so `a!==b` splits into `a!` and `b`.
        #expect(parseError("a!==b") == "key 'a!' is invalid")
        #expect(throws: Scheduler.ConstraintError.invalidKey("1node")) { try Constraint.parse("1node==x") }
    }

    @Test func invalidValuesAreRefusedWithSwarmkitText() {
        #expect(parseError("node==") == "value '' is invalid")
        #expect(parseError("node== ") == "value '' is invalid")
        #expect(parseError("node==a>b") == "value 'a>b' is invalid")
        #expect(parseError("node==a=b") == "value 'a=b' is invalid")
        #expect(parseError("node==é") == "value 'é' is invalid")
    }

    @Test func acceptsWhatSwarmkitAccepts() throws {
        #expect(try Constraint.parse("NoDe==node1").key == "NoDe")
        #expect(try Constraint.parse("no.de==node1").key == "no.de")
        #expect(try Constraint.parse("_node==_node1").key == "_node")
        #expect(try Constraint.parse("a-b_c.d==x").key == "a-b_c.d")
        let special = try Constraint.parse("node==[a-b]+c*(n|b)/")
        #expect(special.value == "[a-b]+c*(n|b)/")
        #expect(try Constraint.parse(#"node==a:b\c^$?"#).value == #"a:b\c^$?"#)
    }

    @Test func parseAllStopsAtTheFirstError() throws {
        let all = try Constraint.parse(all: ["node.role==worker", "node.labels.zone!=a"])
        #expect(all.map(\.description) == ["node.role==worker", "node.labels.zone!=a"])
        #expect(throws: Scheduler.ConstraintError.invalidValue("")) {
            try Constraint.parse(all: ["node.role==worker", "node.id==", "x"])
        }
    }
}

@Suite struct ConstraintMatchTests {
    @Test func matchIsExactAndCaseInsensitive() throws {
        let eq = try Constraint.parse("node.name==foo")
        #expect(eq.matches("foo"))
        #expect(eq.matches("FOO"))
        #expect(!eq.matches("fo"))
        #expect(!eq.matches("fooE"))
        let ne = try Constraint.parse("node.name!=foo")
        #expect(!ne.matches("foo"))
        #expect(ne.matches("bar"))
        #expect(ne.matches("fooExtra"))
        let glob = try Constraint.parse("node.name==f*o")
        #expect(!glob.matches("foo"))
        #expect(glob.matches("F*o"))
    }

    @Test func equalFoldFollowsUnicodeSimpleFolding() {
        #expect(Constraint.equalFold("k", "\u{212A}"))  // Kelvin sign
        #expect(Constraint.equalFold("S", "\u{017F}"))  // long s
        #expect(Constraint.equalFold("ÉCOLE", "école"))
        #expect(!Constraint.equalFold("ß", "ss"))
        #expect(!Constraint.equalFold("a", "ab"))
    }

    let node = Scheduler.NodeInfo(
        id: "abc123", hostname: "worker-1", role: .worker,
        labels: [.init("zone", "east"), .init("ssd", "true")], engineLabels: [.init("os", "ubuntu 22.04")],
        platform: .init(os: "linux", architecture: "x86_64"))

    private func holds(_ text: String) throws -> Bool { try Constraint.parse(text).isSatisfied(by: node) }

    @Test func nodeAttributes() throws {
        #expect(try holds("node.id==abc123"))
        #expect(try !holds("node.id==abc"))
        #expect(try holds("node.hostname==WORKER-1"))
        #expect(try holds("node.hostname!=worker-2"))
        #expect(try holds("node.role==worker"))
        #expect(try holds("node.role==Worker"))
        #expect(try !holds("node.role==manager"))
        #expect(try holds("node.role!=manager"))
        #expect(try holds("node.platform.os==linux"))
        #expect(try holds("node.platform.arch==x86_64"))
        #expect(try !holds("node.platform.arch==amd64"))  // constraints do not normalize
    }

    @Test func keyNamesAreCaseInsensitive() throws {
        #expect(try holds("NODE.ROLE==worker"))
        #expect(try holds("Node.Platform.OS==LINUX"))
        #expect(try holds("NODE.LABELS.zone==east"))
        #expect(try holds("Engine.Labels.os==Ubuntu 22.04"))
    }

    @Test func labelNamesAreCaseSensitive() throws {
        #expect(try holds("node.labels.zone==east"))
        #expect(try !holds("node.labels.Zone==east"))
        #expect(try holds("node.labels.Zone!=east"))
    }

    @Test func missingLabelsCompareAsEmpty() throws {
        #expect(try !holds("node.labels.rack==r1"))
        #expect(try holds("node.labels.rack!=r1"))
        #expect(try !holds("engine.labels.zone==east"))
        #expect(try holds("engine.labels.zone!=east"))
    }

    @Test func unknownKeysMatchNoNode() throws {
        #expect(try !holds("node.ip==10.0.0.1"))
        #expect(try !holds("node.ip!=10.0.0.1"))
        #expect(try !holds("foo==bar"))
        #expect(try !holds("node.labels==x"))  // nothing after the prefix
    }
}
