import Testing
import YAML

/// Anchors, aliases, merge keys and documents.
@Suite struct AnchorTests {
    @Test func aliasRepeatsTheAnchoredNode() throws {
        let node = try root("a: &x [1, 2]\nb: *x\n")
        #expect(dump(node) == "{a@1:1: [1@1:8, 2@1:11]@1:7, b@2:1: [1@1:8, 2@1:11]@1:7}@1:1")
        #expect(node["a"]?.anchor == "x")
    }

    @Test func anchorOnScalarAndKey() throws {
        #expect(try read("&k a: &v b\n*v : *k\n") == "{a@1:4: b@1:10, b@1:10: a@1:4}@1:1")
    }

    @Test func laterAnchorReplacesEarlier() throws {
        #expect(try read("- &a 1\n- *a\n- &a 2\n- *a\n") == "[1@1:6, 1@1:6, 2@3:6, 2@3:6]@1:1")
    }

    @Test func mergeKeyJoinsWhereItStandsAndExplicitKeysWin() throws {
        let text = "base: &base\n  a: 1\n  b: 2\nuse:\n  b: 3\n  <<: *base\n  c: 4\n"
        #expect(dump(try root(text)["use"]!) == "{b@5:3: 3@5:6, a@2:3: 1@2:6, c@7:3: 4@7:6}@5:3")
    }

    @Test func mergeSequenceEarlierMappingsWin() throws {
        let text = "x: &x {a: 1, b: 1}\ny: &y {b: 2, c: 2}\nz:\n  <<: [*x, *y]\n"
        let z = dump(try root(text)["z"]!)
        #expect(z == "{a@1:8: 1@1:11, b@1:14: 1@1:17, c@2:14: 2@2:17}@4:3")
    }

    @Test func composeExtensionFieldsWithAnchors() throws {
        let text = """
            x-logging: &default-logging
              driver: json-file
              options:
                max-size: "10m"
            x-deploy: &deploy
              replicas: 2
              restart_policy:
                condition: on-failure
            services:
              web:
                image: nginx:1.25
                logging: *default-logging
                deploy:
                  <<: *deploy
                  replicas: 4
              api:
                image: api:2
                logging: *default-logging
                deploy: *deploy

            """
        let node = try root(text)
        let web = try #require(node["services"]?["web"])
        #expect(dump(web["deploy"]!) == "{restart_policy@7:3: {condition@8:5: on-failure@8:16}@8:5, "
            + "replicas@15:7: 4@15:17}@14:7")
        #expect(web["logging"]?["options"]?["max-size"]?.scalar?.value == .string("10m"))
        #expect(node["services"]?["api"]?["deploy"]?["replicas"]?.scalar?.value == .int(2))
        #expect(node.mapping?.map { $0.key.text } == ["x-logging", "x-deploy", "services"])
    }

    @Test func quotedMergeKeyIsAnOrdinaryKey() throws {
        #expect(try read("'<<': {a: 1}") == "{'<<'@1:1: {a@1:8: 1@1:11}@1:7}@1:1")
    }

    @Test func documents() throws {
        #expect(try read("a: 1\n---\nb: 2\n...\n---\n- c\n") == "{a@1:1: 1@1:4}@1:1 --- {b@3:1: 2@3:4}@3:1 --- [c@6:3]@6:1")
        let docs = try YAML.read("%YAML 1.2\n---\nx\n...\n", file: "t.yml")
        #expect(docs.count == 1)
        #expect(docs[0].start == YAML.Mark(line: 1, column: 1))
        #expect(docs[0].root.text == "x")
        #expect(try YAML.read("", file: "t.yml").isEmpty)
        #expect(try YAML.read("# only a comment\n", file: "t.yml").isEmpty)
        #expect(try read("---\n---\na\n") == "@1:4 --- a@3:1")
        #expect(try read("--- |\n  x\n") == "|x\\n|@1:5")
    }

    @Test func readSingleRefusesASecondDocument() throws {
        #expect(throws: YAMLError(file: "t.yml", at: YAML.Mark(line: 2, column: 1),
                                  "expected a single document, found a second one")) {
            try YAML.readSingle("a\n---\nb\n", file: "t.yml")
        }
        #expect(try YAML.readSingle("", file: "t.yml") == nil)
    }

    @Test func anchorsArePerDocument() {
        #expect(failure("a: &x 1\n---\nb: *x\n") == "docker-compose.yml:3:4: error: unknown anchor 'x' referenced")
    }
}
