import Testing
@testable import swarmsim

/// `run --report` from the command line: the lesson's first comment line is the headline, and
/// the page opens on its first statement with the step-through.
@Suite struct ReportCommandTests {
    static let lesson = """
        # Lesson 9: a leader crashes.
        #
        # Longer notes.
        seed 4
        hosts m1..m3
        m1$ docker swarm init
        m2$ docker swarm join --token $MANAGER_TOKEN m1:2377
        m3$ docker swarm join --token $MANAGER_TOKEN m1:2377
        say "m1 crashes."
        crash m1
        expect leader in m2,m3 within 30s

        """

    @Test func theHeadlineIsTheLessonsFirstCommentLine() throws {
        let fs = FakeSystem()
        fs.files["l.swarm"] = Array(Self.lesson.utf8)
        #expect(ShellTests.run(fs, ["run", "l.swarm", "-q", "--report", "l.html"]) == 0)
        let page = String(decoding: try #require(fs.files["l.html"]), as: UTF8.self)
        #expect(page.contains("<title>Lesson 9: a leader crashes. · swarmsim report</title>"))
        #expect(page.contains("<h1>Lesson 9: a leader crashes.</h1>"))
        #expect(page.contains("<span id=\"step-label\" data-word=\"step\" data-of=\"of\">step 1 of 8</span>"))
        #expect(page.contains("<p class=\"caption now\">m1 crashes.</p>"))
    }

    @Test func withoutACommentTheHeadlineIsTheFileName() throws {
        let fs = FakeSystem()
        fs.files["dir/x.swarm"] = Array("hosts m1\nm1$ docker swarm init\n".utf8)
        #expect(ShellTests.run(fs, ["run", "dir/x.swarm", "-q", "--report", "x.html"]) == 0)
        let page = String(decoding: try #require(fs.files["x.html"]), as: UTF8.self)
        #expect(page.contains("<h1>x.swarm</h1>"))
    }

    @Test func theLanguageOptionOrTheFilesLangReachesTheReport() throws {
        let fs = FakeSystem()
        fs.files["l.swarm"] = Array(Self.lesson.utf8)
        fs.files["k.swarm"] = Array(("lang ko\n" + Self.lesson).utf8)
        #expect(ShellTests.run(fs, ["run", "l.swarm", "-q", "--report", "en.html"]) == 0)
        #expect(ShellTests.run(fs, ["run", "l.swarm", "-q", "--lang", "ko", "--report", "ko.html"]) == 0)
        #expect(ShellTests.run(fs, ["run", "k.swarm", "-q", "--report", "k.html"]) == 0)
        let en = String(decoding: try #require(fs.files["en.html"]), as: UTF8.self)
        let ko = String(decoding: try #require(fs.files["ko.html"]), as: UTF8.self)
        let k = String(decoding: try #require(fs.files["k.html"]), as: UTF8.self)
        #expect(en.contains("<html lang=\"en\">") && !en.contains("리더"))
        #expect(ko.contains("<html lang=\"ko\">") && ko.contains("리더"))
        #expect(k.contains("<html lang=\"ko\">") && k.contains("리더"))
    }

    /// The chart's tooltips speak the report's language, as its other words do.
    @Test func theTooltipsAreInTheReportsLanguage() throws {
        let fs = FakeSystem()
        fs.files["l.swarm"] = Array(Self.lesson.utf8)
        #expect(ShellTests.run(fs, ["run", "l.swarm", "-q", "--lang", "ko", "--report", "ko.html"]) == 0)
        let page = String(decoding: try #require(fs.files["ko.html"]), as: UTF8.self)
        let tooltips = page.components(separatedBy: "<title>").dropFirst(2).compactMap { $0.components(separatedBy: "</title>").first }
        #expect(tooltips.count > 10)
        for english in [" crashed at ", "leader m", " in term ", "joined as", "] line ", "no leader", "follower, "] {
            #expect(!tooltips.contains { $0.contains(english) }, "\(english)")
        }
        #expect(tooltips.contains("m1 다운: 0.009s"))
        #expect(tooltips.contains("[0.009s] 10번 줄: crash m1"))
        #expect(tooltips.contains("m3: 후보, 임기 2, 17.968s–17.970s (1ms)"))
        #expect(tooltips.contains { $0.hasPrefix("리더 없음, ") })
    }

    /// A service's row in the report, `show services` and `docker service ls` count its tasks
    /// by the one definition (swarmkit's ListServiceStatuses, `ServiceStatus`): a task on a
    /// crashed node still counts as running in the store until the orchestrator replaces it,
    /// and then, still recorded running, beside its replacement.
    @Test func theServiceRowCountsAsDockerServiceLsDoes() throws {
        let fs = FakeSystem()
        fs.files["r.swarm"] = Array("""
            seed 61
            hosts m1 w1 w2 w3
            m1$ docker swarm init
            w1$ docker swarm join --token $WORKER_TOKEN m1:2377
            w2$ docker swarm join --token $WORKER_TOKEN m1:2377
            w3$ docker swarm join --token $WORKER_TOKEN m1:2377
            m1$ docker node update --availability drain m1
            m1$ docker service create -d --name web --replicas 2 nginx
            wait 10s
            crash w1
            wait 5s
            m1$ docker service ls
            show services
            expect node w1 down within 20s
            wait 10s
            m1$ docker service ls
            show services

            """.utf8)
        #expect(ShellTests.run(fs, ["run", "r.swarm", "-q", "--report", "r.html"]) == 0)
        let page = String(decoding: try #require(fs.files["r.html"]), as: UTF8.self)
        let rows = page.components(separatedBy: "<title>web: ").dropFirst().compactMap { $0.components(separatedBy: "</title>").first }
        #expect(rows == ["0/0 running, 0.000s–0.050s (50ms)", "0/2 running, 0.050s–1.551s (1.5s)",
                         "2/2 running, 1.551s–27.169s (25.6s)", "3/2 running, 27.169s–31.617s (4.4s)"])
        #expect(fs.out.contains("web       replicated   2/2        nginx:latest\nservices at 15.008s, as the leader's store records them:\n  web  replicated  2 of 2 running\n"))
        #expect(fs.out.contains("web       replicated   3/2        nginx:latest\nservices at 31.617s, as the leader's store records them:\n  web  replicated  3 of 2 running\n"))
    }
}
