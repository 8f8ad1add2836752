import Testing
@testable import ScenarioLanguage

/// Every item the lexer gives for `text`.
func lexItems(_ text: String, file: String = "t.swarm") -> [LexedItem] {
    var lexer = ScriptLexer(source: SourceText(file: file, bytes: Array(text.utf8)))
    var items: [LexedItem] = []
    while let item = lexer.next() { items.append(item) }
    return items
}

/// The statements the lexer gives (problems dropped).
func lexStatements(_ text: String) -> [RawStatement] {
    lexItems(text).compactMap { if case .statement(let s) = $0 { s } else { nil } }
}

/// The words of each statement, as text.
func lexWords(_ text: String) -> [[String]] {
    lexStatements(text).map { $0.words.map(\.text) }
}

@Suite struct LexerTests {
    // MARK: Words and quotes

    @Test func blanksAndTabsSeparateWords() {
        #expect(lexWords("wait   10s\n\tcrash  m1\tw2\n") == [["wait", "10s"], ["crash", "m1", "w2"]])
    }

    @Test func singleQuotesKeepEverything() {
        let s = lexStatements(#"say 'a "b" $X \n'"#)
        #expect(s[0].words[1].text == #"a "b" $X \n"#)
        #expect(s[0].words[1].parts == [.literal(#"a "b" $X \n"#)])
        #expect(s[0].words[1].isQuoted)
    }

    @Test func doubleQuotesEscapeOnlyFourCharacters() {
        let s = lexStatements(#"say "q\" b\\ d\$ t\` n\n""#)
        #expect(s[0].words[1].text == #"q" b\ d$ t` n\n"#)
    }

    @Test func quotedPiecesJoinOneWord() {
        #expect(lexWords(#"say ab'c d'"e f"g"#) == [["say", "abc de fg"]])
        #expect(lexWords(#"say "" ''"#) == [["say", "", ""]])
    }

    @Test func backslashEscapesTheNextCharacter() {
        let s = lexStatements(##"say a\ b \# \é"##)
        #expect(s[0].words.map(\.text) == ["say", "a b", "#", "é"])
        #expect(s[0].words[1].isQuoted)
    }

    @Test func unquotedBarIsAWordByItself() {
        let s = lexStatements("partition m1|m2 '|' m3")
        #expect(s[0].words.map(\.text) == ["partition", "m1", "|", "m2", "|", "m3"])
        #expect(s[0].words.map(\.isQuoted) == [false, false, false, false, true, false])
    }

    // MARK: Comments

    @Test func commentsRunToTheEndOfTheLine() {
        #expect(lexWords("# intro\n  # indented\nwait 1s # why\nsay a#b\n") == [["wait", "1s"], ["say", "a#b"]])
    }

    @Test func emptyAndCommentOnlyFilesHaveNoStatements() {
        #expect(lexItems("").isEmpty)
        #expect(lexItems("\n\n   \n# only a comment\n").isEmpty)
    }

    // MARK: Continuation

    @Test func backslashAtEndOfLineContinuesTheStatement() {
        let s = lexStatements("m1$ docker service create \\\n    --name web \\\n    nginx\nwait 1s\n")
        #expect(s.count == 2)
        #expect(s[0].words.map(\.text) == ["m1$", "docker", "service", "create", "--name", "web", "nginx"])
        #expect(s[0].lines == 1...3)
        #expect(s[0].words[4].location == SourceLocation(file: "t.swarm", line: 2, column: 5))
        #expect(s[1].lines == 4...4)
    }

    @Test func continuationInsideAWordJoinsIt() {
        #expect(lexWords("say ab\\\ncd ef") == [["say", "abcd", "ef"]])
    }

    @Test func continuationInsideDoubleQuotes() {
        #expect(lexWords("say \"one \\\ntwo\"") == [["say", "one two"]])
    }

    @Test func trailingBackslashAtEndOfFileIsDropped() {
        #expect(lexWords("wait 1s \\") == [["wait", "1s"]])
    }

    // MARK: Variables

    @Test func variablesAreRecordedNotExpanded() {
        let w = lexStatements(#"w1$ docker swarm join --token $WORKER_TOKEN m1:2377"#)[0].words[5]
        #expect(w.text == "$WORKER_TOKEN")
        #expect(w.parts == [.variable("WORKER_TOKEN")])
        #expect(w.hasVariables)
    }

    @Test func bracedVariablesMayHoldHyphensAndDots() {
        let w = lexStatements("say id=${ID_web-1}.")[0].words[1]
        #expect(w.parts == [.literal("id="), .variable("ID_web-1"), .literal(".")])
        #expect(w.text == "id=${ID_web-1}.")
    }

    @Test func variablesInDoubleQuotesButNotSingle() {
        let s = lexStatements(#"say "a $X b" '$Y' \$Z"#)[0].words
        #expect(s[1].parts == [.literal("a "), .variable("X"), .literal(" b")])
        #expect(s[2].parts == [.literal("$Y")])
        #expect(s[3].parts == [.literal("$Z")])
    }

    @Test func aDollarNotFollowedByANameIsLiteral() {
        let s = lexStatements("m1$ docker x $ $1 a$")[0].words
        #expect(s.map(\.text) == ["m1$", "docker", "x", "$", "$1", "a$"])
        #expect(s.allSatisfy { !$0.hasVariables })
    }

    @Test func wordExpansion() throws {
        let w = lexStatements(#"say "token=$T for ${ID_w1}""#)[0].words[1]
        #expect(try w.expanded { ["T": "abc", "ID_w1": "xyz"][$0] } == "token=abc for xyz")
        #expect(throws: Diagnostic.self) { try w.expanded { _ in nil } }
    }

    // MARK: Locations

    @Test func columnsCountUnicodeScalars() {
        let s = lexStatements("say \"héllo wörld\" x\n  wait 1s")
        #expect(s[0].words[2].location == SourceLocation(file: "t.swarm", line: 1, column: 19))
        #expect(s[0].words[1].length == 13)
        #expect(s[1].words[0].location == SourceLocation(file: "t.swarm", line: 2, column: 3))
    }

    @Test func crlfLinesReadLikeLF() {
        let s = lexStatements("wait 1s\r\nsay \"a b\"\r\n")
        #expect(s.map { $0.words.map(\.text) } == [["wait", "1s"], ["say", "a b"]])
        #expect(s[1].words[1].location.column == 5)
    }

    @Test func byteOrderMarkIsSkipped() {
        let s = lexStatements("\u{FEFF}wait 1s")
        #expect(s[0].words[0].text == "wait")
        #expect(s[0].words[0].location.column == 1)
    }

    // MARK: Problems

    @Test func unterminatedQuotes() {
        let s = lexStatements("say \"abc\nwait 1s\nsay 'x")
        #expect(s.count == 3)
        #expect(s[0].problem?.message == "unterminated double quote")
        #expect(s[0].problem?.location == SourceLocation(file: "t.swarm", line: 1, column: 5))
        #expect(s[0].problem?.length == 4)
        #expect(s[1].problem == nil)
        #expect(s[2].problem?.message == "unterminated single quote")
    }

    @Test func badVariables() {
        let s = lexStatements("say ${A\nsay ${1x}\nsay ${}")
        #expect(s.map { $0.problem?.message } == ["unterminated '${'", "bad variable name '${1x}'", "bad variable name '${}'"])
    }

    @Test func aProblemSkipsTheStatementsContinuationLines() {
        let s = lexStatements("say 'a \\\n  b\nwait 1s")
        #expect(s.count == 2)
        #expect(s[0].lines == 1...2)
        #expect(s[1].words.map(\.text) == ["wait", "1s"])
    }

    // MARK: Expected-output blocks

    @Test func plainBlockRunsToTheFirstBlankLine() throws {
        let text = "m1$ docker node ls -q\n----\nabc\ndef\n\nwait 1s\n"
        let s = lexStatements(text)
        #expect(s.count == 2)
        let block = try #require(s[0].expected)
        #expect(block.text == "abc\ndef")
        #expect(!block.isFenced)
        #expect(block.lines == 2...4)
        #expect(block.byteRange == 22..<35)
        #expect(Array(text.utf8)[block.byteRange].elementsEqual("----\nabc\ndef\n".utf8))
    }

    @Test func fencedBlockHoldsBlankLines() throws {
        let text = "show cluster\n----\n----\na\n\nb\n----\n----\nwait 1s\n"
        let s = lexStatements(text)
        #expect(s.count == 2)
        let block = try #require(s[0].expected)
        #expect(block.text == "a\n\nb")
        #expect(block.isFenced)
        #expect(block.lines == 2...8)
        #expect(Array(text.utf8)[block.byteRange].elementsEqual("----\n----\na\n\nb\n----\n----\n".utf8))
    }

    @Test func emptyBlocks() {
        #expect(lexStatements("heal\n----\n\nwait 1s")[0].expected?.text == "")
        #expect(lexStatements("heal\n----")[0].expected?.byteRange == 5..<9)
        #expect(lexStatements("heal\n----\n----\n----\n----\n")[0].expected?.isFenced == true)
    }

    @Test func blockMustFollowTheStatementDirectly() {
        let items = lexItems("heal\n# note\n----\nout\n\nwait 1s")
        #expect(items.count == 3)
        guard case .problem(let d) = items[1] else { Issue.record("expected a problem"); return }
        #expect(d.message == "expected-output block has no statement")
        #expect(d.location == SourceLocation(file: "t.swarm", line: 3, column: 1))
        guard case .statement(let last) = items[2] else { Issue.record("expected a statement"); return }
        #expect(last.words.map(\.text) == ["wait", "1s"])
    }

    @Test func unterminatedFence() {
        let s = lexStatements("heal\n----\n----\nabc\n\nwait 1s\n")
        #expect(s.count == 1)
        #expect(s[0].problem?.message == "unterminated expected-output block")
        #expect(s[0].problem?.location.line == 2)
    }
}
