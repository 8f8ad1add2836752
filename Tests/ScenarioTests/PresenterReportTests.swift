import Testing
import SimCore
import DockerClient
@testable import Report
@testable import Runner

/// The report as a presenter view, without a browser: narration captions on the time axis,
/// the quorum of each side, task slots and requests, each statement's cluster picture, the
/// step panels and the ring's data, the language, and a trace the recording leaves unchanged.
@Suite struct PresenterReportTests {
    static let servicesRun = """
        seed 3
        hosts m1 w1 w2
        m1$ docker swarm init
        w1$ docker swarm join --token $WORKER_TOKEN m1:2377
        w2$ docker swarm join --token $WORKER_TOKEN m1:2377
        m1$ docker service create --name web --replicas 2 -p 8080:80 nginx
        expect service web running 2 within 60s
        say "w1 crashes: its task is lost and comes back on m1"
        crash w1
        expect node w1 down within 60s
        wait 10s
        expect service web running 2 within 60s
        curl m1:8080 x 3
        """

    static func timeline(_ text: String) throws -> Timeline {
        try #require(TimelineTests.record(text).timeline)
    }

    // MARK: Captions

    @Test func narrationIsWrittenOnTheTimeAxis() throws {
        let page = ReportTests.html(TimelineTests.partitionRun)
        #expect(page.contains("<g class=\"cap\"><title>cut the leader off</title><circle cx=\"104.3\" cy=\"47\" r=\"4\" class=\"cap-dot\"/><text x=\"112.3\" y=\"52\" class=\"cap-text\">cut the leader off</text></g>"))
        #expect(page.contains(">narration</text>"))
    }

    @Test func captionsThatCollideShareRowsOrAreShortened() {
        var t = Timeline(title: "t", seed: 1)
        t.end = SimTime.zero + .seconds(60)
        let long = String(repeating: "word ", count: 40)
        for (i, s) in [1, 2, 3, 4].enumerated() {
            t.statements.append(StatementMark(time: SimTime.zero + .seconds(Int64(s)), end: SimTime.zero + .seconds(Int64(s)),
                                              line: i + 1, text: "say", kind: .narration, output: "\(i) \(long)\n"))
        }
        let captions = TimelineChart(timeline: t).captions
        #expect(captions.map(\.row) == [0, 1, 2, 0])
        // The first caption stops before the fourth, which took its row: cut with an ellipsis.
        #expect(captions[0].text.hasPrefix("0 w"))
        #expect(captions[0].text.hasSuffix("…"))
        #expect(TimelineChart.captionWidth(captions[0].text) <= captions[3].x - captions[0].x)
        #expect(captions[3].text == captions[3].full.prefix(captions[3].text.count - 1) + "…")
    }

    @Test func narrationsSaidTogetherAreOneCaption() {
        var t = Timeline(title: "t", seed: 1)
        t.end = SimTime.zero + .seconds(60)
        for (i, words) in ["One.", "Two."].enumerated() {
            t.statements.append(StatementMark(time: SimTime.zero + .seconds(5), end: SimTime.zero + .seconds(5), line: i + 1,
                                              text: "say \"\(words)\"", kind: .narration, output: words + "\n"))
        }
        #expect(TimelineChart(timeline: t).captions.map(\.full) == ["One. Two."])
    }

    @Test func wideCharactersCountDouble() {
        #expect(TimelineChart.textWidth("ab") == 16)
        #expect(TimelineChart.textWidth("리더") == 32)
        #expect(TimelineChart.fit("리더가 바뀝니다", width: 60) == "리더가…")
    }

    // MARK: Quorum

    @Test func theQuorumIsShownPerSide() throws {
        let t = try Self.timeline(TimelineTests.partitionRun)
        let sides = t.quorum.changes.map { $0.value.map(\.fraction) }
        // One manager, then two and three (a quorum of 2); isolating m1 splits the sides 1|2;
        // the heal joins them.
        #expect(sides == [["1/1"], ["2/2"], ["3/2"], ["1/2", "2/2"], ["3/2"]])
        let page = TimelineReport.html(t)
        #expect(page.contains(">quorum, side 1</text>"))
        #expect(page.contains(">quorum, side 2</text>"))
        #expect(page.contains("class=\"q-no\"><title>side 1: 1 reachable, 2 needed · no quorum, 5.019s–15.474s (10.4s)</title>"))
        #expect(page.contains("class=\"q-yes\"><title>side 2: 2 reachable, 2 needed · quorum, 5.019s–15.474s (10.4s)</title>"))
        #expect(page.contains(">3 reachable / 2 needed · quorum</text>"))
        #expect(page.contains(">2/2 quorum</text>"))
    }

