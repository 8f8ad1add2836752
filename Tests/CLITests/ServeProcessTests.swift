import Foundation
import Testing

/// The helper that runs clients beside `swarmsim serve`: it must collect both outputs of a
/// child, whichever fills its pipe first.
@Suite struct ServeProcessTests {
    /// A child that writes far more to standard error than a pipe holds (64 KiB on Linux) before
    /// it writes to standard output. Read one after the other, the child would wait for ever on
    /// its full standard error while the reader waits for its standard output to end.
    @Test func aChildThatFillsItsStandardErrorFirstIsReadToTheEnd() throws {
        let shell = try #require(ServeProcess.which("sh"))
        final class Outcome: @unchecked Sendable {
            let lock = NSLock()
            var result: (out: String, err: String, status: Int32)?
        }
        let outcome = Outcome()
        Thread.detachNewThread {
            let r = ServeProcess.run(shell, ["-c", "head -c 300000 /dev/zero | tr '\\0' e >&2; echo done"], environment: [:])
            outcome.lock.lock(); outcome.result = r; outcome.lock.unlock()
        }
        let finished = ServeProcess.eventually { outcome.lock.lock(); defer { outcome.lock.unlock() }; return outcome.result != nil }
        #expect(finished)
        outcome.lock.lock(); let result = outcome.result; outcome.lock.unlock()
        #expect(result?.out == "done\n")
        #expect(result?.err.utf8.count == 300_000)
        #expect(result?.err.allSatisfy { $0 == "e" } == true)
        #expect(result?.status == 0)
    }
}
