@testable import ScenarioLanguage
@testable import DockerClient
@testable import Runner
import SimCore
import Testing

/// `docker node inspect --pretty` with docker/cli's template spacing, and times as Go's
/// `time.Time.String()` prints them.
@Suite struct NodeInspectPrettyTests {
    @Test("Go's time.String(): nanoseconds with trailing zeros dropped, no fraction on a whole second")
    func goTimeString() {
        #expect(VirtualCalendar.timestamp(SimTime.zero) == "2026-01-01 00:00:00 +0000 UTC")
        #expect(VirtualCalendar.timestamp(SimTime.zero + .milliseconds(1)) == "2026-01-01 00:00:00.001 +0000 UTC")
        #expect(VirtualCalendar.timestamp(SimTime.zero + SimDuration(nanoseconds: 1_362_394)) == "2026-01-01 00:00:00.001362394 +0000 UTC")
        #expect(VirtualCalendar.timestamp(SimTime.zero + .seconds(90) + SimDuration(nanoseconds: 500_000_000)) == "2026-01-01 00:01:30.5 +0000 UTC")
    }

    @Test("the template's spaces before the tab on Hostname, Joined at, Message and Availability")
    func spacing() {
        let script = """
            seed 7
            hosts m1
            m1$ docker swarm init
            m1$ docker node inspect --pretty self
            """
        let parsed = ScenarioParser.parse(script, file: "t.swarm")
        #expect(!parsed.hasErrors, "\(parsed.renderedDiagnostics)")
        let out = ScenarioRunner(script: parsed.script).run().outputs[3] ?? ""
        #expect(out.contains("\nHostname:              \tm1\nJoined at:             \t2026-01-01 00:00:00 +0000 UTC\nStatus:\n State:\t\t\tReady\n Availability:         \tActive\n Address:\t\t"))
        #expect(DockerFormat.capitalizedFirst("heartbeat failure") == "Heartbeat failure")
    }
}
