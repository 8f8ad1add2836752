import Testing
import Foundation
@testable import ScenarioLanguage
@testable import DockerClient
@testable import Runner

/// A lesson's narration is checked by its `expect`s: run with a setting that changes the story,
/// the lesson must fail at the claim that no longer holds, not merely print other output.
@Suite struct LessonStoryTests {
    static func lesson(_ name: String) throws -> String {
        let path = ScenarioFilesTests.root.appendingPathComponent("Scenarios/teaching/" + name).path
        let bytes = try #require(FileManager.default.contents(atPath: path))
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test func lessonFourPassesAsWritten() throws {
        let check = TranscriptCheck.check(bytes: Array(try Self.lesson("04-isolated-leader.swarm").utf8), file: "04.swarm")
        #expect(check.report?.failure == nil)
    }

    /// With PreVote on, the isolated leader's term no longer runs ahead: the expectation that
    /// claims it does fails (the file's line 105, line 106 after the prepended setting).
    @Test func lessonFourFailsWithPreVoteOn() throws {
        let text = "raft prevote on\n" + (try Self.lesson("04-isolated-leader.swarm"))
        let check = TranscriptCheck.check(bytes: Array(text.utf8), file: "04.swarm")
        let failure = try #require(check.report?.failure)
        #expect(failure.statement == "expect manager m1 candidate term 5")
        #expect(failure.location.line == 106)
        #expect(failure.seen.hasPrefix("leader m2 (m1 pre-candidate t1, m2 leader t2, m3 follower t2)"))
    }

    /// The Korean lesson 4 tells the same story and fails at the same claim.
    @Test func koreanLessonFourFailsWithPreVoteOn() throws {
        let text = "raft prevote on\n" + (try Self.lesson("ko/04-isolated-leader.swarm"))
        let check = TranscriptCheck.check(bytes: Array(text.utf8), file: "ko/04.swarm")
        let failure = try #require(check.report?.failure)
        #expect(failure.statement == "expect manager m1 candidate term 5")
        #expect(failure.location.line == 108)
    }

    /// Lesson 4b tells the PreVote story; with PreVote off again (the setting removed), its
    /// claim that m1 stays in term 1 fails.
    @Test func lessonFourBFailsWithPreVoteOff() throws {
        let text = try Self.lesson("04b-isolated-leader-prevote.swarm").replacingOccurrences(of: "raft prevote on\n", with: "raft prevote off\n")
        let check = TranscriptCheck.check(bytes: Array(text.utf8), file: "04b.swarm")
        let failure = try #require(check.report?.failure)
        #expect(failure.statement == "expect manager m1 pre-candidate term 1")
    }
}
