import Testing
@testable import ScenarioLanguage
@testable import DockerClient

/// Korean text in a scenario: a host name that is not ASCII is refused with what is allowed,
/// and carets line up under wide characters as a terminal shows them.
@Suite struct KoreanInputTests {
    static func rendered(_ text: String) -> String? {
        ScenarioParser.parse(text, file: "t.swarm").diagnostics.first?.rendered
    }

    @Test func aKoreanHostNameSaysWhatIsAllowed() {
        #expect(Self.rendered("hosts 마스터") == """
            t.swarm:1:7: error: invalid host name '마스터': use ASCII letters a-z and A-Z, digits, '-', '_' and '.', starting with a letter
            hosts 마스터
                  ^~~~~~
            hint: a host name is the node's hostname, which is ASCII on Linux; for example: hosts master1 worker1
            """)
        #expect(Self.rendered("hosts m1 노드2")?.hasPrefix("t.swarm:1:10: error: invalid host name '노드2': use ASCII letters") == true)
        #expect(Self.rendered("hosts mé")?.contains("hint: a host name is the node's hostname, which is ASCII on Linux") == true)
        #expect(Self.rendered("hosts 1m")?.contains("hint:") == false)
    }

    @Test func caretsLineUpAfterWideCharacters() {
        #expect(Self.rendered("say \"안녕\" ${X") == """
            t.swarm:1:10: error: unterminated '${'
            say "안녕" ${X
                       ^~~
            hint: write ${NAME} with a closing brace
            """)
    }

    @Test func terminalColumns() {
        #expect(TerminalColumns.width("m1") == 2)
        #expect(TerminalColumns.width("매니저") == 6)
        #expect(TerminalColumns.width("日本") == 4)
        #expect(TerminalColumns.width("é") == 1)
        #expect(TerminalColumns.width("e\u{301}") == 1)
        #expect(TerminalColumns.width("リーダー") == 8)
    }
}
