import Testing
import ScenarioLanguage
@testable import swarmsim

/// `help` in the shell lists every statement and setting; Tab completes settings and their
/// values as well as statements.
@Suite struct ShellHelpTests {
    @Test func helpNamesEveryStatementAndSetting() {
        let lines = ShellHelp.text.split(separator: "\n").map { $0.trimmingPrefix(while: { $0 == " " }) }
        for keyword in ShellCompletion.statements where !["seed", "network", "raft", "dispatcher", "mesh", "task", "swarm"].contains(keyword) {
            #expect(lines.contains { $0.hasPrefix(keyword + " ") || $0.hasPrefix("m1$ ") && keyword == "m1$" }, "help lacks '\(keyword)'")
        }
        for key in SettingKey.allCases {
            #expect(ShellHelp.text.contains(key.rawValue + " "), "help lacks the setting '\(key.rawValue)'")
        }
        for command in ShellCompletion.shellCommands {
            #expect(lines.contains { $0.hasPrefix(command) }, "help lacks the shell command '\(command)'")
        }
    }

    @Test func settingsAndTheirValuesComplete() {
        let c = { ShellCompletion.candidates(for: $0, hosts: ["m1"]) }
        #expect(c("i") == ["isolate", "image"])
        #expect(c("la") == ["lang"])
        #expect(c("lang ") == ["en", "ko"])
        #expect(c("raft p") == ["persist-latency", "prevote"])
        #expect(c("raft prevote ") == ["on", "off"])
        #expect(c("mesh balance ") == ["round-robin", "local-first"])
        #expect(c("swarm ") == ["reads"])
        #expect(c("raft election-ticks ") == [])
        #expect(c("seed ") == [])
    }
}
