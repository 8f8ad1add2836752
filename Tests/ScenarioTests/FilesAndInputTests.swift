import Testing
@testable import ScenarioLanguage
@testable import DockerClient
@testable import Orchestration
@testable import Runner

/// `file` statements, here-documents, the `echo …|` and `printf …|` pipes, and the long syntax
/// of `--secret`/`--config`: exact values and exact messages.
@Suite struct FilesAndInputTests {
    // MARK: file and here-documents

    @Test func fileWithInlineText() {
        #expect(lastStatement("file site.conf \"server { listen 80; }\"") == .file(name: "site.conf", contents: "server { listen 80; }"))
    }

    @Test func hereDocumentRunsToItsDelimiterAndKeepsEveryLineBreak() {
        let text = "file my-secret.txt <<EOF\ns3cr3t\n  two  words \n\nEOF\nwait 1s\n"
        #expect(statements(text) == [.file(name: "my-secret.txt", contents: "s3cr3t\n  two  words \n\n"), .wait(.seconds(1))])
    }

    @Test func hereDocumentBodyIsLiteralAndTheQuotedAndSpacedMarkersWork() {
        #expect(lastStatement("file a <<'END'\n$X \\n 'q' # not a comment\nEND\n") == .file(name: "a", contents: "$X \\n 'q' # not a comment\n"))
        #expect(lastStatement("file a << EOF\nx\nEOF") == .file(name: "a", contents: "x\n"))
        #expect(lastStatement("file a <<EOF\nEOF\n") == .file(name: "a", contents: ""))
        #expect(lastStatement("file a <<EOF\r\nx\r\nEOF\r\n") == .file(name: "a", contents: "x\n"))
    }

    @Test func theLineAfterAHereDocumentMayHoldItsExpectedOutput() {
        let result = parse("file a <<EOF\nx\nEOF\n----\n\nwait 1s\n")
        #expect(result.diagnostics.isEmpty)
        #expect(result.script.statements.first?.lines == 1...3)
        #expect(result.script.statements.first?.text == "file a <<EOF")
        #expect(result.script.statements.first?.expected?.text == "")
    }

