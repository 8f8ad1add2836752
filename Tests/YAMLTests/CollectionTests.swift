import Testing
import YAML

/// Block and flow collections, with exact values and locations.
@Suite struct CollectionTests {
    @Test func blockMapping() throws {
        #expect(try read("a: 1\nb: two\n") == "{a@1:1: 1@1:4, b@2:1: two@2:4}@1:1")
    }

    @Test func nestedBlockMappingKeepsFileOrder() throws {
        let text = "services:\n  web:\n    image: nginx\n  db:\n    image: mysql\n"
        #expect(try read(text) == "{services@1:1: {web@2:3: {image@3:5: nginx@3:12}@3:5, "
            + "db@4:3: {image@5:5: mysql@5:12}@5:5}@2:3}@1:1")
    }

    @Test func blockSequence() throws {
        #expect(try read("- a\n- b\n-\n- - c\n  - d\n") == "[a@1:3, b@2:3, @3:2, [c@4:5, d@5:5]@4:3]@1:1")
    }

    @Test func indentlessSequenceUnderAKey() throws {
        #expect(try read("ports:\n- 80:80\n- 443:443\nnext: x\n")
            == "{ports@1:1: [80:80@2:3, 443:443@3:3]@2:1, next@4:1: x@4:7}@1:1")
    }

    @Test func sequenceOfMappings() throws {
        #expect(try read("- name: a\n  id: 1\n- name: b\n")
            == "[{name@1:3: a@1:9, id@2:3: 1@2:7}@1:3, {name@3:3: b@3:9}@3:3]@1:1")
    }

    @Test func emptyValues() throws {
        #expect(try read("a:\nb: ~\nc:\n") == "{a@1:1: @1:3, b@2:1: ~@2:4, c@3:1: @3:3}@1:1")
        #expect(try root("a:\n").mapping?[0].value.isNull == true)
    }

    @Test func flowSequenceAndMapping() throws {
        #expect(try read("[a, 'b', \"c\", [d], {e: f}]")
            == "[a@1:2, 'b'@1:5, \"c\"@1:10, [d@1:16]@1:15, {e@1:21: f@1:24}@1:20]@1:1")
        #expect(try read("{a: 1, b: [x, y], c}") == "{a@1:2: 1@1:5, b@1:8: [x@1:12, y@1:15]@1:11, c@1:19: @1:20}@1:1")
        #expect(try read("[a, b, ]") == "[a@1:2, b@1:5]@1:1")
        #expect(try read("{}") == "{}@1:1")
        #expect(try read("[]") == "[]@1:1")
    }

    @Test func flowCollectionsOverSeveralLines() throws {
        #expect(try read("test: [\"CMD\", \"curl\",\n  \"-f\", \"http://localhost\"]\n")
            == "{test@1:1: [\"CMD\"@1:8, \"curl\"@1:15,"
            + " \"-f\"@2:3, \"http://localhost\"@2:9]@1:7}@1:1")
    }

    @Test func flowPairInASequence() throws {
        #expect(try read("[a: 1, b]") == "[{a@1:2: 1@1:5}@1:2, b@1:8]@1:1")
    }

    @Test func plainScalarsWithColonsAndUrlsInFlow() throws {
        #expect(try read("[http://x:80/a, a:b]") == "[http://x:80/a@1:2, a:b@1:17]@1:1")
        #expect(try read("{\"a\":1}") == "{\"a\"@1:2: 1@1:6}@1:1")
    }

    @Test func explicitKeys() throws {
        #expect(try read("? a\n: 1\n? [b]\n: 2\n") == "{a@1:3: 1@2:3, [b@3:4]@3:3: 2@4:3}@1:1")
    }

    @Test func lookupByKey() throws {
        let node = try root("image: nginx\nreplicas: 3\n")
        #expect(node["replicas"]?.scalar?.value == .int(3))
        #expect(node["image"]?.text == "nginx")
        #expect(node["missing"] == nil)
        #expect(node.kindName == "a mapping")
    }
}
