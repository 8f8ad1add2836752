import Testing
import SimCore
import Orchestration
@testable import Report

/// The HTML report as text: self-contained, with a lane per host, bands, events and markers
/// where a known scenario puts them.
@Suite struct ReportTests {
    static func html(_ text: String) -> String {
        let report = TimelineTests.record(text)
        return report.timeline.map { TimelineReport.html($0) } ?? ""
    }

    static func count(_ needle: String, in haystack: String) -> Int {
        haystack.components(separatedBy: needle).count - 1
    }

    @Test func thePageIsSelfContained() {
        let page = Self.html(TimelineTests.partitionRun)
        #expect(page.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">\n"))
        #expect(page.hasSuffix("</body>\n</html>\n"))
        // Two inline scripts: the ring's data and the stepping code; nothing loaded.
        #expect(Self.count("<script", in: page) == 2)
        #expect(page.contains("<script type=\"application/json\" id=\"ring-data\">{"))
        #expect(page.contains("<script>(function () {"))
        #expect(!page.contains("src="))
        #expect(!page.contains("href="))
        #expect(!page.contains("@import"))
        // The only URLs are the SVG namespace and the hatch pattern defined in the page.
        // and the script's (it draws the ring's messages).
        #expect(Self.count("http", in: page) == Self.count("xmlns=\"http://www.w3.org/2000/svg\"", in: page) + 1)
        #expect(page.contains("var svgNS = 'http://www.w3.org/2000/svg'"))
        #expect(Self.count("url(", in: page) == Self.count("url(#crash-hatch)", in: page))
        #expect(page.contains("<pattern id=\"crash-hatch\""))
    }

    @Test func aLanePerHostInDeclarationOrder() {
        let page = Self.html(TimelineTests.partitionRun)
        let labels = ["statements", "network", "leader", "m1", "m2", "m3", "w1"].map { ">\($0)</text>" }
        var rest = Substring(page)
        for label in labels {
            guard let r = rest.range(of: label) else {
                Issue.record("no row label \(label) after the previous one")
                return
            }
            rest = rest[r.upperBound...]
        }
        #expect(Self.count("class=\"label host\"", in: page) == 4)
        #expect(Self.count("class=\"lane-bg", in: page) == 4)
    }

    @Test func bandsShowRolesStatusTermsAndTheLeader() {
        let page = Self.html(TimelineTests.partitionRun)
        #expect(page.contains("class=\"ph-leader\"><title>m1: leader in term 1, 0.000s–"))
        #expect(page.contains("class=\"ph-leader\"><title>m3: leader in term 2, "))
        #expect(page.contains("class=\"ph-worker\"><title>w1: worker, "))
        #expect(page.contains("class=\"ph-crashed\"><title>w1: crashed, "))
        #expect(page.contains("class=\"st-down\"><title>w1: node Down, "))
        #expect(page.contains("class=\"st-unknown\"><title>w1: node Unknown, "))
        #expect(page.contains("class=\"ld-some\"><title>leader m1 in term 1, 0.000s–"))
        #expect(page.contains("class=\"ld-some\"><title>leader m3 in term 2, "))
        #expect(page.contains(">t2</text>"))
        #expect(page.contains(">m3 · term 2</text>"))
    }

    @Test func partitionsCrashesAndRestartsAreDrawn() {
        let page = Self.html(TimelineTests.partitionRun)
        #expect(page.contains("class=\"net-split\"><title>partition m1 | m2 m3 w1, "))
        #expect(page.contains("class=\"side-1\"><title>m1 on side 1 of the partition, "))
        #expect(page.contains("class=\"side-2\"><title>w1 on side 2 of the partition, "))
        #expect(Self.count("<g class=\"ev-crash\"><title>w1 crashed at ", in: page) == 1)
        #expect(Self.count("class=\"ev-restart\"><title>w1 restarted at ", in: page) == 1)
        #expect(Self.count("class=\"ev-join\"", in: page) == 4)
        // A dashed guide down the chart at each of the four faults.
        #expect(Self.count("class=\"guide\"", in: page) == 4)
        #expect(!page.contains("class=\"guide-failed\""))
    }