    @Test func anUnterminatedHereDocumentIsAnError() {
        #expect(rendered("file a <<EOF\nx\nEOf\n") == """
            t.swarm:1:8: error: unterminated here-document: no line 'EOF' ends it
            file a <<EOF
                   ^~~~~
            hint: end the text with a line that holds only EOF
            """)
    }

    @Test func aHereDocumentFeedsOnlyFileStatements() {
        #expect(parse("hosts m1\nm1$ docker secret create s - <<EOF\nx\nEOF\n").diagnostics.first?.message
                == "a here-document can only give the text of a 'file' statement")
    }

    @Test func fileStatementMistakes() {
        #expect(parse("file").diagnostics.first?.message == "missing file name after 'file'")
        #expect(parse("file a").diagnostics.first?.message == "missing the text of file 'a'")
        #expect(parse("file a b c").diagnostics.first?.message == "unexpected 'c' after 'file a b'")
    }

    // MARK: Pipes

    @Test func printfAndEchoPipeIntoDocker() throws {
        guard case .pipedDocker(let host, let input, let command)? = lastStatement("hosts m1\nm1$ printf 's3cr3t' | docker secret create db_pass -") else {
            Issue.record("not a piped docker statement"); return
        }
        #expect(host == "m1")
        #expect(input == .printf([Word("s3cr3t", location: at(2, 12), length: 8, isQuoted: true)]))
        #expect(command.map(\.text) == ["docker", "secret", "create", "db_pass", "-"])
        guard case .pipedDocker(_, .echo(let words), _)? = lastStatement("hosts m1\nm1$ echo $UNLOCK_KEY | docker swarm unlock") else {
            Issue.record("not an echo"); return
        }
        #expect(words.map(\.variableNames) == [["UNLOCK_KEY"]])
    }

    @Test func otherPipesAreRefused() {
        #expect(rendered("hosts m1\nm1$ cat key.txt | docker swarm unlock") == """
            t.swarm:2:5: error: only 'echo …|' and 'printf …|' can feed a docker command, not 'cat'
            m1$ cat key.txt | docker swarm unlock
                ^~~
            hint: give the text with printf, or declare a file: file NAME "text"
            """)
        #expect(parse("hosts m1\nm1$ docker node ls | wc -l").diagnostics.first?.message == "pipes are not supported in scenarios")
        #expect(parse("hosts m1\nm1$ echo x | wc -l").diagnostics.first?.message == "only docker commands read the pipe, not 'wc'")
        #expect(parse("hosts m1\nm1$ echo x | docker swarm unlock | wc").diagnostics.first?.message == "pipes are not supported in scenarios")
        #expect(parse("hosts m1\nm1$ echo x |").diagnostics.first?.message == "missing a docker command after '|'")
        #expect(parse("hosts m1\nm1$ printf | docker swarm unlock").diagnostics.first?.message == "printf: usage: printf format [arguments]")
    }

    @Test func whatEchoAndPrintfWrite() {
        #expect(StandardInput.output(of: .echo([]), expanded: ["a", "b"]) == "a b\n")
        #expect(StandardInput.output(of: .echo([]), expanded: ["-n", "a"]) == "a")
        #expect(StandardInput.output(of: .echo([]), expanded: []) == "\n")
        #expect(StandardInput.output(of: .printf([]), expanded: ["s3cr3t"]) == "s3cr3t")
        #expect(StandardInput.output(of: .printf([]), expanded: [#"a\tb\n\\ \101\0102%%"#]) == "a\tb\n\\ AB%")
        #expect(StandardInput.output(of: .printf([]), expanded: ["%s=%d\n", "x", "3", "y"]) == "x=3\ny=0\n")
        #expect(StandardInput.output(of: .printf([]), expanded: ["%b|%s", #"1\n2"#, #"3\n4"#]) == "1\n2|3\\n4")
    }

    // MARK: --secret and --config

    @Test func shortAndLongReferenceSyntax() throws {
        #expect(try PayloadReference.parse("db_pass", kind: .secret).get() == PayloadReference(name: "db_pass"))
        var long = PayloadReference(name: "db_pass", target: "db")
        long.uid = "33"; long.gid = "44"; long.mode = 0o400
        #expect(try PayloadReference.parse("source=db_pass,target=db,uid=33,gid=44,mode=0400", kind: .secret).get() == long)
        #expect(try PayloadReference.parse("SRC=site,Mode=0x1ff", kind: .config).get().mode == 0o777)
        #expect(try PayloadReference.parse("src=site", kind: .config).get().target == "site")
    }

    @Test func referenceErrorsAreDockers() {
        #expect(failure("docker service create --secret a=b nginx") == #"invalid argument "a=b" for "--secret" flag: invalid field in secret request: a"#)
        #expect(failure("docker service create --secret source= nginx") == #"invalid argument "source=" for "--secret" flag: source is required"#)
        #expect(failure("docker service create --secret target=x nginx") == #"invalid argument "target=x" for "--secret" flag: source is required"#)
        #expect(failure("docker service create --config source=x,mode=9z nginx")
                == #"invalid argument "source=x,mode=9z" for "--config" flag: invalid mode specified: strconv.ParseUint: parsing "9z": invalid syntax"#)
        #expect(failure("docker service update --config-add x,y web") == #"invalid argument "x,y" for "--config-add" flag: invalid field 'x' must be a key=value pair"#)
    }

    private func failure(_ command: String) -> String { dockerError(command)?.message ?? "" }

    // MARK: ScenarioFiles

    @Test func declaredFilesComeFirstThenTheScenarioDirectory() throws {
        var files = ScenarioFiles(directory: "/nonexistent-dir")
        files.declare("./a.txt", Array("x".utf8))
        #expect(try files.read("a.txt").get() == Array("x".utf8))
        #expect(try files.read("./a.txt").get() == Array("x".utf8))
        #expect(files.read("b.txt") == .failure(ScenarioFiles.ReadError(message: "open b.txt: no such file or directory")))
        #expect(ScenarioFiles.directory(of: "Scenarios/files/x.swarm") == "Scenarios/files")
        #expect(ScenarioFiles.directory(of: "x.swarm") == nil)
    }
}
