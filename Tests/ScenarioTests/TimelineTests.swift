import Testing
import SimCore
import Orchestration
@testable import DockerClient
@testable import Report
@testable import Runner

/// The timeline model: step functions, pixel merging, the time axis, and what a run records.
@Suite struct TimelineTests {
    static func t(_ seconds: Double) -> SimTime { SimTime.zero + .seconds(exactly: seconds) }

    // MARK: StepFunction

    @Test func stepsKeepOnlyVisibleChanges() {
        var s = StepFunction<Int>(0)
        s.set(0, at: Self.t(1))          // same value: nothing
        s.set(5, at: Self.t(2))
        s.set(7, at: Self.t(2))          // same instant: the last wins
        s.set(7, at: Self.t(3))          // same value again
        s.set(1, at: Self.t(4))
        s.set(7, at: Self.t(4))          // back to the value before: the change at 4 disappears
        #expect(s.changes.map(\.value) == [7])
        #expect(s.changes.map(\.time) == [Self.t(2)])
        #expect(s.value(at: Self.t(1.999)) == 0)
        #expect(s.value(at: Self.t(2)) == 7)
        #expect(s.current == 7)
    }

    @Test func intervalsCoverTheRunWithoutEmptySpans() {
        var s = StepFunction<String>("a")
        s.set("b", at: .zero)
        s.set("c", at: Self.t(3))
        s.set("d", at: Self.t(10))
        let iv = s.intervals(until: Self.t(5))
        #expect(iv.map(\.value) == ["b", "c"])
        #expect(iv.map(\.start) == [.zero, Self.t(3)])
        #expect(iv.map(\.end) == [Self.t(3), Self.t(5)])
    }

    // MARK: Scale and merging

    @Test func aShortRunFillsTheMinimumWidthAndALongOneScrolls() {
        let minute = TimeScale(end: Self.t(60))
        #expect(minute.width == 1360)
        #expect(minute.tickStep == .seconds(5))
        #expect(minute.ticks.count == 13)
        let hour = TimeScale(end: Self.t(3600))
        #expect(hour.width == 12_000)
        #expect(hour.tickStep == .seconds(30))
        let fiveMinutes = TimeScale(end: Self.t(300))
        #expect(fiveMinutes.pixelsPerSecond == 8)
        #expect(fiveMinutes.tickStep == .seconds(10))
    }

    @Test func tickLabelsAreShort() {
        #expect(TimeScale.label(Self.t(45), step: .seconds(15)) == "45s")
        #expect(TimeScale.label(Self.t(150), step: .seconds(30)) == "2m30s")
        #expect(TimeScale.label(Self.t(120), step: .seconds(60)) == "2m")
        #expect(TimeScale.label(Self.t(4500), step: .minutes(15)) == "1h15m")
        #expect(TimeScale.label(Self.t(3600), step: .minutes(30)) == "1h")
        #expect(TimeScale.label(Self.t(12.5), step: .milliseconds(500)) == "12.5s")
        #expect(TimeScale.spoken(.milliseconds(850)) == "850ms")
        #expect(TimeScale.spoken(.seconds(245)) == "4m 05s")
    }

    @Test func spansNarrowerThanAPixelMergeIntoTheValueThatHeldLongest() {
        let scale = TimeScale(end: Self.t(3600))   // 3.33 px a second: 0.3 s is a pixel
        var s = StepFunction<String>("follower")
        s.set("candidate", at: Self.t(100))
        s.set("follower", at: Self.t(100.05))
        s.set("candidate", at: Self.t(100.10))
        s.set("follower", at: Self.t(100.12))
        s.set("leader", at: Self.t(200))
        let runs = DrawnSpan.runs(s.intervals(until: Self.t(3600)), scale: scale)
        #expect(runs.map(\.value) == ["follower", "leader"])
        #expect(runs[0].mixed)
        #expect(runs[0].end == Self.t(200))
        #expect(!runs[1].mixed)
        #expect(runs[1].x1 == 12_000)
    }

