import Testing
import YAML

/// Every error the reader gives: exact message and location.
@Suite struct ErrorTests {
    @Test func duplicateKey() {
        #expect(failure("services:\n  web:\n    image: a\n    ports: []\n    image: b\n")
            == "docker-compose.yml:5:5: error: mapping key \"image\" already defined at line 3")
        #expect(failure("{a: 1, a: 2}") == "docker-compose.yml:1:8: error: mapping key \"a\" already defined at line 1")
        #expect(failure("1: a\n0x1: b\n") == "docker-compose.yml:2:1: error: mapping key \"0x1\" already defined at line 1")
        #expect(failure("1: a\n\"1\": b\n") == "no error")
    }

    @Test func duplicateKeyAgainstAMergedKeyIsAllowed() {
        #expect(failure("b: &b {x: 1}\nc:\n  <<: *b\n  x: 2\n") == "no error")
    }

    @Test func badMergeValue() {
        #expect(failure("a:\n  <<: 3\n") == "docker-compose.yml:2:7: error: a merge key '<<' takes a mapping or a sequence of mappings, found a number")
        #expect(failure("a:\n  <<: [{x: 1}, y]\n")
            == "docker-compose.yml:2:16: error: a merge key '<<' takes a mapping or a sequence of mappings, found a string in the sequence")
    }

    @Test func unknownAnchor() {
        #expect(failure("a: *nope\n") == "docker-compose.yml:1:4: error: unknown anchor 'nope' referenced")
        #expect(failure("a: &a [*a]\n") == "docker-compose.yml:1:8: error: unknown anchor 'a' referenced")
        #expect(failure("a: & x\n") == "docker-compose.yml:1:4: error: expected an anchor name after '&'")
        #expect(failure("a: *\n") == "docker-compose.yml:1:4: error: expected an alias name after '*'")
    }

    @Test func badIndentation() {
        #expect(failure("services:\n  web:\n    image: x\n   ports: y\n")
            == "docker-compose.yml:4:4: error: bad indentation of a mapping entry")
        #expect(failure("a:\n  b: 1\n - x\n") == "docker-compose.yml:3:2: error: bad indentation of a sequence entry")
        #expect(failure("a: 1\n- x\n") == "docker-compose.yml:2:1: error: expected a mapping key, found '-'")
        #expect(failure("- a\n b: 1\n") == "docker-compose.yml:2:3: error: mapping values are not allowed here")
        #expect(failure("a: b: c\n") == "docker-compose.yml:1:5: error: mapping values are not allowed here")
    }

    @Test func missingColon() {
        #expect(failure("a: 1\nb\nc: 2\n") == "docker-compose.yml:2:1: error: could not find expected ':' after this mapping key")
    }

    @Test func tabs() {
        #expect(failure("a:\n\tb: 1\n") == "docker-compose.yml:2:1: error: found a tab character where indentation must be spaces")
        #expect(failure("a: 1\n\t\n  \t# c\nb: 2\n") == "no error")
    }

    @Test func unterminatedFlowAndQuotes() {
        #expect(failure("a: [1, 2\n") == "docker-compose.yml:2:1: error: expected ',' or ']', found the end of the file")
        #expect(failure("a: {x: 1\n") == "docker-compose.yml:2:1: error: expected ',' or '}', found the end of the file")
        #expect(failure("a: [1 2]\n") == "no error")
        #expect(failure("a: {x: 1 y: 2}\n") == "docker-compose.yml:1:11: error: expected ',' or '}', found ':'")
        #expect(failure("a: \"abc\n") == "docker-compose.yml:1:4: error: found the end of the file inside a quoted scalar")
        #expect(failure("a: 'abc\n---\n'") == "docker-compose.yml:2:1: error: found a document separator inside a quoted scalar")
        #expect(failure("a: ]\n") == "docker-compose.yml:1:4: error: expected a value, found ']'")
        #expect(failure("[a, , b]") == "docker-compose.yml:1:5: error: expected a value, found ','")
    }

    @Test func badEscapes() {
        #expect(failure(#"a: "\q""#) == "docker-compose.yml:1:5: error: found unknown escape character 'q'")
        #expect(failure(#"a: "\x4""#) == #"docker-compose.yml:1:5: error: expected 2 hexadecimal digits after '\x', found '"'"#)
        #expect(failure(#"a: "\uD800""#) == #"docker-compose.yml:1:5: error: escape '\uD800' is not a Unicode scalar value"#)
    }

    @Test func badBlockScalarHeaders() {
        #expect(failure("a: |0\n  x\n") == "docker-compose.yml:1:5: error: expected an indentation indicator in the range 1-9, found '0'")
        #expect(failure("a: |x\n") == "docker-compose.yml:1:5: error: expected a comment or a line break after the block scalar indicator, found 'x'")
    }

    @Test func badCharacters() {
        #expect(failure("a: @x\n") == "docker-compose.yml:1:4: error: found character '@' that cannot start any token")
        #expect(failure("a: `x`\n") == "docker-compose.yml:1:4: error: found character '`' that cannot start any token")
        #expect(failure("a: 1\nb: \u{01}\n") == "docker-compose.yml:2:4: error: found character U+0001 that YAML does not allow in a file")
        do {
            _ = try YAML.read(bytes: [0x61, 0x3A, 0x20, 0xC3, 0x28], file: "f.yml")
            Issue.record("no error")
        } catch {
            #expect(error.description == "f.yml:1:4: error: file is not valid UTF-8")
        }
    }

    @Test func documentStructure() {
        #expect(failure("%YAML 1.2\na: 1\n") == "docker-compose.yml:2:1: error: expected '---' after the directives, found a block mapping")
        #expect(failure("a: 1\n}\n") == "docker-compose.yml:2:1: error: expected a mapping key, found '}'")
        #expect(failure("[a]\n}\n") == "docker-compose.yml:2:1: error: expected the end of the document, found '}'")
        #expect(failure("- a\n- b\n? c\n") == "docker-compose.yml:3:1: error: expected a sequence entry '-', found '?'")
        #expect(failure("a: 'b' ? c\n") == "docker-compose.yml:1:8: error: mapping keys are not allowed here")
        #expect(failure("a: !<x\n") == "docker-compose.yml:1:4: error: expected '>' to end the verbatim tag")
    }

    @Test func errorProperties() {
        let e = YAMLError(file: "docker-compose.yml", at: YAML.Mark(line: 12, column: 7), "bad")
        #expect(e.line == 12 && e.column == 7)
        #expect("\(e)" == "docker-compose.yml:12:7: error: bad")
    }
}
