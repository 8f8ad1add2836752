import Testing
@testable import swarmsim

/// `lang ko` and `--lang ko`: the pictures' labels in Korean, docker's output in English, and
/// the command line winning over the file.
@Suite struct LanguageOptionTests {
    static let scenario = """
        seed 7
        hosts m1 m2 m3 w1
        m1$ docker swarm init
        m2$ docker swarm join --token $MANAGER_TOKEN m1:2377
        m3$ docker swarm join --token $MANAGER_TOKEN m1:2377
        w1$ docker swarm join --token $WORKER_TOKEN m1:2377
        m1$ docker service create --name web --replicas 2 -p 8080:80 nginx
        partition m1 | m2 m3 w1
        wait 1s
        lang ko
        show cluster
        show services
        show mesh
        m1$ docker node ls
        """

    static let korean = """
        클러스터, 7.616초: 리더 m1, 임기 1; 매니저 3 중 3 가동, 쿼럼 2
          1번 쪽: 매니저 3 중 1, 쿼럼 없음
            m1  매니저  리더    임기 1  태스크 1개  Ready
          2번 쪽: 매니저 3 중 2, 쿼럼 있음
            m2  매니저  팔로워  임기 1  태스크 1개  Ready
            m3  매니저  팔로워  임기 1              Ready
            w1  워커                                Ready
        서비스, 7.616초 (리더의 저장소 기록):
          web  replicated  2 중 2 실행 중  *:8080->80/tcp
            web.1  m1  running
            web.2  m2  running
        메시, 7.616초: 각 포트는 모든 노드에서 열려 있고 다음 태스크로 라운드 로빈합니다
          *:8080->80/tcp  web  m1의 web.1, m2의 web.2
        ID                            HOSTNAME   STATUS    AVAILABILITY   MANAGER STATUS   ENGINE VERSION
        03idaltf1grujm45tiy8rp27f *   m1         Ready     Active         Leader           28.2.2
        0eoxq9muc65ycjcsp2b2r1vnp     m2         Ready     Active         Reachable        28.2.2
        axw7gt5jr0jxvz4xq70ggjdn0     m3         Ready     Active         Reachable        28.2.2
        dmbsoovgjjaewnbtfm9irdnf3     w1         Ready     Active                          28.2.2

        """

    static let english = """
        cluster at 7.616s: leader m1 in term 1; 3 of 3 managers up, quorum 2
          side 1: 1 of 3 managers, no quorum
            m1  manager  leader    term 1  1 task  Ready
          side 2: 2 of 3 managers, quorum
            m2  manager  follower  term 1  1 task  Ready
            m3  manager  follower  term 1          Ready
            w1  worker                             Ready
        services at 7.616s, as the leader's store records them:
          web  replicated  2 of 2 running  *:8080->80/tcp
            web.1  m1  running
            web.2  m2  running
        mesh at 7.616s: each port listens on every node and routes round robin to
          *:8080->80/tcp  web  web.1 on m1, web.2 on m2
        """

    /// The pictures' lines and docker's table: everything after the `wait 1s` line's echo.
    static func run(_ options: [String], text: String = scenario) -> (Int32, String, String) {
        let fs = FakeSystem()
        fs.files["k.swarm"] = Array(text.utf8)
        let code = CLI.main(["run", "k.swarm", "-q"] + options, io: fs.io)
        let tail = fs.out.components(separatedBy: "[6.616s] partition m1 | m2 m3 w1\n").last ?? ""
        return (code, tail, fs.err)
    }

    @Test func theFilesLangStatementTurnsThePicturesKorean() {
        let (code, out, err) = Self.run([])
        #expect(code == 0 && err == "")
        #expect(out == Self.korean)
    }

    @Test func theCommandLineWinsOverTheFile() {
        let (code, out, _) = Self.run(["--lang", "en"])
        #expect(code == 0)
        #expect(out.hasPrefix(Self.english))
        let withoutLang = Self.scenario.replacingOccurrences(of: "lang ko\n", with: "")
        #expect(Self.run(["--lang", "ko"], text: withoutLang).1 == Self.korean)
        #expect(Self.run([], text: withoutLang).1.hasPrefix(Self.english))
    }

    @Test func anUnknownLanguageIsAUsageError() {
        let (code, out, err) = Self.run(["--lang", "fr"])
        #expect(code == 2 && out == "")
        #expect(err == "error: invalid value 'fr' for '--lang'\nhint: use en or ko\n")
        let bad = Self.run([], text: "lang fr\n")
        #expect(bad.0 == 2)
        #expect(bad.2 == "k.swarm:1:6: error: 'lang' is one of en, ko, not 'fr'\nlang fr\n     ^~\nhint: did you mean 'en'?\n")
    }

    /// `swarmsim test --lang en` on a Korean lesson: its recorded pictures are Korean, so it fails.
    @Test func testTakesTheOptionToo() {
        let fs = FakeSystem()
        fs.files["k.swarm"] = Array("hosts m1\nlang ko\nshow cluster\n----\n클러스터, 0.000초: 리더 없음\n  m1  스웜 밖\n".utf8)
        #expect(CLI.main(["test", "k.swarm"], io: fs.io) == 0)
        #expect(CLI.main(["test", "k.swarm", "--lang", "en"], io: fs.io) == 1)
        #expect(fs.err.contains("+ cluster at 0.000s: no leader\n+   m1  not in a swarm\n"))
    }

    /// A shell can switch mid-session: `lang ko` typed at the prompt.
    @Test func theShellSwitchesWhenTold() {
        let fs = FakeSystem()
        #expect(ShellTests.run(fs, ["shell"], input: ["hosts m1", "show cluster", "lang ko", "show cluster"]) == 0)
        #expect(fs.out == """
            [0.000s] show cluster
            cluster at 0.000s: no leader
              m1  not in a swarm
            [0.000s] show cluster
            클러스터, 0.000초: 리더 없음
              m1  스웜 밖

            """)
    }
}