    @Test func everyManagersTermIsShownAlsoAFollowers() throws {
        let t = try Self.timeline(TimelineTests.partitionRun)
        // m2 only voted in term 2 (no role change tells it); m1 followed after the heal.
        #expect(t.lanes.prefix(3).map(\.term.current) == [2, 2, 2])
        let ring = RingView(timeline: t, strings: .english).data
        #expect(ring.hasSuffix("\"r\":[[\"follower\",2],[\"follower\",2],[\"leader\",2]],\"m\":[]}]}"))
    }

    // MARK: Tasks and requests

    @Test func taskSlotsShowPlacementLossAndTheMove() throws {
        let t = try Self.timeline(Self.servicesRun)
        #expect(t.tasks.map(\.name) == ["web.1", "web.2"])
        #expect(t.services.map(\.name) == ["web"])
        #expect(t.services[0].desired.current == 2)
        // As docker service ls counts (ServiceStatus): w1's lost task is still recorded running.
        #expect(t.services[0].running.current == 3)
        let spots = t.tasks.flatMap { $0.spot.changes.compactMap(\.value) }
        // web.2 ran on w1, is lost with it, and its replacement runs on m1.
        #expect(spots.contains(TaskTrack.Spot(host: "w1", state: "lost")))
        #expect(t.tasks.map(\.spot.current) == [TaskTrack.Spot(host: "w2", state: "running"), TaskTrack.Spot(host: "m1", state: "running")])
        #expect(t.tasks[1].spot.changes.compactMap { $0.value.map { "\($0.host) \($0.state)" } }
                == ["w1 preparing", "w1 starting", "w1 running", "w1 lost", "m1 preparing", "m1 ready", "m1 starting", "m1 running"])
        #expect(t.lanes.map(\.tasks.current) == [1, 0, 1])
        let page = TimelineReport.html(t)
        #expect(page.contains("class=\"label task\" text-anchor=\"end\">web.1</text>"))
        #expect(page.contains("class=\"tk-lost\"><title>web."))
    }

    @Test func curlRequestsAreRecorded() throws {
        let t = try Self.timeline(Self.servicesRun)
        #expect(t.requests.count == 3)
        #expect(t.requests.map(\.entry) == [0, 0, 0])
        #expect(t.requests.map(\.answeredBy) == [2, 0, 2])
    }

    // MARK: Steps

    @Test func everyStatementKeepsTheClusterPictureAsItEnded() throws {
        let t = try Self.timeline(TimelineTests.partitionRun)
        let show = try #require(t.statements.last)
        #expect(show.text == "show cluster")
        #expect(show.picture == show.output)
        #expect(t.statements.first?.picture == "")  // `seed 5`: no swarm yet
        #expect(t.statements[1].picture.hasPrefix("cluster at 0.000s: no leader\n  m1  not in a swarm\n"))
    }

    @Test func aPanelPerStatementTheFirstShown() throws {
        let t = try Self.timeline(TimelineTests.partitionRun)
        let page = TimelineReport.html(t)
        #expect(ReportTests.count("\" id=\"step-", in: page) == t.statements.count)
        #expect(page.contains("<div class=\"step current\" id=\"step-1\" data-x=\"0\">\n"))
        #expect(page.contains("<input type=\"range\" id=\"scrub\" min=\"1\" max=\"\(t.statements.count)\" value=\"1\""))
        let n = t.statements.count
        #expect(page.contains("<div class=\"step\" id=\"step-\(n)\" data-x=\""))
        #expect(page.contains("<p class=\"caption\">cut the leader off</p>\n<p class=\"stmt\"><span class=\"when\">"))
        #expect(page.contains("<pre class=\"picture\">" + Markup.escape(t.statements[n - 1].picture) + "</pre>"))
    }

    @Test func theRingReplaysEachWindowsRaftMessages() throws {
        let t = try Self.timeline(TimelineTests.partitionRun)
        #expect(!t.messages.isEmpty)
        #expect(t.messages.contains { $0.kind == "vote" })
        #expect(t.messages.contains { $0.dropped })
        let ring = RingView(timeline: t, strings: .english)
        #expect(ring.members == [0, 1, 2])
        let data = ring.data
        #expect(data.hasPrefix("{\"kinds\":[\""))
        // The expectation's window holds the election: m2 or m3 asked for votes.
        let expect = try #require(t.statements.firstIndex { $0.text.hasPrefix("expect") })
        let (start, end) = StepView.window(expect, in: t)
        #expect(t.messages.contains { $0.kind == "vote" && $0.time >= start && $0.time < end })
        #expect(ReportTests.count("{\"w\":", in: data) == t.statements.count)
    }

    /// The ring at each step agrees with the step's `show cluster` picture: every manager's
    /// role and term, lesson 2 from start to end.
    @Test func theRingAgreesWithThePictureAtEveryStep() throws {
        let text = try LessonStoryTests.lesson("02-majority-and-minority.swarm")
        let t = try Self.timeline(text)
        let members = RingView(timeline: t, strings: .english).members
        #expect(members.count == 5)
        var compared = 0
        for (i, m) in t.statements.enumerated() {
            let end = StepView.window(i, in: t).end
            for line in m.picture.split(separator: "\n") {
                let words = line.split(separator: " ")
                guard words.count >= 5, words[1] == "manager", words[3] == "term",
                      let lane = t.lane(named: String(words[0])), members.contains(lane) else { continue }
                let drawn = (t.lanes[lane].phase.value(at: end).rawValue, t.lanes[lane].term.value(at: end))
                #expect(drawn == (String(words[2]), UInt64(words[4]) ?? 0), "step \(i + 1): \(line)")
                compared += 1
            }
        }
        #expect(compared > 300)
    }

    @Test func ringPositionsAreExact() {
        #expect(abs(RingView.sine(Double.pi / 2) - 1) < 1e-12)
        #expect(abs(RingView.sine(-Double.pi / 6) + 0.5) < 1e-12)
        let top = RingView.position(0, of: 3)
        #expect(Markup.number(top.x) == "150" && Markup.number(top.y) == "40")
    }

    // MARK: Title, language, trace

    @Test func theHeadlineIsTheLessonsTitle() throws {
        #expect(LessonTitle.first(in: "# Lesson 2: a partition.\n#\n# more\nseed 1\n") == "Lesson 2: a partition.")
        #expect(LessonTitle.first(in: "\n   ## Two hashes  \nseed 1\n") == "Two hashes")
        #expect(LessonTitle.first(in: "seed 1\n# late comment\n") == nil)
        var t = try Self.timeline("hosts m1\n")
        #expect(TimelineReport.headline(t) == "t.swarm")
        t.title = "Scenarios/teaching/02-x.swarm"
        #expect(TimelineReport.headline(t) == "02-x.swarm")
        t.heading = "Lesson 2"
        #expect(TimelineReport.html(t).contains("<h1>Lesson 2</h1>"))
    }

    @Test func koreanPagesSayLangKoAndUseKoreanWords() throws {
        let t = try Self.timeline(TimelineTests.partitionRun)
        let page = TimelineReport.html(t, language: .ko)
        #expect(page.hasPrefix("<!DOCTYPE html>\n<html lang=\"ko\">\n"))
        #expect(page.contains("<b>역할</b><span class=\"item\"><span class=\"sw ph-leader\"></span>리더</span>"))
        #expect(page.contains("\"Noto Sans CJK KR\", \"Noto Sans KR\", \"Apple SD Gothic Neo\", \"Malgun Gothic\""))
        #expect(TimelineReport.html(t).contains("<b>role</b><span class=\"item\"><span class=\"sw ph-leader\"></span>leader</span>"))
    }

    @Test func recordingLeavesTheRunsTraceAsItWas() {
        func trace(record: Bool) -> [UInt8] {
            var bytes: [UInt8] = []
            let writer = TraceWriter { bytes += $0 }
            var options = RunOptions()
            options.recordTimeline = record
            let parsed = ScenarioParser.parse(Self.servicesRun, file: "t.swarm")
            _ = ScenarioRunner(script: parsed.script, options: options, trace: writer).run()
            writer.flush()
            return bytes
        }
        let plain = trace(record: false)
        #expect(plain.count > 1000)
        #expect(trace(record: true) == plain)
    }

    @Test func theTapReadsMessagesAndTaskStates() {
        let deliver = Array("{\"t\":12.5,\"ev\":\"deliver\",\"from\":\"m1\",\"to\":\"m2\",\"msg\":\"raft.heartbeat\"}".utf8)[...]
        #expect(TraceTap.parse(deliver) == .message(time: SimTime(nanoseconds: 12_500_000_000), from: "m1", to: "m2", kind: "heartbeat", dropped: false))
        #expect(TraceTap.isMessage(deliver))
        let task = Array("{\"t\":3.000000001,\"ev\":\"task.state\",\"host\":\"w1\",\"task\":\"web.1\",\"id\":\"abc\",\"state\":\"running\"}".utf8)[...]
        #expect(TraceTap.parse(task) == .task(time: SimTime(nanoseconds: 3_000_000_001), host: "w1", task: "web.1", id: "abc", state: "running"))
        #expect(!TraceTap.isMessage(task))
        let call = Array("{\"t\":1,\"ev\":\"deliver\",\"from\":\"w1\",\"to\":\"m1\",\"msg\":\"call.heartbeat\"}".utf8)[...]
        #expect(TraceTap.parse(call) == nil)
        #expect(TraceTap.isMessage(call))
    }
}