    @Test func statementsAreMarkersWithTheirTextOnHover() {
        let page = Self.html(TimelineTests.partitionRun)
        // say, isolate and expect run at the same instant: the fault's diamond stands for all three.
        #expect(page.contains("<g class=\"mk mk-fault\"><title>[5.019s] line 8: say &quot;cut the leader off&quot;\n[5.019s] line 9: isolate m1\n[5.019s] line 10: expect leader in m2,m3 within 30s</title>"))
        #expect(page.contains("<g class=\"mk mk-fault\"><title>[15.474s] line 11: heal\n[15.474s] line 12: crash w1</title>"))
        #expect(page.contains("<g class=\"mk mk-fault\"><title>[55.474s] line 14: restart w1</title>"))
        #expect(page.contains("<g class=\"mk mk-show\"><title>[65.474s] line 16: show cluster\ncluster at 65.474s: leader m3 in term 2; 3 of 3 managers up, quorum 2\n"))
        #expect(page.contains("class=\"mk-span mk-check\"><title>expect leader in m2,m3 within 30s: "))
        // Statements that share a spot: one marker, a count, every statement in the tooltip.
        #expect(page.contains("<g class=\"mk mk-docker\"><title>[0.000s] line 3: m1$ docker swarm init\n[0.000s] line 4: m2$"))
        #expect(page.contains("class=\"mk-count\">4</text>"))
        // The transcript under the chart lists every statement, faults and narration marked.
        #expect(Self.count("<tr class=\"fault\" data-step=", in: page) == 4)
        #expect(Self.count("<tr class=\"narration\" data-step=", in: page) == 1)
        #expect(page.contains("<p class=\"verdict ok\">✔ every expectation held</p>"))
    }

    @Test func aFailedRunSaysWhereInRed() {
        let page = Self.html("""
            seed 9
            hosts m1 m2
            m1$ docker swarm init
            m2$ docker swarm join --token $MANAGER_TOKEN m1:2377
            crash m1
            expect leader within 30s
            """)
        #expect(page.contains("<p class=\"verdict bad\">✗ line 6: expectation failed at 30.006s: <code>expect leader within 30s</code> — seen: no leader (m2 candidate t2)</p>"))
        #expect(Self.count("class=\"guide-failed\"", in: page) == 1)
        #expect(page.contains("<g class=\"mk mk-failed\">"))
        #expect(page.contains("<tr class=\"failed\" data-step=\"6\">"))
    }

    @Test func theSameRunGivesTheSameBytes() {
        #expect(Self.html(TimelineTests.partitionRun) == Self.html(TimelineTests.partitionRun))
    }

    @Test func textIsEscaped() {
        let page = Self.html("hosts m1\nsay \"<b>&'\"\n")
        #expect(page.contains("say &quot;&lt;b&gt;&amp;&#39;&quot;"))
        #expect(!page.contains("<b>&"))
    }

    // MARK: Tracks still to come

    @Test func servicesTasksAndRequestsAreDrawnWhenRecorded() {
        var t = Timeline(title: "synthetic", seed: 1)
        t.end = SimTime.zero + .seconds(60)
        t.lanes = [HostLane(name: "w1"), HostLane(name: "w2")]
        t.lanes[0].phase.set(.worker, at: .zero)
        t.lanes[0].tasks.set(3, at: SimTime.zero + .seconds(10))
        var web = ServiceTrack(name: "web")
        web.desired.set(3, at: SimTime.zero + .seconds(5))
        web.running.set(2, at: SimTime.zero + .seconds(8))
        web.running.set(3, at: SimTime.zero + .seconds(12))
        t.services = [web]
        t.requests = [RequestMark(time: SimTime.zero + .seconds(20), entry: 0, answeredBy: 1),
                      RequestMark(time: SimTime.zero + .seconds(20), entry: 1, answeredBy: nil)]
        let page = TimelineReport.html(t)
        #expect(page.contains("class=\"label service\" text-anchor=\"end\">web</text>"))
        #expect(page.contains(">requests</text>"))
        #expect(page.contains("class=\"svc-zero\"><title>web: 0/3 running, 5.000s–8.000s (3.0s)</title>"))
        #expect(page.contains("class=\"svc-part\"><title>web: 2/3 running, 8.000s–12.000s (4.0s)</title>"))
        #expect(page.contains("class=\"svc-full\"><title>web: 3/3 running, 12.000s–60.000s (48.0s)</title>"))
        #expect(page.contains("<g class=\"req\"><title>2 requests at 20.000s: 1 answered, 1 failed</title>"))
        #expect(page.contains("class=\"tasks\">3▪</text>"))
    }

    @Test func anHourOfFlappingStaysAtMostARectanglePerPixel() {
        var t = Timeline(title: "flapping", seed: 1)
        t.end = SimTime.zero + .hours(1)
        t.lanes = [HostLane(name: "m1")]
        for i in 0..<36_000 {
            t.lanes[0].phase.set(i % 2 == 0 ? .follower : .candidate, at: SimTime.zero + .milliseconds(Int64(i) * 100))
        }
        let chart = TimelineChart(timeline: t)
        #expect(chart.width == 12_024)
        let bands = Self.count("class=\"ph-", in: chart.chartSVG)
        #expect(bands >= 1 && bands <= 12_000)
    }
}
