import Testing
import YAML

/// Plain, quoted and block scalars, and the core schema.
@Suite struct ScalarTests {
    @Test func coreSchemaResolution() throws {
        let cases: [(String, YAML.Value)] = [
            ("~", .null), ("null", .null), ("Null", .null), ("NULL", .null), ("", .null),
            ("true", .bool(true)), ("True", .bool(true)), ("FALSE", .bool(false)),
            ("yes", .string("yes")), ("on", .string("on")), ("nULL", .string("nULL")),
            ("0", .int(0)), ("-19", .int(-19)), ("+7", .int(7)), ("012", .int(12)),
            ("0o17", .int(15)), ("0x1F", .int(31)), ("0x", .string("0x")), ("0o8", .string("0o8")),
            ("1.5", .float(1.5)), ("-.5", .float(-0.5)), ("1.", .float(1)), ("1e3", .float(1000)),
            ("2.5E-1", .float(0.25)), (".inf", .float(.infinity)), ("-.Inf", .float(-.infinity)),
            ("99999999999999999999", .float(1e20)), ("1_000", .string("1_000")),
            ("8080:80", .string("8080:80")), ("1.10", .float(1.1)), ("e3", .string("e3")), (".", .string(".")),
        ]
        for (text, value) in cases {
            #expect(YAML.Scalar(text, style: .plain).value == value, "\(text)")
        }
        if case .float(let d) = YAML.Scalar(".nan", style: .plain).value { #expect(d.isNaN) } else { Issue.record(".nan") }
    }

    @Test func quotedAndBlockScalarsAreStrings() throws {
        let node = try root("a: \"8080:80\"\nb: '1'\nc: |\n  true\nd: 8080:80\ne: 1\n")
        #expect(node["a"]?.scalar?.value == .string("8080:80"))
        #expect(node["a"]?.scalar?.style == .doubleQuoted)
        #expect(node["b"]?.scalar?.value == .string("1"))
        #expect(node["c"]?.scalar?.value == .string("true\n"))
        #expect(node["d"]?.scalar?.value == .string("8080:80"))
        #expect(node["d"]?.scalar?.isPlain == true)
        #expect(node["e"]?.scalar?.value == .int(1))
    }

    @Test func tagsOverrideResolution() throws {
        let node = try root("a: !!str 1\nb: ! true\nc: !!int \"7\"\nd: !!float 1\ne: !custom x\n")
        #expect(node["a"]?.scalar?.value == .string("1"))
        #expect(node["a"]?.tag == "tag:yaml.org,2002:str")
        #expect(node["b"]?.scalar?.value == .string("true"))
        #expect(node["c"]?.scalar?.value == .int(7))
        #expect(node["d"]?.scalar?.value == .float(1))
        #expect(node["e"]?.scalar?.value == .string("x"))
        #expect(node["e"]?.tag == "!custom")
        #expect(try read("a: !<tag:x> b") == "{a@1:1: b@1:13}@1:1")
    }

    @Test func multiLinePlainScalarsFold() throws {
        #expect(try read("a: one\n  two\n\n  three\nb: x\n") == "{a@1:1: one two\\nthree@1:4, b@5:1: x@5:4}@1:1")
        #expect(try read("a: x # comment\nb: y#not\n") == "{a@1:1: x@1:4, b@2:1: y#not@2:4}@1:1")
        #expect(try read("a: x\ty\n") == "{a@1:1: x\\ty@1:4}@1:1")
    }

    @Test func singleQuoted() throws {
        #expect(try read("'it''s \\n'") == "'it's \\n'@1:1")
        #expect(try read("a: 'one\n  two\n\n  three'\n") == "{a@1:1: 'one two\\nthree'@1:4}@1:1")
    }

    @Test func doubleQuotedEscapes() throws {
        let node = try root(#"s: "a\tb\n\"q\" \\ \/ \0\a\b\v\f\r\e\ \N\_\L\P\x41\u00e9\U0001F600""#)
        #expect(node["s"]?.text == "a\tb\n\"q\" \\ / \0\u{07}\u{08}\u{0B}\u{0C}\r\u{1B} \u{85}\u{A0}\u{2028}\u{2029}Aé😀")
    }

    @Test func doubleQuotedLineFolding() throws {
        #expect(try root("\"one\n  two\n\n  three\"").text == "one two\nthree")
        #expect(try root("\"one \\\n   two\"").text == "one two")
        #expect(try root("\"a\\\n  b\"").text == "ab")
    }

    @Test func literalBlockScalarChomping() throws {
        let text = "clip: |\n  a\n   b\n\n\nstrip: |-\n  a\n\nkeep: |+\n  a\n\n\nend: x\n"
        let node = try root(text)
        #expect(node["clip"]?.text == "a\n b\n")
        #expect(node["strip"]?.text == "a")
        #expect(node["keep"]?.text == "a\n\n\n")
        #expect(node["clip"]?.location == YAML.Mark(line: 1, column: 7))
        #expect(node["end"]?.location == YAML.Mark(line: 13, column: 6))
    }

    @Test func foldedBlockScalar() throws {
        let text = "f: >\n  one\n  two\n\n  three\n    indented\n  last\n"
        #expect(try root(text)["f"]?.text == "one two\nthree\n  indented\nlast\n")
        #expect(try root("f: >-\n  a\n  b\n")["f"]?.text == "a b")
        #expect(try root("f: >+\n  a\n\n")["f"]?.text == "a\n\n")
    }

    @Test func indentationIndicator() throws {
        #expect(try root("a: |2\n   x\n  y\n")["a"]?.text == " x\ny\n")
        #expect(try root("a: |-2\n    x\n")["a"]?.text == "  x")
        #expect(try root("a: |+1\n  x\n")["a"]?.text == " x\n")
        #expect(try root("- |1\n  x\n").sequence?.first?.text == " x\n")
    }

    @Test func blockScalarHeaderComment() throws {
        #expect(try root("a: | # keep lines\n  x\n")["a"]?.text == "x\n")
        #expect(try root("a: |\nb: 1\n")["a"]?.text == "")
        #expect(try root("a: >\n").mapping?.first?.value.text == "")
    }

    @Test func blockScalarInSequence() throws {
        #expect(try read("- |\n  a\n  b\n- c\n") == "[|a\\nb\\n|@1:3, c@4:3]@1:1")
    }

    @Test func unicodeColumnsCountScalars() throws {
        #expect(try read("é: ü\nb: 😀x\n") == "{é@1:1: ü@1:4, b@2:1: 😀x@2:4}@1:1")
    }

    @Test func crlfLineBreaksAndByteOrderMark() throws {
        #expect(try read("\u{FEFF}a: 1\r\nb: |\r\n  x\r\n") == "{a@1:1: 1@1:4, b@2:1: |x\\n|@2:4}@1:1")
    }
}
