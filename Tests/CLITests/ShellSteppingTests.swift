import Testing
import Foundation
@testable import swarmsim

/// A shell started on a lesson steps through it: it pauses after each narration block, and
/// `next [N]`, `continue` and `until LINE` go on; typed lines are `shell:N` in diagnostics.
@Suite struct ShellSteppingTests {
    static let lessonPath = "Scenarios/teaching/02-majority-and-minority.swarm"

    static func system() throws -> FakeSystem {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let fs = FakeSystem()
        fs.files[lessonPath] = [UInt8](try #require(FileManager.default.contents(atPath: root.appendingPathComponent(lessonPath).path)))
        return fs
    }

    static func pause(_ line: Int) -> String { "(paused before line \(line) of \(lessonPath); 'next' goes on)" }

    /// `printf 'next\nnext 3\nshow cluster\ncontinue\n' | swarmsim shell LESSON`: the file's
    /// own output, exactly as `run` prints it, with the pauses where the narration blocks end
    /// and the typed `show cluster` where it was typed.
    @Test func nextNextThreeShowClusterContinue() throws {
        let fs = try Self.system()
        #expect(ShellTests.run(fs, ["shell", Self.lessonPath], input: ["next", "next 3", "show cluster", "continue"]) == 0)
        #expect(fs.err == "")
        let out = fs.out.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // Started on the file: it runs to the end of its first narration block and pauses.
        #expect(out[24...25] == ["Part 1: a partition puts the leader m1 on the majority side, with m2 and m3.", Self.pause(26)])
        // next: one block on; next 3: three more.
        #expect(out[41...43] == ["A quorum is a majority of all managers: 3 of 5.",
                                 "The majority side has 3 of 5 managers, so m1 stays the leader of term 1.", Self.pause(45)])
        #expect(out[56...58] == ["Every control call, even a read, goes to the leader, which the minority side cannot reach.",
                                 "A manager that lost its leader moments ago waits up to 20 s for a new one; one that has had none for more than 10 s refuses at once.",
                                 Self.pause(64)])
        #expect(out[59...70] == [
            "[25.037s] show cluster",
            "cluster at 25.037s: leader m1 in term 1; 5 of 5 managers up, quorum 3",
            "  side 1: 3 of 5 managers, quorum",
            "    m1  manager  leader     term 1  Ready",
            "    m2  manager  follower   term 1  Ready",
            "    m3  manager  follower   term 1  Ready",
            "    w1  worker                      Ready  Drain",
            "  side 2: 2 of 5 managers, no quorum",
            "    m4  manager  follower   term 2  Down",
            "    m5  manager  candidate  term 2  Down",
            "    w2  worker                      Down",
            "    w3  worker                      Down",
        ])
        #expect(out.suffix(2) == ["(end of \(Self.lessonPath))", ""])
        // Everything else is the lesson's own output, exactly as 'swarmsim run' prints it.
        let run = try Self.system()
        #expect(CLI.main(["run", Self.lessonPath], io: run.io) == 0)
        let rest = out.enumerated().filter { !(59...70).contains($0.offset) && !$0.element.hasPrefix("(") }.map(\.element)
        #expect(rest.joined(separator: "\n") == run.out)
    }

    @Test func untilRunsToALineAndTypedMistakesAreShellLines() throws {
        let fs = try Self.system()
        #expect(ShellTests.run(fs, ["shell", Self.lessonPath], input: ["partiton m1", "until 3", "until 40", "next 0", "say hi", "crash m9"]) == 2)
        #expect(fs.err == """
            shell:1:1: error: unknown statement 'partiton'
            partiton m1
            ^~~~~~~~
            hint: did you mean 'partition'?
            error: line 3 of \(Self.lessonPath) has run already; the next statement is on line 26
            error: write 'next' or 'next N', N a number of narration blocks from 1
            shell:2:7: error: unknown host 'm9'
            crash m9
                  ^~
            hint: did you mean 'm1'?

            """)
        #expect(fs.out.contains("    w3  worker                      Down\n\(Self.pause(43))\nhi\n"))
    }

    @Test func steppingNeedsAFileAndStopsAtItsEnd() throws {
        let fs = FakeSystem()
        fs.files["f.swarm"] = Array("hosts m1\nsay one\nsay two\nwait 1s\nsay three\n".utf8)
        #expect(ShellTests.run(fs, ["shell", "f.swarm"], input: ["continue", "next", "until 9"]) == 0)
        #expect(fs.out == "one\ntwo\n(paused before line 4 of f.swarm; 'next' goes on)\n[0.000s] wait 1s\nthree\n(end of f.swarm)\n(nothing left to run in f.swarm)\n(nothing left to run in f.swarm)\n")
        let bare = FakeSystem()
        #expect(ShellTests.run(bare, ["shell"], input: ["next"]) == 0)
        #expect(bare.err.hasPrefix("error: 'next' steps through a scenario file"))
    }
}
