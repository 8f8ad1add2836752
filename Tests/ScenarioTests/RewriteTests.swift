import Testing
@testable import ScenarioLanguage
@testable import DockerClient

/// Parses `source`, rewrites it with `actual`, and checks the parse was clean.
func rewritten(_ source: String, _ actual: [Int: String], sourceLocation: Testing.SourceLocation = #_sourceLocation) -> String {
    let result = ScenarioParser.parse(source, file: "t.swarm")
    #expect(result.diagnostics.isEmpty, "\(result.renderedDiagnostics)", sourceLocation: sourceLocation)
    return rewrite(source: source, script: result.script, actual: actual)
}

@Suite struct RewriteTests {
    static let source = """
        # A scenario with comments and layout.
        hosts m1 w1   # two hosts


        m1$ docker node ls -q
        ----
        aaa
        bbb

          # indented comment
        m1$ docker service ls -q
        ----
        old

        wait 5s
        m1$ docker info
        ----
        same

        """

    @Test func onlyChangedBlocksAreReplaced() {
        let out = rewritten(Self.source, [1: "aaa\nbbb\n", 2: "new\nlines", 3: "not a block", 4: "same"])
        #expect(out == Self.source.replacing("----\nold\n", with: "----\nnew\nlines\n"))
    }

    @Test func nothingChangedGivesTheSameBytes() {
        #expect(rewritten(Self.source, [:]) == Self.source)
        #expect(rewritten(Self.source, [1: "aaa\nbbb", 4: "same   \n\n"]) == Self.source)
    }

    @Test func blankLinesInOutputUseTheFencedForm() {
        let out = rewritten(Self.source, [2: "a\n\nb\n"])
        #expect(out == Self.source.replacing("----\nold\n", with: "----\n----\na\n\nb\n----\n----\n"))
        // And back: a fenced block whose output lost its blank lines becomes plain again.
        let back = rewritten(out, [2: "plain"])
        #expect(back == Self.source.replacing("----\nold\n", with: "----\nplain\n"))
    }

    @Test func fencedBlockFollowedByTextGetsABlankLineWhenItBecomesPlain() {
        let source = "heal\n----\n----\nx\n\ny\n----\n----\nwait 1s\n"
        #expect(rewritten(source, [0: "z"]) == "heal\n----\nz\n\nwait 1s\n")
        #expect(ScenarioParser.parse("heal\n----\nz\n\nwait 1s\n", file: "t").script.statements.count == 2)
    }

    @Test func outputStartingWithSeparatorIsFenced() {
        #expect(rewritten("heal\n----\nold\n", [0: "----\nx"]) == "heal\n----\n----\n----\nx\n----\n----\n")
    }

    @Test func emptyOutputIsAnEmptyBlock() {
        #expect(rewritten(Self.source, [2: ""]) == Self.source.replacing("----\nold\n", with: "----\n"))
        #expect(rewritten("heal\n----\nold\n\nwait 1s\n", [0: "\n\n"]) == "heal\n----\n\nwait 1s\n")
        #expect(rewritten("heal\n----\nold", [0: ""]) == "heal\n----")
    }

    @Test func trailingWhitespaceIsNormalized() {
        #expect(rewritten("heal\n----\nold\n", [0: "a  \nb\t\n\n"]) == "heal\n----\na\nb\n")
        let block = ExpectedOutput(text: "a\nb", isFenced: false, byteRange: 0..<0, lines: 1...1, location: at(1, 1))
        #expect(block.matches("a \r\nb\n\n"))
        #expect(!block.matches("a\n\nb"))
    }

    @Test func crlfFilesStayCRLF() {
        let source = "hosts m1\r\nm1$ docker node ls -q\r\n----\r\nold\r\n\r\n# done\r\n"
        #expect(rewritten(source, [1: "x\ny"]) == "hosts m1\r\nm1$ docker node ls -q\r\n----\r\nx\r\ny\r\n\r\n# done\r\n")
        #expect(rewritten(source, [1: "x\n\ny"]) == "hosts m1\r\nm1$ docker node ls -q\r\n----\r\n----\r\nx\r\n\r\ny\r\n----\r\n----\r\n\r\n# done\r\n")
    }

    @Test func missingFinalLineBreakIsKept() {
        #expect(rewritten("heal\n----\nold", [0: "new\nmore"]) == "heal\n----\nnew\nmore")
        #expect(rewritten("heal\r\n----", [0: "a"]) == "heal\r\n----\r\na")
    }

    @Test func rewrittenFilesParseBackToTheActualOutput() {
        let actual = [1: "one\n\ntwo", 2: "", 4: "x\ny"]
        let out = rewritten(Self.source, actual)
        let again = ScenarioParser.parse(out, file: "t.swarm")
        #expect(again.diagnostics.isEmpty)
        for (index, output) in actual {
            #expect(again.script.statements[index].expected?.matches(output) == true, "\(index)")
        }
        #expect(rewrite(source: out, script: again.script, actual: actual) == out)
    }

    @Test func blocksOutsideTheSourceAreLeftAlone() {
        let script = ScenarioParser.parse(Self.source, file: "t.swarm").script
        #expect(rewrite(source: "short", script: script, actual: [1: "changed"]) == "short")
    }
}
