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
}