    @Test func wideSpansAreKeptAsTheyAre() {
        let scale = TimeScale(end: Self.t(60))
        var s = StepFunction<Int>(1)
        s.set(2, at: Self.t(10))
        s.set(1, at: Self.t(20))
        let runs = DrawnSpan.runs(s.intervals(until: Self.t(60)), scale: scale)
        #expect(runs.map(\.value) == [1, 2, 1])
        #expect(runs.map(\.mixed) == [false, false, false])
        #expect(runs[1].x0 == scale.x(Self.t(10)))
    }

    // MARK: Recording

    static let partitionRun = """
        seed 5
        hosts m1..m3 w1
        m1$ docker swarm init
        m2$ docker swarm join --token $MANAGER_TOKEN m1:2377
        m3$ docker swarm join --token $MANAGER_TOKEN m1:2377
        w1$ docker swarm join --token $WORKER_TOKEN m1:2377
        wait 5s
        say "cut the leader off"
        isolate m1
        expect leader in m2,m3 within 30s
        heal
        crash w1
        wait 40s
        restart w1
        wait 10s
        show cluster
        """

    static func record(_ text: String) -> RunReport {
        let parsed = ScenarioParser.parse(text, file: "t.swarm")
        var options = RunOptions()
        options.recordTimeline = true
        return ScenarioRunner(script: parsed.script, options: options).run()
    }

    @Test func aRunRecordsRolesLeadersFaultsAndStatements() throws {
        let report = Self.record(Self.partitionRun)
        let t = try #require(report.timeline)
        #expect(t.title == "t.swarm")
        #expect(t.seed == 5)
        #expect(t.end == report.endTime)
        #expect(t.lanes.map(\.name) == ["m1", "m2", "m3", "w1"])

        // m1 led term 1, was cut off, and followed the new leader after the heal.
        let m1 = t.lanes[0].phase.changes.map(\.value)
        #expect(m1.first == .leader)
        #expect(m1.last == .follower)
        #expect(t.lanes[0].term.changes.first?.value == 1)
        #expect(t.lanes[3].phase.changes.map(\.value) == [.worker, .crashed, .worker])
        #expect(t.lanes[3].status.changes.map(\.value) == [.ready, .unknown, .down, .ready])

        // Who led: m1 in term 1 (still, in its own eyes, while cut off), then m3 in term 2.
        #expect(t.leader.changes.map(\.value) == [Leadership(host: "m1", term: 1), Leadership(host: "m3", term: 2)])

        // The isolation made m1 a side of its own, and the heal ended it.
        #expect(t.network.changes.map(\.value.description) == ["m1 | m2 m3 w1", "whole"])
        #expect(t.lanes[0].side.changes.map(\.value) == [1, 0])
        #expect(t.lanes[1].side.changes.map(\.value) == [2, 0])

        #expect(t.events.filter { $0.lane == 3 }.map(\.kind) == [.joined(.worker), .crashed, .restarted])
        let kinds = t.statements.map(\.kind)
        #expect(kinds.filter { $0 == .fault }.count == 4)
        #expect(kinds.filter { $0 == .narration }.count == 1)
        let expectMark = try #require(t.statements.first { $0.text.hasPrefix("expect") })
        #expect(expectMark.end > expectMark.time)
        #expect(expectMark.outcome == .ok)
        #expect(t.statements.last?.output.hasPrefix("cluster at ") == true)
    }

    @Test func aFailedExpectationEndsTheTimelineThereWithItsOutcome() throws {
        let report = Self.record("""
            seed 9
            hosts m1 m2
            m1$ docker swarm init
            m2$ docker swarm join --token $MANAGER_TOKEN m1:2377
            crash m1
            expect leader within 30s
            say "never reached"
            """)
        #expect(report.exitCode == 1)
        let t = try #require(report.timeline)
        let last = try #require(t.statements.last)
        #expect(last.text == "expect leader within 30s")
        #expect(last.outcome == .failed("no leader (m2 candidate t2)"))
        #expect(last.end == report.failure?.time)
        #expect(t.end == last.end)
    }

    @Test func noTimelineUnlessAskedFor() {
        let parsed = ScenarioParser.parse("hosts m1\nm1$ docker swarm init\n", file: "t.swarm")
        #expect(ScenarioRunner(script: parsed.script).run().timeline == nil)
    }
}
